// Metadata for xss: untrusted data written into HTML without escaping.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'xss',
  title: 'Untrusted data rendered as HTML',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-79'],
  owasp: 'A03:2021-Injection',
  message: 'Data inserted into HTML without escaping can add script to the page; insert it as text (textContent, autoescaped templates) or sanitize it with DOMPurify.',
  fixable: true,
});
