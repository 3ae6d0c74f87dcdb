// Blind set: Math.random for tokens, passwords, OTPs, session ids and nonces.
'use strict';
const crypto = require('crypto');

function generateToken(length = 32) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let token = '';
  for (let i = 0; i < length; i++) {
    // expect: insecure-random
    token += chars.charAt(Math.floor(Math.random() * chars.length));
  }
  return token;
}

function generateTokenFixed(length = 32) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let token = '';
  for (let i = 0; i < length; i++) {
    // ok: insecure-random
    token += chars.charAt(crypto.randomInt(chars.length));
  }
  return token;
}

function createResetCode() {
  // expect: insecure-random
  const code = Math.floor(100000 + Math.random() * 900000);
  return String(code);
}

function createResetCodeFixed() {
  // ok: insecure-random
  const code = crypto.randomInt(100000, 1000000);
  return String(code);
}

function newSessionId() {
  // expect: insecure-random
  return Date.now().toString(36) + Math.random().toString(36).substr(2);
}

function newSessionIdFixed() {
  // ok: insecure-random
  return crypto.randomBytes(24).toString('base64url');
}

function uuidv4() {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    // expect: insecure-random
    const r = (Math.random() * 16) | 0;
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

const user = { apiKey: null };
// expect: insecure-random
user.apiKey = 'key_' + Math.random().toString(36).slice(2, 18);

function randomPassword() {
  // expect: insecure-random
  return Math.random().toString(36).slice(-10) + Math.random().toString(36).toUpperCase().slice(-2);
}

function cspNonce() {
  // expect: insecure-random
  const nonce = Buffer.from(String(Math.random())).toString('base64');
  return `script-src 'nonce-${nonce}'`;
}

function cspNonceFixed() {
  // ok: insecure-random
  const nonce = crypto.randomBytes(16).toString('base64');
  return `script-src 'nonce-${nonce}'`;
}

function retryDelay(attempt) {
  // ok: insecure-random
  const jitter = Math.random() * 100;
  return 2 ** attempt * 100 + jitter;
}

module.exports = { generateToken, generateTokenFixed, createResetCode, createResetCodeFixed, newSessionId, newSessionIdFixed, uuidv4, randomPassword, cspNonce, cspNonceFixed, retryDelay };
