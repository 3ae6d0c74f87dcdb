// Over the wire: editor settings and `.skeptic.yml` take effect without a restart, bad values warn once, and an untrusted workspace cannot silence rules.
import * as assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DiagnosticSeverity, FileChangeType, MessageType } from 'vscode-languageserver-protocol';
import { DidChangeWorkspaceTrustNotification } from '../../shared/protocol';
import { LspClient, messageOf, Workspace } from './lsp-client';
import { hashing } from './samples';

describe('configuration over stdio', () => {
  let workspace: Workspace;
  let client: LspClient | undefined;
  const start = async (options: Partial<Parameters<typeof LspClient.start>[0]> = {}): Promise<LspClient> => {
    client = await LspClient.start({ folder: workspace.folder, settings: { debounceMs: 0 }, ...options });
    return client;
  };

  beforeEach(() => { workspace = new Workspace(); });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    workspace.dispose();
  });

  it('a settings change takes effect at once: severity raised, then the rule turned off, then the server disabled', async () => {
    const lsp = await start();
    const uri = workspace.uri('src/auth.js');
    await lsp.open(uri, hashing);
    assert.equal((await lsp.diagnosticsFor(uri, 1))[0].severity, DiagnosticSeverity.Warning);
    let mark = lsp.published.length;
    await lsp.didChangeConfiguration({ debounceMs: 0, rules: { 'weak-hash': 'error' } });
    assert.equal((await lsp.nextDiagnostics(uri, mark)).diagnostics[0].severity, DiagnosticSeverity.Error);
    mark = lsp.published.length;
    await lsp.didChangeConfiguration({ debounceMs: 0, rules: { 'weak-hash': 'off' } });
    assert.deepEqual((await lsp.nextDiagnostics(uri, mark)).diagnostics, []);
    mark = lsp.published.length;
    await lsp.didChangeConfiguration({ debounceMs: 0 });
    assert.equal((await lsp.nextDiagnostics(uri, mark)).diagnostics.length, 1);
    mark = lsp.published.length;
    await lsp.didChangeConfiguration({ enable: false });
    assert.deepEqual((await lsp.nextDiagnostics(uri, mark)).diagnostics, []);
  });

  it('settings pushed by a client that cannot answer workspace/configuration apply too', async () => {
    const lsp = await start({ capabilities: { workspace: { configuration: false } } });
    const uri = workspace.uri('src/auth.js');
    await lsp.open(uri, hashing);
    assert.equal((await lsp.diagnosticsFor(uri, 1)).length, 1);
    const mark = lsp.published.length;
    await lsp.didChangeConfiguration({ rules: { 'weak-hash': 'info' } }, true);
    assert.equal((await lsp.nextDiagnostics(uri, mark)).diagnostics[0].severity, DiagnosticSeverity.Information);
  });

  it('malformed settings: one clear warning, defaults for the bad keys, analysis goes on', async () => {
    const lsp = await start({ settings: { debounceMs: 'soon', ignore: 'vendor/**', rules: { 'weak-hsh': 'off', 'weak-hash': 'loud' }, maxFileSize: -3 } });
    const uri = workspace.uri('src/auth.js');
    await lsp.open(uri, hashing);
    const [diagnostic] = await lsp.diagnosticsFor(uri, 1);
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning, 'weak-hash keeps its default severity');
    const warnings = lsp.messages.filter((m) => m.type === MessageType.Warning);
    assert.equal(warnings.length, 1);
    for (const part of ['skeptic.debounceMs', 'skeptic.ignore', '"weak-hsh"', 'did you mean "weak-hash"', 'skeptic.rules.weak-hash', 'skeptic.maxFileSize']) {
      assert.ok(warnings[0].message.includes(part), `warning mentions ${part}: ${warnings[0].message}`);
    }
    const version = await lsp.replace(uri, "'md5'", "'sha1'");
    await lsp.diagnosticsFor(uri, version);
    const mark = lsp.published.length;
    await lsp.didChangeConfiguration(lsp.settings);
    await lsp.nextDiagnostics(uri, mark);
    assert.equal(lsp.messages.filter((m) => m.type === MessageType.Warning).length, 1, 'the same problems are not shown again');
  });

  it('ignore globs from settings keep matching files free of diagnostics', async () => {
    const lsp = await start({ settings: { debounceMs: 0, ignore: ['generated/**'] } });
    const ignored = workspace.uri('generated/client.js');
    const analysed = workspace.uri('src/client.js');
    await lsp.open(ignored, hashing);
    await lsp.open(analysed, hashing);
    assert.deepEqual(await lsp.diagnosticsFor(ignored, 1), []);
    assert.equal((await lsp.diagnosticsFor(analysed, 1)).length, 1);
  });

  it('a .skeptic.yml change takes effect when the editor reports it, and settings layer on top', async () => {
    const lsp = await start();
    const uri = workspace.uri('src/auth.js');
    await lsp.open(uri, hashing);
    assert.equal((await lsp.diagnosticsFor(uri, 1)).length, 1);
    assert.ok(lsp.registrations.includes('workspace/didChangeWatchedFiles'));
    workspace.write('.skeptic.yml', 'rules:\n  weak-hash: off\n');
    let mark = lsp.published.length;
    await lsp.didChangeWatchedFiles([{ uri: workspace.uri('.skeptic.yml'), type: FileChangeType.Created }]);
    assert.deepEqual((await lsp.nextDiagnostics(uri, mark)).diagnostics, []);
    mark = lsp.published.length;
    await lsp.didChangeConfiguration({ debounceMs: 0, rules: { 'weak-hash': 'error' } });
    assert.equal((await lsp.nextDiagnostics(uri, mark)).diagnostics[0]?.severity, DiagnosticSeverity.Error, 'a setting overrides the project file');
    mark = lsp.published.length;
    await lsp.didChangeConfiguration({ debounceMs: 0 });
    assert.deepEqual((await lsp.nextDiagnostics(uri, mark)).diagnostics, []);
    workspace.remove('.skeptic.yml');
    mark = lsp.published.length;
    await lsp.didChangeWatchedFiles([{ uri: workspace.uri('.skeptic.yml'), type: FileChangeType.Deleted }]);
    assert.equal((await lsp.nextDiagnostics(uri, mark)).diagnostics.length, 1);
  });

  it('problems in .skeptic.yml become diagnostics on that file and one warning; its valid parts still apply', async () => {
    workspace.write('.skeptic.yml', 'rules:\n  weak-hash: off\n  sql-injektion: error\n');
    const lsp = await start();
    const uri = workspace.uri('src/auth.js');
    const configUri = workspace.uri('.skeptic.yml');
    await lsp.open(uri, hashing);
    assert.deepEqual(await lsp.diagnosticsFor(uri, 1), [], 'weak-hash: off still applies');
    const [problem] = await lsp.diagnosticsFor(configUri);
    assert.match(messageOf(problem), /unknown rule id `sql-injektion`/);
    assert.deepEqual(problem.range.start, { line: 2, character: 2 });
    assert.equal(lsp.messages.filter((m) => m.type === MessageType.Warning && m.message.includes('.skeptic.yml')).length, 1);

    workspace.write('.skeptic.yml', 'rules: [weak-hash: off\n');
    let mark = lsp.published.length;
    await lsp.didChangeWatchedFiles([{ uri: configUri, type: FileChangeType.Changed }]);
    const syntax = await lsp.nextDiagnostics(configUri, mark);
    assert.match(messageOf(syntax.diagnostics[0]), /YAML syntax/);
    assert.equal((await lsp.nextDiagnostics(uri, mark)).diagnostics.length, 1, 'nothing of a file that does not parse applies');

    workspace.write('.skeptic.yml', 'rules:\n  weak-hash: info\n');
    mark = lsp.published.length;
    await lsp.didChangeWatchedFiles([{ uri: configUri, type: FileChangeType.Changed }]);
    assert.deepEqual((await lsp.nextDiagnostics(configUri, mark)).diagnostics, [], 'fixed: its diagnostics are cleared');
  });

  it('an untrusted workspace cannot silence rules with .skeptic.yml until trust is granted', async () => {
    workspace.write('.skeptic.yml', 'rules:\n  weak-hash: off\nignore:\n  - "src/**"\n');
    const lsp = await start({ initializationOptions: { workspaceTrusted: false } });
    const uri = workspace.uri('src/auth.js');
    await lsp.open(uri, hashing);
    assert.equal((await lsp.diagnosticsFor(uri, 1)).length, 1);
    const mark = lsp.published.length;
    await lsp.notify(DidChangeWorkspaceTrustNotification.method, { trusted: true });
    assert.deepEqual((await lsp.nextDiagnostics(uri, mark)).diagnostics, []);
  });

  it('an untrusted workspace may still raise a severity', async () => {
    workspace.write('.skeptic.yml', 'rules:\n  weak-hash: error\n');
    const lsp = await start({ initializationOptions: { workspaceTrusted: false } });
    const uri = workspace.uri('src/auth.js');
    await lsp.open(uri, hashing);
    assert.equal((await lsp.diagnosticsFor(uri, 1))[0].severity, DiagnosticSeverity.Error);
  });

  it('a .skeptic.yml edited without a watcher is picked up on the next analysis', async () => {
    const lsp = await start({ capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: false } } } });
    const uri = workspace.uri('src/auth.js');
    await lsp.open(uri, hashing);
    assert.equal((await lsp.diagnosticsFor(uri, 1)).length, 1);
    workspace.write('.skeptic.yml', 'rules:\n  weak-hash: off\n');
    const version = await lsp.replace(uri, "'md5'", "'sha1'");
    assert.deepEqual(await lsp.diagnosticsFor(uri, version), []);
  });
});
