// Blind set (apps): request data merged into shared objects.
'use strict';
const express = require('express');
const _ = require('lodash');
const merge = require('deepmerge');

const app = express();
app.use(express.json());
const defaults = { theme: 'light', notifications: { email: true } };

app.post('/api/config', (req, res) => {
  const userConfig = JSON.parse(req.body.config);
  // expect: prototype-pollution
  const config = _.defaultsDeep({}, userConfig, defaults);
  res.json(config);
});

app.post('/api/config2', (req, res) => {
  const userConfig = JSON.parse(req.body.config);
  // ok: prototype-pollution
  const config = _.defaultsDeep({}, _.pick(userConfig, ['theme', 'notifications']), defaults);
  res.json(config);
});

app.put('/api/items/:id', (req, res) => {
  const item = { id: req.params.id, meta: {} };
  for (const [key, value] of Object.entries(req.body)) {
    // One level only: "__proto__" here replaces item.meta's own prototype, it does not reach Object.prototype (the
    // blind round marked this line vulnerable by mistake).
    // ok: prototype-pollution
    item.meta[key] = value;
  }
  res.json(item);
});

app.post('/api/cart', (req, res) => {
  const cart = req.session.cart || {};
  // expect: prototype-pollution
  cart[req.body.productId] = Object.assign(cart[req.body.productId] || {}, req.body.options);
  req.session.cart = cart;
  res.json(cart);
});

app.post('/api/cart2', (req, res) => {
  const cart = req.session.cart || new Map();
  // ok: prototype-pollution
  cart.set(String(req.body.productId), { ...req.body.options });
  req.session.cart = cart;
  res.json([...cart]);
});

app.post('/api/translate', (req, res) => {
  const dictionary = {};
  const { lang, key, value } = req.body;
  dictionary[lang] = dictionary[lang] || {};
  // expect: prototype-pollution
  dictionary[lang][key] = value;
  res.json(dictionary);
});

module.exports = app;
