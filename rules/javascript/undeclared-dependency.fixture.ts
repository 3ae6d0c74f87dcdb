import * as path from 'node:path';
import { readFile } from 'fs/promises';
// ok: undeclared-dependency
import express, { type Request, type Response } from 'express';
// ok: undeclared-dependency
import { Pool } from 'pg';
// ok: undeclared-dependency
import { z } from 'zod';
// expect: undeclared-dependency
import rateLimit from 'express-rate-limit';
// expect: undeclared-dependency
import jwt from 'jsonwebtoken';
// ok: undeclared-dependency
import type { QueryResult } from 'pg';
// ok: undeclared-dependency
import { loadConfig } from '@app/config';
// ok: undeclared-dependency
import { formatOrder } from './format-order';
// ok: undeclared-dependency
export { OrderSchema } from 'orders-api/schemas';

// expect: undeclared-dependency
const bcrypt = require('bcryptjs');

const pool = new Pool();
const app = express();
app.use(rateLimit({ windowMs: 60_000, max: 100 }));

app.post('/orders', async (req: Request, res: Response) => {
  const body = z.object({ sku: z.string(), qty: z.number().int().positive() }).parse(req.body);
  const result: QueryResult = await pool.query('INSERT INTO orders (sku, qty) VALUES ($1, $2) RETURNING id', [body.sku, body.qty]);
  res.json(formatOrder(result.rows[0]));
});

export async function loadTemplate(name: string): Promise<string> {
  // expect: undeclared-dependency
  const { marked } = await import('marked');
  return marked.parse(await readFile(path.join(__dirname, 'templates', `${name}.md`), 'utf8'));
}

export function tryColor(text: string): string {
  try {
    // ok: undeclared-dependency
    return require('chalk').green(text);
  } catch {
    return text;
  }
}

export const settings = loadConfig();
export { jwt, bcrypt };
