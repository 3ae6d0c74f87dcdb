// Where a recorded file gone from disk moved (MoveFinder): one decision for the editor's and the CLI's question, ties never guessed, reading bounded.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultMoveLimits, fingerprintOf, MoveFinder, TextLines, type LedgerRecord, type MoveLimits, type MoveSource } from '../../server/engine';

/** A three-line block; `n` makes it unique. */
const block = (n: number): string => `function handler${n}(req) {\n  return lookup(req.query.id, ${n});\n}`;

/** A file holding `blocks` (by number) between filler lines, and where each block stands. */
function fileOf(blocks: readonly number[], filler = '// file'): { text: string; ranges: Map<number, { start: { line: number; character: number }; end: { line: number; character: number } }> } {
  const lines: string[] = [filler];
  const ranges = new Map();
  for (const n of blocks) {
    ranges.set(n, { start: { line: lines.length, character: 0 }, end: { line: lines.length + 2, character: 1 } });
    lines.push(...block(n).split('\n'), '');
  }
  return { text: lines.join('\n'), ranges };
}

/** The records the ledger kept for `file` when it held `blocks`. */
function recordsOf(file: string, blocks: readonly number[]): LedgerRecord[] {
  const { text, ranges } = fileOf(blocks);
  return blocks.map((n) => ({
    id: `${String(n).padStart(4, '0')}${file.replace(/[^a-z0-9]/g, '')}`.slice(0, 16).padEnd(6, '0'),
    path: file, origin: 'inline-completion', time: '2026-11-25T14:02:00.000Z', range: ranges.get(n)!,
    ...fingerprintOf(new TextLines(text), ranges.get(n)!)!, unconfirmedSuppressions: [],
  }));
}

interface World {
  /** Gone files and the blocks the ledger records for each. */
  readonly gone: Record<string, readonly number[]>;
  /** Files on disk the ledger records nothing for, and the blocks each holds now. */
  readonly disk: Record<string, readonly number[]>;
}

/** A source over `world` that counts what it reads. */
function sourceOf(world: World): MoveSource & { reads: { records: string[]; texts: string[]; listings: number } } {
  const reads = { records: [] as string[], texts: [] as string[], listings: 0 };
  return {
    reads,
    gone: Object.keys(world.gone),
    records: (file) => { reads.records.push(file); return recordsOf(file, world.gone[file] ?? []); },
    candidates: () => { reads.listings++; return Object.keys(world.disk); },
    text: (file) => { reads.texts.push(file); return world.disk[file] ? fileOf(world.disk[file], `// ${file}`).text : undefined; },
  };
}

/** Both questions, each from a fresh finder (as the editor makes one an open and the CLI one a run). */
function decide(world: World, limits: MoveLimits = defaultMoveLimits): { moves: Map<string, string>; sources: Map<string, string> } {
  const moves = new MoveFinder(sourceOf(world), limits).moves();
  const sources = new Map<string, string>();
  for (const file of Object.keys(world.disk)) {
    const from = new MoveFinder(sourceOf(world), limits).sourceOf(file);
    if (from !== undefined) sources.set(file, from);
  }
  // The editor's answer and the CLI's are one: c received g exactly when g went to c.
  assert.deepEqual([...sources].map(([to, from]) => [from, to]).sort(), [...moves].sort(), 'the editor and the CLI agree');
  return { moves, sources };
}

describe('where a file gone from disk moved', () => {
  it('a file moved under its own name: found by both questions', () => {
    const { moves } = decide({ gone: { 'src/app.js': [1, 2] }, disk: { 'lib/app.js': [1, 2], 'lib/other.js': [3] } });
    assert.deepEqual([...moves], [['src/app.js', 'lib/app.js']]);
  });

  it('under its own name, holding only part of its blocks (edited since): still found', () => {
    const { moves } = decide({ gone: { 'src/app.js': [1, 2, 3] }, disk: { 'lib/app.js': [2] } });
    assert.deepEqual([...moves], [['src/app.js', 'lib/app.js']]);
  });

  it('renamed, holding only part of its blocks: not moved (a block alone could be anywhere)', () => {
    assert.deepEqual([...decide({ gone: { 'src/app.js': [1, 2] }, disk: { 'src/server.js': [1] } }).moves], []);
    assert.deepEqual([...decide({ gone: { 'src/app.js': [1, 2] }, disk: { 'src/server.js': [1, 2, 9] } }).moves], [['src/app.js', 'src/server.js']]);
  });

  it('same name is preferred over a renamed file holding more', () => {
    const { moves } = decide({ gone: { 'src/app.js': [1, 2] }, disk: { 'lib/app.js': [1], 'lib/everything.js': [1, 2] } });
    assert.deepEqual([...moves], [['src/app.js', 'lib/app.js']]);
  });

  it('ambiguous moves adopt nothing: two same-name files holding as much, or two renamed files holding all', () => {
    assert.deepEqual([...decide({ gone: { 'src/app.js': [1, 2] }, disk: { 'a/app.js': [1], 'b/app.js': [2] } }).moves], []);
    assert.deepEqual([...decide({ gone: { 'src/app.js': [1] }, disk: { 'a/copy.js': [1], 'b/copy.js': [1] } }).moves], []);
    // Holding more is not a tie.
    assert.deepEqual([...decide({ gone: { 'src/app.js': [1, 2] }, disk: { 'a/app.js': [1], 'b/app.js': [1, 2] } }).moves], [['src/app.js', 'b/app.js']]);
  });

  it('another language is never a destination, even holding the same text', () => {
    assert.deepEqual([...decide({ gone: { 'src/app.js': [1] }, disk: { 'src/app.py': [1], 'src/app.ts': [1] } }).moves], []);
    assert.deepEqual([...decide({ gone: { 'src/app.js': [1] }, disk: { 'src/app.py': [1], 'src/main.mjs': [1] } }).moves], [['src/app.js', 'src/main.mjs']]);
  });

  it('two gone files choosing one file: the one with its name takes it, else neither', () => {
    assert.deepEqual([...decide({ gone: { 'src/app.js': [1], 'old/app.js': [1] }, disk: { 'lib/app.js': [1] } }).moves], []);
    assert.deepEqual([...decide({ gone: { 'src/app.js': [1], 'src/util.js': [2] }, disk: { 'lib/app.js': [1, 2] } }).moves], [['src/app.js', 'lib/app.js']]);
    assert.deepEqual([...decide({ gone: { 'src/one.js': [1], 'src/two.js': [2] }, disk: { 'lib/both.js': [1, 2] } }).moves], []);
  });

  it('a file with CRLF line breaks holds a block as well (a tie with an LF copy is still a tie)', () => {
    const world: World = { gone: { 'src/app.js': [1] }, disk: { 'a/crlf.js': [1], 'b/lf.js': [1] } };
    const withCrlf = (): MoveSource => {
      const source = sourceOf(world);
      return { ...source, text: (file) => { const text = source.text(file); return file === 'a/crlf.js' ? text?.replace(/\n/g, '\r\n') : text; } };
    };
    assert.equal(new MoveFinder(withCrlf()).destinationOf('src/app.js'), undefined);
    assert.equal(new MoveFinder(withCrlf()).sourceOf('a/crlf.js'), undefined);
    assert.equal(new MoveFinder({ ...withCrlf(), candidates: () => ['a/crlf.js'] }).destinationOf('src/app.js'), 'a/crlf.js');
  });

  it('opening a file that holds no gone block reads no other file and lists nothing', () => {
    const source = sourceOf({ gone: { 'src/app.js': [1], 'src/util.js': [2] }, disk: { 'lib/new.js': [7], 'lib/app.js': [1] } });
    assert.equal(new MoveFinder(source).sourceOf('lib/new.js'), undefined);
    assert.equal(source.reads.listings, 0);
    assert.deepEqual(source.reads.texts, ['lib/new.js']);
  });

  it('reads at most the records budget for one file: gone files past it (in name-first, path order) are not moved there', () => {
    const limits: MoveLimits = { maxRecords: 2, maxCandidates: 100 };
    const world: World = { gone: { 'a/first.js': [1], 'b/second.js': [2], 'c/third.js': [3] }, disk: { 'lib/renamed.js': [3], 'lib/third.js': [4] } };
    const source = sourceOf(world);
    assert.equal(new MoveFinder(source, limits).sourceOf('lib/renamed.js'), undefined);
    assert.deepEqual(source.reads.records, ['a/first.js', 'b/second.js'], 'the third gone file is past the budget');
    assert.deepEqual([...decide(world, limits).moves], []);
    // A gone file with the destination's name comes first, so it is within the budget.
    const named: World = { gone: world.gone, disk: { 'lib/third.js': [3] } };
    assert.deepEqual([...decide(named, limits).moves], [['c/third.js', 'lib/third.js']]);
    assert.deepEqual([...decide(world).moves], [['c/third.js', 'lib/renamed.js']], 'within the default budget the renamed file is found');
  });

  it('does not search a group larger than the candidates budget, and reads none of it', () => {
    const limits: MoveLimits = { maxRecords: 200, maxCandidates: 3 };
    const disk: Record<string, number[]> = { 'lib/renamed.js': [1], 'lib/x1.js': [5], 'lib/x2.js': [6], 'lib/x3.js': [7] };
    const world: World = { gone: { 'src/app.js': [1] }, disk };
    const source = sourceOf(world);
    assert.equal(new MoveFinder(source, limits).destinationOf('src/app.js'), undefined);
    assert.deepEqual(source.reads.texts, []);
    assert.deepEqual([...decide(world, limits).moves], []);
    assert.deepEqual([...decide(world, { maxRecords: 200, maxCandidates: 4 }).moves], [['src/app.js', 'lib/renamed.js']]);
  });

  it('the editor and the CLI agree on random worlds', () => {
    let seed = 9;
    const random = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    const names = ['app.js', 'util.js', 'copy.js', 'app.py', 'index.ts'];
    const pick = (count: number): number[] => [...new Set(Array.from({ length: count }, () => 1 + random(5)))];
    for (let round = 0; round < 150; round++) {
      const gone: Record<string, number[]> = {};
      const disk: Record<string, number[]> = {};
      for (let i = 0, n = 1 + random(3); i < n; i++) gone[`old${i}/${names[random(names.length)]}`] = pick(1 + random(3));
      for (let i = 0, n = 1 + random(4); i < n; i++) disk[`new${i}/${names[random(names.length)]}`] = pick(random(4));
      decide({ gone, disk }, { maxRecords: 1 + random(6), maxCandidates: 1 + random(4) }); // asserts agreement
    }
  });
});
