// Metadata for vulnerable-dependency: a declared package whose locked or pinned version has published advisories (opt-in, networked).
import { defineMeta } from '../api';

export default defineMeta({
  id: 'vulnerable-dependency',
  title: 'Dependency version with known vulnerabilities',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-1395'],
  owasp: 'A06:2021-Vulnerable and Outdated Components',
  message: 'This package version has published security advisories; upgrade to a version that fixes them.',
  fixable: false,
});
