// Metadata for cors-misconfiguration: CORS that lets any origin make credentialed requests.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'cors-misconfiguration',
  title: 'CORS allows any origin with credentials',
  severity: 'error',
  confidence: 'high',
  cwe: ['CWE-942', 'CWE-346'],
  owasp: 'A05:2021-Security Misconfiguration',
  message: 'Reflecting any Origin (or allowing every origin) together with credentials lets any website read this API\'s responses as the logged-in user; allow an explicit list of trusted origins.',
  fixable: false,
});
