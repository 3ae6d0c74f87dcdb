// Metadata for regex-injection: input compiled as a regular expression, and patterns with catastrophic backtracking.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'regex-injection',
  title: 'Input compiled as a regular expression, or a pattern that backtracks catastrophically',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-1333', 'CWE-625', 'CWE-400'],
  owasp: 'A03:2021-Injection',
  message: 'A regular expression built from input, or one with nested repetition, can take exponential time on a crafted string; escape input before building a pattern and avoid quantified groups that repeat the same characters.',
  fixable: true,
});
