// Blind set (more): mailers, database clients, fetch agents.
import nodemailer from 'nodemailer';
import { Pool } from 'pg';
import https from 'node:https';
import fetch from 'node-fetch';

export const transporter = nodemailer.createTransport({
  host: 'smtp.example.com',
  port: 587,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
  // expect: tls-verification-disabled
  tls: { rejectUnauthorized: false },
});

export const transporterFixed = nodemailer.createTransport({
  host: 'smtp.example.com',
  port: 587,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
  // ok: tls-verification-disabled
  tls: { minVersion: 'TLSv1.2' },
});

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  // expect: tls-verification-disabled
  ssl: { rejectUnauthorized: false },
});

export const poolFixed = new Pool({
  connectionString: process.env.DATABASE_URL,
  // ok: tls-verification-disabled
  ssl: { rejectUnauthorized: true, ca: process.env.PG_CA },
});

export async function getInternal(url: string) {
  // expect: tls-verification-disabled
  return fetch(url, { agent: new https.Agent({ rejectUnauthorized: false }) });
}
