// Blind set (more): referer redirects, NestJS @Redirect, host concatenation.
import { Controller, Get, Query, Redirect, Res } from '@nestjs/common';
import type { Response } from 'express';
import express from 'express';

export const app = express();

app.get('/back', (req, res) => {
  // expect: open-redirect
  res.redirect(req.headers.referer as string);
});

app.get('/switch-locale', (req, res) => {
  // expect: open-redirect
  res.redirect(`${req.query.base}/welcome?lang=${req.query.lang}`);
});

app.get('/switch-locale2', (req, res) => {
  // ok: open-redirect
  res.redirect(`/welcome?lang=${encodeURIComponent(String(req.query.lang))}`);
});

@Controller('auth')
export class AuthController {
  @Get('done')
  @Redirect()
  done(@Query('returnUrl') returnUrl: string) {
    // expect: open-redirect
    return { url: returnUrl };
  }

  @Get('done-safe')
  doneSafe(@Query('returnUrl') returnUrl: string, @Res() res: Response) {
    const url = returnUrl && returnUrl.startsWith('/') && !returnUrl.startsWith('//') ? returnUrl : '/';
    // ok: open-redirect
    return res.redirect(url);
  }
}
