// Owns how a JavaScript string was built: its constant text and dynamic parts, through templates, `+`, `+=`, concat, join and local variables.
import type { SyntaxNode } from '../../api';
import { literalText, unwrap } from './constant-strings';
import { constantValue, lookupBinding } from './scope-bindings';
import { factsOf } from './function-facts';

/** A piece of a built string: constant text, or an expression whose value is not known. */
export type Piece = { readonly text: string; readonly node?: undefined } | { readonly text?: undefined; readonly node: SyntaxNode };

const maxDepth = 8;
const maxPieces = 200;
const functionTypes = new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function_declaration', 'generator_function']);

/**
 * The pieces an expression's string value is made of. Identifiers declared in the same function are followed to their
 * initializer and to later `x += …` / `x = x + …` / `parts.push(…)` before `at`, so `let sql = 'SELECT …'; sql += ' WHERE id = ' + id`
 * gives the constant SQL and `id`. Anything else is a single dynamic piece.
 */
export function piecesOf(node: SyntaxNode): Piece[] {
  const out: Piece[] = [];
  flatten(node, node, 0, new Set(), out);
  return out;
}

/** Whether the value is built from constant text and at least one part not known at write time. */
export function isBuiltString(pieces: readonly Piece[]): boolean {
  return pieces.some((p) => p.node) && pieces.some((p) => p.text !== undefined && p.text.length > 0);
}

/** The constant text of the pieces, with a marker for each dynamic part, for "does this look like SQL?" checks. */
export function constantTextOf(pieces: readonly Piece[], marker = '\u0000'): string {
  return pieces.map((p) => (p.text !== undefined ? p.text : marker)).join('');
}

/** Whether two handles denote the same syntax node (web-tree-sitter hands out a new object per access). */
export function sameNode(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  // Ids are unique within a tree and, unlike endIndex and type, cost no call into the parser.
  return a.id === b.id && a.startIndex === b.startIndex;
}

export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (functionTypes.has(n.type)) return n;
  return undefined;
}

function push(out: Piece[], piece: Piece): void {
  if (out.length < maxPieces) out.push(piece);
}

function flatten(raw: SyntaxNode, at: SyntaxNode, depth: number, following: Set<string>, out: Piece[]): void {
  const node = unwrap(raw) ?? raw;
  if (depth > maxDepth) return push(out, { node });
  switch (node.type) {
    case 'string': {
      const text = literalText(node);
      return push(out, text === undefined ? { node } : { text });
    }
    case 'template_string': {
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'template_substitution') {
          const inner = child.namedChildren[0];
          if (inner) flatten(inner, at, depth + 1, following, out);
        } else if (child.type === 'string_fragment') push(out, { text: child.text });
        else if (child.type === 'escape_sequence') push(out, { text: decodeEscape(child.text) });
      }
      return;
    }
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.type !== '+') return push(out, { node });
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left) flatten(left, at, depth + 1, following, out);
      if (right) flatten(right, at, depth + 1, following, out);
      return;
    }
    case 'call_expression':
      return flattenCall(node, at, depth, following, out);
    case 'identifier':
    case 'shorthand_property_identifier':
      return flattenIdentifier(node, at, depth, following, out);
    default: {
      const text = constantValue(node);
      return push(out, text === undefined ? { node } : { text });
    }
  }
}

function flattenCall(node: SyntaxNode, at: SyntaxNode, depth: number, following: Set<string>, out: Piece[]): void {
  const callee = node.childForFieldName('function');
  const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is SyntaxNode => !!a && a.type !== 'comment');
  if (callee?.type === 'member_expression') {
    const method = callee.childForFieldName('property')?.text ?? '';
    const receiver = callee.childForFieldName('object');
    if (!receiver) return push(out, { node });
    if (method === 'concat' && !isArrayish(receiver)) {
      flatten(receiver, at, depth + 1, following, out);
      for (const a of args) flatten(a, at, depth + 1, following, out);
      return;
    }
    if (/^(trim|trimStart|trimEnd|toString|valueOf)$/.test(method) && args.length === 0) return flatten(receiver, at, depth + 1, following, out);
    if (method === 'join') {
      const elements = arrayElements(receiver, at);
      if (elements) {
        const separator = args[0] ? constantValue(args[0]) ?? '' : ',';
        elements.forEach((e, i) => {
          if (i > 0) push(out, { text: separator });
          if (e.type === 'spread_element') push(out, { node: e });
          else flatten(e, at, depth + 1, following, out);
        });
        return;
      }
    }
    if (callee.text === 'util.format' && args[0]) {
      flatten(args[0], at, depth + 1, following, out);
      for (const a of args.slice(1)) push(out, { node: a });
      return;
    }
  }
  if (callee?.type === 'identifier' && callee.text === 'String' && args.length === 1) return flatten(args[0], at, depth + 1, following, out);
  push(out, { node });
}

function isArrayish(node: SyntaxNode): boolean {
  return node.type === 'array';
}

/** The elements of an array literal, or of a local array variable with the values later pushed onto it. */
function arrayElements(node: SyntaxNode, at: SyntaxNode): SyntaxNode[] | undefined {
  const target = unwrap(node);
  if (target?.type === 'array') return target.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  if (target?.type !== 'identifier') return undefined;
  const binding = lookupBinding(target);
  const value = unwrap(binding?.value);
  if (!binding || !value || value.type !== 'array' || binding.kind === 'parameter') return undefined;
  const fn = enclosingFunction(target);
  if (binding.declarator && !sameNode(enclosingFunction(binding.declarator), fn)) return undefined;
  const elements = value.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  for (const call of factsOf(fn, target).calls) {
    if (call.startIndex >= at.startIndex) break;
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'member_expression' || callee.childForFieldName('object')?.text !== target.text) continue;
    if (!/^(push|unshift)$/.test(callee.childForFieldName('property')?.text ?? '')) continue;
    for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) if (a && a.type !== 'comment') elements.push(a);
    if (elements.length > 50) break;
  }
  return elements;
}

function flattenIdentifier(node: SyntaxNode, at: SyntaxNode, depth: number, following: Set<string>, out: Piece[]): void {
  const constant = constantValue(node);
  if (constant !== undefined) return push(out, { text: constant });
  if (following.has(node.text)) return;
  const binding = lookupBinding(node);
  if (!binding || binding.kind === 'parameter' || binding.kind === 'import' || binding.kind === 'function' || binding.kind === 'class' || !binding.declarator) return push(out, { node });
  if (binding.declarator.childForFieldName('name')?.type !== 'identifier') return push(out, { node });
  const fn = enclosingFunction(node);
  // Only follow names declared in the same function: the value elsewhere is not known at this point. A const of a
  // function around this one (`const cmd = 'convert ' + src; return new Promise(() => exec(cmd))`) is known too.
  if (!sameNode(enclosingFunction(binding.declarator), fn) && !(binding.kind === 'const' && declaredInFunctionAround(binding.declarator, fn && enclosingFunction(fn), 3))) return push(out, { node });
  const nextFollowing = new Set(following).add(node.text);
  const before = out.length;
  if (binding.value) {
    // Only a string built here is worth opening up; `const host = req.query.host` stays `host`.
    const own: Piece[] = [];
    flatten(binding.value, at, depth + 1, nextFollowing, own);
    if (own.some((p) => p.text !== undefined)) for (const p of own) push(out, p);
  }
  if (binding.kind !== 'const') {
    for (const assignment of factsOf(fn, node).assignments) {
      if (assignment.startIndex >= at.startIndex) break;
      if (assignment.startIndex < binding.declarator.startIndex) continue;
      if (assignment.childForFieldName('left')?.text !== node.text) continue;
      if (assignment.type === 'augmented_assignment_expression' && assignment.childForFieldName('operator')?.text !== '+=') continue;
      const right = assignment.childForFieldName('right');
      if (right) flatten(right, at, depth + 1, nextFollowing, out);
      if (out.length >= maxPieces) break;
    }
  }
  if (out.length === before) push(out, { node });
}

/** Whether `declarator` sits in `fn` or in one of the functions around it, looking `hops` functions out at most (a callback reading its outer function's variable). */
export function declaredInFunctionAround(declarator: SyntaxNode, fn: SyntaxNode | undefined, hops: number): boolean {
  const home = enclosingFunction(declarator);
  if (!home) return false;
  for (let f = fn, n = 0; f && n < hops; f = enclosingFunction(f), n++) if (sameNode(f, home)) return true;
  return false;
}

/** Enough of escape decoding for pattern checks on the text: quotes, newlines and tabs matter, exotic escapes do not. */
function decodeEscape(escape: string): string {
  const body = escape.slice(1);
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };
  if (body in simple) return simple[body];
  if (/^[\r\n\u2028\u2029]/.test(body)) return '';
  if (/^x[0-9a-fA-F]{2}$/.test(body)) return String.fromCharCode(parseInt(body.slice(1), 16));
  if (/^u[0-9a-fA-F]{4}$/.test(body)) return String.fromCharCode(parseInt(body.slice(1), 16));
  return body;
}
