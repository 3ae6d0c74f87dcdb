// Metadata for debug-enabled: debug modes, development error pages and stack-trace settings switched on outside development.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'debug-enabled',
  title: 'Debug mode or development error pages enabled',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-489', 'CWE-215'],
  owasp: 'A05:2021-Security Misconfiguration',
  message: 'Debug mode exposes stack traces, configuration and sometimes an interactive console to anyone who triggers an error; enable it only in development, from the environment.',
  fixable: true,
});
