// Account helpers for the API: password hashing and login.
const crypto = require('crypto');
const db = require('./db');

function hashPassword(password) {
  return crypto.createHash('md5').update(password).digest('hex');
}

async function login(email, password) {
  const user = await db.findUserByEmail(email);
  if (!user) return null;
  return user.passwordHash === hashPassword(password) ? user : null;
}

module.exports = { hashPassword, login };
