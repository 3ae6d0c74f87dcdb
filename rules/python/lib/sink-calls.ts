// Owns matching Python calls against the sink tables in rules/models/python-sinks.ts and picking out the argument at risk.
import type { RuleContext, SyntaxNode, Triggers } from '../../api';
import type { SinkSpec } from '../../models/python-sinks';
import { resolveName } from './scope';

export interface SinkMatch {
  readonly spec: SinkSpec;
  readonly call: SyntaxNode;
  /** The argument that reaches the hazard. */
  readonly argument: SyntaxNode;
  /** The callee as written, for messages: `cursor.execute`, `os.system`. */
  readonly callee: string;
}

export interface CalleeNames {
  /** Resolved through the file's imports: 'subprocess.run'. */
  readonly resolved?: string;
  /** As written: 'sp.run', 'cursor.execute', 'open'. */
  readonly text: string;
  /** The method name when the callee is an attribute. */
  readonly method?: string;
  /** The name when the callee is a bare identifier. */
  readonly bare?: string;
}

export function calleeNames(call: SyntaxNode, context: RuleContext): CalleeNames | undefined {
  const callee = call.childForFieldName('function');
  if (!callee) return undefined;
  const method = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
  return { resolved: context.resolveCallee(callee), text: callee.text, method, bare: callee.type === 'identifier' ? callee.text : undefined };
}

const indexes = new WeakMap<readonly SinkSpec[], Map<string, SinkSpec[]>>();

/** The specs of a table whose callee ends in `name`: a table is indexed once, so a call costs one map lookup. */
function specsNamed(specs: readonly SinkSpec[], name: string): readonly SinkSpec[] {
  let index = indexes.get(specs);
  if (!index) {
    index = new Map();
    for (const spec of specs) {
      const last = spec.callee.replace(/^[.*]/, '').split('.').pop()!;
      index.set(last, [...(index.get(last) ?? []), spec]);
    }
    indexes.set(specs, index);
  }
  return index.get(name) ?? [];
}

/**
 * Triggers for a rule that looks only at calls whose `calleeLastName` is one of `names` (or a sink's name in `specs`):
 * the name is written in the unit (`cursor.execute`, `open`), or the unit calls a local name imported as one of them
 * (`from os import system as run`), which `calleeLastName` reads through the import. `extra` adds other spellings.
 */
export function callTriggers(names: Iterable<string | undefined>, extra?: RegExp): Triggers {
  const list = [...new Set(names)].filter((n): n is string => !!n).map((n) => n.replace(/[$.*+?^(){}|[\]\\-]/g, '\\$&'));
  if (list.length === 0) throw new Error('callTriggers needs at least one name');
  const words = `\\b(?:${list.join('|')})\\b`;
  return {
    text: new RegExp(extra ? `${words}|${extra.source}` : words, extra?.flags.includes('i') ? 'i' : ''),
    imports: new RegExp(`(?:^|\\.)(?:${list.join('|')})$`),
  };
}

/** Every spec of `specs` the call matches, with its argument. */
export function matchSinks(call: SyntaxNode, specs: readonly SinkSpec[], context: RuleContext): SinkMatch[] {
  const named = specsNamed(specs, calleeLastName(call, context) ?? '');
  if (!named.length) return [];
  const names = calleeNames(call, context);
  const args = call.childForFieldName('arguments');
  if (!names || args?.type !== 'argument_list') return [];
  const out: SinkMatch[] = [];
  for (const spec of named) {
    if (!calleeMatches(spec.callee, names, call, context)) continue;
    if (spec.when && !isTruthyLiteral(keywordArgument(args, spec.when))) continue;
    if (spec.safeWith?.some((k) => keywordArgument(args, k))) continue;
    const argument = argumentAt(args, spec.arg ?? 0, spec.keyword);
    if (argument) out.push({ spec, call, argument, callee: names.text });
  }
  return out;
}

export function calleeMatches(pattern: string, names: CalleeNames, call: SyntaxNode, context: RuleContext): boolean {
  if (pattern.startsWith('.')) return names.method === pattern.slice(1);
  if (pattern.startsWith('*')) {
    const name = pattern.slice(1);
    if (names.resolved) return names.resolved === name || names.resolved.endsWith(`.${name}`);
    return names.bare === name && resolveName(name, call, context).scope === 'unbound';
  }
  if (names.resolved) return names.resolved === pattern;
  if (names.text !== pattern) return false;
  // A bare builtin (`open`) counts only when nothing in reach rebinds the name.
  return !names.bare || resolveName(names.bare, call, context).scope === 'unbound';
}

/** The value of keyword argument `name`, or undefined. */
export function keywordArgument(args: SyntaxNode | null | undefined, name: string): SyntaxNode | undefined {
  for (const arg of args?.namedChildren ?? []) {
    if (arg?.type === 'keyword_argument' && arg.childForFieldName('name')?.text === name) return arg.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** The positional arguments before any `*args` splat (after one, positions are unknown). */
export function positionalArguments(args: SyntaxNode | null | undefined): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const arg of args?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment' || arg.type === 'keyword_argument') continue;
    if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') break;
    out.push(arg);
  }
  return out;
}

export function argumentAt(args: SyntaxNode, position: number, keyword?: string): SyntaxNode | undefined {
  const byKeyword = keyword ? keywordArgument(args, keyword) : undefined;
  return byKeyword ?? positionalArguments(args)[position];
}

export function isTruthyLiteral(node: SyntaxNode | undefined): boolean {
  if (!node) return false;
  if (node.type === 'true') return true;
  if (node.type === 'integer') return node.text !== '0';
  return false;
}

/** The call whose argument list holds `node` directly, or undefined. */
export function callOfArgument(node: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = node.parent;
  if (n?.type === 'keyword_argument') n = n.parent;
  return n?.type === 'argument_list' ? n.parent ?? undefined : undefined;
}

/**
 * Every rule of the family looks at every call: the engine hands each visitor the same node object, so what one rule
 * reads about a call's callee is kept for the others.
 */
const lastNames = new WeakMap<SyntaxNode, string>();

/** The last name of a call's callee, through an import alias (`from mako.template import Template as T; T(...)` → Template). */
export function calleeLastName(call: SyntaxNode, context: RuleContext): string | undefined {
  const known = lastNames.get(call);
  if (known !== undefined) return known || undefined;
  const name = readLastName(call, context) ?? '';
  lastNames.set(call, name);
  return name || undefined;
}

function readLastName(call: SyntaxNode, context: RuleContext): string | undefined {
  // A call's first child is its callee and an attribute's last child its name: cheaper than field lookups.
  const callee = call.firstChild;
  if (!callee) return undefined;
  if (callee.type === 'attribute') return callee.lastChild?.text;
  if (callee.type !== 'identifier') return undefined;
  const text = callee.text;
  const binding = context.bindings.find((b) => b.local === text);
  return binding ? (binding.imported ?? binding.module).split('.').pop() : text;
}

const argumentTexts = new WeakMap<SyntaxNode, string>();

/** The call's argument list as written, shared between rules like `calleeLastName`: for cheap text checks before parsing. */
export function argumentText(call: SyntaxNode): string {
  let text = argumentTexts.get(call);
  if (text === undefined) {
    text = call.childForFieldName('arguments')?.text ?? '';
    argumentTexts.set(call, text);
  }
  return text;
}
