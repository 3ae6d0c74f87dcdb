// Owns judging string values as credentials: known key formats, connection strings with passwords, placeholders and real-looking secrets.
import { entropyOf, findKeyFormat as findProviderKey, keyFormatHint } from '../../lib/key-formats';
import type { SecretKind } from './secret-names';
import { wordsOf } from './name-words';
import { hole } from './string-literals';

export interface KeyFormat {
  /** "an AWS access key ID" */
  readonly what: string;
  /** Test-mode keys reach no live data or money. */
  readonly testKey?: boolean;
}

/** Private keys, Python's own: a PEM block in a string, escaped newlines included. The provider formats are shared (rules/lib/key-formats.ts). */
const privateKey = /-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----(?:\\n|\\r|\s)*[A-Za-z0-9+/=\\\s:-]{40,}/;

/** Text that every key format, private key and inline connection password but a URL's contains one of: keep in step with them. */
const formatHint = `${keyFormatHint}|PRIVATE KEY|pass|pwd|AccountKey|SharedAccessKey`;
const credentialHint = new RegExp(`${formatHint}|@`, 'i');
/**
 * For a rule's triggers: text a unit holds when one of its strings may be a key or a connection password. A URL with a
 * password has `://` and `@`; a bare `@` (decorators, e-mail addresses) is not enough.
 */
// `://` and a later `@`: the lookahead and back-reference keep the test linear (no retry at every later `://`).
export const credentialTextHint = new RegExp(`${formatHint}|^(?=(?<url>[^]*?:\\/\\/))\\k<url>[^]*@`, 'i');

/** A cheap first look: false means neither findKeyFormat nor findConnectionCredential can match, so most strings stop here. */
export function mayHoldCredential(text: string): boolean {
  return credentialHint.test(text);
}

/** Documentation examples and filler that match a format without being a key. */
const fakeKey = /example|EXAMPLE|xxxx|XXXX|0{8}|1234567890|abcdefghij|ABCDEFGHIJ|(.)\1{7}|\.\.\.|your|YOUR/;

/** A credential format recognisable on its own, wherever the string sits. */
export function findKeyFormat(text: string): KeyFormat | undefined {
  const format = findProviderKey(text, (match) => match.includes(hole));
  if (format) return format.testKey ? { what: format.label, testKey: true } : { what: format.label };
  const key = privateKey.exec(text);
  if (!key || key[0].includes(hole)) return undefined;
  const body = key[0].replace(/^-----[^-]+-----/, '');
  return fakeKey.test(body) || entropyOf(body) < 3 ? undefined : { what: 'a private key' };
}

export interface ConnectionCredential {
  /** The password is a stand-in ("password", "pass") an assistant left for the real one. */
  readonly placeholder: boolean;
  /** The host is this machine: a development default. */
  readonly local: boolean;
}

const urlSchemes = /^(postgres(?:ql)?|mysql|mariadb|mongodb|redis|rediss|amqps?|mssql|oracle|sqlserver|cockroachdb|clickhouse|snowflake|ftps?|sftp|smtps?|imaps?|ldaps?|https?|wss?|nats|kafka|couchdb|neo4j|bolt|db2|jdbc:\w+)(?:\+[\w-]+)*$/i;
const urlWithPassword = /\b([a-z][a-z0-9+.:-]{0,30}):\/\/([^\s:@/?#]*):([^\s@/?#]+)@([^\s/?#:]+)/i;
const dsnPassword = /(?:^|[\s;])(?:password|pwd|passwd)\s*=\s*([^\s;'"]+)/i;
const dsnOtherKeys = /(?:^|[\s;])(?:user|uid|user id|username|host|server|dbname|database|data source|port)\s*=/i;
const azureAccountKey = /(?:^|;)\s*(?:AccountKey|SharedAccessKey)\s*=\s*([A-Za-z0-9+/=]{40,})/;
const localHosts = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$/i;
/** Stand-ins that mark where a password goes, not a password: templates, env references, masks. */
const templatePassword = /^(<[^>]*>|\{[^}]*\}|\[[^\]]*\]|\$\{[^}]*\}|\$\w+|%\([^)]*\)s|%s|\*+|•+|x+|X+|\.\.\.)$/;
const placeholderPasswords = new Set(['password', 'pass', 'passwd', 'pwd', 'secret', 'changeme', 'yourpassword', 'your_password', 'your-password', 'mypassword', 'my_password', 'dbpassword', 'db_password']);

/** A connection string that carries its password inline (URL user:pass@host, key=value DSN, Azure AccountKey). */
export function findConnectionCredential(text: string): ConnectionCredential | undefined {
  // The URL pattern backtracks over long runs of scheme characters: only try it where it can match.
  const url = text.includes('://') && text.includes('@') ? urlWithPassword.exec(text) : null;
  if (url && urlSchemes.test(url[1])) {
    const [, , , password, host] = url;
    const decoded = safeDecode(password);
    if (!password.includes(hole) && !templatePassword.test(decoded)) {
      return { placeholder: placeholderPasswords.has(decoded.toLowerCase()), local: localHosts.test(host) };
    }
  }
  const dsn = text.includes('=') ? dsnPassword.exec(text) : null;
  if (dsn && dsnOtherKeys.test(text) && !dsn[1].includes(hole) && !templatePassword.test(dsn[1])) {
    const host = /(?:^|[\s;])(?:host|server|data source)\s*=\s*([^\s;,]+)/i.exec(text)?.[1] ?? '';
    return { placeholder: placeholderPasswords.has(dsn[1].toLowerCase()), local: localHosts.test(host) };
  }
  const azure = azureAccountKey.exec(text);
  if (azure && !fakeKey.test(azure[1])) return { placeholder: false, local: /UseDevelopmentStorage|devstoreaccount1/.test(text) };
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export type ValueVerdict =
  /** Looks like a real credential. */
  | 'real'
  /** A well-known guessable value: admin, changeme, password123. */
  | 'guessable'
  /** A stand-in an assistant leaves for the user to paste a real credential over: your-api-key-here, sk-... */
  | 'placeholder';

const placeholderPattern = new RegExp(
  [
    String.raw`\b(?:(?:your|insert|replace|put|paste|add)[\s_-]*|my[\s_-]+)(own[\s_-]*|real[\s_-]*|actual[\s_-]*)?(openai[\s_-]*|stripe[\s_-]*|github[\s_-]*|aws[\s_-]*|slack[\s_-]*|bot[\s_-]*|app[\s_-]*|client[\s_-]*|db[\s_-]*|database[\s_-]*)?(api|secret|access|private|auth|token|key|password|pass|pwd|credential)`,
    String.raw`(key|token|secret|password)[\s_-]*(goes[\s_-]*)?here\b`,
    String.raw`^(sk|pk|rk|ghp|gho|glpat|xox[a-z]|hf|sg|akia)[-_.]*(x{3,}|\.{3}|\*{3,}|\.\.\.|…)`,
    String.raw`change[\s_-]*(this|me|it)?[\s_-]*(in|for|before)[\s_-]*prod`,
    String.raw`^(change[\s_-]?me|change[\s_-]?this|change[\s_-]?it|replace[\s_-]?me|todo|fixme|tbd|placeholder|dummy|redacted|secret[\s_-]?here|x{3,}|\.{3})$`,
  ].join('|'),
  'i',
);
const guessableValues = new Set([
  'password', 'password1', 'password12', 'password123', 'password1234', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pa$$word', 'admin', 'admin123',
  'administrator', 'root', 'toor', '123456', '1234567', '12345678', '123456789', '1234', '12345', 'qwerty', 'qwerty123', 'letmein', 'secret',
  'secret123', 'secretkey', 'secret-key', 'secret_key', 'mysecret', 'mysecretkey', 'supersecret', 'supersecretkey', 'super-secret',
  'super-secret-key', 'super_secret_key', 'topsecret', 'changeit', 'guest', 'pass', 'pass123', 'welcome', 'welcome1', 'dev', 'development',
  'devkey', 'dev-key', 'dev-secret', 'insecure', 'test', 'test123', 'testing', 'default', 'abc123', 'iloveyou', 'postgres', 'mysql', 'sa', 'hunter2',
  'your-secret-key', 'jwt-secret', 'jwtsecret', 'jwt_secret', 'flask-secret', 'django-secret', 'keyboard cat', 'keyboardcat',
]);

const templateValue = /\{[^}]*\}|%\(\w+\)[sd]|%[sd]\b|\$\{[^}]+\}|^\$[A-Za-z_]\w*$|\{\{.*\}\}/;
const envVarName = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
/** Words that make up form field, header and parameter names about credentials: new_password, x-api-key, access_token. */
const fieldWords = new Set([
  'new', 'old', 'current', 'confirm', 'confirmation', 'repeat', 'retype', 'user', 'username', 'api', 'key', 'access', 'refresh', 'token', 'secret',
  'client', 'password', 'passwd', 'pwd', 'pass', 'auth', 'authorization', 'x', 'id', 'bearer', 'private', 'public', 'app', 'login', 'reset', 'hash',
  'csrf', 'xsrf', 'session', 'field', 'input', 'jwt', 'oauth', 'oauth2', 'apikey', 'credentials', 'credential', 'account', 'admin', 'db', 'email',
  'form', 'header', 'param', 'value', 'type', 'grant', 'code', '1', '2',
]);
const pathLike = /^(\/|\.\.?\/|~\/|[A-Za-z]:\\)|\.(pem|key|crt|cer|der|p12|pfx|jks|json|txt|env|ya?ml|ini|cfg|conf|toml|gpg|asc|pub|keystore|properties)$/i;
const urlLike = /^[a-z][a-z0-9+.-]*:\/\//i;
const dottedPath = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*){2,}$/;
/** `spec.preferredAuthentication`, `auth.User`: a field path or model label (passwords are judged by the stricter dottedPath). */
const shortDottedPath = /^[A-Za-z_][A-Za-z]{2,}\w*(\.[A-Za-z_][A-Za-z]{2,}\w*)+$/;
const hostname = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|net|org|io|dev|app|cloud|internal|local|googleapis\.com|amazonaws\.com|[a-z]{2})$/i;
/** `V1SecretVolumeSource`, `AWSSecretKey`, `SecretStr`: class and config key names, not values. */
const typeName = /^[A-Z][A-Za-z0-9]*[a-z0-9][A-Z][A-Za-z0-9]*$/;
const credentialWord = /Secret|Token|Password|Passwd|Key|Credential|Auth/;
/** Lowercase words joined by `_`, `-` or `.`, with at most version-like numbers: `storage_v1_client`, `google_oauth2_csrf_token`. */
const wordy = /^[a-z]+\d?([_.-](v?\d{1,2}|[a-z]+\d?))+$/;
/** Google's documented password for every P12 service-account key file: it protects nothing. */
const publicDefaults = /^not[-_ ]?a?[-_ ]?secret$/i;
const secretReference = /^(arn:|projects\/|vault:|op:\/\/|sm:\/\/|ssm:|secretsmanager:|azure-keyvault:|gcp:|kms:|ref\+)/i;
/** Masks and redaction markers: `********`, `:****`, `<SANITIZED>`, `[REDACTED]`. */
const mask = /^[^A-Za-z0-9]*[*•·#]{3,}[^A-Za-z0-9]*$|^[*•.#_-]+$|^[<[(]?(redacted|filtered|hidden|masked|removed|omitted|censored|protected|sanitized|secret|elided)[>\])]?$/i;
/** Stand-ins in angle or square brackets that are not credential placeholders: `<pad>`, `<SANITIZED>`, `[UNK]`. */
const bracketed = /^(<[^<>]*>|\[[^[\]]*\])$/;
/** Regular expressions kept under credential-ish names (`jsonnet_token = r'[^\W\d]\w*'`). */
const regexLike = /\\[wdsbWDSB]|\[\^|\(\?[:=!<P]|\.\*|\.\+|\[a-z/;
/** Settings, algorithm and encoding names that sit where a secret could (`secret = "HS256"`, `auth = "bearer"`). */
const nonValues = /^(none|null|nil|undefined|true|false|n\/a|na|unknown|empty|unset|disabled|enabled|required|optional|hidden|masked|redacted|bearer|basic|digest|oauth2?|oidc|saml|ldap|jwt|[hrep]s(256|384|512)|eddsa|bcrypt|argon2(id|i)?|scrypt|pbkdf2|sha(1|256|384|512)|md5|utf-?8|hex|base64(url)?|ascii|latin-?1|include|omit|same-origin|anonymous|public|private|internal)$/i;
const passwordHash = /^\$(2[abxy]?|argon2(id|i|d)?|pbkdf2[-\w]*|scrypt|[156])\$|^(pbkdf2|bcrypt|argon2|scrypt|sha1|sha256|sha512|md5)[:$]/i;
const prompt = /[:?]\s*$|^[A-Z][a-z]+( [a-z]+)*[.!]?$/;
const authScheme = /^(Bearer|Basic|Token|Bot|Digest|ApiKey)\s+(\S{8,})$/;

/**
 * Judges a literal held by a credential-named variable. Undefined means it is not a credential value at all: empty, a
 * template, an env var or field name, a path, a URL, a prompt, a mask, a password hash. `name` is the variable's name,
 * `bare` says the name had no qualifier (`token`), so only values that look like credentials count.
 */
export function judgeSecretValue(value: string, kind: SecretKind, name: string, bare: boolean): ValueVerdict | undefined {
  const text = value.trim();
  if (text === '' || text.includes(hole)) return undefined;
  if (normalise(text) === normalise(name)) return undefined;
  const lower = text.toLowerCase();
  if (guessableValues.has(lower) && (kind !== 'token' && kind !== 'auth' || !bare)) return 'guessable';
  if (isPlaceholder(text)) return 'placeholder';
  if (kind === 'auth') {
    // Under `auth`/`Authorization` only a scheme with a credential counts: `scram-sha-256`, `basic` are mechanism names.
    const scheme = authScheme.exec(text);
    if (!scheme) return undefined;
    return placeholderPattern.test(scheme[2]) ? 'placeholder' : 'real';
  }
  if (/\s/.test(text) || templateValue.test(text) || envVarName.test(text) || pathLike.test(text) || urlLike.test(text)) return undefined;
  if (isFieldName(text)) return undefined;
  if (dottedPath.test(text) || secretReference.test(text) || mask.test(text) || nonValues.test(text) || passwordHash.test(text)) return undefined;
  if (bracketed.test(text) || regexLike.test(text) || hostname.test(text) || publicDefaults.test(text)) return undefined;
  if (prompt.test(text)) return undefined;
  if (typeName.test(text) && (credentialWord.test(text) || (text.match(/[A-Z][a-z]/g) ?? []).length >= 3) && readsAsWords(text)) return undefined;
  if (kind === 'password') return text.length >= 4 ? 'real' : undefined;
  if (shortDottedPath.test(text)) return undefined;
  // Keys and tokens are generated; a run of plain words is an identifier (a registry or session key), unless it says secret.
  if ((kind === 'key' || kind === 'token' || kind === 'credential') && wordy.test(text) && !/secret/.test(text)) return undefined;
  // SECRET_KEY = "aws_secret_access_key": a value spelling out the name's last words (and more) is the setting's key name.
  // ...unless it is a phrase someone typed as the secret itself: "my_super_secret_jwt_key", "top-secret-jwt".
  if (wordy.test(text) && includesAll(wordsOf(text), wordsOf(name).slice(-2)) && !wordsOf(text).some((w) => typedSecretWords.has(w))) return undefined;
  if (bare) return looksRandom(text) ? 'real' : undefined;
  return text.length >= 6 ? 'real' : undefined;
}

/** Words that make a phrase a typed-in secret rather than a setting's name. */
const typedSecretWords = new Set(['my', 'super', 'very', 'top', 'dont', 'change', 'please', 'hard', 'guess', 'shh', 'our', 'dev', 'default']);

/**
 * `SecretManagerServiceClient`, `HTTPBasicAuth`: CamelCase made of real words (capitalised runs of lowercase letters, few
 * digits). A generated base62 token (`Lq2Wx8Ec4Rv6Tb0Yn3`) also has capitals after lowercase, but in one- or two-letter runs.
 */
function readsAsWords(text: string): boolean {
  const segments = text.match(/[A-Z]{2,}(?=[A-Z][a-z]|\d|$)|[A-Z][a-z]+|[A-Z]|[a-z]+|\d+/g) ?? [];
  const digits = (text.match(/\d/g) ?? []).length;
  const wordLike = segments.filter((s) => /^[A-Z]{2,}$|^[A-Z][a-z]{2,}$|^[a-z]{3,}$|^(Id|Io|Os|Ui|Db|Ip|Me|My|To|Of|On|In|By|At|Is|Or|An|Up)$/.test(s)).length;
  return digits <= 3 && wordLike >= segments.length * 0.6;
}

/** Assistants leave these for the user to paste over, and the real credential then lands in source. */
function isPlaceholder(text: string): boolean {
  if (text.length > 64 || !placeholderPattern.test(text)) return false;
  // "Enter your API key:" is a prompt, not a value.
  return !/\s/.test(text) || !/[:?]\s*$|^(please|enter|type|input|provide|invalid|wrong|missing|the|a|an|no)\b/i.test(text);
}

/** `new_password`, `x-api-key`, `access_token`: the name of a field or header, not a value. */
function isFieldName(text: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]*([_.-][A-Za-z0-9]+)*$/.test(text)) return false;
  const words = wordsOf(text);
  return words.length > 0 && words.every((w) => fieldWords.has(w)) && words.some((w) => w !== 'x' && w !== '1' && w !== '2');
}

/** A value with the texture of a generated credential: long, or mixing letter case, digits and symbols. */
function looksRandom(text: string): boolean {
  if (text.length < 8) return false;
  if (/^[a-z]+$/.test(text) || /^[A-Z]+$/.test(text)) return text.length >= 20;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(text)).length;
  return classes >= 2 || text.length >= 20;
}

function includesAll(words: readonly string[], required: readonly string[]): boolean {
  return required.length > 0 && required.every((w) => words.includes(w));
}

function normalise(text: string): string {
  return wordsOf(text).join('');
}
