// Metadata for sql-injection: SQL text built from data instead of bound parameters.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'sql-injection',
  title: 'SQL built from non-constant data',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-89'],
  owasp: 'A03:2021-Injection',
  message: 'SQL text built from non-constant data lets that data change the query; pass values as bound parameters (placeholders plus a values list) instead.',
  fixable: true,
});
