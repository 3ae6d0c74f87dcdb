// A deep copy that recurses on the source's values alone writes a freshly built value: a "__proto__" key then changes
// the copy's own prototype, not Object.prototype. Recursing into what the target already holds is the hazard.

function deepCopy(value) {
  if (!value || typeof value !== 'object') return value;
  const copy = Array.isArray(value) ? [] : {};
  for (const field in value) {
    // ok: prototype-pollution
    copy[field] = deepCopy(value[field]);
  }
  return copy;
}

function mergeInto(target, source) {
  for (const field in source) {
    const incoming = source[field];
    // expect: prototype-pollution
    target[field] = incoming && typeof incoming === 'object' ? mergeInto(target[field] || {}, incoming) : incoming;
  }
  return target;
}

function extendDeep(base, patch) {
  Object.keys(patch).forEach((name) => {
    const existing = typeof base[name] === 'object' ? base[name] : {};
    // expect: prototype-pollution
    base[name] = typeof patch[name] === 'object' ? extendDeep(existing, patch[name]) : patch[name];
  });
  return base;
}

module.exports = { deepCopy, mergeInto, extendDeep };
