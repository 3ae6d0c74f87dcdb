// The provenance ledger (one JSON file per block: round trip, atomic writes, corrupt files set aside) and re-anchoring by hash.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { anchorBlock, fingerprintOf, formatRecord, LedgerFolder, newBlockId, TextLines, type LedgerRecord, type Range } from '../../server/engine';

const file = [
  "const express = require('express');",
  'const app = express();',
  "app.get('/users', (req, res) => {",
  "  const sql = 'SELECT * FROM users WHERE id = ' + req.query.id;",
  '  db.query(sql, (err, rows) => res.json(rows));',
  '});',
  '',
].join('\n');
/** The handler, from `app.get` to the end of `});` (lines 2-5). */
const block: Range = { start: { line: 2, character: 0 }, end: { line: 5, character: 3 } };

describe('re-anchoring a block by its fingerprint', () => {
  const fingerprint = fingerprintOf(new TextLines(file), block)!;

  it('finds it where it was', () => {
    assert.deepEqual(anchorBlock(new TextLines(file), fingerprint, block), { kind: 'exact', range: block });
  });

  it('finds it moved down by lines added above, and moved right by text typed before it on its line', () => {
    const moved = `// a header\n// more\n${file}`;
    assert.deepEqual(anchorBlock(new TextLines(moved), fingerprint, block), { kind: 'exact', range: { start: { line: 4, character: 0 }, end: { line: 7, character: 3 } } });
    const shifted = file.replace("app.get('/users'", "/* x */ app.get('/users'");
    const mid = fingerprintOf(new TextLines(file), { start: { line: 2, character: 4 }, end: block.end })!;
    assert.deepEqual(anchorBlock(new TextLines(shifted), mid, block), { kind: 'exact', range: { start: { line: 2, character: 12 }, end: block.end } });
  });

  it('takes the copy nearest its old place when the text stands twice', () => {
    const twice = `${file}\n\n\n\n\n\n\n\n\n\n${file}`;
    const later: Range = { start: { line: 18, character: 0 }, end: { line: 21, character: 3 } };
    assert.deepEqual(anchorBlock(new TextLines(twice), fingerprint, later), { kind: 'exact', range: later });
    assert.deepEqual(anchorBlock(new TextLines(twice), fingerprint, block), { kind: 'exact', range: block });
  });

  it('keeps the longest run of unchanged lines when at least half the block stands', () => {
    const edited = file.replace("  const sql = 'SELECT * FROM users WHERE id = ' + req.query.id;", '  const sql = build(req);');
    const anchored = anchorBlock(new TextLines(edited), fingerprint, block);
    assert.deepEqual(anchored, { kind: 'partial', range: { start: { line: 4, character: 0 }, end: { line: 5, character: 3 } }, lines: 2 });
  });

  it('drops it when less than half of it is left, or none', () => {
    const rewritten = file.replace("app.get('/users', (req, res) => {", "app.post('/users', (req, res) => {").replace('  db.query(sql, (err, rows) => res.json(rows));', '  db.run(sql);');
    assert.deepEqual(anchorBlock(new TextLines(rewritten), fingerprint, block), { kind: 'lost' });
    assert.deepEqual(anchorBlock(new TextLines('nothing here\n'), fingerprint, block), { kind: 'lost' });
  });

  it('a fingerprint holds hashes of the code, never the code', () => {
    const text = JSON.stringify(fingerprint);
    for (const word of ['SELECT', 'express', 'req.query', 'users']) assert.ok(!text.includes(word), word);
  });
});

describe('the ledger folder', () => {
  let root: string;
  const record = (over: Partial<LedgerRecord> = {}): LedgerRecord => ({
    id: newBlockId(), path: 'src/app.js', origin: 'inline-completion', time: '2026-11-25T14:02:00.000Z', range: block,
    ...fingerprintOf(new TextLines(file), block)!, unconfirmedSuppressions: [], ...over,
  });

  beforeEach(() => { root = fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-ledger-')); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes one file per block under the source path and reads it back; no temporary file is left', () => {
    const ledger = new LedgerFolder(root, true);
    const a = record();
    const b = record({ origin: 'paste', reviewed: { time: '2026-11-25T15:00:00.000Z', by: 'Ada' }, unconfirmedSuppressions: [1] });
    ledger.write(a);
    ledger.write(b);
    ledger.write(record({ path: 'lib/other.py' }));
    assert.deepEqual(fs.readdirSync(path.join(root, 'src', 'app.js')).sort(), [`${a.id}.json`, `${b.id}.json`].sort());
    const read = ledger.read('src/app.js');
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.records.sort((x, y) => x.id.localeCompare(y.id)), [a, b].sort((x, y) => x.id.localeCompare(y.id)));
    assert.equal(ledger.readAll().records.length, 3);
    const written = fs.readFileSync(path.join(root, 'src', 'app.js', `${b.id}.json`), 'utf8');
    assert.equal(JSON.parse(written).version, 1);
    assert.equal(written, formatRecord(b));
  });

  it('omits the reviewer when none was set', () => {
    const text = formatRecord(record({ reviewed: { time: '2026-11-25T15:00:00.000Z' } }));
    assert.deepEqual(JSON.parse(text).reviewed, { time: '2026-11-25T15:00:00.000Z' });
  });

  it('sets a corrupt record aside (reported, renamed, never deleted) and keeps reading the others', () => {
    const ledger = new LedgerFolder(root, true);
    const good = record();
    ledger.write(good);
    const bad = path.join(root, 'src', 'app.js', 'deadbeefdeadbeef.json');
    fs.writeFileSync(bad, '{"version": 1, "id": "deadbeef');
    const read = ledger.read('src/app.js');
    assert.deepEqual(read.records.map((r) => r.id), [good.id]);
    assert.equal(read.problems.length, 1);
    assert.match(read.problems[0].message, /corrupt: not valid JSON/);
    const movedTo = read.problems[0].movedTo!;
    assert.match(path.basename(movedTo), /^deadbeefdeadbeef\.json\.corrupt-\d{4}-\d\d-\d\dT/);
    assert.equal(fs.readFileSync(movedTo, 'utf8'), '{"version": 1, "id": "deadbeef');
    assert.ok(!fs.existsSync(bad));
  });

  it('reports a record that does not fit the format, and a read-only ledger (the CLI) leaves it in place', () => {
    const ledger = new LedgerFolder(root, false);
    const r = record();
    ledger.write(r);
    const file = path.join(root, 'src', 'app.js', `${r.id}.json`);
    fs.writeFileSync(file, formatRecord(r).replace('"inline-completion"', '"telepathy"'));
    const read = ledger.read('src/app.js');
    assert.deepEqual(read.records, []);
    assert.match(read.problems[0].message, /"origin" must be one of/);
    assert.equal(read.problems[0].movedTo, undefined);
    assert.ok(fs.existsSync(file));
  });

  it('leaves a record from a newer ledger version alone', () => {
    const ledger = new LedgerFolder(root, true);
    const r = record();
    ledger.write(r);
    const file = path.join(root, 'src', 'app.js', `${r.id}.json`);
    fs.writeFileSync(file, formatRecord(r).replace('"version": 1', '"version": 7'));
    const read = ledger.read('src/app.js');
    assert.deepEqual(read.records, []);
    assert.match(read.problems[0].message, /newer Skeptic/);
    assert.ok(fs.existsSync(file), 'not moved');
  });

  it('removes a record and the folders it leaves empty, never paths outside the ledger', () => {
    const ledger = new LedgerFolder(root, true);
    const r = record({ path: 'deep/er/app.js' });
    ledger.write(r);
    ledger.remove('deep/er/app.js', r.id);
    assert.deepEqual(fs.readdirSync(root), []);
    assert.throws(() => ledger.write(record({ path: '../escape.js' })), /invalid ledger record/);
    assert.deepEqual(ledger.read('../../etc/passwd'), { records: [], problems: [] });
  });
  describe('the recorded paths, kept between calls', () => {
    /** The ledger's folders, itself included. */
    const folders = (folder = root): string[] => [folder, ...fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => folders(path.join(folder, e.name)))];
    /** Puts every folder of the ledger `ms` in the past (a minute: what another process did long ago). */
    const age = (ms = 60_000): void => { const past = new Date(Date.now() - ms); for (const folder of folders()) fs.utimesSync(folder, past, past); };
    /** Every folder's times, to put back after a change: what a change within one clock tick looks like. */
    const times = (): Map<string, fs.Stats> => new Map(folders().map((folder) => [folder, fs.statSync(folder)]));
    const putBack = (saved: Map<string, fs.Stats>): void => { for (const [folder, stat] of saved) if (fs.existsSync(folder)) fs.utimesSync(folder, stat.atime, stat.mtime); };
    /** A store that has looked at a ledger another process wrote long ago, and that other process. */
    const lookedAt = (): { ledger: LedgerFolder; other: LedgerFolder } => {
      const ledger = new LedgerFolder(root, true);
      const other = new LedgerFolder(root, false);
      other.write(record());
      age();
      assert.deepEqual(ledger.recordedPaths(), ['src/app.js']);
      return { ledger, other };
    };

    it('follows the store\'s own writes and removals, even when no folder time shows them', () => {
      const ledger = new LedgerFolder(root, true);
      assert.deepEqual(ledger.recordedPaths(), []);
      const a = record();
      ledger.write(a);
      ledger.write(record({ path: 'lib/b.py' }));
      assert.deepEqual(ledger.recordedPaths(), ['lib/b.py', 'src/app.js']);
      age();
      assert.deepEqual(ledger.recordedPaths(), ['lib/b.py', 'src/app.js']);
      const saved = times();
      ledger.write(record({ path: 'src/own.js' }));
      putBack(saved);
      assert.deepEqual(ledger.recordedPaths(), ['lib/b.py', 'src/app.js', 'src/own.js']);
      ledger.remove('src/app.js', a.id);
      assert.deepEqual(ledger.recordedPaths(), ['lib/b.py', 'src/own.js']);
    });

    it('sees another process\'s records added and removed, by the folders\' modification times', () => {
      const { ledger, other } = lookedAt();
      const added = record({ path: 'src/new/deep.js' });
      other.write(added);
      assert.deepEqual(ledger.recordedPaths(), ['src/app.js', 'src/new/deep.js']);
      age();
      assert.deepEqual(ledger.recordedPaths(), ['src/app.js', 'src/new/deep.js']);
      other.remove('src/new/deep.js', added.id);
      assert.deepEqual(ledger.recordedPaths(), ['src/app.js']);
      // A ledger created after a first look.
      fs.rmSync(root, { recursive: true });
      assert.deepEqual(ledger.recordedPaths(), []);
      other.write(record({ path: 'late.js' }));
      assert.deepEqual(ledger.recordedPaths(), ['late.js']);
    });

    it('keeps the answer only while no folder it walked changed; one changed near the walk is walked again', () => {
      const { ledger, other } = lookedAt();
      // A change whose folder times are put back is not seen: the answer was kept, not walked again.
      let saved = times();
      other.write(record({ path: 'src/hidden.js' }));
      putBack(saved);
      assert.deepEqual(ledger.recordedPaths(), ['src/app.js']);
      // Folders changed within the clock's tick of a walk: that answer is not kept, so a same-tick change is seen.
      const fresh = new LedgerFolder(root, true);
      other.write(record({ path: 'src/recent.js' }));
      age(500);
      assert.deepEqual(fresh.recordedPaths(), ['src/app.js', 'src/hidden.js', 'src/recent.js']);
      saved = times();
      other.write(record({ path: 'src/same-tick.js' }));
      putBack(saved);
      assert.deepEqual(fresh.recordedPaths(), ['src/app.js', 'src/hidden.js', 'src/recent.js', 'src/same-tick.js']);
    });
  });
});
