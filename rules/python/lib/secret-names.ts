// Owns deciding from a name (variable, attribute, keyword, dict key, env var) whether its value is a credential, and which kind.
import { wordsOf } from './name-words';

export type SecretKind = 'password' | 'secret' | 'token' | 'key' | 'credential' | 'auth';

export interface SecretName {
  readonly kind: SecretKind;
  /** A signing or session secret (SECRET_KEY, JWT_SECRET): a guessable fallback lets anyone forge what it signs. */
  readonly signing: boolean;
  /** The name has no qualifier (`token`, `key`): its values need to look like credentials before they count. */
  readonly bare: boolean;
}

const passwordWords = new Set(['password', 'passwd', 'pwd', 'passphrase', 'passcode', 'passwort', 'contrasena', 'senha', 'motdepasse']);
const compoundKeys = new Set(['apikey', 'secretkey', 'privatekey', 'accesskey', 'authkey', 'signingkey', 'masterkey', 'encryptionkey', 'clientsecret']);
const compoundTokens = new Set(['accesstoken', 'authtoken', 'apitoken', 'bearertoken', 'refreshtoken', 'sessiontoken', 'bottoken', 'idtoken']);
/** Words before `key` that make it a credential: api_key, SECRET_KEY, FERNET_KEY; not sort_key, cache_key, primary_key. */
const keyQualifiers = new Set([
  'api', 'secret', 'private', 'access', 'signing', 'sign', 'encryption', 'encrypt', 'decryption', 'master', 'auth', 'app', 'client',
  'license', 'licence', 'service', 'account', 'subscription', 'webhook', 'jwt', 'hmac', 'session', 'fernet', 'aes', 'cipher', 'crypto',
  'shared', 'openai', 'anthropic', 'stripe', 'aws', 'gcp', 'azure', 'google', 'github', 'slack', 'twilio', 'sendgrid', 'mailgun',
  'storage', 'admin', 'root', 'deploy', 'bot', 'consumer', 'cookie', 'csrf', 'gemini', 'mistral', 'cohere', 'groq', 'pinecone', 'huggingface', 'hf',
]);
/** A name ending in one of these describes a credential (its file, URL, length, header…), it does not hold one. */
const describingSuffixes = new Set([
  'name', 'names', 'id', 'ids', 'file', 'files', 'filename', 'path', 'paths', 'dir', 'directory', 'url', 'urls', 'uri', 'endpoint', 'host',
  'hostname', 'port', 'user', 'username', 'field', 'fields', 'param', 'params', 'parameter', 'label', 'prompt', 'message', 'msg', 'error',
  'errors', 'help', 'hint', 'placeholder', 'pattern', 'regex', 're', 'regexp', 'length', 'len', 'size', 'min', 'max', 'timeout', 'ttl',
  'expiry', 'expires', 'expiration', 'lifetime', 'age', 'algorithm', 'algorithms', 'alg', 'type', 'types', 'scheme', 'schema', 'header',
  'headers', 'prefix', 'suffix', 'format', 'fmt', 'mode', 'version', 'count', 'column', 'col', 'attr', 'attribute', 'method', 'provider',
  'backend', 'class', 'model', 'store', 'storage', 'cache', 'ref', 'arn', 'env', 'var', 'variable', 'policy', 'policies', 'rotation',
  'enabled', 'required', 'set', 'changed', 'hash', 'hashed', 'digest', 'hasher', 'mask', 'masked', 'input', 'widget', 'form', 'view',
  'template', 'validator', 'strength', 'score', 'location', 'source', 'loader', 'getter', 'callback', 'handler', 'func', 'function', 'fn',
  'cls', 'index', 'idx', 'map', 'mapping', 'queue', 'text', 'title', 'description', 'desc', 'doc', 'reset', 'salt', 'encoding', 'charset',
  'kind', 'category', 'tag', 'tags', 'status', 'state', 'flag', 'option', 'options', 'setting', 'settings', 'manager', 'service', 'client',
  'generator', 'factory', 'stream', 'char', 'chars', 'pos', 'position', 'offset', 'start', 'end', 'bits', 'used', 'valid', 'invalid',
  'missing', 'expired', 'example', 'selector', 'xpath', 'css', 'locator', 'element', 'button', 'btn', 'link', 'page', 'box', 'entry',
  'textbox', 'lbl', 'icon', 'style', 'color', 'width', 'height', 'visible', 'hidden', 'list', 'lookup', 'command', 'cmd', 'key_name',
  'b64url', 'exists', 'info', 'meta', 'metadata', 'object', 'obj', 'instance', 'response', 'request', 'result', 'results', 'data',
  'payload', 'response', 'verifier', 'validity', 'parser', 'regexes', 'query', 'filter', 'sort', 'order', 'limit', 'display',
]);
/** First words that make a name a flag or a count about a credential: is_password, has_token, min_password_length. */
const describingPrefixes = new Set([
  'is', 'has', 'use', 'uses', 'enable', 'enabled', 'disable', 'require', 'requires', 'allow', 'show', 'should', 'can', 'need', 'needs',
  'check', 'validate', 'num', 'max', 'min', 'no', 'skip', 'ignore', 'hide', 'forgot', 'forgotten', 'reset', 'invalid', 'wrong', 'bad',
]);
/** Tokens that are not credentials: pagination cursors, parser and ML tokenizer tokens. */
const harmlessTokenWords = new Set([
  'next', 'page', 'continuation', 'pagination', 'sync', 'cancel', 'cancellation', 'lexer', 'parse', 'parser', 'eof', 'start', 'end', 'stop',
  'special', 'bos', 'eos', 'pad', 'unk', 'mask', 'sep', 'cls', 'image', 'eot', 'sentinel', 'delimiter', 'split', 'first', 'last', 'prev',
  'previous', 'current', 'cur', 'sos', 'null', 'padding', 'unknown', 'begin', 'break', 'word', 'char', 'string', 'regex', 'operator',
  'op', 'python', 'tokenizer', 'max', 'max_new', 'new', 'num', 'vocab', 'bpe', 'type', 'types', 'closing', 'opening', 'resume', 'cursor',
]);
/** A word anywhere in the name that makes the value something other than a live credential. */
const negators = new Set(['public', 'publishable', 'example', 'sample', 'dummy', 'fake', 'mock', 'placeholder', 'test', 'tests']);
const signingWords = new Set(['secret', 'signing', 'sign', 'jwt', 'session', 'cookie', 'csrf', 'hmac', 'fernet']);

/** For a rule's triggers: text every name `secretName` accepts contains (a `key` only after a qualifier: `api_key`, `SECRET_KEY`). */
export const secretNameHint = new RegExp(`pass|pw|secret|token|cred|auth|contrasena|senha|key(?<=(?:${[...keyQualifiers].join('|')})[\\W_]*key)`, 'i');

/** The credential kind a name announces, or undefined. `DB_PASSWORD` → password, `SECRET_KEY` → key (signing), `sort_key` → none. */
export function secretName(name: string): SecretName | undefined {
  // Cheap gate: every credential name contains one of these, and most names are checked on every assignment.
  if (!/pass|pw|secret|token|key|cred|auth|contrasena|senha/i.test(name)) return undefined;
  // `--password`, `-p`: command-line flags name options, and dicts keyed by them map options to other things.
  if (name.startsWith('-')) return undefined;
  const words = wordsOf(name);
  // `reset_token`, `reset_password_token`: the token a reset link carries is a live credential; `reset_password` is not.
  const resetToken = words[0] === 'reset' && /token$/.test(words[words.length - 1]);
  if (words.length === 0 || describingPrefixes.has(words[0]) && words.length > 1 && !resetToken || words.some((w) => negators.has(w))) return undefined;
  const last = words[words.length - 1];
  const prev = words[words.length - 2];
  if (describingSuffixes.has(last)) return undefined;
  const signing = words.some((w) => signingWords.has(w));
  const make = (kind: SecretKind, bare = false): SecretName => ({ kind, signing, bare });
  if (passwordWords.has(last) || (last === 'pass' || last === 'pw') && words.length > 1) return make('password');
  if (last === 'secret') return make('secret', words.length === 1);
  if (last === 'token' || compoundTokens.has(last)) {
    if (words.some((w) => harmlessTokenWords.has(w))) return undefined;
    return make('token', words.length === 1);
  }
  if (last === 'key' && prev !== undefined && keyQualifiers.has(prev)) return make('key');
  if (compoundKeys.has(last) || (last === 'key' && prev === 'api')) return make('key');
  if (last === 'credential' || last === 'credentials' || last === 'creds') return make('credential');
  if (last === 'authorization' || last === 'auth' && words.length === 1) return make('auth');
  return undefined;
}

/** How a message names the kind: "password", "API key". */
export function describeKind(name: string, kind: SecretKind): string {
  const words = wordsOf(name);
  if (kind === 'key') {
    if (words.includes('private')) return 'private key';
    if (words.includes('api') || words.includes('apikey')) return 'API key';
    if (words.includes('access') && words.includes('aws')) return 'AWS secret key';
    if (words.includes('secret')) return 'secret key';
    return 'key';
  }
  if (kind === 'auth') return 'authorization credential';
  if (kind === 'token' && words.includes('access')) return 'access token';
  return kind;
}
