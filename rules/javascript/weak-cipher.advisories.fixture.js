// Blind set: weak ciphers, ECB, static IVs and deprecated createCipher.
'use strict';
const crypto = require('crypto');

function encrypt(text, password) {
  // expect: weak-cipher
  const cipher = crypto.createCipher('aes-256-cbc', password);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function encryptFixed(text, key) {
  const iv = crypto.randomBytes(12);
  // ok: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

const IV = Buffer.alloc(16, 0);

function encryptToken(token, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-cbc', key, IV);
  return cipher.update(token, 'utf8', 'base64') + cipher.final('base64');
}

function encryptCard(number, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-128-ecb', key, null);
  return cipher.update(number, 'utf8', 'hex') + cipher.final('hex');
}

function legacyEncrypt(data, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('des-ede3-cbc', key, crypto.randomBytes(8));
  return cipher.update(data, 'utf8', 'hex') + cipher.final('hex');
}

function obfuscate(data, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('rc4', key, '');
  return cipher.update(data, 'utf8', 'hex') + cipher.final('hex');
}

function encryptWithStaticIv(data, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-cbc', key, '1234567890123456');
  return cipher.update(data, 'utf8', 'hex') + cipher.final('hex');
}

function generateKeys() {
  // expect: weak-cipher
  return crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
}

function generateKeysFixed() {
  // ok: weak-cipher
  return crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });
}

module.exports = { encrypt, encryptFixed, encryptToken, encryptCard, legacyEncrypt, obfuscate, encryptWithStaticIv, generateKeys, generateKeysFixed };
