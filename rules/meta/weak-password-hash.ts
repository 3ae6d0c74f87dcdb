// Metadata for weak-password-hash: passwords hashed with a fast, unsalted or low-cost function that weak-hash does not already flag.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'weak-password-hash',
  title: 'Password hashed with a fast or unsalted function',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-916', 'CWE-759'],
  owasp: 'A02:2021-Cryptographic Failures',
  message: 'A fast hash (SHA-256, SHA-512) or a constant salt lets stolen password hashes be cracked at billions of guesses per second; hash passwords with bcrypt, scrypt, Argon2 or PBKDF2 with a random salt and a high work factor.',
  fixable: true,
});
