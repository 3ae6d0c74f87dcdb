// Owns decomposing Python string building (f-strings, %, str.format, +, join) into literal text and the values inserted.
import type { RuleContext, SyntaxNode } from '../../api';
import { resolveName } from './scope';

/** A value inserted into a string: `{name}` in an f-string, the `%s` operand, a `.format()` argument, a `+` operand. */
export interface Hole {
  readonly value: SyntaxNode;
  /** The literal text of the string up to this hole, earlier holes written as `\u0000`. */
  readonly before: string;
  /** The literal text after this hole up to the next one. */
  readonly after: string;
  /** How the value is rendered: a %-conversion ('s', 'd', 'r'), a format spec (':d', '!r'), or '' for plain insertion. */
  readonly spec: string;
  /** The value is the whole string, not a part spliced into one (a branch of `x if c else "..."`, an earlier `q = f()`). */
  readonly whole?: boolean;
}

/** One way a string is built: its literal text (holes as `\u0000`) and the values inserted. */
export interface BuiltString {
  /** The expression that builds the string (an f-string, a `%` or `+` expression, a `.format()` call). */
  readonly node: SyntaxNode;
  readonly text: string;
  readonly holes: readonly Hole[];
  /** `value`: an expression inserted whole, one branch of `x if c else "..."` or `x or "..."`. */
  readonly kind: 'literal' | 'f-string' | 'percent' | 'format' | 'concatenation' | 'join' | 'value';
}

export const holeMark = '\u0000';

const maxDepth = 8;
const maxOperands = 500;
/** %-conversions: %(key)s, %-10s, %.2f, %%. */
const percentSpec = /%(\([^)]*\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([diouxXeEfFgGcrsab%])/g;
/** str.format fields: {}, {0}, {name}, {name.attr}, {0[key]}, {x!r:>10}; doubled braces are literal. */
const formatField = /\{\{|\}\}|\{([^{}!:]*)(![rsa])?(:[^{}]*)?\}/g;

/**
 * The ways an expression's string value is built, following names to their assignments in the same function (and plain
 * module-level assignments). Empty when the expression is not visibly built from literals (a call result, a parameter).
 */
export function builtStrings(expr: SyntaxNode, context: RuleContext): BuiltString[] {
  return build(expr, context, new Set(), 0);
}

/** The literal text of everything `builtStrings` found, holes included: for "does this read as SQL" checks. */
export function literalTextOf(built: readonly BuiltString[]): string {
  return built.map((b) => b.text).join('\n');
}

function build(expr: SyntaxNode, context: RuleContext, seen: Set<string>, depth: number): BuiltString[] {
  if (depth > maxDepth) return [];
  const next = depth + 1;
  switch (expr.type) {
    case 'parenthesized_expression': {
      const inner = expr.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? build(inner, context, seen, next) : [];
    }
    case 'string':
    case 'concatenated_string': {
      const parts = stringParts(expr);
      return parts ? [fromParts(expr, parts, parts.some((p) => typeof p !== 'string') ? 'f-string' : 'literal')] : [];
    }
    case 'binary_operator': {
      const operator = expr.childForFieldName('operator')?.text;
      if (operator === '+') return concatenation(expr, context, seen, next);
      if (operator === '%') return percentFormat(expr, context, seen, next);
      return [];
    }
    case 'call':
      return callBuild(expr, context, seen, next);
    case 'conditional_expression': {
      // `a if cond else "/"`: a branch that is not visibly built is a value inserted whole.
      const [whenTrue, , whenFalse] = expr.namedChildren;
      const branches = [whenTrue, whenFalse].filter((b): b is SyntaxNode => !!b);
      const built = branches.map((b) => build(b, context, seen, next));
      if (built.every((b) => !b.length)) return [];
      return built.flatMap((b, i) => (b.length ? b : [fromParts(branches[i], [{ value: branches[i], spec: '' }], 'value')]));
    }
    case 'boolean_operator': {
      // `request.args.get("next") or "/"`: either operand may be the value.
      const sides = [expr.childForFieldName('left'), expr.childForFieldName('right')].filter((b): b is SyntaxNode => !!b);
      const built = sides.map((b) => build(b, context, seen, next));
      if (built.every((b) => !b.length)) return [];
      return built.flatMap((b, i) => (b.length ? b : [fromParts(sides[i], [{ value: sides[i], spec: '' }], 'value')]));
    }
    case 'identifier':
      return nameBuild(expr, context, seen, next);
    default:
      return [];
  }
}

type Part = string | { value: SyntaxNode; spec: string };

function fromParts(node: SyntaxNode, parts: readonly Part[], kind: BuiltString['kind']): BuiltString {
  let text = '';
  const holes: { value: SyntaxNode; before: string; spec: string; index: number }[] = [];
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else {
      holes.push({ value: part.value, before: text, spec: part.spec, index: text.length });
      text += holeMark;
    }
  }
  return {
    node,
    text,
    kind,
    holes: holes.map((h) => {
      const rest = text.slice(h.index + 1);
      const end = rest.indexOf(holeMark);
      return { value: h.value, before: h.before, spec: h.spec, after: end === -1 ? rest : rest.slice(0, end), ...(kind === 'value' ? { whole: true } : {}) };
    }),
  };
}

/** The parts of a string literal (f-string holes as values); undefined for bytes with interpolation oddities. */
function stringParts(node: SyntaxNode): Part[] | undefined {
  if (node.type === 'concatenated_string') {
    const parts: Part[] = [];
    for (const child of node.namedChildren) {
      if (!child || child.type === 'comment') continue;
      const inner = stringParts(child);
      if (!inner) return undefined;
      parts.push(...inner);
    }
    return parts;
  }
  if (node.type !== 'string') return undefined;
  const prefix = (node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '').replace(/["']+$/, '').toLowerCase();
  const isF = prefix.includes('f');
  const parts: Part[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content') parts.push(isF ? child.text.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : child.text);
    else if (child.type === 'interpolation') {
      const value = child.childForFieldName('expression');
      const conversion = child.childForFieldName('type_conversion')?.text ?? '';
      const format = child.childForFieldName('format_specifier')?.text ?? '';
      if (value) parts.push({ value, spec: `${conversion}${format}` });
    }
  }
  return parts;
}

function partsOf(built: BuiltString): Part[] {
  const parts: Part[] = [];
  const pieces = built.text.split(holeMark);
  pieces.forEach((piece, i) => {
    if (piece) parts.push(piece);
    const hole = built.holes[i];
    if (i < pieces.length - 1 && hole) parts.push({ value: hole.value, spec: hole.spec });
  });
  return parts;
}

function concatenation(expr: SyntaxNode, context: RuleContext, seen: Set<string>, depth: number): BuiltString[] {
  // `a + b + c` nests to the left: walk it with a stack, and give up on generated chains thousands of terms long.
  const operands: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [expr];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '+') {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (right) stack.push(right);
      if (left) stack.push(left);
    } else operands.push(n);
    if (operands.length + stack.length > maxOperands) return [];
  }
  // Only string concatenation: at least one operand must be visibly a string.
  const parts: Part[] = [];
  let sawString = false;
  for (const operand of operands) {
    const inner = operand.type === 'parenthesized_expression' ? operand.namedChildren.find((c) => c && c.type !== 'comment') ?? operand : operand;
    const built = isStringish(inner) ? build(inner, context, seen, depth) : singleConstantName(inner, context, seen, depth);
    if (built.length === 1) {
      sawString = true;
      parts.push(...partsOf(built[0]));
    } else parts.push({ value: operand, spec: '' });
  }
  return sawString ? [fromParts(expr, parts, 'concatenation')] : [];
}

function isStringish(node: SyntaxNode): boolean {
  if (node.type === 'string' || node.type === 'concatenated_string') return true;
  if (node.type === 'binary_operator') {
    const op = node.childForFieldName('operator')?.text;
    return op === '%' ? isStringish(node.childForFieldName('left') ?? node) : op === '+' && [node.childForFieldName('left'), node.childForFieldName('right')].some((c) => c && isStringish(c));
  }
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    const receiver = callee?.childForFieldName('object');
    return (method === 'format' || method === 'join') && !!receiver && isStringish(receiver);
  }
  return false;
}

/** A name bound once to a string literal (`BASE = "SELECT ..."`): its text joins the concatenation. */
function singleConstantName(node: SyntaxNode, context: RuleContext, seen: Set<string>, depth: number): BuiltString[] {
  if (node.type !== 'identifier') return [];
  const built = nameBuild(node, context, seen, depth);
  return built.length === 1 ? built : [];
}

function percentFormat(expr: SyntaxNode, context: RuleContext, seen: Set<string>, depth: number): BuiltString[] {
  const left = expr.childForFieldName('left');
  const right = expr.childForFieldName('right');
  if (!left || !right) return [];
  const templates = build(left, context, seen, depth);
  if (templates.length !== 1) return [];
  const template = templates[0];
  const values = right.type === 'tuple' ? right.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment') : undefined;
  const byKey = right.type === 'dictionary' ? dictionaryValues(right) : undefined;
  const parts: Part[] = [];
  let position = 0;
  for (const part of partsOf(template)) {
    if (typeof part !== 'string') {
      parts.push(part);
      continue;
    }
    let last = 0;
    for (const match of part.matchAll(percentSpec)) {
      const conversion = match[2];
      parts.push(part.slice(last, match.index));
      last = (match.index ?? 0) + match[0].length;
      if (conversion === '%') {
        parts.push('%');
        continue;
      }
      const key = match[1]?.slice(1, -1);
      let value: SyntaxNode | undefined;
      if (key !== undefined) value = byKey?.get(key) ?? right;
      else if (values) value = values[position++];
      else value = right;
      parts.push(value ? { value, spec: conversion } : match[0]);
    }
    parts.push(part.slice(last));
  }
  return [fromParts(expr, parts.filter((p) => p !== ''), 'percent')];
}

function dictionaryValues(dict: SyntaxNode): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    const text = key?.type === 'string' ? key.text.replace(/^[a-zA-Z]*["']|["']$/g, '') : undefined;
    if (text !== undefined && value) out.set(text, value);
  }
  return out;
}

function callBuild(expr: SyntaxNode, context: RuleContext, seen: Set<string>, depth: number): BuiltString[] {
  const callee = expr.childForFieldName('function');
  const args = expr.childForFieldName('arguments');
  if (callee?.type !== 'attribute' || !args) return [];
  const method = callee.childForFieldName('attribute')?.text;
  const receiver = callee.childForFieldName('object');
  if (!receiver) return [];
  if (method === 'format' && args.type === 'argument_list') {
    const templates = build(receiver, context, seen, depth);
    if (templates.length !== 1) return [];
    return [formatCall(expr, templates[0], args)];
  }
  if (method === 'join') {
    const templates = build(receiver, context, seen, depth);
    if (templates.length !== 1 || templates[0].holes.length) return [];
    const separator = templates[0].text;
    const iterable = args.type === 'argument_list' ? args.namedChildren.find((c) => c && c.type !== 'comment') : args;
    if (!iterable) return [];
    if (iterable.type === 'list' || iterable.type === 'tuple') {
      const parts: Part[] = [];
      iterable.namedChildren.forEach((item, i) => {
        if (!item || item.type === 'comment') return;
        if (i > 0) parts.push(separator);
        const inner = isStringish(item) ? build(item, context, seen, depth) : [];
        if (inner.length === 1) parts.push(...partsOf(inner[0]));
        else parts.push({ value: item, spec: '' });
      });
      return [fromParts(expr, parts, 'join')];
    }
    if (isPlaceholderList(iterable)) return [fromParts(expr, [`?${separator}?`], 'join')];
    return [fromParts(expr, [{ value: iterable, spec: '' }], 'join')];
  }
  return [];
}

/** `["%s"] * len(ids)`, `"?" * n`, `("%s" for _ in ids)`: a list of placeholders, not data. */
export function isPlaceholderList(node: SyntaxNode): boolean {
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '*') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    return [left, right].some((side) => !!side && (side.type === 'string' || (side.type === 'list' && side.namedChildren.every((c) => c?.type === 'string'))) && !side.text.includes('{'));
  }
  if (node.type === 'generator_expression' || node.type === 'list_comprehension') {
    const body = node.childForFieldName('body');
    return body?.type === 'string' && !body.namedChildren.some((c) => c?.type === 'interpolation');
  }
  return false;
}

function formatCall(expr: SyntaxNode, template: BuiltString, args: SyntaxNode): BuiltString {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  let splat: SyntaxNode | undefined;
  for (const arg of args.namedChildren) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (name && value) keywords.set(name, value);
    } else if (arg.type === 'dictionary_splat' || arg.type === 'list_splat') splat = arg;
    else positional.push(arg);
  }
  let auto = 0;
  const parts: Part[] = [];
  for (const part of partsOf(template)) {
    if (typeof part !== 'string') {
      parts.push(part);
      continue;
    }
    let last = 0;
    for (const match of part.matchAll(formatField)) {
      parts.push(part.slice(last, match.index));
      last = (match.index ?? 0) + match[0].length;
      if (match[0] === '{{' || match[0] === '}}') {
        parts.push(match[0][0]);
        continue;
      }
      const field = (match[1] ?? '').trim();
      const head = /^[^.[]*/.exec(field)?.[0] ?? '';
      let value: SyntaxNode | undefined;
      if (head === '') value = positional[auto++];
      else if (/^\d+$/.test(head)) value = positional[Number(head)];
      else value = keywords.get(head);
      value ??= splat;
      parts.push(value ? { value, spec: `${match[2] ?? ''}${match[3] ?? ''}` } : match[0]);
    }
    parts.push(part.slice(last));
  }
  return fromParts(expr, parts.filter((p) => p !== ''), 'format');
}

function nameBuild(node: SyntaxNode, context: RuleContext, seen: Set<string>, depth: number): BuiltString[] {
  const name = node.text;
  if (seen.has(name)) return [];
  const inner = new Set(seen).add(name);
  const resolution = resolveName(name, node, context);
  if (resolution.scope === 'unbound' || resolution.bindings.some((b) => b.kind === 'parameter' || b.kind === 'import')) return [];
  const out: BuiltString[] = [];
  let bindings = resolution.bindings;
  if (resolution.scope === 'local') {
    // Only bindings before the use can feed it, and a plain assignment on the way to the use replaces earlier ones.
    bindings = bindings.filter((b) => !b.value || b.value.startIndex < node.startIndex);
    for (let i = bindings.length - 1; i > 0; i--) {
      const value = bindings[i].value;
      if (bindings[i].kind === 'assignment' && value && dominates(value, node)) {
        bindings = bindings.slice(i);
        break;
      }
    }
  }
  const unbuilt: SyntaxNode[] = [];
  for (const binding of bindings) {
    if (!binding.value || (binding.kind !== 'assignment' && binding.kind !== 'augmented' && binding.kind !== 'walrus')) continue;
    const built = build(binding.value, context, inner, depth);
    if (built.length) out.push(...built);
    else if (binding.kind === 'augmented') out.push(fromParts(binding.value, [{ value: binding.value, spec: '' }], 'concatenation'));
    else unbuilt.push(binding.value);
  }
  // `q = request.args["q"]` then `if not q: q = "*"`: the value that is not built from literals still reaches the use
  // whole. The use itself stands for it, so checks between the assignment and the use count.
  if (out.length && unbuilt.length) out.push(fromParts(node, [{ value: node, spec: '' }], 'value'));
  return out;
}

/** True when the statement assigning `value` sits in a block that also holds `use`, so every path to the use runs it. */
function dominates(value: SyntaxNode, use: SyntaxNode): boolean {
  let statement: SyntaxNode | null = value;
  while (statement && statement.type !== 'expression_statement') statement = statement.parent;
  const block = statement?.parent;
  if (!statement || !block) return false;
  return use.startIndex >= block.startIndex && use.endIndex <= block.endIndex && use.startIndex > statement.endIndex;
}
