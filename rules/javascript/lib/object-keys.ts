// Owns reading object literals as settings: a property's name and value, sibling properties, and constant booleans and numbers.
import type { SyntaxNode } from '../../api';
import { constantString, findBinding, literalText, unwrap } from './constant-strings';

// Several rules listen to `pair` nodes and the engine hands each of them the same node object: read its key once.
const keyNames = new WeakMap<SyntaxNode, string | null>();

/** The key of a `pair` as a name: `httpOnly`, `'rejectUnauthorized'`, `["secure"]`; undefined for computed keys. */
export function keyNameOf(pair: SyntaxNode): string | undefined {
  let name = keyNames.get(pair);
  if (name === undefined) {
    const key = pair.childForFieldName('key');
    name = (key?.type === 'property_identifier' ? key.text : key?.type === 'computed_property_name' ? literalText(key.namedChildren[0]) : literalText(key)) ?? null;
    keyNames.set(pair, name);
  }
  return name ?? undefined;
}

/** The value of `key` in an object literal (`{ key: v }`, `{ key }`), or undefined. */
export function propertyOf(object: SyntaxNode, key: string): SyntaxNode | undefined {
  for (const pair of object.namedChildren) {
    if (!pair) continue;
    if (pair.type === 'shorthand_property_identifier' && pair.text === key) return pair;
    if (pair.type === 'method_definition' && pair.childForFieldName('name')?.text === key) return pair;
    if (pair.type === 'pair' && keyNameOf(pair) === key) return pair.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** The object literal an expression is or is bound to (`const options = { … }` in scope). */
export function objectLiteralOf(node: SyntaxNode | null | undefined): SyntaxNode | undefined {
  const value = unwrap(node);
  if (value?.type === 'object') return value;
  if (value?.type === 'identifier') {
    const bound = unwrap(findBinding(value)?.value);
    return bound?.type === 'object' ? bound : undefined;
  }
  return undefined;
}

/** `true`/`false` literals, `!0`/`!1`, and `'true'`/`'false'` strings as booleans; undefined when not constant. */
export function constantBoolean(node: SyntaxNode | null | undefined): boolean | undefined {
  const value = unwrap(node);
  if (!value) return undefined;
  if (value.type === 'true') return true;
  if (value.type === 'false') return false;
  if (value.type === 'unary_expression' && value.childForFieldName('operator')?.type === '!') {
    const inner = unwrap(value.childForFieldName('argument'));
    if (inner?.type === 'number') return Number(inner.text) === 0;
    const b = constantBoolean(inner);
    return b === undefined ? undefined : !b;
  }
  return undefined;
}

/** A number literal's value (`0o777`, `0777`, `511`, `1_000`), or a constant numeric string; undefined otherwise. */
export function constantNumber(node: SyntaxNode | null | undefined): number | undefined {
  const value = unwrap(node);
  if (!value) return undefined;
  if (value.type === 'number') return parseNumber(value.text);
  if (value.type === 'identifier') {
    const bound = findBinding(value);
    return bound?.kind === 'const' ? constantNumber(bound.value) : undefined;
  }
  const text = constantString(value);
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

export function parseNumber(text: string): number | undefined {
  const t = text.replace(/_/g, '').replace(/n$/, '');
  if (/^0[oO][0-7]+$/.test(t)) return parseInt(t.slice(2), 8);
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t.slice(2), 16);
  if (/^0[bB][01]+$/.test(t)) return parseInt(t.slice(2), 2);
  // Legacy octal (`0777`), still written in sloppy-mode scripts.
  if (/^0[0-7]+$/.test(t)) return parseInt(t, 8);
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** The object literal a `pair` belongs to, and the call or `new` expression that object is passed to (if any). */
export function ownerCallOf(pair: SyntaxNode): SyntaxNode | undefined {
  let node = pair.parent;
  if (node?.type !== 'object') return undefined;
  // Climb nested option objects (`{ https: { rejectUnauthorized } }`) up to the call they configure.
  for (let i = 0; node && i < 6; i++) {
    const parent: SyntaxNode | null = node.parent;
    if (!parent) return undefined;
    if (parent.type === 'arguments') return parent.parent ?? undefined;
    if (parent.type === 'pair' || parent.type === 'parenthesized_expression' || parent.type === 'as_expression' || parent.type === 'satisfies_expression' || parent.type === 'object') node = parent;
    else return undefined;
  }
  return undefined;
}
