// Over the wire: the bundled server publishes diagnostics as documents open and change, drops superseded results, and skips huge or binary documents.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { LspClient, messageOf, Workspace } from './lsp-client';
import { hashing } from './samples';


describe('diagnostics over stdio', () => {
  let workspace: Workspace;
  let client: LspClient;

  before(async () => {
    workspace = new Workspace();
    client = await LspClient.start({ folder: workspace.folder, settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('publishes a finding on open with rule id, docs link, CWE, fix and version, and clears it when the code is fixed', async () => {
    const uri = workspace.uri('src/auth.js');
    await client.open(uri, hashing);
    const [diagnostic, ...rest] = await client.diagnosticsFor(uri, 1);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.code, 'weak-hash');
    assert.equal(diagnostic.source, 'skeptic');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.match(messageOf(diagnostic), /\(CWE-328/);
    assert.deepEqual(diagnostic.range, { start: { line: 3, character: 27 }, end: { line: 3, character: 32 } });
    const docs = diagnostic.codeDescription?.href ?? '';
    assert.match(docs, /^file:.*weak-hash\.md$/);
    assert.ok(fs.existsSync(fileURLToPath(docs)), `docs file ${docs} exists`);
    const data = diagnostic.data as { fix?: { title: string; preservesBehaviour: boolean }; cwe: string[]; version: number };
    assert.equal(data.version, 1);
    assert.ok(data.cwe.includes('CWE-328'));
    assert.equal(data.fix?.preservesBehaviour, false);

    const version = await client.replace(uri, "'md5'", "'sha256'");
    assert.deepEqual(await client.diagnosticsFor(uri, version), []);
    const back = await client.replace(uri, "'sha256'", "'sha1'");
    assert.equal((await client.diagnosticsFor(uri, back)).length, 1);
  });

  it('reports ranges in UTF-16 code units', async () => {
    const uri = workspace.uri('src/emoji.js');
    const text = hashing.replace("  return crypto", "  const label = '😀é'; return crypto");
    await client.open(uri, text);
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    const { start, end } = diagnostic.range;
    assert.equal(text.split('\n')[start.line].slice(start.character, end.character), "'md5'");
  });

  it('follows incremental edits: findings move with inserted lines and appear in new code', async () => {
    const uri = workspace.uri('src/moves.js');
    await client.open(uri, hashing);
    await client.diagnosticsFor(uri, 1);
    const inserted = await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '// helpers\n\n' }]);
    const moved = await client.diagnosticsFor(uri, inserted);
    assert.deepEqual(moved.map((d) => d.range.start.line), [5]);
    const end = client.text(uri).split('\n').length - 1;
    const added = await client.change(uri, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: "function tokenDigest(token) {\n  return crypto.createHash('sha1').update(token).digest('hex');\n}\n" }]);
    const both = await client.diagnosticsFor(uri, added);
    assert.deepEqual(both.map((d) => d.range.start.line), [5, end + 1]);
  });

  it('never publishes results for a version a newer edit superseded', async () => {
    const uri = workspace.uri('src/rapid.js');
    await client.open(uri, hashing);
    await client.diagnosticsFor(uri, 1);
    // Many edits without waiting: each alternates the algorithm, so every version's expected findings differ from its neighbours'.
    let last = 1;
    for (let i = 0; i < 20; i++) last = await client.replace(uri, i % 2 === 0 ? "'md5'" : "'sha256'", i % 2 === 0 ? "'sha256'" : "'md5'");
    await client.diagnosticsFor(uri, last);
    const publishes = client.published.filter((p) => p.uri === uri);
    let previous = 0;
    for (const publish of publishes) {
      assert.ok(publish.version !== undefined && publish.version >= previous, `versions only move forward (${previous} → ${publish.version})`);
      previous = publish.version!;
      const text = client.history.get(uri)!.get(publish.version!)!;
      assert.equal(publish.diagnostics.length, text.includes("'md5'") ? 1 : 0, `v${publish.version} matches its own text`);
    }
    assert.equal(publishes.at(-1)!.version, last);
  });

  it('publishes only the final version when edits arrive within the debounce', async () => {
    const folder = new Workspace();
    const slow = await LspClient.start({ folder: folder.folder, settings: { debounceMs: 300 } });
    try {
      const uri = folder.uri('a.js');
      await slow.open(uri, hashing);
      await slow.diagnosticsFor(uri, 1);
      const second = slow.replace(uri, "'md5'", "'sha256'");
      const third = slow.replace(uri, "'sha256'", "'sha1'");
      await Promise.all([second, third]);
      const final = await slow.diagnosticsFor(uri, 3);
      assert.equal(final.length, 1);
      assert.deepEqual(slow.published.filter((p) => p.uri === uri).map((p) => p.version), [1, 3]);
    } finally {
      await slow.stop();
      folder.dispose();
    }
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = workspace.uri('src/closing.js');
    await client.open(uri, hashing);
    await client.diagnosticsFor(uri, 1);
    const mark = client.published.length;
    await client.close(uri);
    const cleared = await client.nextDiagnostics(uri, mark);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('gives a huge document one informational diagnostic instead of analysis, and analyses it once it is small', async () => {
    const uri = workspace.uri('src/huge.js');
    const huge = hashing + '// padding to push the file over the size limit\n'.repeat(24_000);
    await client.open(uri, huge);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
    assert.match(messageOf(diagnostics[0]), /maxFileSize/);
    const lines = client.text(uri).split('\n').length;
    const small = await client.change(uri, [{ range: { start: { line: 6, character: 0 }, end: { line: lines, character: 0 } }, text: '' }]);
    const analysed = await client.diagnosticsFor(uri, small);
    assert.deepEqual(analysed.map((d) => d.code), ['weak-hash']);
  });

  it('gives a binary-looking document one informational diagnostic', async () => {
    const uri = workspace.uri('src/blob.js');
    await client.open(uri, hashing + '\0\0\u0001binary');
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.match(messageOf(diagnostics[0]), /binary/);
  });

  it('ignores languages it does not analyse and keeps serving', async () => {
    const uri = workspace.uri('notes.md');
    await client.open(uri, "crypto.createHash('md5')", 'markdown');
    const other = workspace.uri('src/after.js');
    await client.open(other, hashing);
    await client.diagnosticsFor(other, 1);
    assert.equal(client.published.some((p) => p.uri === uri), false);
    assert.ok(client.alive);
  });
});
