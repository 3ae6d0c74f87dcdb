// weak-cipher for Python: DES/3DES/RC4/Blowfish, ECB mode, fixed IVs and nonces, short RSA/DSA keys and obsolete TLS versions in PyCryptodome, cryptography, pyDes and ssl.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { isConstant } from './lib/constant-strings';
import { enclosingFunction, resolveCallee, resolveName } from './lib/scope';
import { calleeLastName, keywordArgument, positionalArguments } from './lib/sink-calls';
import { quietInTests } from './lib/test-code';

/** PyCryptodome cipher modules that are broken or have 64-bit blocks (Sweet32). */
const weakCryptodome: Record<string, string> = { DES: 'DES', DES3: '3DES', ARC4: 'RC4', ARC2: 'RC2', Blowfish: 'Blowfish', CAST: 'CAST-128', XOR: 'XOR' };
/** cryptography's algorithms (and its decrepit module) with the same problems. */
const weakCryptography: Record<string, string> = { TripleDES: '3DES', ARC4: 'RC4', Blowfish: 'Blowfish', CAST5: 'CAST-128', IDEA: 'IDEA', RC2: 'RC2' };
const ivModes = /MODE_(CBC|CFB|OFB|OPENPGP)$/;
const nonceModes = /MODE_(CTR|GCM|EAX|CCM|SIV|OCB|CHACHA)/;
const obsoleteProtocols = /^(PROTOCOL_SSLv2|PROTOCOL_SSLv3|PROTOCOL_TLSv1|PROTOCOL_TLSv1_1|SSLv2_METHOD|SSLv3_METHOD|TLSv1_METHOD|TLSv1_1_METHOD)$/;
const obsoleteVersions = /^(SSLv3|TLSv1|TLSv1_1)$/;
const candidateNames = new Set([
  'new', ...Object.keys(weakCryptography), 'ECB', 'CBC', 'CFB', 'OFB', 'CTR', 'GCM', 'generate_private_key', 'generate', 'des', 'triple_des',
  'SSLContext', 'wrap_socket', 'Context',
]);

export default defineDetector({
  id: 'weak-cipher',
  family: 'python',
  triggers: {
    text: /Crypto|cryptography|pyDes|OpenSSL|ssl|self\.\w*(?:iv|IV|nonce|vector)\b/,
    imports: /^(?:Crypto|Cryptodome|cryptography|pyDes|ssl|OpenSSL)(?:\.|$)/,
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
        const cryptodome = /^(?:Crypto|Cryptodome)\.Cipher\.(\w+)\.new$/.exec(resolved);
        if (cryptodome) return checkCryptodome(context, node, args, cryptodome[1]);
        const cryptography = /^cryptography\.hazmat\.(?:primitives|decrepit)\.ciphers\.(algorithms|modes)\.(\w+)$/.exec(resolved);
        if (cryptography) return checkCryptography(context, node, args, cryptography[1], cryptography[2]);
        if (/^cryptography\.hazmat\.primitives\.asymmetric\.(rsa|dsa)\.generate_private_key$/.test(resolved)) {
          const rsa = resolved.includes('.rsa.');
          return checkKeySize(context, keywordArgument(args, 'key_size') ?? positionalArguments(args)[rsa ? 1 : 0], rsa ? 'RSA' : 'DSA');
        }
        const pycrypto = /^(?:Crypto|Cryptodome)\.PublicKey\.(RSA|DSA)\.generate$/.exec(resolved);
        if (pycrypto) return checkKeySize(context, keywordArgument(args, 'bits') ?? positionalArguments(args)[0], pycrypto[1]);
        if (resolved === 'pyDes.des' || resolved === 'pyDes.triple_des') {
          report(context, node, `pyDes.${last} encrypts with ${last === 'des' ? 'DES, whose 56-bit key is brute-forced in hours' : '3DES, whose 64-bit blocks leak plaintext after a few GB (Sweet32)'}; use AES-GCM from the cryptography package.`);
          return;
        }
        if (resolved === 'ssl.SSLContext' || resolved === 'ssl.wrap_socket' || resolved === 'OpenSSL.SSL.Context') {
          const protocol = keywordArgument(args, resolved === 'ssl.wrap_socket' ? 'ssl_version' : 'protocol') ?? positionalArguments(args)[resolved === 'ssl.wrap_socket' ? 5 : 0];
          checkProtocol(context, protocol);
        }
      },
      keyword_argument(node: SyntaxNode) {
        if (node.childForFieldName('name')?.text !== 'ssl_version') return;
        const call = node.parent?.parent;
        if (call?.type === 'call' && /^(ssl\.wrap_socket|ssl\.SSLContext)$/.test(resolveCallee(call.childForFieldName('function')!, context) ?? '')) return;
        checkProtocol(context, node.childForFieldName('value'));
      },
      assignment(node: SyntaxNode) {
        const left = node.childForFieldName('left');
        if (left?.type === 'attribute' && fixedInstanceIv(node, left, context)) {
          report(context, node, `${left.text} is a fixed IV that every message this class encrypts reuses, so equal plaintexts encrypt alike and their common prefixes show; generate a random IV per message and store it with the ciphertext.`);
          return;
        }
        if (left?.type !== 'attribute' || !left.text.endsWith('.minimum_version')) return;
        const right = node.childForFieldName('right');
        const version = right?.type === 'attribute' ? right.childForFieldName('attribute')?.text ?? '' : '';
        if (!right || !obsoleteVersions.test(version) || !/TLSVersion\.\w+$/.test(right.text)) return;
        report(context, node, `Allowing ${version.replace('_', '.')} keeps protocol versions with known attacks (BEAST, POODLE, weak MACs) on the table; set minimum_version to ssl.TLSVersion.TLSv1_2 or newer.`);
      },
    };
  },
});

function checkCryptodome(context: RuleContext, node: SyntaxNode, args: SyntaxNode, module: string): void {
  const weak = weakCryptodome[module];
  if (weak) {
    report(context, node, `${module}.new() encrypts with ${describe(weak)}; use AES in GCM mode (or ChaCha20-Poly1305) with a fresh random nonce.`);
    return;
  }
  const positional = positionalArguments(args);
  const mode = keywordArgument(args, 'mode') ?? positional[1];
  if (!mode) {
    // PyCrypto's AES.new(key) defaulted to ECB (PyCryptodome refuses it): code written for the old library.
    if (module === 'AES' && positional.length === 1 && !args.namedChildren.some((a) => a?.type === 'keyword_argument' || a?.type === 'dictionary_splat' || a?.type === 'list_splat')) {
      report(context, node, 'AES.new(key) without a mode is ECB in PyCrypto, which encrypts equal blocks to equal ciphertext so patterns in the data show through; pass AES.MODE_GCM and keep the nonce with the ciphertext.');
    }
    return;
  }
  if (/MODE_ECB$/.test(mode.text)) {
    report(context, mode, `${module} in ECB mode encrypts equal blocks to equal ciphertext, so patterns in the data show through and blocks can be swapped; use GCM (or CBC with a random IV plus a MAC).`);
    return;
  }
  if (ivModes.test(mode.text)) {
    const iv = keywordArgument(args, 'iv') ?? keywordArgument(args, 'IV') ?? positional[2];
    const key = keywordArgument(args, 'key') ?? positional[0];
    if (iv && isFixedValue(iv, key, context)) report(context, node, `This ${module} cipher uses a fixed IV, so equal plaintexts encrypt alike and their common prefixes show; generate a random IV per message (omit iv= and store cipher.iv with the ciphertext).`);
    return;
  }
  if (nonceModes.test(mode.text)) {
    const nonce = keywordArgument(args, 'nonce') ?? (/MODE_(CTR)$/.test(mode.text) ? undefined : positional[2]);
    const key = keywordArgument(args, 'key') ?? positional[0];
    if (nonce && isFixedValue(nonce, key, context)) report(context, node, `This ${module} cipher reuses a fixed nonce, which in counter-based modes leaks the XOR of plaintexts (and the GCM authentication key); let the library pick a random nonce per message and store it with the ciphertext.`);
  }
}

function checkCryptography(context: RuleContext, node: SyntaxNode, args: SyntaxNode, kind: string, name: string): void {
  if (kind === 'algorithms') {
    const weak = weakCryptography[name];
    if (weak) report(context, node, `algorithms.${name} encrypts with ${describe(weak)}; use AESGCM (or ChaCha20Poly1305).`);
    return;
  }
  if (name === 'ECB') {
    // Key wrap (RFC 3394), CMAC and hand-built counter modes encrypt single blocks with ECB by design.
    const fn = enclosingFunction(node);
    if (/wrap|cmac|keystream|ctr|counter|single_block|block_encrypt/i.test(fn?.childForFieldName('name')?.text ?? '')) return;
    report(context, node, 'modes.ECB encrypts equal blocks to equal ciphertext, so patterns in the data show through and blocks can be swapped; use AESGCM (or CBC with a random IV plus a MAC).');
    return;
  }
  const iv = positionalArguments(args)[0] ?? keywordArgument(args, name === 'CTR' ? 'nonce' : 'initialization_vector');
  if (iv && isFixedValue(iv, undefined, context)) {
    report(context, node, `modes.${name} is given a fixed ${name === 'CBC' || name === 'CFB' || name === 'OFB' ? 'IV' : 'nonce'}, so equal plaintexts encrypt alike (and counter modes leak the XOR of plaintexts); use os.urandom for a fresh value per message and store it with the ciphertext.`);
  }
}

function checkKeySize(context: RuleContext, size: SyntaxNode | undefined, algorithm: string): void {
  if (size?.type !== 'integer') return;
  const bits = Number(size.text.replaceAll('_', ''));
  if (!(bits < 2048)) return;
  const fix: Fix = { title: 'Use a 2048-bit key (affects newly generated keys only)', edits: [{ range: context.rangeOf(size), newText: '2048' }], preservesBehaviour: false };
  context.report({ node: size, message: `A ${bits}-bit ${algorithm} key can be factored or broken with today's resources; use at least 2048 bits (3072 for keys that must last beyond 2030).`, fix });
}

function checkProtocol(context: RuleContext, protocol: SyntaxNode | null | undefined): void {
  if (!protocol) return;
  const name = protocol.type === 'attribute' ? protocol.childForFieldName('attribute')?.text ?? '' : protocol.text;
  if (!obsoleteProtocols.test(name)) return;
  const version = name.replace(/^PROTOCOL_|_METHOD$/g, '').replace('_', '.');
  report(context, protocol, `${name} pins ${version}, a protocol version with known attacks (BEAST, POODLE, weak MACs) that servers and browsers have dropped; use ssl.PROTOCOL_TLS_CLIENT (or PROTOCOL_TLS_SERVER) with minimum_version TLSv1_2.`);
}

/** An IV or nonce fixed by the source (a literal, `b"\0" * 16`, `bytes(16)`, a constant name) or derived from the key itself. */
function isFixedValue(node: SyntaxNode, key: SyntaxNode | undefined, context: RuleContext): boolean {
  if (key && (node.text === key.text || (node.type === 'subscript' && node.childForFieldName('value')?.text === key.text))) return true;
  if (node.type === 'call') {
    const name = node.childForFieldName('function')?.text;
    const arg = positionalArguments(node.childForFieldName('arguments'))[0];
    if ((name === 'bytes' || name === 'bytearray') && arg?.type === 'integer') return true;
  }
  if (node.type === 'identifier') {
    const { bindings, scope } = resolveName(node.text, node, context);
    // A local read from the message (`iv = blob[:16]`) or drawn at random is not fixed; an imported name is unknown.
    if (scope === 'unbound' || bindings.some((b) => b.kind !== 'assignment' || !b.value)) return false;
    return bindings.every((b) => isFixedValue(b.value!, key, context));
  }
  return isConstant(node, context) && node.type !== 'identifier';
}

/**
 * `self.iv = b"\\0" * 16` in a class that encrypts with an IV mode: every call of its encrypt method then reuses it (the
 * cipher call only sees `self.iv`, which a unit-local look cannot resolve).
 */
function fixedInstanceIv(node: SyntaxNode, left: SyntaxNode, context: RuleContext): boolean {
  if (left.childForFieldName('object')?.text !== 'self' || !/^_{0,2}(iv|IV|nonce|init_vector|initialization_vector)$/.test(left.childForFieldName('attribute')?.text ?? '')) return false;
  const right = node.childForFieldName('right');
  if (!right || right.type === 'identifier' || !isFixedValue(right, undefined, context)) return false;
  let owner = node.parent;
  while (owner && owner.type !== 'class_definition') owner = owner.parent;
  return !!owner && /MODE_(CBC|CFB|OFB|CTR|GCM)|modes\.(CBC|CFB|OFB|CTR|GCM)/.test(owner.text);
}

function describe(algorithm: string): string {
  switch (algorithm) {
    case 'DES':
      return 'DES, whose 56-bit key is brute-forced in hours';
    case 'RC4':
      return 'RC4, whose keystream biases let attackers recover plaintext';
    case 'XOR':
      return 'a repeating XOR, which is no encryption at all';
    default:
      return `${algorithm}, whose 64-bit blocks leak plaintext after a few GB under one key (Sweet32)`;
  }
}

function report(context: RuleContext, node: SyntaxNode, message: string): void {
  context.report({ node, message });
}
