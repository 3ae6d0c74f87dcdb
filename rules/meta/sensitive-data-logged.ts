// Metadata for sensitive-data-logged: passwords, tokens, secrets and card numbers written to logs.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'sensitive-data-logged',
  title: 'Sensitive data written to logs',
  severity: 'warning',
  confidence: 'high',
  cwe: ['CWE-532'],
  owasp: 'A09:2021-Security Logging and Monitoring Failures',
  message: 'Logs are copied to consoles, files and log services that many people can read, so a password, token or secret written there leaks; log an identifier or a redacted value instead.',
  fixable: false,
});
