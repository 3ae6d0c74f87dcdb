// Owns keeping a tracked range exact through text edits: the pure position arithmetic behind provenance blocks.
import type { Position, Range } from '../../../rules/api';

/** One edit as LSP sends it: `range` in the text before the edit is replaced by `text`. */
export interface RangeEdit {
  readonly range: Range;
  readonly text: string;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** How many line breaks `text` holds and how long its last line is (LSP counts `\r\n`, `\n` and `\r` as breaks). */
function shapeOf(text: string): { breaks: number; lastLength: number } {
  let breaks = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      breaks++;
      lineStart = i + 1;
    } else if (c === 10 /* \n */) {
      breaks++;
      lineStart = i + 1;
    }
  }
  return { breaks, lastLength: text.length - lineStart };
}

/** Where the end of the inserted text lands. */
function insertedEnd(edit: RangeEdit): Position {
  const { breaks, lastLength } = shapeOf(edit.text);
  const start = edit.range.start;
  return breaks === 0 ? { line: start.line, character: start.character + lastLength } : { line: start.line + breaks, character: lastLength };
}

/** A position at or after the edit's end, moved by the edit. */
function shiftAfter(p: Position, edit: RangeEdit, end: Position): Position {
  const { end: oldEnd } = edit.range;
  if (p.line > oldEnd.line) return { line: p.line + end.line - oldEnd.line, character: p.character };
  return { line: end.line, character: end.character + p.character - oldEnd.character };
}

/**
 * The range after one edit, or undefined when the edit removed all of it. The rule is per character: text that was
 * in the range stays in it unless deleted; inserted text joins the range only when it lands strictly inside it (both
 * neighbours were in the range), so typing at either edge never grows it. A range is half-open: `end` is excluded.
 */
export function mapRange(range: Range, edit: RangeEdit): Range | undefined {
  const { start: s, end: e } = edit.range;
  const { start: S, end: E } = range;
  if (comparePositions(S, E) >= 0) return undefined;
  // Entirely after the range (touching its end included): nothing moves.
  if (comparePositions(s, E) >= 0) return range;
  const end = insertedEnd(edit);
  // Entirely before the range (touching its start included): it moves as a whole.
  if (comparePositions(e, S) <= 0) return { start: shiftAfter(S, edit, end), end: shiftAfter(E, edit, end) };
  const startsInside = comparePositions(s, S) > 0;
  const endsInside = comparePositions(e, E) < 0;
  if (startsInside && endsInside) return { start: S, end: shiftAfter(E, edit, end) };
  if (startsInside) return { start: S, end: s }; // the tail was replaced; the new text is not the range's
  if (endsInside) return { start: end, end: shiftAfter(E, edit, end) }; // the head was replaced
  return undefined; // the whole range was replaced
}

/** The range after a sequence of edits (LSP content changes: each in the text the previous ones left). */
export function mapRangeThrough(range: Range, edits: readonly RangeEdit[]): Range | undefined {
  let current: Range | undefined = range;
  for (const edit of edits) {
    if (!current) return undefined;
    current = mapRange(current, edit);
  }
  return current;
}

/** Whether an edit changed any character of `range` or inserted text strictly inside it. */
export function editTouches(range: Range, edit: RangeEdit): boolean {
  const { start: s, end: e } = edit.range;
  const empty = comparePositions(s, e) === 0;
  if (empty) return edit.text.length > 0 && comparePositions(s, range.start) > 0 && comparePositions(s, range.end) < 0;
  return comparePositions(s, range.end) < 0 && comparePositions(e, range.start) > 0;
}

/** Whether a finding's range meets a block: they share a character, or an empty finding sits inside it. */
export function meetsBlock(block: Range, finding: Range): boolean {
  if (comparePositions(finding.start, finding.end) === 0) return comparePositions(block.start, finding.start) <= 0 && comparePositions(finding.start, block.end) < 0;
  return comparePositions(finding.start, block.end) < 0 && comparePositions(block.start, finding.end) < 0;
}

/** Whether the block has characters on `line` (a block ending at column 0 does not reach its last line). */
export function blockHasLine(block: Range, line: number): boolean {
  if (line < block.start.line || line > block.end.line) return false;
  return !(line === block.end.line && block.end.character === 0 && block.end.line > block.start.line);
}
