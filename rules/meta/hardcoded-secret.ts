// Metadata for hardcoded-secret: credentials, keys and tokens written into source code.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'hardcoded-secret',
  title: 'Hard-coded credential or key',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  owasp: 'A07:2021-Identification and Authentication Failures',
  message: 'A credential in source code is exposed to everyone who can read the repository and cannot be rotated without a release; load it from the environment or a secrets manager.',
  fixable: false,
});
