// Owns reading a name as sensitive data: whether `user.password`, `accessToken` or `cardNumber` hold a secret, and whether a name says "security value" or "harmless".
import { wordsOf } from './name-words';

export type SensitiveKind = 'password' | 'secret' | 'token' | 'key' | 'session' | 'card' | 'code' | 'credential';

const passwordWords = new Set(['password', 'passwd', 'pwd', 'passphrase', 'passcode']);
/** `pass` alone is a compiler pass, a test pass or a boolean: a password only after these (`dbPass`, `userPass`). */
const passOwners = new Set(['db', 'user', 'admin', 'root', 'smtp', 'mail', 'email', 'ftp', 'proxy', 'login', 'ldap', 'redis', 'mongo', 'mysql', 'pg', 'account', 'new', 'old', 'current', 'confirm', 'plain']);
const tokenWords = new Set(['token', 'tokens', 'jwt', 'bearer']);
/** `<word> token` names that are not credentials: pagination cursors, lexer tokens, LLM token counts, design tokens, CSRF tokens (sent to the page anyway). */
const harmlessTokenPrefixes = new Set([
  'page', 'next', 'prev', 'previous', 'continuation', 'cursor', 'sync', 'cancellation', 'cancel', 'lexer', 'syntax', 'design', 'theme', 'color',
  'max', 'min', 'completion', 'prompt', 'input', 'output', 'total', 'remaining', 'used', 'first', 'last', 'start', 'end', 'open', 'close',
  'keyword', 'operator', 'punctuation', 'delimiter', 'separator', 'special', 'unknown', 'eof', 'stop', 'pad', 'mask', 'type', 'string',
  'literal', 'template', 'csrf', 'xsrf', 'push', 'device', 'fcm', 'apns', 'notification', 'registration', 'current', 'num', 'n',
]);
/** `<word> key` names that hold a secret key, as opposed to `cacheKey`, `sortKey`, `publicKey`. */
const secretKeyPrefixes = new Set(['api', 'private', 'secret', 'signing', 'encryption', 'decryption', 'master', 'client', 'hmac', 'aes', 'access', 'session', 'license']);
const cardWords = new Set(['cvv', 'cvc', 'cvv2', 'ssn', 'iban']);
/** `verificationCode`, `otpCode`, `resetCode`: one-time codes. A bare `code` is an HTTP status, an error code or source code. */
const codeOwners = new Set(['otp', 'verification', 'verify', 'reset', 'confirmation', 'confirm', 'auth', 'mfa', 'twofa', '2fa', 'sms', 'login', 'recovery', 'backup', 'activation', 'security', 'access', 'one', 'invite', 'invitation', 'magic', 'pin']);
/**
 * Last words that make a name describe a sensitive value (its length, its field, whether it is set) rather than hold it.
 * `passwordHash` is here too: logging or storing a hash is a different question from the plaintext.
 */
const describingWords = new Set([
  'name', 'names', 'field', 'fields', 'label', 'placeholder', 'hint', 'path', 'file', 'filename', 'dir', 'url', 'uri', 'endpoint', 'header', 'headers',
  'param', 'type', 'types', 'kind', 'env', 'var', 'id', 'ids', 'length', 'len', 'size', 'count', 'min', 'max', 'regex', 'pattern', 'message', 'msg',
  'error', 'errors', 'text', 'title', 'description', 'prompt', 'policy', 'strength', 'score', 'expiry', 'expires', 'expiration', 'exp', 'ttl', 'timeout',
  'lifetime', 'age', 'at', 'in', 'mode', 'algorithm', 'alg', 'prefix', 'suffix', 'hint', 'format', 'version', 'status', 'state', 'rule', 'rules',
  'valid', 'invalid', 'validity', 'required', 'enabled', 'disabled', 'visible', 'shown', 'hidden', 'changed', 'set', 'exists', 'present', 'missing',
  'provided', 'match', 'matches', 'mismatch', 'hash', 'hashed', 'digest', 'salt', 'rounds', 'cost', 'iterations', 'schema', 'column', 'attribute',
  'option', 'options', 'config', 'source', 'store', 'storage', 'provider', 'strategy', 'service', 'manager', 'client', 'helper', 'handler', 'reset',
  'result', 'info', 'details', 'meta', 'metadata', 'claims', 'scope', 'scopes', 'audience', 'issuer', 'usage', 'limit', 'budget', 'encoding',
  'sent', 'used', 'verified', 'expired', 'revoked', 'issued', 'created', 'updated', 'date', 'time', 'timestamp', 'index', 'position', 'offset',
  'masked', 'redacted', 'preview', 'last4', 'fingerprint', 'arn', 'ref', 'reference', 'key', 'keys', 'validator', 'validation', 'form', 'input',
  'button', 'modal', 'page', 'screen', 'view', 'component', 'event', 'action', 'route', 'request', 'response', 'flow', 'step', 'link', 'email',
  'template', 'generator', 'cache', 'list', 'map', 'bits', 'bytes', 'entropy', 'char', 'chars', 'charset', 'alphabet', 'characters', 'digits',
  'callback', 'fn', 'func', 'check', 'checker', 'verifier', 'parser', 'reader', 'loader', 'subject', 'owner', 'holder', 'kid',
]);
/** Name words that mark a value as deliberately redacted or partial. */
const redactionWords = new Set(['masked', 'redacted', 'mask', 'redact', 'obfuscated', 'truncated', 'partial', 'preview', 'hint', 'last4', 'suffix', 'prefix']);

/** What sensitive value a name holds (`user.password` → password, `accessToken` → token), or undefined: `passwordLength`, `pageToken`, `tokenCount`. */
export function sensitiveKindOf(name: string): SensitiveKind | undefined {
  const words = wordsOf(name);
  if (words.length === 0) return undefined;
  if (words.some((w) => redactionWords.has(w) || w === 'public' || w === 'publishable')) return undefined;
  const last = words[words.length - 1];
  const previous = words[words.length - 2];
  if (last === 'key' || last === 'keys') return previous && secretKeyPrefixes.has(previous) ? 'key' : undefined;
  if (last === 'apikey') return 'key';
  if (last === 'sid' || (last === 'id' && previous === 'session')) return 'session';
  if (last === 'cookie' && previous === 'session') return 'session';
  if (last === 'code') return previous && codeOwners.has(previous) ? 'code' : undefined;
  if (last === 'otp' || last === 'totp' || last === 'pin') return 'code';
  if ((last === 'number' || last === 'num' || last === 'no') && words.includes('card')) return 'card';
  if (cardWords.has(last)) return 'card';
  if (describingWords.has(last)) return undefined;
  const word = last;
  if (passwordWords.has(word)) return 'password';
  if (word === 'pass' && (words.length === 1 ? false : passOwners.has(previous!))) return 'password';
  if (word === 'secret' || word === 'secrets') return 'secret';
  if (word === 'credentials' || word === 'credential' || word === 'creds') return 'credential';
  if (word === 'authorization') return 'credential';
  if (tokenWords.has(word)) return previous && harmlessTokenPrefixes.has(previous) ? undefined : 'token';
  if (word === 'session' && previous === 'user') return undefined;
  return undefined;
}

/** Words that say a generated value protects something: what a predictable value must never be. */
const securityPurposeWords = new Set([
  'token', 'tokens', 'password', 'passwd', 'pwd', 'passphrase', 'passcode', 'secret', 'nonce', 'salt', 'otp', 'totp', 'pin', 'apikey', 'session',
  'sid', 'csrf', 'xsrf', 'verification', 'verify', 'reset', 'invite', 'invitation', 'iv', 'challenge', 'auth', 'authentication', 'credential',
  'credentials', 'activation', 'magic', 'recovery', 'jwt', 'cookie', 'signature', 'key', 'keys', 'mfa', '2fa', 'twofa', 'captcha', 'confirmation',
  'unsubscribe', 'cipher', 'encryption', 'crypto', 'bearer', 'oauth', 'state', 'login', 'signin', 'pincode',
  // A uuid is relied on as unguessable (ids in URLs, keys in stores) unless a harmless word says otherwise (`requestUuid`).
  'uuid', 'uuidv4', 'guid',
  // A guessable multipart boundary lets a field value close its part and inject others (form-data, CVE-2025-7783).
  'boundary',
]);
/** Words that say a random value is for display, timing, sampling or test data: Math.random is the right tool there. */
const harmlessPurposeWords = new Set([
  'jitter', 'delay', 'backoff', 'retry', 'wait', 'sleep', 'shuffle', 'shuffled', 'color', 'colour', 'hue', 'rgb', 'sample', 'sampling', 'sampled', 'index',
  'idx', 'position', 'pos', 'x', 'y', 'z', 'offset', 'animation', 'animate', 'duration', 'timeout', 'interval', 'width', 'height', 'size', 'opacity',
  'angle', 'rotation', 'speed', 'velocity', 'particle', 'particles', 'noise', 'dice', 'die', 'roll', 'chance', 'probability', 'weight', 'mock',
  'fake', 'faker', 'fixture', 'fixtures', 'demo', 'placeholder', 'element', 'dom', 'request', 'trace', 'correlation', 'span', 'cache', 'buster',
  'avatar', 'quote', 'tip', 'greeting', 'game', 'score', 'experiment', 'variant', 'bucket', 'rollout', 'percent', 'percentage', 'ratio', 'seed',
  'latency', 'skew', 'spread', 'star', 'stars', 'confetti', 'emoji', 'gradient', 'temp', 'tmp', 'filename', 'test', 'tests', 'spec', 'stub',
  'dummy', 'lorem', 'chart', 'temperature', 'progress', 'loading', 'skeleton', 'shade', 'tint', 'react', 'balancer', 'replica', 'shard', 'partition',
  'worker', 'port', 'ms', 'seconds', 'timer', 'frame', 'fps', 'tick', 'sort', 'toast', 'notification',
]);

export type Purpose = 'security' | 'harmless' | undefined;

/** Whether a set of name words says security (`resetToken`, `generatePassword`) or a harmless use (`retryDelay`, `shuffleDeck`); security wins only alone. */
export function purposeOf(words: Iterable<string>): Purpose {
  let security = false;
  let harmless = false;
  const list = [...words];
  for (let i = 0; i < list.length; i++) {
    const w = list[i];
    // `key` is a security word only qualified (`apiKey`, `secretKey`), and then not harmless.
    if (w === 'key' || w === 'keys') {
      if (i > 0 && secretKeyPrefixes.has(list[i - 1])) security = true;
      else harmless = true;
      continue;
    }
    if (w === 'code' && i > 0 && codeOwners.has(list[i - 1])) security = true;
    if (w === 'id' && i > 0 && (list[i - 1] === 'session' || list[i - 1] === 'secret')) security = true;
    if (w === 'state' && !(i > 0 && list[i - 1] === 'oauth')) continue;
    if (securityPurposeWords.has(w) && w !== 'key' && w !== 'keys') security = true;
    if (harmlessPurposeWords.has(w) && w !== 'key' && w !== 'keys') harmless = true;
  }
  if (security && !harmless) return 'security';
  if (harmless) return 'harmless';
  return undefined;
}
