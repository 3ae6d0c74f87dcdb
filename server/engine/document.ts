// Owns one parsed source text: its tree, incremental edits and position arithmetic (0-based lines, UTF-16 columns).
import type { Tree } from 'web-tree-sitter';
import type { LanguageId, Position, Range } from '../../rules/api';
import { parserFor, wasmHeap } from './languages';
import { decodeTree, lineAt, lineStartsOf, type SyntaxTree } from './syntax-tree';

/** A change as LSP sends it: a range in the text before the change, or none for a full replacement. */
export interface TextChange {
  readonly range?: Range;
  readonly text: string;
}

/**
 * Parsing gives up after this much CPU time (3 s plus 1 s per MB): a tree that never arrives must not hang the
 * editor or the CLI. CPU time, not wall time, so a busy machine does not turn slow parses into skipped files.
 */
function parseBudgetMs(text: string): number {
  return 3000 + text.length / 1000;
}

export class ParseTimeoutError extends Error {}

/**
 * What changed between two versions of a document, as one span: text before `start` is the same in both, and the new
 * text from `end` on is the old text from `end - delta` on.
 */
export interface ChangedSpan {
  readonly start: number;
  readonly end: number;
  readonly delta: number;
}

interface ChangeRecord {
  /** The version the change made. */
  readonly version: number;
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** How many changes back `changedSince` can answer. */
const changeHistory = 64;

export class ParsedDocument {
  private lineStarts: number[];
  private versionValue = 0;
  /** The last changes, oldest first; a full replacement clears them (`changedSince` then answers everything). */
  private changes: ChangeRecord[] = [];
  /** Versions up to this one are no longer described by `changes`. */
  private forgottenUpTo = 0;

  private constructor(
    readonly language: LanguageId,
    private textValue: string,
    private treeValue: Tree,
  ) {
    this.lineStarts = lineStartsOf(textValue);
  }

  static async create(language: LanguageId, text: string): Promise<ParsedDocument> {
    const tree = await parse(language, text, null);
    return new ParsedDocument(language, text, tree);
  }

  get text(): string {
    return this.textValue;
  }

  /** tree-sitter's tree, for re-parsing after edits. Rules read `syntax`. */
  get tree(): Tree {
    return this.treeValue;
  }

  private syntaxValue: SyntaxTree | undefined;
  private disposed = false;

  /** The tree as rules read it: decoded from tree-sitter's as it is read (a node's children when first asked for), until the next update detaches it. */
  get syntax(): SyntaxTree {
    if (this.disposed) throw new Error('the syntax tree of a document was asked for after the document was disposed');
    return (this.syntaxValue ??= decodeTree(this.treeValue, this.textValue, wasmHeap, this.lineStarts));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Counts updates: each `update` makes a new version. */
  get version(): number {
    return this.versionValue;
  }

  /**
   * The span the text changed in since `version` of this document, null when nothing changed, undefined when that is
   * no longer known (a full replacement, or too many changes ago).
   */
  changedSince(version: number): ChangedSpan | null | undefined {
    if (version === this.versionValue) return null;
    if (version < this.forgottenUpTo || version > this.versionValue) return undefined;
    let span: { start: number; end: number; delta: number } | null = null;
    for (const change of this.changes) {
      if (change.version <= version) continue;
      const grown = change.newEnd - change.oldEnd;
      if (!span) span = { start: change.start, end: change.newEnd, delta: grown };
      else {
        // The span's end, carried through this change: before it stays, after it shifts, inside it ends where it does.
        const end: number = span.end <= change.start ? span.end : span.end >= change.oldEnd ? span.end + grown : change.newEnd;
        span = { start: Math.min(span.start, change.start), end: Math.max(end, change.newEnd), delta: span.delta + grown };
      }
    }
    return span;
  }

  /** Applies changes in order, editing the old tree so the re-parse reuses what did not change. */
  async update(changes: readonly TextChange[]): Promise<void> {
    let text = this.textValue;
    let lineStarts = this.lineStarts;
    let incremental = true;
    const version = this.versionValue + 1;
    const records: ChangeRecord[] = [];
    let replaced = false;
    // tree.edit rewrites the old tree's subtrees in place: its decoded copy must not read them any more.
    this.syntaxValue?.detach();
    for (const change of changes) {
      if (!change.range) {
        text = change.text;
        lineStarts = lineStartsOf(text);
        incremental = false;
        replaced = true;
        continue;
      }
      const startIndex = offsetIn(lineStarts, text, change.range.start);
      const oldEndIndex = offsetIn(lineStarts, text, change.range.end);
      records.push({ version, start: startIndex, oldEnd: oldEndIndex, newEnd: startIndex + change.text.length });
      const newText = text.slice(0, startIndex) + change.text + text.slice(oldEndIndex);
      const newLineStarts = editLineStarts(lineStarts, startIndex, oldEndIndex, change.text);
      if (incremental) {
        const startPosition = positionIn(lineStarts, startIndex);
        const oldEndPosition = positionIn(lineStarts, oldEndIndex);
        const newEndIndex = startIndex + change.text.length;
        this.treeValue.edit({
          startIndex, oldEndIndex, newEndIndex,
          startPosition: toPoint(startPosition), oldEndPosition: toPoint(oldEndPosition),
          newEndPosition: toPoint(positionIn(newLineStarts, newEndIndex)),
        });
      }
      lineStarts = newLineStarts;
      text = newText;
    }
    const tree = await parse(this.language, text, incremental ? this.treeValue : null);
    this.syntaxValue = undefined;
    this.treeValue.delete();
    this.treeValue = tree;
    this.textValue = text;
    this.lineStarts = lineStarts;
    this.versionValue = version;
    if (replaced) {
      // Nothing before a full replacement is described any more.
      this.changes = [];
      this.forgottenUpTo = version;
    } else this.changes.push(...records);
    while (this.changes.length > changeHistory) {
      const dropped = this.changes.shift()!;
      this.forgottenUpTo = Math.max(this.forgottenUpTo, dropped.version);
    }
  }

  offsetAt(position: Position): number {
    return offsetIn(this.lineStarts, this.textValue, position);
  }

  positionAt(offset: number): Position {
    return positionIn(this.lineStarts, Math.max(0, Math.min(offset, this.textValue.length)));
  }

  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.textValue.length;
    const next = this.lineStarts[line + 1];
    return this.textValue.slice(start, next === undefined ? undefined : next).replace(/\r?\n$/, '');
  }

  /** Frees the tree's wasm memory. The document must not be used afterwards. */
  dispose(): void {
    this.disposed = true;
    this.syntaxValue?.detach();
    this.treeValue.delete();
  }
}

async function parse(language: LanguageId, text: string, oldTree: Tree | null): Promise<Tree> {
  const parser = await parserFor(language);
  const started = process.cpuUsage();
  const budget = parseBudgetMs(text) * 1000;
  // web-tree-sitter cancels the parse when the callback returns true; its typings say void.
  // Called very often: reading the CPU clock every time would cost more than the parse.
  let calls = 0;
  const progressCallback = (() => (++calls & 1023) === 0 && process.cpuUsage(started).user > budget) as unknown as () => void;
  const tree = parser.parse(text, oldTree, { progressCallback });
  if (!tree) {
    parser.reset();
    throw new ParseTimeoutError(`parsing took longer than ${Math.round(budget / 1e6)} s`);
  }
  return tree;
}

/**
 * The line starts after `[start, oldEnd)` of a text with line starts `starts` is replaced by `inserted`: those up to
 * `start` stay, those the removed text began go, the inserted text's own follow, and the rest shift by the change in
 * length. Reads the inserted text and the list, not the whole new text.
 */
export function editLineStarts(starts: readonly number[], start: number, oldEnd: number, inserted: string): number[] {
  const delta = inserted.length - (oldEnd - start);
  const out: number[] = [];
  let i = 0;
  for (; i < starts.length && starts[i] <= start; i++) out.push(starts[i]);
  for (let at = inserted.indexOf('\n'); at !== -1; at = inserted.indexOf('\n', at + 1)) out.push(start + at + 1);
  while (i < starts.length && starts[i] <= oldEnd) i++;
  for (; i < starts.length; i++) out.push(starts[i] + delta);
  return out;
}

function offsetIn(lineStarts: number[], text: string, position: Position): number {
  if (position.line >= lineStarts.length) return text.length;
  if (position.line < 0) return 0;
  const start = lineStarts[position.line];
  let end = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] - 1 : text.length;
  if (end > start && text[end - 1] === '\r' && end < text.length) end--;
  return Math.min(start + Math.max(0, position.character), end);
}

function positionIn(lineStarts: number[], offset: number): Position {
  const line = lineAt(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

function toPoint(position: Position): { row: number; column: number } {
  return { row: position.line, column: position.character };
}
