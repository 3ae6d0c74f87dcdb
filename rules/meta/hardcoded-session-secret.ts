// Metadata for hardcoded-session-secret: session, cookie-signing and framework secret keys written into source.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'hardcoded-session-secret',
  title: 'Hard-coded session or cookie-signing secret',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-798', 'CWE-321'],
  owasp: 'A07:2021-Identification and Authentication Failures',
  message: 'A session or cookie-signing secret in source lets anyone who can read the repository forge sessions and log in as any user; load it from an environment variable or a secrets manager.',
  fixable: true,
});
