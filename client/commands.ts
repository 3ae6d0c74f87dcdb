// Owns Skeptic's commands: restart the server, show its output, fix all in the file, show a rule's documentation, and the internal select-range.
import * as vscode from 'vscode';
import { fixAllKind, selectRangeCommand, showDocumentationCommand, type SelectRangeArguments, type ShowDocumentationArguments } from '../shared/protocol';
import { isSupportedLanguage, type ServerClient } from './server-client';
import { findingsOf, ruleIdOf } from './status-bar';

export function registerCommands(server: ServerClient, subscriptions: vscode.Disposable[]): void {
  subscriptions.push(
    vscode.commands.registerCommand('skeptic.restartServer', () => restartServer(server)),
    vscode.commands.registerCommand('skeptic.showOutput', () => server.output.show(true)),
    vscode.commands.registerCommand('skeptic.fixAll', () => fixAllInActiveFile(server.output)),
    vscode.commands.registerCommand('skeptic.showRuleDocumentation', () => showRuleDocumentation()),
    vscode.commands.registerCommand(selectRangeCommand, (args: SelectRangeArguments) => selectRange(args)),
  );
}

async function restartServer(server: ServerClient): Promise<void> {
  try {
    await server.restart();
    server.output.info('Server restarted on request.');
  } catch (error) {
    server.output.error(`Restarting the server failed: ${(error as Error)?.stack ?? String(error)}`);
    void vscode.window.showErrorMessage(`Skeptic: restarting the language server failed: ${(error as Error)?.message ?? String(error)}`, 'Show Output')
      .then((choice) => { if (choice) server.output.show(true); });
  }
}

/** The active editor's document when Skeptic analyses its language; otherwise says what is needed and returns undefined. */
function supportedActiveEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && isSupportedLanguage(editor.document.languageId)) return editor;
  void vscode.window.showInformationMessage('Skeptic: open a JavaScript, TypeScript or Python file first.');
  return undefined;
}

/**
 * Applies the server's `source.fixAll.skeptic` action (every behaviour-preserving fix) to the active file, as
 * `editor.codeActionsOnSave` would. Resolves with the number of actions applied.
 */
async function fixAllInActiveFile(output: vscode.LogOutputChannel): Promise<number> {
  const editor = supportedActiveEditor();
  if (!editor) return 0;
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await fixAllActions(document.uri, whole);
  const kind = vscode.CodeActionKind.Empty.append(fixAllKind);
  const ours = actions.filter((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && kind.contains(a.kind));
  output.info(`Fix All in File: ${ours.length} fix-all action(s) for ${document.uri.toString(true)} v${document.version}.`);
  let applied = 0;
  for (const action of ours) {
    if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
      void vscode.window.showWarningMessage('Skeptic: the file changed while fixing; run "Fix All in File" again.');
      return applied;
    }
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    applied++;
  }
  if (applied === 0) void vscode.window.showInformationMessage('Skeptic: nothing in this file has a fix that keeps its behaviour.');
  return applied;
}

/** Opens the documentation of a rule reported at the cursor (or anywhere in the file), asking which when there are several. */
async function showRuleDocumentation(): Promise<void> {
  const editor = supportedActiveEditor();
  if (!editor) return;
  const findings = findingsOf(editor.document.uri);
  const atCursor = findings.filter((d) => d.range.contains(editor.selection.active));
  const candidates = atCursor.length > 0 ? atCursor : findings;
  const byRule = new Map<string, vscode.Diagnostic>();
  for (const d of candidates) if (!byRule.has(ruleIdOf(d))) byRule.set(ruleIdOf(d), d);
  if (byRule.size === 0) {
    void vscode.window.showInformationMessage('Skeptic reports nothing in this file, so there is no rule to document.');
    return;
  }
  let ruleId: string | undefined = [...byRule.keys()][0];
  if (byRule.size > 1) {
    const picked = await vscode.window.showQuickPick(
      [...byRule].map(([id, d]) => ({ label: id, description: `line ${d.range.start.line + 1}`, detail: d.message })),
      { placeHolder: 'Show the documentation of which rule?', matchOnDetail: true },
    );
    ruleId = picked?.label;
  }
  if (!ruleId) return;
  const args: ShowDocumentationArguments = { ruleId };
  await vscode.commands.executeCommand(showDocumentationCommand, args);
}

/** Selects a range the server names after a code action's edit (the reason placeholder of "Ignore on this line"). */
async function selectRange(args: SelectRangeArguments): Promise<void> {
  const uri = vscode.Uri.parse(args.uri);
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())
    ?? await vscode.window.showTextDocument(uri);
  const { start, end } = args.range;
  const selection = new vscode.Selection(start.line, start.character, end.line, end.character);
  editor.selection = selection;
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * The code actions of kind fix-all for `range`. VS Code cancels the request when the document changes meanwhile (a
 * revert or a reload from disk just after opening): ask again, up to three times, instead of failing the command.
 */
async function fixAllActions(uri: vscode.Uri, range: vscode.Range): Promise<(vscode.CodeAction | vscode.Command)[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>('vscode.executeCodeActionProvider', uri, range, fixAllKind) ?? [];
    } catch (error) {
      if (attempt >= 3 || (error as Error)?.name !== 'Canceled') throw error;
    }
  }
}
