// Blind set (more): NestJS enableCors, Fastify, reflected origin with fallback.
import { NestFactory } from '@nestjs/core';
import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
import express from 'express';

export async function bootstrap(AppModule: unknown) {
  const app = await NestFactory.create(AppModule as any);
  // expect: cors-misconfiguration
  app.enableCors({ origin: true, credentials: true });
  await app.listen(3000);
}

export async function bootstrapFixed(AppModule: unknown) {
  const app = await NestFactory.create(AppModule as any);
  // ok: cors-misconfiguration
  app.enableCors({ origin: ['https://app.example.com'], credentials: true });
  await app.listen(3000);
}

const fastify = Fastify();
// expect: cors-misconfiguration
fastify.register(fastifyCors, { origin: '*', credentials: true });

export const app = express();
app.use((req, res, next) => {
  // expect: cors-misconfiguration
  res.setHeader('Access-Control-Allow-Origin', req.header('origin') || '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});
