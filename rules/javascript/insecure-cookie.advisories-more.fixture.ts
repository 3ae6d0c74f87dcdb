// Blind set (more): NestJS and Koa cookies, cookie-session config.
import { Controller, Post, Res, Body } from '@nestjs/common';
import type { Response } from 'express';
import cookieSession from 'cookie-session';
import Koa from 'koa';

@Controller('auth')
export class AuthController {
  @Post('login')
  login(@Body() body: { token: string }, @Res({ passthrough: true }) res: Response) {
    // expect: insecure-cookie
    res.cookie('access_token', body.token, { httpOnly: false, secure: false });
    return { ok: true };
  }

  @Post('login-safe')
  loginSafe(@Body() body: { token: string }, @Res({ passthrough: true }) res: Response) {
    // ok: insecure-cookie
    res.cookie('access_token', body.token, { httpOnly: true, secure: true, sameSite: 'lax' });
    return { ok: true };
  }
}

export const sessionMiddleware = cookieSession({
  name: 'session',
  keys: [process.env.COOKIE_KEY as string],
  // expect: insecure-cookie
  httpOnly: false,
});

const koa = new Koa();
koa.use(async (ctx) => {
  // expect: insecure-cookie
  ctx.cookies.set('sid', ctx.state.sessionId, { httpOnly: false });
  // ok: insecure-cookie
  ctx.cookies.set('sid2', ctx.state.sessionId, { httpOnly: true, secure: true, sameSite: 'strict' });
});
