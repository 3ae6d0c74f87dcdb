// Metadata for code-injection: evaluating strings that are not constants as code.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'code-injection',
  title: 'Code built from a non-constant string is evaluated',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-95', 'CWE-94'],
  owasp: 'A03:2021-Injection',
  message: 'Evaluating a non-constant string runs whatever code reaches it; parse data with JSON.parse or ast.literal_eval, or dispatch through an allow-list of functions.',
  fixable: true,
});
