// Blind set: XPath injection in an XML user store.
'use strict';
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const fs = require('fs');
const express = require('express');

const doc = new DOMParser().parseFromString(fs.readFileSync('users.xml', 'utf8'));
const app = express();

app.post('/login', (req, res) => {
  const { user, pass } = req.body;
  // expect: xpath-injection
  const nodes = xpath.select("//user[name/text()='" + user + "' and password/text()='" + pass + "']", doc);
  res.json({ ok: nodes.length > 0 });
});

app.post('/login2', (req, res) => {
  const { user, pass } = req.body;
  if (!/^[\w.-]+$/.test(user) || !/^[\w.-]+$/.test(pass)) return res.sendStatus(400);
  // ok: xpath-injection
  const nodes = xpath.select("//user[name/text()='" + user + "' and password/text()='" + pass + "']", doc);
  res.json({ ok: nodes.length > 0 });
});

app.get('/users/:name/email', (req, res) => {
  // expect: xpath-injection
  const email = xpath.select1(`string(//user[name='${req.params.name}']/email)`, doc);
  res.send(String(email));
});

module.exports = app;
