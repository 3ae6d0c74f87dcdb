// Owns finding what a JavaScript name is bound to, with each scope's declarations indexed once per tree, so lookups in big modules stay constant-time.
import { ownString, statementMemo, topLevelOf, type SyntaxNode, type TopLevel } from '../../api';
import { constantString, patternNames, unwrap, type Binding } from './constant-strings';

interface ScopeIndex {
  get(name: string): Binding | undefined;
}

const functionTypes = new Set(['function_declaration', 'function_expression', 'function', 'generator_function_declaration', 'generator_function', 'arrow_function', 'method_definition']);
const blockTypes = new Set(['program', 'statement_block', 'class_static_block', 'switch_case', 'switch_default']);
const byTree = new WeakMap<object, Map<number, ScopeIndex>>();

/**
 * The declaration `identifier` refers to, walking outwards through blocks and functions; undefined for globals and names
 * from other files. Same answers as constant-strings' findBinding, indexed per scope.
 */
export function lookupBinding(identifier: SyntaxNode): Binding | undefined {
  const name = identifier.text;
  for (let scope = identifier.parent; scope; scope = scope.parent) {
    // The root is the module scope even when error recovery made it an ERROR node (half-typed code further down).
    if (scope.parent && !blockTypes.has(scope.type) && !functionTypes.has(scope.type) && !/^(for_statement|for_in_statement|catch_clause|class_declaration|class)$/.test(scope.type)) continue;
    const found = indexOf(scope).get(name);
    if (found) return found;
  }
  return undefined;
}

function indexOf(scope: SyntaxNode): ScopeIndex {
  const tree = scope.tree;
  let scopes = byTree.get(tree);
  if (!scopes) {
    scopes = new Map();
    byTree.set(tree, scopes);
  }
  const key = scope.id;
  let index = scopes.get(key);
  if (!index) {
    const top = scope.type === 'program' ? topLevelOf(tree) : undefined;
    index = top && !scope.hasError ? new ProgramIndex(top) : build(scope);
    scopes.set(key, index);
  }
  return index;
}

/** The names a top-level statement declares, remembered by its text (copies: a node's text keeps its document alive). */
const declaredNames = statementMemo<readonly string[]>();

/**
 * The module scope of an edited document: which statement declares each name comes from facts remembered per statement
 * text, and only a statement a lookup lands on is read for its binding (reading all of them after every edit costs as
 * much as the rest of the edit's analysis). Same answers as `build`: the first declaration of a name wins.
 */
class ProgramIndex implements ScopeIndex {
  private readonly first = new Map<string, number>();
  private readonly read = new Map<number, Map<string, Binding>>();

  constructor(private readonly top: TopLevel) {
    top.texts.forEach((_, i, texts) => {
      for (const name of declaredNames(texts, i, () => [...indexStatement(top.statements[i]).keys()].map(ownString))) if (!this.first.has(name)) this.first.set(name, i);
    });
  }

  get(name: string): Binding | undefined {
    const i = this.first.get(name);
    if (i === undefined) return undefined;
    let bindings = this.read.get(i);
    if (!bindings) this.read.set(i, (bindings = indexStatement(this.top.statements[i])));
    return bindings.get(name);
  }
}

function indexStatement(statement: SyntaxNode): Map<string, Binding> {
  const index = new Map<string, Binding>();
  addStatement(statement, (name, binding) => {
    if (!index.has(name)) index.set(name, binding);
  });
  return index;
}

function build(scope: SyntaxNode): ScopeIndex {
  const index = new Map<string, Binding>();
  const add = (name: string, binding: Binding): void => {
    if (!index.has(name)) index.set(name, binding);
  };
  if (blockTypes.has(scope.type) || !scope.parent) {
    for (const statement of scope.namedChildren) if (statement) addStatement(statement, add);
    return index;
  }
  if (functionTypes.has(scope.type)) {
    const single = scope.childForFieldName('parameter');
    if (single) add(single.text, { kind: 'parameter' });
    const parameters = scope.childForFieldName('parameters');
    if (parameters) for (const name of patternNames(parameters)) add(name, { kind: 'parameter' });
    if (scope.type !== 'method_definition' && scope.type !== 'arrow_function') {
      const own = scope.childForFieldName('name')?.text;
      if (own) add(own, { kind: 'function' });
    }
    return index;
  }
  if (scope.type === 'for_statement' || scope.type === 'for_in_statement') {
    const declared = scope.childForFieldName('initializer') ?? scope.childForFieldName('left');
    if (declared) for (const name of patternNames(declared)) add(name, { kind: 'other' });
    return index;
  }
  if (scope.type === 'catch_clause') {
    const parameter = scope.childForFieldName('parameter');
    if (parameter) for (const name of patternNames(parameter)) add(name, { kind: 'other' });
    return index;
  }
  const own = scope.childForFieldName('name')?.text;
  if (own) add(own, { kind: 'class' });
  return index;
}

function addStatement(statement: SyntaxNode, add: (name: string, binding: Binding) => void): void {
  let node = statement;
  if (node.type === 'export_statement') node = node.childForFieldName('declaration') ?? node;
  if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') {
    const kind = node.type === 'variable_declaration' ? 'var' : node.child(0)?.type === 'const' ? 'const' : 'let';
    for (const declarator of node.namedChildren) {
      if (declarator?.type !== 'variable_declarator') continue;
      const target = declarator.childForFieldName('name');
      if (!target) continue;
      if (target.type === 'identifier') add(target.text, { kind, declarator, value: declarator.childForFieldName('value') ?? undefined });
      else for (const name of patternNames(target)) add(name, { kind: kind === 'const' ? 'other' : kind, declarator });
    }
    return;
  }
  if (node.type === 'function_declaration' || node.type === 'generator_function_declaration') {
    const name = node.childForFieldName('name')?.text;
    if (name) add(name, { kind: 'function', declaration: node });
    return;
  }
  if (node.type === 'class_declaration') {
    const name = node.childForFieldName('name')?.text;
    if (name) add(name, { kind: 'class' });
    return;
  }
  if (node.type === 'import_statement') for (const name of patternNames(node)) add(name, { kind: 'import' });
}

/** constant-strings' `constantString`, with identifiers resolved through the scope index first. */
export function constantValue(node: SyntaxNode | null | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'identifier') {
    const binding = lookupBinding(n);
    return binding?.kind === 'const' && binding.value && binding.value.type !== 'identifier' ? constantString(binding.value) : undefined;
  }
  return constantString(n);
}
