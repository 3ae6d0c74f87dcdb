// Metadata for nosql-injection: request data used as a MongoDB query or operator.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'nosql-injection',
  title: 'Request data used as a NoSQL query',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-943'],
  owasp: 'A03:2021-Injection',
  message: 'Request data used as a MongoDB query can carry operators such as $ne, $gt or $where; cast values to the expected type or compare them with $eq.',
  fixable: true,
});
