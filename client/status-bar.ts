// Owns the status bar item: the active file's Skeptic findings by severity, whether analysis is off, and whether the server runs.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { serverName } from '../shared/protocol';
import { isSupportedLanguage } from './server-client';

/** Skeptic's rule diagnostics (a rule id as code) for a document; the "file skipped" notes have no code. */
export function findingsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === serverName && d.code !== undefined);
}

export function ruleIdOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

export function createStatusBar(client: LanguageClient, subscriptions: vscode.Disposable[]): void {
  const item = vscode.window.createStatusBarItem('skeptic.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Skeptic';
  subscriptions.push(item);

  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isSupportedLanguage(document.languageId)) {
      item.hide();
      return;
    }
    item.backgroundColor = undefined;
    if (client.state !== State.Running && client.state !== State.Starting) {
      item.text = '$(shield) Skeptic $(warning)';
      item.tooltip = 'Skeptic\'s language server is not running. Click to restart it.';
      item.command = 'skeptic.restartServer';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (!vscode.workspace.getConfiguration('skeptic', document.uri).get<boolean>('enable', true)) {
      item.text = '$(shield) Skeptic: off';
      item.tooltip = 'Skeptic does not analyse this file: skeptic.enable is false.';
      item.command = { title: 'Open Settings', command: 'workbench.action.openSettings', arguments: ['skeptic.enable'] };
    } else {
      const findings = findingsOf(document.uri);
      const skipped = vscode.languages.getDiagnostics(document.uri).find((d) => d.source === serverName && d.code === undefined);
      item.command = 'workbench.actions.view.problems';
      if (findings.length > 0) {
        item.text = `$(shield) Skeptic: ${findings.length}`;
        item.tooltip = `Skeptic in ${basename(document.uri)}: ${describeCounts(findings)}. Click to show Problems.`;
      } else if (skipped) {
        item.text = '$(shield) Skeptic $(circle-slash)';
        item.tooltip = skipped.message;
      } else {
        item.text = '$(shield) Skeptic $(check)';
        item.tooltip = `Skeptic found no problems in ${basename(document.uri)}.`;
      }
    }
    item.show();
  };

  subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('skeptic.enable')) update(); }),
    vscode.workspace.onDidOpenTextDocument((d) => { if (d === vscode.window.activeTextEditor?.document) update(); }),
    client.onDidChangeState(update),
  );
  update();
}

function describeCounts(findings: readonly vscode.Diagnostic[]): string {
  const names: [vscode.DiagnosticSeverity, string, string][] = [
    [vscode.DiagnosticSeverity.Error, 'error', 'errors'],
    [vscode.DiagnosticSeverity.Warning, 'warning', 'warnings'],
    [vscode.DiagnosticSeverity.Information, 'info', 'info'],
    [vscode.DiagnosticSeverity.Hint, 'hint', 'hints'],
  ];
  return names
    .map(([severity, one, many]) => [findings.filter((f) => f.severity === severity).length, one, many] as const)
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `${count} ${count === 1 ? one : many}`)
    .join(', ');
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
