import express from 'express';
import axios from 'axios';
import got from 'got';
import http from 'http';
import fetch from 'node-fetch';
import { NextRequest, NextResponse } from 'next/server';

const app = express();

app.get('/proxy', async (req, res) => {
  // expect: ssrf
  const response = await axios.get(req.query.url as string);
  res.send(response.data);
});

app.post('/webhooks/test', async (req, res) => {
  const { webhookUrl } = req.body;
  // expect: ssrf
  await fetch(webhookUrl, { method: 'POST', body: JSON.stringify({ ping: true }) });
  res.sendStatus(204);
});

app.get('/preview', async (req, res) => {
  const target = req.query.link;
  // expect: ssrf
  const html = await got(target).text();
  res.json({ title: extractTitle(html) });
});

app.get('/image', (req, res) => {
  // expect: ssrf
  http.get(req.query.src, (upstream) => upstream.pipe(res));
});

app.get('/status', async (req, res) => {
  // expect: ssrf
  const r = await axios({ url: `http://${req.query.host}/health`, timeout: 2000 });
  res.json(r.data);
});

export async function GET(request: NextRequest) {
  const feed = request.nextUrl.searchParams.get('feed');
  // expect: ssrf
  const rss = await fetch(feed);
  return NextResponse.json({ body: await rss.text() });
}

app.post('/import', async (req, res) => {
  const source = new URL(req.body.source);
  // expect: ssrf
  const data = await axios.post(source.toString(), { token: process.env.IMPORT_TOKEN });
  res.json(data.data);
});

app.get('/avatar', async (req, res) => {
  const base = req.query.cdn;
  // expect: ssrf
  const img = await fetch(base + '/avatars/' + req.query.id);
  res.type('png').send(Buffer.from(await img.arrayBuffer()));
});

app.get('/oembed', async (req, res) => {
  // expect: ssrf
  const { data } = await axios.request({ url: req.query.u, method: 'GET' });
  res.json(data);
});

app.post('/fetch-metadata', async (req, res) => {
  const urls: string[] = req.body.urls;
  for (const u of urls) {
    // expect: ssrf
    await got.get(u);
  }
  res.sendStatus(200);
});

app.get('/ws', (req, res) => {
  // expect: ssrf
  const socket = new WebSocket(req.query.endpoint);
  res.sendStatus(202);
});

app.get('/redirected', async (req, res) => {
  // expect: ssrf
  const { data } = await axios.get(decodeURIComponent(req.query.next));
  // expect: ssrf
  const follow = await fetch(data.location + req.query.path);
  res.json(await follow.json());
});

// ---- negatives ----

app.get('/users/:id', async (req, res) => {
  // ok: ssrf
  const r = await axios.get(`https://api.example.com/users/${req.params.id}`);
  res.json(r.data);
});

app.get('/search', async (req, res) => {
  // ok: ssrf
  const r = await fetch(`https://search.example.com/?q=${encodeURIComponent(req.query.q)}`);
  res.json(await r.json());
});

const ALLOWED_HOSTS = new Set(['images.example.com', 'cdn.example.com']);
app.get('/image-safe', async (req, res) => {
  const url = new URL(req.query.src);
  if (!ALLOWED_HOSTS.has(url.hostname)) return res.sendStatus(400);
  // ok: ssrf
  const img = await fetch(url);
  res.send(Buffer.from(await img.arrayBuffer()));
});

export async function loadJson(url: string) {
  // A client library: the caller decides where it points.
  // ok: ssrf
  return (await axios.get(url)).data;
}

app.get('/health', async (req, res) => {
  // ok: ssrf
  const r = await fetch(process.env.UPSTREAM_URL + '/health');
  res.json({ ok: r.ok });
});

app.get('/internal', async (req, res) => {
  // ok: ssrf
  const r = await fetch('/api/session', { headers: { cookie: req.headers.cookie } });
  res.json(await r.json());
});

app.get('/cache', (req, res) => {
  // ok: ssrf
  res.json(cache.get(req.query.key));
});

app.get('/params', async (req, res) => {
  // ok: ssrf
  const r = await axios.get('https://api.example.com/search', { params: { q: req.query.q } });
  res.json(r.data);
});

app.get('/region', async (req, res) => {
  const region = req.query.region;
  if (!['eu', 'us'].includes(region)) return res.sendStatus(400);
  // ok: ssrf
  const r = await fetch(`https://${region}.api.example.com/status`);
  res.json(await r.json());
});

describe('proxy', () => {
  it('fetches', async () => {
    const req = { query: { url: 'http://localhost:3000' } };
    // ok: ssrf
    await axios.get(req.query.url);
  });
});

app.get('/map', (req, res) => {
  // ok: ssrf
  res.json(routes.get(req.query.name));
});

app.post('/notify', async (req, res) => {
  // ok: ssrf
  await axios.post('https://hooks.example.com/notify', req.body);
  res.sendStatus(204);
});

interface Profile {
  name: string;
  avatar: string;
}

app.get('/profiles/import', async (req, res) => {
  // expect: ssrf
  const { data } = await axios.get<Profile>(String(req.query.source));
  res.json(data);
});

app.get('/profiles/mine', async (req, res) => {
  // ok: ssrf
  const { data } = await axios.get<Profile>('https://profiles.internal.example.com/me', { headers: { authorization: req.headers.authorization } });
  res.json(data);
});
