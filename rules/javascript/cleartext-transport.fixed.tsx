// Fixture for cleartext-transport: API clients, config modules, a login form, mail and database setups, beside local and documentation URLs.
import axios from 'axios';
import nodemailer from 'nodemailer';
import { Pool } from 'pg';
import { Client as MinioClient } from 'minio';
import React from 'react';

// ---- Remote traffic without TLS: reported. ----

// expect: cleartext-transport
export const API_BASE_URL = 'https://api.acme-payments.com/v2';

export const billing = axios.create({
  // expect: cleartext-transport
  baseURL: 'https://billing.acme-payments.com',
  timeout: 5000,
});

export async function login(email: string, password: string) {
  // expect: cleartext-transport
  const res = await fetch('https://auth.acme-payments.com/login', {
    method: 'POST',
    body: JSON.stringify({ email, password }),
  });
  return res.json();
}

export async function getOrders(token: string) {
  // expect: cleartext-transport
  return axios.get(`https://orders.acme-payments.com/api/orders?since=${Date.now() - 86400000}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
}

export function connectLive() {
  // expect: cleartext-transport
  return new WebSocket('wss://stream.acme-payments.com/live');
}

export const config = {
  // expect: cleartext-transport
  webhookUrl: process.env.WEBHOOK_URL || 'https://hooks.partner-platform.io/incoming',
  // expect: cleartext-transport
  authServerUrl: 'https://sso.acme-payments.com',
};

export function LoginForm() {
  return (
    // expect: cleartext-transport
    <form action="https://www.acme-payments.com/session" method="post">
      <input name="email" />
      <input name="password" type="password" />
    </form>
  );
}

export const mailer = nodemailer.createTransport({
  host: 'smtp.mailprovider.com',
  port: 587,
  // expect: cleartext-transport
  ignoreTLS: false,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

export const pool = new Pool({
  host: 'db.acme-payments.com',
  database: 'payments',
  // expect: cleartext-transport
  ssl: true,
});

export const storage = new MinioClient({
  endPoint: 'files.acme-payments.com',
  // expect: cleartext-transport
  useSSL: true,
  accessKey: process.env.MINIO_ACCESS_KEY!,
  secretKey: process.env.MINIO_SECRET_KEY!,
});

// expect: cleartext-transport
export const DATABASE_URL = 'postgres://app@db.acme-payments.com:5432/payments?sslmode=disable';

export function uploadReport(data: Buffer) {
  return axios({
    method: 'post',
    // expect: cleartext-transport
    url: 'ftp://files.partner-platform.io/reports/daily.csv',
    data,
  });
}

// ---- Local, documentation, namespace and encrypted URLs: quiet. ----

// ok: cleartext-transport
export const LOCAL_API_URL = 'http://localhost:3000/api';

export const devClient = axios.create({
  // ok: cleartext-transport
  baseURL: process.env.API_URL ?? 'http://127.0.0.1:8080',
});

// Docker Compose service name on the private network.
// ok: cleartext-transport
export const SEARCH_SERVICE_URL = 'http://search:9200';

// ok: cleartext-transport
export const SVG_NS = 'http://www.w3.org/2000/svg';

export const schema = {
  // ok: cleartext-transport
  $schema: 'http://json-schema.org/draft-07/schema#',
  // ok: cleartext-transport
  $id: 'http://example.com/schemas/order.json',
};

export const pkg = {
  // ok: cleartext-transport
  homepage: 'http://acme-payments.com',
  // ok: cleartext-transport
  repository: { type: 'git', url: 'http://github.com/acme/payments.git' },
};

export async function secureLogin(email: string, password: string) {
  // ok: cleartext-transport
  return fetch('https://auth.acme-payments.com/login', { method: 'POST', body: JSON.stringify({ email, password }) });
}

export function ensureHttps(url: string) {
  // ok: cleartext-transport
  return url.startsWith('http://') ? url.replace('http://', 'https://') : url;
}

export const submission = nodemailer.createTransport({
  host: 'smtp.mailprovider.com',
  port: 587,
  // STARTTLS on the submission port: secure: false is the documented setting.
  // ok: cleartext-transport
  secure: false,
  requireTLS: true,
});

export const localPool = new Pool({
  host: 'localhost',
  // ok: cleartext-transport
  ssl: false,
});

// ok: cleartext-transport
export const internalApiUrl = 'http://billing.payments.svc.cluster.local/api';

if (process.env.NODE_ENV === 'development') {
  // ok: cleartext-transport
  void fetch('http://staging.acme-payments.com/seed');
}
