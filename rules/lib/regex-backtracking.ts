// Owns spotting regular expressions with catastrophic backtracking, for every language's regex dialect: a repeated group whose body can match the same text in more than one way (exponential), and two runs of one character class next to each other or a trailing run with no start anchor (polynomial).

/** A set of ASCII characters (plus one slot standing for every non-ASCII character). */
type CharSet = Uint8Array;

const size = 129;
const other = 128;

/** What differs between the regex dialects the rules read: their syntax, and how much of the verdict each rule reports. */
export interface RegexDialect {
  /** Python's group syntax: `(?P<name>…)`, `(?P=name)` and `(?#…)` (skipped), inline flags `(?i)` (skipped) and `(?i:…)`; any other `(?` makes the pattern unreadable. */
  readonly pythonGroups: boolean;
  /** Python's input anchors `\A`, `\Z`, `\z` (in JavaScript they are the letters). */
  readonly inputAnchors: boolean;
  /** Python 3.11's possessive quantifiers (`a*+`, `a{2,}+`): they never give back what they matched. */
  readonly possessive: boolean;
  /** Python's quantifier forms: `{,n}`, and a lazy `?` or possessive `+` after any quantifier. */
  readonly pythonQuantifiers: boolean;
  /** JavaScript's `\k<name>` backreference and `\p{…}` property classes (in Python, the letters). */
  readonly javascriptEscapes: boolean;
  /** Python's `.` stops only at `\n`; JavaScript's at `\r` too. */
  readonly dotMatchesCarriageReturn: boolean;
  /** Letters match either case (JavaScript's `i` flag). */
  readonly ignoreCase: boolean;
  /** Whitespace and `#` comments outside classes are not part of the pattern (Python's re.VERBOSE, or a leading `(?x)`). */
  readonly verbose: boolean;
  /** The whole input must match (Python's fullmatch): the end can fail after any group. */
  readonly wholeInput: boolean;
  /** Report a repeated group only when something after it can fail, or the engine never backtracks into it (Python's verdicts). */
  readonly requireFailingTail: boolean;
  /** Also give polynomial verdicts (JavaScript's; not with the `y` flag, where a match is tried at one position only). */
  readonly polynomial: boolean;
  /** Longer patterns get no verdict. */
  readonly maxLength: number;
  /** Groups nested deeper make the pattern unreadable. */
  readonly maxDepth: number;
}

/** The dialect of a JavaScript pattern with these flags. */
export function javascriptRegex(flags = ''): RegexDialect {
  return {
    pythonGroups: false, inputAnchors: false, possessive: false, pythonQuantifiers: false, javascriptEscapes: true,
    dotMatchesCarriageReturn: false, ignoreCase: flags.includes('i'), verbose: false, wholeInput: false,
    requireFailingTail: false, polynomial: !flags.includes('y'), maxLength: 2000, maxDepth: Infinity,
  };
}

/** The dialect of a Python `re` pattern: compiled with re.VERBOSE, and matched with fullmatch. */
export function pythonRegex(options: { verbose?: boolean; wholeInput?: boolean } = {}): RegexDialect {
  return {
    pythonGroups: true, inputAnchors: true, possessive: true, pythonQuantifiers: true, javascriptEscapes: false,
    dotMatchesCarriageReturn: true, ignoreCase: false, verbose: !!options.verbose, wholeInput: !!options.wholeInput,
    requireFailingTail: true, polynomial: false, maxLength: 5000, maxDepth: 51,
  };
}

export interface Backtracking {
  readonly kind: 'exponential' | 'polynomial';
  /** For an exponential verdict, the repeated group as written, for the message: `(\w+\s?)+`. */
  readonly group?: string;
}

/**
 * How badly a pattern can backtrack: `exponential` for a repeated group whose body matches the same text in many ways
 * (`(a+)+`, `(\w+\s?)*`, `(a|a)*`, `(?:\\.|[^"])*`), `polynomial` for two runs that can split the same characters
 * between them (`\d*\.?\d+`, `.*[/]*.*`, `\s*,?\s*`) with something after them that can fail, or a trailing run with
 * no start anchor (`\s+$`), which is retried from every position of a long run. The runs counted are classes, class
 * escapes and `.`, never single literal characters. Undefined for patterns without either, and for patterns it cannot read.
 */
export function backtrackingOf(pattern: string, dialect: RegexDialect): Backtracking | undefined {
  if (pattern.length > dialect.maxLength || !/[*+}]/.test(pattern)) return undefined;
  const source = dialect.verbose || (dialect.pythonGroups && /^\(\?[aiLmsux]*x/.test(pattern)) ? stripVerbose(pattern) : pattern;
  let alts: Node[][];
  try {
    alts = new Parser(source, dialect).parse();
  } catch {
    return undefined;
  }
  const group = repeatedAmbiguousGroup(alts, source, dialect);
  if (group) return { kind: 'exponential', group: source.slice(group.start, group.end) };
  if (dialect.polynomial && (alts.some(trailingRun) || alts.some((seq) => ambiguousRuns(seq, false)))) return { kind: 'polynomial' };
  return undefined;
}

interface Node {
  readonly kind: 'chars' | 'group' | 'lookaround' | 'anchor' | 'backreference';
  readonly chars: CharSet;
  /** Its own quantifier's bounds (`{2,5}` → 2 and 5; none → 1 and 1). */
  readonly qmin: number;
  readonly qmax: number;
  /** How many characters it matches at least and at most, its quantifier included (Infinity for no bound). */
  readonly min: number;
  readonly max: number;
  /** Whether it contains an unbounded repetition inside (a group with `\w+` in it). */
  readonly innerUnbounded: boolean;
  /** A backreference or lookaround, or a group holding one: what it matches is not a plain set of characters. */
  readonly opaque?: boolean;
  /** A group's alternatives (a lookaround's, for finding repeated groups inside it). */
  readonly alts?: Node[][];
  /** A plain capturing group `(…)`, as opposed to `(?:…)` and named groups. */
  readonly capturing?: boolean;
  /** A character class, a class escape (`\s`, `\d`, `\p{L}`) or `.`: the runs polynomial backtracking needs. */
  readonly classLike?: boolean;
  /** `$` (and Python's `\Z`, `\z`). */
  readonly endAnchor?: boolean;
  /** `^` (and Python's `\A`). */
  readonly startAnchor?: boolean;
  /** Its own quantifier lets it repeat (`*`, `+`, `{2,}`), as opposed to a group whose content is long. */
  readonly repeats?: boolean;
  /** Where it starts in the pattern, and where its quantifier ends. */
  readonly start: number;
  readonly end: number;
}

type Atom = Omit<Node, 'qmin' | 'qmax' | 'repeats' | 'end'>;
type AtomTraits = Partial<Pick<Atom, 'innerUnbounded' | 'opaque' | 'alts' | 'capturing' | 'classLike' | 'endAnchor' | 'startAnchor'>>;

/** An atom with every field set, so that all share one shape. */
function atomOf(kind: Atom['kind'], chars: CharSet, min: number, max: number, start: number, traits: AtomTraits = {}): Atom {
  return {
    kind, chars, min, max, start,
    innerUnbounded: traits.innerUnbounded ?? false, opaque: traits.opaque ?? false, alts: traits.alts, capturing: traits.capturing ?? false,
    classLike: traits.classLike ?? false, endAnchor: traits.endAnchor ?? false, startAnchor: traits.startAnchor ?? false,
  };
}

/** Zero-width atoms match no character: one shared empty set (sets are never written once made). */
const noChars: CharSet = new Uint8Array(size);

/** One set per character (and case rule), shared by every pattern. */
const literals = new Map<number, CharSet>();
const classEscapes = new Map<string, CharSet>();

/** `\d`, `\D`, `\w`, `\W`, `\s`, `\S` (the non-ASCII slot: `\s` has non-ASCII spaces, `\S` other non-ASCII characters). */
function classEscapeSet(ch: string): CharSet {
  const set = new Uint8Array(size);
  const range = (from: number, to: number): void => { for (let c = from; c <= to; c++) set[c] = 1; };
  switch (ch) {
    case 'd': range(48, 57); return set;
    case 'D': set.fill(1); for (let c = 48; c <= 57; c++) set[c] = 0; return set;
    case 'w': range(48, 57); range(65, 90); range(97, 122); set[95] = 1; return set;
    case 'W': set.fill(1); for (const [a, b] of [[48, 57], [65, 90], [97, 122]]) for (let c = a; c <= b; c++) set[c] = 0; set[95] = 0; return set;
    case 's': range(9, 13); set[32] = 1; set[other] = 1; return set;
    default: set.fill(1); for (let c = 9; c <= 13; c++) set[c] = 0; set[32] = 0; return set;
  }
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(private readonly src: string, private readonly dialect: RegexDialect) {}

  parse(): Node[][] {
    return this.alternatives();
  }

  private alternatives(): Node[][] {
    if (++this.depth > this.dialect.maxDepth) throw new Error('too deep');
    const alts: Node[][] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    this.depth--;
    return alts;
  }

  private sequence(): Node[] {
    const nodes: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      if (atom) nodes.push(this.quantified(atom));
    }
    return nodes;
  }

  private quantified(atom: Atom): Node {
    let min = 1;
    let max = 1;
    if (this.dialect.pythonQuantifiers) {
      const q = !'*+?{'.includes(this.src[this.i] ?? '|') ? null : /^(\*|\+|\?|\{(\d*)(,?)(\d*)\})(\?|\+)?/.exec(this.src.slice(this.i));
      if (q) {
        if (q[1] === '*') [min, max] = [0, Infinity];
        else if (q[1] === '+') [min, max] = [1, Infinity];
        else if (q[1] === '?') [min, max] = [0, 1];
        else {
          min = q[2] ? Number(q[2]) : 0;
          max = q[3] ? (q[4] ? Number(q[4]) : Infinity) : min;
        }
        this.i += q[0].length;
        // A possessive quantifier never backtracks.
        if (q[5] === '+' && this.dialect.possessive) max = Math.min(max, min || 1);
      }
    } else {
      const ch = this.src[this.i];
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
    }
    // Every field spelled out, so that all nodes share one shape (a spread here costs more than the whole analysis).
    return {
      kind: atom.kind,
      chars: atom.chars,
      qmin: min,
      qmax: max,
      min: atom.min * min,
      max: max === Infinity || atom.max === Infinity ? (atom.max === 0 ? 0 : Infinity) : atom.max * max,
      innerUnbounded: atom.innerUnbounded || (max === Infinity && atom.max > 1),
      opaque: atom.opaque,
      alts: atom.alts,
      capturing: atom.capturing,
      classLike: atom.classLike,
      endAnchor: atom.endAnchor,
      startAnchor: atom.startAnchor,
      repeats: max > 1,
      start: atom.start,
      end: this.i,
    };
  }

  private atom(): Atom | undefined {
    const start = this.i;
    const ch = this.src[this.i];
    if (ch === '(') return this.group();
    if (ch === '^' || ch === '$') {
      this.i++;
      return atomOf('anchor', noChars, 0, 0, start, { endAnchor: ch === '$', startAnchor: ch === '^' });
    }
    if (ch === '[') return this.single(this.charClass(), start, true);
    if (ch === '.') {
      this.i++;
      const all = new Uint8Array(size).fill(1);
      all[10] = 0;
      if (!this.dialect.dotMatchesCarriageReturn) all[13] = 0;
      return this.single(all, start, true);
    }
    if (ch === '\\') {
      const next = this.src[this.i + 1] ?? '';
      if (this.dialect.inputAnchors && /[AZz]/.test(next)) {
        this.i += 2;
        return atomOf('anchor', noChars, 0, 0, start, { endAnchor: next !== 'A', startAnchor: next === 'A' });
      }
      if (/[sSdDwW]/.test(next) || (this.dialect.javascriptEscapes && /[pP]/.test(next))) return this.single(this.escape(false), start, true);
      const escaped = this.escape(false);
      if (escaped) return this.single(escaped, start);
      // `\b`, `\B`: an assertion; `\1`, `\k<name>`: a backreference.
      if (/[bB]/.test(next)) return atomOf('anchor', noChars, 0, 0, start);
      return atomOf('backreference', noChars, 0, 0, start, { opaque: true });
    }
    this.i++;
    return this.single(this.literal(ch), start);
  }

  private group(): Atom | undefined {
    const start = this.i;
    this.i++;
    let lookaround = false;
    let capturing = true;
    if (this.src[this.i] === '?') {
      if (this.dialect.pythonGroups) {
        const ext = /^\?(:|P<\w+>|<\w+>|=|!|<=|<!|[aiLmsux-]+:|[aiLmsux]+\)|P=\w+\)|#[^)]*\))/.exec(this.src.slice(this.i));
        if (!ext) throw new Error('unknown group');
        this.i += ext[0].length;
        // Inline flags, a comment or a named backreference: nothing this analysis weighs.
        if (ext[0].endsWith(')')) return undefined;
        lookaround = /^\?(=|!|<=|<!)/.test(ext[0]);
        capturing = false;
      } else {
        const m = /^\?(:|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(this.src.slice(this.i));
        if (m) {
          lookaround = m[1] !== ':' && !m[1].startsWith('<') || m[1] === '<=' || m[1] === '<!';
          this.i += m[0].length;
          capturing = false;
        }
      }
    }
    const alts = this.alternatives();
    if (this.src[this.i] === ')') this.i++;
    if (lookaround) return atomOf('lookaround', noChars, 0, 0, start, { opaque: true, alts });
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
    return atomOf('group', chars, min === Infinity ? 0 : min, max, start, { innerUnbounded, alts, opaque, capturing });
  }

  private single(chars: CharSet | undefined, start: number, classLike = false): Atom {
    return chars ? atomOf('chars', chars, 1, 1, start, { classLike }) : atomOf('chars', noChars, 0, 0, start, { classLike });
  }

  private literal(ch: string): CharSet {
    const key = ch.charCodeAt(0) * 2 + (this.dialect.ignoreCase ? 1 : 0);
    let set = literals.get(key);
    if (!set) literals.set(key, (set = this.literalSet(ch)));
    return set;
  }

  private literalSet(ch: string): CharSet {
    const set = new Uint8Array(size);
    const code = ch.charCodeAt(0);
    set[code < 128 ? code : other] = 1;
    if (this.dialect.ignoreCase && /[a-z]/i.test(ch)) {
      set[ch.toLowerCase().charCodeAt(0)] = 1;
      set[ch.toUpperCase().charCodeAt(0)] = 1;
    }
    return set;
  }

  /** An escape outside or inside a class; undefined for assertions (`\b`) and backreferences. */
  private escape(inClass: boolean): CharSet | undefined {
    this.i++;
    const ch = this.src[this.i++] ?? '';
    if ('dDwWsS'.includes(ch) && ch) {
      let shared = classEscapes.get(ch);
      if (!shared) classEscapes.set(ch, (shared = classEscapeSet(ch)));
      return shared;
    }
    const set = new Uint8Array(size);
    const range = (from: number, to: number): void => { for (let c = from; c <= to; c++) set[c] = 1; };
    switch (ch) {
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
        if (!this.dialect.javascriptEscapes) return this.literal(ch);
        const m = /^\{[^}]*\}/.exec(this.src.slice(this.i));
        if (m) this.i += m[0].length;
        set.fill(1);
        return set;
      }
      default:
        if (/[1-9]/.test(ch) && !inClass) return undefined;
        if (ch === 'k' && !inClass && this.dialect.javascriptEscapes) {
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
        // A range above ASCII (`\u3001-\uD7FF`) is the one non-ASCII slot only.
        for (let c = from; c <= Math.min(to < 0 ? from : to, 127); c++) set[c] = 1;
        if (from >= 128 || to >= 128) set[other] = 1;
      } else set[from < 128 ? from : other] = 1;
    }
    this.i++;
    if (this.dialect.ignoreCase) for (let c = 65; c <= 90; c++) if (set[c] || set[c + 32]) { set[c] = 1; set[c + 32] = 1; }
    if (negate) for (let c = 0; c < size; c++) set[c] = set[c] ? 0 : 1;
    return set;
  }
}

/** The first repeated group, outermost first, whose body is ambiguous and (where the dialect asks) that something after it can make fail. */
function repeatedAmbiguousGroup(alts: Node[][], source: string, dialect: RegexDialect): Node | undefined {
  for (const seq of alts) {
    for (let k = 0; k < seq.length; k++) {
      const node = seq[k];
      if (!node.alts) continue;
      if (node.kind === 'group' && node.qmax === Infinity && (hasSharedSplit(node.alts) || hasSwallowingBody(node.alts))
        && (!dialect.requireFailingTail || dialect.wholeInput || canFailAfter(seq, k, source, node.end))) return node;
      const inner = repeatedAmbiguousGroup(node.alts, source, dialect);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Any shared slot, the non-ASCII one included: the shared-split test has always counted it, and keeping it keeps its verdicts. */
const overlapsAnywhere = (a: CharSet, b: CharSet): boolean => a.some((v, c) => v === 1 && b[c] === 1);
/** Shared ASCII characters: two classes of non-ASCII ranges (`[\u3001-\uD7FF]`, `[\uD800-\uDB7F]`) share only the one slot that stands for them all. */
const overlapsInAscii = (a: CharSet, b: CharSet): boolean => a.some((v, c) => v === 1 && b[c] === 1 && c !== other);

/**
 * `(body)*` where some character can be eaten both by a part of variable length and by every required part
 * (`(a+)+`, `(\w+\s?)*`, `([a-z0-9]{2,4})+`), or where two single-character alternatives overlap (`(a|a)*`, `(\w|\d)+`):
 * a run of that character splits between the repetitions in exponentially many ways.
 */
function hasSharedSplit(alts: Node[][]): boolean {
  for (const seq of alts) {
    if (seq.some((a) => a.opaque)) continue;
    const unbounded = seq.filter((a) => a.max === Infinity || a.innerUnbounded || (a.max > 1 && a.max > a.min));
    if (unbounded.length === 0) continue;
    const required = seq.filter((a) => a.min > 0);
    for (let c = 0; c < size; c++) {
      if (unbounded.some((a) => a.chars[c]) && required.every((a) => a.chars[c])) return true;
    }
  }
  const singles = alts.filter((s) => s.length === 1 && s[0].min === 1 && s[0].max === 1).map((s) => s[0].chars);
  for (let a = 0; a < singles.length; a++) {
    for (let b = a + 1; b < singles.length; b++) if (overlapsAnywhere(singles[a], singles[b])) return true;
  }
  return false;
}

/** A node read as one character when it is one (`[a-z]`, or a capturing group around exactly one: `([a-z])`). */
function asCharacter(node: Node): CharSet | undefined {
  if (node.kind === 'chars') return node.chars;
  if (node.kind !== 'group' || !node.capturing || node.alts?.length !== 1 || node.alts[0].length !== 1) return undefined;
  const only = node.alts[0][0];
  return only.qmin === 1 && only.qmax === 1 ? asCharacter(only) : undefined;
}

/** Whether a character set can match a character the node can start or consist of (a group: any character inside). */
function overlapsNode(chars: CharSet, node: Node): boolean {
  const own = asCharacter(node);
  if (own) return overlapsInAscii(chars, own);
  if (node.kind === 'group') return node.alts!.some((seq) => seq.some((n) => overlapsNode(chars, n)));
  return false;
}

/**
 * Bodies whose parts can swallow one another across repetitions: an unbounded piece that also matches every required
 * piece (`(\w+=[^"]*;?)*`), a body of one unbounded piece or one of variable length (`(\d+\.?)+`, `(x(a+)?)+`), an
 * unbounded piece followed by one character it matches (`([a-z]+.)+`), or alternatives where one single character
 * matches every character of another (`(.|\s)*`, `(?:\\.|[^"])*`: a backslash pair is also two `[^"]`s). An anchor or
 * lookaround in the body pins where each repetition may start or end.
 */
function hasSwallowingBody(alts: Node[][]): boolean {
  if (hasOverlappingAlternatives(alts)) return true;
  return alts.some((seq) => {
    if (seq.some((n) => n.kind === 'anchor' || n.kind === 'lookaround')) return false;
    const required = seq.filter((n) => n.qmin > 0);
    const swallower = seq.find((u) => {
      const chars = asCharacter(u);
      return u.qmax === Infinity && !!chars && required.length > 0 && required.every((r) => r === u || overlapsNode(chars, r));
    });
    if (swallower) return true;
    if (required.length === 1) {
      const [only] = required;
      if (asCharacter(only) && only.qmax >= 2 && only.qmax > only.qmin) return true;
      return only.qmax === Infinity || (only.kind === 'group' && asCharacter(only) === undefined && only.alts!.some((s) => s.some((n) => n.qmax === Infinity)));
    }
    if (required.length === 2) {
      const [a, b] = required;
      const unbounded = a.qmax === Infinity ? a : b.qmax === Infinity ? b : undefined;
      const single = unbounded === a ? b : a;
      const unboundedChars = unbounded && asCharacter(unbounded);
      const singleChars = asCharacter(single);
      return !!unboundedChars && !!singleChars && single.qmax === 1 && overlapsInAscii(unboundedChars, singleChars);
    }
    return false;
  });
}

function hasOverlappingAlternatives(alts: Node[][]): boolean {
  if (alts.length < 2) return false;
  const singles = alts.filter((seq) => seq.length === 1 && asCharacter(seq[0]) && seq[0].qmin === 1 && seq[0].qmax === 1);
  if (!singles.length) return false;
  return alts.some((seq) => seq.length > 0 && seq.some((n) => n.qmin > 0) && seq.every((n) => asCharacter(n) && n.qmax !== Infinity)
    && singles.some((single) => single !== seq && seq.every((n) => overlapsInAscii(asCharacter(single[0])!, asCharacter(n)!))));
}

/** Something after the repeated group must be able to fail, or the engine never backtracks into it. */
function canFailAfter(seq: Node[], index: number, source: string, end: number): boolean {
  if (seq.slice(index + 1).some((n) => n.qmin > 0)) return true;
  return /[^)|?*+]/.test(source.slice(end).replace(/\)[*+?]?/g, ''));
}

const isUnboundedRun = (a: Node): boolean => a.max === Infinity && !!a.classLike && !a.alts && !a.opaque;
const anyChars = (a: Node): boolean => a.chars.every((v, c) => v === 1 || c === 10 || c === 13);

/** `\s+$`, `[\r\n]+$`: a top-level alternative that is one run and the end anchor, tried again at each position of a run. */
function trailingRun(seq: Node[]): boolean {
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

/** Shared ASCII characters: the one slot for all non-ASCII ones would make `\S+\s*` look ambiguous. */
const overlaps = (a: CharSet | undefined, b: CharSet | undefined): boolean => !!a && !!b && a.some((v, c) => v === 1 && b[c] === 1 && c !== other);

/** The characters of the runs that can be the first (or last) to consume in a node. */
function edgeRuns(a: Node, last: boolean): CharSet | undefined {
  if (a.opaque) return undefined;
  if (!a.alts) return isUnboundedRun(a) ? a.chars : undefined;
  let out: CharSet | undefined;
  for (const seq of a.alts) out = union(out, edgeRunsOf(seq, last));
  return out;
}

function edgeRunsOf(seq: Node[], last: boolean): CharSet | undefined {
  let out: CharSet | undefined;
  const order = last ? [...seq].reverse() : seq;
  for (const a of order) {
    out = union(out, edgeRuns(a, last));
    if (a.min > 0) break;
  }
  return out;
}

/**
 * Two runs of overlapping classes with only optional nodes between them, inside one sequence or across the boundary
 * of a repeated group's iterations, followed by something required (or `$`) that can make every split fail.
 */
function ambiguousRuns(seq: Node[], requiredAfter: boolean): boolean {
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
