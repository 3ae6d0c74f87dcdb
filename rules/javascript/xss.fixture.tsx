import express from 'express';
import DOMPurify from 'dompurify';
import Handlebars from 'handlebars';
import escapeHtml from 'escape-html';
import logoSvg from './logo.svg?raw';

const app = express();

app.get('/hello', (req, res) => {
  // expect: xss
  res.send(`<h1>Hello ${req.query.name}</h1>`);
});

app.get('/users/:id', async (req, res) => {
  const user = await findUser(req.params.id);
  // expect: xss
  if (!user) return res.status(404).send('No user with id ' + req.params.id);
  res.json(user);
});

app.get('/search', (req, res) => {
  const q = req.query.q;
  // expect: xss
  res.write('<p>Results for ' + q + '</p>');
  res.end();
});

function renderComments(list: HTMLElement, comments: { author: string; body: string }[]) {
  for (const c of comments) {
    // expect: xss
    list.innerHTML += `<li><b>${c.author}</b>: ${c.body}</li>`;
  }
}

function showSearchTerm() {
  const params = new URLSearchParams(window.location.search);
  const term = params.get('q');
  // expect: xss
  document.getElementById('term')!.innerHTML = term;
}

function showHash() {
  // expect: xss
  document.write('<div>' + decodeURIComponent(location.hash.slice(1)) + '</div>');
}

function notify(message: string) {
  const toast = document.createElement('div');
  // expect: xss
  toast.innerHTML = `<span class="toast">${message}</span>`;
  document.body.appendChild(toast);
}

function addRow(table: HTMLTableElement, name: string) {
  // expect: xss
  table.insertAdjacentHTML('beforeend', '<tr><td>' + name + '</td></tr>');
}

function renderTitle($el: any, title: string) {
  // expect: xss
  $el.html(`<h2>${title}</h2>`);
}

Handlebars.registerHelper('link', (url: string, text: string) => {
  // expect: xss
  return new Handlebars.SafeString(`<a href="${url}">${text}</a>`);
});

export function Post({ post }: { post: { html: string } }) {
  // expect: xss
  return <article dangerouslySetInnerHTML={{ __html: post.html }} />;
}

export function Preview({ markdown }: { markdown: string }) {
  const html = marked(markdown);
  // expect: xss
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}

// ---- negatives ----

app.get('/hello-safe', (req, res) => {
  // ok: xss
  res.send(`<h1>Hello ${escapeHtml(req.query.name)}</h1>`);
});

app.get('/api/echo', (req, res) => {
  // ok: xss
  res.json({ echo: req.query.text });
});

app.get('/plain', (req, res) => {
  res.type('text/plain');
  // ok: xss
  res.send('You searched for ' + req.query.q);
});

function renderCount(badge: HTMLElement, count: number) {
  // ok: xss
  badge.innerHTML = `<span class="badge">${count}</span>`;
}

function clear(list: HTMLElement) {
  // ok: xss
  list.innerHTML = '';
}

function setName(el: HTMLElement, name: string) {
  // ok: xss
  el.textContent = name;
}

function renderSafe(el: HTMLElement, html: string) {
  // ok: xss
  el.innerHTML = DOMPurify.sanitize(html);
}

function renderTemplate(el: HTMLElement, items: string[]) {
  // ok: xss
  el.innerHTML = `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}

export function Logo() {
  // ok: xss
  return <span dangerouslySetInnerHTML={{ __html: logoSvg }} />;
}

export function JsonLd({ data }: { data: object }) {
  // ok: xss
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data) }} />;
}

export function Clean({ html }: { html: string }) {
  // ok: xss
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;
}

app.get('/status', (req, res) => {
  const uptime = process.uptime();
  // ok: xss
  res.send(`<p>Up for ${uptime} seconds</p>`);
});

function setIcon(el: HTMLElement, kind: 'ok' | 'error') {
  // ok: xss
  el.innerHTML = `<i class="icon-${kind}"></i>`;
}

app.get('/count', (req, res) => {
  const n = parseInt(req.query.n as string, 10);
  // ok: xss
  res.send('<b>' + n + '</b>');
});

describe('renderer', () => {
  it('renders markup', () => {
    const name = 'x';
    // ok: xss
    document.body.innerHTML = `<div id="root">${name}</div>`;
  });
});

function parsed(text: string) {
  // ok: xss
  return new DOMParser().parseFromString(`<p>${text}</p>`, 'text/html').body.textContent;
}
