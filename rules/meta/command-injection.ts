// Metadata for command-injection: shell commands built from data that is not constant.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'command-injection',
  title: 'Shell command built from non-constant data',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-78', 'CWE-77'],
  owasp: 'A03:2021-Injection',
  message: 'A shell command built from non-constant data runs whatever shell syntax that data contains; pass the arguments as a list to a call that runs no shell (execFile, spawn, subprocess.run with a list).',
  fixable: true,
});
