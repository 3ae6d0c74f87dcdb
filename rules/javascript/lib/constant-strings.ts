// Owns what a JavaScript/TypeScript expression is worth as a constant string: literals, escapes, concatenation and `const` bindings.
import type { SyntaxNode } from '../../api';

/** How a name is bound where it is used. `value` is the initializer, when the binding has one. */
export interface Binding {
  readonly kind: 'const' | 'let' | 'var' | 'parameter' | 'function' | 'class' | 'import' | 'other';
  readonly declarator?: SyntaxNode;
  readonly value?: SyntaxNode;
  /** For a function declaration (`function f() {}` in a block): the declaration itself. */
  readonly declaration?: SyntaxNode;
}

const maxDepth = 6;

/** The decoded value of a string literal or of a template literal without substitutions; undefined for anything else. */
export function literalText(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type !== 'string' && node.type !== 'template_string') return undefined;
  // Most literals have no escapes or substitutions: slicing the source is far cheaper than visiting children.
  const raw = node.text;
  if (!raw.includes('\\') && !(node.type === 'template_string' && raw.includes('${'))) return raw.slice(1, -1);
  let out = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'template_substitution') return undefined;
    out += child.type === 'escape_sequence' ? decodeEscape(child.text) : child.text;
  }
  return out;
}

/**
 * The string an expression always evaluates to, or undefined when it can vary.
 * Follows `+` concatenation, substitutions, parentheses, type assertions and identifiers bound by `const`
 * in an enclosing function or the module; a `const` that is later mutated cannot change a string.
 */
export function constantString(node: SyntaxNode | null | undefined, depth = 0): string | undefined {
  if (!node || depth > maxDepth) return undefined;
  switch (node.type) {
    case 'string':
      return literalText(node);
    case 'number':
      return node.text;
    case 'template_string': {
      let out = '';
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'template_substitution') {
          const inner = constantString(child.namedChildren[0], depth + 1);
          if (inner === undefined) return undefined;
          out += inner;
        } else out += child.type === 'escape_sequence' ? decodeEscape(child.text) : child.text;
      }
      return out;
    }
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.type !== '+') return undefined;
      const left = constantString(node.childForFieldName('left'), depth + 1);
      if (left === undefined) return undefined;
      const right = constantString(node.childForFieldName('right'), depth + 1);
      return right === undefined ? undefined : left + right;
    }
    case 'parenthesized_expression':
    case 'as_expression':
    case 'satisfies_expression':
    case 'non_null_expression':
      return constantString(node.namedChildren[0], depth + 1);
    case 'type_assertion':
      return constantString(node.namedChildren[1], depth + 1);
    case 'identifier': {
      const binding = findBinding(node);
      return binding && isEffectivelyConst(binding, node.text) ? constantString(binding.value, depth + 1) : undefined;
    }
    case 'member_expression':
      return constantString(constantProperty(node, depth), depth + 1);
    default:
      return undefined;
  }
}

/** `CONFIG.algorithm` where `const CONFIG = { algorithm: 'md5' }`: the property's initializer. */
function constantProperty(node: SyntaxNode, depth: number): SyntaxNode | undefined {
  const object = unwrap(node.childForFieldName('object'));
  const property = node.childForFieldName('property');
  if (object?.type !== 'identifier' || property?.type !== 'property_identifier') return undefined;
  const binding = findBinding(object);
  const value = unwrap(binding?.kind === 'const' ? binding.value : undefined);
  if (value?.type !== 'object' || depth > maxDepth) return undefined;
  for (const pair of value.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const name = key?.type === 'property_identifier' ? key.text : literalText(key);
    if (name === property.text) return pair.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** A `const`, or a `let`/`var` that nothing in its scope assigns again (assistants write `let` for values they never change). */
function isEffectivelyConst(binding: Binding, name: string): boolean {
  if (binding.kind === 'const') return true;
  if (binding.kind !== 'let' && binding.kind !== 'var') return false;
  // `var` belongs to the whole function, `let` to its block.
  const stops = binding.kind === 'var' ? ['program', 'function_declaration', 'function_expression', 'arrow_function', 'method_definition'] : ['program', 'statement_block', 'switch_case'];
  let scope = binding.declarator?.parent;
  while (scope && scope.parent && !stops.includes(scope.type)) scope = scope.parent;
  return !!scope && !!binding.value && !isReassigned(scope, name);
}

function isReassigned(scope: SyntaxNode, name: string): boolean {
  return cached(writtenNames, scope, () => {
    const names = new Set<string>();
    for (const w of scope.descendantsOfType(['assignment_expression', 'augmented_assignment_expression', 'update_expression'])) {
      const target = w?.type === 'update_expression' ? w.childForFieldName('argument') : w?.childForFieldName('left');
      if (target?.type === 'identifier') names.add(target.text);
    }
    return names;
  }).has(name);
}

// Scope facts are computed once per scope and tree: a rule asks about many names in the same large blocks
// (a bundled library is one block of thousands of statements), and Node objects are recreated on every access.
type PerTree<T> = WeakMap<object, Map<string, T>>;
const declaredNames: PerTree<Map<string, Binding>> = new WeakMap();
const writtenNames: PerTree<Set<string>> = new WeakMap();

function cached<T>(store: PerTree<T>, scope: SyntaxNode, compute: () => T): T {
  let perTree = store.get(scope.tree);
  if (!perTree) store.set(scope.tree, (perTree = new Map()));
  const key = `${scope.startIndex}:${scope.endIndex}:${scope.type}`;
  let value = perTree.get(key);
  if (value === undefined) perTree.set(key, (value = compute()));
  return value;
}

/** Strips parentheses and TypeScript-only wrappers (`as`, `satisfies`, `!`). */
export function unwrap(node: SyntaxNode | null | undefined): SyntaxNode | undefined {
  let current = node ?? undefined;
  while (current && (current.type === 'parenthesized_expression' || current.type === 'as_expression' || current.type === 'satisfies_expression' || current.type === 'non_null_expression')) {
    current = current.namedChildren[0] ?? undefined;
  }
  return current;
}

/**
 * Finds the declaration an identifier refers to by walking outwards through blocks and functions.
 * Undefined when nothing in the file declares it (a global, or a name from another file).
 */
export function findBinding(identifier: SyntaxNode): Binding | undefined {
  const name = identifier.text;
  for (let scope = identifier.parent; scope; scope = scope.parent) {
    const found = bindingIn(scope, name);
    if (found) return found;
  }
  return undefined;
}

function bindingIn(scope: SyntaxNode, name: string): Binding | undefined {
  // The root is the module scope even when error recovery made it an ERROR node (half-typed code further down).
  switch (scope.parent ? scope.type : 'program') {
    case 'program':
    case 'statement_block':
    case 'class_static_block':
    case 'switch_case':
    case 'switch_default':
      return cached(declaredNames, scope, () => {
        const declared = new Map<string, Binding>();
        for (const statement of scope.namedChildren) if (statement) collectDeclarations(statement, declared);
        return declared;
      }).get(name);
    case 'function_declaration':
    case 'function_expression':
    case 'function':
    case 'generator_function_declaration':
    case 'generator_function':
    case 'arrow_function':
    case 'method_definition': {
      const single = scope.childForFieldName('parameter');
      if (single?.text === name) return { kind: 'parameter' };
      const parameters = scope.childForFieldName('parameters');
      if (parameters && patternNames(parameters).includes(name)) return { kind: 'parameter' };
      if (scope.type !== 'method_definition' && scope.type !== 'arrow_function' && scope.childForFieldName('name')?.text === name) return { kind: 'function' };
      return undefined;
    }
    case 'for_statement':
    case 'for_in_statement': {
      const declared = scope.childForFieldName('initializer') ?? scope.childForFieldName('left');
      return declared && patternNames(declared).includes(name) ? { kind: 'other' } : undefined;
    }
    case 'catch_clause': {
      const parameter = scope.childForFieldName('parameter');
      return parameter && patternNames(parameter).includes(name) ? { kind: 'other' } : undefined;
    }
    case 'class_declaration':
    case 'class':
      return scope.childForFieldName('name')?.text === name ? { kind: 'class' } : undefined;
    default:
      return undefined;
  }
}

/** Records the names a statement declares in its block; the first declaration of a name wins. */
function collectDeclarations(statement: SyntaxNode, out: Map<string, Binding>): void {
  const add = (name: string, binding: Binding): void => {
    if (!out.has(name)) out.set(name, binding);
  };
  let node = statement;
  if (node.type === 'export_statement') node = node.childForFieldName('declaration') ?? node;
  if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') {
    const kind = node.type === 'variable_declaration' ? 'var' : node.child(0)?.type === 'const' ? 'const' : 'let';
    for (const declarator of node.namedChildren) {
      if (declarator?.type !== 'variable_declarator') continue;
      const target = declarator.childForFieldName('name');
      if (!target) continue;
      if (target.type === 'identifier') add(target.text, { kind, declarator, value: declarator.childForFieldName('value') ?? undefined });
      // Destructured: the initializer is the whole object, not this name's value.
      else for (const name of patternNames(target)) add(name, { kind: kind === 'const' ? 'other' : kind, declarator });
    }
    return;
  }
  if (node.type === 'function_declaration' || node.type === 'generator_function_declaration' || node.type === 'class_declaration') {
    const name = node.childForFieldName('name')?.text;
    if (name) add(name, { kind: node.type === 'class_declaration' ? 'class' : 'function' });
    return;
  }
  if (node.type === 'import_statement') for (const name of patternNames(node)) add(name, { kind: 'import' });
}

/** Every name a pattern (parameters, destructuring, import clause) binds. */
export function patternNames(node: SyntaxNode): string[] {
  const names: string[] = [];
  const visit = (n: SyntaxNode | null): void => {
    if (!n) return;
    switch (n.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        names.push(n.text);
        return;
      case 'assignment_pattern':
      case 'object_assignment_pattern':
        visit(n.childForFieldName('left'));
        return;
      case 'pair_pattern':
        visit(n.childForFieldName('value'));
        return;
      case 'variable_declarator':
        visit(n.childForFieldName('name'));
        return;
      case 'required_parameter':
      case 'optional_parameter':
        visit(n.childForFieldName('pattern'));
        return;
      case 'import_specifier':
        visit(n.childForFieldName('alias') ?? n.childForFieldName('name'));
        return;
      case 'string':
      case 'type_annotation':
      case 'number':
        return;
      default:
        for (const child of n.namedChildren) visit(child);
    }
  };
  visit(node);
  return names;
}

function decodeEscape(escape: string): string {
  const body = escape.slice(1);
  switch (body[0]) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    case '0': return body.length === 1 ? '\0' : escape;
    case '\r': case '\n': case '\u2028': case '\u2029': return '';
    case 'x': return String.fromCharCode(parseInt(body.slice(1), 16));
    case 'u': {
      const hex = body.startsWith('u{') ? body.slice(2, -1) : body.slice(1);
      const code = parseInt(hex, 16);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : escape;
    }
    default: return body;
  }
}
