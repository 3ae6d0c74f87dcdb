// Fixture for hardcoded-session-secret: Express, Koa and Fastify apps and auth configs wiring up signed sessions and cookies.
const express = require('express');
const session = require('express-session');
const cookieSession = require('cookie-session');
const cookieParser = require('cookie-parser');
const Koa = require('koa');
const Fastify = require('fastify');
const fastifyCookie = require('@fastify/cookie');
const { getIronSession } = require('iron-session');
const crypto = require('crypto');

const app = express();

// ---- Secrets in source: reported. ----

app.use(session({
  // expect: hardcoded-session-secret
  // ok: hardcoded-secret
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: true,
}));

// expect: hardcoded-session-secret
// ok: hardcoded-secret
app.use(cookieParser('s3cr3t-cookie-signing-key-2024'));

app.use(cookieSession({
  name: 'session',
  // expect: hardcoded-session-secret
  // ok: hardcoded-secret
  keys: ['a8f5f167f44f4964e6c998dee827110c', 'b2e98ad6f6eb8508dd6a14cfa704bad7'],
  maxAge: 24 * 60 * 60 * 1000,
}));

// expect: hardcoded-session-secret
// ok: hardcoded-secret
const SESSION_SECRET = 'f3b1c9e2d8a7465fb0e4c2a19d7e6b53';
app.use(session({
  // Reported where the constant is written.
  // ok: hardcoded-session-secret
  secret: SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
}));

app.use(session({
  // expect: hardcoded-session-secret
  // ok: hardcoded-secret
  secret: process.env.SESSION_SECRET || 'dev-session-secret',
  resave: false,
  saveUninitialized: false,
}));

const koa = new Koa();
// expect: hardcoded-session-secret
// ok: hardcoded-secret
koa.keys = ['im a newer secret', 'i like turtle'];
const server = new Koa();
// expect: hardcoded-session-secret
// ok: hardcoded-secret
server.keys = ['k8s-cluster-signing-key'];

const fastify = Fastify();
fastify.register(fastifyCookie, {
  // expect: hardcoded-session-secret
  // ok: hardcoded-secret
  secret: 'my-secret',
  parseOptions: {},
});

async function readSession(req, res) {
  return getIronSession(req, res, {
    // expect: hardcoded-session-secret
    // ok: hardcoded-secret
    password: 'complex_password_at_least_32_characters_long',
    cookieName: 'myapp_session',
  });
}

const authOptions = {
  providers: [],
  // expect: hardcoded-session-secret
  // ok: hardcoded-secret
  secret: 'nextauth-secret-change-me-please',
};

const ironOptions = {
  cookieName: 'shop_session',
  // expect: hardcoded-session-secret
  // ok: hardcoded-secret
  password: process.env.SECRET_COOKIE_PASSWORD ?? 'this-is-a-fallback-password-of-32-chars',
};

// config/env/all.js: a secret-named setting is hardcoded-secret's to report.
const settings = {
  port: process.env.PORT || 4000,
  // expect: hardcoded-secret
  // ok: hardcoded-session-secret
  cookieSecret: 'session_cookie_secret_key_here',
  // ok: hardcoded-session-secret
  sessionCookieName: 'sid',
};

// expect: hardcoded-session-secret
// ok: hardcoded-secret
let cookieSigningKey = process.env.COOKIE_KEY || 'local-cookie-signing-key';

// ---- Secrets from the environment or generated: quiet. ----

app.use(session({
  // ok: hardcoded-session-secret
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
}));

// ok: hardcoded-session-secret
app.use(cookieParser(process.env.COOKIE_SECRET));

app.use(cookieSession({
  name: 'session',
  // ok: hardcoded-session-secret
  keys: [process.env.COOKIE_KEY_CURRENT, process.env.COOKIE_KEY_PREVIOUS],
}));

app.use(session({
  // Regenerated at every start: sessions do not survive a restart, but nothing is in source.
  // ok: hardcoded-session-secret
  secret: crypto.randomBytes(32).toString('hex'),
  resave: false,
  saveUninitialized: false,
}));

// ok: hardcoded-session-secret
app.use(cookieParser());

const config = require('./config');
app.use(session({
  // ok: hardcoded-session-secret
  secret: config.get('session.secret'),
  resave: false,
  saveUninitialized: false,
}));

// ok: hardcoded-session-secret
koa.keys = process.env.KOA_KEYS.split(',');

const loginForm = {
  // ok: hardcoded-session-secret
  password: '',
  // ok: hardcoded-session-secret
  username: 'guest',
};

// ok: hardcoded-session-secret
const cache = new Map([['secret', 'value']]);

describe('session middleware', () => {
  it('signs cookies', () => {
    // ok: hardcoded-session-secret
    const testApp = express().use(session({ secret: 'test-secret', resave: false, saveUninitialized: false }));
    expect(testApp).toBeDefined();
  });
});

module.exports = { settings, cookieSigningKey, app, koa, server, fastify, readSession, authOptions, ironOptions, loginForm, cache };
