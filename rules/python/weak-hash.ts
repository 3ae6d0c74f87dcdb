// weak-hash for Python: MD5/SHA-1 from hashlib, PyCryptodome, cryptography, HMAC-MD5, passlib and Django hashers where security depends on them.
import { defineDetector, type Confidence, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { resolveCallee, resolveName } from './lib/scope';
import { readPurpose, type PurposeReading } from './lib/security-context';
import { literalText, replaceLiteralContent } from './lib/string-literals';

type Algorithm = 'MD5' | 'SHA-1' | 'MD4';

const hashlibConstructors: Record<string, Algorithm> = { md5: 'MD5', sha1: 'SHA-1', md4: 'MD4' };
const algorithmNames: Record<string, Algorithm> = { md5: 'MD5', sha1: 'SHA-1', 'sha-1': 'SHA-1', md4: 'MD4', sha: 'SHA-1' };
/** PyCryptodome (and PyCrypto before it) hash modules: `MD5.new()`. `SHA` is PyCrypto's SHA-1. */
const cryptodomeModules: Record<string, Algorithm> = { MD5: 'MD5', SHA: 'SHA-1', SHA1: 'SHA-1', MD4: 'MD4' };
const cryptographyHashes: Record<string, Algorithm> = { MD5: 'MD5', SHA1: 'SHA-1' };
/** passlib schemes built on MD5 or SHA-1 alone: fast and unsuitable for passwords. */
const passlibSchemes = /^passlib\.hash\.(md5_crypt|apr_md5_crypt|hex_md5|hex_sha1|ldap_md5|ldap_sha1|ldap_salted_md5|ldap_salted_sha1|django_salted_md5|django_salted_sha1|unix_disabled_md5)\.(hash|encrypt|using)$/;
const djangoWeakHashers = /^django\.contrib\.auth\.hashers\.(Unsalted)?(MD5|SHA1)PasswordHasher$/;
/** Padding schemes where SHA-1 is still sound (OAEP and MGF1 need no collision resistance). */
const sha1SafeWrappers = new Set(['OAEP', 'MGF1']);

/** Last names of every call this rule resolves: resolving is costly, and most calls are none of these. */
const candidateNames = new Set(['make_password', 'md5', 'sha1', 'md4', 'openssl_md5', 'openssl_sha1', 'new', 'HMAC', 'digest', 'MD5', 'SHA1', 'hash', 'encrypt', 'using']);

const migrateTitle = 'Use SHA-256 (changes the digest: stored or compared hashes must be migrated)';

export default defineDetector({
  id: 'weak-hash',
  family: 'python',
  // `candidateNames` as the callee is written (not resolved), and Django's weak PASSWORD_HASHERS entries.
  triggers: {
    text: new RegExp(`\\b(?:${[...candidateNames].join('|')})\\b|PasswordHasher`),
    // `from hashlib import md5 as _md5`: the unit spells only the alias.
    imports: new RegExp(`^(?:_?hashlib|hmac|passlib\\.hash|Crypto\\.Hash|Cryptodome\\.Hash|cryptography\\.hazmat\\.primitives\\.hashes)\\.(?:${[...candidateNames].join('|')})$`),
  },
  anchored: true,
  create(context) {
    return {
      call(node: SyntaxNode) {
        const callee = node.childForFieldName('function');
        if (!callee || !(candidateNames.has(lastName(callee)) || isAliasOfCandidate(callee, context))) return;
        const args = node.childForFieldName('arguments');
        if (args?.type !== 'argument_list') return;
        const resolved = resolveCallee(callee, context);
        if (!resolved) return;
        if (resolved.startsWith('hashlib.') || resolved.startsWith('_hashlib.')) checkHashlib(node, callee, args, resolved, context);
        else if (resolved === 'hmac.new' || resolved === 'hmac.HMAC' || resolved === 'hmac.digest') checkHmac(node, args, context);
        else if (/^(Crypto|Cryptodome)\.Hash\.\w+\.new$/.test(resolved)) checkCryptodome(node, args, resolved, context);
        else if (resolved.startsWith('cryptography.hazmat.primitives.hashes.')) checkCryptography(node, callee, resolved, context);
        else if (passlibSchemes.test(resolved)) checkPasslib(node, callee, context);
        else if (resolved === 'django.contrib.auth.hashers.make_password') checkMakePassword(node, args, context);
      },
      string(node: SyntaxNode) {
        if (!node.text.includes('PasswordHasher')) return;
        const value = literalText(node);
        if (!value || !djangoWeakHashers.test(value)) return;
        if (!isInPasswordHashers(node) || context.isTestCode(node) || /test/i.test(context.file.path.split('/').pop() ?? '')) return;
        context.report({
          node,
          confidence: 'high',
          message: `${value.split('.').pop()} stores passwords as a fast ${/MD5/.test(value) ? 'MD5' : 'SHA-1'} digest that GPUs crack in bulk; list Argon2PasswordHasher or PBKDF2PasswordHasher first in PASSWORD_HASHERS.`,
        });
      },
    };
  },
});

function checkHashlib(node: SyntaxNode, callee: SyntaxNode, args: SyntaxNode, resolved: string, context: RuleContext): void {
  const name = resolved.slice(resolved.indexOf('.') + 1).replace(/^openssl_/, '');
  if (name === 'new') {
    const algorithmNode = positional(args, 0) ?? keyword(args, 'name');
    const algorithm = algorithmNode && algorithmOf(algorithmNode, context);
    if (!algorithm || !algorithmNode || notForSecurity(args)) return;
    const literal = algorithmNode.type === 'string' ? algorithmNode : undefined;
    report(context, node, algorithmNode, algorithm, dataArguments(args, 1), (reading) =>
      literal && reading.purpose !== 'password' ? swap(context, literal, replaceLiteralContent(literal, 'sha256'), migrateTitle) : undefined);
    return;
  }
  const algorithm = hashlibConstructors[name];
  if (!algorithm || notForSecurity(args)) return;
  report(context, node, callee, algorithm, dataArguments(args, 0), (reading) => {
    if (reading.purpose === 'password') return undefined;
    if (callee.type === 'attribute') {
      const attribute = callee.childForFieldName('attribute');
      return attribute && !resolved.startsWith('_') ? swap(context, attribute, 'sha256', migrateTitle) : undefined;
    }
    // `from hashlib import md5`: the fix needs the module, so it is offered only when hashlib is imported too.
    const module = context.bindings.find((b) => b.module === 'hashlib' && b.imported === undefined);
    return module ? swap(context, callee, `${module.local}.sha256`, migrateTitle) : undefined;
  });
}

/** HMAC-SHA-1 stays sound (HMAC needs no collision resistance; TOTP, OAuth 1.0 and webhooks mandate it): only HMAC-MD5 is flagged. */
function checkHmac(node: SyntaxNode, args: SyntaxNode, context: RuleContext): void {
  const digestmod = keyword(args, 'digestmod') ?? keyword(args, 'digest') ?? positional(args, 2);
  if (!digestmod) return;
  const algorithm = digestmod.type === 'string' || digestmod.type === 'identifier' && !isHashConstructor(digestmod, context)
    ? algorithmOf(digestmod, context)
    : hashConstructorAlgorithm(digestmod, context);
  if (algorithm !== 'MD5' && algorithm !== 'MD4') return;
  if (context.isTestCode(node)) return;
  const fixText = digestmod.type === 'string' ? replaceLiteralContent(digestmod, 'sha256') : sha256Reference(digestmod, context);
  context.report({
    node: digestmod,
    confidence: 'medium',
    message: `HMAC-${algorithm} rests on a broken hash and is deprecated for message authentication; use HMAC-SHA-256 (hashlib.sha256 as digestmod).`,
    fix: fixText ? swap(context, digestmod, fixText, 'Use HMAC-SHA-256 (changes the MAC: every party that checks it must change too)') : undefined,
  });
}

function checkCryptodome(node: SyntaxNode, args: SyntaxNode, resolved: string, context: RuleContext): void {
  const module = resolved.split('.').at(-2) ?? '';
  const algorithm = cryptodomeModules[module];
  if (!algorithm) return;
  report(context, node, node, algorithm, dataArguments(args, 0), () => undefined);
}

function checkCryptography(node: SyntaxNode, callee: SyntaxNode, resolved: string, context: RuleContext): void {
  const algorithm = cryptographyHashes[resolved.split('.').at(-1) ?? ''];
  if (!algorithm) return;
  if (algorithm === 'SHA-1' && insideCall(node, sha1SafeWrappers)) return;
  report(context, node, node, algorithm, [], (reading) => {
    const attribute = callee.type === 'attribute' ? callee.childForFieldName('attribute') : undefined;
    return attribute && reading.purpose !== 'password' ? swap(context, attribute, 'SHA256', migrateTitle) : undefined;
  });
}

function checkPasslib(node: SyntaxNode, callee: SyntaxNode, context: RuleContext): void {
  if (context.isTestCode(node)) return;
  const scheme = callee.type === 'attribute' ? callee.childForFieldName('object')?.text : callee.text;
  context.report({
    node,
    confidence: 'high',
    message: `passlib's ${scheme} scheme hashes passwords with a fast MD5 or SHA-1 construction that GPUs crack in bulk; use passlib.hash.argon2 or bcrypt.`,
  });
}

/** Django's make_password(password, salt, hasher) with one of its MD5/SHA-1 hashers named explicitly. */
function checkMakePassword(node: SyntaxNode, args: SyntaxNode, context: RuleContext): void {
  const hasher = keyword(args, 'hasher') ?? positional(args, 2);
  const name = hasher && literalText(hasher);
  if (!hasher || !name || !/^(unsalted_)?(md5|sha1)$|^crypt$/.test(name) || context.isTestCode(node)) return;
  context.report({
    node: hasher,
    confidence: 'high',
    message: `make_password(..., "${name}") stores the password as a fast ${name === 'crypt' ? 'DES crypt(3)' : /md5/.test(name) ? 'MD5' : 'SHA-1'} digest that GPUs crack in bulk; leave out the hasher so Django uses PBKDF2 (or configure Argon2).`,
  });
}

/** Reports a weak digest with confidence and wording from what the names around it say it is for. */
function report(
  context: RuleContext,
  call: SyntaxNode,
  at: SyntaxNode,
  algorithm: Algorithm,
  data: readonly SyntaxNode[],
  fixFor: (reading: PurposeReading) => Fix | undefined,
): void {
  if (isInert(call, data) || context.isTestCode(call)) return;
  const reading = readPurpose(call, data);
  if (reading.purpose === 'non-security') return;
  let confidence: Confidence = 'high';
  let message: string;
  if (reading.purpose === 'password') {
    message = `${algorithm} is fast and broken, so passwords hashed with it are cracked in bulk; use a slow salted password hash such as bcrypt, Argon2 or hashlib.scrypt.`;
  } else if (reading.purpose === 'security') {
    message = `${algorithm} is used for ${reading.what} here, but its collisions are practical, so an attacker can forge a matching value; use SHA-256 or stronger.`;
  } else {
    confidence = 'medium';
    message = `${algorithm} is broken for security use (collisions are practical); use SHA-256 or stronger, or pass usedforsecurity=False when this digest protects nothing.`;
  }
  context.report({ node: at, confidence, message, fix: fixFor(reading) });
}

/**
 * A hash object made without data that nothing uses: an entry of a table of supported algorithms
 * (`{SignatureAlgorithmOID.RSA_WITH_SHA1: hashes.SHA1()}`, a choices list), or a bare `hashlib.md5()` statement probing
 * whether the build has MD5 at all (FIPS mode).
 */
function isInert(call: SyntaxNode, data: readonly SyntaxNode[]): boolean {
  if (data.length > 0) return false;
  const parent = call.parent;
  if (parent?.type === 'pair') return parent.childForFieldName('value')?.equals(call) ?? false;
  return parent?.type === 'list' || parent?.type === 'tuple' || parent?.type === 'set' || parent?.type === 'expression_statement';
}

function swap(context: RuleContext, node: SyntaxNode, newText: string, title: string): Fix {
  return { title, edits: [{ range: context.rangeOf(node), newText }], preservesBehaviour: false };
}

/** `usedforsecurity=False` (Python 3.9+) declares a non-security digest. */
function notForSecurity(args: SyntaxNode): boolean {
  // Also the pre-3.9 compatible spelling: md5(data, **({"usedforsecurity": False} if PY39 else {})), **_NOT_FOR_SECURITY.
  return keyword(args, 'usedforsecurity')?.type === 'false'
    || args.namedChildren.some((a) => a?.type === 'dictionary_splat' && /usedforsecurity|not_?for_?security|FIPS/i.test(a.text));
}

function positional(args: SyntaxNode, index: number): SyntaxNode | undefined {
  const list = args.namedChildren.filter((a): a is SyntaxNode => a !== null && a.type !== 'comment' && a.type !== 'keyword_argument');
  const found = list[index];
  return found && found.type !== 'list_splat' && found.type !== 'dictionary_splat' ? found : undefined;
}

function keyword(args: SyntaxNode, name: string): SyntaxNode | undefined {
  const found = args.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return found?.childForFieldName('value') ?? undefined;
}

/** The data hashed: positional arguments from `from` on (hashlib.new's first is the name). */
function dataArguments(args: SyntaxNode, from: number): SyntaxNode[] {
  return args.namedChildren.filter((a): a is SyntaxNode => a !== null && a.type !== 'comment' && a.type !== 'keyword_argument').slice(from);
}

/** The algorithm a name string denotes: a literal, or a name bound only to one such literal. */
function algorithmOf(node: SyntaxNode, context: RuleContext): Algorithm | undefined {
  if (node.type === 'identifier') {
    const { bindings } = resolveName(node.text, node, context);
    const values = bindings.map((b) => (b.kind === 'assignment' && b.value ? literalText(b.value) : undefined));
    if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
    const algorithms = new Set(values.map((v) => algorithmNames[v!.toLowerCase()]));
    return algorithms.size === 1 ? [...algorithms][0] : undefined;
  }
  const value = literalText(node);
  return value === undefined ? undefined : algorithmNames[value.toLowerCase()];
}

function isHashConstructor(node: SyntaxNode, context: RuleContext): boolean {
  return hashConstructorAlgorithm(node, context) !== undefined;
}

/** `hashlib.md5` / `md5` (from hashlib) / `MD5` (PyCryptodome module) passed as a value. */
function hashConstructorAlgorithm(node: SyntaxNode, context: RuleContext): Algorithm | undefined {
  const resolved = resolveCallee(node, context);
  if (!resolved) return undefined;
  const hashlib = /^_?hashlib\.(?:openssl_)?(\w+)$/.exec(resolved);
  if (hashlib) return hashlibConstructors[hashlib[1]];
  const cryptodome = /^(?:Crypto|Cryptodome)\.Hash\.(\w+)$/.exec(resolved);
  return cryptodome ? cryptodomeModules[cryptodome[1]] : undefined;
}

function sha256Reference(node: SyntaxNode, context: RuleContext): string | undefined {
  if (node.type === 'attribute' && resolveCallee(node, context)?.startsWith('hashlib.')) return `${node.childForFieldName('object')?.text}.sha256`;
  const module = context.bindings.find((b) => b.module === 'hashlib' && b.imported === undefined);
  return module ? `${module.local}.sha256` : undefined;
}

/** `_md5(...)` after `from hashlib import md5 as _md5`. */
function isAliasOfCandidate(callee: SyntaxNode, context: RuleContext): boolean {
  if (callee.type !== 'identifier') return false;
  return context.bindings.some((b) => b.local === callee.text && b.imported !== undefined && candidateNames.has(b.imported));
}

function lastName(callee: SyntaxNode): string {
  return callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : callee.text;
}

function insideCall(node: SyntaxNode, names: ReadonlySet<string>): boolean {
  for (let n = node.parent, depth = 0; n && depth < 6; n = n.parent, depth++) {
    if (n.type !== 'call') continue;
    const callee = n.childForFieldName('function');
    const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
    if (name && names.has(name)) return true;
  }
  return false;
}

function isInPasswordHashers(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'assignment') return /PASSWORD_HASHERS/.test(n.childForFieldName('left')?.text ?? '');
    if (n.type === 'pair') return /PASSWORD_HASHERS/.test(n.childForFieldName('key')?.text ?? '');
    if (n.type === 'keyword_argument') return n.childForFieldName('name')?.text === 'PASSWORD_HASHERS';
  }
  return false;
}
