// Fixture for weak-cipher: encryption helpers, a token vault, TLS settings and key generation, as assistants write them in Node.
const crypto = require('crypto');
const tls = require('tls');
const https = require('https');
const CryptoJS = require('crypto-js');
const NodeRSA = require('node-rsa');

const ENCRYPTION_KEY = Buffer.from(process.env.ENCRYPTION_KEY, 'hex');

// ---- Broken ciphers, modes, IVs and key sizes: reported. ----

function encryptLegacy(text, password) {
  // expect: weak-cipher
  const cipher = crypto.createCipher('aes-256-cbc', password);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function encryptDes(text, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('des-ede3-cbc', key, crypto.randomBytes(8));
  return cipher.update(text, 'utf8', 'base64') + cipher.final('base64');
}

function encryptCardNumber(cardNumber) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-ecb', ENCRYPTION_KEY, null);
  return Buffer.concat([cipher.update(cardNumber, 'utf8'), cipher.final()]).toString('base64');
}

function encryptWithFixedIv(text) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-cbc', ENCRYPTION_KEY, Buffer.from('1234567890123456'));
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function encryptWithZeroIv(text) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-cbc', ENCRYPTION_KEY, Buffer.alloc(16, 0));
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

const IV = Buffer.from(process.env.ENCRYPTION_IV, 'hex');
function encryptToken(token) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-gcm', ENCRYPTION_KEY, IV);
  const data = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([cipher.getAuthTag(), data]).toString('base64');
}

const SHARED_NONCE = crypto.randomBytes(12);
function sealMessage(message) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-gcm', ENCRYPTION_KEY, SHARED_NONCE);
  return Buffer.concat([cipher.update(message), cipher.final(), cipher.getAuthTag()]);
}

function encryptForBrowser(text, secret) {
  // expect: weak-cipher
  return CryptoJS.TripleDES.encrypt(text, secret).toString();
}

function encryptCryptoJsEcb(text, key) {
  return CryptoJS.AES.encrypt(text, CryptoJS.enc.Utf8.parse(key), {
    // expect: weak-cipher
    mode: CryptoJS.mode.ECB,
    padding: CryptoJS.pad.Pkcs7,
  }).toString();
}

function encryptCryptoJsStaticIv(text, key) {
  return CryptoJS.AES.encrypt(text, CryptoJS.enc.Utf8.parse(key), {
    // expect: weak-cipher
    iv: CryptoJS.enc.Utf8.parse('abcdefghijklmnop'),
    mode: CryptoJS.mode.CBC,
  }).toString();
}

function generateSigningKeys() {
  return crypto.generateKeyPairSync('rsa', {
    // expect: weak-cipher
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

// expect: weak-cipher
const legacyRsa = new NodeRSA({ b: 2048 });

const legacyServer = tls.createServer({
  key: process.env.TLS_KEY,
  cert: process.env.TLS_CERT,
  // expect: weak-cipher
  minVersion: 'TLSv1.2',
});

const oldAgent = new https.Agent({
  // expect: weak-cipher
  secureProtocol: 'TLSv1_2_method',
});

const permissiveTls = tls.createSecureContext({
  // expect: weak-cipher
  ciphers: 'RC4-SHA:DES-CBC3-SHA:AES128-SHA',
  honorCipherOrder: true,
});

// ---- Modern choices, and look-alikes: quiet. ----

function encrypt(text) {
  const iv = crypto.randomBytes(12);
  // ok: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-gcm', ENCRYPTION_KEY, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
}

function decrypt(payload) {
  const [iv, tag, data] = payload.split('.').map((p) => Buffer.from(p, 'base64'));
  // ok: weak-cipher
  const decipher = crypto.createDecipheriv('aes-256-gcm', ENCRYPTION_KEY, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

function decryptCbc(ivHex, ciphertext) {
  // ok: weak-cipher
  const decipher = crypto.createDecipheriv('aes-256-cbc', ENCRYPTION_KEY, Buffer.from(ivHex, 'hex'));
  return decipher.update(ciphertext, 'hex', 'utf8') + decipher.final('utf8');
}

function encryptWith(algorithm, key, iv, text) {
  // ok: weak-cipher
  const cipher = crypto.createCipheriv(algorithm, key, iv);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function generateKeys() {
  return crypto.generateKeyPairSync('rsa', {
    // ok: weak-cipher
    modulusLength: 4096,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

const server = tls.createServer({
  key: process.env.TLS_KEY,
  cert: process.env.TLS_CERT,
  // ok: weak-cipher
  minVersion: 'TLSv1.2',
  // ok: weak-cipher
  ciphers: 'TLS_AES_256_GCM_SHA384:ECDHE-RSA-AES128-GCM-SHA256:!RC4:!aNULL:!MD5',
});

function encryptCryptoJs(text, key) {
  return CryptoJS.AES.encrypt(text, key, {
    // ok: weak-cipher
    iv: CryptoJS.lib.WordArray.random(16),
    // ok: weak-cipher
    mode: CryptoJS.mode.CBC,
  }).toString();
}

async function encryptInBrowser(key, data) {
  // ok: weak-cipher
  const params = { name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) };
  return { iv: params.iv, ciphertext: await crypto.subtle.encrypt(params, key, data) };
}

// An output buffer, not an IV.
// ok: weak-cipher
const scratch = Buffer.alloc(16);

const reportOptions = {
  // ok: weak-cipher
  mode: 'ECB-compatible export',
};

// NTLMv1 responses are defined as DES-ECB over the password hash: the protocol's choice.
function ntlmResponse(key7, challenge) {
  // ok: weak-cipher
  const des = crypto.createCipheriv('des-ecb', key7, null);
  return des.update(challenge);
}

// A fresh key is derived for every message, so the fixed IV never repeats under one key.
async function encryptWithDerivedKey(baseKey, data) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: new Uint8Array() }, baseKey, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  // ok: weak-cipher
  return { salt, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, data) };
}

describe('legacy interop', () => {
  it('decrypts the vendor test vector', () => {
    // ok: weak-cipher
    const decipher = crypto.createDecipheriv('des-ede3-cbc', Buffer.alloc(24, 1), Buffer.alloc(8));
    expect(decipher).toBeDefined();
  });
});

module.exports = { ntlmResponse, encryptWithDerivedKey, encryptLegacy, encryptDes, encryptCardNumber, encryptWithFixedIv, encryptWithZeroIv, encryptToken, sealMessage, encryptForBrowser, encryptCryptoJsEcb, encryptCryptoJsStaticIv, generateSigningKeys, legacyRsa, legacyServer, oldAgent, permissiveTls, encrypt, decrypt, decryptCbc, encryptWith, generateKeys, server, encryptCryptoJs, encryptInBrowser, scratch, reportOptions };
