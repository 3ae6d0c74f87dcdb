const express = require('express');
const escapeStringRegexp = require('escape-string-regexp');
const _ = require('lodash');

const app = express();

app.get('/api/products', async (req, res) => {
  // expect: regex-injection
  const re = new RegExp(String(req.query.search).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  res.json(products.filter((p) => re.test(p.name)));
});

app.get('/api/users', async (req, res) => {
  const { name } = req.query;
  // expect: regex-injection
  const users = await User.find({ name: { $regex: new RegExp('^' + String(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) } });
  res.json(users);
});

app.post('/validate', (req, res) => {
  const pattern = req.body.pattern;
  // expect: regex-injection
  const ok = RegExp(String(pattern).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).test(req.body.value);
  res.json({ ok });
});

function highlight(text, query) {
  // expect: regex-injection
  return text.replace(new RegExp(`(${String(query).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'gi'), '<mark>$1</mark>');
}

function filterRows(rows, searchTerm) {
  // expect: regex-injection
  const matcher = new RegExp('\\b' + String(searchTerm).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\b', 'i');
  return rows.filter((r) => matcher.test(r.title));
}

// Classic ReDoS shapes in validation code.
// expect: regex-injection
const emailPattern = /^([a-zA-Z0-9_\.\-])+\@(([a-zA-Z0-9\-])+\.)+([a-zA-Z0-9]{2,4})+$/;

function isValidSlug(slug) {
  // expect: regex-injection
  return /^(\w+\s?)*$/.test(slug);
}

function parseVersion(version) {
  // expect: regex-injection
  return /^(\d+\.?)+$/.exec(version);
}

// expect: regex-injection
const trailing = new RegExp('(\\s*)+$');

function stripComments(source) {
  // expect: regex-injection
  return source.replace(/\/\*(.|\s)*?\*\//g, '');
}

app.get('/logs', (req, res) => {
  const level = req.query.level;
  // expect: regex-injection
  const lines = log.split('\n').filter((l) => l.match(new RegExp(`\\[${String(level).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]`)));
  res.json(lines);
});

function makeMatcher(keywords) {
  // expect: regex-injection
  return new RegExp(String(keywords.split(' ').join('|')).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

// ---- negatives ----

app.get('/api/products-safe', async (req, res) => {
  // ok: regex-injection
  const re = new RegExp(_.escapeRegExp(req.query.search), 'i');
  res.json(products.filter((p) => re.test(p.name)));
});

function highlightSafe(text, query) {
  // ok: regex-injection
  return text.replace(new RegExp(`(${escapeStringRegexp(query)})`, 'gi'), '<mark>$1</mark>');
}

function escapedInline(term) {
  const safe = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // ok: regex-injection
  return new RegExp(safe, 'i');
}

const WORD = 'error';
// ok: regex-injection
const constantRe = new RegExp(`\\b${WORD}\\b`);

function compileGlob(glob) {
  // A library's own pattern argument, not user text by name: left to review.
  // ok: regex-injection
  return new RegExp('^' + glob.replace(/\*/g, '.*') + '$');
}

// ok: regex-injection
const csvLine = /^(\s*"[^"]*"\s*,)*\s*"[^"]*"\s*$/;

// ok: regex-injection
const semver = /^(\d+)\.(\d+)\.(\d+)(?:-([\w.-]+))?(?:\+([\w.-]+))?$/;

// ok: regex-injection
const words = /(\w+\s)*/;

// ok: regex-injection
const kebab = /^[a-z]+(-[a-z]+)*$/;

function byPrefix(items, prefixLength) {
  const n = Number(prefixLength);
  // ok: regex-injection
  return items.filter((i) => new RegExp(`^.{${n}}`).test(i));
}

describe('search', () => {
  it('matches', () => {
    const query = 'a+';
    // ok: regex-injection
    expect(new RegExp(query).test('aaa')).toBe(true);
  });
});

// ok: regex-injection
const ipv4 = /^(\d{1,3}\.){3}\d{1,3}$/;

app.get('/flags', (req, res) => {
  const flags = req.query.caseSensitive === 'true' ? 'g' : 'gi';
  // ok: regex-injection
  res.json({ re: new RegExp('todo', flags).source });
});
