// Blind set (more): template helpers, JSONP, inline state, Koa/Fastify responses.
'use strict';
const Handlebars = require('handlebars');
const express = require('express');
const Koa = require('koa');
const { marked } = require('marked');
const DOMPurify = require('isomorphic-dompurify');

Handlebars.registerHelper('link', function (text, url) {
  // expect: xss
  return new Handlebars.SafeString('<a href="' + url + '">' + text + '</a>');
});

Handlebars.registerHelper('linkSafe', function (text, url) {
  const e = Handlebars.escapeExpression;
  // ok: xss
  return new Handlebars.SafeString('<a href="' + e(url) + '">' + e(text) + '</a>');
});

const app = express();

app.get('/api/data', (req, res) => {
  const data = { ok: true };
  // expect: xss
  res.send(req.query.callback + '(' + JSON.stringify(data) + ')');
});

app.get('/api/data2', (req, res) => {
  // ok: xss
  res.jsonp({ ok: true });
});

app.get('/page', (req, res) => {
  const state = { user: req.query.user };
  // expect: xss
  res.send(`<html><script>window.__STATE__ = ${JSON.stringify(state)}</script></html>`);
});

app.get('/page2', (req, res) => {
  const state = { user: req.query.user };
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  // ok: xss
  res.send(`<html><script>window.__STATE__ = ${json}</script></html>`);
});

app.post('/render', express.json(), (req, res) => {
  // expect: xss
  res.send(marked.parse(req.body.markdown));
});

app.post('/render2', express.json(), (req, res) => {
  // ok: xss
  res.send(DOMPurify.sanitize(marked.parse(req.body.markdown)));
});

const koa = new Koa();
koa.use(async (ctx) => {
  // expect: xss
  ctx.body = '<p>You searched for ' + ctx.query.q + '</p>';
});

function fastifyRoutes(fastify) {
  fastify.get('/welcome', async (request, reply) => {
    // expect: xss
    reply.type('text/html').send(`<h1>Welcome ${request.query.name}</h1>`);
  });
}

// error page helper used by a static server
function errorPage(res, status, message) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html');
  // todo-expect: xss
  res.end('<!doctype html><title>Error</title><pre>' + message + '</pre>');
}

module.exports = { app, koa, fastifyRoutes, errorPage };
