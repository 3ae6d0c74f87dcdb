// Blind set: open redirects in Koa, Next.js middleware and client code.
import Router from '@koa/router';
import { NextRequest, NextResponse } from 'next/server';

const router = new Router();

router.get('/sso/return', (ctx) => {
  // expect: open-redirect
  ctx.redirect(ctx.query.redirect as string);
});

router.get('/sso/return2', (ctx) => {
  const target = String(ctx.query.redirect ?? '/');
  // ok: open-redirect
  ctx.redirect(target.startsWith('/') && !target.startsWith('//') ? target : '/');
});

export function middleware(request: NextRequest) {
  const callbackUrl = request.nextUrl.searchParams.get('callbackUrl') ?? '/';
  // expect: open-redirect
  return NextResponse.redirect(new URL(callbackUrl, request.url));
}

export function middlewareFixed(request: NextRequest) {
  const callbackUrl = request.nextUrl.searchParams.get('callbackUrl') ?? '/';
  const url = new URL(callbackUrl, request.url);
  if (url.origin !== request.nextUrl.origin) return NextResponse.redirect(new URL('/', request.url));
  // ok: open-redirect
  return NextResponse.redirect(url);
}

export function afterLogin(): void {
  const params = new URLSearchParams(window.location.search);
  // expect: open-redirect
  window.location.href = params.get('redirect') || '/dashboard';
}

export default router;
