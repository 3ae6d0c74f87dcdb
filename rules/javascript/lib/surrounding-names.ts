// Owns the names around an expression: what receives its value, and which functions and classes enclose it.
import type { SyntaxNode } from '../../api';
import { nameOf } from './name-words';

const functionTypes = new Set([
  'function_declaration', 'function_expression', 'function', 'generator_function_declaration', 'generator_function', 'arrow_function', 'method_definition',
]);

export function isFunction(node: SyntaxNode): boolean {
  return functionTypes.has(node.type);
}

/** Expressions that pass their operand's value through unchanged for naming purposes. */
const transparent = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'await_expression', 'type_assertion']);

/** Climbs from an expression through parentheses, `await` and type assertions to the outermost expression with the same value. */
export function climbTransparent(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.parent && transparent.has(current.parent.type)) current = current.parent;
  return current;
}

/**
 * The name that receives a value: `const x = v`, `obj.x = v`, `{ x: v }`, `class { x = v }`, `(x = v) =>`, `<C x={v} />`.
 * Undefined when the value is not directly stored under a name.
 */
export function receiverName(value: SyntaxNode): string | undefined {
  const parent = value.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case 'variable_declarator':
      return parent.childForFieldName('value')?.equals(value) ? nameOf(parent.childForFieldName('name')) : undefined;
    case 'assignment_expression':
    case 'augmented_assignment_expression':
      return parent.childForFieldName('right')?.equals(value) ? nameOf(parent.childForFieldName('left')) : undefined;
    case 'assignment_pattern':
    case 'object_assignment_pattern':
      return parent.childForFieldName('right')?.equals(value) ? nameOf(parent.childForFieldName('left')) : undefined;
    case 'pair':
      return parent.childForFieldName('value')?.equals(value) ? nameOf(parent.childForFieldName('key')) : undefined;
    case 'field_definition':
      return nameOf(parent.childForFieldName('property'));
    case 'public_field_definition':
      return nameOf(parent.childForFieldName('name'));
    case 'required_parameter':
    case 'optional_parameter':
      return parent.childForFieldName('value')?.equals(value) ? nameOf(parent.childForFieldName('pattern')) : undefined;
    case 'jsx_expression':
      return parent.parent?.type === 'jsx_attribute' ? nameOf(parent.parent.namedChildren[0]) : undefined;
    case 'jsx_attribute':
      return nameOf(parent.namedChildren[0]);
    default:
      return undefined;
  }
}

/** A function's own name, or the name it is stored under (`const f = () => …`, `{ f() {} }`, `{ f: function () {} }`). */
export function functionNameOf(fn: SyntaxNode): string | undefined {
  if (fn.type === 'method_definition') return nameOf(fn.childForFieldName('name'));
  const own = fn.type === 'arrow_function' ? undefined : fn.childForFieldName('name');
  if (own) return own.text;
  return receiverName(climbTransparent(fn));
}

/** Names of the enclosing functions and classes, innermost first. */
export function enclosingNames(node: SyntaxNode): string[] {
  const names: string[] = [];
  for (let n = node.parent; n; n = n.parent) {
    if (isFunction(n)) {
      const name = functionNameOf(n);
      if (name) names.push(name);
    } else if (n.type === 'class_declaration' || n.type === 'class' || n.type === 'abstract_class_declaration') {
      const name = n.childForFieldName('name')?.text;
      if (name) names.push(name);
    }
  }
  return names;
}

/** The innermost function around a node, or undefined at module level. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunction(n)) return n;
  return undefined;
}
