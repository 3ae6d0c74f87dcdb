// Owns deciding whether a Python expression is a constant: its value is fixed by the source text alone.
import type { RuleContext, SyntaxNode } from '../../api';
import { resolveCallee, resolveName } from './scope';

const literalTypes = new Set(['integer', 'float', 'true', 'false', 'none', 'ellipsis']);
const collectionTypes = new Set(['tuple', 'list', 'set', 'expression_list']);
/** str methods whose result is constant when the receiver and the arguments are. */
const pureStringMethods = new Set([
  'format', 'join', 'strip', 'lstrip', 'rstrip', 'replace', 'lower', 'upper', 'title', 'encode', 'decode', 'splitlines',
  'removeprefix', 'removesuffix', 'expandtabs', 'ljust', 'rjust', 'center', 'zfill',
]);
/** Functions whose result is constant when their arguments are. */
const pureFunctions = new Set(['str', 'repr', 'textwrap.dedent', 'textwrap.indent', 'inspect.cleandoc', 'dedent', 'cleandoc']);

/** Names in UPPER_CASE are constants by convention (PEP 8); imported ones cannot be read, so the convention decides. */
const constantName = /^_?[A-Z][A-Z0-9_]*$/;

/** True when the expression's value is fixed by the source: literals, their concatenations, and names bound only to those. */
export function isConstant(node: SyntaxNode, context: RuleContext): boolean {
  return constant(node, context, new Set(), 0);
}

function constant(node: SyntaxNode, context: RuleContext, seen: Set<string>, depth: number): boolean {
  if (depth > 12) return false;
  const next = depth + 1;
  const all = (nodes: readonly (SyntaxNode | null)[]): boolean => nodes.every((n) => !n || n.type === 'comment' || constant(n, context, seen, next));
  switch (node.type) {
    case 'string':
      // Interpolated values are constant only when they are themselves constant: f"{PREFIX}_x".
      return all(node.namedChildren.filter((c) => c?.type === 'interpolation').map((c) => c!.childForFieldName('expression')));
    case 'concatenated_string':
    case 'parenthesized_expression':
      return all(node.namedChildren);
    case 'binary_operator':
      return all([node.childForFieldName('left'), node.childForFieldName('right')]);
    case 'conditional_expression': {
      // `A if cond else B`: the condition picks between constants, it adds no value of its own.
      const [whenTrue, , whenFalse] = node.namedChildren;
      return all([whenTrue, whenFalse]);
    }
    case 'identifier':
      return constantIdentifier(node, context, seen, next);
    case 'call':
      return constantCall(node, context, seen, next);
    default:
      if (literalTypes.has(node.type)) return true;
      if (collectionTypes.has(node.type)) return all(node.namedChildren);
      return false;
  }
}

function constantIdentifier(node: SyntaxNode, context: RuleContext, seen: Set<string>, depth: number): boolean {
  const name = node.text;
  if (seen.has(name)) return false;
  const resolution = resolveName(name, node, context);
  if (resolution.scope === 'unbound') return false;
  if (resolution.bindings.length === 1 && resolution.bindings[0].kind === 'import') return constantName.test(name);
  const inner = new Set(seen).add(name);
  return resolution.bindings.every((b) => {
    if (!b.value) return false;
    if (b.kind === 'assignment' || b.kind === 'augmented' || b.kind === 'walrus') return constant(b.value, context, inner, depth);
    // for name in ("a", "b"): each value the loop takes is a constant.
    if (b.kind === 'loop') return constant(b.value, context, inner, depth);
    return false;
  });
}

function constantCall(node: SyntaxNode, context: RuleContext, seen: Set<string>, depth: number): boolean {
  const callee = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!callee || args?.type !== 'argument_list') return false;
  const argsConstant = args.namedChildren.every((a) => {
    if (!a || a.type === 'comment') return true;
    const value = a.type === 'keyword_argument' ? a.childForFieldName('value') : a;
    return value !== null && constant(value, context, seen, depth);
  });
  if (!argsConstant) return false;
  if (callee.type === 'attribute') {
    const receiver = callee.childForFieldName('object');
    const method = callee.childForFieldName('attribute')?.text ?? '';
    if (receiver && pureStringMethods.has(method) && constant(receiver, context, seen, depth)) return true;
  }
  const resolved = resolveCallee(callee, context) ?? callee.text;
  return pureFunctions.has(resolved);
}
