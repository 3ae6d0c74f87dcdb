// Owns provenance in VS Code: reports attributed insertions to the server (skeptic/didInsert), marks unreviewed blocks in the
// gutter, and the commands "Show AI-Suggested Code" and "Mark Selection as AI-Suggested".
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import {
  DidInsertNotification, ListProvenanceRequest, ProvenanceChangedNotification,
  type DidInsertParams, type InsertOrigin, type ProvenanceBlock,
} from '../shared/protocol';
import { InsertionDetector, type AttributedInsertion } from './provenance-detection';
import { ProvenanceDecorations } from './provenance-decorations';
import { isSupportedLanguage, type ServerClient } from './server-client';

/** What the extension exposes about provenance (its tests read it through `extension.exports.provenance`). */
export interface ProvenanceApi {
  /** The blocks the server last reported for a document. */
  blocksOf(uri: vscode.Uri): readonly ProvenanceBlock[];
  /** The range of the tracked block holding `position`, if any (reviewed or not). */
  blockAt(uri: vscode.Uri, position: vscode.Position): vscode.Range | undefined;
  /** The lines (0-based) the gutter marks as unreviewed inserted code. */
  markedLines(uri: vscode.Uri): number[];
  /** Fires for each insertion the client attributed, as it is reported to the server. */
  readonly onDidReportInsertion: vscode.Event<AttributedInsertion>;
  /** The rows "Show AI-Suggested Code" would list now (undefined when the server is not running). */
  listItems(): Promise<readonly { label: string; description: string; detail: string }[] | undefined>;
}

const originLabels: Record<InsertOrigin, string> = {
  'inline-completion': 'AI inline suggestion',
  paste: 'pasted',
  'ai-edit': 'AI edit',
};

export function registerProvenance(server: ServerClient, subscriptions: vscode.Disposable[]): ProvenanceApi {
  const { client, output } = server;
  const decorations = new ProvenanceDecorations();
  const reported = new vscode.EventEmitter<AttributedInsertion>();
  const send = (insertion: AttributedInsertion): void => {
    sendInsertion(server, insertion);
    reported.fire(insertion);
  };
  subscriptions.push(
    decorations,
    reported,
    new InsertionDetector(send, output),
    client.onNotification(ProvenanceChangedNotification.type, (params) => decorations.update(params)),
    client.onDidChangeState(({ newState }) => { if (newState === State.Stopped) decorations.clear(); }),
    vscode.commands.registerCommand('skeptic.showAiSuggestedCode', () => showAiSuggestedCode(server)),
    vscode.commands.registerCommand('skeptic.markSelectionAsAiSuggested', () => markSelection(vscode.window.activeTextEditor, send)),
  );
  return {
    blocksOf: (uri) => decorations.blocksOf(uri),
    blockAt: (uri, position) => {
      for (const { range: { start, end } } of decorations.blocksOf(uri)) {
        const range = new vscode.Range(start.line, start.character, end.line, end.character);
        if (range.contains(position)) return range;
      }
      return undefined;
    },
    markedLines: (uri) => decorations.markedLines(uri),
    onDidReportInsertion: reported.event,
    listItems: async () => (await listItems(server))?.map(({ label, description, detail }) => ({ label, description, detail })),
  };
}

function sendInsertion(server: ServerClient, insertion: AttributedInsertion): void {
  const { document, range } = insertion;
  if (server.client.state === State.Starting) {
    // A (re)starting server learns the document when it is up; the insertion follows it then.
    const waiting = server.client.onDidChangeState(({ newState }) => {
      if (newState === State.Starting) return;
      waiting.dispose();
      sendInsertion(server, insertion);
    });
    return;
  }
  if (!server.client.isRunning()) {
    server.output.warn(`Not tracked (the server is not running): ${originLabels[insertion.origin]} in ${document.uri.toString(true)}.`);
    return;
  }
  const params: DidInsertParams = {
    textDocument: { uri: server.client.code2ProtocolConverter.asUri(document.uri), version: insertion.version },
    range: server.client.code2ProtocolConverter.asRange(range),
    origin: insertion.origin,
    time: insertion.time.toISOString(),
  };
  server.output.info(`Inserted code: ${insertion.origin} in ${document.uri.toString(true)} v${insertion.version}, lines ${range.start.line + 1}-${range.end.line + 1}.`);
  server.client.sendNotification(DidInsertNotification.type, params)
    .catch((error: unknown) => server.output.error(`Sending skeptic/didInsert failed: ${String(error)}`));
}

/**
 * Labels the selection as written by an assistant. VS Code's stable API does not say which edits a chat's "insert at cursor"
 * or "apply in editor" made, so such code can be labelled by hand.
 */
function markSelection(editor: vscode.TextEditor | undefined, send: (insertion: AttributedInsertion) => void): void {
  const document = editor?.document;
  if (!editor || !document || !isSupportedLanguage(document.languageId)) {
    void vscode.window.showInformationMessage('Skeptic: open a JavaScript, TypeScript or Python file first.');
    return;
  }
  const selections = editor.selections.filter((s) => !s.isEmpty);
  if (selections.length === 0) {
    void vscode.window.showInformationMessage('Skeptic: select the code the assistant wrote, then run this command again.');
    return;
  }
  const time = new Date();
  for (const range of selections) send({ document, version: document.version, range, origin: 'ai-edit', time });
}

/** Lists the tracked blocks still present in the workspace and reveals the one picked. */
async function showAiSuggestedCode(server: ServerClient): Promise<void> {
  if (!server.client.isRunning()) {
    void vscode.window.showWarningMessage('Skeptic: the language server is not running, so there is no list of AI-suggested code.');
    return;
  }
  const items = (await listItems(server)) ?? [];
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Skeptic: no AI-suggested or pasted code is tracked in this workspace.');
    return;
  }
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: `${items.length} tracked block(s): pick one to show it`, matchOnDescription: true, matchOnDetail: true,
  });
  if (!picked) return;
  const uri = server.client.protocol2CodeConverter.asUri(picked.block.uri);
  const range = server.client.protocol2CodeConverter.asRange(picked.block.range);
  const editor = await vscode.window.showTextDocument(uri, { selection: range, preview: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The tracked blocks the server lists, as quick-pick rows in file and line order. */
async function listItems(server: ServerClient): Promise<({ block: ProvenanceBlock } & ReturnType<typeof describeBlock>)[] | undefined> {
  if (!server.client.isRunning()) return undefined;
  const { blocks } = await server.client.sendRequest(ListProvenanceRequest.type, {});
  return [...blocks]
    .sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line)
    .map((block) => ({ block, ...describeBlock(block) }));
}

function describeBlock(block: ProvenanceBlock): { label: string; description: string; detail: string } {
  const uri = vscode.Uri.parse(block.uri);
  const file = vscode.workspace.asRelativePath(uri) || path.basename(uri.fsPath);
  const { start, end } = block.range;
  const last = end.character === 0 && end.line > start.line ? end.line : end.line + 1;
  const lines = last > start.line + 1 ? `${start.line + 1}-${last}` : `${start.line + 1}`;
  const when = new Date(block.time).toLocaleString();
  const review = block.reviewed
    ? `reviewed ${new Date(block.reviewed.time).toLocaleString()}${block.reviewed.by ? ` by ${block.reviewed.by}` : ''}`
    : 'not reviewed';
  const findings = block.findings === 1 ? '1 finding' : `${block.findings} findings`;
  return {
    label: `${block.reviewed ? '$(pass)' : '$(sparkle)'} ${file}:${lines}`,
    description: `${originLabels[block.origin]} · ${when}`,
    detail: `${review} · ${findings}`,
  };
}
