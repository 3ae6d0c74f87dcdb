'use strict';
// app/routes/contributions.js (NodeGoat style), a tiny template engine and an expression-based config loader.
const vm = require('vm');
const express = require('express');
const router = express.Router();

// Vulnerable: contribution percentages parsed with eval.
router.post('/contributions', (req, res) => {
  // expect: code-injection
  const preTax = eval(req.body.preTax);
  // expect: code-injection
  const afterTax = eval(req.body.afterTax);
  res.json({ preTax, afterTax });
});

// Fixed: parseInt, as the secure branch has it.
router.post('/contributions2', (req, res) => {
  // ok: code-injection
  const preTax = parseInt(req.body.preTax, 10);
  const afterTax = parseInt(req.body.afterTax, 10);
  if (Number.isNaN(preTax) || Number.isNaN(afterTax)) return res.status(400).end();
  res.json({ preTax, afterTax });
});

// Vulnerable: a calculator endpoint running the expression in a vm context.
router.get('/calc', (req, res) => {
  // expect: code-injection
  const result = vm.runInNewContext(req.query.expr, {});
  res.json({ result });
});

// Vulnerable: a template compiler emitting a function from the template source.
function compile(template, options = {}) {
  const varName = options.variable || 'data';
  const body = 'var out = ""; with (' + varName + ') { out += `' + template.replace(/`/g, '\\`') + '`; } return out;';
  // expect: code-injection
  return new Function(varName, body);
}

// Fixed: the variable name must be an identifier; the template is only interpolated by lookup.
function compileSafe(template, options = {}) {
  const varName = /^[A-Za-z_$][\w$]*$/.test(options.variable || '') ? options.variable : 'data';
  return function (data) {
    // ok: code-injection
    return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, k) => String(k.split('.').reduce((o, p) => (o == null ? o : o[p]), data) ?? ''));
  };
}

// Vulnerable: config loader evaluating a JS-ish config file.
function loadConfig(text) {
  // expect: code-injection, unsafe-deserialization
  return eval('(' + text + ')');
}

// Fixed: JSON.
function loadConfigSafe(text) {
  // ok: code-injection
  return JSON.parse(text);
}

// Vulnerable: setTimeout with a string built from the request.
router.post('/schedule', (req, res) => {
  // expect: code-injection
  setTimeout('notify("' + req.body.user + '")', 1000);
  res.sendStatus(202);
});

// Vulnerable: a filter expression compiled into a predicate (library option).
function makeFilter(expr) {
  // expect: code-injection
  return new Function('item', 'return ' + expr + ';');
}

// Vulnerable: vm.Script from a plugin option string.
function runPlugin(opts) {
  // expect: code-injection
  const script = new vm.Script(opts.code);
  return script.runInThisContext();
}

module.exports = { router, compile, compileSafe, loadConfig, loadConfigSafe, makeFilter, runPlugin };
