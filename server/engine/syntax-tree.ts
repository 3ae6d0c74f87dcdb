// Owns the syntax tree rules read: a copy of tree-sitter's tree in JavaScript arrays, decoded from the runtime's
// memory one level at a time (a node's children when first asked for), with nodes that answer as web-tree-sitter's do.
//
// Why: web-tree-sitter answers every node property with a call into wasm that copies the node through a transfer
// buffer and builds a new JavaScript object. Reading the type of every named node of a 5,000-line file that way costs
// 0.7× its parse (scripts/bench/rule-overhead.bench.mjs measures it), about as much as all the rules' own logic.
// Decoding the whole tree from wasm memory costs about a fifth of the parse, and after that every read is an array
// load; an edit decodes only the nodes rules read.
//
// The layout read here is tree-sitter 0.25's (lib/subtree.h, lib/parser.h in web-tree-sitter 0.25.10, pinned in
// package.json) on wasm32; test/unit/syntax-tree.test.ts compares every node, field, sibling and search with
// web-tree-sitter's answers on every fixture and on broken, deep and non-ASCII inputs, so an upgrade that changes the
// layout fails there first.
import type { Language, Tree } from 'web-tree-sitter';
import type { SyntaxNode as RuleNode, SyntaxPoint } from '../../rules/api';

/** The runtime's memory views (emscripten's Module, which Parser.init fills in the options object it is given). */
export interface WasmHeap {
  readonly HEAPU8: Uint8Array;
  readonly HEAPU16: Uint16Array;
  readonly HEAPU32: Uint32Array;
}

const errorSymbol = 0xffff;
const named = 1;
const missing = 2;
const extra = 4;
const hasErrorFlag = 8;
/** A visible child whose own fields its parent also answers for (an alias of a hidden rule the parent inherits from). */
const passesFields = 16;

/** Per language: each public symbol's type name, and the grammar tables the decoder reads. */
interface LanguageTables {
  /** As web-tree-sitter's `Language.types`: a symbol without a name reads as ERROR. */
  readonly types: readonly (string | undefined)[];
  readonly fieldIds: ReadonlyMap<string, number>;
  readonly fieldNames: readonly (string | null)[];
}

const tablesByLanguage = new WeakMap<Language, LanguageTables>();

function tablesOf(language: Language): LanguageTables {
  let tables = tablesByLanguage.get(language);
  if (!tables) {
    const types = language.types;
    const fieldNames = language.fields;
    const fieldIds = new Map<string, number>();
    fieldNames.forEach((name, id) => { if (name) fieldIds.set(name, id); });
    tablesByLanguage.set(language, (tables = { types, fieldIds, fieldNames }));
  }
  return tables;
}

/**
 * A decoded tree was read where it is no longer backed by tree-sitter's: its document changed (or is being re-parsed)
 * or closed since it was taken. Callers serving the editor ask again for the current tree.
 */
export class StaleSyntaxTreeError extends Error {}

/** Ids stay unique across trees, as the wasm addresses they replace mostly were: caches keyed by id never mix two trees. */
let nextIdBase = 1;

/**
 * A decoded tree: its visible nodes (named and anonymous, as web-tree-sitter's `children` lists them) in document
 * order, parents before children, as columns of arrays.
 */
export class SyntaxTree {
  readonly rootNode: SyntaxNode;
  /** Public symbol per node (0xffff: ERROR). */
  readonly symbols: Uint16Array;
  readonly flags: Uint8Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly parents: Int32Array;
  /** Next visible sibling, or 0 for none (the root is nobody's sibling; no fill needed per version). */
  readonly nexts: Int32Array;
  /** The last node of each node's subtree (itself when it has no children). */
  readonly lasts: Int32Array;
  /** The field a node sits under in its parent (0: none); `moreFields` holds the rare second ones. */
  readonly fields: Uint16Array;
  readonly moreFields = new Map<number, number[]>();
  /** For nodes flagged `passesFields`: the fields of theirs their parent answers for. */
  readonly passedFields = new Map<number, number[]>();
  readonly idBase: number;
  /** Node objects made so far, in chunks of 256 made when first needed: an edit makes a few, and a 70,000-slot array per version cost more than the nodes. */
  private readonly nodes: (SyntaxNode[] | undefined)[];
  /**
   * Nodes whose children are not decoded yet: the subtree's address (0 once read) and start byte. Each node's place
   * and its subtree's range of indexes are laid out from tree-sitter's own counts when its parent is read; its
   * children are decoded when first asked for, one level at a time. An edit then costs the nodes rules read.
   */
  readonly pendingHeaps: Uint32Array;
  readonly pendingStarts: Uint32Array;
  /** Where pending nodes are read from, until the tree-sitter tree goes away (`detach`). */
  source: Decoder | undefined;

  constructor(
    readonly text: string,
    readonly tables: LanguageTables,
    count: number,
    private lineStarts: number[] | undefined,
  ) {
    this.symbols = new Uint16Array(count);
    this.flags = new Uint8Array(count);
    this.starts = new Uint32Array(count);
    this.ends = new Uint32Array(count);
    this.parents = new Int32Array(count);
    this.nexts = new Int32Array(count);
    this.lasts = new Int32Array(count);
    this.fields = new Uint16Array(count);
    this.pendingHeaps = new Uint32Array(count);
    this.pendingStarts = new Uint32Array(count);
    this.nodes = new Array((count >> 8) + 1).fill(undefined);
    this.idBase = nextIdBase;
    nextIdBase += count;
    this.rootNode = new SyntaxNode(this, 0);
    this.nodes[0] = [this.rootNode];
  }

  get count(): number {
    return this.symbols.length;
  }

  /** The node at `index`, which must have been reached by navigation (its parent read); see `nodeAt`. */
  node(index: number): SyntaxNode {
    const chunk = this.nodes[index >> 8] ?? (this.nodes[index >> 8] = []);
    return chunk[index & 255] ?? (chunk[index & 255] = new SyntaxNode(this, index));
  }

  nodeOrNull(index: number): SyntaxNode | null {
    return index < 0 ? null : this.node(index);
  }

  /** The node at any index in document order, reading the nodes above it first if needed. */
  nodeAt(index: number): SyntaxNode {
    let at = 0;
    while (at !== index) {
      let child = this.firstChildOf(at);
      while (child !== -1 && this.lasts[child] < index) child = this.nexts[child] || -1;
      if (child === -1) break;
      at = child;
    }
    return this.node(index);
  }

  /** Row and UTF-16 column of a text offset, as tree-sitter counts them (rows end at '\n'). */
  pointAt(offset: number): SyntaxPoint {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    const row = lineAt(starts, offset);
    return { row, column: offset - starts[row] };
  }

  /** The text offset of a point; a column past its line's end stands at the line's '\n', as tree-sitter orders points. */
  offsetOf(point: SyntaxPoint): number {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    if (point.row >= starts.length) return this.text.length;
    const lineEnd = point.row + 1 < starts.length ? starts[point.row + 1] - 1 : this.text.length;
    return Math.min(starts[point.row] + point.column, lineEnd);
  }

  /** The first child of node `i`, or -1: in document order a node's first child comes right after it. */
  firstChildOf(i: number): number {
    if (this.pendingHeaps[i] !== 0) this.read(i);
    return i + 1 < this.count && this.parents[i + 1] === i ? i + 1 : -1;
  }

  /** Decodes the children of pending node `i` (see `pendingHeaps`). */
  read(i: number): void {
    const heap = this.pendingHeaps[i];
    if (heap === 0) return;
    if (!this.source) throw new StaleSyntaxTreeError('a syntax tree was read below its decoded nodes after its document changed or closed');
    // Marked read only once decoded: a failed walk must not leave the node looking childless.
    this.source.walk(this, heap, this.pendingStarts[i], i);
    this.pendingHeaps[i] = 0;
  }

  /** The tree-sitter tree this was decoded from is going away: nodes not read by now can no longer be. */
  detach(): void {
    this.source = undefined;
  }
}

/** Where each line starts: after each '\n', as tree-sitter and LSP both count lines here. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The line (from 0) holding `offset`, given the line starts. */
export function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * A node of a SyntaxTree, answering the subset of web-tree-sitter's Node that Skeptic uses, with the same meaning.
 * One object per node and tree: the same node read twice is the same object.
 */
export class SyntaxNode implements RuleNode {
  private childList: SyntaxNode[] | undefined;
  private namedList: SyntaxNode[] | undefined;

  constructor(
    readonly tree: SyntaxTree,
    readonly index: number,
  ) {}

  get id(): number {
    return this.tree.idBase + this.index;
  }

  get typeId(): number {
    return this.tree.symbols[this.index];
  }

  get type(): string {
    const symbol = this.tree.symbols[this.index];
    return symbol === errorSymbol ? 'ERROR' : (this.tree.tables.types[symbol] ?? 'ERROR');
  }

  get startIndex(): number {
    return this.tree.starts[this.index];
  }

  get endIndex(): number {
    return this.tree.ends[this.index];
  }

  get startPosition(): SyntaxPoint {
    return this.tree.pointAt(this.tree.starts[this.index]);
  }

  get endPosition(): SyntaxPoint {
    return this.tree.pointAt(this.tree.ends[this.index]);
  }

  get text(): string {
    return this.tree.text.slice(this.tree.starts[this.index], this.tree.ends[this.index]);
  }

  get isNamed(): boolean {
    return (this.tree.flags[this.index] & named) !== 0;
  }

  get isMissing(): boolean {
    return (this.tree.flags[this.index] & missing) !== 0;
  }

  get isExtra(): boolean {
    return (this.tree.flags[this.index] & extra) !== 0;
  }

  get isError(): boolean {
    return this.tree.symbols[this.index] === errorSymbol;
  }

  get hasError(): boolean {
    return (this.tree.flags[this.index] & hasErrorFlag) !== 0;
  }

  get parent(): SyntaxNode | null {
    return this.tree.nodeOrNull(this.tree.parents[this.index]);
  }

  get children(): SyntaxNode[] {
    if (!this.childList) {
      const list: SyntaxNode[] = [];
      for (let c = this.tree.firstChildOf(this.index); c !== -1; c = this.tree.nexts[c] || -1) list.push(this.tree.node(c));
      this.childList = list;
    }
    return this.childList;
  }

  get namedChildren(): SyntaxNode[] {
    return (this.namedList ??= this.children.filter((c) => c.isNamed));
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  child(i: number): SyntaxNode | null {
    return this.children[i] ?? null;
  }

  namedChild(i: number): SyntaxNode | null {
    return this.namedChildren[i] ?? null;
  }

  get firstChild(): SyntaxNode | null {
    return this.tree.nodeOrNull(this.tree.firstChildOf(this.index));
  }

  get lastChild(): SyntaxNode | null {
    return this.children[this.children.length - 1] ?? null;
  }

  get firstNamedChild(): SyntaxNode | null {
    return this.namedChildren[0] ?? null;
  }

  get lastNamedChild(): SyntaxNode | null {
    return this.namedChildren[this.namedChildren.length - 1] ?? null;
  }

  get nextSibling(): SyntaxNode | null {
    return this.tree.nodeOrNull(this.tree.nexts[this.index] || -1);
  }

  get previousSibling(): SyntaxNode | null {
    const siblings = this.parent?.children;
    if (!siblings) return null;
    const at = siblings.indexOf(this);
    return at > 0 ? siblings[at - 1] : null;
  }

  get nextNamedSibling(): SyntaxNode | null {
    let next = this.tree.nexts[this.index] || -1;
    while (next !== -1 && !(this.tree.flags[next] & named)) next = this.tree.nexts[next] || -1;
    return this.tree.nodeOrNull(next);
  }

  get previousNamedSibling(): SyntaxNode | null {
    const siblings = this.parent?.children;
    if (!siblings) return null;
    for (let at = siblings.indexOf(this) - 1; at >= 0; at--) if (siblings[at].isNamed) return siblings[at];
    return null;
  }

  childForFieldName(name: string): SyntaxNode | null {
    const field = this.tree.tables.fieldIds.get(name);
    if (!field) return null;
    for (let c = this.tree.firstChildOf(this.index); c !== -1; c = this.tree.nexts[c] || -1) {
      if (this.tree.fields[c] !== field && !this.tree.moreFields.get(c)?.includes(field)) continue;
      const child = this.tree.node(c);
      return name === 'function' && this.type === 'call_expression' ? calleeOfTypedCall(child) : child;
    }
    // tree-sitter also answers with a grandchild when the field is inherited from a visible (aliased) child:
    // TypeScript's `typeof a.b` is a type_query whose `object` is the member expression's.
    for (let c = this.tree.firstChildOf(this.index); c !== -1; c = this.tree.nexts[c] || -1) {
      if (this.tree.flags[c] & passesFields && this.tree.passedFields.get(c)!.includes(field)) {
        const found = this.tree.node(c).childForFieldName(name);
        if (found) return found;
      }
    }
    return null;
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    const field = this.tree.tables.fieldIds.get(name);
    if (!field) return [];
    const result: SyntaxNode[] = [];
    for (let c = this.tree.firstChildOf(this.index); c !== -1; c = this.tree.nexts[c] || -1) {
      if (this.tree.fields[c] === field || this.tree.moreFields.get(c)?.includes(field)) result.push(this.tree.node(c));
    }
    return result;
  }

  /** The field this node sits under in its parent, or null. */
  get fieldName(): string | null {
    const field = this.tree.fields[this.index];
    return field ? (this.tree.tables.fieldNames[field] ?? null) : null;
  }

  /**
   * This node and its descendants of the given types, in document order; with a range (points, as web-tree-sitter
   * takes them; an end of 0:0 means no end), those that end after its start and start before its end.
   */
  descendantsOfType(types: string | readonly string[], startPosition?: SyntaxPoint, endPosition?: SyntaxPoint): SyntaxNode[] {
    const tree = this.tree;
    const { match, any, wantErrors } = symbolsMatching(tree.tables, types);
    const result: SyntaxNode[] = [];
    if (!any && !wantErrors) return result;
    const from = startPosition ? tree.offsetOf(startPosition) : 0;
    const to = endPosition && (endPosition.row || endPosition.column) ? tree.offsetOf(endPosition) : Infinity;
    const last = tree.lasts[this.index];
    const { symbols, starts, ends, lasts } = tree;
    for (let i = this.index; i <= last; i++) {
      if (tree.pendingHeaps[i] !== 0 && !(ends[i] <= from) && !(to <= starts[i])) tree.read(i);
      // As tree-sitter's walk: a node that ends where the range starts (at 0:0 when none is given) is passed over.
      if (ends[i] <= from) {
        i = lasts[i];
        continue;
      }
      if (to <= starts[i]) break;
      const symbol = symbols[i];
      if (symbol === errorSymbol ? wantErrors : match[symbol] === 1) result.push(tree.node(i));
    }
    return result;
  }

  /** The smallest node, anonymous ones included, that spans [start, end]: tree-sitter's descendant_for_byte_range. */
  descendantForIndex(start: number, end: number = start): SyntaxNode {
    const tree = this.tree;
    if (start > end) return this;
    let node = this.index;
    for (;;) {
      let next = -1;
      for (let c = tree.firstChildOf(node); c !== -1; c = tree.nexts[c] || -1) {
        const childEnd = tree.ends[c];
        if (childEnd < end) continue;
        const empty = tree.starts[c] === childEnd;
        if (empty ? childEnd < start : childEnd <= start) continue;
        if (start < tree.starts[c]) break;
        next = c;
        break;
      }
      if (next === -1) return tree.node(node);
      node = next;
    }
  }

  /** Whether `other` is this node (of this tree). */
  equals(other: SyntaxNode | null | undefined): boolean {
    return !!other && other.tree === this.tree && other.index === this.index;
  }

  toString(): string {
    return sexp(this);
  }
}

interface SymbolMatch {
  /** 1 for each public symbol whose type name is asked for. */
  readonly match: Uint8Array;
  readonly any: boolean;
  readonly wantErrors: boolean;
}

const symbolMatches = new WeakMap<LanguageTables, Map<string, SymbolMatch>>();

/** Which symbols carry the asked type names (every symbol of a name, as web-tree-sitter matches), per language and list. */
function symbolsMatching(tables: LanguageTables, types: string | readonly string[]): SymbolMatch {
  const key = typeof types === 'string' ? types : types.join('\0');
  let perLanguage = symbolMatches.get(tables);
  if (!perLanguage) symbolMatches.set(tables, (perLanguage = new Map()));
  let found = perLanguage.get(key);
  if (!found) {
    const wanted = typeof types === 'string' ? [types] : types;
    const names = tables.types;
    const match = new Uint8Array(names.length);
    let any = false;
    for (let s = 0; s < names.length; s++) if (names[s] !== undefined && wanted.includes(names[s]!)) { match[s] = 1; any = true; }
    found = { match, any, wantErrors: wanted.includes('ERROR') };
    // Type lists are written in the code, so there are few; a bound keeps a caller building them from data harmless.
    if (perLanguage.size < 1000) perLanguage.set(key, found);
  }
  return found;
}

/**
 * tree-sitter-typescript reads `await pool.query<User>(sql)` (and `!isValid<T>(x)`, `void run<T>()`) as a call of
 * `await pool.query`: with type arguments, a prefix operator binds into the callee. A call's function is never an
 * await or unary expression otherwise (`(await f)()` keeps its parentheses), so the operand is the real callee, and
 * every rule and the taint analysis see `pool.query` as they do without type arguments.
 */
function calleeOfTypedCall(callee: SyntaxNode): SyntaxNode {
  let current: SyntaxNode | null = callee;
  while (current && (current.type === 'await_expression' || current.type === 'unary_expression')) {
    current = current.type === 'unary_expression' ? current.childForFieldName('argument') : current.namedChildren[0];
  }
  return current ?? callee;
}

/** The node as tree-sitter prints it: named nodes only, with field names (without recursion: code can nest deeply). */
function sexp(root: SyntaxNode): string {
  let out = '';
  const pending: (SyntaxNode | string)[] = [root];
  while (pending.length) {
    const item = pending.pop()!;
    if (typeof item === 'string') {
      out += item;
      continue;
    }
    out += `(${item.type}`;
    const shown = item.children.filter((c) => c.isNamed || c.isMissing);
    pending.push(')');
    for (let i = shown.length - 1; i >= 0; i--) {
      const child = shown[i];
      const prefix = ` ${child.fieldName ? `${child.fieldName}: ` : ''}`;
      if (child.isMissing) pending.push(`${prefix}(MISSING ${child.isNamed ? child.type : `"${child.type}"`})`);
      else pending.push(child, prefix);
    }
  }
  return out;
}

// ---- decoding ----

// Offsets in wasm32 memory (little-endian), from tree-sitter 0.25's headers.
// TSTree: Subtree root (8 bytes), const TSLanguage *language.
const treeLanguage = 8;
// TSLanguage: …, uint16_t max_alias_sequence_length at 36, pointers from 40.
const languageMaxAlias = 36;
const languageFieldCount = 32;
const languageFieldSlices = 64;
const languageFieldEntries = 68;
const languageSymbolMetadata = 72;
const languagePublicSymbols = 76;
const languageAliasSequences = 84;
// SubtreeHeapData: padding Length at 4 (bytes, row, column), size Length at 16, error_cost at 32, child_count at 36,
// symbol at 40, flag bits at 44, then (non-terminals) visible_descendant_count at 56, production_id at 66.
const heapPaddingBytes = 4;
const heapSizeBytes = 16;
const heapErrorCost = 32;
const heapChildCount = 36;
const heapSymbol = 40;
const heapFlags = 44;
const heapVisibleDescendants = 56;
const heapProductionId = 66;
// Heap flag bits: visible, named, extra, …, is_missing (bit 9).
const bitVisible = 1;
const bitNamed = 2;
const bitExtra = 4;
const bitMissing = 1 << 9;
// SubtreeInlineData: byte 0 bits is_inline, visible, named, extra, has_changes, is_missing; byte 1 symbol;
// byte 6 padding_bytes; byte 7 size_bytes.
const inlineBitVisible = 2;
const inlineBitNamed = 4;
const inlineBitExtra = 8;
const inlineBitMissing = 32;

/**
 * Decodes `tree` into a SyntaxTree over `text`, the string it was parsed from (and its line starts, when known): the
 * root and its children now, each node's children when first asked for, while `tree` is alive (ParsedDocument
 * detaches the SyntaxTree before editing or deleting its tree). Walks the subtrees as tree-sitter's node iterator does: hidden nodes are see-through, aliases
 * rename, extras take no structural index, fields come from the production's field map.
 */
export function decodeTree(tree: Tree, text: string, heap: () => WasmHeap, lineStarts?: number[]): SyntaxTree {
  const decoder = new Decoder(tree, heap);
  const { u8, u16, u32 } = decoder;
  const rootSlot = decoder.treeAddress;
  const rootInline = (u8[rootSlot] & 1) === 1;
  const rootHeap = rootInline ? 0 : u32[rootSlot >> 2];
  const rootChildren = rootHeap ? u32[(rootHeap + heapChildCount) >> 2] : 0;
  const count = 1 + (rootChildren ? u32[(rootHeap + heapVisibleDescendants) >> 2] : 0);
  const out = new SyntaxTree(text, tablesOf(tree.language), count, lineStarts);
  // The root: its start is after its padding.
  const rootPadding = rootInline ? u8[rootSlot + 6] : u32[(rootHeap + heapPaddingBytes) >> 2];
  const rootSize = rootInline ? u8[rootSlot + 7] : u32[(rootHeap + heapSizeBytes) >> 2];
  const rootSymbol = rootInline ? u8[rootSlot + 1] : u16[(rootHeap + heapSymbol) >> 1];
  const rootError = rootInline ? (u8[rootSlot] & inlineBitMissing) !== 0 : u32[(rootHeap + heapErrorCost) >> 2] > 0 || (u16[(rootHeap + heapFlags) >> 1] & bitMissing) !== 0;
  const rootNamed = rootInline ? (u8[rootSlot] & inlineBitNamed) !== 0 : (u16[(rootHeap + heapFlags) >> 1] & bitNamed) !== 0;
  out.symbols[0] = decoder.publicSymbol(rootSymbol);
  out.flags[0] = (rootNamed ? named : 0) | (rootError ? hasErrorFlag : 0);
  out.starts[0] = rootPadding >> 1;
  out.ends[0] = (rootPadding + rootSize) >> 1;
  out.parents[0] = -1;
  out.lasts[0] = count - 1;
  // Guard against reading another runtime's memory (a second copy of web-tree-sitter initialised first): the root
  // decoded here must be the one tree-sitter reports.
  if (out.ends[0] !== tree.rootNode.endIndex || out.symbols[0] !== tree.rootNode.typeId) {
    throw new Error('the syntax tree decoded from wasm memory does not match tree-sitter\'s root: is another copy of web-tree-sitter loaded?');
  }
  if (rootChildren) {
    out.source = decoder;
    decoder.walk(out, rootHeap, rootPadding, 0);
  }
  return out;
}

/** No fields: what a hidden subtree's visible parent sees of it when the parent's map inherits nothing from it. */
const none: number[] = [];

/** Reads one tree-sitter tree's subtrees from wasm memory. */
class Decoder {
  u8!: Uint8Array;
  u16!: Uint16Array;
  u32!: Uint32Array;
  readonly treeAddress: number;
  private readonly maxAlias: number;
  private readonly fieldCount: number;
  private readonly fieldSlices: number;
  private readonly fieldEntries: number;
  private readonly symbolMetadata: number;
  private readonly publicSymbols: number;
  private readonly aliasSequences: number;

  constructor(tree: Tree, private readonly heap: () => WasmHeap) {
    this.refresh();
    this.treeAddress = (tree as unknown as { 0: number })[0];
    const language = this.u32[(this.treeAddress + treeLanguage) >> 2];
    this.maxAlias = this.u16[(language + languageMaxAlias) >> 1];
    this.fieldCount = this.u32[(language + languageFieldCount) >> 2];
    this.fieldSlices = this.u32[(language + languageFieldSlices) >> 2];
    this.fieldEntries = this.u32[(language + languageFieldEntries) >> 2];
    this.symbolMetadata = this.u32[(language + languageSymbolMetadata) >> 2];
    this.publicSymbols = this.u32[(language + languagePublicSymbols) >> 2] >> 1;
    this.aliasSequences = this.u32[(language + languageAliasSequences) >> 2];
  }

  /** The memory views go stale (detached, empty) whenever wasm memory grows: read them anew before each walk. */
  refresh(): void {
    const heap = this.heap();
    this.u8 = heap.HEAPU8;
    this.u16 = heap.HEAPU16;
    this.u32 = heap.HEAPU32;
  }

  publicSymbol(symbol: number): number {
    return symbol === errorSymbol ? errorSymbol : this.u16[this.publicSymbols + symbol];
  }

  // The walk's stack, kept between walks (a tree is read one node at a time, thousands of times): one frame per
  // subtree whose children are being walked, as parallel columns — its heap address, the next child, the child count,
  // the byte position, the next structural index, the alias sequence, the field map — and two object columns: the
  // fields its slot carries through to its visible descendants when it is hidden, and (hidden too) the fields of its
  // own that the visible parent sees: those the levels above inherit from it, as tree-sitter looks a field up in the
  // visible parent's map. Null there means all: a visible node sees all of its children's fields.
  private capacity = 0;
  private heaps: Uint32Array = new Uint32Array(0);
  private nextChild: Uint32Array = new Uint32Array(0);
  private childCounts: Uint32Array = new Uint32Array(0);
  private positions: Uint32Array = new Uint32Array(0);
  private structurals: Uint32Array = new Uint32Array(0);
  private aliasRows: Uint32Array = new Uint32Array(0);
  private fieldStarts: Uint32Array = new Uint32Array(0);
  private fieldEnds: Uint32Array = new Uint32Array(0);
  private readonly carried: (number[] | null)[] = [];
  private readonly allowed: (number[] | null)[] = [];

  private grow(): void {
    this.capacity = Math.max(64, this.capacity * 2);
    const widen = (from: Uint32Array): Uint32Array => {
      const to = new Uint32Array(this.capacity);
      to.set(from);
      return to;
    };
    this.heaps = widen(this.heaps);
    this.nextChild = widen(this.nextChild);
    this.childCounts = widen(this.childCounts);
    this.positions = widen(this.positions);
    this.structurals = widen(this.structurals);
    this.aliasRows = widen(this.aliasRows);
    this.fieldStarts = widen(this.fieldStarts);
    this.fieldEnds = widen(this.fieldEnds);
  }

  /** Pushes a frame for the subtree at `at`, whose first child starts at byte `start`; returns the new depth. */
  private push(depth: number, at: number, start: number, carry: number[] | null, allow: number[] | null): number {
    if (depth === this.capacity) this.grow();
    const { u16, u32 } = this;
    const production = u16[(at + heapProductionId) >> 1];
    this.heaps[depth] = at;
    this.nextChild[depth] = 0;
    this.childCounts[depth] = u32[(at + heapChildCount) >> 2];
    this.positions[depth] = start;
    this.structurals[depth] = 0;
    this.aliasRows[depth] = production ? (this.aliasSequences >> 1) + production * this.maxAlias : 0;
    if (this.fieldCount) {
      const slice = this.fieldSlices + production * 4;
      this.fieldStarts[depth] = this.fieldEntries + u16[slice >> 1] * 4;
      this.fieldEnds[depth] = this.fieldStarts[depth] + u16[(slice + 2) >> 1] * 4;
    } else {
      this.fieldStarts[depth] = this.fieldEnds[depth] = 0;
    }
    this.carried[depth] = carry;
    this.allowed[depth] = allow;
    return depth + 1;
  }

  /**
   * Emits the visible children of node `self`, whose subtree is at `heapAddress` and starts at byte `position`, from
   * index `self + 1` on: hidden subtrees are walked through, and each visible child with children of its own is laid
   * out (its range of indexes from tree-sitter's count) and left pending.
   */
  walk(out: SyntaxTree, heapAddress: number, position: number, self: number): void {
    this.refresh();
    const { u8, u16, u32, symbolMetadata } = this;
    const { symbols, flags, starts, ends, parents, nexts, lasts, fields, moreFields, passedFields, pendingHeaps, pendingStarts } = out;
    const limit = lasts[self];
    let n = self + 1;
    let previous = -1;
    let depth = this.push(0, heapAddress, position, null, null);
    while (depth > 0) {
      const top = depth - 1;
      const index = this.nextChild[top];
      const total = this.childCounts[top];
      if (index === total) {
        depth--;
        this.carried[depth] = this.allowed[depth] = null;
        continue;
      }
      this.nextChild[top] = index + 1;
      const slot = this.heaps[top] - (total - index) * 8;
      const bits = u8[slot];
      const inline = (bits & 1) === 1;
      const at = inline ? 0 : u32[slot >> 2];
      let isExtra: boolean;
      let padding: number;
      let size: number;
      let symbol: number;
      let visible: boolean;
      let isNamed: boolean;
      let isMissing: boolean;
      let errorCost: number;
      let childCount: number;
      if (inline) {
        isExtra = (bits & inlineBitExtra) !== 0;
        visible = (bits & inlineBitVisible) !== 0;
        isNamed = (bits & inlineBitNamed) !== 0;
        isMissing = (bits & inlineBitMissing) !== 0;
        symbol = u8[slot + 1];
        padding = u8[slot + 6];
        size = u8[slot + 7];
        errorCost = 0;
        childCount = 0;
      } else {
        const heapBits = u16[(at + heapFlags) >> 1];
        isExtra = (heapBits & bitExtra) !== 0;
        visible = (heapBits & bitVisible) !== 0;
        isNamed = (heapBits & bitNamed) !== 0;
        isMissing = (heapBits & bitMissing) !== 0;
        symbol = u16[(at + heapSymbol) >> 1];
        padding = u32[(at + heapPaddingBytes) >> 2];
        size = u32[(at + heapSizeBytes) >> 2];
        errorCost = u32[(at + heapErrorCost) >> 2];
        childCount = u32[(at + heapChildCount) >> 2];
      }
      let alias = 0;
      let field = 0;
      let others: number[] | null = null;
      let inheritable: number[] | null = null;
      if (!isExtra) {
        const structural = this.structurals[top]++;
        if (this.aliasRows[top]) alias = u16[this.aliasRows[top] + structural];
        const allow = this.allowed[top];
        for (let e = this.fieldStarts[top], end = this.fieldEnds[top]; e < end; e += 4) {
          if (u8[e + 2] !== structural) continue;
          const id = u16[e >> 1];
          if (allow && !allow.includes(id)) continue;
          if (u8[e + 3]) (inheritable ??= []).push(id);
          else if (!field) field = id;
          else (others ??= []).push(id);
        }
      }
      // A node's first child starts where it does: the padding before it is the node's own.
      if (index > 0) this.positions[top] += padding;
      const start = this.positions[top];
      this.positions[top] = start + size;
      // Fields that reach this child: its own slot's first, then those carried through the hidden levels above it.
      const carry = this.carried[top];
      const reaching = field ? (others || carry ? [field, ...(others ?? []), ...(carry ?? [])] : null) : carry;
      if (visible || alias) {
        const i = n++;
        if (i > limit) throw new Error('a syntax subtree holds more nodes than tree-sitter counted');
        const effectiveNamed = alias ? u8[symbolMetadata + alias * 3 + 1] !== 0 : isNamed;
        const shown = alias || symbol;
        symbols[i] = this.publicSymbol(shown);
        flags[i] = (effectiveNamed ? named : 0) | (isMissing ? missing : 0) | (isExtra ? extra : 0) | (isMissing || errorCost > 0 ? hasErrorFlag : 0);
        starts[i] = start >> 1;
        ends[i] = (start + size) >> 1;
        parents[i] = self;
        lasts[i] = i;
        if (previous >= 0) nexts[previous] = i;
        previous = i;
        fields[i] = field || (reaching ? reaching[0] : 0);
        if (reaching && reaching.length > 1) {
          const rest = [...new Set(reaching)].filter((f) => f !== fields[i]);
          if (rest.length) moreFields.set(i, rest);
        }
        if (childCount) {
          if (inheritable) {
            flags[i] |= passesFields;
            passedFields.set(i, inheritable);
          }
          // Its place now, its children when asked for.
          const inside = u32[(at + heapVisibleDescendants) >> 2];
          lasts[i] = i + inside;
          n += inside;
          if (inside) {
            pendingHeaps[i] = at;
            pendingStarts[i] = start;
          }
        }
      } else if (childCount) {
        // Hidden: its children are this node's too, and carry the fields of its slot.
        depth = this.push(depth, at, start, isExtra ? null : (reaching ?? (field ? [field] : null)), isExtra ? none : (inheritable ?? none));
      }
    }
    if (n !== limit + 1) throw new Error(`a syntax subtree holds ${n - self - 1} nodes where tree-sitter counted ${limit - self}`);
  }
}
