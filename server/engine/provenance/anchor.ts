// Owns a block's fingerprint (hashes of its text, never the text) and finding the block again in a changed file by it.
import { createHash } from 'node:crypto';
import type { Range } from '../../../rules/api';

/** What identifies a block's text: enough to find it again, not enough to read it back. */
export interface BlockFingerprint {
  /** sha256 of the block's text, line breaks normalised to `\n`. */
  readonly hash: string;
  /** One short hash per line of the block: its first line from the block's start, its last up to the block's end. */
  readonly lineHashes: readonly string[];
  /** Characters of the block on its first line (the first line's hash covers the line's last `head` characters). */
  readonly head: number;
  /** Characters of the block on its last line, from the line's start (for a one-line block, equal to `head`). */
  readonly tail: number;
}

export type Anchoring =
  | { readonly kind: 'exact'; readonly range: Range }
  | { readonly kind: 'partial'; readonly range: Range; readonly lines: number }
  | { readonly kind: 'lost' };

/** A text split into lines (breaks removed) with what it takes to cut ranges out of it. */
export class TextLines {
  readonly lines: readonly string[];

  constructor(readonly text: string) {
    this.lines = text.split(/\r\n|\r|\n/);
  }

  /** The text of `range`, line breaks normalised to `\n`; undefined when the range is not inside the text. */
  slice(range: Range): string | undefined {
    const { start, end } = range;
    if (start.line < 0 || end.line >= this.lines.length || start.line > end.line) return undefined;
    if (start.character < 0 || start.character > this.lines[start.line].length || end.character < 0 || end.character > this.lines[end.line].length) return undefined;
    if (start.line === end.line) return start.character <= end.character ? this.lines[start.line].slice(start.character, end.character) : undefined;
    const parts = [this.lines[start.line].slice(start.character)];
    for (let line = start.line + 1; line < end.line; line++) parts.push(this.lines[line]);
    parts.push(this.lines[end.line].slice(0, end.character));
    return parts.join('\n');
  }
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The short hash a fingerprint keeps of one line. */
export function lineHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The fingerprint of the block at `range`; undefined when the range is not inside the text. */
export function fingerprintOf(lines: TextLines, range: Range): BlockFingerprint | undefined {
  const text = lines.slice(range);
  if (text === undefined) return undefined;
  const parts = text.split('\n');
  return { hash: hashText(text), lineHashes: parts.map(lineHash), head: parts[0].length, tail: parts[parts.length - 1].length };
}

/**
 * Finds a block in `lines` (a file reopened, or changed on disk meanwhile). The rule, in order:
 * 1. exact — the block's text is where it was (`hint`), or elsewhere: the occurrence nearest the old place wins;
 * 2. partial — else, the longest run of the block's lines that still stands, in order, on consecutive lines of the
 *    file; kept (narrowed to that run) when it holds at least half of the block's lines, and at least one;
 * 3. lost — else the block is dropped.
 */
export function anchorBlock(lines: TextLines, fingerprint: BlockFingerprint, hint: Range): Anchoring {
  const range = exactAnchor(lines, fingerprint, hint);
  return range ? { kind: 'exact', range } : partialAnchor(lines, fingerprint);
}

/** Rule 1 of `anchorBlock` alone: where the block stands exactly (nearest to `hint` first), if anywhere. */
export function exactAnchor(lines: TextLines, fingerprint: BlockFingerprint, hint: Range): Range | undefined {
  const count = fingerprint.lineHashes.length;
  const exactAt = (first: number): Range | undefined => {
    const last = first + count - 1;
    if (first < 0 || last >= lines.lines.length) return undefined;
    const firstLine = lines.lines[first];
    // A block within one line keeps its column; one over several lines ends its first line.
    const startCharacter = count === 1 ? hint.start.character : firstLine.length - fingerprint.head;
    const endCharacter = count === 1 ? startCharacter + fingerprint.head : fingerprint.tail;
    const range: Range = { start: { line: first, character: startCharacter }, end: { line: last, character: endCharacter } };
    if (count > 1 && !lineMatches(lines, fingerprint, 0, first)) return undefined;
    const text = lines.slice(range);
    return text !== undefined && hashText(text) === fingerprint.hash ? range : undefined;
  };
  // Nearest first: the old place, then one line away either side, and so on.
  const maxDistance = Math.max(hint.start.line, lines.lines.length - hint.start.line);
  for (let distance = 0; distance <= maxDistance; distance++) {
    for (const first of distance === 0 ? [hint.start.line] : [hint.start.line - distance, hint.start.line + distance]) {
      const range = exactAt(first);
      if (range) return range;
    }
  }
  return undefined;
}

/** Whether line `blockLine` of the block stands on `fileLine`: a first line ends it, a last line starts it, others are it. */
function lineMatches(lines: TextLines, fingerprint: BlockFingerprint, blockLine: number, fileLine: number): boolean {
  const text = lines.lines[fileLine];
  const count = fingerprint.lineHashes.length;
  if (blockLine === 0) return text.length >= fingerprint.head && lineHash(text.slice(text.length - fingerprint.head)) === fingerprint.lineHashes[0];
  if (blockLine === count - 1) return text.length >= fingerprint.tail && lineHash(text.slice(0, fingerprint.tail)) === fingerprint.lineHashes[blockLine];
  return lineHash(text) === fingerprint.lineHashes[blockLine];
}

/** Rule 2 of `anchorBlock`: whole lines only (a first or last line matches when its block share ends or starts the line). */
function partialAnchor(lines: TextLines, fingerprint: BlockFingerprint): Anchoring {
  const count = fingerprint.lineHashes.length;
  if (count < 2) return { kind: 'lost' };
  const byHash = new Map<string, number[]>();
  lines.lines.forEach((text, i) => {
    const key = lineHash(text);
    const list = byHash.get(key);
    if (list) list.push(i); else byHash.set(key, [i]);
  });
  const everyLine = lines.lines.map((_, i) => i);
  // Longest common run of consecutive lines: previous.get(i) = the run of block lines ending at file line i.
  let previous = new Map<number, number>();
  let best = { length: 0, lastFileLine: -1, lastBlockLine: -1 };
  for (let k = 0; k < count; k++) {
    const current = new Map<number, number>();
    const candidates = k === 0 || k === count - 1 ? everyLine : byHash.get(fingerprint.lineHashes[k]) ?? [];
    for (const i of candidates) {
      if (!lineMatches(lines, fingerprint, k, i)) continue;
      const length = (previous.get(i - 1) ?? 0) + 1;
      current.set(i, length);
      if (length > best.length) best = { length, lastFileLine: i, lastBlockLine: k };
    }
    previous = current;
  }
  if (best.length === 0 || best.length * 2 < count) return { kind: 'lost' };
  const firstFileLine = best.lastFileLine - best.length + 1;
  const firstBlockLine = best.lastBlockLine - best.length + 1;
  const start = { line: firstFileLine, character: firstBlockLine === 0 ? lines.lines[firstFileLine].length - fingerprint.head : 0 };
  const end = { line: best.lastFileLine, character: best.lastBlockLine === count - 1 ? fingerprint.tail : lines.lines[best.lastFileLine].length };
  return { kind: 'partial', range: { start, end }, lines: best.length };
}
