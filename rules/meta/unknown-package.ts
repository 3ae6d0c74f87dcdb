// Metadata for unknown-package: an import or declaration of a package the registry says does not exist (opt-in, networked).
import { defineMeta } from '../api';

export default defineMeta({
  id: 'unknown-package',
  title: 'Package that does not exist on the registry',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-1357', 'CWE-829'],
  owasp: 'A08:2021-Software and Data Integrity Failures',
  message: 'This package does not exist on the registry, so the name was likely made up and anyone can register it to run code on install; remove it or use the package you meant.',
  fixable: false,
});
