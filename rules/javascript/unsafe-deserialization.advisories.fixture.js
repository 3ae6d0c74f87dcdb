// Blind set: deserialization that can run code (node-serialize, js-yaml full schema, eval-based parsers).
'use strict';
const express = require('express');
const cookieParser = require('cookie-parser');
const serialize = require('node-serialize');
const yaml = require('js-yaml');
const fs = require('fs');

const app = express();
app.use(cookieParser());

app.get('/profile', (req, res) => {
  const raw = Buffer.from(req.cookies.profile, 'base64').toString();
  // expect: unsafe-deserialization
  const profile = serialize.unserialize(raw);
  res.send('Hello ' + profile.username);
});

app.get('/profile2', (req, res) => {
  const raw = Buffer.from(req.cookies.profile, 'base64').toString();
  // ok: unsafe-deserialization
  const profile = JSON.parse(raw);
  res.json({ name: String(profile.username) });
});

// config loader (vulnerable release: full schema executes !!js/function)
function loadConfig(file) {
  // expect: unsafe-deserialization
  return yaml.load(fs.readFileSync(file, 'utf8'), { schema: yaml.DEFAULT_FULL_SCHEMA });
}

function loadConfigFixed(file) {
  // ok: unsafe-deserialization
  return yaml.load(fs.readFileSync(file, 'utf8'), { schema: yaml.DEFAULT_SAFE_SCHEMA });
}

app.post('/import', express.text(), (req, res) => {
  // expect: unsafe-deserialization
  const data = yaml.load(req.body, { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json(data);
});

// state restore from a query string, eval-based
function restoreState(encoded) {
  const text = decodeURIComponent(encoded);
  // expect: unsafe-deserialization, code-injection
  return eval('(' + text + ')');
}

function restoreStateFixed(encoded) {
  // ok: unsafe-deserialization
  return JSON.parse(decodeURIComponent(encoded));
}

module.exports = { app, loadConfig, loadConfigFixed, restoreState, restoreStateFixed };
