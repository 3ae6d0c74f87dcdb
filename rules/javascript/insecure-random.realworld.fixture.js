// Real-world shapes for insecure-random: tokens, ids, passwords, OTPs and salts from Math.random, and their fixes.
const crypto = require('crypto');

// expect: insecure-random
const token = Math.random().toString(36).substring(2) + Math.random().toString(36).substring(2);
// ok: insecure-random
const tokenFixed = crypto.randomBytes(32).toString('hex');

function generateResetToken() {
  // expect: insecure-random
  return Math.random().toString(36).slice(2, 12);
}

function generateResetTokenFixed() {
  // ok: insecure-random
  return crypto.randomBytes(20).toString('base64url');
}

function generatePassword(length) {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%';
  let password = '';
  for (let i = 0; i < length; i++) {
    // expect: insecure-random
    password += chars.charAt(Math.floor(Math.random() * chars.length));
  }
  return password;
}

function generatePasswordFixed(length) {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%';
  let password = '';
  for (let i = 0; i < length; i++) {
    // ok: insecure-random
    password += chars.charAt(crypto.randomInt(chars.length));
  }
  return password;
}

function createOtp() {
  // expect: insecure-random
  const otp = Math.floor(100000 + Math.random() * 900000);
  return String(otp);
}

function createOtpFixed() {
  // ok: insecure-random
  const otp = crypto.randomInt(100000, 1000000);
  return String(otp);
}

// The classic uuid-like helper.
function uuidv4() {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    // expect: insecure-random
    const r = (Math.random() * 16) | 0;
    const v = c === 'x' ? r : (r & 0x3) | 0x8;
    return v.toString(16);
  });
}

function uuidv4Fixed() {
  // ok: insecure-random
  return crypto.randomUUID();
}

class SessionManager {
  createSession(userId) {
    // expect: insecure-random
    const sessionId = Date.now().toString(36) + Math.random().toString(36).substr(2);
    this.store.set(sessionId, { userId });
    return sessionId;
  }
}

function makeSalt() {
  // expect: insecure-random
  return Math.random().toString(16).slice(2);
}

function makeNonce() {
  // expect: insecure-random
  const nonce = Math.random().toString(36).substring(2, 15);
  return nonce;
}

// Not security values: jitter, UI, sampling, shuffling a demo list.
function backoff(attempt) {
  // ok: insecure-random
  return Math.min(30000, 2 ** attempt * 100) + Math.floor(Math.random() * 100);
}

function randomColor() {
  // ok: insecure-random
  return '#' + Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0');
}

function shouldSample(rate) {
  // ok: insecure-random
  return Math.random() < rate;
}

function tempElementId() {
  // ok: insecure-random
  return 'tooltip-' + Math.random().toString(36).slice(2, 9);
}

// form-data style multipart boundary (CVE-2025-7783: a predictable boundary lets a field value inject parts).
function generateBoundary() {
  let boundary = '--------------------------';
  for (let i = 0; i < 24; i++) {
    // expect: insecure-random
    boundary += Math.floor(Math.random() * 10).toString(16);
  }
  return boundary;
}

function generateBoundaryFixed() {
  // ok: insecure-random
  return '--------------------------' + crypto.randomBytes(12).toString('hex');
}

// An invite code stored in the database.
async function createInvite(db, email) {
  // expect: insecure-random
  const code = Math.random().toString(36).substr(2, 8).toUpperCase();
  await db.invites.insert({ email, code });
  return code;
}

// API keys issued to users.
function issueApiKey() {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  // expect: insecure-random
  return Array.from({ length: 32 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
}

function issueApiKeyFixed() {
  // ok: insecure-random
  return crypto.randomBytes(24).toString('base64url');
}

// Filenames for uploads that are then served publicly by name.
function randomFileName(ext) {
  // ok: insecure-random
  return `${Date.now()}-${Math.round(Math.random() * 1e9)}${ext}`;
}

// Ids for UI elements and toasts.
function createToast(message) {
  // ok: insecure-random
  const id = Math.random().toString(36).slice(2);
  return { id, message };
}

// An old uuid-style fallback generator.
function mathRNG() {
  const rnds = new Array(16);
  for (let i = 0, r; i < 16; i++) {
    // expect: insecure-random
    if ((i & 0x03) === 0) r = Math.random() * 0x100000000;
    rnds[i] = (r >>> ((i & 0x03) << 3)) & 0xff;
  }
  return rnds;
}

module.exports = { token, tokenFixed, SessionManager };
