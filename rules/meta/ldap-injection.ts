// Metadata for ldap-injection: LDAP filters and DNs built from data without escaping.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'ldap-injection',
  title: 'LDAP filter or DN built from unescaped data',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-90'],
  owasp: 'A03:2021-Injection',
  message: 'An LDAP filter or DN built from unescaped data lets * ( ) and \\ in it change the query, for example to match every user; escape each value for its context (escape_filter_chars, escape_dn_chars) or use filter_format.',
  fixable: true,
});
