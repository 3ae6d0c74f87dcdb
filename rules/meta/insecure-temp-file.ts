// Metadata for insecure-temp-file: files created at predictable names in a shared temporary directory, or names reserved without creating the file.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'insecure-temp-file',
  title: 'Temporary file created insecurely',
  severity: 'warning',
  confidence: 'medium',
  cwe: ['CWE-377', 'CWE-379'],
  owasp: 'A01:2021-Broken Access Control',
  message: 'A predictable name in a shared temporary directory lets another local user pre-create or symlink the file and read or redirect what is written; create it with mkdtemp, tempfile.mkstemp or NamedTemporaryFile, or open it exclusively.',
  fixable: true,
});
