// Fixture for sensitive-data-logged: Express auth routes, a payment service and startup code that log as they go.
const express = require('express');
const pino = require('pino');
const bcrypt = require('bcrypt');
const db = require('./db');

const logger = pino();
const router = express.Router();

// ---- Secrets in log lines: reported. ----

router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  // expect: sensitive-data-logged
  console.log(`Login attempt for ${email} with password ${password}`);
  const user = await db.users.findOne({ email: String(email) });
  if (!user || !(await bcrypt.compare(String(password), user.passwordHash))) return res.sendStatus(401);
  const token = await db.sessions.issue(user.id);
  // expect: sensitive-data-logged
  logger.info({ userId: user.id, token }, 'issued session token');
  res.json({ token });
});

router.post('/register', async (req, res) => {
  // expect: sensitive-data-logged
  console.log('Register request:', req.body);
  res.status(201).json(await db.users.create({ email: String(req.body.email) }));
});

router.post('/password/change', async (req, res) => {
  // expect: sensitive-data-logged
  logger.debug('changing password from %s to %s', req.body.oldPassword, req.body.newPassword);
  res.sendStatus(204);
});

async function callPartner(apiKey, payload) {
  // expect: sensitive-data-logged
  console.debug('Calling partner API with key', apiKey);
  return fetch('https://partner.example.com/v1/orders', { method: 'POST', headers: { 'x-api-key': apiKey }, body: JSON.stringify(payload) });
}

class PaymentService {
  constructor(log) {
    this.logger = log;
  }

  charge(card) {
    // expect: sensitive-data-logged
    this.logger.info('Charging card', { number: card.cardNumber, cvv: card.cvv });
    return db.payments.charge(card);
  }
}

function onStartup() {
  // expect: sensitive-data-logged
  console.log('Environment:', process.env);
}

router.use((req, res, next) => {
  // expect: sensitive-data-logged
  logger.info({ headers: req.headers }, 'incoming request');
  next();
});

function debugAuth(req) {
  // expect: sensitive-data-logged
  console.log('Authorization header: ' + req.headers.authorization);
}

async function sendOtp(user, otpCode) {
  // expect: sensitive-data-logged
  console.info(`OTP for ${user.phone}: ${otpCode}`);
}

function loadConfig(config) {
  // expect: sensitive-data-logged
  logger.warn('Using database password', config.db.password);
}

// ---- Identifiers, redacted values and look-alikes: quiet. ----

router.post('/login-quiet', async (req, res) => {
  const user = await db.users.findOne({ email: String(req.body.email) });
  // ok: sensitive-data-logged
  logger.info({ userId: user && user.id }, 'login attempt');
  // ok: sensitive-data-logged
  console.log('Password reset email sent to', user && user.email);
  res.sendStatus(204);
});

function reportUsage(completion) {
  // LLM token counts are not credentials.
  // ok: sensitive-data-logged
  console.log(`Used ${completion.usage.total_tokens} tokens (max ${completion.maxTokens})`);
}

function traceToken(token) {
  // ok: sensitive-data-logged
  logger.debug({ tokenLength: token.length, tokenPrefix: token.slice(0, 4) }, 'token received');
}

function checkSecret() {
  // ok: sensitive-data-logged
  console.log('JWT secret configured:', Boolean(process.env.JWT_SECRET));
}

function logPolicy(passwordPolicy) {
  // ok: sensitive-data-logged
  logger.info('Password policy', passwordPolicy);
}

router.get('/orders', (req, res) => {
  // ok: sensitive-data-logged
  console.log('Orders query', req.body);
  res.json([]);
});

function logValidation(isPasswordValid) {
  // ok: sensitive-data-logged
  console.log('password valid?', isPasswordValid);
}

function redacted(user) {
  // ok: sensitive-data-logged
  logger.info({ user: user.email, password: '[REDACTED]' });
}

// ok: sensitive-data-logged
const passwordField = document.querySelector('#password');

const EnvVarNames = { CLIENT_SECRET: 'AZURE_CLIENT_SECRET' };
function explainMissingSecret() {
  // ok: sensitive-data-logged
  logger.warn(`Set the ${EnvVarNames.CLIENT_SECRET} environment variable`);
}

function nextToken(token) {
  // A lexer token, not a credential.
  // ok: sensitive-data-logged
  if (process.env.LOG_TOKENS) console.dir(token, { depth: null });
  return token.type === 'eof' ? null : token.value;
}

function detachDebugger(sessionId) {
  // ok: sensitive-data-logged
  logger.debug('detaching debugger session', sessionId);
}

describe('login', () => {
  it('logs in', () => {
    const password = 'hunter2';
    // ok: sensitive-data-logged
    console.log('testing with', password);
  });
});

module.exports = { explainMissingSecret, nextToken, detachDebugger, router, callPartner, PaymentService, onStartup, debugAuth, sendOtp, loadConfig, reportUsage, traceToken, checkSecret, logPolicy, logValidation, redacted, passwordField };
