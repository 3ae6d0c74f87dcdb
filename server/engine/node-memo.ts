// Owns remembering what a syntax node already told us: web-tree-sitter answers every property read with a call into wasm.
import { Node } from 'web-tree-sitter';

/**
 * A node's answers so far. A tree is never edited while rules read it (ParsedDocument edits the old tree only to
 * re-parse, then drops it), so what a node says about itself cannot change while anyone holds the node.
 */
class NodeMemo {
  type: string | undefined = undefined;
  text: string | undefined = undefined;
  endIndex = -1;
  hasError = -1;
  parent: Node | null | undefined = undefined;
  firstChild: Node | null | undefined = undefined;
  endPosition: Node['endPosition'] | undefined = undefined;
  /** Field children asked for so far, as name, child, name, child…: a node has few fields, and a Map costs more to make. */
  fields: (string | Node | null)[] | undefined = undefined;
}

type Memoized = Node & { skepticMemo?: NodeMemo };

let installed = false;

/** Per tree, the path from the root to the node whose parent was asked last: the next question usually starts near it. */
const spines = new WeakMap<object, Node[]>();

/**
 * A node's parent, found as tree-sitter finds it (descending from an ancestor towards the node, child by child) but
 * from the deepest ancestor already on the last path asked about instead of from the root. tree-sitter keeps no
 * parent pointers, so its own `parent` costs the node's depth: for each of the 20,000 strings of a `+` chain, 20,000
 * steps. Rules ask in document order and walk upwards, so here most answers take a step or two.
 */
function parentNear(node: Node, fromRoot: (this: Node) => Node | null): Node | null {
  const start = node.startIndex;
  const end = node.endIndex;
  // An empty node has no range to place it by.
  if (start === end) return fromRoot.call(node);
  let spine = spines.get(node.tree);
  if (!spine) spines.set(node.tree, (spine = [node.tree.rootNode]));
  let i = spine.length - 1;
  for (; i >= 0; i--) {
    const step = spine[i];
    if (step.id === node.id) return i > 0 ? spine[i - 1] : null;
    // Ranges nest, so a node whose range holds this one's and more is one of its ancestors.
    if (step.startIndex <= start && end <= step.endIndex && (step.startIndex < start || end < step.endIndex)) break;
  }
  if (i < 0) return fromRoot.call(node);
  spine.length = i + 1;
  let current = spine[i];
  for (;;) {
    const child = current.childWithDescendant(node);
    if (!child) return fromRoot.call(node);
    if (child.id === node.id) {
      spine.push(node);
      return current;
    }
    spine.push(child);
    current = child;
  }
}

/**
 * Makes repeated reads of a node free: its type, text, end, error flag, parent, first child and field children are
 * asked of wasm once per node object, and a parent is found from the nearest known ancestor (`parentNear`). Rules read the same few properties of the node the engine dispatched to all of
 * them (each reading `call.childForFieldName('function').text`), so each read after the first costs a property load.
 * Installed once, for every tree, by the analyzer.
 */
export function installNodeMemo(): void {
  if (installed) return;
  installed = true;
  const proto = Node.prototype as Memoized;
  const getter = (name: string): ((this: Node) => unknown) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor?.get) throw new Error(`web-tree-sitter Node has no ${name} getter`);
    return descriptor.get;
  };
  const memoOf = (node: Memoized): NodeMemo => node.skepticMemo ?? (node.skepticMemo = new NodeMemo());
  const define = (name: string, get: (this: Memoized) => unknown): void => {
    Object.defineProperty(proto, name, { get, configurable: true, enumerable: false });
  };
  const type = getter('type') as (this: Node) => string;
  const text = getter('text') as (this: Node) => string;
  const endIndex = getter('endIndex') as (this: Node) => number;
  const hasError = getter('hasError') as (this: Node) => boolean;
  const parent = getter('parent') as (this: Node) => Node | null;
  const firstChild = getter('firstChild') as (this: Node) => Node | null;
  const endPosition = getter('endPosition') as (this: Node) => Node['endPosition'];
  const childForFieldName = proto.childForFieldName;
  define('type', function () {
    const memo = memoOf(this);
    return memo.type ?? (memo.type = type.call(this));
  });
  define('text', function () {
    const memo = memoOf(this);
    return memo.text ?? (memo.text = text.call(this));
  });
  define('endIndex', function () {
    const memo = memoOf(this);
    return memo.endIndex >= 0 ? memo.endIndex : (memo.endIndex = endIndex.call(this));
  });
  define('hasError', function () {
    const memo = memoOf(this);
    if (memo.hasError < 0) memo.hasError = hasError.call(this) ? 1 : 0;
    return memo.hasError === 1;
  });
  define('parent', function () {
    const memo = memoOf(this);
    return memo.parent !== undefined ? memo.parent : (memo.parent = parentNear(this, parent));
  });
  define('firstChild', function () {
    const memo = memoOf(this);
    return memo.firstChild !== undefined ? memo.firstChild : (memo.firstChild = firstChild.call(this));
  });
  define('endPosition', function () {
    const memo = memoOf(this);
    // A copy each time, as the original getter gives: a caller may keep or change the point it gets.
    const point = memo.endPosition ?? (memo.endPosition = endPosition.call(this));
    return { row: point.row, column: point.column };
  });
  proto.childForFieldName = function (this: Memoized, name: string): Node | null {
    const memo = memoOf(this);
    const fields = memo.fields ?? (memo.fields = []);
    for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1] as Node | null;
    let child = childForFieldName.call(this, name);
    if (name === 'function' && child && this.type === 'call_expression') child = calleeOfTypedCall(child);
    fields.push(name, child);
    return child;
  };
}

/**
 * tree-sitter-typescript reads `await pool.query<User>(sql)` (and `!isValid<T>(x)`, `void run<T>()`) as a call of
 * `await pool.query`: with type arguments, a prefix operator binds into the callee. A call's function is never an
 * await or unary expression otherwise (`(await f)()` keeps its parentheses), so the operand is the real callee, and
 * every rule and the taint analysis see `pool.query` as they do without type arguments.
 */
function calleeOfTypedCall(callee: Node): Node {
  let current: Node | null = callee;
  while (current && (current.type === 'await_expression' || current.type === 'unary_expression')) {
    current = current.type === 'unary_expression' ? current.childForFieldName('argument') : current.namedChildren[0];
  }
  return current ?? callee;
}
