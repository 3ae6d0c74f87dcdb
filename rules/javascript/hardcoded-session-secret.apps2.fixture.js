'use strict';
// config/index.js and server.js of a training app: config object with secrets, sessions, JWT, CORS, cookies.
const express = require('express');
const session = require('express-session');
const jwt = require('jsonwebtoken');
const https = require('https');
const crypto = require('crypto');
const winston = require('winston');

const config = {
  port: 3000,
  // expect: hardcoded-secret
  sessionSecret: 'supersecretsessionkey',
  // expect: hardcoded-secret
  jwtSecret: 'jwt-s3cr3t-do-not-share',
  db: {
    host: 'localhost',
    user: 'root',
    // expect: hardcoded-secret
    password: 'P@ssw0rd123!',
  },
  // expect: hardcoded-secret
  stripeKey: 'sk_live_51H8xKcJz9QeW2r7TbVnLmPq3XyZa0BcDeFgHiJkLm',
};

const secureConfig = {
  port: Number(process.env.PORT || 3000),
  // ok: hardcoded-session-secret
  sessionSecret: process.env.SESSION_SECRET,
  // ok: hardcoded-secret
  jwtSecret: process.env.JWT_SECRET,
};

const app = express();
// expect: hardcoded-session-secret
app.use(session({ secret: config.sessionSecret, resave: false, saveUninitialized: false, cookie: { secure: true, httpOnly: true } }));

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

// Vulnerable: whole body (with the password) logged at registration.
app.post('/register', express.json(), (req, res) => {
  // expect: sensitive-data-logged
  logger.info('registering user', req.body);
  // ok: sensitive-data-logged
  logger.info('registering user', { email: req.body.email });
  res.sendStatus(201);
});

// Vulnerable: token signed with a literal secret.
app.post('/token', (req, res) => {
  // expect: hardcoded-secret
  const token = jwt.sign({ sub: req.body.user }, 'shhhhh', { expiresIn: '1h' });
  res.json({ token });
});

// Vulnerable: verify without the algorithms list, accepting whatever the header says.
function verify(token) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, config.jwtSecret, { algorithms: ['none'] });
}

// Vulnerable: session cookie written by hand, no flags.
app.get('/login-as', (req, res) => {
  const sid = crypto.randomBytes(16).toString('hex');
  // expect: insecure-cookie
  res.setHeader('Set-Cookie', `sid=${sid}; Path=/`);
  res.end();
});

// Fixed.
app.get('/login-as2', (req, res) => {
  const sid = crypto.randomBytes(16).toString('hex');
  // ok: insecure-cookie
  res.setHeader('Set-Cookie', `sid=${sid}; Path=/; HttpOnly; Secure; SameSite=Lax`);
  res.end();
});

// Vulnerable: CORS headers reflecting the origin with credentials, via res.header.
app.use((req, res, next) => {
  // expect: cors-misconfiguration
  res.header('Access-Control-Allow-Origin', req.get('origin'));
  res.header('Access-Control-Allow-Credentials', true);
  next();
});

// Vulnerable: TLS verification off for an outbound client.
const client = https.request({
  host: 'api.partner.example',
  path: '/v1/orders',
  // expect: tls-verification-disabled
  rejectUnauthorized: false,
});

// Vulnerable: password digest with sha1.
function storePassword(user, password) {
  // expect: weak-hash
  user.passwordHash = crypto.createHash('sha1').update(password).digest('hex');
}

// Vulnerable: session id from Math.random.
function newSessionId() {
  // expect: insecure-random
  return Date.now().toString(36) + Math.random().toString(36).slice(2);
}

// Error details sent to the client in a catch.
app.get('/orders/:id', async (req, res) => {
  try {
    throw new Error('x');
  } catch (err) {
    // expect: error-details-exposed
    res.status(500).send(err.stack);
  }
});

// Fixed: only an id for the logs.
app.get('/orders2/:id', async (req, res) => {
  try {
    throw new Error('x');
  } catch (err) {
    logger.error(err);
    // ok: error-details-exposed
    res.status(500).send('Something went wrong');
  }
});

module.exports = { app, config, secureConfig, verify, client, storePassword, newSessionId };
