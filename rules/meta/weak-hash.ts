// Metadata for weak-hash: MD5 or SHA-1 where security depends on the digest.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'weak-hash',
  title: 'Weak hash where security depends on it',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-328', 'CWE-327'],
  owasp: 'A02:2021-Cryptographic Failures',
  message: 'MD5 and SHA-1 are broken for security use (collisions are practical); use SHA-256 or stronger, and bcrypt, scrypt or Argon2 for passwords.',
  fixable: true,
});
