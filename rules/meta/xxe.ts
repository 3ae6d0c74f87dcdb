// Metadata for xxe: XML parsers that resolve external entities or expand entities on untrusted input.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'xxe',
  title: 'XML parser open to external entities',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-611', 'CWE-776'],
  owasp: 'A05:2021-Security Misconfiguration',
  message: 'Parsing untrusted XML with entity resolution on lets a document read local files, reach internal URLs or exhaust memory; disable entity resolution and DTD loading, or use a hardened parser such as defusedxml.',
  fixable: true,
});
