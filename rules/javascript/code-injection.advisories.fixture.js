// Blind set: code injection in template engines, expression evaluators and eval-based config parsers.
'use strict';
const vm = require('vm');
const express = require('express');

const IDENT = /^[a-zA-Z_$][0-9a-zA-Z_$]*$/;

// template compiler: option names are written into the generated function
function compile(template, opts = {}) {
  const localsName = opts.localsName || 'locals';
  let src = 'var __out = [];\n';
  if (opts.outputFunctionName) {
    src += 'var ' + opts.outputFunctionName + ' = function (s) { __out.push(s); };\n';
  }
  src += 'with (' + localsName + ') { __out.push(' + JSON.stringify(template) + '); }\nreturn __out.join("");';
  // expect: code-injection
  return new Function(localsName, src);
}

function compileFixed(template, opts = {}) {
  const localsName = opts.localsName || 'locals';
  if (!IDENT.test(localsName)) throw new Error('localsName is not a valid JS identifier');
  if (opts.outputFunctionName && !IDENT.test(opts.outputFunctionName)) throw new Error('outputFunctionName is not a valid JS identifier');
  let src = 'var __out = [];\n';
  if (opts.outputFunctionName) {
    src += 'var ' + opts.outputFunctionName + ' = function (s) { __out.push(s); };\n';
  }
  src += 'with (' + localsName + ') { __out.push(' + JSON.stringify(template) + '); }\nreturn __out.join("");';
  // ok: code-injection
  return new Function(localsName, src);
}

// interpolation: "Hello ${name}" compiled to a template literal function
function interpolate(str, data) {
  // expect: code-injection
  const fn = new Function(...Object.keys(data), 'return `' + str + '`;');
  return fn(...Object.values(data));
}

function interpolateFixed(str, data) {
  // ok: code-injection
  return str.replace(/\$\{(\w+)\}/g, (_, key) => (key in data ? String(data[key]) : ''));
}

// getter compiled from a property path
function compileGetter(path) {
  // expect: code-injection
  return new Function('obj', 'return obj.' + path + ';');
}

function compileGetterFixed(path) {
  const keys = path.split('.');
  // ok: code-injection
  return (obj) => keys.reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

// expression evaluator in a sandbox
function evaluate(expression, scope) {
  // expect: code-injection
  return vm.runInNewContext(expression, Object.assign({}, scope), { timeout: 50 });
}

// config loader that accepts JS object literals
function parseConfig(text) {
  // expect: code-injection, unsafe-deserialization
  return eval('(' + text + ')');
}

function parseConfigFixed(text) {
  // ok: code-injection
  return JSON.parse(text);
}

// condition strings in a rules engine
function matches(rule, fact) {
  // expect: code-injection
  return Function('fact', '"use strict"; return (' + rule.condition + ');')(fact);
}

const app = express();
app.use(express.json());

app.post('/calc', (req, res) => {
  // expect: code-injection
  const result = eval(req.body.expression);
  res.json({ result });
});

app.post('/calc2', (req, res) => {
  const expr = String(req.body.expression);
  if (!/^[\d+\-*/(). ]+$/.test(expr)) return res.status(400).json({ error: 'invalid expression' });
  // ok: code-injection
  const result = Function('"use strict"; return (' + expr + ');')();
  res.json({ result });
});

app.get('/run', (req, res) => {
  // expect: code-injection
  const script = new vm.Script(req.query.code);
  // todo-expect: code-injection
  res.json({ out: script.runInNewContext({}) });
});

app.get('/delay', (req, res) => {
  // expect: code-injection
  setTimeout('notify("' + req.query.user + '")', 1000);
  res.end();
});

module.exports = { compile, compileFixed, interpolate, interpolateFixed, compileGetter, compileGetterFixed, evaluate, parseConfig, parseConfigFixed, matches, app };
