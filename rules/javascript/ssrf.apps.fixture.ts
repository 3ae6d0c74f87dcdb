// src/server.ts: an Express + axios app with a link preview, webhooks, an image proxy and login redirects.
import express, { Request, Response, NextFunction } from 'express';
import axios from 'axios';
import fetch from 'node-fetch';
import http from 'http';

const app = express();
app.use(express.json());

// Vulnerable: link preview fetches any URL.
app.get('/api/preview', async (req: Request, res: Response) => {
  // expect: ssrf
  const { data } = await axios.get(req.query.url as string);
  const title = /<title>(.*?)<\/title>/i.exec(data)?.[1] ?? '';
  res.json({ title });
});

// Fixed: only https to allow-listed hosts.
const ALLOWED_HOSTS = new Set(['example.com', 'cdn.example.com']);
app.get('/api/preview2', async (req: Request, res: Response) => {
  const target = new URL(String(req.query.url));
  if (target.protocol !== 'https:' || !ALLOWED_HOSTS.has(target.hostname)) return res.status(400).end();
  // ok: ssrf
  const { data } = await axios.get(target.toString());
  res.json({ length: String(data).length });
});

// Vulnerable: image proxy piping the remote body.
app.get('/proxy', async (req: Request, res: Response) => {
  const src = req.query.src as string;
  // expect: ssrf
  const upstream = await fetch(src);
  upstream.body?.pipe(res);
});

// Vulnerable: webhook test call with a URL from the body.
app.post('/webhooks/test', async (req: Request, res: Response) => {
  const { callbackUrl, payload } = req.body;
  // expect: ssrf
  await axios.post(callbackUrl, payload);
  res.sendStatus(204);
});

// Vulnerable: http.get on a host named by the client.
app.get('/status/:host', (req: Request, res: Response) => {
  // expect: ssrf
  http.get(`http://${req.params.host}:8080/health`, (r) => r.pipe(res));
});

// Fixed: the host is looked up in the server's own table.
const SERVICES: Record<string, string> = { billing: 'http://billing.internal:8080', auth: 'http://auth.internal:8080' };
app.get('/status2/:svc', (req: Request, res: Response) => {
  const base = SERVICES[req.params.svc];
  if (!base) return res.sendStatus(404);
  // ok: ssrf
  http.get(`${base}/health`, (r) => r.pipe(res));
});

// Vulnerable: open redirect after login.
app.post('/login', (req: Request, res: Response) => {
  // ... authenticate ...
  // expect: open-redirect
  res.redirect(req.query.returnTo as string);
});

// Fixed: only local paths.
app.post('/login2', (req: Request, res: Response) => {
  const next = String(req.query.returnTo || '/');
  const safe = next.startsWith('/') && !next.startsWith('//') ? next : '/';
  // ok: open-redirect
  res.redirect(safe);
});

// Vulnerable: redirect via Location header.
app.get('/out', (req: Request, res: Response) => {
  // expect: open-redirect
  res.writeHead(302, { Location: req.query.to as string });
  res.end();
});

// Vulnerable: logout redirects to the Referer-ish param.
app.get('/logout', (req: Request, res: Response) => {
  const target = req.query.next || '/';
  // expect: open-redirect
  return res.redirect(302, target as string);
});

// Fixed: allow-listed redirect.
const REDIRECTS = ['/', '/home', '/account'];
app.get('/logout2', (req: Request, res: Response) => {
  const target = String(req.query.next || '/');
  // ok: open-redirect
  res.redirect(REDIRECTS.includes(target) ? target : '/');
});

export default app;
