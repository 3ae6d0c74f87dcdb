// Real-world shapes for tls-verification-disabled: agents, HTTP clients, drivers and the process-wide switch, and the CA-based fixes.
const https = require('https');
const tls = require('tls');
const fs = require('fs');
const axios = require('axios');
const got = require('got');
const request = require('request');
const { Pool } = require('pg');
const { MongoClient } = require('mongodb');

// expect: tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

// expect: tls-verification-disabled
const agent = new https.Agent({ rejectUnauthorized: false });
// ok: tls-verification-disabled
const agentFixed = new https.Agent({ ca: fs.readFileSync('/etc/ssl/internal-ca.pem') });

const client = axios.create({
  baseURL: 'https://internal.api.corp',
  // expect: tls-verification-disabled
  httpsAgent: new https.Agent({ rejectUnauthorized: false }),
});

async function fetchWithGot(url) {
  // expect: tls-verification-disabled
  return got(url, { https: { rejectUnauthorized: false } }).json();
}

function legacyRequest(url, cb) {
  // expect: tls-verification-disabled
  request({ url, strictSSL: false, json: true }, cb);
}

function connectTls(host, port) {
  // expect: tls-verification-disabled
  return tls.connect({ host, port, rejectUnauthorized: false });
}

function connectTlsFixed(host, port) {
  // ok: tls-verification-disabled
  return tls.connect({ host, port, ca: fs.readFileSync('ca.pem'), rejectUnauthorized: true });
}

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  // expect: tls-verification-disabled
  ssl: { rejectUnauthorized: false },
});

const poolFixed = new Pool({
  connectionString: process.env.DATABASE_URL,
  // ok: tls-verification-disabled
  ssl: { ca: fs.readFileSync('rds-ca.pem').toString() },
});

// expect: tls-verification-disabled
const mongo = new MongoClient(process.env.MONGO_URL, { tls: true, tlsAllowInvalidCertificates: true });

const allowSelfSigned = process.env.ALLOW_SELF_SIGNED === 'true';
// ok: tls-verification-disabled
const agentConfigurable = new https.Agent({ rejectUnauthorized: !allowSelfSigned });

const nodemailer = require('nodemailer');
const mailer = nodemailer.createTransport({
  host: 'smtp.acmeinc.net',
  port: 587,
  // expect: tls-verification-disabled
  tls: { rejectUnauthorized: false },
});

const ws = new (require('ws'))('wss://feed.acmeinc.net', {
  // expect: tls-verification-disabled
  rejectUnauthorized: false,
});

function spawnInstaller(spawn) {
  // expect: tls-verification-disabled
  return spawn('npm', ['install'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });
}

// expect: tls-verification-disabled
https.globalAgent.options.rejectUnauthorized = false;

module.exports = { agent, agentFixed, client, fetchWithGot, legacyRequest, connectTls, connectTlsFixed, pool, poolFixed, mongo, agentConfigurable };
