'use strict';
// utils/object.js of a small config/helpers package (deep merge, set-by-path, query and ini parsing).

function isObject(o) {
  return o !== null && typeof o === 'object' && !Array.isArray(o);
}

// Vulnerable: recursive merge copies every own key, including "__proto__" from JSON.parse output.
function merge(target, source) {
  for (const key in source) {
    if (isObject(source[key])) {
      // expect: prototype-pollution
      if (!isObject(target[key])) target[key] = {};
      merge(target[key], source[key]);
    } else {
      // expect: prototype-pollution
      target[key] = source[key];
    }
  }
  return target;
}

// Fixed: the release skips the dangerous keys.
function mergeSafe(target, source) {
  for (const key in source) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (isObject(source[key])) {
      if (!isObject(target[key])) target[key] = {};
      mergeSafe(target[key], source[key]);
    } else {
      // ok: prototype-pollution
      target[key] = source[key];
    }
  }
  return target;
}

// Vulnerable: set a value at a dotted path ("a.b.c") given by the caller.
function setPath(obj, path, value) {
  const parts = path.split('.');
  let cur = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    // expect: prototype-pollution
    if (cur[parts[i]] === undefined) cur[parts[i]] = {};
    cur = cur[parts[i]];
  }
  // expect: prototype-pollution
  cur[parts[parts.length - 1]] = value;
  return obj;
}

// Fixed: refuses prototype keys on every segment.
function setPathSafe(obj, path, value) {
  const parts = path.split('.');
  if (parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) return obj;
  let cur = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    if (cur[parts[i]] === undefined) cur[parts[i]] = {};
    cur = cur[parts[i]];
  }
  // ok: prototype-pollution
  cur[parts[parts.length - 1]] = value;
  return obj;
}

// Vulnerable: query-string parser with bracket nesting: a[b][c]=1.
function parseQuery(qs) {
  const result = {};
  for (const pair of qs.split('&')) {
    const [rawKey, rawValue = ''] = pair.split('=');
    const keys = decodeURIComponent(rawKey).replace(/\]/g, '').split('[');
    let node = result;
    while (keys.length > 1) {
      const k = keys.shift();
      // expect: prototype-pollution
      node = node[k] = node[k] || {};
    }
    // expect: prototype-pollution
    node[keys[0]] = decodeURIComponent(rawValue);
  }
  return result;
}

// Fixed: the parser builds on null-prototype objects.
function parseQuerySafe(qs) {
  const result = Object.create(null);
  for (const pair of qs.split('&')) {
    const [rawKey, rawValue = ''] = pair.split('=');
    const keys = decodeURIComponent(rawKey).replace(/\]/g, '').split('[');
    let node = result;
    while (keys.length > 1) {
      const k = keys.shift();
      node = node[k] = node[k] || Object.create(null);
    }
    // ok: prototype-pollution
    node[keys[0]] = decodeURIComponent(rawValue);
  }
  return result;
}

// Vulnerable: ini parser, sections become nested objects.
function parseIni(text) {
  const out = {};
  let section = out;
  for (const line of text.split(/\r?\n/)) {
    const sec = line.match(/^\[([^\]]+)\]$/);
    if (sec) {
      section = out[sec[1]] = out[sec[1]] || {};
      continue;
    }
    const kv = line.match(/^([^=]+)=(.*)$/);
    if (!kv) continue;
    // expect: prototype-pollution
    section[kv[1].trim()] = kv[2].trim();
  }
  return out;
}

// Fixed: section names that name the prototype are ignored.
function parseIniSafe(text) {
  const out = {};
  let section = out;
  for (const line of text.split(/\r?\n/)) {
    const sec = line.match(/^\[([^\]]+)\]$/);
    if (sec) {
      if (sec[1] === '__proto__') { section = {}; continue; }
      section = out[sec[1]] = out[sec[1]] || {};
      continue;
    }
    const kv = line.match(/^([^=]+)=(.*)$/);
    if (!kv || kv[1].trim() === '__proto__') continue;
    // ok: prototype-pollution
    section[kv[1].trim()] = kv[2].trim();
  }
  return out;
}

// Vulnerable: defaults-deep, copies nested defaults into the options.
function defaultsDeep(opts, defaults) {
  Object.keys(defaults).forEach(function (key) {
    if (typeof defaults[key] === 'object' && defaults[key] !== null) {
      // expect: prototype-pollution
      opts[key] = opts[key] || {};
      defaultsDeep(opts[key], defaults[key]);
    } else if (opts[key] === undefined) {
      // expect: prototype-pollution
      opts[key] = defaults[key];
    }
  });
  return opts;
}

// Fixed: only own, non-prototype keys.
function defaultsDeepSafe(opts, defaults) {
  Object.keys(defaults).forEach(function (key) {
    if (key === '__proto__' || key === 'constructor') return;
    if (typeof defaults[key] === 'object' && defaults[key] !== null) {
      opts[key] = opts[key] || {};
      defaultsDeepSafe(opts[key], defaults[key]);
    } else if (opts[key] === undefined) {
      // ok: prototype-pollution
      opts[key] = defaults[key];
    }
  });
  return opts;
}

module.exports = { merge, mergeSafe, setPath, setPathSafe, parseQuery, parseQuerySafe, parseIni, parseIniSafe, defaultsDeep, defaultsDeepSafe };
