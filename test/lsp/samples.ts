// Source texts the LSP tests and benchmarks share: small, realistic, with a known weak-hash finding.

/** One weak-hash finding at line 3, characters 27–32 (`'md5'`), with a fix (to SHA-256) that changes behaviour. */
export const hashing = `const crypto = require('crypto');

function signWebhook(payload) {
  return crypto.createHash('md5').update(payload).digest('hex');
}
`;
