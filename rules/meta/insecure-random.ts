// Metadata for insecure-random: a non-cryptographic random generator producing security values (tokens, passwords, codes, salts).
import { defineMeta } from '../api';

export default defineMeta({
  id: 'insecure-random',
  title: 'Predictable random numbers for a security value',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-338', 'CWE-330'],
  owasp: 'A02:2021-Cryptographic Failures',
  message: 'Math.random and Python\'s random module are predictable, so tokens, passwords or codes made from them can be guessed; use crypto.randomBytes, crypto.randomInt, crypto.randomUUID or Python\'s secrets module.',
  fixable: true,
});
