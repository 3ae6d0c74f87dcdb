// Metadata for template-injection: template source built from data and compiled by a server-side template engine.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'template-injection',
  title: 'Template source built from non-constant data',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-1336', 'CWE-94'],
  owasp: 'A03:2021-Injection',
  message: 'Template source built from non-constant data lets that data run template code ({{ }} expressions reach Python objects); keep the template constant and pass the data as template variables.',
  fixable: true,
});
