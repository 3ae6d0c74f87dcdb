// Metadata for error-details-exposed: stack traces, exception messages and raw error objects sent to the client.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'error-details-exposed',
  title: 'Error details sent to the client',
  severity: 'warning',
  confidence: 'medium',
  cwe: ['CWE-209', 'CWE-497'],
  owasp: 'A04:2021-Insecure Design',
  message: 'Stack traces and raw exception messages tell an attacker about the code, queries, paths and libraries behind the API; log the error on the server and send the client a generic message.',
  fixable: true,
});
