// Metadata for insecure-cookie: session and authentication cookies without HttpOnly, Secure or SameSite protection.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'insecure-cookie',
  title: 'Session cookie without HttpOnly, Secure or SameSite',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-1004', 'CWE-614', 'CWE-1275'],
  owasp: 'A05:2021-Security Misconfiguration',
  message: 'A session cookie readable by scripts or sent over plain HTTP can be stolen by an XSS payload or a network observer; set httpOnly and secure (and sameSite) on it.',
  fixable: true,
});
