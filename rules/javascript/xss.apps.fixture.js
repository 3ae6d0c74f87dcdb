'use strict';
// routes/app.js of a damn-vulnerable Express app, plus a markdown helper and client code.
const express = require('express');
const escapeHtml = require('escape-html');
const app = express();

// Vulnerable: reflected search term.
app.get('/search', (req, res) => {
  // expect: xss
  res.send('<h1>Results for ' + req.query.q + '</h1>');
});

// Fixed: escaped.
app.get('/search2', (req, res) => {
  // ok: xss
  res.send('<h1>Results for ' + escapeHtml(req.query.q) + '</h1>');
});

// Vulnerable: error page echoing a parameter in a template literal.
app.get('/user/:name', (req, res) => {
  // expect: xss
  res.status(404).send(`<p>No user named ${req.params.name}</p>`);
});

// Vulnerable: res.write of a body field.
app.post('/comment', (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html' });
  // expect: xss
  res.write('<div class="comment">' + req.body.text + '</div>');
  res.end();
});

// Fixed: text/plain JSON response.
app.post('/comment2', (req, res) => {
  // ok: xss
  res.json({ text: req.body.text });
});

// Vulnerable: markdown-ish helper passing raw HTML through.
function renderMarkdown(src) {
  return src
    .replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')
    .replace(/\[(.+?)\]\((.+?)\)/g, '<a href="$2">$1</a>');
}
app.get('/preview', (req, res) => {
  // expect: xss
  res.send(renderMarkdown(req.query.md));
});

// Fixed: escape first, then apply the markup.
app.get('/preview2', (req, res) => {
  // ok: xss
  res.send(renderMarkdown(escapeHtml(String(req.query.md))));
});

// Client: profile widget.
function showProfile(profile) {
  const el = document.getElementById('profile');
  // expect: xss
  el.innerHTML = '<h2>' + profile.displayName + '</h2><p>' + profile.bio + '</p>';
}

// Fixed: textContent.
function showProfileSafe(profile) {
  const el = document.getElementById('profile');
  const h = document.createElement('h2');
  // ok: xss
  h.textContent = profile.displayName;
  el.appendChild(h);
}

// Client: message from the URL hash.
function showFlash() {
  const msg = decodeURIComponent(location.hash.slice(1));
  // expect: xss
  document.write('<div class="flash">' + msg + '</div>');
}

// Client: jQuery append of a query parameter.
function showGreeting() {
  const name = new URLSearchParams(location.search).get('name');
  // expect: xss
  $('#greeting').html('Hello ' + name);
}

// Fixed: jQuery text().
function showGreetingSafe() {
  const name = new URLSearchParams(location.search).get('name');
  // ok: xss
  $('#greeting').text('Hello ' + name);
}

module.exports = { app, renderMarkdown, showProfile, showProfileSafe, showFlash, showGreeting, showGreetingSafe };
