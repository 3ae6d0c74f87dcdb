// ParsedDocument.changedSince: the span edits touched between two versions, which analyses rely on to carry the texts of
// statements outside it. Checked against the texts themselves over random edit sequences.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParsedDocument, type Position } from '../../server/engine';

/** A small deterministic generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('ParsedDocument.changedSince', () => {
  it('bounds every change: the text before the span and after it is the old text', async () => {
    const next = random(7);
    const doc = await ParsedDocument.create('javascript', Array.from({ length: 40 }, (_, i) => `const v${i} = ${i};`).join('\n') + '\n');
    const texts = [doc.text];
    for (let step = 0; step < 120; step++) {
      const changes = [];
      let text = doc.text;
      // One to three changes per update, each in the text as the previous one left it.
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(next() * 30));
        const inserted = next() < 0.3 ? '' : `x${step}${'\n'.repeat(Math.floor(next() * 3))}`;
        changes.push({ range: { start: positionOf(text, start), end: positionOf(text, end) }, text: inserted });
        text = text.slice(0, start) + inserted + text.slice(end);
      }
      await doc.update(changes);
      assert.equal(doc.text, text);
      texts.push(text);
      for (const back of [1, 2, 5, 20]) {
        const version = doc.version - back;
        if (version < 0) continue;
        const span = doc.changedSince(version);
        assert.ok(span, `a span since version ${version}`);
        const old = texts[version];
        assert.equal(text.slice(0, span.start), old.slice(0, span.start), `before the span since ${version}`);
        assert.equal(text.slice(span.end), old.slice(span.end - span.delta), `after the span since ${version}`);
        assert.equal(text.length - old.length, span.delta);
      }
    }
    assert.equal(doc.changedSince(doc.version), null, 'nothing since now');
    assert.equal(doc.changedSince(doc.version - 100), undefined, 'too long ago to know');
  });

  it('knows nothing from before a full replacement', async () => {
    const doc = await ParsedDocument.create('python', 'a = 1\n');
    await doc.update([{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } }, text: '2' }]);
    assert.deepEqual(doc.changedSince(0), { start: 4, end: 5, delta: 0 });
    await doc.update([{ text: 'b = 3\n' }]);
    assert.equal(doc.changedSince(1), undefined);
    assert.equal(doc.changedSince(0), undefined);
    assert.equal(doc.changedSince(2), null);
  });
});
