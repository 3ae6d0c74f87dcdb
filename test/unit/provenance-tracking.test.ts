// Property tests of provenance range tracking: random edit sequences against an oracle that labels every character.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editTouches, mapRange, mapRangeThrough, type Range, type RangeEdit } from '../../server/engine';

/** mulberry32: seeded, so a failure names the seed that reproduces it. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The oracle: the text with a label per character (in the block or not). An edit deletes the labels of what it
 * replaces; an inserted character is in the block exactly when both its neighbours were (strictly inside).
 */
class LabelledText {
  constructor(public text: string, public labels: boolean[]) {}

  apply(start: number, end: number, inserted: string): { touched: boolean } {
    const joins = start > 0 && this.labels[start - 1] && end < this.text.length && this.labels[end];
    const touched = this.labels.slice(start, end).some(Boolean) || (joins && inserted.length > 0);
    this.labels = [...this.labels.slice(0, start), ...Array.from(inserted, () => joins), ...this.labels.slice(end)];
    this.text = this.text.slice(0, start) + inserted + this.text.slice(end);
    return { touched };
  }

  /** The block as a range, undefined when no character is left in it; asserts it is contiguous. */
  range(): Range | undefined {
    const first = this.labels.indexOf(true);
    if (first < 0) return undefined;
    const last = this.labels.lastIndexOf(true);
    assert.ok(this.labels.slice(first, last + 1).every(Boolean), 'the oracle block stays contiguous');
    const doc = TextDocument.create('file:///oracle', 'plaintext', 1, this.text);
    return { start: doc.positionAt(first), end: doc.positionAt(last + 1) };
  }
}

const alphabet = ['a', 'b', 'c', ' ', '\n', 'xy', '\n\n', 'foo()\n'];

function randomText(random: () => number, maxPieces: number): string {
  let text = '';
  const pieces = Math.floor(random() * maxPieces);
  for (let i = 0; i < pieces; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

/** A random edit near the block most of the time: inside, at its edges, across them, or anywhere. */
function randomEdit(random: () => number, oracle: LabelledText): { start: number; end: number; text: string } {
  const length = oracle.text.length;
  const first = oracle.labels.indexOf(true);
  const last = oracle.labels.lastIndexOf(true) + 1;
  const interesting = first >= 0 ? [first, last, first + 1, last - 1, Math.floor((first + last) / 2), 0, length] : [0, length];
  const pick = (): number => {
    const raw = random() < 0.6 ? interesting[Math.floor(random() * interesting.length)] + Math.floor(random() * 5) - 2 : Math.floor(random() * (length + 1));
    return Math.max(0, Math.min(length, raw));
  };
  const a = pick();
  const b = random() < 0.4 ? a : pick();
  const kind = random();
  const text = kind < 0.3 ? '' : randomText(random, 4);
  return { start: Math.min(a, b), end: Math.max(a, b), text };
}

describe('provenance range tracking (property tests against a per-character oracle)', () => {
  it('follows the block exactly through random edit sequences', () => {
    let sequences = 0;
    let edits = 0;
    let dropped = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const random = createRandom(seed);
      const before = randomText(random, 12);
      const block = randomText(random, 10) || 'z';
      const after = randomText(random, 12);
      const oracle = new LabelledText(before + block + after, [...Array.from(before, () => false), ...Array.from(block, () => true), ...Array.from(after, () => false)]);
      let tracked: Range | undefined = oracle.range();
      const steps = 1 + Math.floor(random() * 25);
      for (let step = 0; step < steps && tracked; step++) {
        const edit = randomEdit(random, oracle);
        const doc = TextDocument.create('file:///x', 'plaintext', 1, oracle.text);
        const lspEdit: RangeEdit = { range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) }, text: edit.text };
        const touchedByUs = editTouches(tracked, lspEdit);
        const { touched } = oracle.apply(edit.start, edit.end, edit.text);
        tracked = mapRange(tracked, lspEdit);
        const expected = oracle.range();
        assert.deepEqual(tracked, expected, `seed ${seed}, step ${step}: ${JSON.stringify(edit)} on ${JSON.stringify(doc.getText())}`);
        assert.equal(touchedByUs, touched, `seed ${seed}, step ${step}: whether ${JSON.stringify(edit)} touched the block`);
        edits++;
      }
      if (!tracked) dropped++;
      sequences++;
    }
    // The generator must exercise both outcomes, or the property says little.
    assert.ok(dropped > 20 && dropped < sequences - 100, `blocks deleted entirely in ${dropped} of ${sequences} sequences`);
    assert.ok(edits > 2500, `${edits} edits`);
  });

  it('maps multi-change events in order, each in the text the previous left', () => {
    for (let seed = 1000; seed < 1300; seed++) {
      const random = createRandom(seed);
      const text = 'heBLOCK\nLINESad\n';
      const oracle = new LabelledText(text, Array.from(text, (_c, i) => i >= 2 && i < 2 + 'BLOCK\nLINES'.length));
      const start = oracle.range()!;
      const changes: RangeEdit[] = [];
      for (let k = 0; k < 1 + Math.floor(random() * 5); k++) {
        const edit = randomEdit(random, oracle);
        const doc = TextDocument.create('file:///x', 'plaintext', 1, oracle.text);
        changes.push({ range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) }, text: edit.text });
        oracle.apply(edit.start, edit.end, edit.text);
      }
      assert.deepEqual(mapRangeThrough(start, changes), oracle.range(), `seed ${seed}`);
    }
  });

  it('grows only for text typed strictly inside; typing at either edge leaves the block as it was', () => {
    const block: Range = { start: { line: 1, character: 2 }, end: { line: 3, character: 4 } };
    assert.deepEqual(mapRange(block, { range: { start: block.end, end: block.end }, text: 'x' }), block);
    assert.deepEqual(mapRange(block, { range: { start: block.start, end: block.start }, text: 'x' }), { start: { line: 1, character: 3 }, end: block.end });
    assert.deepEqual(mapRange(block, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'a\nb' }), { start: block.start, end: { line: 4, character: 4 } });
    assert.equal(mapRange(block, { range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }, text: 'gone' }), undefined);
  });

  it('lines above: an inserted line moves the block down, a deleted one up', () => {
    const block: Range = { start: { line: 5, character: 0 }, end: { line: 9, character: 1 } };
    assert.deepEqual(mapRange(block, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x\n' }), { start: { line: 6, character: 0 }, end: { line: 10, character: 1 } });
    assert.deepEqual(mapRange(block, { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }), { start: { line: 4, character: 0 }, end: { line: 8, character: 1 } });
  });
});
