// weak-password-hash for Python: passwords through fast hashes (SHA-2, SHA-3, BLAKE2), PBKDF2 with few rounds or a constant salt, cheap bcrypt, DES crypt; MD5/SHA-1 stay weak-hash's.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { isConstant } from './lib/constant-strings';
import { wordsOf } from './lib/name-words';
import { enclosingFunction, resolveCallee } from './lib/scope';
import { callsOn, namesThroughAssignments } from './lib/security-context';
import { calleeLastName, keywordArgument, positionalArguments } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

/** Fast general-purpose hashes weak-hash does not cover (it owns MD4, MD5 and SHA-1). */
const fastHashes = /^(sha224|sha256|sha384|sha512|sha512_224|sha512_256|sha3_224|sha3_256|sha3_384|sha3_512|blake2b|blake2s|shake_128|shake_256)$/;
const fastHashNames = /^(sha-?224|sha-?256|sha-?384|sha-?512|sha3[-_](224|256|384|512)|blake2[bs](512|256)?|sha512[-_]224|sha512[-_]256)$/i;
const cryptodomeHashes = /^(?:Crypto|Cryptodome)\.Hash\.(SHA224|SHA256|SHA384|SHA512|SHA3_224|SHA3_256|SHA3_384|SHA3_512|BLAKE2b|BLAKE2s)\.new$/;
const passwordWords = new Set(['password', 'passwords', 'passwd', 'pwd', 'pw', 'passphrase', 'pwhash', 'pword']);
/** Data words that make the hashed value something other than a password (a token, a URL, a file). */
const otherDataWords = new Set(['token', 'tokens', 'url', 'uri', 'link', 'reset', 'apikey', 'api', 'file', 'path', 'handle', 'checksum', 'nonce', 'otp', 'code', 'content', 'body', 'payload', 'message', 'email']);
/** The function already uses a slow password hash: a fast hash there is a pre-hash or a migration path. */
const slowHashInScope = /bcrypt|argon2|scrypt|pbkdf2|PasswordHasher|passlib|\bmake_password\(|\bgenerate_password_hash\(/;
const minIterations = 100_000;
const candidateNames = new Set([...'sha224 sha256 sha384 sha512 sha512_224 sha512_256 sha3_224 sha3_256 sha3_384 sha3_512 blake2b blake2s shake_128 shake_256'.split(' '), 'new', 'pbkdf2_hmac', 'PBKDF2HMAC', 'gensalt', 'generate_password_hash', 'crypt', 'scrypt']);

export default defineDetector({
  id: 'weak-password-hash',
  family: 'python',
  triggers: {
    text: /hashlib|crypt|Crypt|werkzeug|PBKDF2/,
    imports: /^(?:hashlib|bcrypt|crypt|werkzeug|Crypto|Cryptodome|cryptography)(?:\.|$)/,
  },
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context);
        if (!last || !candidateNames.has(last)) return;
        const callee = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        if (!callee || args?.type !== 'argument_list') return;
        const resolved = resolveCallee(callee, context);
        if (!resolved) return;
        if (resolved.startsWith('hashlib.') && fastHashes.test(last)) checkFastHash(context, node, positionalArguments(args), `hashlib.${last}`);
        else if (resolved === 'hashlib.new') {
          const name = literalText(positionalArguments(args)[0] ?? keywordArgument(args, 'name'));
          if (name && fastHashNames.test(name)) checkFastHash(context, node, positionalArguments(args).slice(1), `hashlib.new("${name}")`);
        } else if (cryptodomeHashes.test(resolved)) checkFastHash(context, node, positionalArguments(args), resolved.split('.').at(-2)!);
        else if (resolved === 'hashlib.pbkdf2_hmac') {
          const positional = positionalArguments(args);
          checkPbkdf2(context, node, positional[2] ?? keywordArgument(args, 'salt'), positional[3] ?? keywordArgument(args, 'iterations'));
        } else if (/^cryptography\.hazmat\.primitives\.kdf\.pbkdf2\.PBKDF2HMAC$/.test(resolved)) {
          checkPbkdf2(context, node, keywordArgument(args, 'salt') ?? positionalArguments(args)[2], keywordArgument(args, 'iterations') ?? positionalArguments(args)[3]);
        } else if (resolved === 'bcrypt.gensalt') checkBcryptRounds(context, args);
        else if (/^werkzeug(\.security)?\.generate_password_hash$/.test(resolved)) checkWerkzeug(context, node, args);
        else if (resolved === 'crypt.crypt') checkCrypt(context, node, args);
        else if (resolved === 'hashlib.scrypt') checkScrypt(context, node, args);
      },
    };
  },
});

/** A fast hash whose data (its arguments, or later `.update()` calls on it) is a password. */
function checkFastHash(context: RuleContext, node: SyntaxNode, data: SyntaxNode[], name: string): void {
  const scope = enclosingFunction(node);
  if (scope && slowHashInScope.test(scope.text)) return;
  const fed = [...data, ...updatesOf(node)];
  if (!hashesPassword(node, fed)) return;
  context.report({
    node,
    message: `${name} is fast, so a stolen table of these password hashes is cracked at billions of guesses per second (and an unsalted one falls to precomputed tables); hash passwords with bcrypt, Argon2, hashlib.scrypt or PBKDF2 with a random salt.`,
  });
}

/** `h = hashlib.sha256(); h.update(password)`: the data reaches the hash through update calls. */
function updatesOf(node: SyntaxNode): SyntaxNode[] {
  const parent = node.parent;
  const scope = enclosingFunction(node);
  if (parent?.type !== 'assignment' || parent.childForFieldName('left')?.type !== 'identifier' || !scope) return [];
  const variable = parent.childForFieldName('left')!.text;
  return callsOn(scope, variable, /^update$/).flatMap((call) => positionalArguments(call.childForFieldName('arguments')));
}

/** The data names a password, or the value is stored or named as a password hash while the data names nothing else. */
function hashesPassword(node: SyntaxNode, data: SyntaxNode[]): boolean {
  const dataWords = data.flatMap((d) => namesThroughAssignments(d, enclosingFunction(node), identifiers)).flatMap(wordsOf);
  if (dataWords.some((w) => otherDataWords.has(w))) return false;
  if (dataWords.some((w) => passwordWords.has(w))) return true;
  if (data.length === 0 && dataWords.length === 0) return false;
  // Neutral data (`raw`, `value`): the function name or the target decides.
  const purpose = [...targetNames(node), ...functionNames(node)].flatMap(wordsOf);
  return purpose.some((w) => passwordWords.has(w)) && !purpose.some((w) => otherDataWords.has(w));
}

function identifiers(node: SyntaxNode): string[] {
  const out: string[] = [];
  const visit = (n: SyntaxNode): void => {
    if (n.type === 'identifier') out.push(n.text);
    else if (n.type === 'string') return;
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(node);
  // `password.encode("utf-8")`: method names say nothing about the data.
  return out.filter((name) => !/^(encode|decode|hexdigest|digest|strip|lower|upper|join|format|str|bytes)$/.test(name));
}

function targetNames(node: SyntaxNode): string[] {
  for (let n = node.parent, depth = 0; n && depth < 6; n = n.parent, depth++) {
    if (n.type === 'assignment' || n.type === 'augmented_assignment') return [n.childForFieldName('left')?.text ?? ''];
    if (n.type === 'keyword_argument') return [n.childForFieldName('name')?.text ?? ''];
    if (n.type === 'pair') return [literalText(n.childForFieldName('key')) ?? ''];
    if (n.type === 'expression_statement' || n.type === 'return_statement' || n.type === 'block') return [];
  }
  return [];
}

function functionNames(node: SyntaxNode): string[] {
  const fn = enclosingFunction(node);
  return fn ? [fn.childForFieldName('name')?.text ?? ''] : [];
}

function checkPbkdf2(context: RuleContext, node: SyntaxNode, salt: SyntaxNode | undefined, iterations: SyntaxNode | undefined): void {
  const count = iterations ? integerValue(iterations) : undefined;
  if (count !== undefined && count < minIterations && iterations) {
    const fix: Fix | undefined = iterations.type === 'integer'
      ? { title: 'Use 600,000 iterations (slower by design; existing hashes verify only if their iteration count is stored with them)', edits: [{ range: context.rangeOf(iterations), newText: '600_000' }], preservesBehaviour: false }
      : undefined;
    context.report({ node, message: `PBKDF2 with ${count.toLocaleString('en-US')} iterations makes each password guess cheap, so stolen hashes are cracked quickly; use at least 600,000 iterations for SHA-256 (or bcrypt, Argon2, scrypt).`, ...(fix ? { fix } : {}) });
    return;
  }
  if (salt && isConstant(salt, context)) {
    context.report({ node, message: 'A constant salt means equal passwords get equal hashes and one precomputed table cracks every account; generate a random salt per password (os.urandom(16)) and store it with the hash.' });
  }
}

function checkBcryptRounds(context: RuleContext, args: SyntaxNode): void {
  const rounds = keywordArgument(args, 'rounds') ?? positionalArguments(args)[0];
  const count = rounds ? integerValue(rounds) : undefined;
  if (count === undefined || count >= 10 || !rounds) return;
  const fix: Fix | undefined = rounds.type === 'integer' ? { title: 'Use 12 rounds (the bcrypt default; hashing gets slower by design)', edits: [{ range: context.rangeOf(rounds), newText: '12' }], preservesBehaviour: false } : undefined;
  context.report({ node: rounds, message: `bcrypt with ${count} rounds is ${2 ** (12 - count)} times cheaper to attack than the default of 12; use 12 or more.`, ...(fix ? { fix } : {}) });
}

/** Werkzeug before 2.3 took `method="sha256"` as one salted HMAC round, and "plain" as no hashing at all. */
function checkWerkzeug(context: RuleContext, node: SyntaxNode, args: SyntaxNode): void {
  const method = literalText(keywordArgument(args, 'method') ?? positionalArguments(args)[1]);
  if (!method) return;
  const iterations = /^pbkdf2:[\w-]+:(\d+)$/.exec(method);
  if (method === 'plain' || fastHashNames.test(method) || (iterations && Number(iterations[1]) < minIterations)) {
    context.report({ node, message: `generate_password_hash(method="${method}") stores ${method === 'plain' ? 'the password itself' : iterations ? 'PBKDF2 with too few iterations' : 'a single fast salted hash'}, which stolen hashes give up quickly; use the default method (scrypt or pbkdf2 with 600,000+ iterations).` });
  }
}

/** crypt.crypt(password, "ab"): a two-character salt selects the DES-based crypt(3), limited to 8 characters. */
function checkCrypt(context: RuleContext, node: SyntaxNode, args: SyntaxNode): void {
  const salt = positionalArguments(args)[1] ?? keywordArgument(args, 'salt');
  const text = salt ? literalText(salt) : undefined;
  const des = text !== undefined && /^[./0-9A-Za-z]{2}$/.test(text) || /METHOD_CRYPT$/.test(salt?.text ?? '');
  if (!des) return;
  context.report({ node, message: 'This salt selects the DES-based crypt(3), which uses only the first 8 characters of the password and a 12-bit salt; use bcrypt or Argon2 (or crypt.METHOD_SHA512 at the very least).' });
}

function checkScrypt(context: RuleContext, node: SyntaxNode, args: SyntaxNode): void {
  const n = keywordArgument(args, 'n');
  const cost = n ? integerValue(n) : undefined;
  if (cost === undefined || cost >= 2 ** 14) return;
  context.report({ node, message: `scrypt with n=${cost} is far below the recommended 2**14 (16,384) or more, so each password guess is cheap; raise n.` });
}

/** An integer literal, `2**14`, or `1_000`. */
function integerValue(node: SyntaxNode): number | undefined {
  if (node.type === 'integer') {
    const value = Number(node.text.replaceAll('_', ''));
    return Number.isFinite(value) ? value : undefined;
  }
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '**') {
    const base = integerValue(node.childForFieldName('left')!);
    const exponent = integerValue(node.childForFieldName('right')!);
    return base !== undefined && exponent !== undefined ? base ** exponent : undefined;
  }
  return undefined;
}
