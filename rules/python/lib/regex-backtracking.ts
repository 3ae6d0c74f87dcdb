// Owns spotting regular expressions with catastrophic backtracking: a repeated group whose body can match the same text in more than one way.

interface Item {
  readonly atom: Atom;
  readonly min: number;
  readonly max: number;
  /** Offset just after the item's quantifier in the pattern. */
  readonly end: number;
}

type Atom =
  | { readonly kind: 'char'; readonly source: string }
  | { readonly kind: 'group'; readonly alternatives: Item[][] }
  | { readonly kind: 'anchor' | 'other' };

export interface Backtracking {
  /** The repeated group as written, for the message: `(\w+\s?)+`. */
  readonly group: string;
}

const samples = ['a', 'z', 'A', 'Z', '0', '9', '_', ' ', '\t', '\n', '\r', '\\', '-', '.', ',', '@', '/', ':', '"', "'", '<', '>', '=', '&', '%', '+', '(', ')', 'é'];
const maxPatternLength = 5000;

/**
 * The first repeated group in a Python regex whose body is one unbounded piece plus optional ones (`(a+)+`, `(\w+\s?)*`,
 * `(\d+\.?)+`) or an unbounded piece followed by one character it also matches (`([a-z]+.)+`), when something after it
 * can fail. Undefined for patterns without one, and for patterns it cannot read.
 */
export function findBacktracking(pattern: string, verbose = false, wholeInput = false): Backtracking | undefined {
  if (pattern.length > maxPatternLength) return undefined;
  const source = verbose || /^\(\?[aiLmsux]*x/.test(pattern) ? stripVerbose(pattern) : pattern;
  let parsed: { items: Item[][]; end: number };
  try {
    parsed = parseAlternatives(source, 0, 0);
  } catch {
    return undefined;
  }
  let found: Backtracking | undefined;
  const visit = (alternatives: Item[][], depth: number): void => {
    for (const seq of alternatives) {
      seq.forEach((item, index) => {
        if (found || item.atom.kind !== 'group') return;
        if (item.max === Infinity && isAmbiguousBody(item.atom.alternatives) && (wholeInput || canFailAfter(seq, index, source, item.end))) {
          found = { group: source.slice(groupStart(source, item), item.end) };
          return;
        }
        if (depth < 20) visit(item.atom.alternatives, depth + 1);
      });
    }
  };
  visit(parsed.items, 0);
  return found;
}

function groupStart(source: string, item: Item): number {
  // Walk back from the quantifier to the group's opening parenthesis.
  let depth = 0;
  let i = item.end - 1;
  while (i >= 0 && source[i] !== ')') i--;
  for (; i >= 0; i--) {
    if (source[i] === ')' && source[i - 1] !== '\\') depth++;
    else if (source[i] === '(' && source[i - 1] !== '\\') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return 0;
}

/**
 * Alternatives that can match the same text: `(a|aa)+`, `(.|\s)*`, `(?:\\.|[^"])*` (a backslash pair is also two
 * `[^"]`s): one alternative is a single character class that matches every character of another alternative made of
 * bounded characters, so each run splits between them in exponentially many ways.
 */
function hasOverlappingAlternatives(alternatives: Item[][]): boolean {
  if (alternatives.length < 2) return false;
  const singles = alternatives.filter((seq) => seq.length === 1 && seq[0].atom.kind === 'char' && seq[0].min === 1 && seq[0].max === 1);
  if (!singles.length) return false;
  return alternatives.some((seq) => seq.length > 0 && seq.some((i) => i.min > 0) && seq.every((i) => i.atom.kind === 'char' && i.max !== Infinity)
    && singles.some((single) => single !== seq && seq.every((i) => overlap((single[0].atom as { source: string }).source, (i.atom as { source: string }).source))));
}

function isAmbiguousBody(alternatives: Item[][]): boolean {
  if (hasOverlappingAlternatives(alternatives)) return true;
  return alternatives.some((seq) => {
    const required = seq.filter((i) => i.min > 0 && i.atom.kind !== 'anchor');
    // An unbounded piece that can also match every required piece can swallow a whole repetition: `(\w+=[^"]*;?)*`.
    // An anchor or lookaround in the body pins where each repetition may start or end.
    if (seq.some((i) => i.atom.kind === 'anchor')) return false;
    const swallower = seq.find((u) => {
      const atom = u.atom;
      return u.max === Infinity && atom.kind === 'char' && required.length > 0 && required.every((r) => r === u || overlapsItem(atom.source, r));
    });
    if (swallower) return true;
    // `([a-z0-9]{2,4})+`: a piece of variable length (more than one character) splits a run in exponentially many ways.
    if (required.length === 1 && required[0].atom.kind === 'char' && required[0].max >= 2 && required[0].max > required[0].min) return true;
    if (required.length === 1) return required[0].max === Infinity || (required[0].atom.kind === 'group' && required[0].atom.alternatives.some((s) => s.some((i) => i.max === Infinity)));
    if (required.length === 2) {
      const [a, b] = required;
      const unbounded = a.max === Infinity ? a : b.max === Infinity ? b : undefined;
      const single = unbounded === a ? b : a;
      return !!unbounded && single.max === 1 && single.atom.kind === 'char' && unbounded.atom.kind === 'char' && overlap(unbounded.atom.source, single.atom.source);
    }
    return false;
  });
}

/** Something after the repeated group must be able to fail, or the engine never backtracks into it. */
function canFailAfter(seq: Item[], index: number, source: string, end: number): boolean {
  if (seq.slice(index + 1).some((i) => i.min > 0)) return true;
  return /[^)|?*+]/.test(source.slice(end).replace(/\)[*+?]?/g, ''));
}

/** Whether a character class can match a character the item can start or consist of (groups: any character inside). */
function overlapsItem(source: string, item: Item): boolean {
  if (item.atom.kind === 'char') return overlap(source, item.atom.source);
  if (item.atom.kind === 'group') return item.atom.alternatives.some((seq) => seq.some((i) => overlapsItem(source, i)));
  return false;
}

function overlap(a: string, b: string): boolean {
  try {
    const ra = new RegExp(`^(?:${a})$`);
    const rb = new RegExp(`^(?:${b})$`);
    return samples.some((c) => ra.test(c) && rb.test(c));
  } catch {
    return false;
  }
}

function parseAlternatives(s: string, start: number, depth: number): { items: Item[][]; end: number } {
  if (depth > 50) throw new Error('too deep');
  const alternatives: Item[][] = [[]];
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === ')') return { items: alternatives, end: i };
    if (c === '|') {
      alternatives.push([]);
      i++;
      continue;
    }
    let atom: Atom;
    let next: number;
    if (c === '(') {
      let bodyStart = i + 1;
      if (s[bodyStart] === '?') {
        const ext = /^\?(:|P<\w+>|<\w+>|=|!|<=|<!|[aiLmsux-]+:|[aiLmsux]+\)|P=\w+\)|#[^)]*\))/.exec(s.slice(bodyStart));
        if (!ext) throw new Error('unknown group');
        if (ext[0].endsWith(')')) {
          i = bodyStart + ext[0].length;
          continue; // inline flags or comment
        }
        const lookaround = /^\?(=|!|<=|<!)/.test(ext[0]);
        bodyStart += ext[0].length;
        const inner = parseAlternatives(s, bodyStart, depth + 1);
        atom = lookaround ? { kind: 'anchor' } : { kind: 'group', alternatives: inner.items };
        next = inner.end + 1;
      } else {
        const inner = parseAlternatives(s, bodyStart, depth + 1);
        // `([a-z])`: a group around one character is that character.
        const only = inner.items.length === 1 && inner.items[0].length === 1 ? inner.items[0][0] : undefined;
        atom = only && only.atom.kind === 'char' && only.min === 1 && only.max === 1 ? only.atom : { kind: 'group', alternatives: inner.items };
        next = inner.end + 1;
      }
    } else if (c === '[') {
      let j = i + 1;
      if (s[j] === '^') j++;
      if (s[j] === ']') j++;
      while (j < s.length && s[j] !== ']') j += s[j] === '\\' ? 2 : 1;
      atom = { kind: 'char', source: s.slice(i, j + 1) };
      next = j + 1;
    } else if (c === '\\') {
      const e = s[i + 1] ?? '';
      if (/[AbBZz]/.test(e)) atom = { kind: 'anchor' };
      else if (/[1-9]/.test(e)) atom = { kind: 'other' };
      else atom = { kind: 'char', source: s.slice(i, i + 2) };
      next = i + 2;
    } else if (c === '^' || c === '$') {
      atom = { kind: 'anchor' };
      next = i + 1;
    } else {
      // Without DOTALL (the common case) a dot stops at a newline.
      atom = { kind: 'char', source: c === '.' ? '[^\\n]' : c.replace(/[{}]/g, '\\$&') };
      next = i + 1;
    }
    const q = /^(\*|\+|\?|\{(\d*)(,?)(\d*)\})(\?|\+)?/.exec(s.slice(next));
    let min = 1;
    let max = 1;
    if (q) {
      if (q[1] === '*') [min, max] = [0, Infinity];
      else if (q[1] === '+') [min, max] = [1, Infinity];
      else if (q[1] === '?') [min, max] = [0, 1];
      else {
        min = q[2] ? Number(q[2]) : 0;
        max = q[3] ? (q[4] ? Number(q[4]) : Infinity) : min;
      }
      next += q[0].length;
      // Possessive quantifiers (Python 3.11+) never backtrack.
      if (q[5] === '+') max = Math.min(max, min || 1);
    }
    alternatives[alternatives.length - 1].push({ atom, min, max, end: next });
    i = next;
  }
  return { items: alternatives, end: i };
}

/** Removes the whitespace and comments re.VERBOSE ignores (outside character classes and escapes). */
function stripVerbose(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
    } else if (inClass) {
      out += c;
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}
