// weak-hash for JavaScript/TypeScript: MD5/SHA-1 via node:crypto, WebCrypto, crypto-js and the md5/sha1 packages, judged by what the digest is for.
import { defineDetector, moduleFact, ownString, type Confidence, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { constantString, findBinding, literalText, patternNames, unwrap } from './lib/constant-strings';
import { nameOf, wordsOf } from './lib/name-words';
import { climbTransparent, enclosingFunction, enclosingNames, functionNameOf, receiverName } from './lib/surrounding-names';

type Use = 'digest' | 'hmac' | 'signature';

interface Sink {
  readonly use: Use;
  /** Index of the algorithm argument, when the algorithm is an argument. */
  readonly algorithmArg?: number;
  /** Fixed algorithm of a package function (`md5(x)`). */
  readonly algorithm?: string;
  /** Indexes of arguments that are the hashed data (or the HMAC key). */
  readonly inputArgs: readonly number[];
}

const packageSinks: Record<string, Sink> = {
  'crypto.createHash': { use: 'digest', algorithmArg: 0, inputArgs: [] },
  'crypto.hash': { use: 'digest', algorithmArg: 0, inputArgs: [1] },
  'crypto.createHmac': { use: 'hmac', algorithmArg: 0, inputArgs: [1] },
  'crypto.createSign': { use: 'signature', algorithmArg: 0, inputArgs: [] },
  'crypto.createVerify': { use: 'signature', algorithmArg: 0, inputArgs: [] },
  'crypto.sign': { use: 'signature', algorithmArg: 0, inputArgs: [1] },
  'crypto.verify': { use: 'signature', algorithmArg: 0, inputArgs: [1] },
  md5: { use: 'digest', algorithm: 'MD5', inputArgs: [0] },
  'blueimp-md5': { use: 'digest', algorithm: 'MD5', inputArgs: [0] },
  'js-md5': { use: 'digest', algorithm: 'MD5', inputArgs: [0] },
  'js-md5.hex': { use: 'digest', algorithm: 'MD5', inputArgs: [0] },
  'md5-hex': { use: 'digest', algorithm: 'MD5', inputArgs: [0] },
  'spark-md5.hash': { use: 'digest', algorithm: 'MD5', inputArgs: [0] },
  'spark-md5.ArrayBuffer.hash': { use: 'digest', algorithm: 'MD5', inputArgs: [0] },
  sha1: { use: 'digest', algorithm: 'SHA-1', inputArgs: [0] },
  'js-sha1': { use: 'digest', algorithm: 'SHA-1', inputArgs: [0] },
  'js-sha1.hex': { use: 'digest', algorithm: 'SHA-1', inputArgs: [0] },
  'crypto-js.MD5': { use: 'digest', algorithm: 'MD5', inputArgs: [0] },
  'crypto-js.SHA1': { use: 'digest', algorithm: 'SHA-1', inputArgs: [0] },
  'crypto-js/md5': { use: 'digest', algorithm: 'MD5', inputArgs: [0] },
  'crypto-js/sha1': { use: 'digest', algorithm: 'SHA-1', inputArgs: [0] },
  'crypto-js.HmacMD5': { use: 'hmac', algorithm: 'MD5', inputArgs: [0, 1] },
  'crypto-js.HmacSHA1': { use: 'hmac', algorithm: 'SHA-1', inputArgs: [0, 1] },
  'crypto-js/hmac-md5': { use: 'hmac', algorithm: 'MD5', inputArgs: [0, 1] },
  'crypto-js/hmac-sha1': { use: 'hmac', algorithm: 'SHA-1', inputArgs: [0, 1] },
};
const hashModules = /^(md5|blueimp-md5|js-md5|md5-hex|spark-md5|sha1|js-sha1|crypto-js(\/.*)?)$/;
const candidateCallee = /(^|\.)(createHash|hash|createHmac|createSign|createVerify|sign|verify|digest|MD5|SHA1|HmacMD5|HmacSHA1|hex|(md5|sha1)(hex|sum|hash|digest)?)\s*$/i;
const subtleDigest: Sink = { use: 'digest', algorithmArg: 0, inputArgs: [1] };

/** Words that say security depends on the digest. */
const securityWords = new Set([
  'password', 'passwords', 'passwd', 'pwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'signature', 'signatures', 'sig', 'sign', 'signed',
  'signing', 'signin', 'signup', 'verify', 'verified', 'verification', 'auth', 'authenticate', 'authentication', 'authorization', 'authorize', 'login',
  'logon', 'session', 'sessions', 'credential', 'credentials', 'cred', 'creds', 'otp', 'nonce', 'salt', 'salted', 'integrity', 'hmac', 'jwt',
  'csrf', 'xsrf', 'encrypt', 'encryption', 'decrypt', 'decryption', 'cipher', 'crypt', 'kdf', 'derive', 'tamper', 'license', 'certificate', 'cert',
  'challenge', 'apikey', 'webhook', 'unsubscribe', 'invite', 'invitation', 'magic', 'reset', 'download', 'installer', 'artifact', 'checksums',
]);
/**
 * Words that say the digest is an identifier for caching, dedupe or display, where collisions cost nothing; a certificate
 * thumbprint names a certificate the holder already has (JOSE `x5t` is SHA-1 by definition), like a key fingerprint.
 */
const nonSecurityWords = new Set([
  'etag', 'etags', 'entitytag', 'cache', 'cached', 'caching', 'gravatar', 'avatar', 'identicon', 'fingerprint', 'thumbprint', 'dedupe', 'dedup', 'deduplicate', 'duplicate',
  'duplicates', 'color', 'colour', 'hue', 'bucket', 'buckets', 'shard', 'partition', 'uuid', 'memo', 'memoize', 'chunk', 'asset', 'assets',
  'webpack', 'content', 'consistent', 'bloom', 'thumbnail', 'sample', 'sampling', 'experiment', 'variant', 'rollout', 'git', 'blob', 'websocket',
  'handshake', 'guid', 'classname', 'css', 'placeholder', 'anchor', 'slug',
]);
/** Protocols that mandate SHA-1 in an HMAC (TOTP/HOTP apps, OAuth 1.0): not something the author can change. */
const mandatedWords = new Set(['otp', 'totp', 'hotp', 'oauth', 'oauth1', 'authenticator', 'cram', 'sasl', 'ntlm']);
/**
 * Protocols that define their digests, password hashes included (the NT hash is MD4 of the password, NTLMv2 and SMB
 * signing use MD5): an implementation of them has no other algorithm to choose, whatever it hashes.
 */
const protocolDigestWords = new Set(['ntlm', 'ntlmv1', 'ntlmv2', 'smbhash', 'lmhash', 'nthash', 'lanman']);
const passwordWords = new Set(['password', 'passwords', 'passwd', 'pwd', 'passphrase', 'pass']);
const keyQualifiers = new Set(['api', 'secret', 'private', 'signing', 'session']);
const websocketGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** Calls a digest passes through unchanged in meaning, e.g. `md5(x).toString()`. */
const passThroughMethods = new Set(['digest', 'toString', 'slice', 'substring', 'substr', 'toUpperCase', 'toLowerCase', 'end', 'read', 'hex', 'padStart', 'trim']);

export default defineDetector({
  id: 'weak-hash',
  family: 'javascript',
  // What `candidateCallee` accepts (createHash, createHmac, createSign, subtle.digest, md5/sha1 helpers), or a hash package under any local name.
  triggers: { text: /hash|hmac|sign|verify|digest|md5|sha1|hex/i, imports: hashModules },
  anchored: true,
  create(context) {
    // Cheap text tests first: a bundled library has hundreds of thousands of calls, and resolving each costs more.
    const localNames = new Set(context.bindings.filter((b) => hashModules.test(b.module)).map((b) => b.local));
    return {
      call_expression(node: SyntaxNode) {
        const callee = node.childForFieldName('function');
        if (!callee || (!candidateCallee.test(callee.text) && !localNames.has(callee.text))) return;
        const sink = sinkOf(callee, context);
        if (!sink) return;
        const args = node.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment') ?? [];
        const algorithmNode = sink.algorithmArg === undefined ? undefined : args[sink.algorithmArg];
        const algorithm = sink.algorithm ?? weakAlgorithm(algorithmNode);
        if (!algorithm || context.isTestCode(node)) return;
        const words = collectWords(node, sink, args, context.file.path);
        const verdict = judge(sink, words);
        if (!verdict) return;
        const literal = algorithmNode && (algorithmNode.type === 'string' ? algorithmNode : undefined);
        context.report({
          node: literal ?? node,
          confidence: verdict.confidence,
          message: messageFor(sink.use, algorithm, verdict),
          ...(literal && !verdict.password ? { fix: strongerAlgorithmFix(literal, context) } : {}),
        });
      },
    };
  },
});

function sinkOf(callee: SyntaxNode, context: RuleContext): Sink | undefined {
  const resolved = context.resolveCallee(callee);
  if (resolved && packageSinks[resolved]) return packageSinks[resolved];
  // A helper of this file named for its algorithm (`const md5 = (s) => createHash('md5')…`): judged where it is called.
  const helper = callee.type === 'identifier' ? /^(md5|sha1)(hex|sum|hash|digest)?$/i.exec(callee.text) : null;
  if (helper && isLocalFunction(callee)) return { use: 'digest', algorithm: helper[1].toLowerCase() === 'md5' ? 'MD5' : 'SHA-1', inputArgs: [0, 1, 2] };
  // WebCrypto is a global (`crypto.subtle`, `window.crypto.subtle`) or `webcrypto.subtle` from node:crypto.
  if (callee.type === 'member_expression' && nameOf(callee) === 'digest') {
    const object = unwrap(callee.childForFieldName('object'));
    if (object && /(^|\.)(crypto|webcrypto)\.subtle$|^subtle$/.test(object.text.replace(/\s/g, ''))) return subtleDigest;
  }
  return undefined;
}

function isLocalFunction(identifier: SyntaxNode): boolean {
  const binding = findBinding(identifier);
  if (binding?.kind === 'function') return true;
  const value = unwrap(binding?.value);
  return !!value && (value.type === 'arrow_function' || value.type === 'function_expression' || value.type === 'function');
}

/** 'MD5' or 'SHA-1' when the argument is a constant naming a weak algorithm (also `{ name: 'SHA-1' }` for WebCrypto). */
function weakAlgorithm(arg: SyntaxNode | undefined): string | undefined {
  if (!arg) return undefined;
  const node = unwrap(arg);
  let name = constantString(node);
  if (name === undefined && node?.type === 'object') {
    const pair = node.namedChildren.find((p) => p?.type === 'pair' && nameOf(p.childForFieldName('key')) === 'name');
    name = constantString(pair?.childForFieldName('value'));
  }
  if (name === undefined) return undefined;
  const normalized = name.toLowerCase().replace(/[-_\s]/g, '');
  const match = /^(?:rsa|ssl3)?(md[245]|sha1)(?:withrsaencryption)?$/.exec(normalized);
  if (!match) return undefined;
  return match[1] === 'sha1' ? 'SHA-1' : match[1].toUpperCase();
}

interface Words {
  /** Names of what receives the digest: the variable, key, property, returned-from function, comparison partner. */
  readonly purpose: Set<string>;
  /** Names on the way there: calls the digest is passed to, their string arguments, text concatenated with it. */
  readonly via: Set<string>;
  /** Names in the hashed data (and HMAC key). */
  readonly inputs: Set<string>;
  /** Names of the enclosing functions and classes. */
  readonly around: Set<string>;
  readonly websocketAccept: boolean;
  /** Words of the file path, the weakest hint (`uuid/dist/md5.js`). */
  readonly path: Set<string>;
  /** The digest is computed in a generic helper (`function sha1(str)`, `hash(data)`) from its own parameter: its purpose is decided by callers. */
  readonly inGenericHelper: boolean;
}

function collectWords(call: SyntaxNode, sink: Sink, args: SyntaxNode[], path: string): Words {
  const purpose = new Set<string>();
  const via = new Set<string>();
  const inputs = new Set<string>();
  const inputNodes: SyntaxNode[] = sink.inputArgs.map((i) => args[i]).filter((a): a is SyntaxNode => !!a);
  const end = followDigest(call, inputNodes, purpose, via);
  // `const hash = createHash('md5'); hash.update(pw); return hash.digest('hex')`: follow the hash object in its function.
  const holder = end.parent?.type === 'variable_declarator' ? end.parent.childForFieldName('name') : undefined;
  if (holder?.type === 'identifier') {
    const fn = enclosingFunction(call);
    const scope = fn ?? rootOf(call);
    // At module level the uses sit in other statements: the finding depends on them, which the engine is told (an
    // edit to one of them redoes this unit's analysis).
    if (!fn) {
      // The fact's compute is kept by name: it holds the name (a copy), never a node.
      const name = ownString(holder.text);
      moduleFact(call, `javascript/weak-hash/uses/${name}`, (root) => statementsUsing(root, name));
    }
    for (const use of scope.descendantsOfType('identifier')) {
      if (!use || use.text !== holder.text || use.equals(holder)) continue;
      const member = use.parent;
      const method = member?.type === 'member_expression' && member.childForFieldName('object')?.equals(use) ? nameOf(member) : undefined;
      const methodCall = member?.parent;
      if (method && methodCall?.type === 'call_expression') {
        if (method === 'update' || method === 'write') inputNodes.push(...(methodCall.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a) ?? []));
        if (method === 'digest') followDigest(methodCall, inputNodes, purpose, via);
      } else if (use.parent?.type === 'binary_expression' && /^[!=]==?$/.test(use.parent.childForFieldName('operator')?.type ?? '')) {
        // `return actual === expectedChecksum`: the compared value names the digest's purpose.
        const other = use.parent.childForFieldName('left')?.equals(use) ? use.parent.childForFieldName('right') : use.parent.childForFieldName('left');
        for (const name of namesIn(other)) for (const w of wordsOf(name)) purpose.add(w);
      } else if (use.parent?.type === 'return_statement') {
        const fn = enclosingFunction(use);
        for (const w of wordsOf((fn && functionNameOf(fn)) ?? '')) purpose.add(w);
      } else if (use.parent?.type === 'arguments') {
        // `stream.pipe(hash)`: the stream is the input.
        const consumer = use.parent.parent?.childForFieldName('function');
        if (consumer) inputNodes.push(consumer);
      }
    }
  }
  for (const input of inputNodes) for (const name of namesIn(input)) for (const w of wordsOf(name)) inputs.add(w);
  const around = new Set(enclosingNames(call).flatMap(wordsOf));
  return {
    purpose: withCompounds(purpose),
    via: withCompounds(via),
    inputs: withCompounds(inputs),
    around: withCompounds(around),
    websocketAccept: inputNodes.some((n) => n.text.includes(websocketGuid)),
    path: new Set(path.split('/').flatMap(wordsOf)),
    inGenericHelper: isGenericHelper(call, inputNodes),
  };
}

/**
 * Climbs from a digest expression to where its value goes, collecting the update() inputs on the way
 * and the names of the destination into `purpose`. Returns the outermost expression of the chain.
 */
function followDigest(start: SyntaxNode, inputNodes: SyntaxNode[], purpose: Set<string>, via: Set<string>): SyntaxNode {
  const addPurpose = (name: string | undefined): void => {
    for (const w of wordsOf(name ?? '')) purpose.add(w);
  };
  const addVia = (name: string | undefined): void => {
    for (const w of wordsOf(name ?? '')) via.add(w);
  };
  let current = climbTransparent(start);
  for (let steps = 0; steps < 12; steps++) {
    const parent = current.parent;
    if (!parent) break;
    if (parent.type === 'member_expression' && parent.childForFieldName('object')?.equals(current) && parent.parent?.type === 'call_expression') {
      const method = nameOf(parent) ?? '';
      const call = parent.parent;
      if (method === 'update') inputNodes.push(...(call.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a) ?? []));
      else if (!passThroughMethods.has(method)) {
        // `md5(x).compare(y)`-like use: the method names the purpose.
        addVia(method);
        break;
      }
      current = climbTransparent(call);
      continue;
    }
    if (parent.type === 'template_substitution' && parent.parent) {
      for (const part of parent.parent.namedChildren) if (part?.type === 'string_fragment') addVia(part.text);
      current = climbTransparent(parent.parent);
      continue;
    }
    if (parent.type === 'binary_expression') {
      const operator = parent.childForFieldName('operator')?.type ?? '';
      const other = parent.childForFieldName('left')?.equals(current) ? parent.childForFieldName('right') : parent.childForFieldName('left');
      if (operator === '+') {
        addVia(literalText(other));
        current = climbTransparent(parent);
        continue;
      }
      if (/^[!=]==?$/.test(operator) && other) {
        // Compared with a stored value: that value's name says what the digest is.
        for (const name of namesIn(other)) addPurpose(name);
      }
      break;
    }
    if (parent.type === 'arguments' && parent.parent) {
      const consumer = parent.parent;
      const callee = consumer.childForFieldName('function') ?? consumer.childForFieldName('constructor');
      for (const name of namesIn(callee)) addVia(name);
      for (const sibling of parent.namedChildren) addVia(literalText(sibling));
      current = climbTransparent(consumer);
      continue;
    }
    if (parent.type === 'return_statement' || (parent.type === 'arrow_function' && parent.childForFieldName('body')?.equals(current))) {
      const fn = enclosingFunction(current) ?? (parent.type === 'arrow_function' ? parent : undefined);
      if (fn) addPurpose(functionNameOf(fn));
      break;
    }
    if (parent.type === 'ternary_expression' || parent.type === 'spread_element') {
      current = climbTransparent(parent);
      continue;
    }
    addPurpose(receiverName(current));
    break;
  }
  return current;
}

const genericHelperWords = new Set(['md5', 'sha1', 'sha', '1', 'hash', 'hashes', 'digest', 'checksum', 'hex', 'get', 'compute', 'create', 'make', 'calc', 'calculate', 'string', 'str', 'of', 'buffer', 'sum', 'base64', 'to', 'do']);

function isGenericHelper(call: SyntaxNode, inputNodes: readonly SyntaxNode[]): boolean {
  const fn = enclosingFunction(call);
  const name = fn && functionNameOf(fn);
  if (!fn || !name || !wordsOf(name).every((w) => genericHelperWords.has(w))) return false;
  const parameters = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  const names = new Set(parameters ? patternNames(parameters) : []);
  // `var str = JSON.stringify(sess); … update(str)`: one step back to what the local was built from.
  const reaches = (input: SyntaxNode): boolean =>
    namesIn(input).some((n) => names.has(n)) ||
    (input.type === 'identifier' && namesIn(findBinding(input)?.value).some((n) => names.has(n)));
  return inputNodes.some(reaches);
}

/** Identifier and property names within an expression (bounded: inputs can be large). */
function namesIn(node: SyntaxNode | null | undefined): string[] {
  if (!node) return [];
  if (node.type === 'identifier' || node.type === 'property_identifier' || node.type === 'shorthand_property_identifier') return [node.text];
  // `req.headers['x-signature']`: string subscripts are names too.
  return node
    .descendantsOfType(['identifier', 'property_identifier', 'shorthand_property_identifier', 'subscript_expression'])
    .slice(0, 24)
    .map((n) => (n?.type === 'subscript_expression' ? literalText(n.childForFieldName('index')) : n?.text) ?? '')
    .filter(Boolean);
}

/** Adds `apikey` for `api key`, `secretkey` … so key names count as security words. */
function withCompounds(words: Set<string>): Set<string> {
  if (words.has('key')) for (const q of keyQualifiers) if (words.has(q)) words.add('apikey');
  return words;
}

/** The texts of the top-level statements that mention `name` as a word, joined. */
function statementsUsing(root: SyntaxNode, name: string): string {
  const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`);
  return root.namedChildren.flatMap((s) => (s && word.test(s.text) ? [s.text] : [])).join('\u0000');
}

function rootOf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

interface Verdict {
  readonly confidence: Confidence;
  readonly password: boolean;
}

function judge(sink: Sink, words: Words): Verdict | undefined {
  if (words.websocketAccept) return undefined;
  const all = new Set([...words.purpose, ...words.via, ...words.inputs, ...words.around, ...words.path]);
  // Protocols fix the algorithm (OAuth 1.0 signatures, TOTP, SASL CRAM-MD5): the author cannot choose another.
  if (sink.use !== 'digest' && has(all, mandatedWords)) return undefined;
  // Named in the code itself (not the file path: `smb/users.js` is as likely a small-business module); "smb" alone is too.
  if (has(new Set([...words.purpose, ...words.via, ...words.inputs, ...words.around]), protocolDigestWords)) return undefined;
  if (sink.use === 'signature') return { confidence: 'high', password: false };
  const password = sink.use === 'digest' && (has(words.inputs, passwordWords) || [...words.purpose].some((w) => passwordWords.has(w) && w !== 'pass'));
  if (password) return { confidence: 'high', password };
  // The nearest names decide: where the digest is stored, what it passes through, what is hashed; then, more weakly,
  // the enclosing functions and the file path.
  let confidence: Confidence = 'medium';
  let decided = false;
  for (const tier of [words.purpose, words.via, words.inputs]) {
    const isSecure = has(tier, securityWords);
    const isPlain = has(tier, nonSecurityWords);
    if (isPlain && !isSecure) return undefined;
    if (isSecure && !isPlain) {
      confidence = 'high';
      decided = true;
      break;
    }
  }
  if (!decided) {
    for (const tier of [words.around, words.path]) {
      const isSecure = has(tier, securityWords);
      const isPlain = has(tier, nonSecurityWords);
      if (isPlain && !isSecure) return undefined;
      if (isSecure) break;
    }
    if (words.inGenericHelper) confidence = 'low';
  }
  if (sink.use === 'hmac') return { confidence: confidence === 'high' ? 'medium' : confidence, password: false };
  return { confidence, password: false };
}

function has(words: Set<string>, vocabulary: Set<string>): boolean {
  for (const w of words) if (vocabulary.has(w)) return true;
  return false;
}

function messageFor(use: Use, algorithm: string, verdict: Verdict): string {
  const { password } = verdict;
  if (password) {
    return `${algorithm} is a fast hash that GPUs try billions of times per second, so it does not protect passwords; hash them with bcrypt, scrypt (crypto.scrypt) or Argon2.`;
  }
  switch (use) {
    case 'signature':
      return `A signature over a ${algorithm} digest can be forged by finding a collision; sign with SHA-256 or stronger.`;
    case 'hmac':
      return `HMAC-${algorithm.replace('-', '')} is deprecated for new designs and fails compliance reviews; use HMAC-SHA256 unless a protocol you must interoperate with requires it.`;
    default:
      return verdict.confidence === 'high'
        ? `${algorithm} is broken for security use (collisions are practical), so anything that trusts this digest can be fooled; use SHA-256 or stronger.`
        : `${algorithm} is broken for security use (collisions are practical); if anything trusts this digest use SHA-256 or stronger, and if it is only a cache key or checksum say so in a skeptic-ignore reason.`;
  }
}

/** `'md5'` → `'sha256'`, `'SHA-1'` → `'SHA-256'`, `'RSA-SHA1'` → `'RSA-SHA256'`, keeping the quote and spelling style. */
function strongerAlgorithmFix(literal: SyntaxNode, context: RuleContext): Fix {
  const quote = literal.text[0];
  const name = literal.text.slice(1, -1);
  const upper = name === name.toUpperCase();
  const replaced = name.replace(/md[245]|sha-?1/i, (m) => {
    const hyphen = m.includes('-') || /^sha-/i.test(m) ? '-' : '';
    const stronger = `sha${hyphen}256`;
    return upper ? stronger.toUpperCase() : stronger;
  });
  return {
    title: 'Use SHA-256 (changes the digest: stored or compared hashes must be migrated)',
    edits: [{ range: context.rangeOf(literal), newText: `${quote}${replaced}${quote}` }],
    preservesBehaviour: false,
  };
}
