// Metadata for weak-cipher: broken ciphers, ECB mode, static or zero IVs, short keys and obsolete TLS versions.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'weak-cipher',
  title: 'Weak cipher, mode, IV or key size',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-327', 'CWE-329', 'CWE-326'],
  owasp: 'A02:2021-Cryptographic Failures',
  message: 'DES, 3DES, RC4 and ECB mode, a fixed IV or a short key leave encrypted data readable or forgeable; use AES-256-GCM (or ChaCha20-Poly1305) with a fresh random IV per message and keys of at least 2048 bits for RSA.',
  fixable: true,
});
