// Fixture for insecure-cookie: Express login handlers, session middleware, a Next.js route and Fastify/Koa handlers, with session cookies and harmless ones.
import express, { type Request, type Response } from 'express';
import session from 'express-session';
import cookieSession from 'cookie-session';
import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import type { FastifyReply } from 'fastify';
import type { Context } from 'koa';

const app = express();

app.use(session({
  secret: process.env.SESSION_SECRET!,
  resave: false,
  saveUninitialized: false,
  cookie: {
    // expect: insecure-cookie
    httpOnly: true,
    maxAge: 24 * 60 * 60 * 1000,
  },
}));

app.use(session({
  secret: process.env.SESSION_SECRET!,
  resave: false,
  saveUninitialized: true,
  // expect: insecure-cookie
  cookie: { secure: true },
}));

app.use(cookieSession({
  name: 'session',
  keys: [process.env.COOKIE_KEY_1!, process.env.COOKIE_KEY_2!],
  // expect: insecure-cookie
  sameSite: 'none',
}));

app.post('/login', async (req: Request, res: Response) => {
  const token = await issueToken(String(req.body.email), String(req.body.password));
  // expect: insecure-cookie
  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  res.json({ ok: true });
});

app.post('/refresh', async (req: Request, res: Response) => {
  const refreshToken = await rotate(String(req.cookies.refresh_token));
  // expect: insecure-cookie
  res.cookie('refresh_token', refreshToken, { httpOnly: true, maxAge: 30 * 24 * 3600 * 1000, sameSite: 'strict' });
  res.sendStatus(204);
});

app.post('/sso/callback', async (req: Request, res: Response) => {
  const jwt = await exchange(String(req.body.code));
  // expect: insecure-cookie
  res.cookie('jwt', jwt, { httpOnly: true, secure: true });
  res.redirect('/');
});

app.post('/legacy-login', (req: Request, res: Response) => {
  const sid = createSessionId();
  // expect: insecure-cookie
  res.setHeader('Set-Cookie', `sessionId=${sid}; Path=/; Max-Age=86400`);
  res.end();
});

export async function POST(request: Request) {
  const { accessToken } = await signIn(await request.json());
  // expect: insecure-cookie
  (await cookies()).set('access_token', accessToken, { httpOnly: true, path: '/', maxAge: 3600 });
  return NextResponse.json({ ok: true });
}

export function loginResponse(authToken: string) {
  const response = NextResponse.json({ ok: true });
  // expect: insecure-cookie
  response.cookies.set({ name: 'auth_token', value: authToken, httpOnly: true });
  return response;
}

export async function fastifyLogin(reply: FastifyReply, sessionId: string) {
  // expect: insecure-cookie
  reply.setCookie('sessionId', sessionId, { path: '/', secure: true, httpOnly: true });
  return reply.send({ ok: true });
}

export function koaLogin(ctx: Context, token: string) {
  // expect: insecure-cookie
  ctx.cookies.set('auth', token, { httpOnly: true });
  ctx.body = { ok: true };
}

// ---- Protected session cookies, and cookies that are not sessions: quiet. ----

app.use(session({
  secret: process.env.SESSION_SECRET!,
  resave: false,
  saveUninitialized: false,
  // ok: insecure-cookie
  cookie: { httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax' },
}));

app.post('/login-safe', async (req: Request, res: Response) => {
  const token = await issueToken(String(req.body.email), String(req.body.password));
  // ok: insecure-cookie
  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict', maxAge: 3600_000 });
  res.json({ ok: true });
});

app.get('/preferences/theme/:theme', (req: Request, res: Response) => {
  // ok: insecure-cookie
  res.cookie('theme', req.params.theme === 'dark' ? 'dark' : 'light', { maxAge: 365 * 24 * 3600 * 1000 });
  res.sendStatus(204);
});

app.get('/form', (req: Request, res: Response) => {
  // The double-submit CSRF cookie must be readable by the page's script.
  // ok: insecure-cookie
  res.cookie('XSRF-TOKEN', req.csrfToken(), { httpOnly: false, secure: true, sameSite: 'strict' });
  res.render('form');
});

app.post('/consent', (_req: Request, res: Response) => {
  // ok: insecure-cookie
  res.cookie('cookie_consent', 'accepted');
  res.sendStatus(204);
});

const cookieOptions = buildCookieOptions();
app.post('/login-configured', (req: Request, res: Response) => {
  // ok: insecure-cookie
  res.cookie('session', String(req.body.sessionId), cookieOptions);
  res.sendStatus(204);
});

export function koaSession(ctx: Context, token: string) {
  // Koa cookies are httpOnly unless told otherwise.
  // ok: insecure-cookie
  ctx.cookies.set('session', token, { signed: true, secure: true });
}

if (process.env.NODE_ENV === 'development') {
  // ok: insecure-cookie
  app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false, cookie: { secure: false } }));
}

app.post('/logout', (_req: Request, res: Response) => {
  // ok: insecure-cookie
  res.setHeader('Set-Cookie', 'session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax');
  res.end();
});

export function rememberLocale(locale: string) {
  const response = NextResponse.next();
  // ok: insecure-cookie
  response.cookies.set('NEXT_LOCALE', locale);
  return response;
}

// ok: insecure-cookie
const cache = new Map<string, string>([['session', 'x']]);
cache.set('token', 'y');

declare function issueToken(email: string, password: string): Promise<string>;
declare function rotate(token: string): Promise<string>;
declare function exchange(code: string): Promise<string>;
declare function createSessionId(): string;
declare function signIn(body: unknown): Promise<{ accessToken: string }>;
declare function buildCookieOptions(): express.CookieOptions;
declare global {
  namespace Express {
    interface Request {
      csrfToken(): string;
    }
  }
}
