// Blind set: ReDoS in validators and parsers (catastrophic literals) and input compiled as a RegExp.
'use strict';
const express = require('express');

// email validator with nested quantifiers (vulnerable release)
function isEmail(str) {
  // expect: regex-injection
  return /^([a-zA-Z0-9_.-])+@(([a-zA-Z0-9-])+\.)+([a-zA-Z0-9]{2,4})+$/.test(str);
}

function isEmailFixed(str) {
  if (str.length > 254) return false;
  // ok: regex-injection
  return /^[a-zA-Z0-9_.-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9]{2,24}$/.test(str);
}

// hostname validator: optional separator inside a repeated group
// expect: regex-injection
const HOSTNAME = /^([a-z0-9]+-?)*[a-z0-9]+(\.[a-z0-9]+)*$/i;
// ok: regex-injection
const HOSTNAME_FIXED = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function isHostname(value) {
  return HOSTNAME.test(value) && HOSTNAME_FIXED.test(value);
}

// words-with-spaces validator
function isTitle(title) {
  // expect: regex-injection
  const re = new RegExp('^(\\w+\\s?)*$');
  return re.test(title);
}

function isTitleFixed(title) {
  // ok: regex-injection
  const re = /^\w+(?: \w+)*$/;
  return re.test(title);
}

// header parser with ambiguous repetition
function parseLinkHeader(header) {
  // expect: regex-injection
  const m = header.match(/^(\s*<[^>]*>\s*;(\s*\w+=("[^"]*"|[^,]*))*\s*,?)*$/);
  return m ? header.split(',') : [];
}

// user-agent like parser: (a|a)* style alternation overlap
// expect: regex-injection
const VERSION = /(\d+|\d+\.\d+)*-beta/;
// ok: regex-injection
const VERSION_FIXED = /(\d+(?:\.\d+)*)-beta/;

// markdown-ish inline code: (.*)* nested star
function stripComments(css) {
  // expect: regex-injection
  return css.replace(/\/\*(.|\s)*?\*\//g, '');
}

function stripCommentsFixed(css) {
  // ok: regex-injection
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

// trailing-whitespace trim, quadratic on long runs of spaces
function trimEnd(str) {
  // expect: regex-injection
  return str.replace(/\s+$/, '');
}

function trimEndFixed(str) {
  let end = str.length;
  while (end > 0 && /\s/.test(str[end - 1])) end--;
  // ok: regex-injection
  return str.slice(0, end);
}

// search helper compiles the caller's text
function findMatching(items, query) {
  // expect: regex-injection
  const re = new RegExp(query, 'i');
  return items.filter((item) => re.test(item.name));
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findMatchingFixed(items, query) {
  // ok: regex-injection
  const re = new RegExp(escapeRegExp(query), 'i');
  return items.filter((item) => re.test(item.name));
}

const app = express();

app.get('/search', (req, res) => {
  // expect: regex-injection
  const pattern = new RegExp(req.query.q, 'i');
  res.json(['alpha', 'beta'].filter((w) => pattern.test(w)));
});

app.get('/search2', (req, res) => {
  // ok: regex-injection
  const pattern = new RegExp(escapeRegExp(String(req.query.q)), 'i');
  res.json(['alpha', 'beta'].filter((w) => pattern.test(w)));
});

app.get('/highlight', (req, res) => {
  const term = req.query.term;
  // expect: regex-injection
  const text = 'some document'.replace(new RegExp('(' + term + ')', 'gi'), '<b>$1</b>');
  res.send(text);
});

module.exports = { isEmail, isEmailFixed, isHostname, isTitle, isTitleFixed, parseLinkHeader, VERSION, VERSION_FIXED, stripComments, stripCommentsFixed, trimEnd, trimEndFixed, findMatching, findMatchingFixed, app };
