// Entry of the VS Code extension: wires the output channel, the language client, the status bar and the commands. No analysis happens here.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerReviewPanel, type ReviewApi } from './review-panel';
import { registerProvenance, type ProvenanceApi } from './provenance';
import { createServerClient, type ServerClient } from './server-client';
import { createStatusBar } from './status-bar';
import { registerWorkspaceCommands } from './workspace-scan';

let server: ServerClient | undefined;

/** The extension's exported API (`vscode.extensions.getExtension(...).exports`). */
export interface SkepticApi {
  readonly review: ReviewApi;
  readonly provenance: ProvenanceApi;
}

export function activate(context: vscode.ExtensionContext): SkepticApi {
  const output = vscode.window.createOutputChannel('Skeptic', { log: true });
  context.subscriptions.push(output);
  server = createServerClient(context, output);
  registerCommands(server, context.subscriptions);
  registerWorkspaceCommands(server, context.subscriptions);
  createStatusBar(server.client, context.subscriptions);
  const provenance = registerProvenance(server, context.subscriptions);
  const review = registerReviewPanel(server, context, (uri, position) => provenance.blockAt(uri, position));
  output.info(`Skeptic ${context.extension.packageJSON.version as string} activating; workspace ${vscode.workspace.isTrusted ? 'trusted' : 'not trusted (Restricted Mode): .skeptic.yml and workspace settings cannot silence rules'}.`);
  // Not awaited: activation ends at once and the server's first diagnostics follow when it is up.
  server.start().catch((error: unknown) => {
    // The commands (Restart Server, Show Output) stay usable after a failed start.
    output.error(`The language server did not start: ${(error as Error)?.stack ?? String(error)}`);
    void vscode.window.showErrorMessage('Skeptic: the language server did not start.', 'Show Output', 'Restart')
      .then((choice) => {
        if (choice === 'Show Output') output.show(true);
        if (choice === 'Restart') void vscode.commands.executeCommand('skeptic.restartServer');
      });
  });
  return { review, provenance };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
