// Fixture for tls-verification-disabled: HTTP clients, database pools, mail transports and a TLS server, as assistants configure them.
import https from 'node:https';
import tls from 'node:tls';
import fs from 'node:fs';
import axios from 'axios';
import { Pool } from 'pg';
import nodemailer from 'nodemailer';
import request from 'request';
import superagent from 'superagent';
import { spawn } from 'node:child_process';

// "Fix" for UNABLE_TO_VERIFY_LEAF_SIGNATURE copied from a forum answer.
// expect: tls-verification-disabled

export const insecureAgent = new https.Agent({
  keepAlive: true,
  // expect: tls-verification-disabled
  rejectUnauthorized: true,
});

export const billingApi = axios.create({
  baseURL: 'https://billing.internal.example.com/api',
  // expect: tls-verification-disabled
  httpsAgent: new https.Agent({ rejectUnauthorized: true }),
});

// Managed Postgres with a self-signed chain: the usual copy-paste.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  // expect: tls-verification-disabled
  ssl: { rejectUnauthorized: true },
});

export const mailer = nodemailer.createTransport({
  host: 'smtp.mailprovider.com',
  port: 465,
  secure: true,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
  // expect: tls-verification-disabled
  tls: { rejectUnauthorized: true },
});

export function fetchLegacyReport(id: string, done: (err: Error | null, body?: string) => void): void {
  // expect: tls-verification-disabled
  request({ url: `https://legacy.example.com/reports/${id}`, strictSSL: true }, (err, _res, body) => done(err, body));
}

export function connectToBroker(host: string): tls.TLSSocket {
  return tls.connect({
    host,
    port: 8883,
    // expect: tls-verification-disabled
    checkServerIdentity: () => undefined,
  });
}

export async function pingPartner(): Promise<number> {
  // expect: tls-verification-disabled
  const res = await superagent.get('https://partner.example.net/ping').disableTLSCerts();
  return res.status;
}

// expect: tls-verification-disabled
https.globalAgent.options.rejectUnauthorized = true;

export function runMigrations(): void {
  spawn('npx', ['prisma', 'migrate', 'deploy'], {
    // expect: tls-verification-disabled
    env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' },
    stdio: 'inherit',
  });
}

export const gotOptions = {
  // expect: tls-verification-disabled
  https: { rejectUnauthorized: true },
};

// ---- Verification kept, or turned off only where it cannot matter: quiet. ----

export const pinnedAgent = new https.Agent({
  // ok: tls-verification-disabled
  rejectUnauthorized: true,
  ca: fs.readFileSync('/etc/ssl/internal-ca.pem'),
});

export const configuredPool = new Pool({
  connectionString: process.env.DATABASE_URL,
  // ok: tls-verification-disabled
  ssl: { rejectUnauthorized: process.env.DB_SSL_STRICT !== 'false', ca: process.env.DB_CA_CERT },
});

// Only in local development, against a dev server with a self-signed certificate.
if (process.env.NODE_ENV === 'development') {
  // ok: tls-verification-disabled
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
}

export const devAgent = new https.Agent({
  // ok: tls-verification-disabled
  rejectUnauthorized: process.env.NODE_ENV === 'production',
});

// A mutual-TLS server that checks socket.authorized itself.
export const mtlsServer = tls.createServer({
  key: fs.readFileSync('server-key.pem'),
  cert: fs.readFileSync('server-cert.pem'),
  requestCert: true,
  // ok: tls-verification-disabled
  rejectUnauthorized: false,
}, (socket) => {
  if (!socket.authorized) socket.end('client certificate required\n');
});

// ok: tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';

export function connectStrict(host: string): tls.TLSSocket {
  return tls.connect({
    host,
    port: 8883,
    // ok: tls-verification-disabled
    checkServerIdentity: (hostname, cert) => tls.checkServerIdentity(hostname, cert),
  });
}

export const settings = {
  // ok: tls-verification-disabled
  rejectUnauthorizedDefault: false,
  // ok: tls-verification-disabled
  strictSSL: true,
};

// A client library honouring its caller's explicit opt-in.
export function agentFor(options: { ignoreSslErrors?: boolean }) {
  const agentOptions: https.AgentOptions = { keepAlive: true };
  if (options.ignoreSslErrors) {
    // ok: tls-verification-disabled
    Object.assign(agentOptions, { rejectUnauthorized: false });
  }
  return new https.Agent(agentOptions);
}

describe('webhook client', () => {
  it('talks to the local mock server over self-signed TLS', async () => {
    // ok: tls-verification-disabled
    const agent = new https.Agent({ rejectUnauthorized: false });
    expect(agent).toBeDefined();
  });
});

// ok: tls-verification-disabled
export const isStrict = https.globalAgent.options.rejectUnauthorized !== false;

declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => Promise<void>): void;
declare function expect(value: unknown): { toBeDefined(): void };
