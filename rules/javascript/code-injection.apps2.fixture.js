'use strict';
// lib/expr.js (a rules engine / formula evaluator) and the admin routes that use it.
const vm = require('vm');
const express = require('express');
const router = express.Router();

// Vulnerable: formula evaluator with Function.
function evaluate(formula, vars) {
  const names = Object.keys(vars);
  // expect: code-injection
  const fn = Function(...names, 'return (' + formula + ');');
  return fn(...names.map((n) => vars[n]));
}

// Fixed: a tiny arithmetic parser instead of Function (only numbers and + - * /).
function evaluateSafe(formula, vars) {
  const tokens = String(formula).match(/\d+(\.\d+)?|[a-z_]\w*|[-+*/()]/gi) || [];
  // ok: code-injection
  const values = tokens.map((t) => (t in vars ? String(Number(vars[t])) : t));
  return values.length;
}

// Vulnerable: vm.runInContext with a sandbox (not a security boundary).
function runRule(rule, facts) {
  const ctx = vm.createContext({ facts });
  // expect: code-injection
  return vm.runInContext(rule.condition, ctx, { timeout: 50 });
}

// Vulnerable: JSON-ish parsing with eval in a route.
router.post('/import', express.text(), (req, res) => {
  // expect: code-injection, unsafe-deserialization
  const data = eval(`(${req.body})`);
  res.json({ count: Object.keys(data).length });
});

// Fixed.
router.post('/import2', express.text(), (req, res) => {
  // ok: code-injection
  const data = JSON.parse(req.body);
  res.json({ count: Object.keys(data).length });
});

// Vulnerable: sort by a field given as code.
router.get('/sorted', (req, res) => {
  // expect: code-injection
  const cmp = new Function('a', 'b', `return a.${req.query.field} > b.${req.query.field} ? 1 : -1`);
  res.json(items.slice().sort(cmp));
});

// Fixed: property lookup.
router.get('/sorted2', (req, res) => {
  const field = String(req.query.field);
  if (!['name', 'price'].includes(field)) return res.sendStatus(400);
  // ok: code-injection
  res.json(items.slice().sort((a, b) => (a[field] > b[field] ? 1 : -1)));
});

// Vulnerable: setInterval with a string from options.
function poll(options) {
  // expect: code-injection
  return setInterval(options.onTick + '()', options.interval || 1000);
}

const items = [];
module.exports = { evaluate, evaluateSafe, runRule, router, poll };
