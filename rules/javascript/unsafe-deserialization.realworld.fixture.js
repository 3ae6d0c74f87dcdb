// Real-world shapes for unsafe-deserialization: session stores, config loaders, RPC payloads and their fixed versions.
const serialize = require('node-serialize');
const yaml = require('js-yaml');
const fs = require('fs');
const path = require('path');

// A session store that kept whole objects in a cookie (the node-serialize RCE).
function readSessionCookie(req) {
  const raw = req.cookies.session;
  if (!raw) return {};
  // expect: unsafe-deserialization
  return serialize.unserialize(Buffer.from(raw, 'base64').toString('utf8'));
}

function readSessionCookieFixed(req) {
  const raw = req.cookies.session;
  if (!raw) return {};
  // ok: unsafe-deserialization
  return JSON.parse(Buffer.from(raw, 'base64').toString('utf8'));
}

// A CLI that reads a user-supplied YAML file (js-yaml 3: load runs !!js/function).
// ok: unsafe-deserialization
const defaults = yaml.load(fs.readFileSync(path.join(__dirname, 'defaults.yml'), 'utf8'));
function loadConfig(file) {
  const text = fs.readFileSync(path.resolve(file), 'utf8');
  // todo-expect: unsafe-deserialization
  const config = yaml.load(text);
  return config || {};
}

function loadConfigFixed(file) {
  const text = fs.readFileSync(path.resolve(file), 'utf8');
  // ok: unsafe-deserialization
  const config = yaml.safeLoad(text);
  return config || {};
}

function loadConfigSchema(file) {
  const text = fs.readFileSync(file, 'utf8');
  // ok: unsafe-deserialization
  return yaml.load(text, { schema: yaml.JSON_SCHEMA });
}

// Front matter parsed with the full schema.
function parseFrontMatter(source) {
  const match = /^---\n([\s\S]*?)\n---/.exec(source);
  // expect: unsafe-deserialization
  return match ? yaml.load(match[1], { schema: yaml.DEFAULT_FULL_SCHEMA }) : {};
}

// A library helper: whatever YAML its caller passes (js-yaml 3).
exports.parseYaml = function parseYaml(source) {
  // expect: unsafe-deserialization
  return yaml.load(source);
};

// JSON by eval in a JSONP-ish client.
function parseResponse(body) {
  // expect: unsafe-deserialization, code-injection
  const data = eval('(' + body + ')');
  return data.items;
}

function parseResponseFixed(body) {
  // ok: unsafe-deserialization
  const data = JSON.parse(body);
  return data.items;
}

// serialize-javascript output read back with eval (the documented misuse).
function restoreState(serialized) {
  // expect: unsafe-deserialization, code-injection
  return eval(`(${serialized})`);
}

// A queue worker that restores jobs with functions.
module.exports.restoreJob = function restoreJob(message) {
  // expect: unsafe-deserialization
  const job = serialize.unserialize(message.content.toString());
  return job.run();
};

module.exports.restoreJobFixed = function restoreJobFixed(message) {
  // ok: unsafe-deserialization
  const job = JSON.parse(message.content.toString());
  return handlers[job.type](job.args);
};
// A plugin loader that revives functions from a settings blob.
function reviveSettings(blob) {
  // expect: code-injection, unsafe-deserialization
  return JSON.parse(blob, (key, value) => (typeof value === 'string' && value.startsWith('function') ? eval('(' + value + ')') : value));
}

const vm = require('vm');
function parseConfigScript(text) {
  // expect: code-injection
  return vm.runInNewContext('(' + text + ')');
}

const { deserialize } = require('serialize-to-js');
function restoreCache(str) {
  // expect: unsafe-deserialization
  return deserialize(str);
}

const handlers = {};
