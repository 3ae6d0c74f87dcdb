// A small real JSON-RPC client for the over-the-wire tests: spawns the bundled server over stdio and records what it sends.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, RequestType, StreamMessageReader, StreamMessageWriter, type CancellationToken, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  CodeActionRequest, ConfigurationRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExecuteCommandRequest,
  ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest,
  ShowDocumentRequest, ShowMessageNotification, ShutdownRequest,
  type ClientCapabilities, type CodeAction, type Command, type Diagnostic, type FileEvent, type InitializeResult,
  type PublishDiagnosticsParams, type Range, type ShowDocumentParams, type ShowMessageParams, type TextDocumentContentChangeEvent,
  type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const serverPath = path.join(repoRoot, 'dist', 'server.js');

export interface StartOptions {
  /** Workspace folder (a real directory). */
  readonly folder: string;
  /** The `skeptic` section answered to `workspace/configuration`; change it and call `didChangeConfiguration`. */
  readonly settings?: unknown;
  readonly initializationOptions?: unknown;
  /** Merged over a capability set like VS Code's (configuration, dynamic registration, documentChanges, showDocument). */
  readonly capabilities?: ClientCapabilities;
}

const defaultCapabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    workspaceFolders: true,
  },
  textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { dynamicRegistration: false } },
  window: { showDocument: { support: true }, showMessage: {} },
};

export class LspClient {
  settings: unknown;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly registrations: string[] = [];
  /** Every registration's options, in order (e.g. the file watchers asked for). */
  readonly registrationOptions: { method: string; options: unknown }[] = [];
  /** `$/progress` notifications, in order. */
  readonly progress: { token: string | number; value: unknown }[] = [];
  /** Skeptic's own notifications (`skeptic/…`), in order. */
  readonly custom: { method: string; params: unknown }[] = [];
  /** How many times the server asked for `workspace/codeLens/refresh`. */
  lensRefreshes = 0;
  readonly stderr: string[] = [];
  /** `window/logMessage` texts (the server's log: the Skeptic output channel in VS Code). */
  readonly logs: string[] = [];
  initializeResult!: InitializeResult;
  private readonly texts = new Map<string, TextDocument>();
  /** Every text sent, by uri and version: lets a test check a publish against the text it claims to describe. */
  readonly history = new Map<string, Map<number, string>>();
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly child: ChildProcess, private readonly connection: MessageConnection, settings: unknown) {
    this.settings = settings;
  }

  static async start(options: StartOptions): Promise<LspClient> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options.settings);
    child.stderr!.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => client.record(() => client.published.push(params)));
    connection.onNotification(ShowMessageNotification.type, (params) => client.record(() => client.messages.push(params)));
    connection.onNotification('window/logMessage', (params: { message: string }) => client.record(() => client.logs.push(params.message)));
    connection.onNotification('$/logTrace', () => undefined);
    connection.onNotification((method, params) => { if (method.startsWith('skeptic/')) client.record(() => client.custom.push({ method, params })); });
    connection.onRequest('workspace/codeLens/refresh', () => { client.record(() => client.lensRefreshes++); return null; });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => client.settings ?? null));
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.record(() => {
        client.registrations.push(...params.registrations.map((r) => r.method));
        client.registrationOptions.push(...params.registrations.map((r) => ({ method: r.method, options: r.registerOptions })));
      });
    });
    connection.onUnhandledProgress((params) => client.record(() => client.progress.push(params)));
    connection.onRequest(ShowDocumentRequest.type, (params) => { client.record(() => client.shownDocuments.push(params)); return { success: true }; });
    connection.listen();
    const capabilities = mergeCapabilities(defaultCapabilities, options.capabilities ?? {});
    const folderUri = pathToFileURL(options.folder).toString();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(options.folder) }],
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private record(action: () => void): void {
    action();
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves when `probe` returns a value; fails only if it never does within `timeoutMs` (never a timing assertion). */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = probe();
        if (value === undefined) return false;
        this.waiters.delete(wake);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const wake = (): void => { check(); };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}`));
      }, timeoutMs);
      this.waiters.add(wake);
      check();
    });
  }

  /** The first diagnostics published for `uri` at `version`. */
  diagnosticsFor(uri: string, version?: number): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`, () =>
      this.published.find((p) => p.uri === uri && (version === undefined || p.version === version))?.diagnostics);
  }

  /** The next diagnostics published for `uri` after the `published.length` given. */
  nextDiagnostics(uri: string, after: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri} after #${after}`, () => this.published.slice(after).find((p) => p.uri === uri));
  }

  text(uri: string): string {
    return this.texts.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.texts.get(uri)!.version;
  }

  async open(uri: string, text: string, languageId = 'javascript'): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    this.history.set(uri, new Map([[1, text]]));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental changes; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const current = this.texts.get(uri)!;
    const next = TextDocument.update(current, changes, current.version + 1);
    this.texts.set(uri, next);
    this.history.get(uri)!.set(next.version, next.getText());
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  /** Replaces `search` (first occurrence) with `replacement` as one incremental change. */
  replace(uri: string, search: string, replacement: string): Promise<number> {
    const doc = this.texts.get(uri)!;
    const offset = doc.getText().indexOf(search);
    if (offset < 0) throw new Error(`${search} not in ${uri}`);
    return this.change(uri, [{ range: { start: doc.positionAt(offset), end: doc.positionAt(offset + search.length) }, text: replacement }]);
  }

  /** Applies a workspace edit's edits for `uri` the way an editor would, as incremental changes; snippets become their plain text. */
  async applyEdit(uri: string, edit: WorkspaceEdit): Promise<number> {
    const edits = editsOf(edit, uri);
    // Apply from the end so earlier ranges stay valid, each as one content change.
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    return this.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<(CodeAction | Command)[]> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }).then((r) => r ?? []);
  }

  /** Sends any request; cancelling `token` sends `$/cancelRequest`. */
  request<R>(method: string, params: unknown, token?: CancellationToken): Promise<R> {
    // A RequestType, not the bare method: that would send the params by position.
    return this.connection.sendRequest(new RequestType<unknown, R, unknown>(method), params, token);
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** Changes the answer to `workspace/configuration` and says so; `push` also sends the section (for clients that cannot be asked). */
  async didChangeConfiguration(settings: unknown, push = false): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: push ? { skeptic: settings } : null });
  }

  async didChangeWatchedFiles(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async notify(method: string, params: unknown): Promise<void> {
    await this.connection.sendNotification(method, params);
  }

  get alive(): boolean {
    return this.child.exitCode === null;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch { /* the server may already be gone */ }
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    const timer = setTimeout(() => this.child.kill(), 2000);
    if (this.child.exitCode === null) await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** The plain text edits of `uri` in a workspace edit; snippet edits lose their tab-stop syntax. */
export function editsOf(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change) || change.textDocument.uri !== uri) continue;
    for (const e of change.edits) edits.push('snippet' in e ? { range: e.range, newText: snippetText(e.snippet.value) } : { range: e.range, newText: e.newText });
  }
  return edits;
}

export function snippetText(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

function mergeCapabilities(base: ClientCapabilities, extra: ClientCapabilities): ClientCapabilities {
  const merge = (a: unknown, b: unknown): unknown => {
    if (typeof a !== 'object' || typeof b !== 'object' || !a || !b || Array.isArray(b)) return b ?? a;
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) out[k] = merge(out[k], v);
    return out;
  };
  return merge(base, extra) as ClientCapabilities;
}

/** A temporary workspace folder with files; `uri` names a file in it. */
export class Workspace {
  readonly folder: string;

  constructor(files: Record<string, string> = {}) {
    this.folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-lsp-')));
    for (const [rel, text] of Object.entries(files)) this.write(rel, text);
  }

  path(rel: string): string {
    return path.join(this.folder, rel);
  }

  uri(rel: string): string {
    return pathToFileURL(this.path(rel)).toString();
  }

  write(rel: string, text: string): void {
    fs.mkdirSync(path.dirname(this.path(rel)), { recursive: true });
    fs.writeFileSync(this.path(rel), text);
  }

  remove(rel: string): void {
    fs.rmSync(this.path(rel), { force: true, recursive: true });
  }

  dispose(): void {
    fs.rmSync(this.folder, { recursive: true, force: true });
  }
}

/** A diagnostic's message as text (LSP 3.18 allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
