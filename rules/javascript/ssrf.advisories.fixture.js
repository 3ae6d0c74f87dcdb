// Blind set: SSRF in Express proxies, webhooks and image fetchers.
'use strict';
const express = require('express');
const axios = require('axios');
const http = require('http');
const request = require('request');
const { URL } = require('url');

const app = express();
app.use(express.json());

app.get('/proxy', async (req, res) => {
  // expect: ssrf
  const response = await axios.get(req.query.url);
  res.send(response.data);
});

const ALLOWED_HOSTS = new Set(['images.example.com', 'cdn.example.com']);

app.get('/proxy2', async (req, res) => {
  let target;
  try { target = new URL(req.query.url); } catch { return res.sendStatus(400); }
  if (target.protocol !== 'https:' || !ALLOWED_HOSTS.has(target.hostname)) return res.sendStatus(403);
  // ok: ssrf
  const response = await axios.get(target.toString());
  res.send(response.data);
});

app.post('/webhooks/test', async (req, res) => {
  const { webhookUrl, payload } = req.body;
  // expect: ssrf
  await fetch(webhookUrl, { method: 'POST', body: JSON.stringify(payload) });
  res.sendStatus(202);
});

app.get('/image', (req, res) => {
  // expect: ssrf
  request(req.query.src).pipe(res);
});

app.get('/avatar', (req, res) => {
  // expect: ssrf
  http.get(`http://${req.query.host}/avatar.png`, (upstream) => upstream.pipe(res));
});

app.get('/avatar2', (req, res) => {
  // ok: ssrf
  http.get(`http://avatars.internal.example.com/${encodeURIComponent(req.query.user)}.png`, (upstream) => upstream.pipe(res));
});

app.post('/import', async (req, res) => {
  const feed = req.body.feedUrl;
  // expect: ssrf
  const { data } = await axios({ method: 'get', url: feed, timeout: 5000 });
  res.json({ size: data.length });
});

app.get('/metadata', async (req, res) => {
  const api = axios.create({ baseURL: 'https://api.example.com' });
  // ok: ssrf
  const { data } = await api.get(`/items/${encodeURIComponent(req.query.id)}`);
  res.json(data);
});

module.exports = app;
