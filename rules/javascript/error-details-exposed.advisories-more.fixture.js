// Blind set (more): Koa, Fastify, toString of errors, database errors forwarded.
'use strict';
const Koa = require('koa');
const express = require('express');

const koa = new Koa();
koa.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    // expect: error-details-exposed
    ctx.body = { message: err.message, stack: err.stack };
  }
});

koa.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.app.emit('error', err, ctx);
    // ok: error-details-exposed
    ctx.body = { message: ctx.status < 500 ? err.expose && err.message : 'Internal Server Error' };
  }
});

const app = express();
app.get('/report', (req, res) => {
  req.app.locals.db.query('SELECT * FROM report', (err, rows) => {
    // expect: error-details-exposed
    if (err) return res.status(500).send(err.toString());
    res.json(rows);
  });
});

app.get('/report2', (req, res) => {
  req.app.locals.db.query('SELECT * FROM report', (err, rows) => {
    // ok: error-details-exposed
    if (err) return res.status(500).send('Database error');
    res.json(rows);
  });
});

function fastifyErrors(fastify) {
  fastify.setErrorHandler((error, request, reply) => {
    // expect: error-details-exposed
    reply.status(500).send({ error: error.message, trace: error.stack });
  });
}

module.exports = { koa, app, fastifyErrors };
