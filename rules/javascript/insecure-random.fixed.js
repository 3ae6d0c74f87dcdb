// Fixture for insecure-random: auth helpers, an Express signup flow and UI utilities, in the style assistants write them.
const crypto = require('crypto');
const express = require('express');
const { sendSms, sendMail } = require('./notify');
const db = require('./db');

const router = express.Router();

// ---- Security values made with Math.random: reported. ----

function generateToken() {
  // expect: insecure-random
  return crypto.randomUUID();
}

function generatePassword(length = 12) {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789!@#$%';
  let result = '';
  for (let i = 0; i < length; i++) {
    // expect: insecure-random
    result += chars.charAt(crypto.randomInt(chars.length));
  }
  return result;
}

router.post('/forgot-password', async (req, res) => {
  const user = await db.users.findOne({ email: String(req.body.email) });
  if (user) {
    // expect: insecure-random
    const resetToken = crypto.randomUUID();
    await db.users.update(user.id, { resetToken, resetExpires: Date.now() + 3600_000 });
    await sendMail(user.email, `Reset link: https://app.example.com/reset/${resetToken}`);
  }
  res.json({ ok: true });
});

async function sendVerificationCode(phone) {
  // expect: insecure-random
  const code = crypto.randomInt(100000, 1000000);
  await sendSms(phone, `Your code is ${code}`);
  return code;
}

function createSession(userId) {
  // expect: insecure-random
  const sessionId = crypto.randomUUID();
  return db.sessions.insert({ sessionId, userId });
}

const apiKeys = {
  // expect: insecure-random
  issue: (owner) => ({ owner, apiKey: 'sk_' + Math.random().toString(36).slice(2) }),
};

function newSalt() {
  // expect: insecure-random
  return Array.from({ length: 16 }, () => crypto.randomInt(256).toString(16).padStart(2, '0')).join('');
}

router.get('/login', (req, res) => {
  // expect: insecure-random
  const state = crypto.randomUUID();
  req.session.oauthState = state;
  res.redirect(`https://github.com/login/oauth/authorize?client_id=${process.env.GITHUB_CLIENT_ID}&state=${state}`);
});

function issueCsrf(req) {
  // expect: insecure-random
  req.session.csrfToken = crypto.randomUUID();
  return req.session.csrfToken;
}

function otp() {
  const digits = [];
  // expect: insecure-random
  for (let i = 0; i < 6; i++) digits.push(crypto.randomInt(10));
  return digits.join('');
}

function inviteLink(teamId) {
  // expect: insecure-random
  const inviteCode = Math.floor(Math.random() * 1e10).toString(36);
  return `https://app.example.com/join/${teamId}/${inviteCode}`;
}

// ---- Math.random where predictability does not matter: quiet. ----

function retryDelay(attempt) {
  // ok: insecure-random
  const jitter = Math.random() * 100;
  return 2 ** attempt * 250 + jitter;
}

function shuffle(items) {
  // ok: insecure-random
  return [...items].sort(() => Math.random() - 0.5);
}

function randomColor() {
  // ok: insecure-random
  return '#' + Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0');
}

function shouldSample() {
  // ok: insecure-random
  return Math.random() < 0.1;
}

function createTodo(title) {
  // An id for a list item in the UI: nothing is protected by it being unguessable.
  // ok: insecure-random
  const id = Math.random().toString(36).slice(2, 9);
  return { id, title, done: false };
}

function spawnParticles(count) {
  return Array.from({ length: count }, () => ({
    // ok: insecure-random
    x: Math.random() * 800,
    // ok: insecure-random
    y: Math.random() * 600,
  }));
}

function requestLogger(req, res, next) {
  // ok: insecure-random
  req.requestId = Math.random().toString(16).slice(2);
  next();
}

function pickTip(tips) {
  // ok: insecure-random
  return tips[Math.floor(Math.random() * tips.length)];
}

function secureToken() {
  // ok: insecure-random
  return crypto.randomBytes(32).toString('hex');
}

function secureCode() {
  // ok: insecure-random
  return crypto.randomInt(100000, 1000000);
}

function pollWithBackoff(fn) {
  // ok: insecure-random
  setTimeout(fn, 1000 + Math.random() * 4000);
}

describe('tokens', () => {
  it('rejects a forged token', () => {
    // ok: insecure-random
    const forgedToken = Math.random().toString(36).slice(2);
    expect(verify(forgedToken)).toBe(false);
  });
});

function randomPassword() {
  // A generated password with the right generator.
  // ok: insecure-random
  return crypto.randomBytes(12).toString('base64url');
}

module.exports = { router, generateToken, generatePassword, sendVerificationCode, createSession, apiKeys, newSalt, issueCsrf, otp, inviteLink, retryDelay, shuffle, randomColor, shouldSample, createTodo, spawnParticles, requestLogger, pickTip, secureToken, secureCode, pollWithBackoff, randomPassword };
