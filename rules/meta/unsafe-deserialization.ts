// Metadata for unsafe-deserialization: formats and parsers that can run code or build arbitrary objects from the data they read.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'unsafe-deserialization',
  title: 'Deserialization that can run code from the data',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-502'],
  owasp: 'A08:2021-Software and Data Integrity Failures',
  message: 'This deserializer can run code or build arbitrary objects from the data it reads, so whoever controls the data controls the process; parse a data-only format (JSON, yaml.safe_load, js-yaml safeLoad) instead.',
  fixable: true,
});
