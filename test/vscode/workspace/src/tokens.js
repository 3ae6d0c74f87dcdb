// Password-reset tokens for the account API.
const crypto = require('crypto');

function createResetToken(user) {
  return crypto.createHash('sha1').update(`${user.id}:${Date.now()}:${user.email}`).digest('hex');
}

function resetLink(user) {
  return `https://app.example.com/reset?token=${createResetToken(user)}`;
}

module.exports = { createResetToken, resetLink };
