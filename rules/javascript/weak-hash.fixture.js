const crypto = require('crypto');

function hashPassword(password) {
  // expect: weak-hash
  return crypto.createHash('md5').update(password).digest('hex');
}

function hashPasswordSafely(password, salt) {
  // ok: weak-hash
  return crypto.scryptSync(password, salt, 64).toString('hex');
}
