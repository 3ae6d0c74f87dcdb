// Owns the client side of the workspace scan: "Skeptic: Scan Workspace" with a cancellable progress notification, and "Show all occurrences" in the references peek.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import { ScanWorkspaceRequest, showOccurrencesCommand, type ScanWorkspaceResult, type ShowOccurrencesArguments } from '../shared/protocol';
import type { ServerClient } from './server-client';

export const scanWorkspaceCommand = 'skeptic.scanWorkspace';

export function registerWorkspaceCommands(server: ServerClient, subscriptions: vscode.Disposable[]): void {
  subscriptions.push(
    vscode.commands.registerCommand(scanWorkspaceCommand, () => scanWorkspace(server)),
    vscode.commands.registerCommand(showOccurrencesCommand, (args: ShowOccurrencesArguments) => showOccurrences(server, args)),
  );
}

/**
 * Asks the server to scan every workspace folder, showing its progress in a notification whose Cancel button cancels
 * the request. Resolves with the server's totals (for tests and other extensions), or undefined when nothing ran.
 */
async function scanWorkspace(server: ServerClient): Promise<ScanWorkspaceResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Skeptic: open a folder to scan its files.');
    return undefined;
  }
  const { client, output } = server;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Skeptic: scanning the workspace', cancellable: true }, async (progress, token) => {
    const workDoneToken = `skeptic-scan-${randomUUID()}`;
    let shown = 0;
    const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const percentage = value.percentage ?? shown;
      progress.report({ increment: Math.max(0, percentage - shown), ...(value.message ? { message: value.message } : {}) });
      shown = Math.max(shown, percentage);
    });
    try {
      const result = await client.sendRequest(ScanWorkspaceRequest.type, { workDoneToken }, token);
      const summary = summarize(result);
      output.info(summary);
      void vscode.window.showInformationMessage(summary, 'Show Problems').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      return result;
    } catch (error) {
      if (token.isCancellationRequested) {
        void vscode.window.showInformationMessage('Skeptic: workspace scan cancelled.');
        return undefined;
      }
      output.error(`The workspace scan failed: ${(error as Error)?.stack ?? String(error)}`);
      void vscode.window.showErrorMessage(`Skeptic: the workspace scan failed: ${(error as Error)?.message ?? String(error)}`, 'Show Output')
        .then((choice) => { if (choice) output.show(true); });
      return undefined;
    } finally {
      listening.dispose();
    }
  });
}

/** "12 findings in 4 files (87 files scanned)", said plainly when cancelled or when files were skipped. */
export function summarize(result: ScanWorkspaceResult): string {
  const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  const skipped = result.filesSkipped ? `, ${plural(result.filesSkipped, 'file')} skipped (too large or binary)` : '';
  const found = `${plural(result.findings, 'finding')} in ${plural(result.filesWithFindings, 'file')}`;
  return result.cancelled
    ? `Skeptic: workspace scan cancelled after ${plural(result.filesScanned, 'file')}; ${found} so far.`
    : `Skeptic: ${found} (${plural(result.filesScanned, 'file')} scanned${skipped}).`;
}

/** The places holding one pattern, in VS Code's references peek at the finding. */
async function showOccurrences(server: ServerClient, args: ShowOccurrencesArguments): Promise<void> {
  const convert = server.client.protocol2CodeConverter;
  const locations = args.locations.map((l) => new vscode.Location(convert.asUri(l.uri), convert.asRange(l.range)));
  await vscode.commands.executeCommand('editor.action.showReferences', convert.asUri(args.uri), convert.asPosition(args.position), locations);
}
