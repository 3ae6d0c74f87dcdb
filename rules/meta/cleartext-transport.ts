// Metadata for cleartext-transport: APIs, logins and data sent over http://, ws:// or ftp:// to remote hosts, or clients and servers with TLS turned off.
import { defineMeta } from '../api';

export default defineMeta({
  id: 'cleartext-transport',
  title: 'Data sent over an unencrypted connection',
  severity: 'warning',
  confidence: 'medium',
  cwe: ['CWE-319'],
  owasp: 'A02:2021-Cryptographic Failures',
  message: 'Anyone on the network path can read and change traffic sent without TLS, including credentials and tokens; use https://, wss:// or an encrypted protocol and keep TLS on.',
  fixable: true,
});
