// Engine behaviour that every face relies on: incremental parsing, unit caching, suppressions, bad input, rule isolation.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Analyzer, UnitCache, createAnalyzer, defaultOptions, detectors, editLineStarts, fileFacts, metas, ParsedDocument, type Detector, type LanguageId } from '../../server/engine';

const weak = (name: string) => `const crypto = require('crypto');\nfunction ${name}(password) {\n  return crypto.createHash('md5').update(password).digest('hex');\n}\n`;

async function findingsOf(text: string, language: 'javascript' | 'python' | 'typescript' | 'tsx' = 'javascript', path = 'src/app.js') {
  const doc = await ParsedDocument.create(language, text);
  try {
    return createAnalyzer(defaultOptions).analyze(doc, fileFacts(path, language)).findings;
  } finally {
    doc.dispose();
  }
}

describe('ParsedDocument', () => {
  it('an incremental edit gives the same tree as a fresh parse', async () => {
    const doc = await ParsedDocument.create('javascript', weak('a') + weak('b'));
    await doc.update([{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 10 } }, text: 'hash😀Password' }]);
    await doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n' }]);
    const fresh = await ParsedDocument.create('javascript', doc.text);
    assert.equal(doc.tree.rootNode.toString(), fresh.tree.rootNode.toString());
    assert.match(doc.text, /^\/\/ header\nconst crypto/);
    assert.equal(doc.lineText(2), 'function hash😀Password(password) {');
    doc.dispose();
    fresh.dispose();
  });

  it('keeps line starts right through random edits (kept incrementally, checked against the text)', () => {
    const starts = (text: string): number[] => [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const pieces = ['', 'a', '\n', '\r\n', 'xy\nz', '\n\n', 'const a = 1;\n'];
    let text = 'one\ntwo\r\nthree\n';
    let lines = starts(text);
    for (let i = 0; i < 2000; i++) {
      const start = random(text.length + 1);
      const end = start + random(Math.min(6, text.length - start) + 1);
      const inserted = pieces[random(pieces.length)] + pieces[random(pieces.length)];
      lines = editLineStarts(lines, start, end, inserted);
      text = text.slice(0, start) + inserted + text.slice(end);
      assert.deepEqual(lines, starts(text), `after edit ${i}`);
    }
  });

  it('converts positions and offsets in UTF-16 units', async () => {
    const doc = await ParsedDocument.create('python', 'x = "é😀"\ny = 1\n');
    assert.deepEqual(doc.positionAt(doc.text.indexOf('y')), { line: 1, character: 0 });
    assert.equal(doc.offsetAt({ line: 0, character: 99 }), doc.text.indexOf('\n'));
    doc.dispose();
  });
});

describe('Analyzer', () => {
  it('shows a low-confidence finding one severity lower, unless the user set the rule\'s severity', async () => {
    const text = "function stripPrefix(text, prefix) {\n  return text.replace(new RegExp(`^${prefix}[-_]?`), '');\n}\n";
    const [low] = await findingsOf(text);
    assert.equal(low?.ruleId, 'regex-injection');
    assert.equal(low.confidence, 'low');
    assert.equal(metas.find((m) => m.id === 'regex-injection')?.severity, 'warning');
    assert.equal(low.severity, 'info', 'the rule says it may be wrong: not a warning');
    const doc = await ParsedDocument.create('javascript', text);
    try {
      const set = createAnalyzer({ ...defaultOptions, rules: { 'regex-injection': 'warning' } }).analyze(doc, fileFacts('src/app.js', 'javascript')).findings;
      assert.equal(set[0]?.severity, 'warning', 'a severity the user set stays as set');
    } finally {
      doc.dispose();
    }
  });

  it('reuses the findings of units that did not change and moves them with the text', async () => {
    const analyzer = createAnalyzer(defaultOptions);
    const cache = new UnitCache();
    const doc = await ParsedDocument.create('javascript', weak('a') + weak('b'));
    const first = analyzer.analyze(doc, fileFacts('a.js', 'javascript'), cache);
    assert.equal(first.reusedUnits, 0);
    assert.deepEqual(first.findings.map((f) => f.range.start.line), [2, 6]);
    await doc.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n\n' }]);
    const second = analyzer.analyze(doc, fileFacts('a.js', 'javascript'), cache);
    assert.ok(second.reusedUnits >= 2, `reused ${second.reusedUnits}`);
    assert.deepEqual(second.findings.map((f) => f.range.start.line), [4, 8]);
    doc.dispose();
  });

  it('a rule that throws loses only its own findings', async () => {
    const boom: Detector = { id: 'boom', family: 'javascript', create: () => ({ call_expression() { throw new Error('boom'); } }) };
    const analyzer = new Analyzer([...metas, { ...metas[0], id: 'boom' }], [...detectors, boom], defaultOptions);
    const doc = await ParsedDocument.create('javascript', weak('a'));
    const result = analyzer.analyze(doc, fileFacts('a.js', 'javascript'));
    assert.equal(result.failures.length, 1);
    assert.ok(result.findings.some((f) => f.ruleId === 'weak-hash'));
    doc.dispose();
  });

  it('runs a rule only on units whose text matches its triggers', async () => {
    const seen: string[] = [];
    const probe: Detector = {
      id: 'probe', family: 'javascript', triggers: /\bdanger\b/,
      create: () => ({ call_expression(node) { seen.push(node.text); } }),
    };
    const analyzer = new Analyzer([{ ...metas[0], id: 'probe' }], [probe], defaultOptions);
    const doc = await ParsedDocument.create('javascript', 'function a() { safe(1); }\nfunction b() { danger(2); }\n');
    analyzer.analyze(doc, fileFacts('a.js', 'javascript'));
    assert.deepEqual(seen, ['danger(2)']);
    doc.dispose();
  });

  it('also runs a rule where its triggers are spelled through an import alias, an escape or the class header', async () => {
    const seen: string[] = [];
    const probe = (triggers: Detector['triggers']): Detector => ({
      id: 'probe', family: 'javascript', triggers,
      create: () => ({ call_expression(node) { seen.push(node.text); } }),
    });
    const run = async (detector: Detector, text: string): Promise<string[]> => {
      seen.length = 0;
      const doc = await ParsedDocument.create('javascript', text);
      new Analyzer([{ ...metas[0], id: 'probe' }], [detector], defaultOptions).analyze(doc, fileFacts('a.js', 'javascript'));
      doc.dispose();
      return [...seen];
    };
    const aliased = "const { danger: d } = require('hazards');\nfunction a() { d(1); }\nfunction b() { safe(2); }\n";
    assert.deepEqual(await run(probe({ text: /\bdanger\b/, imports: /^hazards\.danger$/ }), aliased), ["require('hazards')", 'd(1)']);
    assert.deepEqual(await run(probe({ text: /\bdanger\b/, imports: /^other$/ }), aliased), ["require('hazards')"]);
    assert.deepEqual(await run(probe(/\bdanger\b/), "function a() { log('\\x64anger'); }\nfunction b() { log('safe'); }\n"), ["log('\\x64anger')"]);
    assert.deepEqual(await run(probe(/Danger/), 'class Danger {\n  a() { one(); }\n  b() { two(); }\n}\n'), ['one()', 'two()']);
    // Built per file: here the trigger depends on what the file imports.
    const perFile = probe((file) => (file.bindings.some((b) => b.module === 'hazards') ? /\bd\(/ : /(?!)/));
    assert.deepEqual(await run(perFile, aliased), ['d(1)']);
    assert.deepEqual(await run(perFile, 'function a() { d(1); }\n'), []);
  });

  it('turns rules off and changes severity from options', async () => {
    const doc = await ParsedDocument.create('javascript', weak('a'));
    const off = createAnalyzer({ ...defaultOptions, rules: { 'weak-hash': 'off' } }).analyze(doc, fileFacts('a.js', 'javascript'));
    assert.equal(off.findings.length, 0);
    const error = createAnalyzer({ ...defaultOptions, rules: { 'weak-hash': 'error' } }).analyze(doc, fileFacts('a.js', 'javascript'));
    assert.equal(error.findings[0]?.severity, 'error');
    doc.dispose();
  });

  it('still finds problems where a broken file parses', async () => {
    const text = weak('a') + 'function broken( {\n  if (x ==== ) {\n';
    const findings = await findingsOf(text);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line]), [['weak-hash', 2]]);
  });

  it('survives deep nesting and a huge string', async () => {
    const deep = 'x = ' + '['.repeat(3000) + ']'.repeat(3000) + '\n';
    assert.deepEqual(await findingsOf(deep), []);
    const huge = `const s = "${'a'.repeat(500_000)}";\n` + weak('a');
    assert.equal((await findingsOf(huge)).length, 1);
  });
});

describe('syntax node reads', () => {
  it('answer a node\'s parent as tree-sitter does, in any order', async () => {
    const sources: [LanguageId, string][] = [
      ['javascript', weak('a') + "const s = 'a' + 'b' + `c${d}` + 'e';\nclass K { m() { return [1, [2, (3)]]; } }\nfunction broken( {\n"],
      ['tsx', 'export const A = () => <div className="x">{items.map((i) => <b key={i}>{i}</b>)}</div>;\nlet x = a!.b as C;\n'],
      ['python', '@app.route("/x")\ndef view(a=1, *b, **c):\n    return f"{a}" "b" \'c\'\n\nclass T:\n    x: int = 1\n    def m(self): pass\nif (\n'],
    ];
    for (const [language, text] of sources) {
      const doc = await ParsedDocument.create(language, text);
      // A cursor knows every node's parent: the node it stepped down from. The decoded tree lists the same nodes in the
      // same order (document order, parents first), so the i-th node of each must agree on its parent.
      const expected: { type: string; start: number; end: number; parent: number }[] = [];
      const cursor = doc.tree.walk();
      const stack: number[] = [];
      for (;;) {
        const node = cursor.currentNode;
        expected.push({ type: node.type, start: node.startIndex, end: node.endIndex, parent: stack[stack.length - 1] ?? -1 });
        if (cursor.gotoFirstChild()) {
          stack.push(expected.length - 1);
          continue;
        }
        let next = false;
        while (!(next = cursor.gotoNextSibling())) {
          if (!cursor.gotoParent()) break;
          stack.pop();
        }
        if (!next) break;
      }
      cursor.delete();
      const syntax = doc.syntax;
      assert.equal(syntax.count, expected.length, `${language}: node count`);
      // Asked in a scrambled order: the answers may not depend on what was asked before.
      const order = expected.map((_, i) => (i * 7919) % expected.length);
      for (const i of order) {
        const node = syntax.nodeAt(i);
        assert.deepEqual([node.type, node.startIndex, node.endIndex], [expected[i].type, expected[i].start, expected[i].end], `${language}: node ${i}`);
        assert.equal(node.parent?.index ?? -1, expected[i].parent, `${language}: parent of ${node.type} at ${node.startIndex}`);
      }
      doc.dispose();
    }
  });
});

describe('suppressions', () => {
  it('silences a finding from the line above or the same line, with its reason', async () => {
    const above = weak('a').replace("  return crypto", "  // skeptic-ignore weak-hash -- legacy protocol requires MD5\n  return crypto");
    const [f] = await findingsOf(above);
    assert.equal(f.suppression?.reason, 'legacy protocol requires MD5');
    const same = weak('a').replace("digest('hex');", "digest('hex'); // skeptic-ignore weak-hash");
    assert.ok((await findingsOf(same))[0].suppression);
  });

  it('does not silence other rules, other lines, or text inside strings', async () => {
    const other = weak('a').replace("  return crypto", "  // skeptic-ignore code-injection -- not this one\n  return crypto");
    assert.equal((await findingsOf(other))[0].suppression, undefined);
    const twoAbove = weak('a').replace("  return crypto", "  // skeptic-ignore weak-hash -- too far\n\n  return crypto");
    assert.equal((await findingsOf(twoAbove))[0].suppression, undefined);
    const inString = weak('a').replace("digest('hex');", "digest('// skeptic-ignore weak-hash');");
    assert.equal((await findingsOf(inString))[0].suppression, undefined);
  });
});
