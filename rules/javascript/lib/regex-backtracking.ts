// Owns spotting regular expressions with catastrophic backtracking: a repeated group whose body can match the same text in more than one way (exponential), and two runs of one character class next to each other or a trailing run with no start anchor (polynomial).

/** A set of ASCII characters (plus one slot standing for every non-ASCII character). */
type CharSet = Uint8Array;

const size = 129;
const other = 128;

interface Atom {
  readonly chars: CharSet;
  readonly min: number;
  /** Infinity for `*`, `+`, `{n,}`. */
  readonly max: number;
  /** Whether it contains an unbounded repetition inside (a group with `\w+` in it). */
  readonly innerUnbounded: boolean;
  /** A backreference or lookaround: what it matches is not a plain set of characters, so no verdict is given. */
  readonly opaque?: boolean;
  /** A group's alternatives, kept through its quantifier for the polynomial pass. */
  readonly alts?: Atom[][];
  /** A character class, a class escape (`\\s`, `\\d`, `\\p{L}`) or `.`: the runs polynomial backtracking needs. */
  readonly classLike?: boolean;
  /** `$`. */
  readonly endAnchor?: boolean;
  /** `^`. */
  readonly startAnchor?: boolean;
  /** Its own quantifier lets it repeat (`*`, `+`, `{2,}`), as opposed to a group whose content is long. */
  readonly repeats?: boolean;
}

class Parser {
  private i = 0;
  found = false;

  constructor(private readonly src: string, private readonly ignoreCase: boolean) {}

  parse(): Atom[][] {
    return this.alternatives();
  }

  private alternatives(): Atom[][] {
    const alts: Atom[][] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Atom[] {
    const atoms: Atom[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      if (atom) atoms.push(this.quantified(atom));
    }
    return atoms;
  }

  private quantified(atom: Atom & { alts?: Atom[][] }): Atom {
    const ch = this.src[this.i];
    let min = 1;
    let max = 1;
    if (ch === '*') { min = 0; max = Infinity; this.i++; }
    else if (ch === '+') { min = 1; max = Infinity; this.i++; }
    else if (ch === '?') { min = 0; max = 1; this.i++; }
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m) {
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
        this.i += m[0].length;
      }
    }
    if (this.src[this.i] === '?' && max !== 1) this.i++; // lazy: same backtracking
    if (max === Infinity && atom.alts) this.checkRepeatedGroup(atom.alts);
    return { repeats: max > 1, opaque: atom.opaque, alts: atom.alts, classLike: atom.classLike, endAnchor: atom.endAnchor, startAnchor: atom.startAnchor, chars: atom.chars, min: atom.min * min, max: max === Infinity || atom.max === Infinity ? (atom.max === 0 ? 0 : Infinity) : atom.max * max, innerUnbounded: atom.innerUnbounded || (max === Infinity && atom.max > 1) };
  }

  /** `(body)*`: exponential when some character can be eaten both by an inner repetition and by every required part. */
  private checkRepeatedGroup(alts: Atom[][]): void {
    if (this.found) return;
    for (const seq of alts) {
      if (seq.some((a) => a.opaque)) continue;
      // Anything of variable length (`\w+`, `[a-z]{2,4}`) can split a run of one character in more than one way.
      const unbounded = seq.filter((a) => a.max === Infinity || a.innerUnbounded || (a.max > 1 && a.max > a.min));
      if (unbounded.length === 0) continue;
      const required = seq.filter((a) => a.min > 0);
      for (let c = 0; c < size; c++) {
        if (unbounded.some((a) => a.chars[c]) && required.every((a) => a.chars[c])) {
          this.found = true;
          return;
        }
      }
    }
    // `(a|a)*`, `(\w|\d)+`: two single-character alternatives that overlap.
    const singles = alts.filter((s) => s.length === 1 && s[0].min === 1 && s[0].max === 1).map((s) => s[0].chars);
    for (let a = 0; a < singles.length; a++) {
      for (let b = a + 1; b < singles.length; b++) {
        for (let c = 0; c < size; c++) if (singles[a][c] && singles[b][c]) { this.found = true; return; }
      }
    }
  }

  private atom(): (Atom & { alts?: Atom[][] }) | undefined {
    const ch = this.src[this.i];
    if (ch === '(') {
      this.i++;
      let lookaround = false;
      if (this.src[this.i] === '?') {
        const m = /^\?(:|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(this.src.slice(this.i));
        if (m) {
          lookaround = m[1] !== ':' && !m[1].startsWith('<') || m[1] === '<=' || m[1] === '<!';
          this.i += m[0].length;
        }
      }
      const alts = this.alternatives();
      if (this.src[this.i] === ')') this.i++;
      if (lookaround) return { chars: new Uint8Array(size), min: 0, max: 0, innerUnbounded: false, opaque: true };
      const chars = new Uint8Array(size);
      let min = Infinity;
      let max = 0;
      let innerUnbounded = false;
      for (const seq of alts) {
        let sMin = 0;
        let sMax = 0;
        for (const a of seq) {
          for (let c = 0; c < size; c++) if (a.chars[c]) chars[c] = 1;
          sMin += a.min;
          sMax += a.max;
          if (a.max === Infinity || a.innerUnbounded) innerUnbounded = true;
        }
        min = Math.min(min, sMin);
        max = Math.max(max, sMax);
      }
      const opaque = alts.some((seq) => seq.some((a) => a.opaque));
      return { chars, min: min === Infinity ? 0 : min, max, innerUnbounded, alts, opaque };
    }
    if (ch === '^' || ch === '$') {
      this.i++;
      return { chars: new Uint8Array(size), min: 0, max: 0, innerUnbounded: false, endAnchor: ch === '$', startAnchor: ch === '^' };
    }
    if (ch === '[') return { ...this.single(this.charClass()), classLike: true };
    if (ch === '.') {
      this.i++;
      const all = new Uint8Array(size).fill(1);
      all[10] = 0;
      all[13] = 0;
      return { ...this.single(all), classLike: true };
    }
    if (ch === '\\') {
      if (/^\\[sSdDwWpP]/.test(this.src.slice(this.i))) return { ...this.single(this.escape(false)), classLike: true };
      const escaped = this.escape(false);
      // `\1`, `\k<name>`: a backreference; `\b`: an assertion.
      return escaped ? this.single(escaped) : { ...this.single(undefined), opaque: /^\\([1-9k])/.test(this.src.slice(this.i - 2, this.i)) || /\\k<[^>]*>$/.test(this.src.slice(0, this.i)) };
    }
    this.i++;
    return this.single(this.literal(ch));
  }

  private single(chars: CharSet | undefined): Atom {
    return chars ? { chars, min: 1, max: 1, innerUnbounded: false } : { chars: new Uint8Array(size), min: 0, max: 0, innerUnbounded: false };
  }

  private literal(ch: string): CharSet {
    const set = new Uint8Array(size);
    const code = ch.charCodeAt(0);
    set[code < 128 ? code : other] = 1;
    if (this.ignoreCase && /[a-z]/i.test(ch)) {
      set[ch.toLowerCase().charCodeAt(0)] = 1;
      set[ch.toUpperCase().charCodeAt(0)] = 1;
    }
    return set;
  }

  /** An escape outside or inside a class; undefined for assertions (`\b`) and backreferences. */
  private escape(inClass: boolean): CharSet | undefined {
    this.i++;
    const ch = this.src[this.i++] ?? '';
    const set = new Uint8Array(size);
    const range = (from: number, to: number): void => { for (let c = from; c <= to; c++) set[c] = 1; };
    switch (ch) {
      case 'd': range(48, 57); return set;
      case 'D': set.fill(1); for (let c = 48; c <= 57; c++) set[c] = 0; return set;
      case 'w': range(48, 57); range(65, 90); range(97, 122); set[95] = 1; return set;
      case 'W': set.fill(1); for (const [a, b] of [[48, 57], [65, 90], [97, 122]]) for (let c = a; c <= b; c++) set[c] = 0; set[95] = 0; return set;
      case 's': range(9, 13); set[32] = 1; set[other] = 1; return set;
      case 'S': set.fill(1); for (let c = 9; c <= 13; c++) set[c] = 0; set[32] = 0; return set;
      case 'b': if (inClass) { set[8] = 1; return set; } return undefined;
      case 'B': return undefined;
      case 'n': set[10] = 1; return set;
      case 'r': set[13] = 1; return set;
      case 't': set[9] = 1; return set;
      case 'u': case 'x': {
        const m = /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4}|[0-9a-fA-F]{2})/.exec(this.src.slice(this.i));
        if (m) {
          this.i += m[0].length;
          const code = parseInt(m[0].replace(/[{}]/g, ''), 16);
          set[code < 128 ? code : other] = 1;
          return set;
        }
        return this.literal(ch);
      }
      case 'p': case 'P': {
        const m = /^\{[^}]*\}/.exec(this.src.slice(this.i));
        if (m) this.i += m[0].length;
        set.fill(1);
        return set;
      }
      default:
        if (/[1-9]/.test(ch) && !inClass) return undefined;
        if (ch === 'k' && !inClass) {
          const m = /^<[^>]*>/.exec(this.src.slice(this.i));
          if (m) this.i += m[0].length;
          return undefined;
        }
        return this.literal(ch);
    }
  }

  private charClass(): CharSet {
    this.i++;
    const negate = this.src[this.i] === '^';
    if (negate) this.i++;
    const set = new Uint8Array(size);
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let from: number | undefined;
      if (this.src[this.i] === '\\') {
        const escaped = this.escape(true);
        if (escaped) {
          const members = [...escaped.keys()].filter((c) => escaped[c]);
          if (members.length === 1) from = members[0];
          else for (const c of members) set[c] = 1;
        }
      } else from = this.src.charCodeAt(this.i++);
      if (from === undefined) continue;
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        const to = this.src[this.i] === '\\' ? [...(this.escape(true) ?? [])].findIndex((v) => v === 1) : this.src.charCodeAt(this.i++);
        for (let c = Math.min(from, 127); c <= Math.min(to < 0 ? from : to, 127); c++) set[c] = 1;
        if (to >= 128) set[other] = 1;
      } else set[from < 128 ? from : other] = 1;
    }
    this.i++;
    if (this.ignoreCase) for (let c = 65; c <= 90; c++) if (set[c] || set[c + 32]) { set[c] = 1; set[c + 32] = 1; }
    if (negate) for (let c = 0; c < size; c++) set[c] = set[c] ? 0 : 1;
    return set;
  }
}

/** Whether a pattern has a repeated group that can match the same input in exponentially many ways (`(a+)+`, `(\w+\s?)*`). */
export function hasCatastrophicBacktracking(pattern: string, flags = ''): boolean {
  return backtrackingOf(pattern, flags) === 'exponential';
}

/**
 * How badly a pattern can backtrack: `exponential` for a repeated group whose body matches the same text in many ways,
 * `polynomial` for two runs that can split the same characters between them (`\\d*\\.?\\d+`, `.*[/]*.*`,
 * `\\s*,?\\s*`) with something after them that can fail, or a trailing run with no start anchor (`\\s+$`), which
 * is retried from every position of a long run. The runs counted are classes, class escapes and `.`, never single
 * literal characters.
 */
export function backtrackingOf(pattern: string, flags = ''): 'exponential' | 'polynomial' | undefined {
  if (pattern.length > 2000 || !/[*+}]|\}/.test(pattern)) return undefined;
  try {
    const parser = new Parser(pattern, flags.includes('i'));
    const alts = parser.parse();
    if (parser.found) return 'exponential';
    if (!flags.includes('y') && (alts.some(trailingRun) || alts.some((seq) => ambiguousRuns(seq, false)))) return 'polynomial';
    return undefined;
  } catch {
    return undefined;
  }
}

const isUnboundedRun = (a: Atom): boolean => a.max === Infinity && !!a.classLike && !a.alts && !a.opaque;
const anyChars = (a: Atom): boolean => a.chars.every((v, c) => v === 1 || c === 10 || c === 13);

/** `\\s+$`, `[\\r\\n]+$`: a top-level alternative that is one run and the end anchor, tried again at each position of a run. */
function trailingRun(seq: Atom[]): boolean {
  const parts = seq.filter((a) => !(a.min === 0 && a.max === 0 && !a.endAnchor && !a.startAnchor));
  return parts.length === 2 && isUnboundedRun(parts[0]) && !anyChars(parts[0]) && !!parts[1].endAnchor;
}

function union(a: CharSet | undefined, b: CharSet | undefined): CharSet | undefined {
  if (!a) return b;
  if (!b) return a;
  const out = new Uint8Array(size);
  for (let c = 0; c < size; c++) out[c] = a[c] | b[c];
  return out;
}

/** Shared ASCII characters: the one slot for all non-ASCII ones would make `\\S+\\s*` look ambiguous. */
const overlaps = (a: CharSet | undefined, b: CharSet | undefined): boolean => !!a && !!b && a.some((v, c) => v === 1 && b[c] === 1 && c !== other);

/** The characters of the runs that can be the first (or last) to consume in an atom. */
function edgeRuns(a: Atom, last: boolean): CharSet | undefined {
  if (a.opaque) return undefined;
  if (!a.alts) return isUnboundedRun(a) ? a.chars : undefined;
  let out: CharSet | undefined;
  for (const seq of a.alts) out = union(out, edgeRunsOf(seq, last));
  return out;
}

function edgeRunsOf(seq: Atom[], last: boolean): CharSet | undefined {
  let out: CharSet | undefined;
  const order = last ? [...seq].reverse() : seq;
  for (const a of order) {
    out = union(out, edgeRuns(a, last));
    if (a.min > 0) break;
  }
  return out;
}

/**
 * Two runs of overlapping classes with only optional atoms between them, inside one sequence or across the boundary
 * of a repeated group's iterations, followed by something required (or `$`) that can make every split fail.
 */
function ambiguousRuns(seq: Atom[], requiredAfter: boolean): boolean {
  const requiredFrom = seq.map((_, k) => requiredAfter || seq.slice(k + 1).some((a) => (a.min > 0 && !a.opaque) || a.endAnchor));
  let running: CharSet | undefined;
  for (let k = 0; k < seq.length; k++) {
    const a = seq[k];
    if (a.opaque) { running = undefined; continue; }
    const first = edgeRuns(a, false);
    if (requiredFrom[k] && overlaps(running, first)) return true;
    if (a.alts) {
      for (const inner of a.alts) if (ambiguousRuns(inner, requiredFrom[k] || !!a.repeats)) return true;
      if (a.repeats && requiredFrom[k] && overlaps(edgeRuns(a, true), first)) return true;
    }
    const lastRuns = edgeRuns(a, true);
    running = a.min === 0 ? union(running, lastRuns) : lastRuns;
  }
  return false;
}
