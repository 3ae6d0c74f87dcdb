// Real-world shapes of cross-site scripting (DOM sinks, jQuery, Express/Koa responses, postMessage, exported UI helpers) each followed by its fix.
const express = require('express');
const escapeHtml = require('escape-html');
const DOMPurify = require('dompurify');

const app = express();

// 1. Express greeting page.
app.get('/hello', (req, res) => {
  // expect: xss
  res.send(`<h1>Hello ${req.query.name}</h1>`);
});
app.get('/hello-fixed', (req, res) => {
  // ok: xss
  res.send(`<h1>Hello ${escapeHtml(req.query.name)}</h1>`);
});

// 2. Search results echoing the term, built over several lines.
app.get('/search', (req, res) => {
  const q = req.query.q;
  let html = '<div class="results">';
  // expect: xss
  html += '<p>No results for ' + q + '</p>';
  html += '</div>';
  res.send(html);
});

// 3. DOM: the fragment written into the page.
function showTab() {
  const tab = location.hash.slice(1);
  // expect: xss
  document.getElementById('title').innerHTML = 'Tab: ' + tab;
}
function showTabFixed() {
  const tab = location.hash.slice(1);
  // ok: xss
  document.getElementById('title').textContent = 'Tab: ' + tab;
}

// 4. document.write of the query string (old analytics snippets).
function writeRef() {
  const params = new URLSearchParams(window.location.search);
  // expect: xss
  document.write('<img src="/pixel?ref=' + params.get('ref') + '">');
}

// 5. postMessage payload into jQuery .html().
function listen($) {
  window.addEventListener('message', (event) => {
    // expect: xss
    $('#notice').html(event.data.message);
  });
  window.addEventListener('message', (event) => {
    if (event.origin !== 'https://app.example.com') return;
    // ok: xss
    $('#notice').text(event.data.message);
  });
}

// 6. An exported UI helper: whoever calls it decides the markup.
function renderInto(el, html) {
  // expect: xss
  el.innerHTML = html;
}
function renderIntoFixed(el, html) {
  // ok: xss
  el.innerHTML = DOMPurify.sanitize(html);
}

// 7. insertAdjacentHTML with a comment from the API.
async function appendComment(list) {
  const response = await fetch('/api/comments/latest');
  const comment = await response.json();
  // expect: xss
  list.insertAdjacentHTML('beforeend', `<li>${comment.author}: ${comment.text}</li>`);
}

// 8. Koa body with request data.
async function koaGreet(ctx) {
  // expect: xss
  ctx.body = `<p>Welcome back, ${ctx.query.user}</p>`;
}
async function koaGreetFixed(ctx) {
  // ok: xss
  ctx.body = `<p>Welcome back, ${escapeHtml(ctx.query.user)}</p>`;
}

// 9. JSON responses are not HTML.
app.get('/api/echo', (req, res) => {
  // ok: xss
  res.json({ q: req.query.q });
});


// 10. jQuery selector built from the fragment: `#<img src=x onerror=alert(1)>` becomes markup.
function openPanel($) {
  // expect: xss
  $(window.location.hash).addClass('open');
}
function openPanelFixed($) {
  const id = window.location.hash.slice(1);
  // ok: xss
  $(document.getElementById(id)).addClass('open');
}

// 11. Express 404 page echoing the path.
app.use((req, res) => {
  // expect: xss
  res.status(404).send('<p>Cannot find ' + req.originalUrl + '</p>');
});

// 12. A tooltip widget: the title option is inserted as markup (the shape of several UI-library advisories).
class Tooltip {
  constructor(element, options) {
    this.element = element;
    this.options = options;
  }
  show() {
    const tip = document.createElement('div');
    // expect: xss
    tip.innerHTML = this.options.title;
    document.body.appendChild(tip);
  }
  setContent(content) {
    // expect: xss
    this.tip.querySelector('.inner').innerHTML = content;
  }
  setContentFixed(content) {
    // ok: xss
    this.tip.querySelector('.inner').textContent = content;
  }
}

// 13. API data written into the page.
async function loadProfile() {
  const res = await fetch('/api/profile');
  const profile = await res.json();
  // expect: xss
  document.querySelector('#bio').innerHTML = profile.bio;
}
async function loadProfileFixed() {
  const res = await fetch('/api/profile');
  const profile = await res.json();
  // ok: xss
  document.querySelector('#bio').textContent = profile.bio;
}

// 14. A Lambda returning an HTML page.
exports.page = async (event) => {
  const name = event.queryStringParameters.name;
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'text/html' },
    // expect: xss
    body: `<html><body><h1>Hello ${name}</h1></body></html>`,
  };
};
exports.pageFixed = async (event) => {
  const name = event.queryStringParameters.name;
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'text/html' },
    // ok: xss
    body: `<html><body><h1>Hello ${escapeHtml(name)}</h1></body></html>`,
  };
};

// 15. A Next.js route handler answering with HTML.
async function GET(request) {
  const q = request.nextUrl.searchParams.get('q');
  // expect: xss
  return new Response(`<p>Results for ${q}</p>`, { headers: { 'Content-Type': 'text/html' } });
}

// 16. Fastify.
function fastifyRoutes(fastify) {
  fastify.get('/echo', async (request, reply) => {
    // expect: xss
    reply.type('text/html').send(`<div>${request.query.msg}</div>`);
  });
}
module.exports = { GET, fastifyRoutes, openPanel, openPanelFixed, Tooltip, loadProfile, loadProfileFixed, showTab, showTabFixed, writeRef, listen, renderInto, renderIntoFixed, appendComment, koaGreet, koaGreetFixed };
