// weak-cipher for JavaScript/TypeScript: DES/3DES/RC4/Blowfish, ECB mode, createCipher without an IV, fixed/zero/shared IVs, RSA keys under 2048 bits and TLS below 1.2.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { callArgumentsOf, callPartsOf } from './lib/call-parts';
import { constantString, findBinding, literalText, unwrap } from './lib/constant-strings';
import { localDefinitionOf } from './lib/local-definitions';
import { enclosingFunction, enclosingNames } from './lib/surrounding-names';
import { constantNumber, keyNameOf, propertyOf } from './lib/object-keys';

const brokenCipher = /^(des|des3|3des|des-ede|des-ede3|tripledes|triple-des)(-|$)|^(des-ede3?|des)-?(cbc|cfb|cfb1|cfb8|ofb|ecb)?$|^rc[24](-|$)|^rc4$|^(bf|blowfish)(-|$)|^cast5?(-|$)|^idea(-|$)|^seed(-|$)/i;
const ecbMode = /(^|-)ecb$/i;
const weakTlsVersion = /^(SSLv2|SSLv3|TLSv1|TLSv1\.1)$/;
const weakTlsMethod = /^(SSLv2|SSLv3|TLSv1|TLSv1_1)_(client_|server_)?method$/;
const weakCipherSuite = /(^|:)\s*(?![!-])[^:]*(RC4|NULL|EXPORT|EXP-|DES-CBC-|DES-CBC3|3DES|MD5|ADH)/;

type IvKind = 'fixed' | 'zero' | 'environment' | 'shared' | 'key';

export default defineDetector({
  id: 'weak-cipher',
  family: 'javascript',
  triggers: /Cipher|crypt|generateKeyPair|RSA|\bmode\b|\biv\b|secureProtocol|minVersion|ciphers/,
  anchored: true,
  create(context) {
    const report = (node: SyntaxNode, message: string, fix?: Fix): void => {
      if (!context.isTestCode(node)) context.report({ node, message, ...(fix ? { fix } : {}) });
    };
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name } = callPartsOf(node);
        if (!callee || !name || !/^(createCipher|createDecipher|createCipheriv|createDecipheriv|encrypt|decrypt|generateKeyPair|generateKeyPairSync)$/.test(name)) return;
        const resolved = context.resolveCallee(callee) ?? '';
        const args = callArgumentsOf(node);
        if (/^crypto\.(createCipher|createDecipher)$/.test(resolved)) {
          report(node, `crypto.${name}() derives the key with a single unsalted MD5 and uses no IV, so equal messages encrypt equally and weak passwords are easy to recover (it was removed in Node 22); use createCipheriv with AES-256-GCM, a random IV per message and a key from scrypt.`);
          return;
        }
        if (/^crypto\.(createCipheriv|createDecipheriv)$/.test(resolved) || (name.endsWith('iv') && /forge|crypto/.test(callee.text))) {
          checkCipheriv(node, args, context.file.path, report);
          return;
        }
        // node-forge: `forge.cipher.createCipher('DES-ECB', key)`.
        if (name === 'createCipher' || name === 'createDecipher') {
          const algorithm = constantString(args[0]);
          if (algorithm && /forge|cipher/.test(callee.text) && (brokenCipher.test(algorithm) || ecbMode.test(algorithm)) && !isMandatedProtocol(node, context.file.path)) report(args[0], algorithmMessage(algorithm));
          return;
        }
        // crypto-js: `CryptoJS.DES.encrypt(text, key)`, `CryptoJS.TripleDES.decrypt(…)`, `CryptoJS.RC4.encrypt(…)`.
        if (name === 'encrypt' || name === 'decrypt') {
          const family = resolved.match(/^crypto-js\.(DES|TripleDES|RC4|RC4Drop)\./)?.[1] ?? callee.text.match(/^CryptoJS\.(DES|TripleDES|RC4|RC4Drop)\./)?.[1];
          if (family) report(callee, algorithmMessage(family === 'TripleDES' ? '3DES' : family.replace('Drop', '')));
          return;
        }
        // node-forge: `forge.pki.rsa.generateKeyPair({ bits: 1024 })`, `pki.rsa.generateKeyPair(1024, 0x10001)`.
        if (name === 'generateKeyPair' && /(^|\.)rsa\.generateKeyPair$/.test(callee.text.replace(/\s/g, ''))) {
          const first = unwrap(args[0]);
          const size = first?.type === 'object' ? propertyOf(first, 'bits') : first;
          const bits = constantNumber(size);
          if (size && bits !== undefined && bits < 2048) {
            const literal = unwrap(size)?.type === 'number' ? unwrap(size) : undefined;
            report(size.parent?.type === 'pair' ? size.parent : size, `A ${bits}-bit RSA key can be factored or forged with public research budgets; use at least 2048 bits (3072 for keys that must last beyond 2030).`,
              literal ? replaceFix(literal, '2048', 'Use 2048-bit keys (new keys only; key generation and signing get slower)', context) : undefined);
          }
          return;
        }
        if (/^crypto\.generateKeyPair(Sync)?$/.test(resolved)) {
          const type = constantString(args[0]);
          const options = unwrap(args[1]);
          const modulus = options?.type === 'object' ? propertyOf(options, 'modulusLength') : undefined;
          const bits = constantNumber(modulus);
          if ((type === 'rsa' || type === 'rsa-pss' || type === 'dsa') && modulus && bits !== undefined && bits < 2048) {
            const literal = unwrap(modulus)?.type === 'number' ? unwrap(modulus) : undefined;
            report(modulus.parent ?? modulus, `A ${bits}-bit ${type.toUpperCase()} key can be factored or forged with public research budgets; use at least 2048 bits (3072 for keys that must last beyond 2030) or an elliptic-curve key.`,
              literal ? replaceFix(literal, '2048', 'Use 2048-bit keys (new keys only; key generation and signing get slower)', context) : undefined);
          }
        }
      },
      new_expression(node: SyntaxNode) {
        // node-rsa: `new NodeRSA({ b: 512 })`
        const { callee: ctor, name } = callPartsOf(node);
        if (!ctor || !name || !/^(NodeRSA|RSA)$/.test(name) || context.resolveCallee(ctor)?.startsWith('node-rsa') === false) return;
        const options = unwrap(callArgumentsOf(node)[0]);
        const size = options?.type === 'object' ? propertyOf(options, 'b') : undefined;
        const bits = constantNumber(size);
        if (size && bits !== undefined && bits < 2048) {
          const literal = unwrap(size)?.type === 'number' ? unwrap(size) : undefined;
          report(size.parent ?? size, `A ${bits}-bit RSA key can be factored with public research budgets; use at least 2048 bits.`,
            literal ? replaceFix(literal, '2048', 'Use 2048-bit keys (new keys only; key generation and signing get slower)', context) : undefined);
        }
      },
      pair(node: SyntaxNode) {
        const key = keyNameOf(node);
        if (!key || !/^(mode|iv|secureProtocol|minVersion|ciphers)$/.test(key)) return;
        const value = node.childForFieldName('value');
        if (!value) return;
        switch (key) {
          case 'mode':
            // crypto-js options: `{ mode: CryptoJS.mode.ECB }`
            if (/\bmode\.ECB$/.test(value.text.replace(/\s/g, ''))) report(node, 'ECB mode encrypts equal blocks to equal ciphertext, so patterns in the data show through; use AES in GCM mode (or CBC with a random IV and a MAC).');
            return;
          case 'iv': {
            // crypto-js `{ iv: CryptoJS.enc.Utf8.parse('…') }` and WebCrypto `{ name: 'AES-GCM', iv }`.
            const object = node.parent;
            const isCipherOptions = !!object && (/CryptoJS|crypto-js|AES/i.test(object.parent?.parent?.text.slice(0, 80) ?? '') || /^AES-/i.test(constantString(propertyOf(object, 'name')) ?? ''));
            if (!isCipherOptions) return;
            const kind = ivKindOf(value);
            if (kind && !usesFreshKey(node)) report(node, ivMessage(kind, /GCM/i.test(constantString(propertyOf(object!, 'name')) ?? '')));
            return;
          }
          case 'secureProtocol': {
            const method = literalText(unwrap(value));
            if (method && weakTlsMethod.test(method)) {
              report(node, `${method} pins the connection to an obsolete protocol with known attacks (POODLE, BEAST); drop secureProtocol and set minVersion: 'TLSv1.2'.`,
                replaceFix(unwrap(value)!, `'TLSv1_2_method'`, 'Use TLS 1.2 (clients and servers that only speak older versions can no longer connect)', context));
            }
            return;
          }
          case 'minVersion': {
            const version = literalText(unwrap(value));
            if (version && weakTlsVersion.test(version)) {
              report(node, `minVersion '${version}' still accepts protocol versions with known attacks and weak ciphers; use 'TLSv1.2' or later.`,
                replaceFix(unwrap(value)!, `'TLSv1.2'`, 'Use TLS 1.2 as the minimum (clients that only speak older versions can no longer connect)', context));
            }
            return;
          }
          case 'ciphers': {
            const suites = constantString(value);
            if (suites && weakCipherSuite.test(suites) && isTlsOptions(node)) report(node, 'This cipher list enables broken suites (RC4, DES/3DES, NULL, EXPORT or anonymous), which a network attacker can force and break; leave ciphers at Node\'s default or list only AEAD suites.');
            return;
          }
        }
      },
    };
  },
});

function checkCipheriv(call: SyntaxNode, args: SyntaxNode[], path: string, report: (node: SyntaxNode, message: string, fix?: Fix) => void): void {
  const [algorithmNode, keyNode, iv] = args;
  const algorithm = constantString(algorithmNode);
  if (algorithm && (brokenCipher.test(algorithm) || ecbMode.test(algorithm))) {
    if (!isMandatedProtocol(call, path)) report(algorithmNode!, algorithmMessage(algorithm));
    return;
  }
  if (!iv) return;
  const kind = ivKindOf(iv) ?? (keyNode && isDerivedFromKey(iv, keyNode) ? 'key' : undefined);
  if (kind && !usesFreshKey(call)) report(localDefinitionOf(iv) ?? iv, ivMessage(kind, !!algorithm && /gcm|ccm|ocb|chacha20-poly1305/i.test(algorithm)));
}

/** NTLM, LM and SMB hashing are defined with DES-ECB: the protocol, not the author, chose it. */
function isMandatedProtocol(node: SyntaxNode, path: string): boolean {
  return /ntlm|smb|mschap/i.test(path) || /ntlm|lmhash|lm_?hash|smb|mschap/i.test(enclosingNames(node).join(' '));
}

/**
 * A key derived for this message in the same function (HKDF/deriveKey, or fresh random bytes that are not the IV and so
 * salt a derivation, as in minified bundles): a fixed IV is then never reused under one key.
 */
function usesFreshKey(node: SyntaxNode): boolean {
  const fn = enclosingFunction(node);
  return !!fn && /\b(deriveKey|deriveBits|hkdf|hkdfSync|getRandomValues|randomBytes)\s*\(/.test(fn.text.slice(0, 5000));
}


function algorithmMessage(algorithm: string): string {
  if (ecbMode.test(algorithm)) return `${algorithm} uses ECB mode, which encrypts equal blocks to equal ciphertext so patterns in the data show through; use aes-256-gcm with a random 12-byte IV per message.`;
  return `${algorithm.toUpperCase()} is a broken or obsolete cipher (small key or block size, or biased keystream), so the data it protects can be recovered; use aes-256-gcm (or chacha20-poly1305) with a random IV per message.`;
}

function ivMessage(kind: IvKind, aead: boolean): string {
  const what = { fixed: 'a fixed IV', zero: 'an all-zero IV', environment: 'one IV from configuration', shared: 'one IV generated at startup', key: 'an IV cut from the key' }[kind];
  return aead
    ? `This encryption reuses ${what} for every message, and repeating a GCM nonce under the same key exposes the authentication key and the plaintexts; generate a random 12-byte IV per message (crypto.randomBytes(12)) and store it with the ciphertext.`
    : `This encryption reuses ${what} for every message, so equal plaintexts give equal ciphertexts and the first block leaks; generate a random IV per message (crypto.randomBytes(16)) and store it with the ciphertext.`;
}

/** `createCipheriv(alg, key, key.slice(0, 16))`: the IV is part of the key, so it never changes and leaks key bytes. */
function isDerivedFromKey(iv: SyntaxNode, key: SyntaxNode): boolean {
  const value = unwrap(iv);
  const keyText = unwrap(key)?.text.replace(/\s/g, '');
  if (!value || !keyText || !/^[\w$.]+$/.test(keyText)) return false;
  const text = value.text.replace(/\s/g, '');
  return text === keyText || text.startsWith(`${keyText}.slice(`) || text.startsWith(`${keyText}.subarray(`) || text.startsWith(`${keyText}.substr`) || text.startsWith(`Buffer.from(${keyText}).slice(`);
}

/** Whether an IV expression is the same for every message: a literal, zero-filled, read from the environment, or made once at module level. */
function ivKindOf(node: SyntaxNode, depth = 0): IvKind | undefined {
  const value = unwrap(node);
  if (!value || depth > 4) return undefined;
  if (value.type === 'string' || value.type === 'template_string') return constantString(value) !== undefined ? 'fixed' : undefined;
  if (value.type === 'array') return value.namedChildren.every((c) => !c || c.type === 'number') ? (value.namedChildren.every((c) => !c || Number(c.text) === 0) ? 'zero' : 'fixed') : undefined;
  if (value.type === 'member_expression' || value.type === 'subscript_expression') return /^process\.env\b|^import\.meta\.env\b/.test(value.text) ? 'environment' : undefined;
  if (value.type === 'identifier') {
    const binding = findBinding(value);
    if (!binding?.declarator || !binding.value || binding.kind === 'parameter') return undefined;
    const inner = ivKindOf(binding.value, depth + 1);
    if (inner) return inner;
    // `const IV = crypto.randomBytes(16)` at module level: random once, then the same for every message.
    return isModuleLevel(binding.declarator) && /randomBytes|getRandomValues|randomFillSync/.test(binding.value.text) ? 'shared' : undefined;
  }
  if (value.type === 'new_expression') {
    const ctor = value.childForFieldName('constructor')?.text ?? '';
    const arg = value.childForFieldName('arguments')?.namedChildren[0];
    if (/^(Uint8Array|Buffer|Int8Array)$/.test(ctor) && arg?.type === 'number') return 'zero';
    if (/^(Uint8Array|Buffer)$/.test(ctor) && arg) return ivKindOf(arg, depth + 1);
    return undefined;
  }
  if (value.type === 'call_expression') {
    const fn = value.childForFieldName('function')?.text.replace(/\s/g, '') ?? '';
    const args = value.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment') ?? [];
    if (/^Buffer\.alloc$/.test(fn)) return args.length === 1 || (args[1] && (Number(args[1].text) === 0 || constantString(args[1]) !== undefined)) ? 'zero' : undefined;
    if (/^(Buffer\.from|Uint8Array\.from|CryptoJS\.enc\.\w+\.parse|enc\.\w+\.parse|forge\.util\.\w+|Buffer\.of)$/.test(fn) && args[0]) return ivKindOf(args[0], depth + 1);
    if (/\.repeat$/.test(fn) && constantString(value.childForFieldName('function')?.childForFieldName('object')) !== undefined) return 'fixed';
    if (/\.fill$/.test(fn) && /^new(Array|Uint8Array)\(\d+\)$/.test(value.childForFieldName('function')?.childForFieldName('object')?.text.replace(/\s/g, '') ?? '')) return 'zero';
  }
  return undefined;
}

function isModuleLevel(declarator: SyntaxNode): boolean {
  let n: SyntaxNode | null = declarator.parent;
  if (n?.type === 'lexical_declaration' || n?.type === 'variable_declaration') n = n.parent;
  if (n?.type === 'export_statement') n = n.parent;
  return n?.type === 'program';
}

/** `{ ciphers }` belongs to TLS options (tls.connect, https.Agent, createServer, secureContext) rather than some unrelated config. */
function isTlsOptions(pair: SyntaxNode): boolean {
  const object = pair.parent;
  if (!object) return false;
  return ['minVersion', 'maxVersion', 'secureProtocol', 'honorCipherOrder', 'key', 'cert', 'ca', 'rejectUnauthorized', 'ecdhCurve', 'servername', 'host', 'port'].some((k) => propertyOf(object, k))
    || /tls|https|secure|agent|Server/i.test(object.parent?.parent?.childForFieldName('function')?.text ?? object.parent?.parent?.childForFieldName('constructor')?.text ?? '');
}

function replaceFix(node: SyntaxNode, text: string, title: string, context: RuleContext): Fix {
  return { title, edits: [{ range: context.rangeOf(node), newText: text }], preservesBehaviour: false };
}
