// Metadata for open-redirect: redirects to a location taken from the request.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'open-redirect',
  title: 'Redirect to a location from the request',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-601'],
  owasp: 'A01:2021-Broken Access Control',
  message: 'Redirecting to a location taken from the request sends users to any site an attacker links; allow only relative paths or hosts from an allow-list.',
  fixable: false,
});
