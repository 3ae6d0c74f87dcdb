// Real-world shapes of code injection (eval, Function, vm, timers with strings; servers, CLIs, libraries) each followed by its fix.
const express = require('express');
const vm = require('vm');
const mathjs = require('mathjs');
const safeEval = require('notevil');

const app = express();
app.use(express.json());

// 1. A calculator endpoint.
app.get('/calc', (req, res) => {
  // expect: code-injection
  const result = eval(req.query.expr);
  res.json({ result });
});
app.get('/calc-fixed', (req, res) => {
  const expr = String(req.query.expr);
  if (!/^[\d\s+\-*/().]+$/.test(expr)) return res.status(400).end();
  // ok: code-injection
  res.json({ result: Number(expr.length) });
});

// 2. JSON parsed with eval in a legacy body parser.
app.post('/import', (req, res) => {
  let raw = '';
  req.on('data', (chunk) => { raw += chunk; });
  req.on('end', () => {
    // expect: code-injection, unsafe-deserialization
    const data = eval('(' + raw + ')');
    res.json(data);
  });
});
app.post('/import-fixed', (req, res) => {
  let raw = '';
  req.on('data', (chunk) => { raw += chunk; });
  req.on('end', () => {
    // ok: code-injection
    const data = JSON.parse(raw);
    res.json(data);
  });
});

// 3. A library compiling a user-supplied expression into a function.
function compileFilter(expression) {
  // expect: code-injection
  return new Function('item', 'return ' + expression + ';');
}
function compileFilterFixed(field, value) {
  // ok: code-injection
  return (item) => item[field] === value;
}

// 4. vm with request data: vm is not a sandbox.
app.post('/run', (req, res) => {
  const sandbox = { result: null };
  // expect: code-injection
  vm.runInNewContext(req.body.code, sandbox, { timeout: 100 });
  res.json(sandbox);
});

// 5. setTimeout with a string built from input.
app.get('/delay', (req, res) => {
  // expect: code-injection
  setTimeout('notify("' + req.query.user + '")', 1000);
  res.end();
});
app.get('/delay-fixed', (req, res) => {
  const user = req.query.user;
  // ok: code-injection
  setTimeout(() => notify(user), 1000);
  res.end();
});

// 6. A CLI evaluating its argument.
function cli() {
  const code = process.argv[2];
  // expect: code-injection
  console.log(eval(code));
}

// 7. A postMessage listener evaluating what another window sent.
function listen() {
  window.addEventListener('message', (event) => {
    // expect: code-injection
    eval(event.data.script);
  });
  window.addEventListener('message', (event) => {
    if (event.origin !== 'https://app.example.com') return;
    // ok: code-injection
    handle(JSON.parse(event.data));
  });
}

function notify() {}
function handle() {}

// 8. Loading a plugin named by the request: require runs the module's code.
app.get('/plugin', (req, res) => {
  // expect: code-injection
  const plugin = require(req.query.name);
  res.json(plugin.describe());
});
const PLUGINS = { csv: './plugins/csv', json: './plugins/json' };
app.get('/plugin-fixed', (req, res) => {
  const modulePath = PLUGINS[req.query.name];
  if (!modulePath) return res.sendStatus(404);
  // ok: code-injection
  const plugin = require(modulePath);
  res.json(plugin.describe());
});

// 9. A script compiled from the body.
app.post('/script', (req, res) => {
  // expect: code-injection
  const script = new vm.Script(req.body.source);
  res.json(script.runInNewContext({}));
});

// 10. A template engine in a library compiling its template into a function.
function compileTemplate(tpl) {
  // expect: code-injection
  return new Function('data', 'with (data) { return `' + tpl + '`; }');
}

// 11. A "safe" evaluator inside a vm context, fed the order lines from the body.
app.post('/b2b/orders', (req, res) => {
  const sandbox = { safeEval, orderLinesData: req.body.orderLinesData };
  vm.createContext(sandbox);
  // expect: code-injection
  vm.runInContext('safeEval(orderLinesData)', sandbox, { timeout: 2000 });
  res.json({ ok: true });
});
app.post('/b2b/orders-fixed', (req, res) => {
  // ok: code-injection
  const lines = JSON.parse(String(req.body.orderLinesData));
  res.json({ count: lines.length });
});

// 12. notevil on request data.
app.get('/formula', (req, res) => {
  // expect: code-injection
  res.json({ value: safeEval(req.query.formula) });
});

// 13. An old mathjs calculator.
app.post('/calculator', (req, res) => {
  // expect: code-injection
  res.json({ result: mathjs.eval(req.body.eqn) });
});
module.exports = { compileTemplate, compileFilter, compileFilterFixed, cli, listen };
