// Owns one open document: its current text (TextDocument), its parsed tree kept in step lazily, and its unit cache.
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { ParsedDocument, UnitCache, type LanguageId, type TextChange } from '../engine';

export class OpenDocument {
  private textDocument: TextDocument;
  private parsed: ParsedDocument | undefined;
  private parsedVersion = -1;
  /** Changes the text has and the tree does not yet: applied in one incremental re-parse when analysis needs the tree. */
  private pending: TextChange[] = [];
  /** Serialises re-parses: two must never edit the same tree at once. */
  private parsing: Promise<unknown> = Promise.resolve();
  readonly cache = new UnitCache();
  /** Bumped on every edit and every request to re-analyse; an analysis that started under an older one is dropped. */
  generation = 0;
  /** Cancels the scheduled analysis, if any. */
  cancelPending: () => void = () => undefined;
  /** The debounce of this document's settings, as last read: edits are scheduled without waiting for settings. */
  debounceMs = 0;
  closed = false;
  /** When the current version arrived (performance.now()): the latency of its diagnostics is measured from here. */
  receivedAt = performance.now();
  /** Rules whose failure on this document was already logged. */
  readonly loggedFailures = new Set<string>();

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly language: LanguageId,
    version: number,
    text: string,
  ) {
    this.textDocument = TextDocument.create(uri, languageId, version, text);
  }

  get version(): number {
    return this.textDocument.version;
  }

  get text(): string {
    return this.textDocument.getText();
  }

  /** Applies LSP content changes (ranges in the text before each change, in order: the engine's TextChange). */
  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    this.receivedAt = performance.now();
    this.textDocument = TextDocument.update(this.textDocument, changes as TextDocumentContentChangeEvent[], version);
    if (!this.parsed) return;
    for (const change of changes) {
      if ('range' in change && change.range) this.pending.push({ range: change.range, text: change.text });
      else this.pending = [{ text: change.text }];
    }
  }

  /**
   * The tree for the current text, re-parsed incrementally from the pending changes. Resolves with the version it
   * reflects, which may be older than `version` if an edit arrived meanwhile.
   */
  parse(): Promise<{ document: ParsedDocument; version: number }> {
    const run = this.parsing.then(async () => {
      if (this.closed) throw new Error('document closed');
      const version = this.textDocument.version;
      let parsed = this.parsed;
      if (parsed && this.parsedVersion === version) return { document: parsed, version };
      const changes = this.pending;
      this.pending = [];
      try {
        if (parsed && changes.length > 0) {
          await parsed.update(changes);
        } else {
          parsed?.dispose();
          this.parsed = parsed = undefined;
          parsed = await ParsedDocument.create(this.language, this.textDocument.getText());
        }
      } catch (error) {
        // A failed update may leave the tree half-edited: start from the text next time.
        parsed?.dispose();
        this.parsed = undefined;
        this.parsedVersion = -1;
        this.pending = [];
        throw error;
      }
      this.parsed = parsed;
      this.parsedVersion = version;
      return { document: parsed, version };
    });
    this.parsing = run.catch(() => undefined);
    return run;
  }

  /** Frees the tree (a skipped or closed document needs none), after any parse in flight; the next `parse` starts from the text. */
  dropTree(): void {
    this.pending = [];
    this.cache.entries.clear();
    this.parsing = this.parsing.then(() => {
      this.parsed?.dispose();
      this.parsed = undefined;
      this.parsedVersion = -1;
      this.pending = [];
    });
  }

  dispose(): void {
    this.closed = true;
    this.cancelPending();
    this.dropTree();
  }
}
