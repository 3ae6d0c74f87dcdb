// Metadata for jwt-verification-disabled: JSON Web Tokens accepted without checking their signature, algorithm or expiry.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'jwt-verification-disabled',
  title: 'JWT accepted without proper verification',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-347', 'CWE-345'],
  owasp: 'A02:2021-Cryptographic Failures',
  message: 'A JWT whose signature is not verified (decode instead of verify, the none algorithm, verification switched off) can be forged by anyone; verify it with the expected key and an explicit list of algorithms.',
  fixable: true,
});
