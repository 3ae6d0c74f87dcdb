// Real-world shapes of prototype pollution (config loaders, query and CLI parsers, settings endpoints) each followed by its fix.
const express = require('express');
const _ = require('lodash');

const app = express();
app.use(express.json());

// 1. A config loader's recursive merge over Object.entries.
class ConfigStore {
  apply(target, patch) {
    for (const [name, value] of Object.entries(patch)) {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        // expect: prototype-pollution
        target[name] = this.apply(target[name] || {}, value);
      } else {
        // expect: prototype-pollution
        target[name] = value;
      }
    }
    return target;
  }
  applyFixed(target, patch) {
    for (const [name, value] of Object.entries(patch)) {
      if (name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        // ok: prototype-pollution
        target[name] = this.applyFixed(target[name] || {}, value);
      } else {
        // ok: prototype-pollution
        target[name] = value;
      }
    }
    return target;
  }
}

// 2. A query-string parser building nested objects from `a[b][c]=1`.
function parseNested(query) {
  const result = {};
  for (const pair of query.split('&')) {
    const [rawKey, rawValue] = pair.split('=');
    const parts = decodeURIComponent(rawKey).replace(/\]/g, '').split('[');
    let node = result;
    while (parts.length > 1) {
      const part = parts.shift();
      // expect: prototype-pollution
      node = node[part] = node[part] || {};
    }
    // expect: prototype-pollution
    node[parts[0]] = decodeURIComponent(rawValue || '');
  }
  return result;
}
function parseNestedFixed(query) {
  const result = Object.create(null);
  for (const pair of query.split('&')) {
    const [rawKey, rawValue] = pair.split('=');
    const parts = decodeURIComponent(rawKey).replace(/\]/g, '').split('[');
    let node = result;
    while (parts.length > 1) {
      const part = parts.shift();
      // ok: prototype-pollution
      node = node[part] = node[part] || Object.create(null);
    }
    // ok: prototype-pollution
    node[parts[0]] = decodeURIComponent(rawValue || '');
  }
  return result;
}

// 3. A CLI flag parser: `--server.port=80` sets a nested option (the minimist/yargs-parser advisories).
function parseFlags(argv) {
  const opts = {};
  for (const arg of argv) {
    const match = /^--([^=]+)=(.*)$/.exec(arg);
    if (!match) continue;
    const keys = match[1].split('.');
    let o = opts;
    keys.slice(0, -1).forEach((k) => {
      // expect: prototype-pollution
      o = o[k] = o[k] || {};
    });
    // expect: prototype-pollution
    o[keys[keys.length - 1]] = match[2];
  }
  return opts;
}

// 4. A settings endpoint writing two levels deep with names from the body.
const settings = {};
app.post('/settings', (req, res) => {
  const { section, key, value } = req.body;
  if (!settings[section]) settings[section] = {};
  // expect: prototype-pollution
  settings[section][key] = value;
  res.json(settings);
});
const settingsMap = new Map();
app.post('/settings-fixed', (req, res) => {
  const { section, key, value } = req.body;
  if (!settingsMap.has(section)) settingsMap.set(section, new Map());
  // ok: prototype-pollution
  settingsMap.get(section).set(key, value);
  res.json(Object.fromEntries(settingsMap));
});


// 5. A JSON-pointer setter (`/a/b/c`).
function setPointer(obj, pointer, value) {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    // expect: prototype-pollution
    if (!(part in node)) node[part] = {};
    node = node[part];
  }
  // expect: prototype-pollution
  node[parts[parts.length - 1]] = value;
  return obj;
}

// 6. lodash set with a path the client chose.
app.post('/prefs', (req, res) => {
  const prefs = {};
  // expect: prototype-pollution
  _.set(prefs, req.body.path, req.body.value);
  res.json(prefs);
});
const EDITABLE = ['theme', 'language', 'notifications.email'];
app.post('/prefs-fixed', (req, res) => {
  const prefs = {};
  if (!EDITABLE.includes(req.body.path)) return res.status(400).end();
  // ok: prototype-pollution
  _.set(prefs, req.body.path, req.body.value);
  res.json(prefs);
});

// 7. The fix some utility packages shipped: refuse any key that Object.prototype already has.
function defaultsDeep(target, source) {
  for (const key in source) {
    if (key in Object.prototype) continue;
    if (source[key] && typeof source[key] === 'object') {
      // ok: prototype-pollution
      defaultsDeep(target[key] = target[key] || {}, source[key]);
    } else if (target[key] === undefined) {
      // ok: prototype-pollution
      target[key] = source[key];
    }
  }
  return target;
}
module.exports = { setPointer, ConfigStore, parseNested, parseNestedFixed, parseFlags };
