// Metadata for assert-for-security: Python assert statements that guard access or validate untrusted input.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'assert-for-security',
  title: 'assert used for a security check',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-617', 'CWE-703'],
  owasp: 'A01:2021-Broken Access Control',
  message: 'Python removes assert statements when run with -O, so an access or input check written as assert disappears in optimized deployments; raise an exception (PermissionDenied, ValueError) or return an error instead.',
  fixable: false,
});
