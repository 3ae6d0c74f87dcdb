// The decoded syntax tree (server/engine/syntax-tree.ts) against web-tree-sitter's own answers: every node of every
// fixture and of hard inputs, with its type, range, points, flags, parent, field children and searches.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Node } from 'web-tree-sitter';
import { languageOfPath, ParsedDocument, type LanguageId } from '../../server/engine';
import type { SyntaxNode } from '../../server/engine/syntax-tree';

const repo = path.join(__dirname, '..', '..', '..');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (/\.(fixture|fixed)\./.test(entry.name) && languageOfPath(full)) out.push(full);
  }
  return out;
}

/** The engine reads `await pool.query<T>(…)`'s callee as `pool.query` (see calleeOfTypedCall); so does this comparison. */
function calleeOf(call: Node, callee: Node | null): Node | null {
  if (call.type !== 'call_expression') return callee;
  let current = callee;
  while (current && (current.type === 'await_expression' || current.type === 'unary_expression')) {
    current = current.type === 'unary_expression' ? current.childForFieldName('argument') : current.namedChildren[0];
  }
  return current ?? callee;
}

const same = (a: Node | null, b: SyntaxNode | null): boolean =>
  (a === null) === (b === null) && (!a || (a.type === b!.type && a.startIndex === b!.startIndex && a.endIndex === b!.endIndex));

/** Compares every node; returns the differences found (empty when the trees agree). */
function compare(label: string, doc: ParsedDocument, printable = true): string[] {
  const problems: string[] = [];
  const note = (message: string): void => {
    if (problems.length < 20) problems.push(`${label}: ${message}`);
  };
  const expected: Node[] = [];
  const pending: Node[] = [doc.tree.rootNode];
  while (pending.length) {
    const node = pending.pop()!;
    expected.push(node);
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
  }
  const syntax = doc.syntax;
  if (syntax.count !== expected.length) note(`${syntax.count} nodes decoded, tree-sitter has ${expected.length}`);
  const fields = doc.tree.language.fields.filter((f): f is string => !!f);
  const index = new Map<number, number>();
  expected.forEach((node, i) => index.set(node.id, i));
  for (let i = 0; i < Math.min(expected.length, syntax.count); i++) {
    const a = expected[i];
    const b = syntax.nodeAt(i);
    const fact = (n: Node | SyntaxNode): unknown[] => [n.type, n.startIndex, n.endIndex, n.startPosition.row, n.startPosition.column, n.endPosition.row, n.endPosition.column, n.isNamed, n.isMissing, n.isExtra, n.hasError, n.isError];
    if (JSON.stringify(fact(a)) !== JSON.stringify(fact(b))) {
      note(`node ${i}: ${JSON.stringify(fact(a))} decoded as ${JSON.stringify(fact(b))}`);
      continue;
    }
    const parent = a.parent ? index.get(a.parent.id) ?? -2 : -1;
    if ((b.parent?.index ?? -1) !== parent) note(`node ${i} (${a.type}): parent ${parent}, decoded ${b.parent?.index}`);
    if (b.children.length !== a.childCount || b.namedChildren.length !== a.namedChildCount) note(`node ${i} (${a.type}): child counts`);
    // tree-sitter's sibling search passes over zero-width siblings (missing tokens, empty blocks in broken code) that
    // its `children` lists; the decoded tree answers from the list.
    const zeroWidth = a.parent?.children.some((c) => c!.startIndex === c!.endIndex);
    if (!zeroWidth && (!same(a.nextSibling, b.nextSibling) || !same(a.previousSibling, b.previousSibling) || !same(a.nextNamedSibling, b.nextNamedSibling) || !same(a.previousNamedSibling, b.previousNamedSibling))) {
      note(`node ${i} (${a.type}): siblings`);
    }
    if (!a.childCount) continue;
    for (const name of fields) {
      const want = name === 'function' ? calleeOf(a, a.childForFieldName(name)) : a.childForFieldName(name);
      if (!same(want, b.childForFieldName(name))) note(`node ${i} (${a.type}) field ${name}: ${want?.type} decoded as ${b.childForFieldName(name)?.type}`);
      // Inside an ERROR node tree-sitter's cursor (childrenForFieldName) and its field lookup (childForFieldName) differ;
      // the decoded tree answers both as the field lookup does.
      if (a.type === 'ERROR' || a.hasError) continue;
      const many = a.childrenForFieldName(name);
      const decoded = b.childrenForFieldName(name);
      if (many.length !== decoded.length || many.some((n, k) => !same(n, decoded[k]))) note(`node ${i} (${a.type}) fields ${name}`);
    }
  }
  // Searches: by type, within a range, and the smallest node around offsets.
  const root = doc.tree.rootNode;
  const types = [...new Set(expected.filter((n) => n.isNamed && n.type !== 'ERROR').map((n) => n.type))];
  for (let k = 0; k < types.length; k += 5) {
    const wanted = types.slice(k, k + 5);
    const a = root.descendantsOfType(wanted);
    const b = syntax.rootNode.descendantsOfType(wanted);
    if (a.length !== b.length || a.some((n, j) => !same(n, b[j]))) note(`descendantsOfType(${wanted})`);
    const statements = root.namedChildren;
    if (statements.length > 2) {
      const from = statements[1]!.startPosition;
      const to = statements[statements.length - 2]!.endPosition;
      const ar = root.descendantsOfType(wanted, from, to);
      const br = syntax.rootNode.descendantsOfType(wanted, from, to);
      if (ar.length !== br.length || ar.some((n, j) => !same(n, br[j]))) note(`descendantsOfType(${wanted}) in a range`);
    }
  }
  for (let i = 0; i < expected.length; i += 3) {
    const n = expected[i];
    for (const [start, end] of [[n.startIndex, n.startIndex], [n.startIndex, n.endIndex], [n.endIndex, n.endIndex]]) {
      if (!same(root.descendantForIndex(start, end), syntax.rootNode.descendantForIndex(start, end))) note(`descendantForIndex(${start}, ${end})`);
    }
  }
  // web-tree-sitter's own printer recurses in wasm and overflows on deep nesting: compared on ordinary inputs only.
  if (printable && !root.hasError && root.toString() !== syntax.rootNode.toString()) note('toString differs');
  return problems;
}

describe('decoded syntax tree', () => {
  it('answers as web-tree-sitter on every fixture', async () => {
    const files = [...sourceFiles(path.join(repo, 'rules'))];
    assert.ok(files.length > 300, `fixtures found: ${files.length}`);
    const problems: string[] = [];
    for (const file of files) {
      const doc = await ParsedDocument.create(languageOfPath(file)!, fs.readFileSync(file, 'utf8'));
      try {
        problems.push(...compare(path.relative(repo, file), doc));
      } finally {
        doc.dispose();
      }
    }
    assert.deepEqual(problems, []);
  });

  it('answers as web-tree-sitter on hard inputs', async () => {
    const deep = 'x = ' + '['.repeat(3000) + ']'.repeat(3000) + '\n';
    const inputs: [LanguageId, string][] = [
      ['javascript', ''],
      ['python', '\n\n'],
      ['javascript', 'const s = "héllo 🎉 世界"; const t = `${s} 😀`;\r\nfoo(s)\r\n\tbar(t);\n'],
      ['javascript', 'function f( {\n  if (x\n  return 1\n}\nconst y = ;\n'],
      ['python', 'def f(:\n    return [1, 2\nclass\n'],
      ['python', deep],
      ['javascript', 'let a = ' + '1 + '.repeat(4000) + '1;\n'],
      ['typescript', 'const a = await pool.query<User>(sql); type Q = typeof a.b; let v = !isValid<T>(x);\n'],
      ['tsx', 'export const A = () => <div className="x">{items.map((i) => <b key={i}>{i}</b>)}</div>;\n'],
      ['python', 'from a import (b as c, d)\nprint(f"{x!r:>{w}}", *args, **kw)\nmatch p:\n    case [1, *rest]: pass\n'],
    ];
    const problems: string[] = [];
    for (const [language, text] of inputs) {
      const doc = await ParsedDocument.create(language, text);
      try {
        problems.push(...compare(`${language} ${JSON.stringify(text.slice(0, 30))}`, doc, text.length < 1000));
      } finally {
        doc.dispose();
      }
    }
    assert.deepEqual(problems, []);
  });

  it('reads a statement after an edit from the new tree, and refuses an old tree\'s unread statement', async () => {
    const doc = await ParsedDocument.create('javascript', 'const a = f(1);\nconst b = g(2);\n');
    try {
      const before = doc.syntax;
      const first = before.rootNode.namedChildren[0];
      assert.equal(first.descendantsOfType('call_expression')[0].text, 'f(1)');
      await doc.update([{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 11 } }, text: 'h' }]);
      assert.equal(doc.syntax.rootNode.namedChildren[0].descendantsOfType('call_expression')[0].text, 'h(1)');
      // What was read before the edit stays readable; what was not can no longer be read from the old tree.
      assert.equal(first.descendantsOfType('call_expression')[0].text, 'f(1)');
      assert.throws(() => before.rootNode.namedChildren[1].children, /after its document changed/);
    } finally {
      doc.dispose();
    }
  });

  it('orders a point past its line\'s end as tree-sitter does in a range search', async () => {
    const doc = await ParsedDocument.create('javascript', 'const a = f(1); // c\nlet b = g(a);\n');
    try {
      const far = { row: 0, column: 999 };
      const ranges: [{ row: number; column: number }, { row: number; column: number }?][] = [[far], [{ row: 0, column: 0 }, far]];
      for (const [from, to] of ranges) {
        const want = doc.tree.rootNode.descendantsOfType('identifier', from, to).map((n) => n!.startIndex);
        assert.deepEqual(doc.syntax.rootNode.descendantsOfType('identifier', from, to).map((n) => n.startIndex), want, JSON.stringify([from, to]));
      }
    } finally {
      doc.dispose();
    }
  });

  it('reads a statement decoded lazily after the wasm memory grew (another document parsed meanwhile)', async () => {
    const doc = await ParsedDocument.create('javascript', 'const a = f(1);\nconst b = g(2);\n');
    const root = doc.syntax.rootNode;
    // Holding this tree makes the runtime grow its memory, which detaches the views a decoder captured.
    const other = await ParsedDocument.create('javascript', `x = [${'1,'.repeat(2_000_000)}];\n`);
    try {
      assert.deepEqual(root.namedChildren[1].descendantsOfType('call_expression').map((n) => n.text), ['g(2)']);
      assert.deepEqual(root.namedChildren[0].children.map((n) => n.type), ['const', 'variable_declarator', ';']);
    } finally {
      other.dispose();
      doc.dispose();
    }
  });

  it('refuses, rather than misreads, an old statement while an update is re-parsing the edited tree', async () => {
    const doc = await ParsedDocument.create('javascript', 'const a = f(1);\nconst b = g(2);\n');
    try {
      const root = doc.syntax.rootNode;
      const update = doc.update([{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 11 } }, text: 'hhhh' }]);
      assert.throws(() => root.namedChildren[1].children, /after its document changed/);
      await update;
      assert.equal(doc.syntax.rootNode.namedChildren[1].descendantsOfType('call_expression')[0].text, 'hhhh(2)');
    } finally {
      doc.dispose();
    }
  });
});
