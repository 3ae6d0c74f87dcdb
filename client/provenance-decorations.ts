// Owns the gutter and overview-ruler marks of unreviewed AI-suggested (or pasted) blocks, from the server's provenanceChanged notifications.
import * as vscode from 'vscode';
import type { ProvenanceBlock, ProvenanceChangedParams } from '../shared/protocol';

/** A narrow bar in the gutter; one colour per theme kind (gutter icons cannot use theme colours). */
function barIcon(color: string): vscode.Uri {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect x="5" y="0" width="3" height="16" fill="${color}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`);
}

export class ProvenanceDecorations implements vscode.Disposable {
  /** The blocks the server last reported, per document URI (string), and the version they describe. */
  private readonly blocks = new Map<string, { version?: number; blocks: readonly ProvenanceBlock[] }>();
  private readonly unreviewed = vscode.window.createTextEditorDecorationType({
    overviewRulerColor: new vscode.ThemeColor('skeptic.aiSuggestedCode.overviewRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    isWholeLine: true,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    gutterIconSize: 'contain',
    light: { gutterIconPath: barIcon('#8250df') },
    dark: { gutterIconPath: barIcon('#c297ff') },
  });
  private readonly disposables: vscode.Disposable[] = [this.unreviewed];

  constructor() {
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) this.paint(editor);
      }),
      // A reopened document starts again at version 1: what the server says about it then must not look stale.
      vscode.workspace.onDidCloseTextDocument((document) => this.blocks.delete(document.uri.toString())),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.blocks.clear();
  }

  /** The blocks last reported for a document (what the gutter shows, reviewed ones included). */
  blocksOf(uri: vscode.Uri): readonly ProvenanceBlock[] {
    return this.blocks.get(uri.toString())?.blocks ?? [];
  }

  /** The lines (0-based) marked in the gutter of a document. */
  markedLines(uri: vscode.Uri): number[] {
    return this.unreviewedRanges(uri.toString()).flatMap((r) => Array.from({ length: r.end.line - r.start.line + 1 }, (_, i) => r.start.line + i));
  }

  update(params: ProvenanceChangedParams): void {
    const key = vscode.Uri.parse(params.uri).toString();
    const known = this.blocks.get(key);
    // A late notification about an older version must not undo a newer one.
    if (known?.version !== undefined && params.version !== undefined && params.version < known.version) return;
    if (params.blocks.length === 0) this.blocks.delete(key);
    else this.blocks.set(key, { version: params.version, blocks: params.blocks });
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === key) this.paint(editor);
    }
  }

  /** Forgets every mark (the server stopped: what it reported no longer follows the edits). */
  clear(): void {
    this.blocks.clear();
    for (const editor of vscode.window.visibleTextEditors) editor.setDecorations(this.unreviewed, []);
  }

  private paint(editor: vscode.TextEditor): void {
    editor.setDecorations(this.unreviewed, this.unreviewedRanges(editor.document.uri.toString()));
  }

  /** Whole lines of each unreviewed block; a block ending at the start of a line does not mark that line. */
  private unreviewedRanges(key: string): vscode.Range[] {
    return (this.blocks.get(key)?.blocks ?? []).filter((b) => !b.reviewed).map((b) => {
      const { start, end } = b.range;
      const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
      return new vscode.Range(start.line, 0, last, 0);
    });
  }
}
