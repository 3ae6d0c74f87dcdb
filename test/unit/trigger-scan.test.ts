// Proves the whole-file trigger scan answers as each unit's own test would: never a miss, on every fixture, every trigger and hand-made edges.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { detectors, familyOf, languageOfPath, ParsedDocument, type SyntaxNode } from '../../server/engine';
import { DecodedText, decodeEscapes, TriggerScan } from '../../server/engine/trigger-scan';
import { splitUnits } from '../../server/engine/units';

const repo = path.resolve(__dirname, '..', '..', '..');

/** Every pattern a detector's triggers test for a file. */
function patternsFor(family: string, text: string): RegExp[] {
  return detectors.filter((d) => d.family === family && d.triggers).flatMap((d) => {
    const t = typeof d.triggers === 'function' ? d.triggers({ text, bindings: [] }) : d.triggers!;
    return t instanceof RegExp ? [t] : [t.text];
  });
}

/** Units as the analyzer splits them: [start, end, text]. */
async function unitsOf(relPath: string, text: string): Promise<[number, number, string][]> {
  const language = languageOfPath(relPath)!;
  const document = await ParsedDocument.create(language, text);
  try {
    const statements = document.syntax.rootNode.namedChildren;
    return splitUnits(statements, familyOf(language)).map((u) => [u.node.startIndex, u.node.endIndex, u.node.text]);
  } finally {
    document.dispose();
  }
}

function misses(pattern: RegExp, text: string, units: readonly [number, number, string][]): string[] {
  const scan = TriggerScan.of(pattern, text);
  if (!scan) return [];
  return units.filter(([start, end, unitText]) => pattern.test(unitText) && !scan.matches(start, end, unitText)).map(([start]) => `${pattern.source.slice(0, 60)} at ${start}`);
}

describe('trigger scan', () => {
  for (const family of ['javascript', 'python']) {
    it(`passes every unit its own test passes, for every ${family} trigger on every ${family} fixture`, async () => {
      const dir = path.join(repo, 'rules', family);
      const problems: string[] = [];
      for (const name of fs.readdirSync(dir).filter((f) => /\.(fixture|fixed)\.[a-z]+$/.test(f))) {
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        const units = await unitsOf(`rules/${family}/${name}`, text);
        for (const pattern of patternsFor(family, text)) problems.push(...misses(pattern, text, units).map((m) => `${name}: ${m}`));
        // And on the decoded text, as the analyzer scans it for units with escapes.
        const decoded = new DecodedText(text);
        const decodedUnits = units.filter(([, , t]) => !t.endsWith('\\')).map(([start, end, t]): [number, number, string] => [decoded.offsetOf(start), decoded.offsetOf(end), decodeEscapes(t)]);
        for (const pattern of patternsFor(family, text)) problems.push(...misses(pattern, decoded.text, decodedUnits).map((m) => `${name} decoded: ${m}`));
      }
      assert.deepEqual(problems, []);
    });
  }

  it('falls back to the unit text at edges the file scan cannot judge', async () => {
    // Statements sharing a line, a match running over a unit's start, a name right at a unit's edge.
    const text = 'query(a);query(b)\nx = 1;\n/* x */ run(c)\nfoo()\n';
    const units = await unitsOf('src/a.js', text);
    // `(?<!;)query` and `;(?!q)` see the neighbouring statement in the file; `\*\/ run` swallows the start of `run(c)`.
    for (const pattern of [/(?<!;)query/, /;(?!q)/, /\*\/ run|run\(c\)/, /\bquery\b/, /(?<![\w$])query(?![\w$])/, /(?<![.$])run/, /foo\(\)/]) {
      assert.deepEqual(misses(pattern, text, units), [], pattern.source);
    }
  });

  it('maps offsets into the decoded text', () => {
    const raw = "a = '\\x6dd5';\nb = '\\u{1F600}\\n';\nc = 1;\n";
    const decoded = new DecodedText(raw);
    assert.equal(decoded.text, decodeEscapes(raw));
    for (const word of ['b =', 'c =']) assert.equal(decoded.text.slice(decoded.offsetOf(raw.indexOf(word))).slice(0, 3), word);
    assert.equal(decoded.offsetOf(raw.length), decoded.text.length);
  });

  it('does not stand in for patterns whose meaning depends on the unit edges', () => {
    assert.equal(TriggerScan.of(/^import/, 'x'), undefined);
    assert.equal(TriggerScan.of(/foo$/, 'x'), undefined);
    assert.equal(TriggerScan.of(/foo(?!\s*\()/, 'x'), undefined);
    assert.equal(TriggerScan.of(/(?<![^a])foo/, 'x'), undefined);
    assert.ok(TriggerScan.of(/(?<![\w$])foo(?![\w$])|[$]x/, 'x'));
  });
});
