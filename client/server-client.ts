// Owns the language client: starting the bundled server over IPC, what it is told about trust, and restarting it when it crashes (until it crashes too often).
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, TransportKind,
  type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import {
  DidChangeWorkspaceTrustNotification, questionSnippetCommand, selectRangeCommand, serverName, settingsSection, showOccurrencesCommand,
  type InitializationOptions,
} from '../shared/protocol';
import { createTraceChannel } from './trace-channel';

/** The editor language ids Skeptic analyses; package.json `activationEvents` lists the same (a test keeps them equal). */
export const supportedLanguages = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python'] as const;

export function isSupportedLanguage(languageId: string): boolean {
  return (supportedLanguages as readonly string[]).includes(languageId);
}

/** Crashes tolerated within `crashWindowMs` before the client stops restarting the server. */
const maxCrashes = 5;
const crashWindowMs = 3 * 60 * 1000;

/**
 * Restarts the server each time its connection closes, until it has crashed `maxCrashes` times within `crashWindowMs`;
 * then leaves it stopped and says so with a message offering the output and a manual restart.
 */
class CrashGuard implements ErrorHandler {
  private crashes: number[] = [];

  constructor(private readonly onGaveUp: (crashes: number) => void) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few broken messages are survivable; a stream of them means the connection is gone.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < crashWindowMs), now];
    if (this.crashes.length < maxCrashes) {
      return { action: CloseAction.Restart, message: `Skeptic's language server stopped unexpectedly (${this.crashes.length} in the last 3 minutes); restarting it.`, handled: true };
    }
    const crashes = this.crashes.length;
    this.crashes = [];
    this.onGaveUp(crashes);
    return { action: CloseAction.DoNotRestart, message: `Skeptic's language server crashed ${crashes} times in 3 minutes and was not restarted.`, handled: true };
  }

  /** A restart the user asked for starts a fresh count. */
  reset(): void {
    this.crashes = [];
  }
}

export interface ServerClient {
  readonly client: LanguageClient;
  readonly output: vscode.LogOutputChannel;
  /** Starts the server, or restarts it when it runs; also after it was left stopped by too many crashes. */
  restart(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Semi-spaces of 32 MB instead of V8's default 16 (a larger young generation): each analysis of an edited file makes
 * short-lived garbage (tree nodes, keys, findings), and scavenging it half as often cut an edit's analysis CPU by about
 * 8% on a 5,000-line file, for about 27 MB more memory. The latency benches start the server the same way.
 */
const serverExecArgv = ['--max-semi-space-size=32'];

export function createServerClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ServerClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: serverExecArgv } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverExecArgv, '--nolazy', '--inspect=6010'] } },
  };
  const documentSelector = supportedLanguages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const guard = new CrashGuard((crashes) => {
    void vscode.window.showErrorMessage(
      `Skeptic's language server crashed ${crashes} times in 3 minutes, so it was not restarted. Its output may say why.`,
      'Show Output', 'Restart',
    ).then((choice) => {
      if (choice === 'Show Output') output.show(true);
      if (choice === 'Restart') void vscode.commands.executeCommand('skeptic.restartServer');
    });
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { configurationSection: settingsSection },
    outputChannel: output,
    traceOutputChannel: createTraceChannel(output, context.subscriptions),
    errorHandler: guard,
    // A function: a restart after the user grants trust must tell the new server so.
    initializationOptions: (): InitializationOptions => ({
      workspaceTrusted: vscode.workspace.isTrusted,
      // The registry/advisory cache of the opt-in dependency checks (the server creates the folder when it writes).
      ...(context.globalStorageUri.scheme === 'file' ? { cacheFolder: context.globalStorageUri.fsPath } : {}),
      clientCommands: [selectRangeCommand, showOccurrencesCommand, questionSnippetCommand],
      // Where the server keeps provenance when `skeptic.provenance.storage` is `workspace` (absent without a folder open).
      provenanceStorage: context.storageUri?.fsPath,
    }),
    diagnosticCollectionName: serverName,
  };
  const client = new LanguageClient(serverName, 'Skeptic', serverOptions, clientOptions);

  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
    // A stopped server learns it from initializationOptions when it starts.
    if (client.isRunning()) void client.sendNotification(DidChangeWorkspaceTrustNotification.type, { trusted: true });
  }));

  return {
    client,
    output,
    async start() {
      await client.start();
    },
    async stop() {
      if (client.needsStop()) await client.stop();
    },
    async restart() {
      guard.reset();
      if (client.needsStop()) await client.stop();
      await client.start();
    },
  };
}
