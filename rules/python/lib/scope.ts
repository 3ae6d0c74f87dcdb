// Owns Python name resolution for rules: which statements bind a name in the scope a reference sees.
import type { RuleContext, SyntaxNode } from '../../api';

export type BindingKind =
  | 'assignment' // name = value (value set)
  | 'augmented' // name += value (value set)
  | 'walrus' // (name := value) (value set)
  | 'loop' // for name in iterable (value = the iterable, when the target is the bare name)
  | 'unpack' // a, name = ... / for a, name in ...
  | 'parameter'
  | 'definition' // def name / class name
  | 'import'
  | 'with' // with x as name
  | 'except' // except E as name
  | 'global'; // global name / nonlocal name: the binding lives in an outer scope

export interface NameBinding {
  readonly kind: BindingKind;
  /** The bound value for assignment, augmented, walrus; the iterable for loop. */
  readonly value?: SyntaxNode;
  /** For an import inside a function: the module and the imported member (`from hmac import new` → hmac, new). */
  readonly module?: string;
  readonly imported?: string;
  /** For module-level bindings: the top-level statement that makes them. */
  readonly statement?: SyntaxNode;
}

export type ScopeKind = 'local' | 'enclosing' | 'module' | 'unbound';

export interface Resolution {
  /** Where the name was found: `unbound` means a builtin, a star import or a name bound where rules may not look. */
  readonly scope: ScopeKind;
  readonly bindings: readonly NameBinding[];
}

const functionTypes = new Set(['function_definition', 'lambda']);
const comprehensionTypes = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/** The nearest function or lambda around a node, or undefined at module level (class bodies are not scopes for nested code). */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (functionTypes.has(n.type)) return n;
  return undefined;
}

/** The module-level statement that contains a node. */
export function topLevelStatement(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && n.parent.type !== 'module') n = n.parent;
  return n;
}

type ScopeTable = ReadonlyMap<string, readonly NameBinding[]>;

/**
 * Scope tables per tree, built once per function or statement: rules resolve names at every call, and walking a
 * function body per lookup is quadratic in big generated functions. A tree is never edited in place (an edit makes a
 * new tree), so a table stays true for the tree it was built from.
 */
const tables = new WeakMap<object, Map<string, ScopeTable>>();

/** `kind` separates tables of the same node: a top-level `def` has a function table and a statement table. */
function tableOf(kind: 'function' | 'module' | 'statement', node: SyntaxNode, build: () => ScopeTable): ScopeTable {
  let perTree = tables.get(node.tree);
  if (!perTree) tables.set(node.tree, (perTree = new Map()));
  const key = `${kind}:${node.id}`;
  let table = perTree.get(key);
  if (!table) perTree.set(key, (table = build()));
  return table;
}

/**
 * Resolves a name as Python would from `at`: the enclosing functions first, then module level. At module level only
 * what the engine keys units on is read: the reference's own statement, imports, and other module-level statements that
 * are plain `name = value` assignments or definitions (see server/engine/bindings.ts), so cached results stay right.
 */
export function resolveName(name: string, at: SyntaxNode, context: RuleContext): Resolution {
  let local = true;
  for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
    const found = functionTable(fn).get(name) ?? [];
    const outer = found.some((b) => b.kind === 'global');
    if (found.length > 0 && !outer) return { scope: local ? 'local' : 'enclosing', bindings: found };
    if (outer) break;
    local = false;
  }
  const bindings: NameBinding[] = [];
  if (context.bindings.some((b) => b.local === name)) bindings.push({ kind: 'import' });
  const own = topLevelStatement(at);
  const module = own.parent;
  if (module?.type === 'module') {
    const keyed = tableOf('module', module, () => moduleTable(module));
    const ownTable = tableOf('statement', own, () => collectTable([own]));
    // The reference's own statement is read in full; when it is also a keyed statement, keep its bindings once.
    const fromOwn = ownTable.get(name) ?? [];
    const fromModule = (keyed.get(name) ?? []).filter((b) => !b.statement?.equals(own));
    bindings.push(...fromModule, ...fromOwn);
  }
  return bindings.length > 0 ? { scope: 'module', bindings } : { scope: 'unbound', bindings: [] };
}

/** True when `name` at `at` is the builtin of that name: nothing in reach rebinds it. */
export function isBuiltin(name: string, at: SyntaxNode, context: RuleContext): boolean {
  return resolveName(name, at, context).scope === 'unbound';
}

function functionTable(fn: SyntaxNode): ScopeTable {
  return tableOf('function', fn, () => {
    const table = new Map<string, NameBinding[]>();
    const parameters = fn.childForFieldName('parameters');
    for (const p of parameters?.namedChildren ?? []) {
      const name = p ? parameterName(p) : undefined;
      if (name) add(table, name, { kind: 'parameter' });
    }
    const body = fn.childForFieldName('body');
    if (body) collectInto(table, body);
    return table;
  });
}

function parameterName(p: SyntaxNode): string | undefined {
  switch (p.type) {
    case 'identifier':
      return p.text;
    case 'default_parameter':
    case 'typed_default_parameter':
      return p.childForFieldName('name')?.text;
    case 'typed_parameter':
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern':
      return p.namedChildren.find((c) => c?.type === 'identifier')?.text;
    default:
      return undefined;
  }
}

/** Module-level statements the engine keys on: `name = value` and definitions. */
function moduleTable(module: SyntaxNode): ScopeTable {
  const table = new Map<string, NameBinding[]>();
  for (const statement of module.namedChildren) {
    if (!statement) continue;
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type === 'function_definition' || definition?.type === 'class_definition') {
      const name = definition.childForFieldName('name')?.text;
      if (name) add(table, name, { kind: 'definition', statement });
      continue;
    }
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type === 'assignment') collectAssignment(table, assignment, statement);
  }
  return table;
}

function collectTable(roots: readonly SyntaxNode[]): ScopeTable {
  const table = new Map<string, NameBinding[]>();
  for (const root of roots) collectInto(table, root);
  return table;
}

function add(table: Map<string, NameBinding[]>, name: string, binding: NameBinding): void {
  const list = table.get(name);
  if (list) list.push(binding);
  else table.set(name, [binding]);
}

/** The node types that bind names or open a nested scope: all a table is made from. */
const bindingTypes = [
  'function_definition', 'class_definition', 'lambda', 'assignment', 'augmented_assignment', 'named_expression', 'for_statement',
  'as_pattern_target', 'import_statement', 'import_from_statement', 'global_statement', 'nonlocal_statement', ...comprehensionTypes,
];

/**
 * Every binding in a subtree, in the same scope: nested functions, classes and comprehensions are not entered. The
 * tree hands over only the nodes of `bindingTypes` (one scan of its arrays, in document order, the root included),
 * which is cheaper than visiting every child of every node.
 */
function collectInto(table: Map<string, NameBinding[]>, root: SyntaxNode): void {
  // The end of the nested scope being skipped: scopes nest, so one offset covers the scopes inside it too.
  let skipUntil = -1;
  for (const node of root.descendantsOfType(bindingTypes)) {
    if (!node || node.startIndex < skipUntil) continue;
    switch (node.type) {
      case 'function_definition':
      case 'class_definition': {
        const name = node.childForFieldName('name')?.text;
        if (name) add(table, name, { kind: 'definition' });
        skipUntil = node.endIndex;
        break;
      }
      case 'assignment':
        collectAssignment(table, node);
        break;
      case 'augmented_assignment': {
        const left = node.childForFieldName('left');
        if (left?.type === 'identifier') add(table, left.text, { kind: 'augmented', value: node.childForFieldName('right') ?? undefined });
        break;
      }
      case 'named_expression': {
        const name = node.childForFieldName('name')?.text;
        if (name) add(table, name, { kind: 'walrus', value: node.childForFieldName('value') ?? undefined });
        break;
      }
      case 'for_statement': {
        const left = node.childForFieldName('left');
        if (left?.type === 'identifier') add(table, left.text, { kind: 'loop', value: node.childForFieldName('right') ?? undefined });
        else if (left) for (const name of boundNames(left)) add(table, name, { kind: 'unpack' });
        break;
      }
      case 'as_pattern_target': {
        const kind = node.parent?.parent?.type === 'with_item' ? 'with' : 'except';
        for (const name of boundNames(node)) add(table, name, { kind });
        break;
      }
      case 'import_statement':
      case 'import_from_statement':
        for (const { local, ...imported } of importsOf(node)) add(table, local, { kind: 'import', ...imported });
        break;
      case 'global_statement':
      case 'nonlocal_statement':
        for (const c of node.namedChildren) if (c?.type === 'identifier') add(table, c.text, { kind: 'global' });
        break;
      default:
        // A lambda or a comprehension: a scope of its own.
        skipUntil = node.endIndex;
    }
  }
}

function collectAssignment(table: Map<string, NameBinding[]>, node: SyntaxNode, statement?: SyntaxNode): void {
  const left = node.childForFieldName('left');
  if (!left) return;
  let value = node.childForFieldName('right');
  // a = b = "x": the value of every target is the innermost right-hand side.
  while (value?.type === 'assignment') value = value.childForFieldName('right');
  if (left.type === 'identifier') {
    if (value) add(table, left.text, { kind: 'assignment', value, statement });
  } else for (const name of boundNames(left)) add(table, name, { kind: 'unpack', statement });
  // The chained targets (`b` in a = b = "x") are assignments of their own, met when the walk reaches them.
  if (statement && node.childForFieldName('right')?.type === 'assignment') collectAssignment(table, node.childForFieldName('right')!, statement);
}

/** Names a target binds: `a`, `(a, b)`, `[a, *rest]`; attributes and subscripts bind none. */
function boundNames(target: SyntaxNode): string[] {
  if (target.type === 'identifier') return [target.text];
  if (target.type === 'attribute' || target.type === 'subscript') return [];
  return target.namedChildren.flatMap((c) => (c ? boundNames(c) : []));
}

/** What an import statement binds: `import hashlib`, `import os.path as p`, `from hmac import new as mac`. */
function importsOf(node: SyntaxNode): { local: string; module?: string; imported?: string }[] {
  const from = node.type === 'import_from_statement' ? node.childForFieldName('module_name') : null;
  const out: { local: string; module?: string; imported?: string }[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'relative_import' || child.type === 'wildcard_import' || from?.equals(child)) continue;
    const aliased = child.type === 'aliased_import';
    const target = aliased ? child.childForFieldName('name')?.text ?? '' : child.text;
    const local = aliased ? child.childForFieldName('alias')?.text : target.split('.')[0];
    if (!local) continue;
    if (!from) out.push({ local, module: aliased ? target : local });
    else out.push(from.type === 'relative_import' ? { local } : { local, module: from.text, imported: target });
  }
  return out;
}

/**
 * Like `context.resolveCallee`, and also through imports inside the function (`import hmac` in a method), which module
 * bindings do not see: `hmac.new` → 'hmac.new'. A local binding of the head name that is not an import resolves to nothing.
 */
export function resolveCallee(node: SyntaxNode, context: RuleContext): string | undefined {
  const chain = memberChain(node);
  if (!chain) return undefined;
  const [head, ...rest] = chain;
  if (enclosingFunction(node)) {
    const resolution = resolveName(head.text, head, context);
    if (resolution.scope === 'local' || resolution.scope === 'enclosing') {
      const local = resolution.bindings.find((b) => b.kind === 'import' && b.module);
      return local ? [local.module, ...(local.imported ? [local.imported] : []), ...rest].join('.') : undefined;
    }
  }
  return context.resolveCallee(node);
}

function memberChain(node: SyntaxNode): [SyntaxNode, ...string[]] | undefined {
  if (node.type === 'identifier') return [node];
  if (node.type !== 'attribute') return undefined;
  const object = node.childForFieldName('object');
  const attribute = node.childForFieldName('attribute')?.text;
  const head = object ? memberChain(object) : undefined;
  return head && attribute ? [...head, attribute] : undefined;
}
