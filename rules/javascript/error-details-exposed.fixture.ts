// Fixture for error-details-exposed: Express routes and error middleware, a Koa app, a Next.js route and a NestJS service, sending errors to clients.
import express, { type Request, type Response, type NextFunction } from 'express';
import { NextResponse } from 'next/server';
import { InternalServerErrorException, BadRequestException } from '@nestjs/common';
import type { Context } from 'koa';
import { z } from 'zod';
import { db } from './db';
import { logger } from './logger';

const app = express();

// ---- Error details sent to the client: reported. ----

app.get('/orders/:id', async (req: Request, res: Response) => {
  try {
    res.json(await db.orders.findById(String(req.params.id)));
  } catch (err) {
    // expect: error-details-exposed
    res.status(500).send((err as Error).stack);
  }
});

app.post('/reports', async (req: Request, res: Response) => {
  try {
    res.json(await db.reports.generate(String(req.body.range)));
  } catch (error: any) {
    // expect: error-details-exposed
    res.status(500).json({ error: error.message });
  }
});

app.get('/export', (req: Request, res: Response) => {
  db.exports.run(String(req.query.format))
    .then((file: string) => res.download(file))
    // expect: error-details-exposed
    .catch((err: Error) => res.status(500).json({ message: 'Export failed', details: err }));
});

app.get('/legacy', (req: Request, res: Response) => {
  db.legacy.query(String(req.query.q), (err: any, rows: unknown[]) => {
    // expect: error-details-exposed
    if (err) return res.send('Database error: ' + err);
    res.json(rows);
  });
});

app.use((err: any, req: Request, res: Response, _next: NextFunction) => {
  logger.error(err);
  res.status(err.status || 500).json({
    // expect: error-details-exposed
    message: err.message,
    // expect: error-details-exposed
    stack: err.stack,
  });
});

export function handler(err: Error, req: Request, res: Response, next: NextFunction) {
  // expect: error-details-exposed
  res.status(500).send(`<pre>${err.stack}</pre>`);
}

export async function koaErrors(ctx: Context, next: () => Promise<void>) {
  try {
    await next();
  } catch (e: any) {
    ctx.status = 500;
    // expect: error-details-exposed
    ctx.body = { error: e.message, stack: e.stack };
  }
}

export async function GET() {
  try {
    return NextResponse.json(await db.stats.summary());
  } catch (error) {
    // expect: error-details-exposed
    return NextResponse.json({ error: String(error) }, { status: 500 });
  }
}

export class PaymentsService {
  async charge(amount: number) {
    try {
      return await db.payments.charge(amount);
    } catch (error: any) {
      // expect: error-details-exposed
      throw new InternalServerErrorException(error.message);
    }
  }
}

app.post('/upload', async (req: Request, res: Response) => {
  try {
    res.json(await db.files.save({ name: req.body.name }));
  } catch (e) {
    // expect: error-details-exposed
    res.status(500).send(e);
  }
});

// ---- Generic messages, client errors and development-only detail: quiet. ----

app.get('/users/:id', async (req: Request, res: Response) => {
  try {
    res.json(await db.users.findById(String(req.params.id)));
  } catch (err) {
    logger.error({ err }, 'failed to load user');
    // ok: error-details-exposed
    res.status(500).json({ error: 'Internal Server Error' });
  }
});

const Signup = z.object({ email: z.string().email() });
app.post('/signup', async (req: Request, res: Response) => {
  try {
    const input = Signup.parse(req.body);
    res.status(201).json(await db.users.create({ email: input.email }));
  } catch (err: any) {
    // A validation message written for the client.
    // ok: error-details-exposed
    res.status(400).json({ error: err.message });
  }
});

app.use((err: any, req: Request, res: Response, _next: NextFunction) => {
  res.status(err.status ?? 500).json({
    // ok: error-details-exposed
    message: err.expose ? err.message : 'Internal Server Error',
    // ok: error-details-exposed
    ...(process.env.NODE_ENV === 'development' && { stack: err.stack }),
  });
});

app.use((err: any, req: Request, res: Response, _next: NextFunction) => {
  if (err instanceof z.ZodError) {
    // ok: error-details-exposed
    return res.status(422).json({ error: err.message });
  }
  // ok: error-details-exposed
  res.status(500).json({ error: 'Something went wrong', requestId: req.headers['x-request-id'] });
});

export class UsersService {
  async find(id: string) {
    try {
      return await db.users.findById(id);
    } catch (error: any) {
      // ok: error-details-exposed
      throw new BadRequestException(error.message);
    }
  }
}

app.get('/health', async (_req: Request, res: Response) => {
  const message = await db.ping();
  // ok: error-details-exposed
  res.json({ status: 'ok', message });
});

app.get('/debug', (req: Request, res: Response) => {
  try {
    res.json(db.inspect());
  } catch (err: any) {
    // ok: error-details-exposed
    res.status(500).json({ error: process.env.NODE_ENV === 'production' ? 'Internal Server Error' : err.message });
  }
});

export function logOnly(err: Error, req: Request, res: Response, next: NextFunction) {
  // ok: error-details-exposed
  logger.error(err.stack);
  res.sendStatus(500);
}

describe('error handler', () => {
  it('returns the stack in tests', () => {
    try {
      throw new Error('boom');
    } catch (err: any) {
      // ok: error-details-exposed
      res.status(500).send(err.stack);
    }
  });
});

declare const res: Response;
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => void): void;
