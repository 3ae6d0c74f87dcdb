// Real-world shapes for sensitive-data-logged: request bodies, passwords, tokens and auth headers written to logs, and the redacted fixes.
const express = require('express');
const logger = require('winston');
const app = express();

app.post('/login', async (req, res) => {
  // expect: sensitive-data-logged
  console.log('Login attempt:', req.body);
  const { username, password } = req.body;
  // expect: sensitive-data-logged
  logger.info(`login ${username} with password ${password}`);
  // ok: sensitive-data-logged
  logger.info('login attempt', { username });
  res.json(await signIn(username, password));
});

app.use((req, res, next) => {
  // expect: sensitive-data-logged
  console.log(`${req.method} ${req.url} auth=${req.headers.authorization}`);
  // ok: sensitive-data-logged
  console.log(`${req.method} ${req.url}`);
  next();
});

async function refresh(client) {
  const { access_token: accessToken, refresh_token: refreshToken } = await client.refresh();
  // expect: sensitive-data-logged
  console.debug('got tokens', accessToken, refreshToken);
  // ok: sensitive-data-logged
  console.debug('got tokens, expires in', client.expiresIn);
  return accessToken;
}

function connect() {
  // expect: sensitive-data-logged
  console.log('Connecting to ' + process.env.DATABASE_URL);
  // ok: sensitive-data-logged
  console.log('Connecting to database on ' + process.env.DB_HOST);
}

function createApiKey(user) {
  const apiKey = require('crypto').randomBytes(32).toString('hex');
  // expect: sensitive-data-logged
  logger.info(`Created API key ${apiKey} for ${user.id}`);
  // ok: sensitive-data-logged
  logger.info(`Created API key for ${user.id}`);
  return apiKey;
}

// Messages that mention the words without logging the values: quiet.
function passwordPolicy(len) {
  // ok: sensitive-data-logged
  console.warn('Password must be at least', len, 'characters');
  // ok: sensitive-data-logged
  logger.info('token refreshed');
}

async function signIn() { return {}; }
app.post('/register', async (req, res) => {
  const user = await createUser(req.body);
  // expect: sensitive-data-logged
  console.log(`New user ${req.body.email} registered with password ${req.body.password}`);
  // ok: sensitive-data-logged
  console.log(`New user ${req.body.email} registered`);
  res.status(201).json(user);
});

app.post('/api/users', async (req, res) => {
  // expect: sensitive-data-logged
  console.log('create user', req.body);
  const { email, password } = req.body;
  res.status(201).json(await createUser({ email, password }));
});

app.post('/api/comments', async (req, res) => {
  // ok: sensitive-data-logged
  console.log('new comment', req.body);
  res.status(201).json(await createUser(req.body));
});

function sendOtp(phone) {
  const otp = String(require('crypto').randomInt(100000, 1000000));
  // expect: sensitive-data-logged
  console.log('OTP for', phone, 'is', otp);
  return otp;
}

function debugRequest(req) {
  // expect: sensitive-data-logged
  logger.debug('headers', req.headers);
}

// The debug package, as libraries log.
const debug = require('debug')('myapp:auth');

async function authenticate(username, password) {
  // expect: sensitive-data-logged
  debug('authenticating %s with password %s', username, password);
  // ok: sensitive-data-logged
  debug('authenticating %s', username);
  const session = await login(username, password);
  // expect: sensitive-data-logged
  debug('got access token %s', session.accessToken);
  return session;
}

async function login() { return {}; }
async function createUser() { return {}; }
module.exports = { app, refresh, connect, createApiKey, passwordPolicy };
