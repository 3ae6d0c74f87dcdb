// Owns per-function facts that several injection rules scan for (assignments, calls, conditions, text), computed once per function per tree so big functions stay linear.
import type { SyntaxNode } from '../../api';

export interface FunctionFacts {
  /** The scope's source text. */
  readonly text: string;
  /** `x = …` and `x += …` expressions in the scope, in source order. */
  readonly assignments: readonly SyntaxNode[];
  /** Call expressions in the scope, in source order. */
  readonly calls: readonly SyntaxNode[];
  /** `if`/`switch`/`while` statements and ternaries in the scope, in source order. */
  readonly conditions: readonly SyntaxNode[];
  /** Variable declarators in the scope. */
  readonly declarators: readonly SyntaxNode[];
}

class LazyFacts implements FunctionFacts {
  private cached: { text?: string; assignments?: SyntaxNode[]; calls?: SyntaxNode[]; conditions?: SyntaxNode[]; declarators?: SyntaxNode[] } = {};
  constructor(private readonly scope: SyntaxNode) {}
  get text(): string { return (this.cached.text ??= this.scope.text); }
  get assignments(): SyntaxNode[] { return (this.cached.assignments ??= this.collect(['assignment_expression', 'augmented_assignment_expression'])); }
  get calls(): SyntaxNode[] { return (this.cached.calls ??= this.collect(['call_expression'])); }
  get conditions(): SyntaxNode[] { return (this.cached.conditions ??= this.collect(['if_statement', 'switch_statement', 'ternary_expression', 'while_statement'])); }
  get declarators(): SyntaxNode[] { return (this.cached.declarators ??= this.collect(['variable_declarator'])); }
  private collect(types: string[]): SyntaxNode[] {
    return this.scope.descendantsOfType(types).filter((n): n is SyntaxNode => !!n);
  }
}

/** Facts are kept per parse tree: a new tree (an edit) starts afresh, and a dropped tree takes its facts with it. */
const byTree = new WeakMap<object, Map<number, FunctionFacts>>();

/** Facts about the body of `fn`, or about the whole file when `fn` is undefined (`anchor` locates the tree). */
export function factsOf(fn: SyntaxNode | undefined, anchor: SyntaxNode): FunctionFacts {
  let scope = fn?.childForFieldName('body') ?? undefined;
  if (!scope) {
    scope = anchor;
    while (scope.parent) scope = scope.parent;
  }
  const tree = scope.tree;
  let map = byTree.get(tree);
  if (!map) {
    map = new Map();
    byTree.set(tree, map);
  }
  const key = scope.id;
  let facts = map.get(key);
  if (!facts) {
    facts = new LazyFacts(scope);
    map.set(key, facts);
  }
  return facts;
}
