// code-injection for JavaScript/TypeScript: eval, the Function constructor, the vm module and string timers given non-constant code.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { piecesOf } from './lib/built-strings';
import { constantString, findBinding, literalText, unwrap } from './lib/constant-strings';
import { nameOf } from './lib/name-words';
import { readsUntrustedInput } from './lib/untrusted-input';
import { functionTextBefore, namesIn } from './lib/validation-guards';

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
  triggers: /eval|Eval|Function|setTimeout|setInterval|runInNewContext|runInThisContext|runInContext|compileFunction|Script|SourceTextModule|require|import|notevil|evaluate/,
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
      if (sink === 'vm' && code.length === 1 && constantString(code[0]) !== undefined) return checkSandboxEval(context, node, code[0], args);
      if (code.length === 0 || code.every((arg) => isConstant(arg, sink))) return;
      if (context.isTestCode(node)) return;
      const flows = code.map((arg) => context.taint.flowOf(arg, 'code-injection'));
      const source = flows.find((flow) => flow && !flow.sanitized)?.source;
      // Input that passed an allow-list check (or a sanitizer) on its way is not code the client chose.
      if (!source && flows.some((flow) => flow?.sanitized)) return;
      const untrusted = !!source || code.some((arg) => readsUntrustedInput(arg));
      // Arity wrappers (`'return function (' + args + ') {…'`) generate only parameter names: quiet unless input reaches them.
      if (!untrusted && code.every((arg, i) => isConstant(arg, sink) || isGeneratedParameterList(arg, sink, i === code.length - 1))) return;
      // The fix of template engines and calculators: every dynamic part checked first (`if (!IDENT.test(name)) throw`).
      if (!untrusted && code.every((arg) => isConstant(arg, sink) || checkedParts(arg, node))) return;
      const jsonText = sink === 'eval' ? jsonBeingParsed(code[0]) : undefined;
      context.report({
        node,
        message: jsonText ? jsonMessage : source ? sourcedMessage(sink, source.label, (isNew ? 'new ' : '') + calleeLabel(callee)) : messages[sink],
        confidence: untrusted ? 'high' : 'medium',
        ...(jsonText ? { fix: jsonParseFix(node, jsonText, context) } : {}),
      });
    };
    return {
      call_expression: (node: SyntaxNode) => {
        visit(node, false);
        checkModuleLoad(context, node);
        checkEvaluator(context, node);
      },
      new_expression: (node: SyntaxNode) => visit(node, true),
    };
  },
});

/**
 * Whether every dynamic part of a code string passed a pattern test or an allow-list before the call
 * (`if (!IDENT.test(opts.localsName)) throw …`, `if (!/^[\d+*\/() -]+$/.test(expr)) …`). Weaker checks
 * (`startsWith('function')`, `typeof`) say nothing about what the code does.
 */
function checkedParts(arg: SyntaxNode, call: SyntaxNode): boolean {
  const before = functionTextBefore(call);
  if (!/\.(test|has|includes)\(/.test(before)) return false;
  const tested = (node: SyntaxNode): boolean => [...namesIn(node)].some((n) => new RegExp(`\\.(test|has|includes)\\(\\s*${n.replace(/[$.]/g, '\\$&')}\\s*\\)`).test(before));
  if (tested(arg)) return true;
  const parts = piecesOf(arg).filter((p) => p.node).map((p) => p.node!);
  return parts.length > 0 && parts.every((p) => /^JSON\.stringify\(/.test(p.text) || tested(p));
}

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

/**
 * `require(req.query.name)`, `await import(name)` with request data: loading a module runs its code, and with a path
 * (or an npm name the attacker published) the client chooses which. Only for a known source: plugin loaders take names
 * from configuration all the time.
 */
function checkModuleLoad(context: RuleContext, node: SyntaxNode): void {
  const callee = node.childForFieldName('function');
  if (!callee || (callee.type !== 'import' && !(callee.type === 'identifier' && callee.text === 'require'))) return;
  if (callee.type === 'identifier' && findBinding(callee)) return;
  reportFirstArgument(context, node, (source) => `${callee.text}() loads a module named by ${source}, and loading a module runs its code, so the client picks what runs; map the input to a fixed set of module paths.`);
}

/** Reports the first argument of a call when request data reaches it (not a constant, not test code). */
function reportFirstArgument(context: RuleContext, node: SyntaxNode, message: (source: string) => string): void {
  const arg = node.childForFieldName('arguments')?.namedChildren[0];
  if (!arg || constantString(arg) !== undefined || context.isTestCode(node)) return;
  const source = context.taint.sourceOf(arg, 'code-injection');
  if (source) context.report({ node: arg, confidence: 'high', message: message(source.label) });
}

/** "Safe" evaluators that have been escaped (safe-eval, notevil, static-eval): request data in them is still code. */
const evaluators = /^(safeEval|safe-eval|notevil|staticEval|static-eval)$/;
/** mathjs's old `eval` (before 4.x it could reach the Function constructor). */
const mathEval = /^(mathjs|math)\.eval$/;

function checkEvaluator(context: RuleContext, node: SyntaxNode): void {
  const callee = node.childForFieldName('function');
  if (callee?.type !== 'identifier' && callee?.type !== 'member_expression') return;
  const resolved = context.resolveCallee(callee) ?? callee.text;
  if (!evaluators.test(resolved) && !evaluators.test(callee.text) && !mathEval.test(callee.text.replace(/\s+/g, '')) && !/^mathjs\.eval$/.test(resolved)) return;
  reportFirstArgument(context, node, (source) => `${callee.text}() evaluates code built from ${source}, and these "safe" evaluators have known sandbox escapes; parse the input as data (JSON.parse) or dispatch through an allow-list of operations.`);
}

/**
 * `vm.runInContext('safeEval(orderLinesData)', { safeEval, orderLinesData: req.body.orderLinesData })`: constant code
 * that evaluates a context variable holding request data.
 */
function checkSandboxEval(context: RuleContext, node: SyntaxNode, code: SyntaxNode, args: SyntaxNode): void {
  const text = constantString(code) ?? '';
  const evaluated = /\b(?:eval|safeEval|notevil|Function)\s*\(\s*([A-Za-z_$][\w$]*)/.exec(text)?.[1];
  if (!evaluated || context.isTestCode(node)) return;
  const sandbox = args.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment')[1];
  if (!sandbox) return;
  let object = unwrap(sandbox);
  if (object?.type === 'identifier') object = unwrap(findBinding(object)?.value);
  if (object?.type !== 'object') return;
  for (const pair of object.namedChildren) {
    const name = pair?.type === 'shorthand_property_identifier' ? pair.text : pair?.type === 'pair' ? pair.childForFieldName('key')?.text : undefined;
    if (name !== evaluated || !pair) continue;
    const value = pair.type === 'pair' ? pair.childForFieldName('value') ?? pair : pair;
    const source = context.taint.sourceOf(value, 'code-injection');
    if (!source) return;
    context.report({
      node,
      confidence: 'high',
      message: `The vm code evaluates ${evaluated}, which holds ${source.label}, so the client's text runs as code, and the vm module is not a security boundary; parse the input as data instead of evaluating it.`,
    });
    return;
  }
}
