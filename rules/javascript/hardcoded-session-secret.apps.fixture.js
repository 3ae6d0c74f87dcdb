'use strict';
// app.js / server.js of a training app: sessions, cookies, CORS, CSRF and error handling.
const express = require('express');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const cookieSession = require('cookie-session');
const cors = require('cors');
const csrf = require('csurf');

const app = express();

// expect: hardcoded-session-secret
app.use(cookieParser('s3cr3t-cookie-key'));

app.use(session({
  // expect: hardcoded-session-secret
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: true,
  // expect: insecure-cookie
  cookie: { httpOnly: false, secure: false },
}));

// Fixed (the secure branch).
const prodApp = express();
// ok: hardcoded-session-secret
prodApp.use(cookieParser(process.env.COOKIE_SECRET));
prodApp.use(session({
  // ok: hardcoded-session-secret
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  // ok: insecure-cookie
  cookie: { httpOnly: true, secure: true, sameSite: 'lax' },
}));

app.use(cookieSession({
  name: 'session',
  // expect: hardcoded-session-secret
  keys: ['key1', 'key2'],
}));

// Vulnerable: CORS reflecting any origin with credentials.
// expect: cors-misconfiguration
app.use(cors({ origin: true, credentials: true }));

// Fixed: an allow-list.
// ok: cors-misconfiguration
prodApp.use(cors({ origin: ['https://app.example.com'], credentials: true }));

// Vulnerable: hand-rolled CORS headers.
app.use((req, res, next) => {
  // expect: cors-misconfiguration
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});

// CSRF: the training app disables the protection for the API.
const csrfProtection = csrf({ cookie: true });
// expect: csrf-disabled
app.use(csrf({ ignoreMethods: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE'] }));
// ok: csrf-disabled
prodApp.use(csrfProtection);

// Vulnerable: remember-me cookie set without flags.
app.post('/login', (req, res) => {
  const token = req.sessionID;
  // expect: insecure-cookie
  res.cookie('remember_me', token, { maxAge: 30 * 24 * 3600 * 1000, httpOnly: false });
  res.redirect('/');
});

// Fixed.
prodApp.post('/login', (req, res) => {
  const token = req.sessionID;
  // ok: insecure-cookie
  res.cookie('remember_me', token, { maxAge: 30 * 24 * 3600 * 1000, httpOnly: true, secure: true, sameSite: 'strict' });
  res.redirect('/');
});

// Vulnerable: error handler sending the stack.
app.use((err, req, res, next) => {
  // expect: error-details-exposed
  res.status(500).send({ error: err.message, stack: err.stack });
});

// Fixed: generic message, details logged.
prodApp.use((err, req, res, next) => {
  console.error(err);
  // ok: error-details-exposed
  res.status(500).json({ error: 'Internal Server Error' });
});

// Vulnerable: route handler returning the caught exception.
app.get('/api/report', async (req, res) => {
  try {
    res.json(await buildReport(req.query.id));
  } catch (e) {
    // expect: error-details-exposed
    res.status(500).json({ message: e.toString(), trace: e.stack });
  }
});

async function buildReport(id) { return { id }; }
module.exports = { app, prodApp };
