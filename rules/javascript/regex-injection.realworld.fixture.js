// Real-world shapes of regular-expression injection (search endpoints, CLI filters, libraries matching a caller's pattern) each followed by its fix.
const express = require('express');
const escapeStringRegexp = require('escape-string-regexp');
const _ = require('lodash');

const app = express();

// 1. A search box compiled into a RegExp for Mongo or an array filter.
app.get('/search', (req, res) => {
  // expect: regex-injection
  const re = new RegExp(req.query.q, 'i');
  res.json(ITEMS.filter((item) => re.test(item.name)));
});
app.get('/search-fixed', (req, res) => {
  // ok: regex-injection
  const re = new RegExp(_.escapeRegExp(String(req.query.q)), 'i');
  res.json(ITEMS.filter((item) => re.test(item.name)));
});

// 2. Anchored match built from a library parameter: the word is meant literally.
function matchesName(name, s) {
  // expect: regex-injection
  return new RegExp('^' + s + '$').test(name);
}
function matchesNameFixed(name, s) {
  // ok: regex-injection
  return new RegExp('^' + escapeStringRegexp(s) + '$').test(name);
}
function stripPrefix(text, prefix) {
  // expect: regex-injection
  return text.replace(new RegExp(`^${prefix}[-_]?`), '');
}
// A function whose contract is a pattern: the caller hands over a regular expression on purpose.
function compileRule(pattern, flags) {
  // ok: regex-injection
  return new RegExp(`^(?:${pattern})$`, flags);
}

// 3. Highlighting the search term in results.
function highlight(text, term) {
  // expect: regex-injection
  return text.replace(new RegExp(`(${term})`, 'gi'), '<mark>$1</mark>');
}
function highlightFixed(text, term) {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // ok: regex-injection
  return text.replace(new RegExp(`(${escaped})`, 'gi'), '<mark>$1</mark>');
}

// 4. CLI: --grep from argv.
function grepCli(lines) {
  const pattern = process.argv[2];
  // expect: regex-injection
  const re = new RegExp(pattern);
  return lines.filter((l) => re.test(l));
}

// 5. A catastrophic pattern on request input (ReDoS).
app.post('/validate', (req, res) => {
  // expect: regex-injection
  const ok = /^(\w+\s?)*$/.test(req.body.name);
  res.json({ ok });
});
app.post('/validate-fixed', (req, res) => {
  // ok: regex-injection
  const ok = /^[\w\s]{1,64}$/.test(req.body.name);
  res.json({ ok });
});

// 6. A RegExp from a constant list of words.
const WORDS = ['error', 'warn'];
function levelPattern() {
  // ok: regex-injection
  return new RegExp(`\\b(${WORDS.join('|')})\\b`);
}

const ITEMS = [];
const LINES = [];

// 7. String#match with a string compiles it as a regular expression.
app.get('/grep', (req, res) => {
  // expect: regex-injection
  const hits = LINES.filter((line) => line.match(req.query.pattern));
  res.json(hits);
});
app.get('/grep-fixed', (req, res) => {
  const needle = String(req.query.pattern);
  // ok: regex-injection
  const hits = LINES.filter((line) => line.includes(needle));
  res.json(hits);
});

// 8. A replaceAll helper from before String#replaceAll: the search text is meant literally.
function replaceAll(str, search, replacement) {
  // expect: regex-injection
  return str.replace(new RegExp(search, 'g'), replacement);
}
function replaceAllFixed(str, search, replacement) {
  // ok: regex-injection
  return str.split(search).join(replacement);
}
module.exports = { replaceAll, replaceAllFixed, matchesName, matchesNameFixed, stripPrefix, compileRule, highlight, highlightFixed, grepCli, levelPattern };
