// Blind set: XSS in HTML helpers, markdown renderers, directory listings and Express responses.
'use strict';
const express = require('express');
const fs = require('fs');
const escapeHtml = require('escape-html');

function escape(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// markdown link renderer (vulnerable release: href and title unescaped)
function renderLink(href, title, text) {
  // expect: xss
  let out = '<a href="' + href + '"';
  if (title) {
    // expect: xss
    out += ' title="' + title + '"';
  }
  return out + '>' + text + '</a>';
}

function renderLinkFixed(href, title, text) {
  if (/^\s*javascript:/i.test(href)) return text;
  // ok: xss
  let out = '<a href="' + escape(href) + '"';
  if (title) {
    // ok: xss
    out += ' title="' + escape(title) + '"';
  }
  return out + '>' + text + '</a>';
}

// directory listing page in a static server
function listing(req, res, dir) {
  const files = fs.readdirSync(dir);
  const items = files.map((name) => `<li><a href="${req.url}/${name}">${name}</a></li>`).join('');
  // expect: xss
  res.end(`<html><body><h1>Index of ${req.url}</h1><ul>${items}</ul></body></html>`);
}

function listingFixed(req, res, dir) {
  const files = fs.readdirSync(dir);
  const items = files.map((name) => `<li><a href="${escapeHtml(req.url)}/${escapeHtml(name)}">${escapeHtml(name)}</a></li>`).join('');
  // ok: xss
  res.end(`<html><body><h1>Index of ${escapeHtml(req.url)}</h1><ul>${items}</ul></body></html>`);
}

const app = express();

app.get('/hello', (req, res) => {
  // expect: xss
  res.send('<h1>Hello, ' + req.query.name + '!</h1>');
});

app.get('/hello2', (req, res) => {
  // ok: xss
  res.send('<h1>Hello, ' + escapeHtml(req.query.name) + '!</h1>');
});

app.use((req, res) => {
  // expect: xss
  res.status(404).send(`<p>Cannot find ${req.originalUrl}</p>`);
});

app.get('/search', (req, res) => {
  const q = req.query.q || '';
  // expect: xss
  res.write('<div class="results">Results for <b>' + q + '</b></div>');
  res.end();
});

app.get('/search2', (req, res) => {
  const q = req.query.q || '';
  res.type('text/plain');
  // ok: xss
  res.send('Results for ' + q);
});

app.get('/callback', (req, res) => {
  // expect: xss
  res.send(`<script>window.opener.postMessage(${JSON.stringify(req.query)}, '*')</script>`);
});

module.exports = { renderLink, renderLinkFixed, listing, listingFixed, app };
