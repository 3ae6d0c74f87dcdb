// Metadata for xpath-injection: XPath expressions built from data instead of XPath variables.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'xpath-injection',
  title: 'XPath expression built from untrusted data',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-643'],
  owasp: 'A03:2021-Injection',
  message: 'An XPath expression built from untrusted data lets a quote in it change the query, for example to match every node; keep the expression constant and pass the value as an XPath variable.',
  fixable: true,
});
