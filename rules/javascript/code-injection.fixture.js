// Fixture for code-injection: an Express service, a plugin runner and browser widgets as assistants write them.
const express = require('express');
const vm = require('vm');
const { runInNewContext } = require('node:vm');
const Redis = require('ioredis');

const app = express();
const redis = new Redis();
app.use(express.json());

// "Build a calculator endpoint" — the classic suggestion.
app.post('/api/calculate', (req, res) => {
  const { expression } = req.body;
  // expect: code-injection
  const result = eval(expression);
  res.json({ result });
});

app.get('/api/items', (req, res) => {
  // expect: code-injection
  const predicate = new Function('item', `return ${req.query.where};`);
  res.json(inventory.filter(predicate));
});

app.post('/api/transform', (req, res) => {
  const sandbox = { input: req.body.data, output: null };
  // expect: code-injection
  vm.runInNewContext(req.body.script, sandbox, { timeout: 1000 });
  res.json(sandbox.output);
});

app.post('/api/rules', (req, res) => {
  let ruleSource = req.body.rule;
  ruleSource = ruleSource.trim();
  // expect: code-injection
  const script = new vm.Script(ruleSource, { filename: 'rule.js' });
  res.json({ ok: script.runInNewContext({ order: req.body.order }) });
});

function runPlugin(source, context) {
  // expect: code-injection
  return runInNewContext(source, context, { timeout: 500 });
}

function evaluateInProcess(code) {
  // expect: code-injection
  return vm.runInThisContext(code);
}

function evaluateIn(code, globals) {
  // expect: code-injection
  return vm.runInContext(code, vm.createContext(globals));
}

function compileHandler(body, parameterNames) {
  // expect: code-injection
  return vm.compileFunction(body, parameterNames);
}

// Old-style JSON parsing: flagged, with a JSON.parse suggestion.
function parseJsonResponse(jsonText) {
  // expect: code-injection
  return eval(jsonText);
}

function readCachedJson(cache, key) {
  // expect: code-injection
  return eval(cache.get(key).json);
}

// The parenthesised idioms parse data by running it: unsafe-deserialization reports them too.
function loadLegacyConfig(text) {
  // expect: code-injection, unsafe-deserialization
  return eval('(' + text + ')');
}

function parseWrapped(raw) {
  // expect: code-injection, unsafe-deserialization
  return eval(`(${raw})`);
}

function makeAccessor(field) {
  // expect: code-injection
  return Function('obj', 'return obj.' + field);
}

function buildValidator(argNames, body) {
  // expect: code-injection
  return new Function(...argNames, body);
}

function indirectEval(code) {
  // expect: code-injection
  return (0, eval)(code);
}

function evalInGlobalScope(code) {
  // expect: code-injection
  return globalThis.eval(code);
}

// Browser widgets.
function scheduleRefresh(widgetId, delay) {
  // expect: code-injection
  setTimeout('refreshWidget(' + widgetId + ')', delay);
}

function startPolling(callbackName) {
  // expect: code-injection
  window.setInterval(`${callbackName}()`, 5000);
}

function delayedAction(actionName) {
  const handler = actionName + '()';
  // expect: code-injection
  setTimeout(handler, 250);
}

window.addEventListener('message', (event) => {
  // expect: code-injection
  eval(event.data.code);
});

function applyUserFormula() {
  const formula = document.querySelector('#formula').value;
  // expect: code-injection
  return window['eval'](formula);
}

async function loadRemotePlugin(url) {
  const response = await fetch(url);
  const source = await response.text();
  // expect: code-injection
  return eval(source);
}

// Bundled libraries alias the global: `var Function = root.Function`.
const root = typeof globalThis === 'object' ? globalThis : window;
function compileTemplate(templateSource) {
  var Function = root.Function;
  // expect: code-injection
  return Function('data', 'with (data) { return `' + templateSource + '`; }');
}

// Known misses, kept visible.
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
function runAsync(body) {
  // todo-expect: code-injection
  return new AsyncFunction('db', body);
}

// ---- Safe or constant: nothing to report. ----

// ok: code-injection
const two = eval('1 + 1');

// ok: code-injection
const globalObject = Function('return this')();

const GLOBAL_LOOKUP = 'return this';
// ok: code-injection
const getGlobal = new Function(GLOBAL_LOOKUP);

const DOUBLE_BODY = 'return ' + 'value * 2';
// ok: code-injection
const double = new Function('value', DOUBLE_BODY);

function supportsSymbols() {
  const probe = 'typeof Symbol === "function"';
  try {
    // ok: code-injection
    return eval(probe);
  } catch {
    return false;
  }
}

function featureCheck() {
  let check = 'typeof BigInt';
  // ok: code-injection
  return eval(check);
}

// ok: code-injection
const sum = vm.runInNewContext(`a + b`, { a: 1, b: 2 });

const precompiled = new vm.Script('globalThis.total = items.reduce((s, i) => s + i.price, 0)');
function totalOf(items) {
  // ok: code-injection
  return precompiled.runInNewContext({ items });
}

// Arity wrappers generate only parameter names from a count.
function wrapWithArity(fn, log) {
  const args = Array.from({ length: fn.length }, (_, i) => 'arg' + i).join(', ');
  // ok: code-injection
  return new Function('fn', 'log', 'return function (' + args + ') { log(); return fn.apply(this, arguments); }')(fn, log);
}

function refreshLater(widgetId) {
  // ok: code-injection
  setTimeout(() => refreshWidget(widgetId), 1000);
}

function retry(callback, delay) {
  // ok: code-injection
  setTimeout(callback, delay);
}

// A constant string timer is poor style, but nothing can be injected into it.
// ok: code-injection
setTimeout('location.reload()', 60000);

app.post('/api/settings', (req, res) => {
  // ok: code-injection
  const settings = JSON.parse(req.body.settings);
  res.json(settings);
});

async function incrementQuota(key) {
  // Redis EVAL runs a Lua script on the server, not JavaScript here.
  // ok: code-injection
  return redis.eval('return redis.call("INCR", KEYS[1])', 1, key);
}

async function pageTitle(page) {
  // ok: code-injection
  const heading = await page.$eval('h1', (el) => el.textContent);
  // ok: code-injection
  return page.evaluate(() => document.title + heading);
}

class ExpressionEngine {
  eval(expression) {
    return this.parser.parse(expression).evaluate();
  }

  run(expression) {
    // ok: code-injection
    return this.eval(expression);
  }
}

function shadowed(input) {
  const eval = (text) => text.length;
  // ok: code-injection
  return eval(input);
}

function evalData(value) {
  // ok: code-injection
  return eval({ value });
}

describe('formula sandbox', () => {
  it('evaluates arithmetic', () => {
    const code = process.env.FORMULA || '2 * 21';
    // ok: code-injection
    expect(eval(code)).toBe(42);
  });
});

// A formatter chosen by name: checked against the server's own list before the code is built.
const FORMATTERS = ['upper', 'lower', 'title'];
app.get('/api/format', (req, res) => {
  const name = req.query.formatter;
  if (!FORMATTERS.includes(name)) return res.status(400).end();
  // ok: code-injection
  const format = new Function('text', `return formatters.${name}(text);`);
  res.json({ text: format(String(req.query.text)) });
});
