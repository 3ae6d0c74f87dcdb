// code-injection for JavaScript/TypeScript: eval, the Function constructor, the vm module and string timers given non-constant code.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { piecesOf } from './lib/built-strings';
import { constantString, findBinding, literalText, unwrap } from './lib/constant-strings';
import { nameOf } from './lib/name-words';
import { readsUntrustedInput } from './lib/untrusted-input';

type Sink = 'eval' | 'function' | 'vm' | 'timer';

const candidateCallee = /(^|[.'"\]\s])(eval|Function|setTimeout|setInterval|runInNewContext|runInThisContext|runInContext|compileFunction|Script|SourceTextModule)['"\])\s]*$/;
const globalObjects = new Set(['window', 'globalThis', 'global', 'self']);
const vmCalls = new Set(['vm.runInNewContext', 'vm.runInThisContext', 'vm.runInContext', 'vm.compileFunction']);
const vmConstructors = new Set(['vm.Script', 'vm.SourceTextModule']);

const messages: Record<Sink, string> = {
  eval: 'eval() of a non-constant string runs whatever code reaches it with the program\'s privileges; parse data with JSON.parse or dispatch through an allow-list of functions.',
  function: 'The Function constructor compiles a non-constant string into code that runs with the program\'s privileges; pass a real function or dispatch through an allow-list of operations.',
  vm: 'The vm module is not a security boundary, so code compiled from a non-constant string can reach the whole process; run untrusted code only in a separate unprivileged process or isolate.',
  timer: 'A string passed to setTimeout or setInterval is evaluated like eval(), so anything concatenated into it runs as code; pass a function instead.',
};
function sourcedMessage(sink: Sink, label: string, callee: string): string {
  switch (sink) {
    case 'eval':
      return `eval() runs code built from ${label}, so whoever controls it runs their own JavaScript; parse data with JSON.parse or dispatch through an allow-list of functions.`;
    case 'function':
      return `The Function constructor compiles code built from ${label}, so whoever controls it runs their own JavaScript; pass a real function or dispatch through an allow-list of operations.`;
    case 'vm':
      return `${callee} runs code built from ${label}, and the vm module is not a security boundary, so whoever controls it reaches the whole process; run untrusted code only in a separate unprivileged process or isolate.`;
    case 'timer':
      return `${callee} evaluates a string built from ${label} like eval(); pass a function instead.`;
  }
}

/** `vm.runInNewContext`, `new vm.Script`, `setTimeout`: the callee as written, for messages. */
function calleeLabel(callee: SyntaxNode): string {
  const text = callee.text.replace(/\s+/g, '');
  return text.length <= 40 ? text : (nameOf(callee) ?? 'this call');
}

const jsonMessage = 'eval() is parsing JSON-like text here, which also runs any code smuggled into it; use JSON.parse, which accepts only data.';

export default defineDetector({
  id: 'code-injection',
  family: 'javascript',
  // What `candidateCallee` accepts: the callee's text ends in one of these names.
  triggers: /eval|Function|setTimeout|setInterval|runInNewContext|runInThisContext|runInContext|compileFunction|Script|SourceTextModule/,
  anchored: true,
  create(context) {
    const visit = (node: SyntaxNode, isNew: boolean): void => {
      const callee = node.childForFieldName(isNew ? 'constructor' : 'function');
      // A cheap text test first: bundled libraries have hundreds of thousands of calls.
      if (!callee || !candidateCallee.test(callee.text)) return;
      const args = node.childForFieldName('arguments');
      if (!args) return;
      const sink = sinkOf(callee, isNew, context);
      if (!sink) return;
      const code = codeArguments(sink, args);
      if (code.length === 0 || code.every((arg) => isConstant(arg, sink))) return;
      if (context.isTestCode(node)) return;
      const flows = code.map((arg) => context.taint.flowOf(arg, 'code-injection'));
      const source = flows.find((flow) => flow && !flow.sanitized)?.source;
      // Input that passed an allow-list check (or a sanitizer) on its way is not code the client chose.
      if (!source && flows.some((flow) => flow?.sanitized)) return;
      const untrusted = !!source || code.some((arg) => readsUntrustedInput(arg));
      // Arity wrappers (`'return function (' + args + ') {…'`) generate only parameter names: quiet unless input reaches them.
      if (!untrusted && code.every((arg, i) => isConstant(arg, sink) || isGeneratedParameterList(arg, sink, i === code.length - 1))) return;
      const jsonText = sink === 'eval' ? jsonBeingParsed(code[0]) : undefined;
      context.report({
        node,
        message: jsonText ? jsonMessage : source ? sourcedMessage(sink, source.label, (isNew ? 'new ' : '') + calleeLabel(callee)) : messages[sink],
        confidence: untrusted ? 'high' : 'medium',
        ...(jsonText ? { fix: jsonParseFix(node, jsonText, context) } : {}),
      });
    };
    return {
      call_expression: (node: SyntaxNode) => visit(node, false),
      new_expression: (node: SyntaxNode) => visit(node, true),
    };
  },
});

function sinkOf(callee: SyntaxNode, isNew: boolean, context: RuleContext): Sink | undefined {
  let target = unwrap(callee);
  // `(0, eval)(code)` is the indirect-eval idiom.
  if (target?.type === 'sequence_expression') target = target.namedChildren[target.namedChildCount - 1] ?? undefined;
  if (!target) return undefined;
  const global = globalName(target);
  if (global === 'eval' && !isNew) return 'eval';
  if (global === 'Function') return 'function';
  if ((global === 'setTimeout' || global === 'setInterval') && !isNew) return 'timer';
  const resolved = context.resolveCallee(target);
  if (resolved && (isNew ? vmConstructors : vmCalls).has(resolved)) return 'vm';
  return undefined;
}

const globalSinks = new Set(['eval', 'Function', 'setTimeout', 'setInterval']);

/**
 * `eval`, `window.eval`, `globalThis['eval']` → 'eval', unless the file declares its own `eval`;
 * an alias of the global (`var Function = root.Function`, as bundled libraries write) still counts.
 */
function globalName(node: SyntaxNode): string | undefined {
  if (node.type === 'identifier') {
    if (!globalSinks.has(node.text)) return undefined;
    const binding = findBinding(node);
    if (!binding) return node.text;
    const value = unwrap(binding.value);
    return value?.type === 'member_expression' && nameOf(value) === node.text ? node.text : undefined;
  }
  if (node.type === 'member_expression' || node.type === 'subscript_expression') {
    const name = nameOf(node);
    if (!name || !globalSinks.has(name)) return undefined;
    const object = unwrap(node.childForFieldName('object'));
    if (object?.type !== 'identifier' || !globalObjects.has(object.text) || findBinding(object)) return undefined;
    return name;
  }
  return undefined;
}

/** The arguments that become code: the first for eval, vm and timers; every one for Function (parameter names are code too). */
function codeArguments(sink: Sink, args: SyntaxNode): SyntaxNode[] {
  const all = args.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment');
  return sink === 'function' ? all : all.slice(0, 1);
}

function isConstant(arg: SyntaxNode, sink: Sink): boolean {
  if (arg.type === 'spread_element') return false;
  if (constantString(arg) !== undefined) return true;
  // Timers take functions far more often than strings: only a string built at run time counts.
  if (sink === 'timer') return !isStringShaped(arg);
  return isNonString(arg);
}

/**
 * Whether the only dynamic parts of a Function argument are parameter lists: a leading argument of `Function` (parameter
 * names), or a part spliced between `function (` and `)` in the body.
 */
function isGeneratedParameterList(arg: SyntaxNode, sink: Sink, isLast: boolean): boolean {
  if (sink !== 'function') return false;
  if (!isLast) return arg.type !== 'spread_element';
  const pieces = piecesOf(arg);
  return pieces.every((piece, i) => {
    if (!piece.node) return true;
    const before = pieces.slice(0, i).map((p) => p.text ?? '\u0000').join('');
    const after = pieces.slice(i + 1).map((p) => p.text ?? '\u0000').join('');
    return /function\s*[\w$]*\s*\(\s*$/.test(before) && /^\s*\)/.test(after);
  });
}

/** Values that are not strings evaluate to themselves under eval: numbers, booleans, functions, objects. */
function isNonString(arg: SyntaxNode): boolean {
  const node = unwrap(arg);
  return !!node && ['number', 'true', 'false', 'null', 'undefined', 'arrow_function', 'function_expression', 'function', 'object', 'array'].includes(node.type);
}

function isStringShaped(arg: SyntaxNode, depth = 0): boolean {
  const node = unwrap(arg);
  if (!node || depth > 3) return false;
  if (node.type === 'string' || node.type === 'template_string') return true;
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.type === '+') {
    return isStringShaped(node.childForFieldName('left') ?? node, depth + 1) || isStringShaped(node.childForFieldName('right') ?? node, depth + 1);
  }
  if (node.type === 'identifier') {
    const value = findBinding(node)?.value;
    return !!value && isStringShaped(value, depth + 1);
  }
  return false;
}

/**
 * The expression holding JSON text when eval is the old JSON-parsing idiom:
 * `eval('(' + text + ')')`, eval(`(${text})`), or `eval(jsonText)`.
 */
function jsonBeingParsed(arg: SyntaxNode): SyntaxNode | undefined {
  const node = unwrap(arg);
  if (!node) return undefined;
  if (node.type === 'binary_expression') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left?.type !== 'binary_expression' || literalText(right)?.trim() !== ')') return undefined;
    const open = left.childForFieldName('left');
    const inner = left.childForFieldName('right');
    return literalText(open)?.trim() === '(' && inner ? inner : undefined;
  }
  if (node.type === 'template_string') {
    const parts = node.namedChildren.filter((c): c is SyntaxNode => !!c);
    const substitution = parts.filter((c) => c.type === 'template_substitution');
    const text = parts.filter((c) => c.type !== 'template_substitution').map((c) => c.text).join('');
    if (substitution.length !== 1 || text.replace(/\s/g, '') !== '()') return undefined;
    return substitution[0].namedChildren[0] ?? undefined;
  }
  if (node.type === 'identifier' || node.type === 'member_expression') {
    return /json/i.test(nameOf(node) ?? '') ? node : undefined;
  }
  return undefined;
}

function jsonParseFix(call: SyntaxNode, jsonText: SyntaxNode, context: RuleContext): Fix {
  return {
    title: 'Parse with JSON.parse (accepts only JSON data: code, comments and JavaScript-only literals are rejected)',
    edits: [{ range: context.rangeOf(call), newText: `JSON.parse(${jsonText.text})` }],
    preservesBehaviour: false,
  };
}
