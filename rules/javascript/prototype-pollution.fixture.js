// Utility code of the kind npm prototype-pollution advisories are about.

function merge(target, source) {
  for (const key in source) {
    if (typeof source[key] === 'object' && source[key] !== null) {
      // expect: prototype-pollution
      if (!target[key]) target[key] = {};
      merge(target[key], source[key]);
    } else {
      // expect: prototype-pollution
      target[key] = source[key];
    }
  }
  return target;
}

const deepExtend = (dst, src) => {
  Object.keys(src).forEach((k) => {
    if (isPlainObject(src[k])) {
      // expect: prototype-pollution
      dst[k] = deepExtend(dst[k] || {}, src[k]);
    } else {
      // expect: prototype-pollution
      dst[k] = src[k];
    }
  });
  return dst;
};

function setByPath(obj, path, value) {
  const keys = path.split('.');
  let current = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    // expect: prototype-pollution
    if (!current[keys[i]]) current[keys[i]] = {};
    current = current[keys[i]];
  }
  // expect: prototype-pollution
  current[keys[keys.length - 1]] = value;
  return obj;
}

module.exports.set = function set(target, dotted, val) {
  const parts = Array.isArray(dotted) ? dotted : dotted.split('.');
  let node = target;
  while (parts.length > 1) {
    const part = parts.shift();
    // expect: prototype-pollution
    node = node[part] = node[part] || {};
  }
  // expect: prototype-pollution
  node[parts[0]] = val;
};

class Config {
  mergeDeep(target, ...sources) {
    for (const source of sources) {
      for (const [key, value] of Object.entries(source)) {
        if (value && typeof value === 'object') {
          // expect: prototype-pollution
          target[key] = this.mergeDeep(target[key] ?? {}, value);
        } else {
          // expect: prototype-pollution
          target[key] = value;
        }
      }
    }
    return target;
  }
}

function assignPath(root, segments, value) {
  // expect: prototype-pollution
  const last = segments.slice(0, -1).reduce((o, s) => (o[s] = o[s] || {}), root);
  // expect: prototype-pollution
  last[segments[segments.length - 1]] = value;
}

function defaultsDeep(opts, defaults) {
  for (const name in defaults) {
    if (typeof defaults[name] === 'object') {
      // expect: prototype-pollution
      defaultsDeep(opts[name] = opts[name] || {}, defaults[name]);
    } else if (opts[name] === undefined) {
      // expect: prototype-pollution
      opts[name] = defaults[name];
    }
  }
}

// ---- negatives ----

function mergeSafe(target, source) {
  for (const key in source) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (typeof source[key] === 'object' && source[key] !== null) {
      // ok: prototype-pollution
      if (!target[key]) target[key] = {};
      mergeSafe(target[key], source[key]);
    } else {
      // ok: prototype-pollution
      target[key] = source[key];
    }
  }
  return target;
}

function shallowCopy(source) {
  const out = {};
  for (const key in source) {
    // ok: prototype-pollution
    out[key] = source[key];
  }
  return out;
}

function squares(n) {
  const result = [];
  for (let i = 0; i < n; i++) {
    // ok: prototype-pollution
    result[i] = i * i;
  }
  return result;
}

function countWords(words) {
  const counts = {};
  for (const word of words) {
    // ok: prototype-pollution
    counts[word] = (counts[word] || 0) + 1;
  }
  return counts;
}

const isUnsafeKey = (key) => key === '__proto__' || key === 'constructor' || key === 'prototype';
function setSafe(obj, path, value) {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (isUnsafeKey(k)) return obj;
    // ok: prototype-pollution
    cur = cur[k] = cur[k] || {};
  }
  // ok: prototype-pollution
  cur[keys[keys.length - 1]] = value;
  return obj;
}

function mergeOwn(target, source) {
  for (const key of Object.keys(source)) {
    if (Object.prototype.hasOwnProperty.call(target, key) && isObject(target[key])) {
      mergeOwn(target[key], source[key]);
    } else {
      // ok: prototype-pollution
      target[key] = source[key];
    }
  }
}

function mergeIntoNullProto(source) {
  const target = Object.create(null);
  for (const key in source) {
    // ok: prototype-pollution
    target[key] = isObject(source[key]) ? mergeIntoNullProto(source[key]) : source[key];
  }
  return target;
}

function indexBy(items, field) {
  const index = {};
  for (const item of items) {
    // ok: prototype-pollution
    index[item[field]] = item;
  }
  return index;
}

function setHeader(headers, name, value) {
  // ok: prototype-pollution
  headers[name.toLowerCase()] = value;
}

function copyMatrix(src) {
  const out = [];
  for (let row = 0; row < src.length; row++) {
    out[row] = [];
    for (let col = 0; col < src[row].length; col++) {
      // ok: prototype-pollution
      out[row][col] = src[row][col];
    }
  }
  return out;
}

function cacheResult(cache, key, compute) {
  // ok: prototype-pollution
  return (cache[key] = cache[key] || compute());
}
