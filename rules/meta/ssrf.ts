// Metadata for ssrf: outbound requests to URLs or hosts the client controls.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'ssrf',
  title: 'Server-side request to a client-controlled URL',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-918'],
  owasp: 'A10:2021-Server-Side Request Forgery',
  message: 'A request to a URL or host taken from the client lets it reach internal services and cloud metadata endpoints from your server; allow-list the destination hosts (and schemes) before fetching.',
  fixable: false,
});
