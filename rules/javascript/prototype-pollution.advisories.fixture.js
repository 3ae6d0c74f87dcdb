// Blind set: prototype pollution the way npm advisories found it (deep merge, set-by-path, parsers).
'use strict';

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// deep-merge utility (vulnerable release)
function deepMerge(target, source) {
  for (const key in source) {
    if (isObject(source[key])) {
      // expect: prototype-pollution
      if (!isObject(target[key])) target[key] = {};
      deepMerge(target[key], source[key]);
    } else {
      // expect: prototype-pollution
      target[key] = source[key];
    }
  }
  return target;
}

// deep-merge utility (fixed release: dangerous keys skipped)
function deepMergeFixed(target, source) {
  for (const key in source) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (isObject(source[key])) {
      if (!isObject(target[key])) target[key] = {};
      deepMergeFixed(target[key], source[key]);
    } else {
      // ok: prototype-pollution
      target[key] = source[key];
    }
  }
  return target;
}

// extend(deep, target, ...sources), jQuery style
function extend(deep, target, ...sources) {
  sources.forEach(function (src) {
    Object.keys(src).forEach(function (name) {
      const copy = src[name];
      if (deep && copy && typeof copy === 'object') {
        const clone = target[name] && typeof target[name] === 'object' ? target[name] : {};
        // expect: prototype-pollution
        target[name] = extend(deep, clone, copy);
      } else if (copy !== undefined) {
        target[name] = copy;
      }
    });
  });
  return target;
}

function extendFixed(deep, target, ...sources) {
  sources.forEach(function (src) {
    Object.keys(src).forEach(function (name) {
      if (name === '__proto__') return;
      const copy = src[name];
      if (deep && copy && typeof copy === 'object') {
        const clone = target[name] && typeof target[name] === 'object' ? target[name] : {};
        // ok: prototype-pollution
        target[name] = extendFixed(deep, clone, copy);
      } else if (copy !== undefined) {
        target[name] = copy;
      }
    });
  });
  return target;
}

// set-by-path (dot-prop / set-value style)
function setValue(obj, path, value) {
  const keys = Array.isArray(path) ? path : String(path).split('.');
  let cur = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    // expect: prototype-pollution
    if (!isObject(cur[k])) cur[k] = {};
    cur = cur[k];
  }
  // expect: prototype-pollution
  cur[keys[keys.length - 1]] = value;
  return obj;
}

const BLOCKED = ['__proto__', 'constructor', 'prototype'];

function setValueFixed(obj, path, value) {
  const keys = Array.isArray(path) ? path : String(path).split('.');
  if (keys.some((k) => BLOCKED.includes(k))) return obj;
  let cur = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (!isObject(cur[k])) cur[k] = {};
    cur = cur[k];
  }
  // ok: prototype-pollution
  cur[keys[keys.length - 1]] = value;
  return obj;
}

// ini-like parser: [section] headers and key=value lines
function parseIni(text) {
  const out = {};
  let section = out;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\[([^\]]+)\]$/.exec(line.trim());
    if (header) {
      const name = header[1];
      // todo-expect: prototype-pollution
      section = out[name] = out[name] || {};
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 1) continue;
    const key = line.slice(0, eq).trim();
    // expect: prototype-pollution
    section[key] = line.slice(eq + 1).trim();
  }
  return out;
}

function parseIniFixed(text) {
  const out = Object.create(null);
  let section = out;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\[([^\]]+)\]$/.exec(line.trim());
    if (header) {
      const name = header[1];
      if (name === '__proto__') { section = Object.create(null); continue; }
      // ok: prototype-pollution
      section = out[name] = out[name] || Object.create(null);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 1) continue;
    const key = line.slice(0, eq).trim();
    if (key === '__proto__') continue;
    // ok: prototype-pollution
    section[key] = line.slice(eq + 1).trim();
  }
  return out;
}

// query-string parser with nested keys: a[b][c]=1
function parseQuery(qs) {
  const result = {};
  for (const pair of qs.split('&')) {
    const [rawKey, rawValue = ''] = pair.split('=');
    const path = decodeURIComponent(rawKey).replace(/\]/g, '').split('[');
    let node = result;
    while (path.length > 1) {
      const part = path.shift();
      // expect: prototype-pollution
      node = node[part] || (node[part] = {});
    }
    // expect: prototype-pollution
    node[path[0]] = decodeURIComponent(rawValue);
  }
  return result;
}

function parseQueryFixed(qs) {
  const result = {};
  for (const pair of qs.split('&')) {
    const [rawKey, rawValue = ''] = pair.split('=');
    const path = decodeURIComponent(rawKey).replace(/\]/g, '').split('[');
    let node = result;
    while (path.length > 1) {
      const part = path.shift();
      if (!Object.prototype.hasOwnProperty.call(node, part)) node[part] = {};
      node = node[part];
    }
    if (path[0] === '__proto__' || path[0] === 'constructor') continue;
    // ok: prototype-pollution
    node[path[0]] = decodeURIComponent(rawValue);
  }
  return result;
}

// two-level assignment reaching constructor.prototype
function assignNested(obj, a, b, value) {
  if (!obj[a]) obj[a] = {};
  // todo-expect: prototype-pollution
  obj[a][b] = value;
}

function assignNestedFixed(obj, a, b, value) {
  if (a === '__proto__' || a === 'constructor' || b === '__proto__' || b === 'prototype') return;
  if (!obj[a]) obj[a] = {};
  // ok: prototype-pollution
  obj[a][b] = value;
}

module.exports = { deepMerge, deepMergeFixed, extend, extendFixed, setValue, setValueFixed, parseIni, parseIniFixed, parseQuery, parseQueryFixed, assignNested, assignNestedFixed };
