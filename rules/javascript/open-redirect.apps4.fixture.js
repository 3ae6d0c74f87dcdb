'use strict';
// Patched forms from advisories next to the vulnerable lines: redirects, SSRF guards, shell quoting, escaping helpers.
const express = require('express');
const url = require('url');
const { exec } = require('child_process');
const shellQuote = require('shell-quote');
const validator = require('validator');
const axios = require('axios');
const ipaddr = require('ipaddr.js');
const dns = require('dns').promises;
const app = express();

// Vulnerable: redirect after checking only that the URL contains the host name.
app.get('/r', (req, res) => {
  const target = req.query.url;
  if (target.indexOf('example.com') === -1) return res.sendStatus(400);
  // expect: open-redirect
  res.redirect(target);
});

// Fixed: parsed host compared exactly.
app.get('/r2', (req, res) => {
  const target = String(req.query.url);
  const host = url.parse(target).host;
  if (host && host !== req.headers.host) return res.redirect('/');
  // ok: open-redirect
  res.redirect(target);
});

// Fixed: relative path only, via a regex check.
app.get('/r3', (req, res) => {
  const next = String(req.query.next || '/');
  if (!/^\/(?!\/)/.test(next)) return res.redirect('/');
  // ok: open-redirect
  res.redirect(next);
});

// Fixed: SSRF guard resolving the host and refusing private ranges.
app.get('/hook', async (req, res) => {
  const u = new URL(String(req.query.url));
  const { address } = await dns.lookup(u.hostname);
  if (ipaddr.parse(address).range() !== 'unicast') return res.sendStatus(400);
  // ok: ssrf
  const r = await axios.get(u.href, { maxRedirects: 0 });
  res.json(r.data);
});

// Vulnerable: the check is only on the protocol.
app.get('/hook2', async (req, res) => {
  const target = String(req.query.url);
  if (!target.startsWith('http')) return res.sendStatus(400);
  // expect: ssrf
  const r = await axios.get(target);
  res.json(r.data);
});

// Fixed: shell-quote.
app.get('/whois', (req, res) => {
  // ok: command-injection
  exec('whois ' + shellQuote.quote([String(req.query.domain)]), (e, out) => res.type('text/plain').send(out));
});

// Fixed: validator check before the shell.
app.get('/dig', (req, res) => {
  const domain = String(req.query.domain);
  if (!validator.isFQDN(domain)) return res.sendStatus(400);
  // ok: command-injection
  exec(`dig +short ${domain}`, (e, out) => res.type('text/plain').send(out));
});

// Vulnerable: same without the check.
app.get('/dig2', (req, res) => {
  // expect: command-injection
  exec(`dig +short ${req.query.domain}`, (e, out) => res.type('text/plain').send(out));
});

// Fixed: validator.escape for HTML.
app.get('/greet', (req, res) => {
  // ok: xss
  res.send('<p>Hi ' + validator.escape(String(req.query.name)) + '</p>');
});

// Fixed: JSON data embedded in a script tag with < escaped.
app.get('/boot', (req, res) => {
  const state = JSON.stringify({ q: req.query.q }).replace(/</g, '\\u003c');
  // ok: xss
  res.send(`<script>window.__STATE__ = ${state}</script>`);
});

// Vulnerable: JSON state embedded without escaping.
app.get('/boot2', (req, res) => {
  const state = JSON.stringify({ q: req.query.q });
  // expect: xss
  res.send(`<script>window.__STATE__ = ${state}</script>`);
});

// Fixed: proto keys filtered with hasOwnProperty on a null-prototype copy.
function assignDeep(target, src) {
  for (const k of Object.keys(src)) {
    if (!Object.prototype.hasOwnProperty.call(src, k) || k === '__proto__') continue;
    if (typeof src[k] === 'object' && src[k]) {
      target[k] = target[k] || {};
      assignDeep(target[k], src[k]);
      // ok: prototype-pollution
    } else target[k] = src[k];
  }
  return target;
}

// Vulnerable: same without the filter (Object.keys of JSON.parse output includes "__proto__").
function assignDeepUnsafe(target, src) {
  for (const k of Object.keys(src)) {
    if (typeof src[k] === 'object' && src[k]) {
      // expect: prototype-pollution
      target[k] = target[k] || {};
      assignDeepUnsafe(target[k], src[k]);
      // expect: prototype-pollution
    } else target[k] = src[k];
  }
  return target;
}

module.exports = { app, assignDeep, assignDeepUnsafe };
