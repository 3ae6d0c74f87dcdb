'use strict';
// lib/validators.js and the search routes of a small Express app.
const express = require('express');
const router = express.Router();

// Vulnerable: nested quantifier email check (advisory-style ReDoS).
// expect: regex-injection
const EMAIL_RE = /^([a-zA-Z0-9_\.\-])+\@(([a-zA-Z0-9\-])+\.)+([a-zA-Z0-9]{2,4})+$/;

// Fixed: a linear pattern.
// ok: regex-injection
const EMAIL_RE_SAFE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function isEmail(s) {
  return EMAIL_RE.test(s);
}

// Not catastrophic after all: every repetition starts with a literal '/' or '.', so a string splits only one way.
function isUrl(value) {
  // ok: regex-injection
  return /^(https?:\/\/)?([\w-]+\.)+[\w-]+(\/([\w\-.~])*)*$/.test(value);
}

// Vulnerable: alternation with overlap inside a star, in a header parser.
function parseAuthHeader(header) {
  // expect: regex-injection
  const m = /^Bearer\s+((\w|\d)+)*$/.exec(header);
  return m && m[1];
}

// Vulnerable: user input compiled as a RegExp in a search route.
router.get('/search', (req, res) => {
  // expect: regex-injection
  const re = new RegExp(req.query.q, 'i');
  res.json(items.filter((i) => re.test(i.name)));
});

// Fixed: the input is escaped first.
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
router.get('/search2', (req, res) => {
  // ok: regex-injection
  const re = new RegExp(escapeRegExp(String(req.query.q)), 'i');
  res.json(items.filter((i) => re.test(i.name)));
});

// Vulnerable: a filter option of a library turned into a pattern.
function filterFiles(files, options) {
  // expect: regex-injection
  const pattern = new RegExp('^' + options.prefix + '.*$');
  return files.filter((f) => pattern.test(f));
}

// Vulnerable: mongo-style $regex built from the body (also a ReDoS vector).
router.post('/users/find', async (req, res) => {
  // expect: regex-injection
  const users = await User.find({ name: new RegExp(req.body.name) });
  res.json(users);
});

// Fixed: a plain string match.
router.post('/users/find2', async (req, res) => {
  // ok: regex-injection
  const users = await User.find({ name: String(req.body.name) });
  res.json(users);
});

// Vulnerable: trailing-space trim with overlapping quantifiers, in a markdown helper.
function stripHeading(line) {
  // expect: regex-injection
  return line.replace(/^(#+\s*)+(.*?)(\s*#*\s*)*$/, '$2');
}

// Fixed.
function stripHeadingSafe(line) {
  // ok: regex-injection
  return line.replace(/^#+\s*/, '').replace(/\s*#*$/, '');
}

const items = [];
const User = { find: async () => [] };
module.exports = { router, isEmail, isUrl, parseAuthHeader, filterFiles, stripHeading, stripHeadingSafe, EMAIL_RE_SAFE };
