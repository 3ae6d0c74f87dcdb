// Metadata for path-traversal: file paths built from client data, and archive members extracted without checks.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'path-traversal',
  title: 'File path controlled by untrusted data',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-22', 'CWE-73'],
  owasp: 'A01:2021-Broken Access Control',
  message: 'A file path built from untrusted data can climb out of the intended directory with ../ or an absolute path; reduce it to a safe file name or resolve it and check it stays under the base directory.',
  fixable: true,
});
