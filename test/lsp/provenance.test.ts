// Over the wire: blocks an assistant inserted are tracked through edits, persisted in the ledger, re-anchored on reopen, and change findings, lenses and suppressions.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type CodeAction, type CodeLens, type Diagnostic, type Position, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { DidInsertParams, InsertOrigin, ListProvenanceResult, ProvenanceBlock, ProvenanceChangedParams } from '../../shared/protocol';
import { fingerprintOf, LedgerFolder, newBlockId, TextLines, type LedgerRecord } from '../../server/engine';
import type { ProvenanceListing } from '../../server/cli/provenance';
import { LspClient, messageOf, repoRoot, Workspace } from './lsp-client';

const header = "const crypto = require('crypto');\n\n";
/** An assistant's completion with one weak-hash finding on its second line. */
const completion = "function signWebhook(payload) {\n  return crypto.createHash('md5').update(payload).digest('hex');\n}\n";

const clock = (date: Date): string => `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;

function endOf(at: Position, text: string): Position {
  const lines = text.split('\n');
  return lines.length === 1 ? { line: at.line, character: at.character + text.length } : { line: at.line + lines.length - 1, character: lines[lines.length - 1].length };
}

/** Types `text` at `at` as one change (an accepted suggestion) and reports it as the client does. */
async function insert(client: LspClient, uri: string, at: Position, text: string, origin: InsertOrigin = 'inline-completion', time = new Date()): Promise<number> {
  const version = await client.change(uri, [{ range: { start: at, end: at }, text }]);
  const params: DidInsertParams = { textDocument: { uri, version }, range: { start: at, end: endOf(at, text) }, origin, time: time.toISOString() };
  await client.notify('skeptic/didInsert', params);
  return version;
}

/** The latest publish for `uri` satisfying `test`, waiting for one. */
function publishWhere(client: LspClient, uri: string, test: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
  return client.waitFor(what, () => [...client.published].reverse().find((p) => p.uri === uri && test(p)));
}

/** The latest provenanceChanged for `uri` satisfying `test`, among those after the first `from` custom notifications. */
function provenanceWhere(client: LspClient, uri: string, test: (blocks: readonly ProvenanceBlock[]) => boolean, what: string, from = 0): Promise<ProvenanceChangedParams> {
  return client.waitFor(what, () => client.custom.slice(from).filter((n) => n.method === 'skeptic/provenanceChanged').map((n) => n.params as ProvenanceChangedParams)
    .reverse().find((p) => p.uri === uri && test(p.blocks)));
}

/** Opens `uri` with the header, accepts the completion below it and waits for its block (with its one finding). */
async function openWithBlock(client: LspClient, uri: string): Promise<{ block: ProvenanceBlock; version: number }> {
  await client.open(uri, header);
  await client.diagnosticsFor(uri, 1);
  const version = await insert(client, uri, { line: 2, character: 0 }, completion);
  const { blocks: [block] } = await provenanceWhere(client, uri, (b) => b.length === 1 && b[0].findings === 1, 'the block');
  return { block, version };
}

const suffixed = (d: Diagnostic): boolean => /\(in AI-suggested code accepted at \d\d:\d\d[;)]/.test(messageOf(d));

/** Polls the file system (the ledger is written shortly after edits); fails only if it never happens. */
async function eventually<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function ledgerFiles(workspace: Workspace, relative: string): string[] {
  const folder = workspace.path(path.join('.skeptic', 'provenance', relative));
  return fs.existsSync(folder) ? fs.readdirSync(folder).map((f) => path.join(folder, f)) : [];
}

describe('provenance over stdio', () => {
  let workspace: Workspace;
  let client: LspClient;
  const settings = { debounceMs: 0, provenance: { storage: 'ledger', reviewer: 'Ada Lovelace' } };

  before(async () => {
    workspace = new Workspace();
    client = await LspClient.start({
      folder: workspace.folder,
      settings,
      capabilities: { workspace: { codeLens: { refreshSupport: true } } },
      initializationOptions: { clientCommands: ['skeptic.questionSnippet'] },
    });
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('an accepted completion: its finding says so, a lens sits over it, the client hears of it, the ledger holds no code', async () => {
    const uri = workspace.uri('src/app.js');
    workspace.write('src/app.js', header);
    await client.open(uri, header);
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    const accepted = new Date();
    const version = await insert(client, uri, { line: 2, character: 0 }, completion, 'inline-completion', accepted);
    const published = await publishWhere(client, uri, (p) => p.version === version && p.diagnostics.some(suffixed), 'a finding marked as AI-suggested');
    const [finding] = published.diagnostics;
    assert.equal(finding.code, 'weak-hash');
    assert.equal(finding.severity, DiagnosticSeverity.Warning, 'severity unchanged by default');
    assert.ok(messageOf(finding).endsWith(`(in AI-suggested code accepted at ${clock(accepted)})`), messageOf(finding));

    const changed = await provenanceWhere(client, uri, (b) => b.length === 1 && b[0].findings === 1, 'provenanceChanged with the block');
    const [block] = changed.blocks;
    assert.deepEqual(block.range, { start: { line: 2, character: 0 }, end: { line: 5, character: 0 } });
    assert.equal(block.origin, 'inline-completion');
    assert.equal(block.time, accepted.toISOString());
    assert.equal(block.reviewed, undefined);

    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => l.command?.title), ['AI-suggested · 1 finding', 'Question this snippet', 'Mark reviewed']);
    assert.ok(lenses.every((l) => l.range.start.line === 2));
    assert.deepEqual(lenses[1].command?.arguments, [{ uri, range: block.range }]);
    assert.deepEqual(lenses[2].command?.arguments, [{ uri, id: block.id }]);

    const [record] = ledgerFiles(workspace, 'src/app.js');
    const text = fs.readFileSync(record, 'utf8');
    for (const code of ['md5', 'createHash', 'signWebhook', 'payload']) assert.ok(!text.includes(code), `the ledger holds no code (${code})`);
    const json = JSON.parse(text);
    assert.equal(json.version, 1);
    assert.equal(json.path, 'src/app.js');
    assert.equal(json.id, block.id);
    await client.close(uri);
  });

  it('follows edits above and inside the block, and drops it when it is deleted', async () => {
    const uri = workspace.uri('src/moves.js');
    await openWithBlock(client, uri);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// a header\n// typed by a person\n' }]);
    await provenanceWhere(client, uri, (b) => b[0]?.range.start.line === 4, 'the block moved down');
    await client.change(uri, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '  const stamp = Date.now();\n' }]);
    const grown = await provenanceWhere(client, uri, (b) => b[0]?.range.end.line === 8, 'the block grown by a line typed inside');
    assert.deepEqual(grown.blocks[0].range, { start: { line: 4, character: 0 }, end: { line: 8, character: 0 } });
    await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
    await provenanceWhere(client, uri, (b) => b[0]?.range.start.line === 3 && b[0].range.end.line === 7, 'the block moved up');
    const files = await eventually('the ledger record', () => (ledgerFiles(workspace, 'src/moves.js').length === 1 ? ledgerFiles(workspace, 'src/moves.js') : undefined));
    await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 7, character: 0 } }, text: '' }]);
    await provenanceWhere(client, uri, (b) => b.length === 0, 'no block left');
    await eventually('the record removed', () => (fs.existsSync(files[0]) ? undefined : true));
    await client.close(uri);
  });

  it('finds a block again when the file is reopened changed, and after a restart of the server', async () => {
    const uri = workspace.uri('src/reopen.js');
    const { block } = await openWithBlock(client, uri);
    const saved = client.text(uri);
    await client.close(uri);
    // Edited elsewhere meanwhile (a pull, another editor): three lines above it now.
    const onDisk = `// one\n// two\n// three\n${saved}`;
    workspace.write('src/reopen.js', onDisk);
    const mark = client.custom.length;
    const publishedMark = client.published.length;
    await client.open(uri, onDisk);
    const again = await provenanceWhere(client, uri, (b) => b.length === 1 && b[0].findings === 1, 'the block found again', mark);
    assert.equal(again.blocks[0].id, block.id);
    assert.deepEqual(again.blocks[0].range, { start: { line: 5, character: 0 }, end: { line: 8, character: 0 } });
    const reopened = await client.waitFor('diagnostics after reopening', () => client.published.slice(publishedMark).find((p) => p.uri === uri && p.version === 1));
    assert.ok(reopened.diagnostics.some(suffixed), 'the first diagnostics after reopening know the block');
    await client.close(uri);

    const restarted = await LspClient.start({ folder: workspace.folder, settings });
    try {
      await restarted.open(uri, onDisk);
      const diagnostics = await restarted.diagnosticsFor(uri, 1);
      assert.ok(diagnostics.some(suffixed), 'the first diagnostics after a restart know the block');
    } finally {
      await restarted.stop();
    }
  });

  it('"Mark reviewed" records when and who, removes the lens and keeps the finding', async () => {
    const uri = workspace.uri('src/review.js');
    const { block, version } = await openWithBlock(client, uri);
    const refreshes = client.lensRefreshes;
    await client.executeCommand('skeptic.markReviewed', [{ uri, id: block.id }]);
    const reviewed = await provenanceWhere(client, uri, (b) => !!b[0]?.reviewed, 'the block reviewed');
    assert.equal(reviewed.blocks[0].reviewed?.by, 'Ada Lovelace');
    assert.ok(Date.parse(reviewed.blocks[0].reviewed!.time) >= Date.parse(block.time));
    assert.deepEqual(await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }), []);
    assert.ok(client.lensRefreshes > refreshes, 'the lenses were refreshed');
    const record = JSON.parse(fs.readFileSync(ledgerFiles(workspace, 'src/review.js')[0], 'utf8'));
    assert.equal(record.reviewed.by, 'Ada Lovelace');
    const published = await publishWhere(client, uri, (p) => p.version === version, 'diagnostics');
    assert.equal(published.diagnostics.filter((d) => d.code === 'weak-hash').length, 1, 'the finding stays');
    await client.close(uri);
  });

  it('an assistant-written suppression silences nothing until a person edits or confirms it', async () => {
    const uri = workspace.uri('src/ignored.js');
    await client.open(uri, header);
    await client.diagnosticsFor(uri, 1);
    const written = completion.replace('  return', '  // skeptic-ignore weak-hash -- the partner API needs MD5\n  return');
    const version = await insert(client, uri, { line: 2, character: 0 }, written);
    const published = await publishWhere(client, uri, (p) => p.version === version && p.diagnostics.some(suffixed), 'the finding kept alive');
    const [finding] = published.diagnostics;
    assert.match(messageOf(finding), /a suppression written by an assistant is not honoured until you edit or confirm it/);
    const actions = (await client.codeActions(uri, finding.range, [finding])) as CodeAction[];
    const confirm = actions.find((a) => a.title === 'Confirm this suppression');
    assert.ok(confirm?.command, actions.map((a) => a.title).join(', '));
    const before = client.published.length;
    await client.executeCommand(confirm.command.command, confirm.command.arguments ?? []);
    assert.deepEqual((await client.nextDiagnostics(uri, before)).diagnostics, [], 'confirmed: the suppression applies');

    // A second one, honoured by editing the comment's line instead.
    const other = workspace.uri('src/edited.js');
    await client.open(other, header);
    await client.diagnosticsFor(other, 1);
    const v2 = await insert(client, other, { line: 2, character: 0 }, written);
    await publishWhere(client, other, (p) => p.version === v2 && p.diagnostics.length === 1 && p.diagnostics.some(suffixed), 'the finding kept alive');
    const v3 = await client.replace(other, 'needs MD5', 'needs MD5 (checked: SEC-142)');
    assert.deepEqual(await client.diagnosticsFor(other, v3), [], 'edited by a person: the suppression applies');
    await client.close(uri);
    await client.close(other);
  });

  it('inside AI-suggested code a suppression needs a reason', async () => {
    const uri = workspace.uri('src/reasonless.js');
    await openWithBlock(client, uri);
    // A person types a suppression without a reason above the finding, inside the block.
    const v = await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '  // skeptic-ignore weak-hash\n' }]);
    const [finding] = await client.diagnosticsFor(uri, v);
    assert.match(messageOf(finding), /a suppression inside AI-suggested code needs a reason/);
    const v2 = await client.replace(uri, 'skeptic-ignore weak-hash', 'skeptic-ignore weak-hash -- signature format fixed by the partner');
    assert.deepEqual(await client.diagnosticsFor(uri, v2), []);
    await client.close(uri);
  });

  it('scope "inserted" shows only findings inside tracked blocks; raiseSeverity raises them', async () => {
    const uri = workspace.uri('src/scope.js');
    const own = `${header}function legacy(body) {\n  return crypto.createHash('sha1').update(body).digest('hex');\n}\n`;
    await client.open(uri, own);
    assert.equal((await client.diagnosticsFor(uri, 1)).length, 1);
    const version = await insert(client, uri, { line: 5, character: 0 }, completion);
    await publishWhere(client, uri, (p) => p.version === version && p.diagnostics.length === 2 && p.diagnostics.some(suffixed), 'both findings');
    const before = client.published.length;
    await client.didChangeConfiguration({ ...settings, scope: 'inserted', provenance: { ...settings.provenance, raiseSeverity: true } });
    const scoped = await client.nextDiagnostics(uri, before);
    assert.equal(scoped.diagnostics.length, 1);
    assert.ok(suffixed(scoped.diagnostics[0]));
    assert.equal(scoped.diagnostics[0].severity, DiagnosticSeverity.Error, 'warning raised to error');
    await client.didChangeConfiguration(settings);
    await client.close(uri);
  });

  it('tracks pastes only when listed, and not insertions under the minimum size', async () => {
    const uri = workspace.uri('src/small.js');
    await client.open(uri, header);
    await client.diagnosticsFor(uri, 1);
    const pasted = await insert(client, uri, { line: 2, character: 0 }, completion, 'paste');
    const oneLine = await insert(client, uri, { line: 0, character: 0 }, "const h = crypto.createHash('md5');\n");
    const published = await publishWhere(client, uri, (p) => p.version === oneLine && p.diagnostics.length === 2, 'two findings');
    assert.ok(!published.diagnostics.some((d) => /\(in /.test(messageOf(d))), 'neither is tracked');
    assert.ok(pasted < oneLine);
    assert.deepEqual(await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }), []);
    await client.didChangeConfiguration({ ...settings, provenance: { ...settings.provenance, origins: ['inline-completion', 'paste'] } });
    const v = await insert(client, uri, { line: 0, character: 0 }, completion, 'paste');
    const withPaste = await publishWhere(client, uri, (p) => p.version === v && p.diagnostics.some((d) => /\(in pasted code, pasted at \d\d:\d\d\)( — same pattern in \d+ other places?)?$/.test(messageOf(d))), 'a finding in pasted code');
    assert.ok(withPaste);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses[0].command?.title, 'Pasted · 1 finding');
    await client.didChangeConfiguration(settings);
    await client.close(uri);
  });

  it('joins accept-word / accept-line pieces into one block once they reach the minimum size, and grows it', async () => {
    const uri = workspace.uri('src/pieces.js');
    await client.open(uri, header);
    await client.diagnosticsFor(uri, 1);
    const before = client.custom.length;
    // A word, the rest of its line, then a line: each piece under the two-line minimum on its own.
    await insert(client, uri, { line: 2, character: 0 }, 'const digest = ');
    await insert(client, uri, { line: 2, character: 15 }, "crypto.createHash('md5');\n");
    const joined = await insert(client, uri, { line: 3, character: 0 }, 'module.exports = digest;\n');
    const { blocks } = await provenanceWhere(client, uri, (b) => b.length === 1, 'one block from three pieces', before);
    assert.deepEqual(blocks[0].range, { start: { line: 2, character: 0 }, end: { line: 4, character: 0 } });
    await publishWhere(client, uri, (p) => p.version === joined && p.diagnostics.some(suffixed), 'the finding in the joined block');
    // One more line accepted right after it grows the same block.
    await insert(client, uri, { line: 4, character: 0 }, 'console.log(digest);\n');
    const grown = await provenanceWhere(client, uri, (b) => b.length === 1 && b[0].range.end.line === 5, 'the block grown by a line', before);
    assert.equal(grown.blocks[0].id, blocks[0].id);
    // A lone one-line piece elsewhere is not tracked.
    await insert(client, uri, { line: 0, character: 0 }, '// generated\n');
    const { blocks: after } = await client.request<ListProvenanceResult>('skeptic/listProvenance', {});
    assert.deepEqual(after.filter((b) => b.uri === uri).map((b) => [b.range.start.line, b.range.end.line]), [[3, 6]]);
    await client.close(uri);
  });

  it('lists the blocks of open documents and those in the ledger, found again in the files on disk', async () => {
    const open = workspace.uri('src/listed-open.js');
    await openWithBlock(client, open);
    // review.js was saved with its block (two lines above it now); app.js never was: its block is not in the file.
    workspace.write('src/review.js', `// saved\n// later\n${header}${completion}`);
    const { blocks } = await client.request<ListProvenanceResult>('skeptic/listProvenance', {});
    const byUri = new Map(blocks.map((b) => [b.uri, b]));
    assert.equal(byUri.get(open)?.findings, 1);
    const reviewed = byUri.get(workspace.uri('src/review.js'));
    assert.ok(reviewed?.reviewed, [...byUri.keys()].join(', '));
    assert.deepEqual(reviewed.range, { start: { line: 4, character: 0 }, end: { line: 7, character: 0 } });
    assert.ok(!byUri.has(workspace.uri('src/app.js')), 'a block that is not in the file on disk is not listed');
    await client.close(open);
  });

  it('reports a corrupt ledger file and sets it aside, never deleting it', async () => {
    const folder = workspace.path(path.join('.skeptic', 'provenance', 'src', 'corrupt.js'));
    fs.mkdirSync(folder, { recursive: true });
    const bad = path.join(folder, '0123456789abcdef.json');
    fs.writeFileSync(bad, '{ "version": 1, "id": ');
    const uri = workspace.uri('src/corrupt.js');
    await client.open(uri, header);
    await client.diagnosticsFor(uri, 1);
    const message = await client.waitFor('a message about the corrupt record', () => client.messages.find((m) => /corrupt/.test(m.message)));
    assert.match(message.message, /0123456789abcdef\.json is corrupt \(not valid JSON.*moved aside to .*\.corrupt-/);
    assert.ok(!fs.existsSync(bad));
    const moved = fs.readdirSync(folder).find((f) => f.startsWith('0123456789abcdef.json.corrupt-'));
    assert.ok(moved);
    assert.equal(fs.readFileSync(path.join(folder, moved), 'utf8'), '{ "version": 1, "id": ');
    await client.close(uri);
  });

  it('places a didInsert that arrives after later edits, mapping its range through them', async () => {
    const uri = workspace.uri('src/late.js');
    await client.open(uri, header);
    await client.diagnosticsFor(uri, 1);
    const at = { line: 2, character: 0 };
    const version = await client.change(uri, [{ range: { start: at, end: at }, text: completion }]);
    // The person typed two lines at the top before the server heard of the insertion.
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// a\n// b\n' }]);
    await client.notify('skeptic/didInsert', { textDocument: { uri, version }, range: { start: at, end: endOf(at, completion) }, origin: 'inline-completion', time: new Date().toISOString() } satisfies DidInsertParams);
    const { blocks } = await provenanceWhere(client, uri, (b) => b.length === 1, 'the block');
    assert.deepEqual(blocks[0].range, { start: { line: 4, character: 0 }, end: { line: 7, character: 0 } });
    await client.close(uri);
  });

  it('finds blocks again as last written when a client replaces the whole text', async () => {
    const uri = workspace.uri('src/full.js');
    const { block } = await openWithBlock(client, uri);
    const mark = client.custom.length;
    await client.change(uri, [{ text: `// reloaded\n${client.text(uri)}` }]);
    const again = await provenanceWhere(client, uri, (b) => b.length === 1 && b[0].range.start.line === 3, 'the block found again', mark);
    assert.equal(again.blocks[0].id, block.id);
    await client.close(uri);
  });

  it('ignores a malformed didInsert without failing', async () => {
    await client.notify('skeptic/didInsert', { textDocument: { uri: workspace.uri('src/none.js') }, range: null, origin: 'x', time: 'yesterday' });
    const uri = workspace.uri('src/after.js');
    await client.open(uri, header);
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    assert.ok(client.alive);
    await client.close(uri);
  });
});

describe('provenance follows renamed and moved files', () => {
  let workspace: Workspace;
  let client: LspClient;
  const settings = { debounceMs: 0, provenance: { storage: 'ledger' } };

  before(async () => {
    workspace = new Workspace();
    client = await LspClient.start({ folder: workspace.folder, settings, capabilities: { workspace: { codeLens: { refreshSupport: true } } } });
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  /** Renames on disk, then tells the server as VS Code does after its own didOpen (new name) and didClose (old name). */
  async function renameOpen(from: string, to: string): Promise<void> {
    const text = client.text(workspace.uri(from));
    workspace.write(from, text);
    fs.mkdirSync(path.dirname(workspace.path(to)), { recursive: true });
    fs.renameSync(workspace.path(from), workspace.path(to));
    await client.open(workspace.uri(to), text);
    await client.close(workspace.uri(from));
    await client.notify('workspace/didRenameFiles', { files: [{ oldUri: workspace.uri(from), newUri: workspace.uri(to) }] });
  }

  it('asks to hear of renamed files and folders', () => {
    const didRename = client.initializeResult.capabilities.workspace?.fileOperations?.didRename;
    assert.deepEqual(didRename?.filters, [{ scheme: 'file', pattern: { glob: '**/*' } }]);
  });

  it('an open file renamed: its block, finding and lens follow it, and its ledger record moves', async () => {
    const before = workspace.uri('src/before.js');
    const renamed = workspace.uri('src/renamed.js');
    const { block } = await openWithBlock(client, before);
    const mark = client.custom.length;
    await renameOpen('src/before.js', 'src/renamed.js');
    const moved = await provenanceWhere(client, renamed, (b) => b.length === 1 && b[0].findings === 1, 'the block under the new name', mark);
    assert.equal(moved.blocks[0].id, block.id);
    assert.deepEqual(moved.blocks[0].range, block.range);
    const diagnostics = await publishWhere(client, renamed, (p) => p.diagnostics.some(suffixed), 'the finding marked as AI-suggested under the new name');
    assert.equal(diagnostics.diagnostics.length, 1);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: renamed } });
    assert.deepEqual(lenses.map((l) => l.command?.title), ['AI-suggested · 1 finding', 'Mark reviewed']);
    assert.deepEqual(lenses[1].command?.arguments, [{ uri: renamed, id: block.id }]);

    const [record] = await eventually('the record under the new name and none under the old',
      () => (ledgerFiles(workspace, 'src/renamed.js').length && ledgerFiles(workspace, 'src/before.js').length === 0 ? ledgerFiles(workspace, 'src/renamed.js') : undefined));
    assert.equal(JSON.parse(fs.readFileSync(record, 'utf8')).path, 'src/renamed.js');
    assert.equal(path.basename(record), `${block.id}.json`);
    const { blocks } = await client.request<ListProvenanceResult>('skeptic/listProvenance', {});
    assert.deepEqual(blocks.map((b) => b.uri), [renamed]);
    await client.close(renamed);
  });

  it('a folder of closed files moved: the records follow it, listed and found again under the new path', async () => {
    const first = workspace.uri('lib/one.js');
    const { block } = await openWithBlock(client, first);
    workspace.write('lib/one.js', client.text(first));
    await client.close(first);
    await eventually('the record', () => (ledgerFiles(workspace, 'lib/one.js').length ? true : undefined));
    fs.renameSync(workspace.path('lib'), workspace.path('pkg'));
    await client.notify('workspace/didRenameFiles', { files: [{ oldUri: workspace.uri('lib'), newUri: workspace.uri('pkg') }] });
    // The record is written under the new path, then removed from the old one (never lost in between).
    await eventually('the record under the new folder, and the old folder in the ledger gone',
      () => (ledgerFiles(workspace, 'pkg/one.js').length && !fs.existsSync(workspace.path('.skeptic/provenance/lib')) ? true : undefined));
    const { blocks } = await client.request<ListProvenanceResult>('skeptic/listProvenance', {});
    const moved = workspace.uri('pkg/one.js');
    assert.deepEqual(blocks.filter((b) => b.id === block.id).map((b) => b.uri), [moved]);
    const mark = client.custom.length;
    await client.open(moved, fs.readFileSync(workspace.path('pkg/one.js'), 'utf8'));
    const again = await provenanceWhere(client, moved, (b) => b.length === 1, 'the block in the moved file', mark);
    assert.equal(again.blocks[0].id, block.id);
    await client.close(moved);
  });

  it('with workspace storage: the record moves there, didOpen and didClose on either side of the rename', async () => {
    const storage = fs.mkdtempSync(path.join(workspace.folder, '..', 'skeptic-storage-'));
    const local = await LspClient.start({
      folder: workspace.folder, settings: { debounceMs: 0, provenance: { storage: 'workspace' } }, initializationOptions: { provenanceStorage: storage },
    });
    try {
      const from = workspace.uri('web/old.js');
      const to = workspace.uri('web/new.js');
      const { block } = await openWithBlock(local, from);
      const stored = (): string[] => fs.readdirSync(storage, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => f.split(path.sep).join('/'));
      await eventually('the stored record', () => (stored().some((f) => f.endsWith(`web/old.js/${block.id}.json`)) ? true : undefined));
      const text = local.text(from);
      const mark = local.custom.length;
      await local.open(to, text);
      await local.notify('workspace/didRenameFiles', { files: [{ oldUri: from, newUri: to }] });
      await local.close(from);
      const moved = await provenanceWhere(local, to, (b) => b.length === 1, 'the block under the new name', mark);
      assert.equal(moved.blocks[0].id, block.id);
      await local.close(to);
      // Nothing left under the old name: the late didClose wrote nothing there.
      await eventually('the stored record under the new name and none under the old',
        () => (stored().some((f) => f.endsWith(`web/new.js/${block.id}.json`)) && !stored().some((f) => f.includes('web/old.js')) ? true : undefined));
      assert.ok(!fs.existsSync(workspace.path('.skeptic/provenance/web')), 'the team ledger is not touched');
    } finally {
      await local.stop();
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });
});

describe('provenance follows files moved outside the editor', () => {
  let workspace: Workspace;
  let client: LspClient;

  before(async () => {
    workspace = new Workspace();
    client = await LspClient.start({ folder: workspace.folder, settings: { debounceMs: 0, provenance: { storage: 'ledger' } } });
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('a file moved outside the editor (no rename event): its blocks, finding and record follow it when it is opened', async () => {
    const before = workspace.uri('src/outside.js');
    const { block } = await openWithBlock(client, before);
    const text = client.text(before);
    workspace.write('src/outside.js', text);
    await client.close(before);
    await eventually('the record under the old path', () => (ledgerFiles(workspace, 'src/outside.js').length === 1 ? true : undefined));
    // `git mv` in a terminal: VS Code sends no rename, only the new file's didOpen when someone opens it.
    fs.mkdirSync(workspace.path('elsewhere'), { recursive: true });
    fs.renameSync(workspace.path('src/outside.js'), workspace.path('elsewhere/outside.js'));
    const moved = workspace.uri('elsewhere/outside.js');
    const mark = client.custom.length;
    await client.open(moved, text);
    const found = await provenanceWhere(client, moved, (b) => b.length === 1 && b[0].findings === 1, 'the block in the moved file', mark);
    assert.equal(found.blocks[0].id, block.id);
    assert.deepEqual(found.blocks[0].range, block.range);
    await publishWhere(client, moved, (p) => p.diagnostics.some(suffixed), 'the finding marked as AI-suggested in the moved file');
    await eventually('the record under the new path and none under the old',
      () => (ledgerFiles(workspace, 'elsewhere/outside.js').length === 1 && ledgerFiles(workspace, 'src/outside.js').length === 0 ? true : undefined));
    await client.close(moved);
  });

  it('a copy does not take the blocks of a file still on disk', async () => {
    const original = workspace.uri('src/original.js');
    await openWithBlock(client, original);
    const text = client.text(original);
    workspace.write('src/original.js', text);
    await client.close(original);
    await eventually('the record of the original', () => (ledgerFiles(workspace, 'src/original.js').length === 1 ? true : undefined));
    const copy = workspace.uri('src/copy.js');
    workspace.write('src/copy.js', text);
    await client.open(copy, text);
    const published = await client.diagnosticsFor(copy, 1);
    assert.equal(published.length, 1);
    assert.ok(!suffixed(published[0]), messageOf(published[0]));
    assert.equal(ledgerFiles(workspace, 'src/copy.js').length, 0);
    assert.equal(ledgerFiles(workspace, 'src/original.js').length, 1);
    await client.close(copy);
  });

  it('a file moved on disk while its old editor stays open: the open document keeps its blocks', async () => {
    const before = workspace.uri('src/kept.js');
    await openWithBlock(client, before);
    const text = client.text(before);
    workspace.write('src/kept.js', text);
    await eventually('the record of the open file', () => (ledgerFiles(workspace, 'src/kept.js').length === 1 ? true : undefined));
    fs.mkdirSync(workspace.path('other'), { recursive: true });
    fs.renameSync(workspace.path('src/kept.js'), workspace.path('other/kept.js'));
    const moved = workspace.uri('other/kept.js');
    await client.open(moved, text);
    const published = await client.diagnosticsFor(moved, 1);
    assert.ok(!published.some(suffixed), published.map(messageOf).join('\n'));
    assert.equal(ledgerFiles(workspace, 'other/kept.js').length, 0);
    assert.equal(ledgerFiles(workspace, 'src/kept.js').length, 1);
    await client.close(moved);
    await client.close(before);
  });
  it('the editor adopts exactly where skeptic provenance says a file moved: copies of a gone file and a partial rename take nothing', async () => {
    const local = new Workspace();
    const editor = await LspClient.start({ folder: local.folder, settings: { debounceMs: 0, provenance: { storage: 'ledger' } } });
    try {
      /** The ledger as the editor wrote it for `file` when it held `text`, the completion on lines 2-4. */
      const recordBlock = (file: string, text: string, firstLine = 2): LedgerRecord => {
        const range = { start: { line: firstLine, character: 0 }, end: { line: firstLine + 3, character: 0 } };
        const record: LedgerRecord = {
          id: newBlockId(), path: file, origin: 'inline-completion', time: '2026-11-25T14:02:00.000Z', range,
          ...fingerprintOf(new TextLines(text), range)!, unconfirmedSuppressions: [],
        };
        new LedgerFolder(local.path('.skeptic/provenance'), false).write(record);
        return record;
      };
      const twin = header + completion.replace('signWebhook', 'signTwin');
      const other = header + completion.replace('signWebhook', 'signOther');
      // Moved and renamed (git mv src/old-name.js lib/new-name.js), then a line added on top.
      const moved = recordBlock('src/old-name.js', header + completion);
      local.write('lib/new-name.js', `// moved\n${header}${completion}`);
      // Gone, and two files hold its block: which one it went to cannot be told.
      recordBlock('src/twin.js', twin);
      local.write('a/copy.js', twin);
      local.write('b/copy.js', twin);
      // Gone with two blocks; a file under another name holds one of them only.
      recordBlock('src/pair.js', twin + other, 2);
      recordBlock('src/pair.js', twin + other, 7);
      local.write('lib/half.js', other);
      const cli = (): ProvenanceListing => {
        const run = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'provenance', '--format', 'json'], { cwd: local.folder, encoding: 'utf8' });
        assert.equal(run.status, 0, run.stderr);
        return JSON.parse(run.stdout) as ProvenanceListing;
      };
      const movesOf = (listing: ProvenanceListing): string[] => listing.blocks.filter((b) => b.movedFrom).map((b) => `${b.movedFrom} -> ${b.path}:${b.lines!.start}`);
      assert.deepEqual(movesOf(cli()), ['src/old-name.js -> lib/new-name.js:4']);
      // The editor opens every file the blocks could have gone to: only the one the CLI named takes them.
      const ledgerBefore = ledgerFiles(local, 'src/twin.js').length + ledgerFiles(local, 'src/pair.js').length;
      for (const file of ['a/copy.js', 'b/copy.js', 'lib/half.js']) {
        const uri = local.uri(file);
        await editor.open(uri, fs.readFileSync(local.path(file), 'utf8'));
        const published = await editor.diagnosticsFor(uri, 1);
        assert.ok(published.length > 0 && !published.some(suffixed), `${file}: ${published.map(messageOf).join('\n')}`);
        assert.equal(ledgerFiles(local, file).length, 0, file);
        await editor.close(uri);
      }
      assert.equal(ledgerFiles(local, 'src/twin.js').length + ledgerFiles(local, 'src/pair.js').length, ledgerBefore, 'records of undecided moves stay where they were');
      const uri = local.uri('lib/new-name.js');
      await editor.open(uri, fs.readFileSync(local.path('lib/new-name.js'), 'utf8'));
      const found = await provenanceWhere(editor, uri, (b) => b.length === 1 && b[0].findings === 1, 'the block in the file the CLI named');
      assert.equal(found.blocks[0].id, moved.id);
      assert.equal(found.blocks[0].range.start.line + 1, 4, 'the line the CLI reported');
      await editor.close(uri);
      // The ledger now says so itself: the CLI lists the block in place, no longer as a move.
      await eventually('the record under the new path', () => (ledgerFiles(local, 'lib/new-name.js').length === 1 ? true : undefined));
      const after = cli();
      assert.deepEqual(movesOf(after), []);
      assert.deepEqual(after.blocks.filter((b) => b.path === 'lib/new-name.js').map((b) => [b.id, b.lines!.start, b.state]), [[moved.id, 4, 'exact']]);
    } finally {
      await editor.stop();
      local.dispose();
    }
  });
});
