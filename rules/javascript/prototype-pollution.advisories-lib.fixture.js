// Blind set (more library shapes): argv parsers, chained set, recursive path setters, form field nesting.
'use strict';

// minimist-style setKey for --a.b.c=value
function setKey(obj, keys, value) {
  let o = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i];
    // expect: prototype-pollution
    if (o[key] === undefined) o[key] = {};
    o = o[key];
  }
  const last = keys[keys.length - 1];
  // expect: prototype-pollution
  o[last] = value;
}

function isConstructorOrProto(obj, key) {
  return (key === 'constructor' && typeof obj[key] === 'function') || key === '__proto__';
}

function setKeyFixed(obj, keys, value) {
  let o = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i];
    if (isConstructorOrProto(o, key)) return;
    if (o[key] === undefined) o[key] = {};
    o = o[key];
  }
  const last = keys[keys.length - 1];
  if (isConstructorOrProto(o, last)) return;
  // ok: prototype-pollution
  o[last] = value;
}

function parseArgs(argv) {
  const out = { _: [] };
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (m) setKey(out, m[1].split('.'), m[2]);
    else out._.push(arg);
  }
  return out;
}

// dset-style chained assignment
function dset(obj, keys, val) {
  if (typeof keys === 'string') keys = keys.split('.');
  let i = 0;
  const l = keys.length;
  let t = obj;
  let x;
  while (i < l) {
    const k = keys[i++];
    // expect: prototype-pollution
    t = t[k] = i === l ? val : typeof (x = t[k]) === 'object' && x !== null ? x : {};
  }
}

function dsetFixed(obj, keys, val) {
  if (typeof keys === 'string') keys = keys.split('.');
  let i = 0;
  const l = keys.length;
  let t = obj;
  let x;
  while (i < l) {
    const k = keys[i++];
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') break;
    // ok: prototype-pollution
    t = t[k] = i === l ? val : typeof (x = t[k]) === 'object' && x !== null ? x : {};
  }
}

// recursive setter (object-path style)
function set(obj, path, value) {
  if (typeof path === 'string') path = path.split('.');
  const current = path[0];
  if (path.length === 1) {
    // expect: prototype-pollution
    obj[current] = value;
    return obj;
  }
  // expect: prototype-pollution
  if (obj[current] === undefined) obj[current] = {};
  return set(obj[current], path.slice(1), value);
}

function setFixed(obj, path, value) {
  if (typeof path === 'string') path = path.split('.');
  const current = path[0];
  if (current === '__proto__' || current === 'constructor' || current === 'prototype') return obj;
  if (path.length === 1) {
    // ok: prototype-pollution
    obj[current] = value;
    return obj;
  }
  if (obj[current] === undefined) obj[current] = {};
  return setFixed(obj[current], path.slice(1), value);
}

// multipart field names like user[address][city] turned into nested objects
function processNested(data) {
  const result = {};
  for (const field of Object.keys(data)) {
    const keys = field.replace(/\]/g, '').split('[');
    let current = result;
    keys.forEach((key, index) => {
      if (index === keys.length - 1) {
        // expect: prototype-pollution
        current[key] = data[field];
      } else {
        // expect: prototype-pollution
        current[key] = current[key] || {};
        current = current[key];
      }
    });
  }
  return result;
}

// deep clone + merge for options: clone(defaults) then overwrite
function mergeOptions(defaults, options) {
  const result = JSON.parse(JSON.stringify(defaults));
  (function walk(dst, src) {
    for (const key of Object.keys(src)) {
      const value = src[key];
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        // expect: prototype-pollution
        dst[key] = dst[key] || {};
        walk(dst[key], value);
      } else {
        // expect: prototype-pollution
        dst[key] = value;
      }
    }
  })(result, options);
  return result;
}

function mergeOptionsFixed(defaults, options) {
  const result = JSON.parse(JSON.stringify(defaults));
  (function walk(dst, src) {
    for (const key of Object.keys(src)) {
      if (!Object.prototype.hasOwnProperty.call(src, key) || key === '__proto__' || key === 'constructor') continue;
      const value = src[key];
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        // ok: prototype-pollution
        dst[key] = dst[key] || {};
        walk(dst[key], value);
      } else {
        dst[key] = value;
      }
    }
  })(result, options);
  return result;
}

module.exports = { setKey, setKeyFixed, parseArgs, dset, dsetFixed, set, setFixed, processNested, mergeOptions, mergeOptionsFixed };
