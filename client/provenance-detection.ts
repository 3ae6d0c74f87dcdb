// Owns telling inserted code apart from typing: accepted inline suggestions (through Skeptic's Tab / accept-word / accept-line
// commands), pastes from outside VS Code (through the document paste API), and selections the user labels as AI-suggested.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { InsertOrigin } from '../shared/protocol';
import { isSupportedLanguage, supportedLanguages } from './server-client';

/** An insertion the client could attribute: the range is in `document` at `version` (the change event's version). */
export interface AttributedInsertion {
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly range: vscode.Range;
  readonly origin: InsertOrigin;
  readonly time: Date;
}

/**
 * Skeptic's accept commands and the built-in command each runs. The keybindings in package.json bind the first two to VS
 * Code's own keys with VS Code's own `when` clauses, so only an inline suggestion that is really showing goes through here,
 * and Tab keeps doing what it did in every other case (indent, snippet tab stops, the suggest widget, tab-moves-focus).
 *
 * VS Code 1.100.3's bindings, read from code-server 4.100.3's lib/vscode/out/vs/code/browser/workbench/workbench.js (the
 * inlineCompletions contribution; context keys `InlineCompletionContextKeys`, `EditorContextKeys`, `SuggestContext.Visible`):
 * - `editor.action.inlineSuggest.commit`: Tab (weight 200), keybinding rule
 *   `inlineSuggestionVisible && !editorTabMovesFocus && !suggestWidgetVisible && !editorHoverFocused && inlineSuggestionHasIndentationLessThanTabSize
 *   || inlineEditIsVisible && !editorTabMovesFocus && !suggestWidgetVisible && !editorHoverFocused && tabShouldAcceptInlineEdit`
 *   and precondition `inlineSuggestionVisible || inlineEditIsVisible`; VS Code registers the two joined by `&&`, which its
 *   "Default Keyboard Shortcuts (JSON)" shows expanded to four terms: package.json holds that text, character for character
 *   (test/vscode/suite/provenance-keybindings.test.js compares them in the running VS Code). Tab in the inline-edits preview
 *   editor (`inInlineEditsPreviewEditor`, weight 202) is not a document and is left alone;
 * - `editor.action.inlineSuggest.acceptNextWord`: Ctrl+Right / Cmd+Right (weight 101) when
 *   `!editorReadonly && inlineSuggestionVisible && !accessibilityModeEnabled` (the precondition adds nothing);
 * - `editor.action.inlineSuggest.acceptNextLine`: no default key; Skeptic's command is there for a user who binds one.
 * Extension keybindings outrank built-in ones with the same key and `when`, so ours run instead of those, never elsewhere.
 * Not seen: a click on the suggestion's hover toolbar ("Accept", "Accept Word") runs the built-in commands directly.
 */
export const acceptCommands = {
  'skeptic.inlineSuggest.commit': 'editor.action.inlineSuggest.commit',
  'skeptic.inlineSuggest.acceptNextWord': 'editor.action.inlineSuggest.acceptNextWord',
  'skeptic.inlineSuggest.acceptNextLine': 'editor.action.inlineSuggest.acceptNextLine',
} as const;

/** Marks a copy made in a VS Code text editor; a paste without it came from elsewhere (a browser chat, another app). */
export const copiedInVsCodeMime = 'application/vnd.skeptic.copied-in-vscode';

/** How long after an accept command returns its change may still arrive (the edit reaches the extension host separately). */
const acceptGraceMs = 500;
/** How many copies made in VS Code are remembered. */
const rememberedCopies = 20;
/** How long after the paste provider was asked the pasted text may arrive (VS Code pastes once every provider answered). */
const pasteWindowMs = 3000;

/** A change the tracker waits for in one document: the very next change event there is attributed (or, for a paste, checked). */
interface Expectation {
  readonly origin: InsertOrigin;
  readonly version: number;
  /** The document text at `version`: lets the attribution drop the part of a change that kept the old text. */
  readonly text: string;
  /** For a paste: the clipboard text; the change must insert it, else it was something else and is not attributed. */
  readonly pasted?: string;
  timer?: ReturnType<typeof setTimeout>;
}

export class InsertionDetector implements vscode.Disposable {
  private readonly expected = new Map<string, Expectation>();
  private copies: string[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly report: (insertion: AttributedInsertion) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(vscode.workspace.onDidChangeTextDocument((event) => this.onDidChange(event)));
    for (const [ours, builtin] of Object.entries(acceptCommands)) {
      // registerCommand, not registerTextEditorCommand: the latter does not wait for an async callback.
      this.disposables.push(vscode.commands.registerCommand(ours, () => this.accept(vscode.window.activeTextEditor, builtin)));
    }
    this.disposables.push(this.registerPasteProvider());
  }

  dispose(): void {
    for (const expectation of this.expected.values()) clearTimeout(expectation.timer);
    this.expected.clear();
    for (const d of this.disposables) d.dispose();
  }

  /**
   * Runs VS Code's own accept command. Whatever it changes in this document next is the accepted suggestion; when it changes
   * nothing (the suggestion equalled the text, or it vanished just before), the expectation lapses after a short grace.
   */
  private async accept(editor: vscode.TextEditor | undefined, builtin: string): Promise<void> {
    const document = editor?.document;
    const expectation = document && isSupportedLanguage(document.languageId)
      ? this.expect(document, { origin: 'inline-completion', version: document.version, text: document.getText() })
      : undefined;
    try {
      await vscode.commands.executeCommand(builtin);
    } finally {
      // The edit's change event reaches the extension host before the command's result; an unchanged version means the
      // command changed nothing, and the next change (typing, a format) must not be taken for the suggestion.
      if (document && expectation) this.lapse(document.uri, expectation, document.version === expectation.version ? 0 : acceptGraceMs);
    }
  }

  /** A copy provider that tags copies made in VS Code, and a paste provider that never edits: it only notes outside pastes. */
  private registerPasteProvider(): vscode.Disposable {
    const api = vscode.languages as unknown as Partial<PasteApi>;
    if (typeof api.registerDocumentPasteEditProvider !== 'function') {
      // The API is stable in VS Code 1.100 but not in 1.91 (this extension's minimum): there pastes are not tracked (accepts are).
      this.log.info('This VS Code has no document paste API: pastes are not tracked as inserted code.');
      return new vscode.Disposable(() => undefined);
    }
    const selector = supportedLanguages.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]);
    return api.registerDocumentPasteEditProvider(selector, {
      prepareDocumentPaste: (document, ranges, dataTransfer) => {
        dataTransfer.set(copiedInVsCodeMime, new vscode.DataTransferItem('1'));
        this.rememberCopy(ranges.map((r) => document.getText(r)).join('\n'));
      },
      provideDocumentPasteEdits: async (document, _ranges, dataTransfer) => {
        const pasted = await dataTransfer.get('text/plain')?.asString();
        if (!pasted?.trim() || dataTransfer.get(copiedInVsCodeMime) || this.wasCopiedHere(pasted)) return undefined;
        const expectation = this.expect(document, { origin: 'paste', version: document.version, text: document.getText(), pasted });
        this.lapse(document.uri, expectation, pasteWindowMs);
        return undefined; // no edit of ours: VS Code's own paste applies, unchanged
      },
    }, { providedPasteEditKinds: [], copyMimeTypes: [copiedInVsCodeMime], pasteMimeTypes: ['text/plain'] });
  }

  /**
   * The copy's mark does not always reach the paste (code-server 4.100 in Chromium was seen to lose VS Code's copy metadata),
   * so the latest copies made in VS Code editors are remembered too, as hashes of their text without white space (in memory
   * only; no code is kept): a paste of one of them did not come from outside.
   */
  private rememberCopy(text: string): void {
    this.copies = [fingerprint(text), ...this.copies.slice(0, rememberedCopies - 1)];
  }

  private wasCopiedHere(pasted: string): boolean {
    return this.copies.includes(fingerprint(pasted));
  }

  private expect(document: vscode.TextDocument, expectation: Expectation): Expectation {
    const key = document.uri.toString();
    clearTimeout(this.expected.get(key)?.timer);
    this.expected.set(key, expectation);
    return expectation;
  }

  /** Forgets `expectation` after `ms` unless a change consumed (or another expectation replaced) it first. */
  private lapse(uri: vscode.Uri, expectation: Expectation, ms: number): void {
    const key = uri.toString();
    if (this.expected.get(key) !== expectation) return;
    clearTimeout(expectation.timer);
    if (ms === 0) {
      this.expected.delete(key);
      return;
    }
    expectation.timer = setTimeout(() => {
      if (this.expected.get(key) === expectation) this.expected.delete(key);
    }, ms);
  }

  private onDidChange(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return; // a dirty-state change only
    const key = event.document.uri.toString();
    const expectation = this.expected.get(key);
    if (!expectation) return;
    // A key typed while the accept command is on its way is typing, not the suggestion: keep waiting for that.
    if (expectation.origin === 'inline-completion' && isKeystroke(event)) return;
    this.expected.delete(key);
    clearTimeout(expectation.timer);
    // Undo and redo re-apply what was there before: never a new insertion.
    if (event.reason !== undefined) return;
    const snapshot = event.document.version === expectation.version + 1 ? expectation.text : undefined;
    const inserted = insertedRanges(event, snapshot);
    if (expectation.pasted !== undefined && !isPasteOf(event, expectation.pasted)) {
      this.log.info(`A paste into ${event.document.uri.toString(true)} was expected, but the next change inserted other text: not attributed.`);
      return;
    }
    const time = new Date();
    for (const range of inserted) {
      this.report({ document: event.document, version: event.document.version, range, origin: expectation.origin, time });
    }
  }
}

interface PasteApi {
  registerDocumentPasteEditProvider(
    selector: vscode.DocumentSelector,
    provider: {
      prepareDocumentPaste?(document: vscode.TextDocument, ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): void | Thenable<void>;
      provideDocumentPasteEdits?(document: vscode.TextDocument, ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer, context: unknown, token: vscode.CancellationToken): Thenable<undefined>;
    },
    metadata: { readonly providedPasteEditKinds: readonly unknown[]; readonly copyMimeTypes?: readonly string[]; readonly pasteMimeTypes?: readonly string[] },
  ): vscode.Disposable;
}

/**
 * The ranges, in the changed document, of the text each change inserted. Changes are relative to the document before the event,
 * so later ones shift by what earlier ones added. With the text before (`snapshot`), the part of a change that re-typed text
 * already there (the prefix an inline suggestion replaces with itself) is left out.
 */
export function insertedRanges(event: vscode.TextDocumentChangeEvent, snapshot: string | undefined): vscode.Range[] {
  const document = event.document;
  const ranges: vscode.Range[] = [];
  let shift = 0;
  for (const change of [...event.contentChanges].sort((a, b) => a.rangeOffset - b.rangeOffset)) {
    let start = change.rangeOffset + shift;
    let end = start + change.text.length;
    shift += change.text.length - change.rangeLength;
    if (snapshot !== undefined) {
      const [kept, keptAtEnd] = sharedEnds(snapshot.slice(change.rangeOffset, change.rangeOffset + change.rangeLength), change.text);
      start += kept;
      end -= keptAtEnd;
    }
    if (end > start && /\S/.test(document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end))))) {
      ranges.push(new vscode.Range(document.positionAt(start), document.positionAt(end)));
    }
  }
  return ranges;
}

/** How many characters `before` and `after` share at their start, and then at their end (not overlapping). */
function sharedEnds(before: string, after: string): [number, number] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [start, end];
}

/**
 * Whether the event inserts the pasted text: as one change, or spread over several cursors (a line each). White space may
 * differ (line endings, the editor's indentation of the pasted lines).
 */
function isPasteOf(event: vscode.TextDocumentChangeEvent, pasted: string): boolean {
  const inserted = [...event.contentChanges].sort((a, b) => a.rangeOffset - b.rangeOffset).map((c) => c.text).join('');
  return squeeze(inserted) === squeeze(pasted);
}

function fingerprint(text: string): string {
  return createHash('sha256').update(squeeze(text)).digest('base64');
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** One character typed (or deleted) at one place. */
function isKeystroke(event: vscode.TextDocumentChangeEvent): boolean {
  if (event.contentChanges.length !== 1) return false;
  const [change] = event.contentChanges;
  return change.text.length + change.rangeLength <= 1;
}
