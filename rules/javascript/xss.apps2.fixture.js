'use strict';
// Koa and Fastify handlers plus an HTML helper library (link/badge builders), as in small npm packages.
const Koa = require('koa');
const Router = require('@koa/router');
const fastify = require('fastify')();
const escapeHtml = require('escape-html');

const app = new Koa();
const router = new Router();

// Vulnerable: Koa body built from the query.
router.get('/hello', (ctx) => {
  ctx.type = 'html';
  // expect: xss
  ctx.body = `<p>Hello ${ctx.query.name}</p>`;
});

// Fixed.
router.get('/hello2', (ctx) => {
  ctx.type = 'html';
  // ok: xss
  ctx.body = `<p>Hello ${escapeHtml(ctx.query.name)}</p>`;
});

// Vulnerable: Fastify reply of an HTML page with a param.
fastify.get('/items/:id', async (request, reply) => {
  // expect: xss
  reply.type('text/html').send('<h2>Item ' + request.params.id + ' not found</h2>');
});

// Fixed: numeric id.
fastify.get('/items2/:id', async (request, reply) => {
  const id = Number(request.params.id);
  // ok: xss
  reply.type('text/html').send('<h2>Item ' + id + ' not found</h2>');
});

// Vulnerable: raw http server echoing the path in a 404 page.
require('http').createServer((req, res) => {
  res.writeHead(404, { 'Content-Type': 'text/html' });
  // expect: xss
  res.end('<h1>Not found: ' + decodeURIComponent(req.url) + '</h1>');
}).listen(3000);

// Library: builds an anchor from its arguments without escaping (the advisory shape).
function link(text, href, options = {}) {
  const cls = options.className ? ` class="${options.className}"` : '';
  // expect: xss
  return '<a href="' + href + '"' + cls + '>' + text + '</a>';
}

// Fixed release.
function linkSafe(text, href, options = {}) {
  const cls = options.className ? ` class="${escapeHtml(options.className)}"` : '';
  // ok: xss
  return '<a href="' + escapeHtml(href) + '"' + cls + '>' + escapeHtml(text) + '</a>';
}

// Client: notification toast inserting server-provided text.
function toast(message) {
  const box = document.querySelector('#toasts');
  // expect: xss
  box.insertAdjacentHTML('beforeend', `<div class="toast">${message}</div>`);
}

// Client: search box echo.
function renderSearch() {
  const q = new URLSearchParams(window.location.search).get('q');
  // expect: xss
  document.querySelector('.results-title').innerHTML = `Results for <b>${q}</b>`;
}

// Fixed.
function renderSearchSafe() {
  const q = new URLSearchParams(window.location.search).get('q');
  // ok: xss
  document.querySelector('.results-title').textContent = `Results for ${q}`;
}

// Client: outerHTML of a comment from a websocket message.
function onComment(event) {
  const data = JSON.parse(event.data);
  const el = document.getElementById('c-' + data.id);
  // expect: xss
  el.outerHTML = '<li>' + data.text + '</li>';
}

app.use(router.routes());
module.exports = { app, fastify, link, linkSafe, toast, renderSearch, renderSearchSafe, onComment };
