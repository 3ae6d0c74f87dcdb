// Real-world shapes of prototype pollution (config loaders, query and CLI parsers, settings endpoints) each followed by its fix.
const express = require('express');

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
      // todo-expect: prototype-pollution
      o = o[k] = o[k] || {};
    });
    // todo-expect: prototype-pollution
    o[keys[keys.length - 1]] = match[2];
  }
  return opts;
}

// 4. A settings endpoint writing two levels deep with names from the body.
const settings = {};
app.post('/settings', (req, res) => {
  const { section, key, value } = req.body;
  if (!settings[section]) settings[section] = {};
  // todo-expect: prototype-pollution
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

module.exports = { ConfigStore, parseNested, parseNestedFixed, parseFlags };
