// Real-world shapes for hardcoded-session-secret: literal session, cookie-signing and JWT secrets, and the environment fixes.
const express = require('express');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const jwt = require('jsonwebtoken');

const app = express();

app.use(session({
  // expect: hardcoded-session-secret
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: true,
}));

app.use(session({
  // ok: hardcoded-session-secret
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
}));

// expect: hardcoded-session-secret
app.use(cookieParser('my-super-secret-cookie-key'));
// ok: hardcoded-session-secret
app.use(cookieParser(process.env.COOKIE_SECRET));

// expect: hardcoded-secret
const JWT_SECRET = 'secretkey123';

function issue(user) {
  return jwt.sign({ id: user.id }, JWT_SECRET, { expiresIn: '1h' });
}

function issueInline(user) {
  // expect: hardcoded-secret
  return jwt.sign({ id: user.id, role: user.role }, 'shhhhh', { expiresIn: '7d' });
}

function issueFixed(user) {
  // ok: hardcoded-session-secret
  return jwt.sign({ id: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
}

const config = {
  // expect: hardcoded-secret
  jwtSecret: process.env.JWT_SECRET || 'dev-secret-change-me',
  port: 3000,
};

const Koa = require('koa');
const koa = new Koa();
// expect: hardcoded-session-secret
koa.keys = ['im a newer secret', 'i like turtle'];
// ok: hardcoded-session-secret
koa.keys = [process.env.COOKIE_KEY_1, process.env.COOKIE_KEY_2];

const cookieSession = require('cookie-session');
app.use(cookieSession({
  name: 'session',
  // expect: hardcoded-session-secret
  keys: ['key1', 'key2'],
}));

module.exports = { app, issue, issueInline, issueFixed, config };
