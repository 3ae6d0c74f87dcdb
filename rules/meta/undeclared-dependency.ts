// Metadata for undeclared-dependency: a third-party import that no manifest of the file's project declares.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'undeclared-dependency',
  title: 'Import of a package the project does not declare',
  severity: 'warning',
  confidence: 'medium',
  cwe: ['CWE-1357', 'CWE-829'],
  owasp: 'A06:2021-Vulnerable and Outdated Components',
  message: 'This package is imported but no manifest of the project declares it, so nobody has vetted or pinned it; check that it is the package you mean and declare it with a version, or remove the import.',
  fixable: false,
});
