// Real-world shapes of XPath injection (xpath + xmldom, libxmljs) each followed by its fix.
const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const fs = require('fs');

const app = express();
app.use(express.json());
const doc = new DOMParser().parseFromString(fs.readFileSync('users.xml', 'utf8'), 'text/xml');

// 1. Login against an XML user store.
app.post('/login', (req, res) => {
  const { user, pass } = req.body;
  // expect: xpath-injection
  const nodes = xpath.select(`//user[name='${user}' and password='${pass}']`, doc);
  res.json({ ok: nodes.length > 0 });
});
app.post('/login-fixed', (req, res) => {
  const { user, pass } = req.body;
  if (!/^\w+$/.test(user) || !/^\w+$/.test(pass)) return res.status(400).end();
  // ok: xpath-injection
  const nodes = xpath.select(`//user[name='${user}' and password='${pass}']`, doc);
  res.json({ ok: nodes.length > 0 });
});

// 2. A lookup helper with libxmljs's find.
function findProduct(catalog, sku) {
  // expect: xpath-injection
  return catalog.find("//product[@sku='" + sku + "']");
}
function findProductFixed(catalog, sku) {
  // ok: xpath-injection
  return catalog.find('//product').filter((p) => p.attr('sku').value() === sku);
}

module.exports = { findProduct, findProductFixed };
