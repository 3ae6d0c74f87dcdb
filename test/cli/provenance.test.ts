// `skeptic provenance`: the team ledger's blocks found again in the files on disk, with review state and the findings inside.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { fingerprintOf, LedgerFolder, TextLines, type LedgerRecord, type Range } from '../../server/engine';
import type { ProvenanceListing } from '../../server/cli/provenance';
import type { ProvenanceChangedParams } from '../../shared/protocol';
import { LspClient } from '../lsp/lsp-client';
import { createProject, type Project } from './lib/temp-project';

const header = "const crypto = require('crypto');\n\n";
const completion = "function signWebhook(payload) {\n  return crypto.createHash('md5').update(payload).digest('hex');\n}\n";
const suppressed = completion.replace('  return', '  // skeptic-ignore weak-hash -- the partner API needs MD5\n  return');
/** The completion as inserted after the header: lines 2-4 (0-based), ending at the start of line 5. */
const blockAt = (firstLine: number, lineCount: number): Range => ({ start: { line: firstLine, character: 0 }, end: { line: firstLine + lineCount, character: 0 } });

describe('skeptic provenance', () => {
  let project: Project;

  /** Records a block of `text` as the editor would have written it. */
  function record(relativePath: string, text: string, range: Range, over: Partial<LedgerRecord> = {}): LedgerRecord {
    const r: LedgerRecord = {
      id: `${Math.random().toString(16).slice(2, 10)}${Math.random().toString(16).slice(2, 10)}`.padEnd(16, '0').slice(0, 16),
      path: relativePath, origin: 'inline-completion', time: '2026-11-25T14:02:00.000Z', range,
      ...fingerprintOf(new TextLines(text), range)!, unconfirmedSuppressions: [], ...over,
    };
    new LedgerFolder(path.join(project.root, '.skeptic', 'provenance'), false).write(r);
    return r;
  }

  before(() => {
    project = createProject({}, { git: true });
    const app = header + completion;
    project.write('src/app.js', app);
    record('src/app.js', app, blockAt(2, 3));
    // Then three lines were added above the block on disk: found again, moved.
    project.write('src/app.js', `// one\n// two\n// three\n${app}`);
    const kept = header + suppressed;
    project.write('src/kept.js', kept);
    record('src/kept.js', kept, blockAt(2, 4), { unconfirmedSuppressions: [1] });
    const confirmed = header + suppressed;
    project.write('lib/confirmed.js', confirmed);
    record('lib/confirmed.js', confirmed, blockAt(2, 4), { origin: 'paste', reviewed: { time: '2026-11-25T15:00:00.000Z', by: 'Ada' } });
    record('src/gone.js', header + completion, blockAt(2, 3));
  });
  after(() => project.remove());

  it('lists each block with its place on disk, origin, time, review state and findings (JSON)', () => {
    const run = project.run(['provenance', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const listing = JSON.parse(run.stdout) as ProvenanceListing;
    assert.equal(listing.ledger, '.skeptic/provenance');
    const byPath = Object.fromEntries(listing.blocks.map((b) => [b.path, b]));
    assert.deepEqual(Object.keys(byPath).sort(), ['lib/confirmed.js', 'src/app.js', 'src/gone.js', 'src/kept.js']);
    assert.deepEqual(byPath['src/app.js'].lines, { start: 6, end: 8 });
    assert.equal(byPath['src/app.js'].state, 'exact');
    assert.deepEqual(byPath['src/app.js'].findings.map((f) => [f.ruleId, f.line]), [['weak-hash', 7]]);
    assert.equal(byPath['src/app.js'].reviewed, null);
    // The assistant's suppression was never confirmed: the finding counts.
    assert.deepEqual(byPath['src/kept.js'].findings.map((f) => f.ruleId), ['weak-hash']);
    // A person's (no pending suppression): honoured.
    assert.deepEqual(byPath['lib/confirmed.js'].findings, []);
    assert.deepEqual(byPath['lib/confirmed.js'].reviewed, { time: '2026-11-25T15:00:00.000Z', by: 'Ada' });
    assert.equal(byPath['lib/confirmed.js'].origin, 'paste');
    assert.equal(byPath['src/gone.js'].state, 'missing');
    assert.equal(byPath['src/gone.js'].lines, undefined);
  });

  it('prints one line a block, its findings under it, and a summary (text)', () => {
    const run = project.run(['provenance']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^src\/app\.js:6-8 {2}inline-completion {2}2026-11-25 14:02 UTC {2}not reviewed {2}1 finding$/m);
    assert.match(run.stdout, /^ {2}src\/app\.js:7 {2}warning {2}weak-hash {2}/m);
    assert.match(run.stdout, /^lib\/confirmed\.js:3-6 {2}paste {2}2026-11-25 14:02 UTC {2}reviewed 2026-11-25 15:00 UTC by Ada {2}no findings$/m);
    assert.match(run.stdout, /^src\/gone\.js \(missing\)/m);
    assert.match(run.stdout, /^3 blocks from the ledger \.skeptic\/provenance, 2 not reviewed, 2 findings inside; 1 missing\.$/m);
  });

  it('narrows the listing to the paths given', () => {
    const listing = JSON.parse(project.run(['provenance', 'lib', '--format', 'json']).stdout) as ProvenanceListing;
    assert.deepEqual(listing.blocks.map((b) => b.path), ['lib/confirmed.js']);
  });

  it('reports a corrupt record on standard error and leaves it where it is', () => {
    const bad = path.join(project.root, '.skeptic', 'provenance', 'src', 'app.js', 'ffffffffffffffff.json');
    fs.writeFileSync(bad, 'not json');
    try {
      const run = project.run(['provenance', 'src/app.js']);
      assert.equal(run.status, 0);
      assert.match(run.stderr, /ffffffffffffffff\.json: corrupt: not valid JSON/);
      assert.ok(fs.existsSync(bad));
    } finally {
      fs.rmSync(bad);
    }
  });

  it('finds the blocks of a file moved outside the editor in a file the ledger does not know, unless two hold them', () => {
    const moved = createProject({}, { git: true });
    const previous = project;
    project = moved; // record() writes into the current project's ledger
    try {
      const app = header + completion;
      record('src/old-name.js', app, blockAt(2, 3));
      moved.write('src/moved/new-name.js', `// moved\n${app}`);
      // Two unknown files hold the other block exactly: which one it went to cannot be told.
      const twin = header + suppressed;
      record('src/twin.js', twin, blockAt(2, 4));
      moved.write('a/copy.js', twin);
      moved.write('b/copy.js', twin);
      const listing = JSON.parse(moved.run(['provenance', '--format', 'json']).stdout) as ProvenanceListing;
      const [found, twinBlock] = listing.blocks;
      assert.equal(found.path, 'src/moved/new-name.js');
      assert.equal(found.movedFrom, 'src/old-name.js');
      assert.equal(found.state, 'exact');
      assert.deepEqual(found.lines, { start: 4, end: 6 });
      assert.deepEqual(found.findings.map((f) => [f.ruleId, f.line]), [['weak-hash', 5]]);
      assert.deepEqual([twinBlock.path, twinBlock.state, twinBlock.movedFrom], ['src/twin.js', 'missing', undefined]);
      const text = moved.run(['provenance']).stdout;
      assert.match(text, /^src\/moved\/new-name\.js:4-6 \(moved from src\/old-name\.js\) {2}inline-completion/m);
      assert.match(text, /^src\/twin\.js \(missing\)/m);
    } finally {
      project = previous;
      moved.remove();
    }
  });

  it('names the same moved file as the editor: same name first (edited blocks follow it), a partial rename is no move', async () => {
    const moved = createProject({}, { git: true });
    const previous = project;
    project = moved;
    const editor = await LspClient.start({ folder: moved.root, settings: { debounceMs: 0, provenance: { storage: 'ledger' } } });
    try {
      const second = completion.replace('signWebhook', 'signReceipt');
      const both = header + completion + second;
      // src/helpers.js, with two blocks, went to lib/helpers.js, where the second block was edited since (one line of three).
      const kept = record('src/helpers.js', both, blockAt(2, 3));
      const edited = record('src/helpers.js', both, blockAt(5, 3));
      moved.write('lib/helpers.js', both.replace('function signReceipt(payload) {', 'function signReceipt(payload, key) {'));
      // src/pair.js, with the same two blocks: a file under another name holds only the first.
      record('src/pair.js', both, blockAt(2, 3));
      record('src/pair.js', both, blockAt(5, 3));
      moved.write('lib/half.js', header + completion);
      const listing = JSON.parse(moved.run(['provenance', '--format', 'json']).stdout) as ProvenanceListing;
      const where = listing.blocks.map((b) => [b.id === kept.id ? 'kept' : b.id === edited.id ? 'edited' : 'pair', b.path, b.movedFrom ?? null, b.state]);
      assert.deepEqual(where.sort(), [
        ['edited', 'lib/helpers.js', 'src/helpers.js', 'partial'],
        ['kept', 'lib/helpers.js', 'src/helpers.js', 'exact'],
        ['pair', 'src/pair.js', null, 'missing'],
        ['pair', 'src/pair.js', null, 'missing'],
      ]);
      // The editor, opening both files, adopts the blocks in the one the CLI named, and only there.
      for (const file of ['lib/half.js', 'lib/helpers.js']) await editor.open(pathToFileURL(path.join(moved.root, file)).toString(), moved.read(file));
      const helpers = pathToFileURL(path.join(moved.root, 'lib/helpers.js')).toString();
      const changes = (): ProvenanceChangedParams[] => editor.custom.filter((n) => n.method === 'skeptic/provenanceChanged').map((n) => n.params as ProvenanceChangedParams);
      const adopted = await editor.waitFor('the blocks in lib/helpers.js', () => changes().find((p) => p.uri === helpers && p.blocks.length === 2));
      assert.deepEqual(adopted.blocks.map((b) => [b.id, b.range.start.line + 1]).sort(), listing.blocks.filter((b) => b.path === 'lib/helpers.js').map((b) => [b.id, b.lines!.start]).sort());
      await editor.diagnosticsFor(pathToFileURL(path.join(moved.root, 'lib/half.js')).toString());
      assert.ok(!changes().some((p) => p.uri.endsWith('/lib/half.js')), 'lib/half.js took nothing');
      assert.ok(!fs.existsSync(path.join(moved.root, '.skeptic', 'provenance', 'lib', 'half.js')));
    } finally {
      await editor.stop();
      project = previous;
      moved.remove();
    }
  });

  it('says so when there is no ledger, and exits 0', () => {
    const empty = createProject({ 'src/a.js': header }, { git: true });
    try {
      const run = empty.run(['provenance']);
      assert.equal(run.status, 0);
      assert.match(run.stderr, /no provenance ledger \(\.skeptic\/provenance\/\)/);
      assert.equal(run.stdout, '');
      assert.deepEqual(JSON.parse(empty.run(['provenance', '--format', 'json']).stdout), { ledger: null, blocks: [] });
    } finally {
      empty.remove();
    }
  });

  it('skeptic scan applies the ledger too: an assistant-written suppression nobody confirmed does not silence its finding', () => {
    const run = project.run(['scan', 'src/kept.js', 'lib/confirmed.js', '--format', 'json', '--fail-on', 'warning']);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { path: string; ruleId: string; message: string }[]; suppressed: { path: string }[] };
    assert.deepEqual(report.findings.map((f) => [f.path, f.ruleId]), [['src/kept.js', 'weak-hash']]);
    assert.deepEqual(report.suppressed.map((f) => f.path), ['lib/confirmed.js'], 'a person\'s suppression still counts');
    const [kept] = report.findings;
    assert.match(kept.message, /its skeptic-ignore came with AI-suggested code and nobody has confirmed it/);
  });
});
