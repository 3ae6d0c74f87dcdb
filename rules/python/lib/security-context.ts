// Owns reading what a value is for from the names around it (function, target, dict key, arguments): security or not.
import type { SyntaxNode } from '../../api';
import { wordsOf } from './name-words';
import { enclosingFunction } from './scope';

export type Purpose = 'password' | 'security' | 'non-security' | 'unknown';

export interface PurposeReading {
  readonly purpose: Purpose;
  /** The word that decided a security purpose, as a noun phrase for messages: "a token", "a signature". */
  readonly what?: string;
}

const passwordWords = new Set(['password', 'passwords', 'passwd', 'pwd', 'pw', 'passphrase', 'passcode', 'pwhash']);
/** Security words and how a message names them. */
const securityWords = new Map<string, string>([
  ['secret', 'a secret'], ['secrets', 'a secret'], ['token', 'a token'], ['tokens', 'a token'], ['signature', 'a signature'],
  ['signatures', 'a signature'], ['sig', 'a signature'], ['sign', 'a signature'], ['signed', 'a signature'], ['signer', 'a signature'],
  ['signing', 'a signature'], ['verify', 'verification'], ['verified', 'verification'], ['verification', 'verification'],
  ['verifier', 'verification'], ['auth', 'authentication'], ['authenticate', 'authentication'], ['authentication', 'authentication'],
  ['authenticator', 'authentication'], ['authorization', 'authorization'], ['authorize', 'authorization'], ['session', 'a session identifier'],
  ['sessions', 'a session identifier'], ['apikey', 'an API key'], ['credential', 'a credential'], ['credentials', 'a credential'], ['creds', 'a credential'],
  ['otp', 'a one-time password'], ['totp', 'a one-time password'], ['hotp', 'a one-time password'], ['nonce', 'a nonce'], ['salt', 'a salted digest'],
  ['salted', 'a salted digest'], ['integrity', 'an integrity check'], ['tamper', 'an integrity check'], ['hmac', 'a MAC'],
  ['csrf', 'a CSRF token'], ['xsrf', 'a CSRF token'], ['login', 'logging in'], ['signin', 'logging in'], ['jwt', 'a token'], ['cert', 'a certificate'],
  ['certificate', 'a certificate'], ['challenge', 'a challenge response'], ['encrypt', 'encryption'], ['decrypt', 'encryption'],
  ['cipher', 'encryption'], ['kdf', 'key derivation'], ['derive', 'key derivation'], ['private', 'a private key'],
]);
/** Roots found inside run-together names (`hashpassword`, `maketoken`). */
const embeddedRoots: readonly [string, Purpose, string?][] = [
  ['password', 'password'], ['passwd', 'password'], ['secret', 'security', 'a secret'], ['token', 'security', 'a token'],
  ['signature', 'security', 'a signature'], ['credential', 'security', 'a credential'], ['csrf', 'security', 'a CSRF token'], ['hmac', 'security', 'a MAC'],
];
const nonSecurityWords = new Set([
  'etag', 'etags', 'cache', 'cached', 'caching', 'cachekey', 'gravatar', 'avatar', 'identicon', 'dedupe', 'dedup', 'deduplicate', 'deduplication',
  'duplicate', 'duplicates', 'shard', 'shards', 'sharding', 'bucket', 'buckets', 'partition', 'partitions', 'uuid', 'uuid3', 'color', 'colour',
  'colors', 'memo', 'memoize', 'slug', 'sample', 'sampling', 'thumbnail', 'thumb', 'asset', 'assets', 'cachebust', 'fingerprint', 'cdn',
  'identifier', 'id', 'ids', 'name', 'names', 'filename', 'temporary', 'temp', 'tmp',
]);
/** Hashed data made only of these names a thing (a cache file for a URL, a stable name for a path): the digest protects nothing. */
const namingData = new Set([
  'url', 'uri', 'href', 'link', 'path', 'filename', 'fname', 'file', 'name', 'basename', 'dirname', 'encode', 'decode', 'lower', 'strip', 'utf',
  'self', 'str', 'bytes', 'os', 'join', 'quote', 'netloc', 'hostname', 'host',
]);

/** Words of a name, with `api key` also read as `apikey`. */
function wordsWithCompounds(text: string): string[] {
  const words = wordsOf(text);
  for (let i = 0; i + 1 < words.length; i++) if (words[i] === 'api' && words[i + 1] === 'key') words.push('apikey');
  return words;
}

interface WordVerdict {
  password: boolean;
  security?: string;
  nonSecurity: boolean;
}

function judge(words: readonly string[]): WordVerdict {
  const verdict: WordVerdict = { password: false, nonSecurity: false };
  for (const raw of words) {
    // uuid5, sha1_hmac2: a trailing number does not change what a word means.
    const word = securityWords.has(raw) || nonSecurityWords.has(raw) ? raw : raw.replace(/\d+$/, '');
    if (passwordWords.has(word)) verdict.password = true;
    else if (securityWords.has(word)) verdict.security ??= securityWords.get(word);
    else if (nonSecurityWords.has(word)) verdict.nonSecurity = true;
    else if (word.length > 8) {
      for (const [root, purpose, what] of embeddedRoots) {
        if (!word.includes(root)) continue;
        if (purpose === 'password') verdict.password = true;
        else verdict.security ??= what;
      }
    }
  }
  return verdict;
}

/**
 * Reads what the value computed at `node` is for. Purpose names speak first, nearest first: where the value flows (the
 * variable, keyword, dict key or call it lands in), then the enclosing function, then outer functions and classes. The
 * first of these layers with a verdict decides, so `_create_cache_key` quiets a digest inside `CredentialFetcher`.
 * Within a layer a security word beats a non-security one (`session_cache` is still about sessions). When no purpose
 * speaks, the names in the hashed data decide (`md5(password)`), and data that only names a thing (a URL, a path) is no
 * security use.
 */
export function readPurpose(node: SyntaxNode, dataNodes: readonly SyntaxNode[]): PurposeReading {
  for (const layer of purposeLayers(node)) {
    const verdict = judge(layer.flatMap(wordsWithCompounds));
    if (verdict.password) return { purpose: 'password', what: 'a password' };
    if (verdict.security) return { purpose: 'security', what: verdict.security };
    if (verdict.nonSecurity) return { purpose: 'non-security' };
  }
  const dataWords = dataNodes.flatMap((d) => dataNames(d)).flatMap(wordsWithCompounds);
  const data = judge(dataWords);
  if (data.password) return { purpose: 'password', what: 'a password' };
  if (data.security) return { purpose: 'security', what: data.security };
  if (dataWords.length > 0 && dataWords.every((w) => namingData.has(w.replace(/\d+$/, '')))) return { purpose: 'non-security' };
  return { purpose: 'unknown' };
}

/** Purpose names in layers, nearest first: flow targets, the enclosing function, then each outer function or class. */
function purposeLayers(node: SyntaxNode): string[][] {
  const layers: string[][] = [flowsOf(node).flatMap(flowTargets)];
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'class_definition') layers.push([n.childForFieldName('name')?.text ?? '']);
  }
  return layers;
}

/** The value at `node` and, when it is a hash object kept in a variable, each `.digest()`/`.hexdigest()` read of that variable. */
function flowsOf(node: SyntaxNode): SyntaxNode[] {
  const flows = [node];
  const variable = assignedName(node);
  const scope = enclosingFunction(node);
  if (variable && scope) {
    for (const use of callsOn(scope, variable, /^(hex)?digest$/)) flows.push(use);
  }
  return flows;
}

/** Walks up from a value to where it lands and collects the names there. */
function flowTargets(start: SyntaxNode): string[] {
  const names: string[] = [];
  let child = start;
  for (let n = start.parent, depth = 0; n && depth < 10; child = n, n = n.parent, depth++) {
    switch (n.type) {
      case 'assignment':
      case 'augmented_assignment':
        names.push(n.childForFieldName('left')?.text ?? '');
        return names;
      case 'keyword_argument':
        names.push(n.childForFieldName('name')?.text ?? '');
        break;
      case 'pair':
        names.push(n.childForFieldName('key')?.text ?? '');
        return names;
      case 'argument_list': {
        const callee = n.parent?.childForFieldName('function');
        if (callee) names.push(lastName(callee));
        break;
      }
      case 'comparison_operator':
        for (const side of n.namedChildren) if (side && !side.equals(child)) names.push(side.text);
        break;
      case 'default_parameter':
      case 'typed_default_parameter':
        names.push(n.childForFieldName('name')?.text ?? '');
        return names;
      case 'return_statement':
      case 'expression_statement':
      case 'block':
      case 'lambda':
        return names;
      default:
        break;
    }
  }
  return names;
}

function assignedName(node: SyntaxNode): string | undefined {
  const parent = node.parent;
  if (parent?.type !== 'assignment' || !parent.childForFieldName('right')?.equals(node)) return undefined;
  const left = parent.childForFieldName('left');
  return left?.type === 'identifier' ? left.text : undefined;
}

/** Calls `variable.method(...)` in a function whose method name matches. */
export function callsOn(scope: SyntaxNode, variable: string, method: RegExp): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (n: SyntaxNode): void => {
    if (n.type === 'call') {
      const callee = n.childForFieldName('function');
      if (callee?.type === 'attribute' && callee.childForFieldName('object')?.text === variable && method.test(callee.childForFieldName('attribute')?.text ?? '')) found.push(n);
    }
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(scope);
  return found;
}

function lastName(callee: SyntaxNode): string {
  return callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : callee.text;
}

/** Names in the hashed data, and one step back through local assignments: `digest = challenge + secret; md5(digest)`. */
function dataNames(node: SyntaxNode): string[] {
  return namesThroughAssignments(node, enclosingFunction(node), identifiersIn);
}

/**
 * The names `collect` finds in an expression, and in the right-hand sides of the earlier assignments in `scope` to
 * those names (one step back): `digest = challenge + secret; md5(digest)` gives digest, challenge and secret.
 */
export function namesThroughAssignments(node: SyntaxNode, scope: SyntaxNode | null | undefined, collect: (n: SyntaxNode) => string[]): string[] {
  const names = collect(node);
  if (!scope) return names;
  const direct = new Set(names);
  const visit = (n: SyntaxNode): void => {
    if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (left?.type === 'identifier' && direct.has(left.text) && right && right.startIndex < node.startIndex) names.push(...collect(right));
    }
    if (n.type === 'function_definition' && !n.equals(scope)) return;
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(scope);
  return names;
}

/** Identifier and attribute names inside an expression (string contents are not names). */
function identifiersIn(node: SyntaxNode): string[] {
  const out: string[] = [];
  const visit = (n: SyntaxNode): void => {
    if (n.type === 'identifier') out.push(n.text);
    else if (n.type === 'keyword_argument') {
      const value = n.childForFieldName('value');
      if (value) visit(value);
      return;
    }
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(node);
  return out;
}
