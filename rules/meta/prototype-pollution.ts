// Metadata for prototype-pollution: writes through attacker-chosen keys that can reach Object.prototype.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'prototype-pollution',
  title: 'Object keys from input can reach Object.prototype',
  severity: 'error',
  confidence: 'medium',
  cwe: ['CWE-1321'],
  owasp: 'A08:2021-Software and Data Integrity Failures',
  message: 'Merging or setting properties by keys that come from input lets a "__proto__" or "constructor" key modify Object.prototype for the whole process; skip those keys or build the target with Object.create(null) or a Map.',
  fixable: true,
});
