// Fixture for hardcoded-secret: a config module, an Express API, AI-style client setup and a React component, in TSX.
import express from 'express';
import jwt from 'jsonwebtoken';
import session from 'express-session';
import cookieParser from 'cookie-parser';
import crypto from 'node:crypto';
import OpenAI from 'openai';
import Stripe from 'stripe';
import mongoose from 'mongoose';
import React, { useState } from 'react';

// ---- Config module ----

export const config = {
  port: Number(process.env.PORT ?? 3000),
  // expect: hardcoded-secret
  jwtSecret: 'f7c2a9e41b0d4c8e9a3b6d2e5f1a7c90',
  // expect: hardcoded-secret
  adminPassword: 'Adm1n!2024',
  // expect: hardcoded-secret
  openaiApiKey: 'your-openai-api-key-here',
  // expect: hardcoded-secret
  sessionSecret: 'keyboard cat',
  // ok: hardcoded-secret
  githubToken: process.env.GITHUB_TOKEN ?? '',
  // ok: hardcoded-secret
  sendgridKey: process.env.SENDGRID_API_KEY || undefined,
  // ok: hardcoded-secret
  apiKeyHeader: 'x-api-key',
  // ok: hardcoded-secret
  passwordMinLength: 12,
  // ok: hardcoded-secret
  tokenExpiresIn: '1h',
  // ok: hardcoded-secret
  passwordResetUrl: 'https://app.example.com/reset-password',
};

// expect: hardcoded-secret
const AWS_ACCESS_KEY_ID = 'AKIA4HRXZ2TNCQ7WB3PL';
// expect: hardcoded-secret
const awsSecretAccessKey = 'k9Jd2LmQ8vX4rT1pZs7Yb3Nc6Wf0Ha5Ue8Gi2Ko1';

// expect: hardcoded-secret
const JWT_SECRET = process.env.JWT_SECRET || 'dev-jwt-secret-change-me';

// expect: hardcoded-secret
const DATABASE_URL = 'postgres://app_user:Xk29!vLq@db.internal.acme.io:5432/orders';

// A local development default, used only when the variable is unset: not a credential anyone can use elsewhere.
// ok: hardcoded-secret
const LOCAL_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@localhost:5432/orders_dev';

// ok: hardcoded-secret
const MONGO_URI = `mongodb+srv://${process.env.MONGO_USER}:${process.env.MONGO_PASSWORD}@cluster0.abcde.mongodb.net/shop`;

// Documentation-style placeholder inside a connection string.
// ok: hardcoded-secret
const EXAMPLE_URI = 'mongodb+srv://<username>:<password>@cluster0.mongodb.net/test';

// ok: hardcoded-secret
const TOKEN_STORAGE_KEY = 'auth_token';
// ok: hardcoded-secret
const ACCESS_TOKEN = 'access_token';
// ok: hardcoded-secret
const GITHUB_TOKEN_ENV = 'GITHUB_TOKEN';

// expect: hardcoded-secret
const STRIPE_SECRET = 'sk_live_51Hc7QpLkX9vR2mNbT4yZ8wQa';

// expect: hardcoded-secret
const slackToken = 'xoxb-2048573910-4820571938-Zq8rLm2NvX7cT4bW9yK1pDs3';

// expect: hardcoded-secret
export const SIGNING_KEY = `-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
-----END RSA PRIVATE KEY-----`;

// PEM handling code mentions the markers without holding a key.
// ok: hardcoded-secret
const PEM_HEADER = '-----BEGIN PRIVATE KEY-----';

// ---- Express API ----

// Session and cookie-signing secrets are hardcoded-session-secret's alone (one id per line), with a session-specific message.
const app = express();
// expect: hardcoded-session-secret
// ok: hardcoded-secret
app.use(cookieParser('s3cr3t-c00kie-k3y'));
app.use(
  session({
    // expect: hardcoded-session-secret
    // ok: hardcoded-secret
    secret: 'supersecret',
    resave: false,
    saveUninitialized: false,
  }),
);

app.post('/login', async (req, res) => {
  const { username, password } = req.body;
  // expect: hardcoded-secret
  if (username === 'admin' && password === 'admin123') {
    // expect: hardcoded-secret
    const token = jwt.sign({ sub: username, role: 'admin' }, 'my-secret-key', { expiresIn: '1h' });
    return res.json({ token });
  }
  // ok: hardcoded-secret
  if (password === '') return res.status(400).json({ error: 'Password is required' });
  res.status(401).json({ error: 'Invalid username or password' });
});

app.get('/verify', (req, res) => {
  // ok: hardcoded-secret
  const payload = jwt.verify(String(req.query.token), JWT_SECRET);
  res.json(payload);
});

export function signWebhook(body: string): string {
  // expect: hardcoded-secret
  return crypto.createHmac('sha256', 'whk_9f8e7d6c5b4a3928').update(body).digest('hex');
}

// ---- Clients, as assistants set them up ----

// expect: hardcoded-secret
const openai = new OpenAI({ apiKey: 'sk-proj-4fT9qLm2XvR8bN3kW7yZ1cP6dH0sJ5aE' });

// expect: hardcoded-secret
const stripe = new Stripe('sk_test_4eC39HqLyjWDarjtT1zdp7dc');

// expect: hardcoded-secret
const anthropicKey: string = 'sk-ant-...';

export async function fetchRepos(): Promise<unknown> {
  const response = await fetch('https://api.github.com/user/repos', {
    headers: {
      // expect: hardcoded-secret
      Authorization: 'Bearer ghp_R4nD0mT0k3nV4lu3Xq9Lm2Zp8Wc5Yb7Nd1Ke',
      // ok: hardcoded-secret
      Accept: 'application/vnd.github+json',
    },
    // ok: hardcoded-secret
    credentials: 'include',
  });
  return response.json();
}

export async function callInternal(token: string): Promise<Response> {
  // ok: hardcoded-secret
  return fetch('/api/internal', { headers: { Authorization: `Bearer ${token}` } });
}

export function connectSmtp(): unknown {
  return {
    host: 'smtp.mailgun.org',
    // ok: hardcoded-secret
    auth: { user: 'postmaster@mg.example.com', pass: process.env.SMTP_PASSWORD },
  };
}

// expect: hardcoded-secret
export function connectRedis(redisPassword = 'r3d1s-Pa55w0rd') {
  // ok: hardcoded-secret
  return `redis://:${redisPassword}@cache.internal:6379`;
}

// ok: hardcoded-secret
mongoose.connect(process.env.MONGO_URL!);

// Firebase web config keys identify the project and are public by design.
export const firebaseConfig = {
  // ok: hardcoded-secret
  apiKey: 'AIzaSyD4kq9Lm2XvR8bN3kW7yZ1cP6dH0sJ5aEw',
  authDomain: 'acme-shop.firebaseapp.com',
  projectId: 'acme-shop',
  messagingSenderId: '1029384756',
};

// ok: hardcoded-secret
export const STRIPE_PUBLISHABLE_KEY = 'pk_live_51Hc7QpLkX9vR2mNbT4yZ8wQa';

// Pagination cursors and lexer tokens are not credentials.
// ok: hardcoded-secret
const nextPageToken = 'CAoQAA';
// ok: hardcoded-secret
const tokenType = 'Bearer';

export enum AuthError {
  // ok: hardcoded-secret
  InvalidToken = 'auth/invalid-token',
}

export const AuthActions = {
  // ok: hardcoded-secret
  SET_TOKEN: 'SET_TOKEN',
  // ok: hardcoded-secret
  RESET_PASSWORD: 'auth/resetPassword',
};

export const redacted = {
  // ok: hardcoded-secret
  password: '********',
  // ok: hardcoded-secret
  secret: '[REDACTED]',
};

export const labels = {
  // ok: hardcoded-secret
  password: 'Passwort',
  // ok: hardcoded-secret
  confirmPassword: 'Passwort bestätigen',
};

// ok: hardcoded-secret
const DB_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders-db-AbCdEf';

// ok: hardcoded-secret
const ADMIN_PASSWORD_HASH = '$2b$12$KIXQJ8n1ZkVxG7cJm1c3OeZr2v3Hq9bQv8w3YH2m2l6pB2W0bq7yW';

export async function seedAdmin(db: { users: { create(u: object): Promise<void> } }) {
  // expect: hardcoded-secret
  await db.users.create({ email: 'admin@acme.io', password: 'admin123', role: 'admin' });
}

export function requireApiKey(req: express.Request, res: express.Response, next: express.NextFunction) {
  // expect: hardcoded-secret
  if (req.headers['x-api-key'] !== 'k3y-9f2c7a1e5b8d4e6f') return res.status(401).end();
  next();
}

// ---- A React component ----

export function LoginForm({ onSubmit }: { onSubmit: (u: string, p: string) => void }) {
  const [password, setPassword] = useState('');
  // ok: hardcoded-secret
  const passwordLabel = 'Password';
  return (
    <form onSubmit={() => onSubmit('me', password)}>
      <label htmlFor="password">{passwordLabel}</label>
      {/* ok: hardcoded-secret */}
      <input id="password" type="password" autoComplete="current-password" placeholder="Enter your password" value={password} onChange={(e) => setPassword(e.target.value)} />
      {/* expect: hardcoded-secret */}
      <MapView apiKey="AIzaSyB7mQ2xL9vR4kN8tW3yZ6cP1dH5sJ0aEfG" center={[52.52, 13.4]} />
      {/* ok: hardcoded-secret */}
      <PaymentForm stripeKey={process.env.NEXT_PUBLIC_STRIPE_KEY} />
    </form>
  );
}

// ---- Test-only code ----

describe('login', () => {
  it('accepts the seeded admin', async () => {
    // ok: hardcoded-secret
    const adminPassword = 'Adm1n!2024';
    // ok: hardcoded-secret
    const token = jwt.sign({ sub: 'admin' }, 'test-secret');
    expect(await login('admin', adminPassword, token)).toBeTruthy();
  });
});

// Known misses, kept visible.
// A bare `key` name is too common (cache keys, React keys, i18n keys) to read as a credential.
// todo-expect: hardcoded-secret
const key = 'a8f5f167f44f4964e6c998dee827110c';

declare function MapView(props: { apiKey: string; center: number[] }): JSX.Element;
declare function PaymentForm(props: { stripeKey?: string }): JSX.Element;
declare function login(user: string, password: string, token: string): Promise<boolean>;
declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;
declare const expect: (value: unknown) => { toBeTruthy(): void };
