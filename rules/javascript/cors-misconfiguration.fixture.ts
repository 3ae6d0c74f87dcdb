// Fixture for cors-misconfiguration: Express, NestJS, socket.io and Fastify setups, hand-written CORS middleware and a Next.js route, as assistants write them.
import express, { type Request, type Response, type NextFunction } from 'express';
import cors from 'cors';
import { NestFactory } from '@nestjs/core';
import { Server } from 'socket.io';
import http from 'node:http';
import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
import { AppModule } from './app.module';

const app = express();

// ---- Credentialed CORS open to any site: reported. ----

app.use(cors({
  // expect: cors-misconfiguration
  origin: true,
  credentials: true,
}));

// expect: cors-misconfiguration
app.use('/api', cors({ origin: '*', credentials: true }));

app.use(cors({
  // expect: cors-misconfiguration
  origin: (origin, callback) => callback(null, true),
  credentials: true,
}));

app.use(cors({
  // expect: cors-misconfiguration
  origin: /example\.com/,
  credentials: true,
}));

app.use((req: Request, res: Response, next: NextFunction) => {
  // expect: cors-misconfiguration
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,DELETE');
  next();
});

export function allowAll(req: Request, res: Response, next: NextFunction) {
  const origin = req.header('Origin');
  // expect: cors-misconfiguration
  res.header('Access-Control-Allow-Origin', origin);
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
}

export function corsHeaders(req: Request, res: Response, next: NextFunction) {
  res.set({
    // expect: cors-misconfiguration
    'Access-Control-Allow-Origin': req.get('origin'),
    'Access-Control-Allow-Credentials': 'true',
  });
  next();
}

export async function bootstrap() {
  const nest = await NestFactory.create(AppModule, {
    // expect: cors-misconfiguration
    cors: { origin: '*', credentials: true },
  });
  // expect: cors-misconfiguration
  nest.enableCors({ origin: true, credentials: true });
  await nest.listen(3000);
}

const io = new Server(http.createServer(app), {
  cors: {
    // expect: cors-misconfiguration
    origin: 'null',
    credentials: true,
  },
});

const fastify = Fastify();
fastify.register(fastifyCors, {
  // expect: cors-misconfiguration
  origin: [/\.myapp\.io/, 'https://myapp.io'],
  credentials: true,
});

export function apiRoute(request: globalThis.Request) {
  const headers = new Headers();
  // expect: cors-misconfiguration
  headers.set('Access-Control-Allow-Origin', request.headers.get('origin') ?? '');
  headers.set('Access-Control-Allow-Credentials', 'true');
  return new globalThis.Response('{}', { headers });
}

// ---- Public APIs without credentials, and checked origins: quiet. ----

// ok: cors-misconfiguration
app.use('/public', cors());

// ok: cors-misconfiguration
app.use('/v1', cors({ origin: '*' }));

app.use(cors({
  // ok: cors-misconfiguration
  origin: ['https://app.example.com', 'https://admin.example.com'],
  credentials: true,
}));

app.use(cors({
  // ok: cors-misconfiguration
  origin: /^https:\/\/([a-z0-9-]+\.)?example\.com$/,
  credentials: true,
}));

const allowedOrigins = (process.env.CORS_ORIGINS ?? '').split(',');
app.use(cors({
  // ok: cors-misconfiguration
  origin: (origin, callback) => {
    if (!origin || allowedOrigins.includes(origin)) return callback(null, true);
    callback(new Error('Not allowed by CORS'));
  },
  credentials: true,
}));

app.use(cors({
  // ok: cors-misconfiguration
  origin: process.env.FRONTEND_URL,
  credentials: true,
}));

export function checkedCors(req: Request, res: Response, next: NextFunction) {
  const origin = req.headers.origin;
  if (origin && allowedOrigins.includes(origin)) {
    // ok: cors-misconfiguration
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
}

// Reflecting without credentials is the same as '*': a public, cookie-less API.
export function publicCors(req: Request, res: Response, next: NextFunction) {
  // ok: cors-misconfiguration
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET');
  next();
}

export async function bootstrapPublic() {
  const nest = await NestFactory.create(AppModule);
  // ok: cors-misconfiguration
  nest.enableCors({ origin: 'https://app.example.com', credentials: true });
  await nest.listen(3000);
}

// ok: cors-misconfiguration
export const fetchOptions: RequestInit = { credentials: 'include', mode: 'cors' };

export { io, fastify };
