'use strict';
// lib/crypto-utils.js and config of a training app: ciphers, TLS, transport, deserialization, debug.
const crypto = require('crypto');
const https = require('https');
const axios = require('axios');
const serialize = require('node-serialize');
const yaml = require('js-yaml');
const express = require('express');
const errorhandler = require('errorhandler');

// expect: hardcoded-secret
const ENCRYPTION_KEY = 'Tr0ub4dor&3-ThisIsMyKey-1234567';
// expect: hardcoded-secret
const AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
// ok: hardcoded-secret
const KEY_FROM_ENV = Buffer.from(process.env.ENCRYPTION_KEY || '', 'hex');

// Vulnerable: DES-ECB.
function encryptLegacy(text, key) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('des-ecb', key, null);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

// Vulnerable: AES with a static IV.
const IV = Buffer.alloc(16, 0);
function encrypt(text) {
  // expect: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-cbc', KEY_FROM_ENV, IV);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

// Fixed: GCM with a random IV.
function encryptSafe(text) {
  const iv = crypto.randomBytes(12);
  // ok: weak-cipher
  const cipher = crypto.createCipheriv('aes-256-gcm', KEY_FROM_ENV, iv);
  const enc = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), enc]).toString('base64');
}

// Vulnerable: deprecated createCipher (no IV, MD5 key derivation).
function encryptOld(text, password) {
  // expect: weak-cipher
  const c = crypto.createCipher('aes192', password);
  return c.update(text, 'utf8', 'hex') + c.final('hex');
}

// Vulnerable: integrity token using sha1 HMAC of the session (weak hash in a security context).
function signSession(id) {
  // expect: weak-hash
  return crypto.createHmac('sha1', KEY_FROM_ENV).update(id).digest('hex');
}

// Vulnerable: TLS verification turned off in the API client.
const agent = new https.Agent({
  // expect: tls-verification-disabled
  rejectUnauthorized: false,
});
// expect: tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

// Fixed.
// ok: tls-verification-disabled
const agentSafe = new https.Agent({ rejectUnauthorized: true, ca: process.env.CA_BUNDLE });

// Vulnerable: credentials over http.
async function fetchAccount(token) {
  // expect: cleartext-transport
  return axios.get('http://api.payments-provider.com/v1/account', { headers: { Authorization: `Bearer ${token}` }, httpsAgent: agent });
}
// Fixed.
async function fetchAccountSafe(token) {
  // ok: cleartext-transport
  return axios.get('https://api.payments-provider.com/v1/account', { headers: { Authorization: `Bearer ${token}` }, httpsAgent: agentSafe });
}

const app = express();
// Vulnerable: node-serialize of a cookie (the classic RCE).
app.get('/profile', (req, res) => {
  const raw = Buffer.from(req.cookies.profile, 'base64').toString();
  // expect: unsafe-deserialization
  const profile = serialize.unserialize(raw);
  res.send('Hello ' + escape(profile.username));
});
// Fixed: JSON.
app.get('/profile2', (req, res) => {
  const raw = Buffer.from(req.cookies.profile, 'base64').toString();
  // ok: unsafe-deserialization
  const profile = JSON.parse(raw);
  res.json({ username: profile.username });
});

// Vulnerable: js-yaml full load of an uploaded document (js-yaml 3).
app.post('/import', express.text(), (req, res) => {
  // expect: unsafe-deserialization
  const doc = yaml.load(req.body, { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json(doc);
});

// Debug: development error handler always on.
// expect: debug-enabled
app.use(errorhandler());

module.exports = { encryptLegacy, encrypt, encryptSafe, encryptOld, signSession, fetchAccount, fetchAccountSafe, app, ENCRYPTION_KEY, AWS_SECRET_ACCESS_KEY };
