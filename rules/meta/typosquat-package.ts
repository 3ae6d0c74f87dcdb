// Metadata for typosquat-package: a package name a small edit away from a popular package.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'typosquat-package',
  title: 'Package name that imitates a popular package',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-1357', 'CWE-506'],
  owasp: 'A08:2021-Software and Data Integrity Failures',
  message: 'This package name is a near miss of a popular package, a spelling attackers register to run code on install; use the popular package\'s exact name.',
  fixable: true,
});
