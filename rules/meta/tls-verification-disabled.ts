// Metadata for tls-verification-disabled: TLS clients and settings that accept any certificate.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'tls-verification-disabled',
  title: 'TLS certificate verification turned off',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-295'],
  owasp: 'A07:2021-Identification and Authentication Failures',
  message: 'With certificate verification off, anyone on the network path can impersonate the server and read or change the traffic; keep verification on and trust a private CA explicitly (ca option, REQUESTS_CA_BUNDLE) if you need one.',
  fixable: true,
});
