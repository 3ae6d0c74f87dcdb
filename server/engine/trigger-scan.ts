// Owns testing rule triggers on every unit of a file at once: one scan of the file text per trigger instead of one test per unit.

/**
 * A trigger pattern searched in the file's text to answer "does it match this unit's text?" for every unit, without
 * testing each unit's text on its own (a file has hundreds of units and a catalog dozens of triggers).
 *
 * The pattern matches a unit's text where it matches the file's text at a position inside the unit, as long as
 * nothing the pattern looks at lies outside the unit. Inside the unit the characters are the same; outside, the unit's
 * text has nothing while the file has the text around it. So the search stands in for the unit's own test only when
 * that difference cannot matter:
 * - the pattern has no `^` or `$` (they match at the unit's edges but not at the same place in the file);
 * - no negative lookaround in it can match whitespace, and the unit has whitespace (or the file's edge) on both
 *   sides, so `\b`, `(?<![\w$])`, `(?![\w$])` see a non-word character there, as at the end of a string, and a
 *   negative lookaround cannot reach across into the neighbouring text.
 * Positive lookarounds may see more of the file than of the unit, and a match may run on past the unit's end: the
 * search then passes a unit its own test would not, which only costs the rule a look at that unit. Units outside
 * those conditions are tested on their own text.
 *
 * Each search starts at a unit's start and stops at the first match, which also answers every later unit that starts
 * before it: a file is read about once per pattern, and a unit holding a match only up to that match.
 */
export class TriggerScan {
  private readonly search: RegExp;
  /** The first match at or after `from` starts at `at` (Infinity: none). */
  private from = Infinity;
  private at = Infinity;

  private constructor(private readonly pattern: RegExp, private readonly text: string) {
    this.search = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'g');
  }

  /** A search of `text` for `pattern`, or undefined when the pattern cannot stand in for per-unit tests (see the class). */
  static of(pattern: RegExp, text: string): TriggerScan | undefined {
    return scannable(pattern) ? new TriggerScan(pattern, text) : undefined;
  }

  /** Whether the pattern matches the unit spanning `[start, end)` of the file's text, as `pattern.test(unitText)` answers. */
  matches(start: number, end: number, unitText: string | (() => string)): boolean {
    if (!isSpace(this.text, start - 1) || !isSpace(this.text, end)) return this.pattern.test(typeof unitText === 'string' ? unitText : unitText());
    return this.firstMatchFrom(start) < end;
  }

  private firstMatchFrom(start: number): number {
    if (this.from <= start && this.at >= start) return this.at;
    this.search.lastIndex = start;
    const match = this.search.exec(this.text);
    this.from = start;
    this.at = match ? match.index : Infinity;
    return this.at;
  }
}

const globals = new WeakMap<RegExp, RegExp>();

/**
 * Every match of `pattern` in `text` as start, end pairs offset by `offset` (appended to `out`): the places a rule's
 * trigger matches a unit's text, where the engine anchors the rule's visitors.
 */
export function collectMatches(pattern: RegExp, text: string, offset: number, out: number[]): void {
  let search = globals.get(pattern);
  if (!search) globals.set(pattern, (search = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'g')));
  search.lastIndex = 0;
  for (let match = search.exec(text); match; match = search.exec(text)) {
    const end = match.index + match[0].length;
    out.push(offset + match.index, offset + end);
    if (end === match.index) search.lastIndex++;
  }
}

/** Index of the first value at least `value` in an ascending list (the list's length when there is none). */
function firstAtLeast(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A position before the start or past the end of the text counts as whitespace: both are a string's edge. */
function isSpace(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return true;
  const c = text.charCodeAt(at);
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11;
}

const verdicts = new WeakMap<RegExp, boolean>();

/** No `^`/`$` anchor, and no negative lookaround that could match whitespace (read from the pattern's source). */
function scannable(pattern: RegExp): boolean {
  let verdict = verdicts.get(pattern);
  if (verdict === undefined) verdicts.set(pattern, (verdict = readScannable(pattern.source)));
  return verdict;
}

function readScannable(source: string): boolean {
  // Open groups: whether each is (inside) a negative lookaround.
  const negative: boolean[] = [];
  let inClass = false;
  let classNegated = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const inNegative = negative.length > 0 && negative[negative.length - 1];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      // Escapes that match whitespace (or may: a backreference).
      if (inNegative && /[sSWDk1-9]/.test(next)) return false;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        if (inNegative && classNegated) return false;
      }
      continue;
    }
    switch (c) {
      case '[':
        inClass = true;
        classNegated = source[i + 1] === '^';
        break;
      case '(': {
        const opensNegative = source.startsWith('(?!', i) || source.startsWith('(?<!', i);
        negative.push(inNegative || opensNegative);
        break;
      }
      case ')':
        negative.pop();
        break;
      case '^':
      case '$':
        return false;
      case '.':
      case ' ':
        if (inNegative) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

const escapeSequence = /\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|U([0-9a-fA-F]{8})|([0-7]{1,3})|([^]))/g;

function decodeEscape(whole: string, brace?: string, u4?: string, x2?: string, u8?: string, octal?: string, other?: string): string {
  const hex = brace ?? u4 ?? x2 ?? u8;
  const code = hex !== undefined ? parseInt(hex, 16) : octal !== undefined ? parseInt(octal, 8) : undefined;
  if (code === undefined) return other ?? whole;
  return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/** JavaScript and Python string (and JavaScript identifier) escapes, decoded; anything else after a backslash stands for itself. */
export function decodeEscapes(text: string): string {
  return text.replace(escapeSequence, decodeEscape);
}

/** A text with its escapes decoded, and where each offset of the original lands in it. */
export class DecodedText {
  readonly text: string;
  /** For each escape, in order: its end in the original, and how much shorter the decoded text is up to there. */
  private readonly ends: number[] = [];
  private readonly shrink: number[] = [];
  /** For each escape, in order: where its decoded text ends in the decoded text. */
  private readonly decodedEnds: number[] = [];
  private readonly decodedLengths: number[] = [];

  constructor(raw: string) {
    let total = 0;
    this.text = raw.replace(escapeSequence, (whole: string, ...rest: unknown[]) => {
      const offset = rest[6] as number;
      const decoded = decodeEscape(whole, ...(rest.slice(0, 6) as (string | undefined)[]));
      total += whole.length - decoded.length;
      this.ends.push(offset + whole.length);
      this.shrink.push(total);
      this.decodedEnds.push(offset + whole.length - total);
      this.decodedLengths.push(decoded.length);
      return decoded;
    });
  }

  /**
   * The range of the original that decodes to `[start, end)` of the decoded text: an end inside an escape's decoded
   * text takes the whole escape, as does a start.
   */
  rawRangeOf(start: number, end: number): [number, number] {
    const rawStart = this.rawOffsetOf(start, false);
    const rawEnd = end > start ? this.rawOffsetOf(end - 1, true) + 1 : rawStart;
    return [rawStart, rawEnd];
  }

  /** The original offset of a decoded offset; inside an escape's decoded text, the escape's first (or last) character. */
  private rawOffsetOf(decoded: number, last: boolean): number {
    const i = firstAtLeast(this.decodedEnds, decoded + 1);
    if (i < this.decodedEnds.length && decoded >= this.decodedEnds[i] - this.decodedLengths[i]) {
      return last ? this.ends[i] - 1 : this.ends[i] - this.decodedLengths[i] - (this.shrink[i] - (i > 0 ? this.shrink[i - 1] : 0));
    }
    return decoded + (i > 0 ? this.shrink[i - 1] : 0);
  }

  /** The decoded offset of an offset of the original that does not fall inside an escape. */
  offsetOf(raw: number): number {
    const i = firstAtLeast(this.ends, raw + 1);
    return raw - (i > 0 ? this.shrink[i - 1] : 0);
  }
}
