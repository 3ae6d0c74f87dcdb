// Metadata for missing-authorization: state-changing routes without the authentication or authorization their sibling routes use.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'missing-authorization',
  title: 'State-changing route without the authorization its siblings use',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-862', 'CWE-306'],
  owasp: 'A01:2021-Broken Access Control',
  message: 'This route changes data but has none of the authentication or authorization checks the other routes in this module use, so anyone can call it; add the same middleware, guard or check.',
  fixable: false,
});
