// Owns recognising credentials by their shape alone in JavaScript: provider key formats (shared with Python), private key blocks, JWTs and passwords inside connection strings.
import type { Confidence } from '../../api';
import { findKeyFormat, keyFormatHint } from '../../lib/key-formats';

export interface KnownCredential {
  /** What was found, with its article: 'an AWS access key ID'. */
  readonly label: string;
  readonly confidence: Confidence;
}

/** One cheap test for every key format and private key blocks, so most strings (and a rule's triggers, whole units) cost a single regex. */
export const anyFormat = new RegExp(`${keyFormatHint}|PRIVATE KEY`);
const privateKeyBlock = /-----BEGIN ((?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----\s*(?:[A-Za-z-]+: [^\n]*\n\s*)*([A-Za-z0-9+/=\s\\n]{40,})/;
const jwt = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/;

/** A provider key or a private key block found anywhere in the text. */
export function findKnownCredential(text: string): KnownCredential | undefined {
  if (text.length < 20 || !anyFormat.test(text)) return undefined;
  if (text.includes('PRIVATE KEY') && privateKeyBlock.test(text)) return { label: 'a private key', confidence: 'high' };
  const format = findKeyFormat(text);
  return format && { label: format.label, confidence: format.confidence };
}

/** `-----BEGIN … PRIVATE KEY-----` without a body: code that parses or formats PEM, not a key. */
export function hasPrivateKeyMarker(text: string): boolean {
  return /-----BEGIN [A-Z ]*PRIVATE KEY/.test(text);
}

export function containsJwt(text: string): boolean {
  return jwt.test(text);
}

export interface EmbeddedPassword {
  readonly password: string;
  /** Host of a URL, when the password sits in one. */
  readonly host?: string;
}

const urlCredentials = /\b([a-z][a-z0-9+.-]{1,20}):\/\/([^\s:@/?#]*):([^\s@/?#]+)@(\[[^\]]+\]|[^\s/?#:]+)/i;
const keyValuePassword = /(?:^|;)\s*(?:password|pwd)\s*=\s*([^;]*)/i;
const queryPassword = /[?&](?:password|passwd|pwd|pass)=([^&#\s]+)/i;

/**
 * A password written inside a connection string or URL: `postgres://app:s3cret@db.internal/app`,
 * `Server=db;User Id=sa;Password=…;`, `mysql://db/app?user=root&password=…`.
 * Placeholders (`<password>`, `${DB_PASSWORD}`, `{password}`, `****`) and local or documentation hosts are not passwords to report.
 */
export function findEmbeddedPassword(text: string): EmbeddedPassword | undefined {
  if (text.length < 8 || (!text.includes('@') && !/p(ass)?w(or)?d\s*=|pass=/i.test(text))) return undefined;
  const url = urlCredentials.exec(text);
  if (url) {
    const [, , , password, host] = url;
    if (!isPlaceholderPassword(password) && !isLocalOrExampleHost(host)) return { password: decodeSafely(password), host };
    return undefined;
  }
  const keyValue = /(?:server|data source|host|address|database|initial catalog|user id|uid)\s*=/i.test(text) ? keyValuePassword.exec(text) : null;
  const query = keyValue ?? (text.includes('://') ? queryPassword.exec(text) : null);
  if (query) {
    const password = query[1].trim();
    if (password && !isPlaceholderPassword(password)) return { password };
  }
  return undefined;
}

function isPlaceholderPassword(password: string): boolean {
  return /^(<[^>]*>|\$\{[^}]*\}?|\$\(.*|\{\{?[^}]*\}?\}|%[sd]|%\([^)]*\)s|\$[A-Za-z_]\w*|%[A-Za-z_]+%|\*+|•+|x{3,}|X{3,}|\.{3}|…|\[[^\]]*\]|:?[A-Z_]+:?)$/.test(password) || password.includes('${');
}

function isLocalOrExampleHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return /^(localhost|127(\.\d+){3}|0\.0\.0\.0|::1|host\.docker\.internal|host|hostname|server|db-host|your[-_.\w]*|<.*>|.*\.(example|test|invalid|localhost)|example\.(com|org|net)|.*\.example\.(com|org|net))$/.test(h);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
