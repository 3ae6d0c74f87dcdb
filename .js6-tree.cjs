// scratch: prints a tree for a snippet (removed before handing back)
const { ParsedDocument } = require('./out/server/engine');
(async () => {
  const lang = process.argv[2]; const text = process.argv[3];
  const d = await ParsedDocument.create(lang, text);
  const walk = (n, depth, field) => { if (!n.isNamed) return; console.log('  '.repeat(depth) + (field ? field + ': ' : '') + n.type + (n.namedChildCount === 0 ? ' ' + JSON.stringify(n.text) : '')); for (let i = 0; i < n.childCount; i++) walk(n.child(i), depth + 1, n.fieldNameForChild(i)); };
  walk(d.tree.rootNode, 0);
})();
