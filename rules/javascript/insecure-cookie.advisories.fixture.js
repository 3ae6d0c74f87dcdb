// Blind set: session cookies without HttpOnly, Secure or SameSite.
'use strict';
const express = require('express');
const session = require('express-session');

const app = express();

app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  // expect: insecure-cookie
  cookie: { httpOnly: false, secure: false, maxAge: 86400000 },
}));

app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  // ok: insecure-cookie
  cookie: { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 86400000 },
}));

app.post('/login', (req, res) => {
  const token = req.app.locals.issue(req.body);
  // expect: insecure-cookie
  res.cookie('token', token);
  res.sendStatus(204);
});

app.post('/login2', (req, res) => {
  const token = req.app.locals.issue(req.body);
  // ok: insecure-cookie
  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict' });
  res.sendStatus(204);
});

app.post('/remember', (req, res) => {
  // expect: insecure-cookie
  res.cookie('remember_me', req.body.rememberToken, { maxAge: 30 * 86400000, httpOnly: false });
  res.sendStatus(204);
});

app.post('/sso', (req, res) => {
  // expect: insecure-cookie
  res.setHeader('Set-Cookie', `sessionid=${req.body.sid}; Path=/`);
  res.sendStatus(204);
});

app.post('/sso2', (req, res) => {
  // ok: insecure-cookie
  res.setHeader('Set-Cookie', `sessionid=${req.body.sid}; Path=/; HttpOnly; Secure; SameSite=Lax`);
  res.sendStatus(204);
});

module.exports = app;
