// Blind set (more): screenshot services, host-based http.request, helper-wrapped fetches.
'use strict';
const express = require('express');
const puppeteer = require('puppeteer');
const http = require('http');
const superagent = require('superagent');
const needle = require('needle');

const app = express();
app.use(express.json());

app.get('/screenshot', async (req, res) => {
  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  // expect: ssrf
  await page.goto(req.query.url, { waitUntil: 'networkidle2' });
  res.type('png').send(await page.screenshot());
  await browser.close();
});

app.get('/status', (req, res) => {
  // expect: ssrf
  const upstream = http.request({ host: req.query.host, port: 80, path: '/status' }, (r) => r.pipe(res));
  upstream.end();
});

function fetchJson(url) {
  return superagent.get(url).then((r) => r.body);
}

app.post('/link-preview', async (req, res) => {
  // expect: ssrf
  const body = await fetchJson(req.body.url);
  res.json(body);
});

app.get('/server-status', async (req, res) => {
  // expect: ssrf
  const r = await needle('get', `${req.query.server}/api/status`);
  res.json(r.body);
});

const SERVERS = { eu: 'https://eu.example.com', us: 'https://us.example.com' };
app.get('/server-status2', async (req, res) => {
  const base = SERVERS[req.query.region];
  if (!base) return res.sendStatus(400);
  // ok: ssrf
  const r = await needle('get', `${base}/api/status`);
  res.json(r.body);
});

module.exports = app;
