// Metadata for csrf-disabled: CSRF protection turned off, or left off routes its siblings protect.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'csrf-disabled',
  title: 'CSRF protection disabled',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-352'],
  owasp: 'A01:2021-Broken Access Control',
  message: 'Without CSRF protection another site can make a logged-in user\'s browser submit state-changing requests; keep the framework\'s CSRF check on and exempt only endpoints that do not use cookie authentication.',
  fixable: true,
});
