// weak-password-hash for JavaScript/TypeScript: passwords through SHA-2/SHA-3 and other fast hashes, PBKDF2 with few iterations, bcrypt with a low cost, constant salts. MD5/SHA-1 are weak-hash's.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { callArgumentsOf, callPartsOf } from './lib/call-parts';
import { constantString, findBinding, literalText, unwrap } from './lib/constant-strings';
import { nameOf, wordsOf } from './lib/name-words';
import { constantNumber } from './lib/object-keys';
import { sensitiveKindOf } from './lib/sensitive-names';
import { climbTransparent, enclosingFunction, enclosingNames, functionNameOf, receiverName } from './lib/surrounding-names';

/** Fast general-purpose digests: sound for integrity, far too fast for passwords. MD5, SHA-1 and MD4 are weak-hash's to report. */
const fastAlgorithm = /^(rsa-)?(sha-?(224|256|384|512)(-224|-256)?|sha3-?(224|256|384|512)|sha512-(224|256)|blake2[bs](256|512)?|ripemd-?160|rmd160|shake(128|256)|sm3|whirlpool)$/i;

type Sink = { readonly kind: 'digest'; readonly algorithmArg?: number; readonly algorithm?: string; readonly inputArgs: readonly number[] };

const digestSinks: Readonly<Record<string, Sink>> = Object.assign(Object.create(null) as Record<string, Sink>, {
  'crypto.createHash': { kind: 'digest', algorithmArg: 0, inputArgs: [] },
  'crypto.createHmac': { kind: 'digest', algorithmArg: 0, inputArgs: [] },
  'crypto.hash': { kind: 'digest', algorithmArg: 0, inputArgs: [1] },
  'crypto-js.SHA256': { kind: 'digest', algorithm: 'SHA-256', inputArgs: [0] },
  'crypto-js.SHA512': { kind: 'digest', algorithm: 'SHA-512', inputArgs: [0] },
  'crypto-js.SHA384': { kind: 'digest', algorithm: 'SHA-384', inputArgs: [0] },
  'crypto-js.SHA224': { kind: 'digest', algorithm: 'SHA-224', inputArgs: [0] },
  'crypto-js.SHA3': { kind: 'digest', algorithm: 'SHA-3', inputArgs: [0] },
  'crypto-js.RIPEMD160': { kind: 'digest', algorithm: 'RIPEMD-160', inputArgs: [0] },
  'crypto-js.HmacSHA256': { kind: 'digest', algorithm: 'HMAC-SHA256', inputArgs: [0] },
  'crypto-js.HmacSHA512': { kind: 'digest', algorithm: 'HMAC-SHA512', inputArgs: [0] },
  'crypto-js/sha256': { kind: 'digest', algorithm: 'SHA-256', inputArgs: [0] },
  'crypto-js/sha512': { kind: 'digest', algorithm: 'SHA-512', inputArgs: [0] },
  'crypto-js/sha3': { kind: 'digest', algorithm: 'SHA-3', inputArgs: [0] },
  'js-sha256': { kind: 'digest', algorithm: 'SHA-256', inputArgs: [0] },
  'js-sha256.sha256': { kind: 'digest', algorithm: 'SHA-256', inputArgs: [0] },
  'js-sha512': { kind: 'digest', algorithm: 'SHA-512', inputArgs: [0] },
  'js-sha512.sha512': { kind: 'digest', algorithm: 'SHA-512', inputArgs: [0] },
  'js-sha3.sha3_256': { kind: 'digest', algorithm: 'SHA3-256', inputArgs: [0] },
  sha256: { kind: 'digest', algorithm: 'SHA-256', inputArgs: [0] },
});
/** Work-factor functions: bcrypt's cost, PBKDF2's iterations, and where their salt goes. */
const bcryptCost = new Set(['bcrypt.hash', 'bcrypt.hashSync', 'bcrypt.genSalt', 'bcrypt.genSaltSync', 'bcryptjs.hash', 'bcryptjs.hashSync', 'bcryptjs.genSalt', 'bcryptjs.genSaltSync']);
const pbkdf2 = new Set(['crypto.pbkdf2', 'crypto.pbkdf2Sync']);
const scrypt = new Set(['crypto.scrypt', 'crypto.scryptSync']);
/** Last names of every sink above: a cheap first test before resolving imports. */
const sinkNames = new Set([
  'createHash', 'createHmac', 'hash', 'hashSync', 'genSalt', 'genSaltSync', 'pbkdf2', 'pbkdf2Sync', 'scrypt', 'scryptSync', 'digest',
  'SHA256', 'SHA512', 'SHA384', 'SHA224', 'SHA3', 'RIPEMD160', 'HmacSHA256', 'HmacSHA512', 'sha256', 'sha512', 'sha3_256', 'PBKDF2',
]);
const minIterations = 10_000;
const minCost = 10;
const passwordFunctions = /(hash|encrypt|encode|digest|store|save|secure|set|verify|check|compare|validate|match)_?pass(word|wd)?s?$|^(hash|encrypt|digest)_?pass|password_?(hash|hasher|digest|encrypt)/i;

export default defineDetector({
  id: 'weak-password-hash',
  family: 'javascript',
  // Every sink name holds one of these words; a default import of a digest module can take any name.
  triggers: { text: /hash|pbkdf2|scrypt|digest|sha|ripemd|hmac|salt/i, imports: new RegExp(`^(?:${Object.keys(digestSinks).map((k) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`) },
  anchored: true,
  create(context) {
    // Default imports can take any name (`import hash from 'js-sha256'`): those local names are sinks too.
    const importedDigests = new Set(context.bindings.filter((b) => !b.imported && digestSinks[b.module]).map((b) => b.local));
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name } = callPartsOf(node);
        if (!callee || !name || !(sinkNames.has(name) || importedDigests.has(name))) return;
        const resolved = resolveSink(callee, context);
        if (!resolved) return;
        const args = callArgumentsOf(node);
        if (bcryptCost.has(resolved)) return checkBcrypt(node, resolved, args, context);
        if (pbkdf2.has(resolved) || scrypt.has(resolved)) return checkKdf(node, resolved, args, context);
        if (resolved === 'crypto-js.PBKDF2' || resolved === 'crypto-js/pbkdf2') return checkCryptoJsPbkdf2(node, args, context);
        const sink = digestSinks[resolved] ?? (resolved === 'subtle.digest' ? { kind: 'digest' as const, algorithmArg: 0, inputArgs: [1] } : undefined);
        if (!sink) return;
        const algorithmNode = sink.algorithmArg === undefined ? undefined : args[sink.algorithmArg];
        const algorithm = sink.algorithm ?? fastAlgorithmOf(algorithmNode);
        if (!algorithm) return;
        const inputs = sink.inputArgs.map((i) => args[i]).filter((a): a is SyntaxNode => !!a);
        const end = followChain(node, inputs);
        if (!isAboutPassword(node, end, inputs) || comparedInConstantTime(end) || context.isTestCode(node)) return;
        context.report({
          node: algorithmNode?.type === 'string' ? algorithmNode : node,
          message: `${algorithm} is a fast hash, so a stolen table of these password hashes can be cracked at billions of guesses per second; hash passwords with bcrypt, scrypt (crypto.scrypt with a random salt), Argon2 or PBKDF2 with at least 600,000 iterations.`,
        });
      },
    };
  },
});

/**
 * crypto-js `PBKDF2(password, salt, { keySize })`: before crypto-js 4.2 the defaults are one iteration of SHA-1
 * (CVE-2023-46233), so a missing `iterations` is reported too; an explicit count below the minimum always.
 */
function checkCryptoJsPbkdf2(call: SyntaxNode, args: SyntaxNode[], context: RuleContext): void {
  const options = unwrap(args[2]);
  if (options && options.type !== 'object') return;
  const iterationsPair = options?.namedChildren.find((p) => p?.type === 'pair' && nameOf(p.childForFieldName('key')) === 'iterations');
  const iterations = iterationsPair?.childForFieldName('value') ?? undefined;
  const count = iterations ? constantNumber(iterations) : undefined;
  if (iterations && (count === undefined || count >= minIterations)) return;
  if (options?.namedChildren.some((c) => c?.type === 'spread_element') || context.isTestCode(call)) return;
  context.report({
    node: iterationsPair ?? call,
    confidence: iterations ? 'high' : 'medium',
    message: iterations
      ? `PBKDF2 with ${count} iteration${count === 1 ? '' : 's'} is cheap to brute-force; use at least 600,000 iterations with SHA-256 (OWASP), or bcrypt, scrypt or Argon2.`
      : "crypto-js's PBKDF2 without iterations runs a single iteration of SHA-1 before crypto-js 4.2, cheap to brute-force; pass iterations: 600000 and hasher: CryptoJS.algo.SHA256 (or use bcrypt, scrypt or Argon2).",
  });
}

function resolveSink(callee: SyntaxNode, context: RuleContext): string | undefined {
  const resolved = context.resolveCallee(callee);
  if (resolved && /^crypto\.(webcrypto\.)?subtle\.digest$/.test(resolved)) return 'subtle.digest';
  if (resolved) return resolved.replace(/^bcrypt\.default\./, 'bcrypt.').replace(/^crypto-js\.default\./, 'crypto-js.');
  // WebCrypto: `crypto.subtle.digest`, `window.crypto.subtle.digest`.
  if (callee.type === 'member_expression' && nameOf(callee) === 'digest') {
    const object = unwrap(callee.childForFieldName('object'));
    if (object && /(^|\.)(crypto|webcrypto)\.subtle$|^subtle$/.test(object.text.replace(/\s/g, ''))) return 'subtle.digest';
  }
  // Unimported snippets: `bcrypt.hash(pw, 8)` by its conventional name.
  if (callee.type === 'member_expression' && /^(bcrypt|bcryptjs)$/.test(callee.childForFieldName('object')?.text ?? '')) return `bcrypt.${nameOf(callee)}`;
  return undefined;
}

function fastAlgorithmOf(arg: SyntaxNode | undefined): string | undefined {
  if (!arg) return undefined;
  const node = unwrap(arg);
  let name = constantString(node);
  if (name === undefined && node?.type === 'object') {
    const pair = node.namedChildren.find((p) => p?.type === 'pair' && nameOf(p.childForFieldName('key')) === 'name');
    name = constantString(pair?.childForFieldName('value'));
  }
  if (name === undefined || !fastAlgorithm.test(name.trim())) return undefined;
  return name.toUpperCase().replace(/^RSA-/, '');
}

/** Climbs `createHash(a).update(x).digest()` to its outermost expression, collecting update() inputs; follows a `const h = createHash(a)` holder in its function. */
function followChain(call: SyntaxNode, inputs: SyntaxNode[]): SyntaxNode {
  let current = climbTransparent(call);
  for (let i = 0; i < 8; i++) {
    const parent = current.parent;
    if (parent?.type !== 'member_expression' || parent.parent?.type !== 'call_expression') break;
    const method = nameOf(parent);
    if (method === 'update') inputs.push(...(parent.parent.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a) ?? []));
    else if (!/^(digest|toString|end|read)$/.test(method ?? '')) break;
    current = climbTransparent(parent.parent);
  }
  const holder = current.parent?.type === 'variable_declarator' ? current.parent.childForFieldName('name') : undefined;
  const scope = enclosingFunction(call);
  if (holder?.type === 'identifier' && scope) {
    for (const use of scope.descendantsOfType('identifier')) {
      if (!use || use.text !== holder.text || use.equals(holder)) continue;
      const member = use.parent;
      if (member?.type === 'member_expression' && nameOf(member) === 'update' && member.parent?.type === 'call_expression') {
        inputs.push(...(member.parent.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a) ?? []));
      }
    }
  }
  return current;
}

/** The hashed data is a password (`user.password`, `req.body.password + salt`), or the digest is stored as one (`passwordHash`, `hashPassword()`). */
function isAboutPassword(call: SyntaxNode, end: SyntaxNode, inputs: readonly SyntaxNode[]): boolean {
  if (inputs.some((input) => namesIn(input).some((n) => sensitiveKindOf(n) === 'password'))) return true;
  if (inputs.some((input) => literalText(unwrap(input)) !== undefined)) return false;
  const receiver = receiverName(end);
  if (receiver && storesPasswordHash(receiver)) return true;
  if (comparedWithPasswordHash(end)) return true;
  if (end.parent?.type === 'return_statement' || end.parent?.type === 'arrow_function') {
    const fn = enclosingFunction(end);
    const name = fn ? functionNameOf(fn) : undefined;
    if (name && passwordFunctions.test(name)) return true;
  }
  const around = enclosingNames(call)[0];
  return !!around && passwordFunctions.test(around) && inputs.length > 0 && inputs.every((i) => !/token|key|secret|file|buffer|body|content|data/i.test(i.text));
}

/** `digest === user.passwordHash`, directly or through the variable holding the digest. */
function comparedWithPasswordHash(end: SyntaxNode): boolean {
  const partnerIsHash = (comparison: SyntaxNode, side: SyntaxNode): boolean => {
    const operator = comparison.childForFieldName('operator')?.type ?? '';
    if (!/^[!=]==?$/.test(operator)) return false;
    const left = comparison.childForFieldName('left');
    const other = left?.equals(side) ? comparison.childForFieldName('right') : left;
    return !!other && namesIn(other).some(storesPasswordHash);
  };
  if (end.parent?.type === 'binary_expression') return partnerIsHash(end.parent, end);
  const name = end.parent?.type === 'variable_declarator' ? end.parent.childForFieldName('name') : undefined;
  const scope = enclosingFunction(end);
  if (name?.type !== 'identifier' || !scope) return false;
  return scope.descendantsOfType('identifier').some((use) => !!use && use.text === name.text && use.parent?.type === 'binary_expression' && partnerIsHash(use.parent, use));
}

function storesPasswordHash(name: string): boolean {
  const words = wordsOf(name);
  return words.some((w) => w === 'password' || w === 'passwd' || w === 'pwd') && words.some((w) => w === 'hash' || w === 'hashed' || w === 'digest' || w === 'encrypted');
}

/** `timingSafeEqual(sha256(a), sha256(b))`: hashing only to compare in constant time, nothing is stored. */
function comparedInConstantTime(end: SyntaxNode): boolean {
  let node = end;
  for (let i = 0; i < 3 && node.parent; i++) {
    if (node.parent.type === 'arguments') {
      const callee = node.parent.parent?.childForFieldName('function');
      return /timingSafeEqual|safeCompare|constantTimeEqual/.test(callee?.text ?? '');
    }
    if (node.parent.type !== 'variable_declarator') return false;
    const name = node.parent.childForFieldName('name');
    const scope = enclosingFunction(node);
    if (name?.type !== 'identifier' || !scope) return false;
    return scope.descendantsOfType('identifier').some((use) => use?.text === name.text && use.parent?.type === 'arguments'
      && /timingSafeEqual|safeCompare|constantTimeEqual/.test(use.parent.parent?.childForFieldName('function')?.text ?? ''));
  }
  return false;
}

function namesIn(node: SyntaxNode): string[] {
  if (node.type === 'identifier' || node.type === 'property_identifier' || node.type === 'shorthand_property_identifier') return [node.text];
  return node.descendantsOfType(['identifier', 'property_identifier', 'shorthand_property_identifier', 'subscript_expression', 'member_expression'])
    .slice(0, 24)
    .map((n) => (n?.type === 'subscript_expression' ? literalText(n.childForFieldName('index')) : n?.type === 'member_expression' ? nameOf(n) : n?.text) ?? '')
    .filter(Boolean);
}

function checkBcrypt(call: SyntaxNode, resolved: string, args: SyntaxNode[], context: RuleContext): void {
  const costArg = /genSalt/.test(resolved) ? args[0] : args[1];
  const cost = constantNumber(costArg);
  if (cost === undefined || cost >= minCost || unwrap(costArg)?.type === 'string' || context.isTestCode(call)) return;
  const literal = unwrap(costArg)?.type === 'number' ? unwrap(costArg) : undefined;
  context.report({
    node: costArg ?? call,
    message: `A bcrypt cost of ${cost} makes each guess ${2 ** (12 - cost)}× cheaper than the recommended 12, so stolen hashes crack quickly; use a cost of 12 or more.`,
    ...(literal ? { fix: replaceFix(literal, '12', 'Use cost 12 (hashing gets slower; existing hashes keep verifying)', context) } : {}),
  });
}

function checkKdf(call: SyntaxNode, resolved: string, args: SyntaxNode[], context: RuleContext): void {
  const [password, salt, iterations] = args;
  if (!password || literalText(unwrap(password)) !== undefined || context.isTestCode(call)) return;
  const aboutPassword = namesIn(password).some((n) => sensitiveKindOf(n) === 'password' || /^pass(word|phrase)?$/i.test(n));
  if (salt && isConstantSalt(salt) && aboutPassword) {
    context.report({
      node: salt,
      message: 'A constant salt makes every user with the same password share a hash and lets one precomputed table crack them all; generate a random salt per password (crypto.randomBytes(16)) and store it with the hash.',
    });
    return;
  }
  if (pbkdf2.has(resolved)) {
    const count = constantNumber(iterations);
    if (count === undefined || count >= minIterations) return;
    const literal = unwrap(iterations)?.type === 'number' ? unwrap(iterations) : undefined;
    context.report({
      node: iterations!,
      message: `PBKDF2 with ${count} iteration${count === 1 ? '' : 's'} is cheap to brute-force; use at least 600,000 iterations with SHA-256 (OWASP), or bcrypt, scrypt or Argon2.`,
      ...(literal ? { fix: replaceFix(literal, '600_000', 'Use 600,000 iterations (hashing gets slower; existing hashes need the old count stored to keep verifying)', context) } : {}),
    });
  }
}

/** A salt that is the same for every call: a literal, `Buffer.from('literal')`, or a module-level constant of either. */
function isConstantSalt(node: SyntaxNode): boolean {
  let value = unwrap(node);
  if (value?.type === 'identifier') {
    const binding = findBinding(value);
    if (binding?.kind !== 'const') return false;
    value = unwrap(binding.value);
  }
  if (!value) return false;
  if (constantString(value) !== undefined) return true;
  if (value.type === 'call_expression' && /^Buffer\.(from|alloc)$/.test(value.childForFieldName('function')?.text ?? '')) {
    const first = value.childForFieldName('arguments')?.namedChildren[0];
    return !!first && (constantString(first) !== undefined || first.type === 'number');
  }
  return false;
}

function replaceFix(node: SyntaxNode, text: string, title: string, context: RuleContext): Fix {
  return { title, edits: [{ range: context.rangeOf(node), newText: text }], preservesBehaviour: false };
}
