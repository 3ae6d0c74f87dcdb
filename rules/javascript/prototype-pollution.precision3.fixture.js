// A path setter whose segments pass through a key sanitizer (which renames or refuses "__proto__") is guarded.

function cleanKey(segment) {
  return segment === '__proto__' || segment === 'constructor' ? `_${segment}` : segment;
}

function assignPath(root, dotted, value) {
  const parts = dotted.split('.');
  let node = root;
  parts.slice(0, -1).forEach((part) => {
    const key = sanitizeKey(part);
    // ok: prototype-pollution
    if (typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  });
  node[sanitizeKey(parts[parts.length - 1])] = value;
  return root;
}

function sanitizeKey(part) {
  return cleanKey(part);
}

function assignPathUnguarded(root, dotted, value) {
  const parts = dotted.split('.');
  let node = root;
  parts.slice(0, -1).forEach((key) => {
    // expect: prototype-pollution
    if (typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  });
  // expect: prototype-pollution
  node[parts[parts.length - 1]] = value;
  return root;
}

module.exports = { assignPath, assignPathUnguarded };
