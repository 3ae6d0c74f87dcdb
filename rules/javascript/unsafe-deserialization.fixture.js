// Fixture for unsafe-deserialization: Express handlers restoring cookies and uploads, a YAML config importer and legacy JSON-by-eval helpers.
const express = require('express');
const serialize = require('node-serialize');
const yaml = require('js-yaml');
const funcster = require('funcster');
const cryo = require('cryo');
const v8 = require('v8');
const { BSON } = require('bson');
const fs = require('fs');

const app = express();
app.use(express.text({ type: ['text/yaml', 'application/x-yaml'] }));

// ---- Deserializers that can run code: reported. ----

app.get('/profile', (req, res) => {
  if (req.cookies.profile) {
    const raw = Buffer.from(req.cookies.profile, 'base64').toString();
    // expect: unsafe-deserialization
    const profile = serialize.unserialize(raw);
    return res.send(`Hello ${profile.username}`);
  }
  res.redirect('/login');
});

function restoreSession(serialized) {
  // expect: unsafe-deserialization
  return serialize.unserialize(serialized);
}

app.post('/workflows/import', (req, res) => {
  // expect: unsafe-deserialization
  const workflow = funcster.deepDeserialize(req.body.workflow);
  res.json({ steps: workflow.steps.length });
});

app.post('/state', (req, res) => {
  // expect: unsafe-deserialization
  const state = cryo.parse(req.body.state);
  res.json({ restored: Object.keys(state).length });
});

app.post('/config/import', (req, res) => {
  // expect: unsafe-deserialization
  const config = yaml.load(req.body);
  res.json(config);
});

app.post('/pipelines', (req, res) => {
  // expect: unsafe-deserialization
  const pipeline = yaml.loadAll(req.body.definition);
  res.json({ documents: pipeline.length });
});

function loadPlugins(text) {
  // expect: unsafe-deserialization
  return yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });
}

app.post('/snapshot', express.raw({ type: '*/*' }), (req, res) => {
  // expect: unsafe-deserialization
  const snapshot = v8.deserialize(req.body);
  res.json({ keys: Object.keys(snapshot) });
});

function readStoredJob(buffer) {
  // expect: unsafe-deserialization
  return BSON.deserialize(buffer, { evalFunctions: true });
}

function parseLegacyJson(text) {
  // expect: unsafe-deserialization, code-injection
  return eval('(' + text + ')');
}

app.post('/legacy/rpc', (req, res) => {
  // expect: unsafe-deserialization, code-injection
  const payload = new Function('return ' + req.body.payload)();
  res.json(payload);
});

function fromServerState(json) {
  // expect: unsafe-deserialization, code-injection
  return eval(`(${json})`);
}

// ---- Data-only parsing: quiet. ----

app.get('/prefs', (req, res) => {
  // ok: unsafe-deserialization
  const prefs = JSON.parse(Buffer.from(req.cookies.prefs || 'e30=', 'base64').toString());
  res.json(prefs);
});

// Configuration shipped with the app: trusted input, and js-yaml 4's load() is safe anyway.
// ok: unsafe-deserialization
const settings = yaml.load(fs.readFileSync('./config/settings.yml', 'utf8'));

app.post('/config/validate', (req, res) => {
  // ok: unsafe-deserialization
  const config = yaml.load(req.body, { schema: yaml.JSON_SCHEMA });
  res.json(config);
});

app.post('/config/safe', (req, res) => {
  // ok: unsafe-deserialization
  const config = yaml.safeLoad(req.body);
  res.json(config);
});

function readJob(buffer) {
  // ok: unsafe-deserialization
  return BSON.deserialize(buffer);
}

function cloneDeep(value) {
  // ok: unsafe-deserialization
  return v8.deserialize(v8.serialize(value));
}

// ok: unsafe-deserialization
const defaults = serialize.unserialize('{"theme":"dark"}');

function compileGetter(path) {
  // Code generation, not parsing: code-injection's concern.
  // expect: code-injection
  // ok: unsafe-deserialization
  return new Function('obj', 'return obj.' + path);
}

function evaluateConstant() {
  // ok: unsafe-deserialization
  return eval('(' + '1 + 2' + ')');
}

// Hiding `require` from bundlers: code generation, not parsing.
function loadBuiltin(name) {
  // expect: code-injection
  // ok: unsafe-deserialization
  return Function('return require("' + name + '")')();
}

function runUserExpression(expression) {
  // Evaluating an expression on purpose is code-injection's concern.
  // expect: code-injection
  // ok: unsafe-deserialization
  return eval(`(${expression})`);
}

function parseRow(line) {
  // ok: unsafe-deserialization
  return line.split(',').map((cell) => cell.trim());
}

describe('serializer', () => {
  it('round-trips functions', () => {
    // ok: unsafe-deserialization
    const value = serialize.unserialize(serialize.serialize({ fn: () => 1 }));
    expect(typeof value.fn).toBe('function');
  });
});

module.exports = { loadBuiltin, runUserExpression, app, restoreSession, loadPlugins, readStoredJob, parseLegacyJson, fromServerState, settings, defaults, readJob, cloneDeep, compileGetter, evaluateConstant, parseRow };
