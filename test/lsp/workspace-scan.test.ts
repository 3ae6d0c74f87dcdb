// Over the wire: `skeptic/scanWorkspace` publishes findings of files that are not open, reports progress, stops when cancelled, follows files on disk, and links copies of one pattern.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { CodeAction, Command, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ScanWorkspaceRequest, showOccurrencesCommand, type ScanWorkspaceResult, type ShowOccurrencesArguments } from '../../shared/protocol';
import { LspClient, messageOf, Workspace } from './lsp-client';

/** Weak hashing of a secret, written a little differently each time: one pattern. */
const hashModule = (name: string, algorithm: string, comment = ''): string => `const crypto = require('crypto');
${comment}
function ${name}(value) {
  return crypto.createHash('${algorithm}').update(value).digest('hex');
}

module.exports = { ${name} };
`;

/** A Flask view building SQL with an f-string: sql-injection, with a behaviour-preserving fix (query parameters). */
const flaskView = (route: string, column: string): string => `import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/${route}")
def find_${route}():
    ${column} = request.args.get("${column}", "")
    cur = sqlite3.connect("shop.db").cursor()
    cur.execute(f"SELECT id FROM ${route} WHERE ${column} = '{${column}}'")
    return jsonify(cur.fetchall())
`;

const capabilities = { textDocument: { publishDiagnostics: { relatedInformation: true } } };

function scan(client: LspClient, workDoneToken?: string): Promise<ScanWorkspaceResult> {
  return client.request<ScanWorkspaceResult>(ScanWorkspaceRequest.method, workDoneToken ? { workDoneToken } : {});
}

/** The latest diagnostics published for `uri`, or undefined when none were. */
function latest(client: LspClient, uri: string): Diagnostic[] | undefined {
  return client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics;
}

function waitForLatest(client: LspClient, uri: string, what: string, check: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  return client.waitFor(`${what} (${uri})`, () => {
    const diagnostics = latest(client, uri);
    return diagnostics && check(diagnostics) ? diagnostics : undefined;
  });
}

const ruleIds = (diagnostics: Diagnostic[] | undefined): string[] => (diagnostics ?? []).map((d) => String(d.code));

describe('workspace scan over stdio', () => {
  let workspace: Workspace;
  let client: LspClient;
  let result: ScanWorkspaceResult;

  before(async () => {
    workspace = new Workspace({
      '.gitignore': 'build/\n',
      '.skeptic.yml': 'ignore:\n  - "vendor/**"\nmaxFileSize: 4KB\n',
      'src/passwords.js': hashModule('hashPassword', 'md5'),
      'src/tokens.js': hashModule('tokenDigest', 'sha1', '// Tokens for the reset links.'),
      'src/clean.js': 'function add(a, b) {\n  return a + b;\n}\n\nmodule.exports = { add };\n',
      'src/huge.js': hashModule('hugeDigest', 'md5') + '// padding\n'.repeat(500),
      'src/open.js': hashModule('openDigest', 'md5'),
      'build/bundle.js': hashModule('bundled', 'md5'),
      'vendor/lib.js': hashModule('vendored', 'md5'),
      'node_modules/dep/index.js': hashModule('dependency', 'md5'),
      'app/orders.py': flaskView('orders', 'customer'),
      'app/users.py': flaskView('users', 'name'),
    });
    client = await LspClient.start({ folder: workspace.folder, settings: { debounceMs: 0 }, capabilities, initializationOptions: { clientCommands: [showOccurrencesCommand] } });
    // Open, and fixed in the editor but not saved: the scan must leave its live (empty) diagnostics alone.
    await client.open(workspace.uri('src/open.js'), hashModule('openDigest', 'sha256'));
    assert.deepEqual(await client.diagnosticsFor(workspace.uri('src/open.js'), 1), []);
    result = await scan(client, 'scan-1');
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('publishes findings of files that are not open, and none for ignored, skipped or open files', () => {
    assert.deepEqual(ruleIds(latest(client, workspace.uri('src/passwords.js'))), ['weak-hash']);
    assert.deepEqual(ruleIds(latest(client, workspace.uri('src/tokens.js'))), ['weak-hash']);
    assert.deepEqual(ruleIds(latest(client, workspace.uri('app/orders.py'))), ['sql-injection']);
    assert.deepEqual(ruleIds(latest(client, workspace.uri('app/users.py'))), ['sql-injection']);
    for (const rel of ['src/clean.js', 'src/huge.js', 'build/bundle.js', 'vendor/lib.js', 'node_modules/dep/index.js']) {
      assert.deepEqual(latest(client, workspace.uri(rel)) ?? [], [], `${rel} has no findings`);
    }
    assert.deepEqual(client.published.filter((p) => p.uri === workspace.uri('src/open.js')).map((p) => p.diagnostics), [[]], 'the open file keeps its live result');
    const diagnostic = latest(client, workspace.uri('src/passwords.js'))![0];
    assert.deepEqual(diagnostic.range.start, { line: 3, character: 27 });
    assert.equal(diagnostic.source, 'skeptic');
  });

  it('answers with the totals: findings, the files holding them, files scanned and skipped', () => {
    assert.deepEqual(result, { findings: 4, filesWithFindings: 4, filesScanned: 5, filesSkipped: 1, cancelled: false });
  });

  it('reports work-done progress on the token given: begin, reports up to 100%, end', () => {
    const values = client.progress.filter((p) => p.token === 'scan-1').map((p) => p.value as { kind: string; percentage?: number; cancellable?: boolean; message?: string });
    assert.equal(values[0].kind, 'begin');
    assert.equal(values[0].cancellable, true);
    assert.equal(values.at(-1)!.kind, 'end');
    const reports = values.filter((v) => v.kind === 'report');
    assert.ok(reports.length >= 5, `a report per file (${reports.length})`);
    assert.equal(reports.at(-1)!.percentage, 100);
    assert.match(reports.at(-1)!.message ?? '', /^7\/7 files$/);
    const percentages = reports.map((r) => r.percentage!);
    assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'never goes back');
  });

  it('asks the client to watch source files once a scan has run', () => {
    const watched = client.registrationOptions.filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => (r.options as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern));
    assert.ok(watched.some((g) => g.includes('*.{js') && g.includes('py')), JSON.stringify(watched));
  });

  it('counts the same pattern elsewhere in the message and links the other places', () => {
    const [passwords] = latest(client, workspace.uri('src/passwords.js'))!;
    assert.match(messageOf(passwords), /\(CWE-[\d, CWE-]+\) — same pattern in 1 other place$/);
    assert.deepEqual(passwords.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]),
      [[workspace.uri('src/tokens.js'), 3, 'same pattern: src/tokens.js:4']]);
    const [orders] = latest(client, workspace.uri('app/orders.py'))!;
    assert.match(messageOf(orders), /same pattern in 1 other place$/);
    assert.equal(orders.relatedInformation?.[0].location.uri, workspace.uri('app/users.py'));
    assert.equal((orders.data as { pattern?: string }).pattern, (latest(client, workspace.uri('app/users.py'))![0].data as { pattern?: string }).pattern);
    assert.notEqual((orders.data as { pattern?: string }).pattern, (passwords.data as { pattern?: string }).pattern);
  });

  it('an open document joins the count, and the other files follow without a rescan', async () => {
    const uri = workspace.uri('src/open.js');
    const version = await client.replace(uri, "'sha256'", "'md5'");
    const [live] = await client.diagnosticsFor(uri, version);
    assert.match(messageOf(live), /same pattern in 2 other places$/);
    assert.deepEqual(live.relatedInformation?.map((r) => r.location.uri), [workspace.uri('src/passwords.js'), workspace.uri('src/tokens.js')]);
    await waitForLatest(client, workspace.uri('src/passwords.js'), 'passwords.js counting the open file', (d) => /in 2 other places$/.test(messageOf(d[0])));
    await waitForLatest(client, workspace.uri('src/tokens.js'), 'tokens.js counting the open file', (d) => /in 2 other places$/.test(messageOf(d[0])));
    // Back to SHA-256 in the editor: the counts drop again.
    await client.replace(uri, "'md5'", "'sha256'");
    await waitForLatest(client, workspace.uri('src/passwords.js'), 'passwords.js back to one other place', (d) => /in 1 other place$/.test(messageOf(d[0])));
  });

  it('rescans a file changed on disk, scans a created one and clears a deleted one', async () => {
    workspace.write('src/tokens.js', hashModule('tokenDigest', 'sha512'));
    await client.didChangeWatchedFiles([{ uri: workspace.uri('src/tokens.js'), type: 2 }]);
    await waitForLatest(client, workspace.uri('src/tokens.js'), 'tokens.js cleared', (d) => d.length === 0);
    await waitForLatest(client, workspace.uri('src/passwords.js'), 'passwords.js alone with its pattern', (d) => d.length === 1 && !/same pattern/.test(messageOf(d[0])) && !d[0].relatedInformation);

    workspace.write('src/legacy/md5.js', hashModule('legacyDigest', 'md5'));
    await client.didChangeWatchedFiles([{ uri: workspace.uri('src/legacy/md5.js'), type: 1 }]);
    await waitForLatest(client, workspace.uri('src/legacy/md5.js'), 'the new file scanned', (d) => /same pattern in 1 other place$/.test(messageOf(d[0] ?? { message: '' } as Diagnostic)));

    workspace.write('vendor/new.js', hashModule('vendoredToo', 'md5'));
    await client.didChangeWatchedFiles([{ uri: workspace.uri('vendor/new.js'), type: 1 }]);

    workspace.remove('src/legacy/md5.js');
    await client.didChangeWatchedFiles([{ uri: workspace.uri('src/legacy/md5.js'), type: 3 }]);
    await waitForLatest(client, workspace.uri('src/legacy/md5.js'), 'the deleted file cleared', (d) => d.length === 0);
    await waitForLatest(client, workspace.uri('src/passwords.js'), 'passwords.js alone again', (d) => d.length === 1 && !/same pattern/.test(messageOf(d[0])));
    assert.equal(latest(client, workspace.uri('vendor/new.js')), undefined, 'an ignored file stays unscanned');

    // A folder deleted as one event takes the results of the files below it.
    workspace.write('src/old/a.js', hashModule('oldA', 'md5'));
    workspace.write('src/old/deeper/b.js', hashModule('oldB', 'md5'));
    await client.didChangeWatchedFiles([{ uri: workspace.uri('src/old/a.js'), type: 1 }, { uri: workspace.uri('src/old/deeper/b.js'), type: 1 }]);
    await waitForLatest(client, workspace.uri('src/old/deeper/b.js'), 'the folder\'s files scanned', (d) => d.length === 1);
    workspace.remove('src/old');
    await client.didChangeWatchedFiles([{ uri: workspace.uri('src/old'), type: 3 }]);
    await waitForLatest(client, workspace.uri('src/old/a.js'), 'a.js cleared with its folder', (d) => d.length === 0);
    await waitForLatest(client, workspace.uri('src/old/deeper/b.js'), 'b.js cleared with its folder', (d) => d.length === 0);
    await waitForLatest(client, workspace.uri('src/passwords.js'), 'passwords.js alone once more', (d) => d.length === 1 && !/same pattern/.test(messageOf(d[0])));
  });

  it('a closed document goes back to its result on disk', async () => {
    const uri = workspace.uri('app/users.py');
    const text = flaskView('users', 'name');
    await client.open(uri, text, 'python');
    await client.diagnosticsFor(uri, 1);
    const fixed = await client.replace(uri, `f"SELECT id FROM users WHERE name = '{name}'"`, '"SELECT id FROM users WHERE name = ?", (name,)');
    assert.deepEqual(await client.diagnosticsFor(uri, fixed), []);
    const before = client.published.length;
    await client.close(uri);
    const reverted = await client.nextDiagnostics(uri, before);
    assert.deepEqual(ruleIds(reverted.diagnostics), ['sql-injection'], 'unsaved edits are gone: the file on disk still has the finding');
  });

  it('offers "Show all occurrences" and a behaviour-preserving "Fix all in workspace" across open and unopened files', async () => {
    workspace.write('app/tags.py', flaskView('tags', 'label'));
    await client.didChangeWatchedFiles([{ uri: workspace.uri('app/tags.py'), type: 1 }]);
    await waitForLatest(client, workspace.uri('app/tags.py'), 'tags.py scanned', (d) => d.length === 1);
    const uri = workspace.uri('app/orders.py');
    const text = flaskView('orders', 'customer');
    await client.open(uri, text, 'python');
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    assert.match(messageOf(diagnostic), /same pattern in 2 other places$/);
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]) as (CodeAction & Command)[];
    const show = actions.find((a) => a.title === 'Show all 3 occurrences of this pattern');
    assert.ok(show, actions.map((a) => a.title).join(' | '));
    const args = show.command!.arguments![0] as ShowOccurrencesArguments;
    assert.equal(show.command!.command, showOccurrencesCommand);
    assert.deepEqual(args.locations.map((l) => l.uri).sort(), [uri, workspace.uri('app/tags.py'), workspace.uri('app/users.py')].sort());

    const fixAll = actions.find((a) => a.title === 'Fix all 3 occurrences in the workspace (3 files)');
    assert.ok(fixAll, actions.map((a) => a.title).join(' | '));
    const changes = fixAll.edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(changes.map((c) => [c.textDocument.uri, c.textDocument.version]).sort(),
      [[uri, 1], [workspace.uri('app/tags.py'), null], [workspace.uri('app/users.py'), null]].sort());
    const apply = (original: string, edits: TextEdit[]): string => TextDocument.applyEdits(TextDocument.create('x', 'python', 1, original), edits);
    const fixedTags = apply(flaskView('tags', 'label'), changes.find((c) => c.textDocument.uri === workspace.uri('app/tags.py'))!.edits as TextEdit[]);
    assert.match(fixedTags, /cur\.execute\("SELECT id FROM tags WHERE label = \?", \(label,\)\)/);
    const fixedOrders = apply(text, changes.find((c) => c.textDocument.uri === uri)!.edits as TextEdit[]);
    assert.match(fixedOrders, /cur\.execute\("SELECT id FROM orders WHERE customer = \?", \(customer,\)\)/);

    // A file changed on disk since it was scanned is left out rather than edited blind.
    workspace.write('app/tags.py', '\n' + flaskView('tags', 'label'));
    const again = await client.codeActions(uri, diagnostic.range, [diagnostic]) as CodeAction[];
    assert.ok(again.some((a) => a.title === 'Fix all 2 occurrences in the workspace (2 files)'), again.map((a) => a.title).join(' | '));
    await client.close(uri);
  });

  it('a fix that changes behaviour (weak-hash to SHA-256) is never applied workspace-wide', async () => {
    workspace.write('src/tokens.js', hashModule('tokenDigest', 'md5'));
    await client.didChangeWatchedFiles([{ uri: workspace.uri('src/tokens.js'), type: 2 }]);
    await waitForLatest(client, workspace.uri('src/tokens.js'), 'tokens.js rescanned', (d) => d.length === 1);
    const uri = workspace.uri('src/sessions.js');
    await client.open(uri, hashModule('sessionDigest', 'md5'));
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    assert.equal((diagnostic.data as { fix?: { preservesBehaviour: boolean } }).fix?.preservesBehaviour, false, 'the finding has a fix, one that changes behaviour');
    const titles = (await client.codeActions(uri, diagnostic.range, [diagnostic]) as CodeAction[]).map((a) => a.title);
    assert.ok(titles.includes('Show all 3 occurrences of this pattern'), titles.join(' | '));
    assert.ok(!titles.some((t) => t.startsWith('Fix all')), titles.join(' | '));
    await client.close(uri);
  });
});

describe('workspace scan scope follows .gitignore and .skeptic.yml', () => {
  let workspace: Workspace;
  let client: LspClient;
  const weakHash = (d: Diagnostic[]): boolean => d.some((x) => x.code === 'weak-hash');

  before(async () => {
    workspace = new Workspace({
      '.gitignore': 'build/\n',
      '.skeptic.yml': 'ignore:\n  - "vendor/**"\n',
      'src/passwords.js': hashModule('hashPassword', 'md5'),
      'generated/digest.js': hashModule('generatedDigest', 'md5'),
      'build/bundle.js': hashModule('bundled', 'md5'),
      'vendor/lib.js': hashModule('vendored', 'md5'),
    });
    client = await LspClient.start({ folder: workspace.folder, settings: { debounceMs: 0 }, capabilities });
    await scan(client);
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  /** Waits for the server's log line on a scope refresh after `from`, and checks no full scan ran meanwhile. */
  async function scopeRefreshed(from: number, left: number, entered: number): Promise<void> {
    const line = new RegExp(`workspace scope of .* refreshed: ${left} files left it, ${entered} entered it`);
    await client.waitFor(`a scope refresh (${left} out, ${entered} in)`, () => client.logs.slice(from).find((l) => line.test(l)));
    assert.deepEqual(client.logs.slice(from).filter((l) => /^workspace scan (done|cancelled)/.test(l)), [], 'no scan of the whole folder');
  }

  it('asks the client to watch .gitignore files', () => {
    const watched = client.registrationOptions.filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => (r.options as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern));
    assert.ok(watched.includes('**/.gitignore'), JSON.stringify(watched));
  });

  it('a folder newly ignored in .gitignore loses its findings, and nothing else is scanned again', async () => {
    assert.ok(weakHash(latest(client, workspace.uri('generated/digest.js')) ?? []), 'scanned before');
    const from = client.logs.length;
    workspace.write('.gitignore', 'build/\ngenerated/\n');
    await client.didChangeWatchedFiles([{ uri: workspace.uri('.gitignore'), type: 2 }]);
    await waitForLatest(client, workspace.uri('generated/digest.js'), 'the ignored file cleared', (d) => d.length === 0);
    await scopeRefreshed(from, 1, 0);
    assert.ok(weakHash(latest(client, workspace.uri('src/passwords.js'))!), 'the other files keep their findings');
  });

  it('a folder no longer ignored is scanned without a scan of the whole folder', async () => {
    assert.equal(latest(client, workspace.uri('build/bundle.js')), undefined);
    const from = client.logs.length;
    workspace.write('.gitignore', 'generated/\n');
    await client.didChangeWatchedFiles([{ uri: workspace.uri('.gitignore'), type: 2 }]);
    await waitForLatest(client, workspace.uri('build/bundle.js'), 'the file no longer ignored scanned', weakHash);
    await scopeRefreshed(from, 0, 1);
  });

  it('.skeptic.yml changing only its ignore globs moves files in and out the same way', async () => {
    const from = client.logs.length;
    workspace.write('.skeptic.yml', 'ignore:\n  - "src/**"\n');
    await client.didChangeWatchedFiles([{ uri: workspace.uri('.skeptic.yml'), type: 2 }]);
    await waitForLatest(client, workspace.uri('vendor/lib.js'), 'vendor/ scanned', weakHash);
    await waitForLatest(client, workspace.uri('src/passwords.js'), 'src/ cleared', (d) => d.length === 0);
    await scopeRefreshed(from, 1, 1);
  });

  it('.skeptic.yml changing a rule scans the folder again', async () => {
    const from = client.logs.length;
    workspace.write('.skeptic.yml', 'ignore:\n  - "src/**"\nrules:\n  weak-hash: error\n');
    await client.didChangeWatchedFiles([{ uri: workspace.uri('.skeptic.yml'), type: 2 }]);
    await waitForLatest(client, workspace.uri('vendor/lib.js'), 'vendor/ with the raised severity', (d) => d.some((x) => x.code === 'weak-hash' && x.severity === 1));
    await client.waitFor('a scan of the folder', () => client.logs.slice(from).find((l) => /^workspace scan done/.test(l)));
  });
});

describe('workspace scan of a large file', () => {
  it('analyses it on the worker thread, with the same findings, patterns and links', async () => {
    // Over 128 KB of safe hashing, then one weak hash of the same shape as in small.js.
    const safe = Array.from({ length: 1600 }, (_, i) => `function digest${i}(value) {\n  return crypto.createHash('sha256').update(value).digest('hex');\n}\n`).join('\n');
    const big = `const crypto = require('crypto');\n\n${safe}\nfunction legacyDigest(value) {\n  return crypto.createHash('md5').update(value).digest('hex');\n}\n`;
    assert.ok(big.length > 128 * 1024);
    const weakLine = big.split('\n').findIndex((l) => l.includes("'md5'"));
    const workspace = new Workspace({ 'src/big.js': big, 'src/small.js': hashModule('hashPassword', 'md5') });
    const client = await LspClient.start({ folder: workspace.folder, settings: { debounceMs: 0 }, capabilities });
    try {
      const result = await scan(client);
      assert.equal(result.findings, 2);
      const [finding] = await waitForLatest(client, workspace.uri('src/big.js'), 'big.js scanned', (d) => d.length === 1);
      assert.equal(finding.code, 'weak-hash');
      assert.equal(finding.range.start.line, weakLine);
      assert.match(messageOf(finding), /same pattern in 1 other place$/);
      assert.deepEqual(finding.relatedInformation?.map((r) => r.location.uri), [workspace.uri('src/small.js')]);
      assert.ok(client.logs.some((l) => /src\/big\.js \(\d+ KB\) analysed on the worker thread/.test(l)), 'the worker analysed it');
      assert.ok(!client.logs.some((l) => /small\.js.*worker thread/.test(l)), 'small files stay on the main thread');
    } finally {
      await client.stop();
      workspace.dispose();
    }
  });
});

describe('workspace scan cancellation', () => {
  it('stops between files when the request is cancelled, keeping what it scanned', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`src/m${i}.js`] = hashModule(`digest${i}`, i % 2 ? 'md5' : 'sha1');
    const workspace = new Workspace(files);
    const client = await LspClient.start({ folder: workspace.folder, settings: { debounceMs: 0 } });
    try {
      const source = new CancellationTokenSource();
      const pending = client.request<ScanWorkspaceResult>(ScanWorkspaceRequest.method, { workDoneToken: 'cancel-me' }, source.token);
      await client.waitFor('the first progress report', () => client.progress.find((p) => p.token === 'cancel-me' && (p.value as { kind: string }).kind === 'report'));
      source.cancel();
      const result = await pending;
      assert.equal(result.cancelled, true);
      assert.ok(result.filesScanned >= 1 && result.filesScanned < 400, `stopped part way: ${result.filesScanned}`);
      assert.equal((client.progress.filter((p) => p.token === 'cancel-me').at(-1)!.value as { kind: string }).kind, 'end');
      // The server still answers, and a new scan completes.
      const full = await client.request<ScanWorkspaceResult>(ScanWorkspaceRequest.method, {});
      assert.deepEqual(full, { findings: 400, filesWithFindings: 400, filesScanned: 400, filesSkipped: 0, cancelled: false });
    } finally {
      await client.stop();
      workspace.dispose();
    }
  });
});
