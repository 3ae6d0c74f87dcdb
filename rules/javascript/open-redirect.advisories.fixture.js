// Blind set: open redirects after login/logout and in OAuth callbacks.
'use strict';
const express = require('express');
const http = require('http');
const { URL } = require('url');

const app = express();

app.post('/login', (req, res) => {
  req.session.user = req.body.username;
  // expect: open-redirect
  res.redirect(req.query.next || '/');
});

function safeNext(next) {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

app.post('/login2', (req, res) => {
  req.session.user = req.body.username;
  // ok: open-redirect
  res.redirect(safeNext(req.query.next));
});

app.get('/logout', (req, res) => {
  const returnTo = req.query.returnTo;
  req.session.destroy(() => {
    // expect: open-redirect
    res.redirect(302, returnTo);
  });
});

app.get('/out', (req, res) => {
  // expect: open-redirect
  res.writeHead(302, { Location: req.query.url });
  res.end();
});

app.get('/out2', (req, res) => {
  const target = new URL(req.query.url, 'https://example.com');
  if (target.origin !== 'https://example.com') return res.sendStatus(400);
  // ok: open-redirect
  res.writeHead(302, { Location: target.pathname + target.search });
  res.end();
});

app.get('/oauth/callback', (req, res) => {
  const state = JSON.parse(Buffer.from(req.query.state, 'base64').toString());
  // expect: open-redirect
  res.redirect(state.redirectUri);
});

app.get('/go', (req, res) => {
  // expect: open-redirect
  res.location(req.get('Referer') || req.query.to).sendStatus(302);
});

// plain http server
http.createServer((req, res) => {
  const to = new URL(req.url, 'http://localhost').searchParams.get('to');
  // expect: open-redirect
  res.setHeader('Location', to);
  res.statusCode = 301;
  res.end();
});

module.exports = app;
