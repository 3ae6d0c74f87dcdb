'use strict';
// services/fetcher.js of an Express app: got, request, needle, http.request and axios config objects.
const express = require('express');
const got = require('got');
const request = require('request');
const needle = require('needle');
const https = require('https');
const axios = require('axios');
const router = express.Router();

// Vulnerable: got with a URL from the query.
router.get('/fetch', async (req, res) => {
  // expect: ssrf
  const body = await got(req.query.url).text();
  res.send(body.length.toString());
});

// Vulnerable: request piping.
router.get('/pipe', (req, res) => {
  // expect: ssrf
  request(req.query.target).pipe(res);
});

// Vulnerable: needle post to the callback URL of an integration.
router.post('/integrations', (req, res) => {
  const { url, event } = req.body;
  // expect: ssrf
  needle.post(url, { event }, { json: true }, () => res.sendStatus(202));
});

// Vulnerable: http.request with host and path from the body.
router.post('/relay', (req, res) => {
  // expect: ssrf
  const r = https.request({ hostname: req.body.host, path: req.body.path, method: 'GET' }, (up) => up.pipe(res));
  r.end();
});

// Vulnerable: axios config object with the url.
router.get('/thumb', async (req, res) => {
  // expect: ssrf
  const resp = await axios({ method: 'get', url: req.query.image, responseType: 'stream' });
  resp.data.pipe(res);
});

// Vulnerable: base URL from a header (host header SSRF).
router.get('/me', async (req, res) => {
  const base = req.headers['x-api-base'];
  // expect: ssrf
  const r = await fetch(`${base}/users/me`, { headers: { cookie: req.headers.cookie } });
  res.json(await r.json());
});

// Fixed: the base is configuration; only an encoded id from the request.
router.get('/me2', async (req, res) => {
  const id = encodeURIComponent(req.query.id);
  // ok: ssrf
  const r = await fetch(`${process.env.API_BASE}/users/${id}`);
  res.json(await r.json());
});

// Fixed: allow-list of hosts.
const allowed = ['images.example.com'];
router.get('/thumb2', async (req, res) => {
  const u = new URL(req.query.image);
  if (!allowed.includes(u.hostname) || u.protocol !== 'https:') return res.sendStatus(400);
  // ok: ssrf
  const resp = await axios({ method: 'get', url: u.href, responseType: 'stream' });
  resp.data.pipe(res);
});

module.exports = router;
