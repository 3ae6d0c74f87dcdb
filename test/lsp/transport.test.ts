// The bundled server speaks over node IPC too (how the VS Code client starts it), not only stdio.
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { serverPath, Workspace } from './lsp-client';
import { hashing } from './samples';

it('serves over --node-ipc', async () => {
  const workspace = new Workspace();
  const child = fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  try {
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.onRequest('workspace/configuration', () => [null]);
    connection.listen();
    const folder = pathToFileURL(workspace.folder).toString();
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'w' }], capabilities: { workspace: { configuration: true } } });
    assert.equal(result.serverInfo?.name, 'skeptic');
    await connection.sendNotification(InitializedNotification.type, {});
    const uri = workspace.uri('a.js');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'javascript', version: 1, text: hashing } });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => d.code), ['weak-hash']);
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
  } finally {
    connection.dispose();
    child.kill();
    workspace.dispose();
  }
});
