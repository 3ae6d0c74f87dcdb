// Blind set (more): express-jwt without algorithms, jose decode as auth, verify with none.
'use strict';
const express = require('express');
const jwt = require('jsonwebtoken');
const { expressjwt } = require('express-jwt');
const jose = require('jose');

const app = express();

// expect: jwt-verification-disabled
app.use(expressjwt({ secret: process.env.JWT_SECRET }));
// ok: jwt-verification-disabled
app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));

app.get('/me', (req, res) => {
  // expect: jwt-verification-disabled
  const claims = jose.decodeJwt(req.headers.authorization.split(' ')[1]);
  res.json({ user: claims.sub });
});

function currentUser(req) {
  const token = req.cookies.token;
  // expect: jwt-verification-disabled
  const { payload } = jwt.decode(token, { complete: true });
  return payload.userId;
}

function currentUserFixed(req) {
  const token = req.cookies.token;
  // ok: jwt-verification-disabled
  const payload = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
  return payload.userId;
}

function verify(token, key) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, key, { algorithms: ['none'] });
}

module.exports = { app, currentUser, currentUserFixed, verify };
