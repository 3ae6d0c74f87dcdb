// hardcoded-secret for JavaScript/TypeScript: credentials in string literals, found by provider format, inside connection strings, or by the name they are stored under.
import { defineDetector, type Confidence, type RuleContext, type SyntaxNode, type Visitors } from '../api';
import { constantString, literalText, unwrap } from './lib/constant-strings';
import { anyFormat, containsJwt, findEmbeddedPassword, findKnownCredential, hasPrivateKeyMarker } from './lib/credential-formats';
import { entropyOf } from '../lib/key-formats';
import { explicitWordsOf, nameOf, wordsOf } from './lib/name-words';
import { climbTransparent, receiverName } from './lib/surrounding-names';
import { isInSessionSecretSlot, reportsSessionSecrets } from './lib/session-secrets';

type Kind = 'password' | 'secret' | 'API key' | 'private key' | 'token' | 'auth' | 'credential';
type Role = 'value' | 'fallback' | 'compare' | 'argument';

interface Named {
  readonly name: string;
  readonly kind: Kind;
  readonly role: Role;
}

// ---- Names ----

const passwordWords = new Set(['password', 'passwd', 'pwd', 'passphrase', 'passcode']);
/** `pass` alone is a compiler or render pass, or Ramda's `allPass`: it means a password only after these (`dbPass`, `SMTP_PASS`). */
const passOwners = new Set(['db', 'user', 'admin', 'root', 'smtp', 'mail', 'email', 'ftp', 'sftp', 'proxy', 'basic', 'auth', 'login', 'ldap', 'redis', 'mongo', 'mysql', 'pg', 'postgres', 'sql', 'database', 'my', 'account', 'api', 'app', 'rabbit', 'amqp', 'imap', 'pop']);
const tokenWords = new Set(['token', 'bearer', 'authorization', 'jwt']);
const credentialWords = new Set(['credential', 'credentials', 'creds', 'cred']);
/** `<word> key` names that hold a secret key (as opposed to `cacheKey`, `sortKey`, `tokenKey`). */
const keyPrefixes: Readonly<Record<string, Kind>> = {
  api: 'API key', subscription: 'API key', private: 'private key', secret: 'secret', access: 'secret', signing: 'secret', signature: 'secret',
  encryption: 'secret', decryption: 'secret', master: 'secret', client: 'secret', auth: 'secret', hmac: 'secret', jwt: 'secret', session: 'secret',
  cookie: 'secret', aes: 'secret', cipher: 'secret', crypto: 'secret', shared: 'secret', service: 'secret', webhook: 'secret',
  // Provider names: `OPENAI_KEY`, `stripeKey`.
  openai: 'API key', anthropic: 'API key', stripe: 'API key', sendgrid: 'API key', twilio: 'API key', mailgun: 'API key', slack: 'API key',
  github: 'API key', gitlab: 'API key', aws: 'API key', azure: 'API key', gemini: 'API key', cohere: 'API key', mistral: 'API key', groq: 'API key',
  pinecone: 'API key', replicate: 'API key', huggingface: 'API key', deepseek: 'API key', resend: 'API key', postmark: 'API key',
};
/** A word anywhere in the name that makes it something other than a live credential. */
const negators = new Set(['public', 'publishable', 'example', 'sample', 'dummy', 'fake', 'mock', 'placeholder', 'test', 'tests', 'spec']);
/** `<word> token` names that are not credentials: pagination cursors, lexer tokens, LLM token counts, design tokens. */
const harmlessTokenPrefixes = new Set([
  'page', 'next', 'prev', 'previous', 'continuation', 'cursor', 'sync', 'cancellation', 'cancel', 'lexer', 'syntax', 'design', 'theme', 'color',
  'max', 'min', 'completion', 'prompt', 'input', 'output', 'total', 'remaining', 'used', 'first', 'last', 'start', 'end', 'open', 'close',
  'keyword', 'operator', 'punctuation', 'delimiter', 'separator', 'special', 'unknown', 'eof', 'stop', 'pad', 'mask', 'bos', 'eos', 'unk', 'sep',
  'cls', 'template', 'string', 'literal', 'next', 'type', 'csrf',
]);
/** Last words that make a name describe a credential (its field, header, length, URL…) rather than hold one. */
const qualifiers = new Set([
  'name', 'names', 'field', 'fields', 'label', 'labels', 'placeholder', 'hint', 'path', 'paths', 'file', 'files', 'filename', 'dir', 'directory',
  'url', 'urls', 'uri', 'endpoint', 'host', 'hostname', 'port', 'header', 'headers', 'param', 'params', 'parameter', 'type', 'types', 'kind', 'env',
  'var', 'variable', 'id', 'ids', 'length', 'len', 'min', 'max', 'regex', 'regexp', 'pattern', 'message', 'messages', 'msg', 'error', 'errors',
  'err', 'text', 'title', 'description', 'desc', 'prompt', 'policy', 'strength', 'expiry', 'expires', 'expiration', 'ttl', 'timeout', 'lifetime',
  'age', 'in', 'at', 'count', 'mode', 'algorithm', 'algorithms', 'alg', 'algo', 'prefix', 'suffix', 'storage', 'selector', 'class', 'classname',
  'style', 'icon', 'route', 'routes', 'action', 'event', 'status', 'rule', 'rules', 'validator', 'validation', 'schema', 'column', 'table',
  'attribute', 'attr', 'property', 'prop', 'option', 'options', 'hash', 'hashed', 'digest', 'salt', 'version', 'format', 'encoding', 'size',
  'bytes', 'bits', 'rounds', 'iterations', 'cost', 'scope', 'scopes', 'audience', 'issuer', 'provider', 'strategy', 'service', 'method',
  'location', 'source', 'store', 'cache', 'query', 'template', 'component', 'view', 'page', 'screen', 'modal', 'form', 'button', 'link', 'tab',
  'section', 'step', 'input', 'visible', 'visibility', 'shown', 'show', 'hidden', 'required', 'enabled', 'disabled', 'valid', 'invalid',
  'changed', 'reset', 'forgot', 'match', 'matches', 'mismatch', 'meter', 'generator', 'factory', 'manager', 'client', 'helper', 'handler',
  'callback', 'fn', 'func', 'request', 'response', 'result', 'claims', 'info', 'details', 'state', 'context', 'ref', 'refs', 'list', 'map', 'set',
  'array', 'index', 'position', 'pos', 'start', 'end', 'offset', 'node', 'flag', 'flags', 'sent', 'used', 'verified', 'expired', 'revoked',
  'issued', 'created', 'updated', 'date', 'time', 'timestamp', 'key', 'keys', 'store', 'reader', 'loader', 'parser', 'policy', 'prefix',
  'separator', 'delimiter', 'literal', 'count', 'limit', 'usage', 'budget', 'cookie', 'tokenizer', 'arn', 'ref',
]);

/** What kind of credential a name holds, or undefined when it holds none: `dbPassword` → password, `passwordLabel` → none. */
function secretKindOf(name: string): Kind | undefined {
  const words = wordsOf(name);
  if (words.length === 0 || words.some((w) => negators.has(w))) return undefined;
  const last = words[words.length - 1];
  const previous = words[words.length - 2];
  if (last === 'key' || last === 'keys') {
    if (previous && keyPrefixes[previous]) return keyPrefixes[previous];
    // passport-jwt's `secretOrKey`
    if (previous === 'or' && words.includes('secret')) return 'secret';
    return undefined;
  }
  if (last === 'apikey') return 'API key';
  if (qualifiers.has(last)) return undefined;
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i];
    if (passwordWords.has(word) || (word === 'pass' && i === words.length - 1 && (i === 0 || passOwners.has(words[i - 1])))) return 'password';
    if (word === 'secret' || word === 'secrets') return 'secret';
    if (credentialWords.has(word)) return 'credential';
    if (tokenWords.has(word)) return i > 0 && harmlessTokenPrefixes.has(words[i - 1]) ? undefined : 'token';
    if (word === 'auth' && i === words.length - 1) return 'auth';
  }
  return undefined;
}

// ---- Values ----

const masks = /^([*•·#]+|\[?(redacted|filtered|hidden|masked|removed|omitted|censored|protected|secret)\]?|<(redacted|hidden|secret)>)$/i;
const placeholders = [
  /^(your|insert|enter|replace|put|paste|add)([-_ .]|(?=[A-Z]))/i,
  /^(your|my)[-_]?(own[-_]?)?(api|secret|token|password|pass|key|app|jwt|access|client|auth|db|database|private|session|bot|webhook|openai|stripe|github)/i,
  /([-_ ]|^)here$/i,
  /^<[^<>]+>$/,
  /^[xX]{3,}$/,
  /^(todo|tbd|fixme|changeme|change[-_ ]?me|change[-_ ]?this|replace[-_ ]?me|fill[-_ ]?me|placeholder|dummy|none[-_ ]?set|not[-_ ]?set)$/i,
  /(^|[-_ ])(change[-_ ]?(me|this|it)|replace[-_ ]?me)([-_ ]|$)/i,
  /^([a-z]{2,4}[-_]){1,3}(\.{3}|…|[xX*]{3,}|0{6,})$/,
  /(\.\.\.|…)$/,
];
/** Easily guessed values, compared lower-cased without separators. */
const weakValues = new Set([
  'password', 'passw0rd', 'password1', 'password12', 'password123', 'password1234', 'p@ssw0rd', 'p@ssword', 'pass', 'pass123', 'pass1234', 'passwd',
  'admin', 'admin1', 'admin123', 'admin1234', 'administrator', 'root', 'toor', 'changeit', 'changethis', 'letmein', 'qwerty', 'qwerty123',
  '123456', '1234567', '12345678', '123456789', '1234', '12345', '0000', '111111', 'abc123', 'secret', 'secret1', 'secret123', 'secretkey', 'supersecret',
  'supersecretkey', 'supersecretpassword', 'topsecret', 'mysecret', 'mysecretkey', 'mypassword', 'keyboardcat', 'hunter2', 'test', 'test123',
  'testing', 'testpassword', 'dev', 'devsecret', 'development', 'default', 'demo', 'guest', 'welcome', 'welcome1', 'jwtsecret', 'jwtsecretkey',
  'sessionsecret', 'cookiesecret', 'yoursecret', 'mytoken', 'myapikey', 's3cr3t', 's3cret', 'shhh', 'shhhh', 'iloveyou', 'trustno1', 'postgres',
  'mysql', 'secretpassword', 'verysecret', 'notsecret', 'nosecret', 'localsecret', 'localdev',
]);
/** Values that are settings, algorithm or encoding names, not credentials (`credentials: 'include'`, `secret: 'HS256'`). */
const nonValues = new Set([
  'include', 'sameorigin', 'omit', 'true', 'false', 'null', 'undefined', 'none', 'nil', 'string', 'number', 'boolean', 'object', 'required',
  'optional', 'hidden', 'text', 'auto', 'on', 'off', 'yes', 'no', 'enabled', 'disabled', 'bcrypt', 'argon2', 'argon2id', 'argon2i', 'scrypt',
  'pbkdf2', 'sha1', 'sha256', 'sha384', 'sha512', 'md5', 'hs256', 'hs384', 'hs512', 'rs256', 'rs384', 'rs512', 'es256', 'es384', 'ps256',
  'eddsa', 'utf8', 'hex', 'base64', 'base64url', 'binary', 'ascii', 'latin1', 'jwt', 'bearer', 'basic', 'digest', 'oauth', 'oauth2', 'oidc',
  'saml', 'ldap', 'local', 'session', 'cookie', 'cookies', 'header', 'headers', 'query', 'body', 'env', 'environment', 'token', 'apikey',
  'credentials', 'anonymous', 'public', 'private', 'internal',
]);
/** Words that make up field names, header names and error codes: a value made only of these is a label, not a secret. */
const labelWords = new Set([
  'value', 'values', 'name', 'key', 'keys', 'id', 'data', 'field', 'type', 'string', 'text', 'config', 'option', 'setting', 'settings', 'prop',
  'param', 'env', 'var', 'path', 'file', 'header', 'cookie', 'storage', 'form', 'input', 'label', 'hint', 'message', 'error', 'invalid', 'expired',
  'missing', 'required', 'wrong', 'bad', 'new', 'old', 'current', 'confirm', 'confirmation', 'repeat', 'reset', 'forgot', 'change', 'update',
  'set', 'get', 'fetch', 'request', 'success', 'failure', 'failed', 'login', 'logout', 'signin', 'signup', 'sign', 'in', 'out', 'up', 'x', 'access',
  'refresh', 'client', 'api', 'grant', 'code', 'user', 'username', 'auth', 'jwt', 'bearer', 'basic', 'oauth', 'oauth2', 'oidc', 'csrf', 'xsrf',
  'session', 'github', 'google', 'facebook', 'twitter', 'microsoft', 'apple', 'token', 'password', 'secret', 'credentials', 'credential',
  'passphrase', 'pwd', 'passwd', 'pass', 'private', 'public', 'show', 'hide', 'toggle', 'visible', 'strength', 'policy', 'rule', 'valid', 'validate',
  'verify', 'verified', 'email', 'phone', 'otp', 'pin', 'mfa', 'totp', 'two', 'factor', 'recovery', 'backup', 'remember', 'me', 'store', 'save',
  'saved', 'clear', 'remove', 'delete', 'revoke', 'rotate', 'generate', 'create', 'issue', 'of', 'for', 'the', 'to', 'is', 'not', 'no', 'has',
  'with', 'by', 'from', 'and', 'or', 'on', 'off', 'enabled', 'disabled', 'fields', 'kind', 'mode', 'method', 'provider', 'strategy', 'action',
  'event', 'state', 'status', 'tab', 'page', 'modal', 'dialog', 'button', 'link', 'icon', 'url', 'uri', 'endpoint', 'route', 'remote', 'server',
  'db', 'database', 'tokens', 'secrets', 'passwords', 'title', 'description', 'msg', 'help', 'info', 'warning', 'id', 'ok', 'changed', 'expiry',
  'expires', 'account', 'profile', 'settings', 'security', 'admin', 'identity', 'id', 'authorization', 'authenticate', 'authentication',
  'authenticated', 'unauthorized', 'forbidden', 'denied', 'granted', 'sso', 'provider', 'idp', 'hash', 'salt', 'encrypted', 'decrypted',
]);

type Verdict = { readonly finding: 'secret' | 'weak' | 'placeholder'; readonly confidence: Confidence };

/** Whether a string stored under a credential name is a credential, a guessable one, a placeholder, or something else entirely. */
function judgeValue(raw: string, named: Named): Verdict | undefined {
  const value = raw.trim();
  const withoutScheme = value.replace(/^(bearer|basic|token|bot|apikey)\s+/i, '');
  const hasScheme = withoutScheme !== value;
  if (!withoutScheme || masks.test(withoutScheme)) return undefined;
  if (/^\{\{?[^{}]+\}?\}$/.test(withoutScheme) || withoutScheme.includes('${')) return undefined;
  if (placeholders.some((p) => p.test(withoutScheme))) return { finding: 'placeholder', confidence: 'medium' };
  const normalized = withoutScheme.toLowerCase().replace(/[-_\s.]/g, '');
  if (normalized === named.name.toLowerCase().replace(/[-_\s.]/g, '')) return undefined;
  if (named.kind !== 'auth' && weakValues.has(normalized)) return { finding: 'weak', confidence: 'high' };
  if (/\s/.test(withoutScheme)) {
    // Prose (messages, labels) has capitals and punctuation; a passphrase is a few bare lower-case words.
    const passphrase = (named.kind === 'password' || named.kind === 'secret') && /^[a-z0-9]+( [a-z0-9]+){1,5}$/.test(withoutScheme);
    return passphrase && named.role !== 'compare' ? { finding: 'secret', confidence: 'medium' } : undefined;
  }
  if (/^(\$\{?[A-Z_][A-Z0-9_]*\}?|%[A-Z_][A-Z0-9_]*%|[A-Z][A-Z0-9]*(_[A-Z0-9]+)+)$/.test(withoutScheme)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(withoutScheme) || /^(\.{0,2}\/|~\/)/.test(withoutScheme)) return undefined;
  if (/\.(pem|key|crt|cer|der|p12|pfx|jks|json|txt|env|ya?ml|js|ts)$/i.test(withoutScheme)) return undefined;
  if (/\{\d*\}|%[sd]|^process\.env\./.test(withoutScheme)) return undefined;
  if (nonValues.has(normalized)) return undefined;
  if (isLabel(withoutScheme) || namesItsKey(withoutScheme, named.name)) return undefined;
  // Translations and display labels: `password: 'Passwort'`, `secret: 'Secreto'`.
  if (/^\p{Lu}\p{Ll}+$/u.test(withoutScheme) || (/[^\x00-\x7F]/.test(withoutScheme) && /^[\p{L}'-]+$/u.test(withoutScheme))) return undefined;
  if (/^arn:aws[a-z-]*:/.test(withoutScheme)) return undefined;
  // CSS selectors and attribute matchers: `[type=password]`, `.password-field`.
  if (/^[[.>~]|\[[a-z-]+(=[^\]]*)?\]/i.test(withoutScheme)) return undefined;
  if (/^\d+\s*(ms|s|m|h|d|w|y|mins?|hours?|days?|weeks?)$/i.test(withoutScheme) || /^#[0-9a-f]{3,8}$/i.test(withoutScheme)) return undefined;
  switch (named.kind) {
    case 'password':
      return withoutScheme.length >= 4 ? { finding: 'secret', confidence: 'high' } : undefined;
    case 'token':
      return looksRandom(withoutScheme) || containsJwt(withoutScheme) ? { finding: 'secret', confidence: 'high' } : undefined;
    case 'auth':
      if (/^[^\s:/]+:[^\s:/]+$/.test(withoutScheme)) return { finding: 'secret', confidence: 'high' };
      return hasScheme && looksRandom(withoutScheme) ? { finding: 'secret', confidence: 'high' } : undefined;
    default:
      return withoutScheme.length >= 6 ? { finding: 'secret', confidence: looksRandom(withoutScheme) ? 'high' : 'medium' } : undefined;
  }
}

/** `x-api-key`, `access_token`, `auth/invalidToken`, `passwordResetRequired`: names of things, made only of field vocabulary, no digits. */
function isLabel(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[-_.:/][A-Za-z0-9]+)*$/.test(value)) return false;
  if (/\d/.test(value.replace(/oauth2|2fa|v\d+\b/gi, ''))) return false;
  const words = explicitWordsOf(value);
  return words.length > 0 && words.every((w) => labelWords.has(w));
}

/**
 * `PREVIEW_SIGNING_KEY = 'previewModeSigningKey'`: a multi-word identifier repeating the name's own credential words is
 * the name of a field or setting, not its value.
 */
function namesItsKey(value: string, name: string): boolean {
  if (!/^[a-z]+(?:[A-Z][a-z]+)+$/.test(value)) return false;
  const valueWords = explicitWordsOf(value);
  if (valueWords.length < 2) return false;
  const nameWords = wordsOf(name).filter((w) => !['my', 'the', 'default', 'app'].includes(w));
  const shared = nameWords.filter((w) => valueWords.includes(w) || wordsOf(value).includes(w));
  return shared.length >= Math.min(2, nameWords.length);
}

/** Long, no spaces, mixed characters and high entropy: how generated keys and tokens look. */
function looksRandom(value: string): boolean {
  return value.length >= 16 && !/\s/.test(value) && entropyOf(value) >= 3.2 && (/\d/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)));
}

// ---- Where a string sits ----

const envLookup = /\b(process\.env|import\.meta\.env|Deno\.env|Bun\.env)\b|\b(getenv|getEnv|env)\s*\(|\bconfig\.get\s*\(/;
/** Library calls whose argument at `index` is a signing or encryption key. */
const keyArguments: Readonly<Record<string, number>> = {
  'jsonwebtoken.sign': 1,
  'jsonwebtoken.verify': 1,
  'crypto.createHmac': 1,
  'crypto.createCipheriv': 1,
  'crypto.createDecipheriv': 1,
  'cookie-parser': 0,
};
const setterMethods = new Set(['set', 'setHeader', 'header', 'append']);
const wrapperCalls = new Set(['from', 'encode', 'String', 'trim']);

/** The name a string literal is stored under (or compared with, or passed as), and what role the string plays there. */
function namedContext(literal: SyntaxNode, context: RuleContext): Named | undefined {
  let value = climbTransparent(literal);
  // `Buffer.from('…')`, `new TextEncoder().encode('…')`: the wrapped string is what gets stored.
  if (value.parent?.type === 'arguments' && value.parent.namedChildren[0]?.equals(value)) {
    const call = value.parent.parent;
    const callee = call?.childForFieldName('function');
    // `'Basic ' + Buffer.from('user:pass').toString('base64')`, `btoa('user:pass')`: HTTP Basic credentials.
    if (call && callee && /^(from|btoa)$/.test(nameOf(callee) ?? '') && isBasicAuthValue(call)) return { name: 'Authorization', kind: 'auth', role: 'value' };
    if (call && callee && wrapperCalls.has(nameOf(callee) ?? '')) value = climbTransparent(call);
  }
  const parent = value.parent;
  if (!parent) return undefined;
  if (parent.type === 'binary_expression') {
    const operator = parent.childForFieldName('operator')?.type ?? '';
    const left = parent.childForFieldName('left');
    const right = parent.childForFieldName('right');
    if ((operator === '||' || operator === '??') && right?.equals(value) && left) {
      const fallback = envLookup.test(left.text);
      const outer = climbTransparent(parent);
      const name = receiverName(outer) ?? envNameOf(left) ?? nameOf(unwrap(left));
      return withKind(name, fallback ? 'fallback' : 'value');
    }
    if (/^[!=]==?$/.test(operator)) {
      const other = left?.equals(value) ? right : left;
      return withKind(nameOf(unwrap(other)), 'compare');
    }
    return undefined;
  }
  if (parent.type === 'arguments') {
    const call = parent.parent;
    const callee = call?.childForFieldName('function') ?? call?.childForFieldName('constructor');
    if (!call || !callee) return undefined;
    const index = parent.namedChildren.findIndex((a) => a?.equals(value));
    const resolved = context.resolveCallee(callee);
    if (resolved && keyArguments[resolved] === index) return { name: resolved.replace(/^jsonwebtoken\./, 'jwt.'), kind: 'secret', role: 'argument' };
    // `new Sequelize('db', 'user', 'password', { … })`; ldapjs `client.bind('cn=admin,dc=acme,dc=io', 'password', cb)`.
    if (index === 2 && call.type === 'new_expression' && /^Sequelize$/.test(nameOf(callee) ?? '')) return { name: 'Sequelize password', kind: 'password', role: 'value' };
    if (index === 1 && nameOf(callee) === 'bind' && /^(cn|uid|dc|ou)=/i.test(literalText(parent.namedChildren[0]) ?? '')) return { name: 'LDAP bind password', kind: 'password', role: 'value' };
    if (index === 1 && setterMethods.has(nameOf(callee) ?? '')) return withKind(literalText(parent.namedChildren[0]), 'value');
    return undefined;
  }
  return withKind(receiverName(value), 'value');
}

/** The encoded value is sent as `Basic …`: the call sits in a concatenation or template that starts with `Basic`. */
function isBasicAuthValue(call: SyntaxNode): boolean {
  let n: SyntaxNode | null = call;
  for (let i = 0; n && i < 4; i++, n = n.parent) {
    if ((n.type === 'binary_expression' || n.type === 'template_string') && /^\s*[`'"]basic\s/i.test(n.text)) return true;
  }
  return false;
}

function withKind(name: string | undefined, role: Role): Named | undefined {
  const kind = name ? secretKindOf(name) : undefined;
  return name && kind ? { name, kind, role } : undefined;
}

/** `process.env.JWT_SECRET` → JWT_SECRET; `process.env['API_KEY']` → API_KEY. */
function envNameOf(node: SyntaxNode): string | undefined {
  const match = /(?:env\.|env\[\s*['"`]|env\(\s*['"`]|get\(\s*['"`])([A-Za-z_][A-Za-z0-9_.]*)/.exec(node.text);
  return match?.[1];
}

/** Firebase web configs carry an API key that Google documents as public (it identifies the project; rules protect the data). */
function isFirebaseConfig(literal: SyntaxNode): boolean {
  const object = climbTransparent(literal).parent?.parent;
  if (object?.type !== 'object') return false;
  const keys = object.namedChildren.map((p) => (p?.type === 'pair' ? nameOf(p.childForFieldName('key')) : undefined));
  return keys.includes('authDomain') || keys.includes('messagingSenderId');
}

// ---- Messages ----

const what: Readonly<Record<Kind, string>> = {
  password: 'password', secret: 'secret', 'API key': 'API key', 'private key': 'private key', token: 'token', auth: 'credential', credential: 'credential',
};

function messageFor(named: Named, verdict: Verdict): string {
  const thing = what[named.kind];
  if (named.role === 'argument') {
    return `${named.name} is given a hard-coded key, so anyone who can read the repository can forge or read what it protects; load the key from an environment variable or a secrets manager.`;
  }
  if (named.role === 'compare') {
    return `'${named.name}' is checked against a hard-coded ${thing}, a backdoor for anyone who can read the repository; verify against a stored hash or an identity provider instead.`;
  }
  if (named.role === 'fallback') {
    return `'${named.name}' falls back to a hard-coded ${thing} when the environment variable is unset, so a misconfigured deployment runs with a value anyone can read; fail at startup instead of defaulting.`;
  }
  switch (verdict.finding) {
    case 'placeholder':
      return `'${named.name}' holds a placeholder ${thing}, and the real one pasted over it would be committed; read it from an environment variable or a secrets manager instead.`;
    case 'weak':
      return `'${named.name}' is set to an easily guessed ${thing} in source; generate a strong value and load it from an environment variable or a secrets manager.`;
    default:
      return `A hard-coded ${thing} in '${named.name}' is readable by anyone with the repository and cannot be rotated without a release; load it from an environment variable or a secrets manager.`;
  }
}

function formatMessage(label: string): string {
  const subject = label[0].toUpperCase() + label.slice(1);
  return `${subject} is written in source, where anyone who can read the repository can use it; revoke it and load it from an environment variable or a secrets manager.`;
}

const connectionMessage =
  'A connection string carries its password in source, readable by anyone with the repository; take the password (or the whole URL) from an environment variable or a secrets manager.';

// ---- The rule ----

/** `pass` as `[pP][aA][sS][sS]`: case-insensitive words inside a trigger whose key formats are case-sensitive. */
function anyCase(pattern: string): string {
  return pattern.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

/**
 * A finding needs one of: a provider key or private key (`anyFormat`), a URL with `user:password@` (its `://` and `@`),
 * a name whose words make it a credential (`secretKindOf`: password words, secret, credential, token, auth, `<prefix> key`),
 * or a call that takes a key (`keyArguments`), possibly through an imported alias. Regex engines scan a long alternation
 * slowly, so the `<prefix> key` names are found from their `key` back, and the URL test runs once, from the start.
 */
const triggers = {
  text: new RegExp([
    anyFormat.source,
    // `://` and a later `@`: the lookahead and back-reference keep the test linear (no retry at every later `://`).
    '^(?=(?<url>[^]*?:\\/\\/))\\k<url>[^]*@',
    anyCase('pass|pwd|secret|cred|token|bearer|auth|jwt'),
    `${anyCase('keys?')}(?<=(?:${anyCase(Object.keys(keyPrefixes).join('|'))})[\\W_]*${anyCase('keys?')})`,
    'sign|verify|createHmac|createCipheriv|createDecipheriv|cookieParser|cookie-parser',
    // Positional passwords (`new Sequelize(db, user, password)`, an LDAP bind) and HTTP Basic credentials.
    'Sequelize|\\bbind\\b|[bB]asic ',
  ].join('|')),
  imports: /^(jsonwebtoken|crypto|cookie-parser)(\.|$)/,
};

/** Mock data, stories, translations and test setup hold credential-shaped values that protect nothing. */
const skippedPaths = /(^|\/)(__fixtures__|fixtures|__mocks__|mocks|__stories__|i18n|locales?|translations?)\/|\.(stories|story|example|sample)\.[cm]?[jt]sx?$|(^|\/)(setupTests|(jest|vitest)\.setup)\.[cm]?[jt]sx?$/i;

export default defineDetector({
  id: 'hardcoded-secret',
  family: 'javascript',
  triggers,
  create(context): Visitors {
    if (skippedPaths.test(context.file.path)) return {};
    const visit = (node: SyntaxNode): void => {
      if (isOutsideValues(node)) return;
      const text = literalText(node);
      const scanText = text ?? staticText(node);
      if (scanText.length < 4) return;
      const report = (message: string, confidence: Confidence): void => {
        // One id per line: a session or cookie signing secret is hardcoded-session-secret's, with its more specific message and fix.
        if (!context.isTestCode(node) && !(reportsSessionSecrets(context.file.path) && isInSessionSecretSlot(node, context))) context.report({ node, message, confidence });
      };
      const known = findKnownCredential(scanText) ?? splitPrivateKey(node, scanText);
      if (known) {
        if (known.label === 'a Google API key' && isFirebaseConfig(node)) return;
        report(formatMessage(known.label), known.confidence);
        return;
      }
      if (findEmbeddedPassword(scanText) && !isDocumentationText(scanText)) {
        report(connectionMessage, 'high');
        return;
      }
      if (text === undefined || text.length > 2000) return;
      const named = namedContext(node, context);
      if (!named) return;
      if (containsJwt(text)) {
        report(formatMessage('a JSON Web Token'), 'high');
        return;
      }
      if (named.kind === 'API key' && isFirebaseConfig(node)) return;
      const verdict = judgeValue(text, named);
      if (verdict) report(messageFor(named, verdict), verdict.confidence);
    };
    return { string: visit, template_string: visit };
  },
});

/** Strings that are syntax rather than values: import sources, object keys, TypeScript literal types, directive prologues. */
function isOutsideValues(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return true;
  switch (parent.type) {
    case 'import_statement':
    case 'export_statement':
    case 'literal_type':
    case 'import_require_clause':
      return true;
    case 'pair':
      return !!parent.childForFieldName('key')?.equals(node);
    case 'expression_statement':
      return true;
    default:
      return false;
  }
}

/** Messages and help text that show a URL format ("must be a valid uri like dotenv://:key_1234@…"). */
function isDocumentationText(text: string): boolean {
  return /\s/.test(text.trim()) && /\b(e\.g\.|for example|example|like|format|expected|usage|must|should|such as|invalid|wrong)\b/i.test(text);
}

/** A template literal's fixed text, with each substitution standing as `${}` so it reads as a placeholder. */
function staticText(node: SyntaxNode): string {
  if (node.type !== 'template_string') return '';
  return node.namedChildren.map((c) => (c?.type === 'template_substitution' ? '${}' : c?.text ?? '')).join('');
}

/** `'-----BEGIN RSA PRIVATE KEY-----\n' + 'MIIE…' + …`: a key split over concatenated literals, reported on its first piece. */
function splitPrivateKey(node: SyntaxNode, text: string) {
  if (!hasPrivateKeyMarker(text)) return undefined;
  let top = node;
  while (top.parent?.type === 'binary_expression' && top.parent.childForFieldName('operator')?.type === '+') top = top.parent;
  if (top.equals(node)) return undefined;
  const whole = constantString(top);
  return whole ? findKnownCredential(whole) : undefined;
}
