// Real-world shapes for insecure-cookie: session and auth cookies without HttpOnly/Secure/SameSite, and the flag fixes.
const express = require('express');
const session = require('express-session');
const cookieSession = require('cookie-session');

const app = express();

app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  // expect: insecure-cookie
  cookie: { httpOnly: false, secure: false, maxAge: 86400000 },
}));

app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  // ok: insecure-cookie
  cookie: { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 86400000 },
}));

app.use(cookieSession({
  name: 'session',
  keys: [process.env.COOKIE_KEY],
  // expect: insecure-cookie
  httpOnly: false,
}));

app.post('/login', (req, res) => {
  const token = issueToken(req.body);
  // expect: insecure-cookie
  res.cookie('token', token, { httpOnly: false });
  res.json({ ok: true });
});

app.post('/login-fixed', (req, res) => {
  const token = issueToken(req.body);
  // ok: insecure-cookie
  res.cookie('token', token, { httpOnly: true, secure: true, sameSite: 'strict' });
  res.json({ ok: true });
});

app.post('/remember', (req, res) => {
  // expect: insecure-cookie
  res.cookie('remember_me', req.user.rememberToken, { maxAge: 30 * 24 * 3600 * 1000, secure: false });
  res.end();
});

app.post('/auth/callback', (req, res) => {
  // expect: insecure-cookie
  res.setHeader('Set-Cookie', `sessionId=${req.session.id}; Path=/`);
  res.redirect('/');
});

app.post('/auth/callback-fixed', (req, res) => {
  // ok: insecure-cookie
  res.setHeader('Set-Cookie', `sessionId=${req.session.id}; Path=/; HttpOnly; Secure; SameSite=Lax`);
  res.redirect('/');
});

// A UI preference readable by scripts on purpose: quiet.
app.post('/theme', (req, res) => {
  // ok: insecure-cookie
  res.cookie('theme', req.body.theme, { httpOnly: false, maxAge: 31536000000 });
  res.end();
});

// A JWT handed to the browser in a cookie with no options at all.
app.post('/api/login', async (req, res) => {
  const jwtToken = issueToken(req.body);
  // expect: insecure-cookie
  res.cookie('jwt', jwtToken);
  res.json({ ok: true });
});

app.post('/api/login-fixed', async (req, res) => {
  const jwtToken = issueToken(req.body);
  // ok: insecure-cookie
  res.cookie('jwt', jwtToken, { httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax' });
  res.json({ ok: true });
});

app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  // expect: insecure-cookie
  cookie: { secure: false },
}));

// Koa
function koaLogin(ctx, token) {
  // expect: insecure-cookie
  ctx.cookies.set('access_token', token, { httpOnly: false });
}

function koaLoginFixed(ctx, token) {
  // ok: insecure-cookie
  ctx.cookies.set('access_token', token, { httpOnly: true, secure: true, sameSite: 'strict' });
}

// Next.js route handler.
async function nextLogin(req, cookies, NextResponse) {
  const { token } = await req.json();
  // expect: insecure-cookie
  cookies().set('session', token, { httpOnly: false, secure: true });
  const res = NextResponse.json({ ok: true });
  // expect: insecure-cookie
  res.cookies.set('auth-token', token, { secure: false });
  // ok: insecure-cookie
  res.cookies.set('auth-token', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  return res;
}

// Fastify
function fastifyLogin(request, reply) {
  // expect: insecure-cookie
  reply.setCookie('sessionId', request.session.id, { path: '/', httpOnly: false });
}

// A browser app keeping its token in a script-written cookie.
function rememberToken(token) {
  // expect: insecure-cookie
  document.cookie = `access_token=${token}; path=/; max-age=86400`;
  // ok: insecure-cookie
  document.cookie = 'theme=dark; path=/';
}

function issueToken() { return 't'; }
module.exports = app;
