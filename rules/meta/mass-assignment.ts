// Metadata for mass-assignment: client data spread into model fields without an allow-list.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'mass-assignment',
  title: 'Request data assigned to model fields wholesale',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-915'],
  owasp: 'A04:2021-Insecure Design',
  message: 'Spreading request data into a model lets the client set any field, such as is_admin, owner or price; copy only an allow-list of fields, or validate through a form or schema that declares them.',
  fixable: false,
});
