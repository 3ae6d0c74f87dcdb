// Real-world shapes for weak-cipher: deprecated createCipher, ECB, DES/RC4, constant IVs and short keys, with their fixes.
const crypto = require('crypto');
const CryptoJS = require('crypto-js');
const forge = require('node-forge');

const ALGORITHM = 'aes-256-cbc';

function encryptLegacy(text, password) {
  // expect: weak-cipher
  const cipher = crypto.createCipher('aes-256-cbc', password);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function decryptLegacy(data, password) {
  // expect: weak-cipher
  const decipher = crypto.createDecipher('aes192', password);
  return decipher.update(data, 'hex', 'utf8') + decipher.final('utf8');
}

function encryptFixed(text, key) {
  const iv = crypto.randomBytes(12);
  // ok: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const enc = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), enc]).toString('base64');
}

function encryptEcb(data, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-128-ecb', key, null);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function encryptZeroIv(text, key) {
  // expect: weak-cipher
  const iv = Buffer.alloc(16, 0);
  const cipher = crypto.createCipheriv(ALGORITHM, key, iv);
  return cipher.update(text, 'utf8', 'base64') + cipher.final('base64');
}

function encryptStaticIv(text, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-cbc', key, Buffer.from('0123456789abcdef'));
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function encryptRandomIv(text, key) {
  // ok: weak-cipher
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv(ALGORITHM, key, iv);
  return iv.toString('hex') + ':' + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function encryptDes(text, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('des-ede3-cbc', key, crypto.randomBytes(8));
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function rc4(text, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('rc4', key, '');
  return cipher.update(text, 'utf8', 'hex');
}

function cryptoJsDes(message, secret) {
  // expect: weak-cipher
  return CryptoJS.DES.encrypt(message, secret).toString();
}

function cryptoJsEcb(message, key) {
  return CryptoJS.AES.encrypt(message, CryptoJS.enc.Utf8.parse(key), {
    // expect: weak-cipher
    mode: CryptoJS.mode.ECB,
    padding: CryptoJS.pad.Pkcs7,
  }).toString();
}

function cryptoJsFixed(message, secret) {
  // ok: weak-cipher
  return CryptoJS.AES.encrypt(message, secret).toString();
}

function forgeEcb(key, data) {
  // expect: weak-cipher
  const cipher = forge.cipher.createCipher('AES-ECB', key);
  cipher.start();
  cipher.update(forge.util.createBuffer(data));
  cipher.finish();
  return cipher.output.toHex();
}

function shortRsaKey() {
  // expect: weak-cipher
  return crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
}

function rsaKeyFixed() {
  // ok: weak-cipher
  return crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });
}

// The key doubling as the IV.
function encryptKeyAsIv(text, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-cbc', key, key.slice(0, 16));
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

const IV = '1234567890123456';
function encryptConstIv(text, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-128-cbc', key, IV);
  return cipher.update(text, 'utf8', 'base64') + cipher.final('base64');
}

function cryptoJsFixedIv(text, key) {
  return CryptoJS.AES.encrypt(text, CryptoJS.enc.Utf8.parse(key), {
    // expect: weak-cipher
    iv: CryptoJS.enc.Utf8.parse('0000000000000000'),
    mode: CryptoJS.mode.CBC,
  }).toString();
}

function cryptoJsRandomIv(text, key) {
  const iv = CryptoJS.lib.WordArray.random(16);
  return CryptoJS.AES.encrypt(text, CryptoJS.enc.Utf8.parse(key), {
    // ok: weak-cipher
    iv,
    mode: CryptoJS.mode.CBC,
  }).toString();
}

function blowfish(text, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('bf-cbc', key, crypto.randomBytes(8));
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

const NodeRSA = require('node-rsa');
// expect: weak-cipher
const rsaKey = new NodeRSA({ b: 512 });
// ok: weak-cipher
const rsaKeyFixed = new NodeRSA({ b: 2048 });

function forgeKeys() {
  // expect: weak-cipher
  return forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
}

module.exports = { encryptLegacy, decryptLegacy, encryptFixed, encryptEcb, encryptZeroIv, encryptStaticIv, encryptRandomIv, encryptDes, rc4, cryptoJsDes, cryptoJsEcb, cryptoJsFixed, forgeEcb, shortRsaKey, rsaKeyFixed };
