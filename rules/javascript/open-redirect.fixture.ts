import express from 'express';
import Koa from 'koa';
import { NextRequest, NextResponse } from 'next/server';
import { redirect } from 'next/navigation';

const app = express();

app.get('/login', (req, res) => {
  // ... authenticate ...
  // expect: open-redirect
  res.redirect(req.query.next);
});

app.post('/logout', (req, res) => {
  req.session.destroy(() => {
    // expect: open-redirect
    res.redirect(302, req.body.returnTo || '/');
  });
});

app.get('/out', (req, res) => {
  const { url } = req.query;
  // expect: open-redirect
  res.writeHead(302, { Location: url });
  res.end();
});

app.get('/go', (req, res) => {
  const target = req.query.target;
  // expect: open-redirect
  res.setHeader('Location', target);
  res.statusCode = 302;
  res.end();
});

app.get('/sso/callback', (req, res) => {
  const state = JSON.parse(Buffer.from(req.query.state, 'base64').toString());
  // expect: open-redirect
  res.redirect(state.redirectUri);
});

const koa = new Koa();
koa.use(async (ctx) => {
  if (ctx.path === '/continue') {
    // expect: open-redirect
    ctx.redirect(ctx.query.redirect_to);
  }
});

export async function GET(request: NextRequest) {
  const next = request.nextUrl.searchParams.get('next');
  // expect: open-redirect
  return NextResponse.redirect(new URL(next, request.url));
}

export function continueAfterLogin() {
  const params = new URLSearchParams(window.location.search);
  // expect: open-redirect
  window.location.href = params.get('redirect');
}

app.get('/prefix', (req, res) => {
  // expect: open-redirect
  res.redirect('/' + req.query.path);
});

app.get('/external', (req, res) => {
  // expect: open-redirect
  res.redirect(`https://${req.query.host}/welcome`);
});

app.get('/r', (req, res) => {
  // expect: open-redirect
  res.location(req.get('Referer'));
  res.sendStatus(302);
});

export async function action(formData: FormData, request: Request) {
  const url = new URL(request.url);
  // expect: open-redirect
  redirect(url.searchParams.get('callbackUrl'));
}

// ---- negatives ----

app.get('/home', (req, res) => {
  // ok: open-redirect
  res.redirect('/dashboard');
});

app.get('/users/:id/edit', (req, res) => {
  // ok: open-redirect
  res.redirect(`/users/${req.params.id}`);
});

app.get('/safe-next', (req, res) => {
  const next = req.query.next;
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) {
    return res.redirect('/');
  }
  // ok: open-redirect
  res.redirect(next);
});

const ALLOWED_HOSTS = ['app.example.com', 'docs.example.com'];
app.get('/jump', (req, res) => {
  const target = new URL(req.query.to);
  if (!ALLOWED_HOSTS.includes(target.hostname)) return res.sendStatus(400);
  // ok: open-redirect
  res.redirect(target.toString());
});

app.get('/docs', (req, res) => {
  // ok: open-redirect
  res.redirect(`https://docs.example.com/${req.query.page}`);
});

function isSafeRedirect(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}
app.get('/checked', (req, res) => {
  const dest = req.query.dest;
  // ok: open-redirect
  res.redirect(isSafeRedirect(dest) ? dest : '/');
});

export function goHome() {
  // ok: open-redirect
  window.location.href = '/';
}

export function toLogin(returnTo: string) {
  // ok: open-redirect
  window.location.href = `/login?returnTo=${encodeURIComponent(returnTo)}`;
}

export async function GETSafe(request: NextRequest) {
  // ok: open-redirect
  return NextResponse.redirect(new URL('/login', request.url));
}

function redirectTo(res: any, url: string) {
  // A helper whose url comes from the caller, not from a request here.
  // ok: open-redirect
  res.redirect(url);
}

app.get('/lang/:code', (req, res) => {
  const code = req.params.code;
  if (!['en', 'de', 'fr'].includes(code)) return res.sendStatus(404);
  // ok: open-redirect
  res.redirect(code);
});

describe('login', () => {
  it('redirects', () => {
    const req = { query: { next: 'http://x' } };
    // ok: open-redirect
    res.redirect(req.query.next);
  });
});
