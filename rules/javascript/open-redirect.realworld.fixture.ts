// Real-world shapes of open redirects (login return URLs in Express, Koa, Next.js; the browser) each followed by its fix.
import express from 'express';
import Router from '@koa/router';
import { NextResponse, type NextRequest } from 'next/server';

const app = express();
const router = new Router();

// 1. Return to where the user came from after login.
app.post('/login', (req, res) => {
  // expect: open-redirect
  res.redirect(req.query.next as string);
});
app.post('/login-fixed', (req, res) => {
  const next = String(req.query.next || '/');
  // ok: open-redirect
  res.redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');
});

// 2. A returnTo kept in a variable first, with a status.
app.get('/sso/callback', (req, res) => {
  const returnTo = req.query.returnTo || '/';
  // expect: open-redirect
  return res.redirect(302, returnTo as string);
});

// 3. Koa.
router.get('/out', (ctx) => {
  // expect: open-redirect
  ctx.redirect(ctx.query.url as string);
});
router.get('/out-fixed', (ctx) => {
  const allowed = ['https://docs.example.com', 'https://status.example.com'];
  const target = String(ctx.query.url);
  if (!allowed.includes(target)) return ctx.throw(400);
  // ok: open-redirect
  ctx.redirect(target);
});

// 4. Next.js middleware / route handler.
export function middleware(request: NextRequest) {
  const callbackUrl = request.nextUrl.searchParams.get('callbackUrl');
  if (callbackUrl) {
    // expect: open-redirect
    return NextResponse.redirect(callbackUrl);
  }
  return NextResponse.next();
}
export function middlewareFixed(request: NextRequest) {
  const callbackUrl = request.nextUrl.searchParams.get('callbackUrl') ?? '/';
  // ok: open-redirect
  return NextResponse.redirect(new URL(callbackUrl.startsWith('/') ? callbackUrl : '/', request.url));
}

// 5. The browser follows a redirect parameter.
export function afterLogin() {
  const params = new URLSearchParams(window.location.search);
  // expect: open-redirect
  window.location.href = params.get('redirect') || '/';
}
export function afterLoginFixed() {
  const params = new URLSearchParams(window.location.search);
  const target = params.get('redirect') || '/';
  // ok: open-redirect
  window.location.href = target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

// 6. A Location header.
app.get('/go', (req, res) => {
  // expect: open-redirect
  res.writeHead(302, { Location: req.query.to as string });
  res.end();
});

// 7. A Lambda answering with a Location header.
export const lambdaRedirect = async (event: any) => {
  return {
    statusCode: 302,
    // expect: open-redirect
    headers: { Location: event.queryStringParameters.next },
  };
};
export const lambdaRedirectFixed = async (event: any) => {
  const next = event.queryStringParameters.next;
  return {
    statusCode: 302,
    // ok: open-redirect
    headers: { Location: typeof next === 'string' && /^\/[^/\\]/.test(next) ? next : '/' },
  };
};

// 8. Fastify and hapi.
export function fastifyRoutes(fastify: any) {
  fastify.get('/continue', async (request: any, reply: any) => {
    // expect: open-redirect
    return reply.redirect(request.query.continue);
  });
}
export const hapiRoute = {
  method: 'GET',
  path: '/bye',
  handler: (request: any, h: any) => {
    // expect: open-redirect
    return h.redirect(request.query.next);
  },
};
