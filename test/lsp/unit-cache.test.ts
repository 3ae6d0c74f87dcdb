// The per-document unit cache the server relies on for edit latency: a unit whose fix edits outside it (an import to
// add) is reused while the text before that edit is unchanged, and re-run when it changes, always matching a fresh analysis.
import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import { Analyzer, fileFacts, metas, ParsedDocument, UnitCache, type Detector, type Finding, type RuleMeta } from '../../server/engine';

const meta: RuleMeta = { ...metas[0], id: 'test-danger', fixable: true };
/** Flags `danger(...)`: the fix renames the call and imports `safe` after the last import (outside the unit). */
const detector: Detector = {
  id: 'test-danger',
  family: 'javascript',
  create: (context) => ({
    call_expression(node) {
      const callee = node.childForFieldName('function');
      if (callee?.text !== 'danger') return;
      const imports = node.tree.rootNode.namedChildren.filter((n) => n?.type === 'import_statement');
      const last = imports.at(-1)!;
      const end = { line: last.endPosition.row, character: last.endPosition.column };
      context.report({
        node,
        fix: {
          title: 'Use safe()',
          edits: [{ range: context.rangeOf(callee), newText: 'safe' }, { range: { start: end, end }, newText: "\nimport { safe } from 'safe';" }],
          preservesBehaviour: false,
        },
      });
    },
  }),
};

const analyzer = new Analyzer([...metas, meta], [detector], { rules: {}, ignore: [], maxFileSize: 1 << 20 });
const facts = fileFacts('src/a.js', 'javascript');
const ours = (findings: readonly Finding[]) => findings.filter((f) => f.ruleId === 'test-danger').map((f) => ({ range: f.range, edits: f.fix?.edits }));

async function fresh(text: string) {
  const doc = await ParsedDocument.create('javascript', text);
  try {
    return ours(analyzer.analyze(doc, facts).findings);
  } finally {
    doc.dispose();
  }
}

it('reuses a unit whose fix edits above it while that text is unchanged, and re-runs it when it changes', async () => {
  const text = "import x from 'x';\n\nfunction a() {\n  return danger(1);\n}\n\nfunction b() {\n  return other();\n}\n";
  const doc = await ParsedDocument.create('javascript', text);
  const cache = new UnitCache();
  try {
    const first = analyzer.analyze(doc, facts, cache);
    assert.equal(ours(first.findings).length, 1);

    // An edit below the unit: everything is reused except the edited unit, and the fix is the one a fresh analysis gives.
    await doc.update([{ range: { start: { line: 7, character: 9 }, end: { line: 7, character: 9 } }, text: 'an' }]);
    const below = analyzer.analyze(doc, facts, cache);
    assert.equal(below.reusedUnits, below.units - 1);
    assert.deepEqual(ours(below.findings), await fresh(doc.text));

    // An edit above the import moves where the import goes: the cached fix must not be reused.
    await doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "'use strict';\n" }]);
    const above = analyzer.analyze(doc, facts, cache);
    assert.deepEqual(ours(above.findings), await fresh(doc.text));
    assert.equal(ours(above.findings)[0].edits?.[1].range.start.line, 1);

    // Lines inserted between the import and the unit move the unit but not the import: reused, and still right.
    await doc.update([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '// helpers\n\n' }]);
    const between = analyzer.analyze(doc, facts, cache);
    assert.equal(between.reusedUnits, between.units);
    assert.deepEqual(ours(between.findings), await fresh(doc.text));
  } finally {
    doc.dispose();
  }
});
