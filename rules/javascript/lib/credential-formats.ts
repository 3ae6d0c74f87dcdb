// Owns recognising credentials by their shape alone: provider key formats, private key blocks, JWTs and passwords inside connection strings.
import type { Confidence } from '../../api';
import { entropyOf } from './name-words';

export interface KnownCredential {
  /** What was found, with its article: 'an AWS access key ID'. */
  readonly label: string;
  readonly confidence: Confidence;
}

interface Format {
  readonly label: string;
  readonly pattern: RegExp;
  readonly confidence: Confidence;
  /** Extra check on the matched text, e.g. that it is random enough to be a real key rather than `sk-xxxxxxxx…`. */
  readonly accept?: (match: string) => boolean;
}

const random = (minEntropy: number) => (match: string): boolean => entropyOf(match) >= minEntropy && !/x{6,}|X{6,}|0{8,}|your|here|example/i.test(match);

/** Ordered: more specific prefixes first (Anthropic's `sk-ant-` before OpenAI's `sk-`). */
const formats: readonly Format[] = [
  { label: 'an AWS access key ID', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/, confidence: 'high', accept: (m) => !/EXAMPLE/.test(m) && random(3)(m) },
  { label: 'a GitHub token', pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{50,}/, confidence: 'high', accept: random(3.5) },
  { label: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, confidence: 'high', accept: random(3.5) },
  { label: 'a Slack token', pattern: /\bxox[abposr]-\d+-[A-Za-z0-9-]{8,}/, confidence: 'high', accept: random(3) },
  { label: 'a Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/, confidence: 'high', accept: random(3.5) },
  { label: 'a Stripe live secret key', pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}/, confidence: 'high', accept: random(3.5) },
  { label: 'a Stripe test secret key', pattern: /\b[sr]k_test_[A-Za-z0-9]{16,}/, confidence: 'medium', accept: random(3.5) },
  { label: 'a Stripe webhook signing secret', pattern: /\bwhsec_[A-Za-z0-9]{24,}/, confidence: 'high', accept: random(3.5) },
  { label: 'an Anthropic API key', pattern: /\bsk-ant-[a-z]+\d*-[A-Za-z0-9_-]{20,}/, confidence: 'high', accept: random(3.5) },
  { label: 'an OpenAI API key', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/, confidence: 'high', accept: (m) => /\d/.test(m) && /[A-Za-z]{2}/.test(m.slice(3)) && random(3.8)(m) },
  { label: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/, confidence: 'medium', accept: random(3.5) },
  { label: 'a SendGrid API key', pattern: /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/, confidence: 'high', accept: random(3.5) },
  { label: 'an npm access token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/, confidence: 'high', accept: random(3.5) },
  { label: 'a Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{30,}\b/, confidence: 'high', accept: random(3.5) },
];

/** One cheap test for every prefix above, so most strings cost a single regex (and a rule's triggers, whole units). */
export const anyFormat = /AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|hooks\.slack|k_live_|k_test_|whsec_|sk-|AIza|SG\.|npm_|hf_|PRIVATE KEY/;
const privateKeyBlock = /-----BEGIN ((?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----\s*(?:[A-Za-z-]+: [^\n]*\n\s*)*([A-Za-z0-9+/=\s\\n]{40,})/;
const jwt = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/;

/** A provider key or a private key block found anywhere in the text. */
export function findKnownCredential(text: string): KnownCredential | undefined {
  if (text.length < 20 || !anyFormat.test(text)) return undefined;
  if (text.includes('PRIVATE KEY') && privateKeyBlock.test(text)) return { label: 'a private key', confidence: 'high' };
  for (const format of formats) {
    const match = format.pattern.exec(text);
    if (match && (!format.accept || format.accept(match[0]))) return { label: format.label, confidence: format.confidence };
  }
  return undefined;
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
