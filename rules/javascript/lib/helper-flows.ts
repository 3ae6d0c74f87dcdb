// Owns following untrusted arguments into the file's own helper functions: which parameter of a local helper reaches a sink of a hazard there, unsanitized, and reporting it at the call.
import { statementFact, statementsMatch, type Detector, type Fix, type RuleContext, type SyntaxNode, type TriggerFile, type Triggers } from '../../api';
import { unwrap } from './constant-strings';
import { enclosingFunction, sameNode } from './built-strings';
import { factsOf } from './function-facts';
import { lookupBinding } from './scope-bindings';
import { argumentsOf, matchSinks, type SinkMatch } from './sink-calls';
import { shorten } from './injection-assessment';

/** A sink inside a helper that one of its parameters reaches. */
export interface HelperSink {
  readonly match: SinkMatch;
  /** The piece of the sink's value that carries the parameter (`name` in `path.join(root, name)`). */
  readonly leaf: SyntaxNode;
  /** The helper's name, for messages. */
  readonly helper: string;
}

export interface HelperFlowOptions {
  readonly hazard: string;
  /** A sink the helper already guards (a containment check, an allow-list) is no hazard. */
  readonly guarded?: (match: SinkMatch, leaf: SyntaxNode) => boolean;
  /** Only sinks whose parameter rides in a value this accepts (e.g. joined onto a base directory). */
  readonly accepts?: (match: SinkMatch, leaf: SyntaxNode) => boolean;
  /** One sentence: the hazard and the safer alternative. */
  readonly message: (source: string, argument: string, sink: HelperSink) => string;
  /**
   * A fix inside the helper. Besides helping, its edit lies outside the calling unit, which makes the editor's unit cache
   * analyse the call again whenever the helper above that edit changes.
   */
  readonly fix?: (context: RuleContext, sink: HelperSink) => Fix | undefined;
  /** Sources that are no attack on this hazard (a CLI's own arguments naming the files it reads). */
  readonly ignoresSource?: (label: string) => boolean;
}

const functionTypes = new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'generator_function_declaration', 'generator_function']);
/** Calls whose arguments pass into their result, so a parameter inside them still reaches the sink. */
const passThrough = /^(path\.(join|resolve|normalize|posix\.join|win32\.join)|decodeURIComponent|decodeURI|String|url\.resolve|util\.format|format)$/;
const maxLeaves = 16;

/** The function a call's callee names when it is declared in this file (in an enclosing block or at the top). */
export function localFunction(call: SyntaxNode): SyntaxNode | undefined {
  const callee = unwrap(call.childForFieldName('function'));
  if (callee?.type !== 'identifier') return undefined;
  const binding = lookupBinding(callee);
  if (!binding) return undefined;
  if (binding.kind !== 'function') {
    const value = unwrap(binding.value);
    return value && functionTypes.has(value.type) ? value : undefined;
  }
  return binding.declaration;
}

/** Per parse tree, per helper and hazard: the sink each parameter position reaches. */
const summaries = new WeakMap<object, Map<string, ReadonlyMap<number, HelperSink>>>();

/** For each parameter position of `fn`, the first sink of `hazard` its value reaches unsanitized inside `fn`. */
function parameterSinks(context: RuleContext, fn: SyntaxNode, options: HelperFlowOptions): ReadonlyMap<number, HelperSink> {
  const tree = fn.tree;
  let perTree = summaries.get(tree);
  if (!perTree) summaries.set(tree, (perTree = new Map()));
  const key = `${fn.id}:${fn.startIndex}:${options.hazard}`;
  let summary = perTree.get(key);
  if (summary) return summary;
  const result = new Map<number, HelperSink>();
  perTree.set(key, result);
  const params = parameterList(fn);
  const helper = fn.childForFieldName('name')?.text ?? fn.parent?.childForFieldName('name')?.text ?? 'the helper';
  for (const call of factsOf(fn, fn).calls) {
    if (!sameNode(enclosingFunction(call), fn)) continue;
    const [match] = matchSinks(context, call, options.hazard);
    if (!match) continue;
    for (const leaf of leavesOf(match.value)) {
      const source = context.taint.sourceOf(leaf, options.hazard, { parameters: true });
      if (!source?.parameter) continue;
      const index = params.indexOf(source.label.replace(/^parameter /, ''));
      if (index === -1 || result.has(index)) continue;
      if (options.accepts && !options.accepts(match, leaf)) continue;
      if (options.guarded?.(match, leaf)) continue;
      result.set(index, { match, leaf, helper });
    }
  }
  return result;
}

/** The simple parameter names of a function, by position (a destructured parameter holds no single name: ''). */
export function parameterList(fn: SyntaxNode): string[] {
  const single = fn.childForFieldName('parameter');
  if (single) return [single.text];
  const params = fn.childForFieldName('parameters');
  return (params?.namedChildren ?? []).filter((p): p is SyntaxNode => !!p && p.type !== 'comment').map((p) => {
    const inner = p.childForFieldName('pattern') ?? p.childForFieldName('left') ?? p;
    return inner.type === 'identifier' ? inner.text : '';
  });
}

/** The pieces of a sink's value that may carry a parameter: the arguments of `path.join`, the parts of a template or `+`. */
function leavesOf(value: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const visit = (raw: SyntaxNode, depth: number): void => {
    const node = unwrap(raw) ?? raw;
    if (out.length >= maxLeaves || depth > 4) return;
    if (node.type === 'string' || node.type === 'number') return;
    if (node.type === 'call_expression' && passThrough.test(node.childForFieldName('function')?.text ?? '')) {
      for (const arg of argumentsOf(node)) visit(arg, depth + 1);
      return;
    }
    if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+') {
      for (const side of [node.childForFieldName('left'), node.childForFieldName('right')]) if (side) visit(side, depth + 1);
      return;
    }
    if (node.type === 'template_string') {
      for (const child of node.namedChildren) if (child?.type === 'template_substitution' && child.namedChildren[0]) visit(child.namedChildren[0], depth + 1);
      return;
    }
    out.push(node);
  };
  visit(value, 0);
  return out;
}

/**
 * Checks a call of a local helper: an argument carrying untrusted data into a parameter that reaches a sink inside the
 * helper is reported on the argument, at the call, where the untrusted data enters.
 */
function checkHelperCall(context: RuleContext, call: SyntaxNode, options: HelperFlowOptions): void {
  if (bundleSized(call.tree)) return;
  const fn = localFunction(call);
  if (!fn || context.isTestCode(call)) return;
  // A helper defined inside the call's own function sees the same data flow directly; recursion says nothing new.
  if (sameNode(fn, enclosingFunction(call))) return;
  const sinks = parameterSinks(context, fn, options);
  if (sinks.size === 0) return;
  const args = argumentsOf(call);
  for (const [index, sink] of sinks) {
    const arg = args[index];
    if (!arg) continue;
    const source = context.taint.sourceOf(arg, options.hazard);
    if (!source || options.ignoresSource?.(source.label)) continue;
    context.report({ node: arg, confidence: 'high', message: options.message(source.label, shorten(arg.text), sink), fix: options.fix?.(context, sink) });
    return;
  }
}

/**
 * Files this large are bundles or generated code (TypeScript's own `_tsc.js` is 6 MB): thousands of helpers called from
 * thousands of places, where summarising every helper costs more than the whole scan and finds nothing a person wrote.
 * Such files skip helper flows; sinks inside their functions are still judged where they are.
 */
const maxHelperFlowText = 1024 * 1024;
const bundleSizes = new WeakMap<object, boolean>();

function bundleSized(tree: SyntaxNode['tree']): boolean {
  let large = bundleSizes.get(tree);
  if (large === undefined) bundleSizes.set(tree, (large = tree.rootNode.endIndex > maxHelperFlowText));
  return large;
}

/** Calls of names the file declares as functions, when the file also mentions a sink (what `checkHelperCall` needs). */
function helperCallPattern(file: TriggerFile): string | undefined {
  if (file.text.length > maxHelperFlowText) return undefined;
  if (!file.statements) return callPatternOf(file);
  // Every rule with helper flows asks, once per analysis.
  if (!callPatterns.has(file.statements)) callPatterns.set(file.statements, callPatternOf(file));
  return callPatterns.get(file.statements);
}

const callPatterns = new WeakMap<readonly string[], string | undefined>();

function callPatternOf(file: TriggerFile): string | undefined {
  const names = new Set<string>();
  for (const declared of declaredFunctions(file)) {
    for (const name of declared) if (names.size < 200) names.add(name);
  }
  return names.size ? `(?<![\\w$.])(?:${[...names].join('|')})\\s*\\(` : undefined;
}

/** The names a statement declares as functions (at any depth), escaped for a pattern. */
const declaredFunctions = statementFact((text) => {
  const names: string[] = [];
  for (const m of text.matchAll(/\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?(?:function\b|\([^()]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/g)) {
    const name = m[1] ?? m[2];
    if (name) names.push(name.replace(/\$/g, '\\$'));
  }
  return names;
});

/**
 * A detector that also follows untrusted arguments into the file's helpers: the same visitors, plus `checkHelperCall` on
 * every call, with triggers widened to calls of the file's own functions when the file mentions one of the rule's sinks.
 */
export function withHelperFlows(detector: Detector, options: HelperFlowOptions): Detector {
  const base = detector.triggers;
  const widenings = new WeakMap<RegExp, Map<string, RegExp | Triggers>>();
  const triggers = (file: TriggerFile): RegExp | Triggers => {
    const own = typeof base === 'function' ? base(file) : base;
    if (!own) return /[^]/;
    const text = own instanceof RegExp ? own : own.text;
    // Without a sink in the file no helper holds one: the rule's own triggers decide.
    if (!statementsMatch(file, text) && !(own instanceof RegExp ? false : file.bindings.some((b) => own.imports?.test(b.imported ? `${b.module}.${b.imported}` : b.module)))) return own;
    const calls = helperCallPattern(file);
    if (!calls) return own;
    // The same triggers for the same helpers: built once, not per analysis (the source is kilobytes long).
    let byCalls = widenings.get(text);
    if (!byCalls) widenings.set(text, (byCalls = new Map()));
    let widened = byCalls.get(calls);
    if (!widened) {
      if (byCalls.size >= 16) byCalls.clear();
      const pattern = new RegExp(`${text.source}|${calls}`, text.flags.replace('g', ''));
      byCalls.set(calls, (widened = own instanceof RegExp ? pattern : { ...own, text: pattern }));
    }
    return widened;
  };
  return {
    ...detector,
    triggers,
    create(context) {
      const visitors = detector.create(context);
      const own = visitors.call_expression;
      return {
        ...visitors,
        call_expression(node: SyntaxNode) {
          own?.(node);
          checkHelperCall(context, node, options);
        },
      };
    },
  };
}
