// Metadata for permissive-file-permissions: file modes that let every local user write a file, or read a secret one.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'permissive-file-permissions',
  title: 'World-writable or over-readable file permissions',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-732', 'CWE-276'],
  owasp: 'A01:2021-Broken Access Control',
  message: 'A file or directory mode that lets every user on the machine write it (or read a key or credential) hands it to any local process; grant only the owner (0o600 for secrets, 0o644 or 0o755 otherwise).',
  fixable: true,
});
