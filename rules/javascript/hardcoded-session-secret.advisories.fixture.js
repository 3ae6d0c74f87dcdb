// Blind set: session, cookie and JWT signing secrets written into the code.
'use strict';
const express = require('express');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const cookieSession = require('cookie-session');
const jwt = require('jsonwebtoken');

const app = express();

// expect: hardcoded-session-secret
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: true }));
// ok: hardcoded-session-secret
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

// expect: hardcoded-session-secret
app.use(cookieParser('my-cookie-secret'));
// ok: hardcoded-session-secret
app.use(cookieParser(process.env.COOKIE_SECRET));

// expect: hardcoded-session-secret
app.use(cookieSession({ name: 'sess', keys: ['key1', 'key2'] }));

// expect: hardcoded-secret
const JWT_SECRET = 'supersecretjwtkey';

function issueToken(user) {
  // todo-expect: hardcoded-session-secret
  return jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: '1h' });
}

function issueTokenFixed(user) {
  // ok: hardcoded-session-secret
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
}

function verifyToken(token) {
  // expect: hardcoded-secret
  // todo-expect: hardcoded-session-secret
  return jwt.verify(token, 'shhhhh', { algorithms: ['HS256'] });
}

module.exports = { app, issueToken, issueTokenFixed, verifyToken };
