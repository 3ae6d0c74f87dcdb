// code-injection for Python: the builtins eval, exec and compile applied to a string that is not a constant.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { isConstant } from './lib/constant-strings';
import { enclosingFunction, isBuiltin, resolveCallee, resolveName, topLevelStatement } from './lib/scope';
import { builtStrings } from './lib/built-strings';
import { describeSource, reportFlow } from './lib/flow-findings';
import { describeUntrustedInput } from './lib/untrusted-input';
import { mayReadInput } from './lib/value-origins';

const hazard = 'code-injection';
const evaluators = new Set(['eval', 'exec', 'compile']);
const alternative = 'parse data with ast.literal_eval or json.loads, or dispatch through an allow-list of functions';
/** Argument names that say the string is meant to be code: ast.literal_eval would break it, so no fix is offered. */
const codeLike = /code|expr|formula|src|source|cmd|command|script|stmt|statement|func|lambda|calc|math|predicate|condition|template|snippet|program/i;

export default defineDetector({
  id: 'code-injection',
  family: 'python',
  // `evaluators`, called bare or as `builtins.eval`, and the Python 2 exec statement.
  triggers: { text: /\b(?:eval|exec|compile|sympify|parse_expr|evaluate|import_module|__import__)\b/, imports: /(?:^|\.)(?:eval|sympify|parse_expr|evaluate|import_module)$/ },
  anchored: true,
  create(context) {
    return {
      call(node: SyntaxNode) {
        const callee = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        if (!callee || args?.type !== 'argument_list') return;
        const name = evaluatorName(callee, context);
        if (!name) {
          checkEvaluatingLibrary(node, callee, args, context);
          return;
        }
        const source = sourceArgument(args);
        if (!source || isConstant(source, context) || isCodeObject(source, context) || isAllowListed(source, node)) return;
        if (context.isTestCode(node)) return;
        // Data flow first: input that passed an allow-list check or a sanitizer (ast.literal_eval) is not code the client chose.
        const flow = mayReadInput(source) ? context.taint.flowOf(source, hazard) : undefined;
        if (flow?.sanitized) return;
        // exec of a file's text: the file's writer decides what runs. A client naming the file is code injection (the
        // flow stops at the read, so the path is asked); a file named on the command line is a runner's job
        // (`python -m profile script.py`): whoever types the command already runs Python.
        const file = flow ? undefined : readSourceFile(source, context);
        const pathFlow = file?.path && mayReadInput(file.path) ? context.taint.flowOf(file.path, hazard) : undefined;
        if (pathFlow && !pathFlow.sanitized && /^(?:sys\.)?argv\b/.test(pathFlow.source.label)) return;
        const origin = flow
          ? describeSource(flow.source.label, false)
          : pathFlow && !pathFlow.sanitized
            ? `a file named by ${describeSource(pathFlow.source.label, false)}`
            : describeUntrustedInput(source, context);
        // compile() runs nothing by itself: it counts when its code object is executed here, or when input reaches it.
        if (name === 'compile' && !origin && (onlyBuildsAst(args, context) || !isExecutedHere(node, context))) return;
        const verb = name === 'compile' ? 'compiles' : 'runs';
        // With input in it, the line that built the string lines above the call is reported too; code of unknown origin
        // (a debugger, a code generator) is one finding at the call.
        const holes = origin ? builtStrings(source, context).flatMap((b) => b.holes.filter((h) => !h.whole).map((h) => h.value)) : [];
        reportFlow(context, {
          sink: node,
          holes,
          confidence: origin ? 'high' : 'medium',
          // Without visible input the caller decides what flows in (a debugger's run(cmd), a code generator): worth a review, not a build failure.
          severity: origin ? undefined : 'warning',
          message: origin
            ? `${name}() ${verb} code built from ${origin}, so whoever controls it runs their own Python; ${alternative}.`
            : name === 'compile'
              ? `compile() turns a string that is not a constant into code that is then run, so whatever code reaches it runs; ${alternative}.`
              : `${name}() ${verb} a string that is not a constant, so whatever code reaches it runs; ${alternative}.`,
          fix: name === 'eval' ? literalEvalFix(node, callee, args, source, context) : undefined,
        });
      },
      exec_statement(node: SyntaxNode) {
        // Python 2's `exec code in ns`: still met in old snippets an assistant may reproduce.
        const code = node.childForFieldName('code');
        if (!code || isConstant(code, context) || context.isTestCode(node)) return;
        context.report({ node, confidence: 'medium', severity: 'warning', message: `exec runs a string that is not a constant, so whatever code reaches it runs; ${alternative}.` });
      },
    };
  },
});

/**
 * Library calls that evaluate Python (or load code) from a string: sympy's sympify/parse_expr and pandas.eval run eval
 * underneath, import_module/__import__ load (and run) any module the string names. They parse expressions and module
 * names from trusted places all the time, so only client input reaching them is reported.
 */
const evaluatingCalls = /^(sympy\.sympify|sympy\.core\.sympify\.sympify|sympy\.parsing\.sympy_parser\.parse_expr|sympy\.parse_expr|pandas\.eval|numexpr\.evaluate|importlib\.import_module|__import__)$/;

function checkEvaluatingLibrary(call: SyntaxNode, callee: SyntaxNode, args: SyntaxNode, context: RuleContext): void {
  const resolved = resolveCallee(callee, context) ?? (callee.text === '__import__' && isBuiltin('__import__', callee, context) ? '__import__' : undefined);
  if (!resolved || !evaluatingCalls.test(resolved)) return;
  const source = sourceArgument(args) ?? args.namedChildren.find((a) => a?.type === 'keyword_argument' && /^(a|s|expr|ex|name)$/.test(a.childForFieldName('name')?.text ?? ''))?.childForFieldName('value') ?? undefined;
  if (!source || !mayReadInput(source) || context.isTestCode(call)) return;
  const flow = context.taint.flowOf(source, hazard);
  if (!flow || flow.sanitized) return;
  const loads = /import/.test(resolved);
  context.report({
    node: call,
    confidence: 'high',
    message: loads
      ? `${callee.text}() imports the module named by ${describeSource(flow.source.label, false)}, so a client can load (and run) any module on the path; map the input to an allow-list of modules.`
      : `${callee.text}() evaluates ${describeSource(flow.source.label, false)} with Python's eval underneath, so a client's expression can run any code; parse it with a restricted grammar or check it against an allow-list first.`,
  });
}

/** 'eval' | 'exec' | 'compile' when the callee is the builtin (not shadowed by an import, a def or a parameter). */
function evaluatorName(callee: SyntaxNode, context: RuleContext): string | undefined {
  if (callee.type === 'identifier') return evaluators.has(callee.text) && isBuiltin(callee.text, callee, context) ? callee.text : undefined;
  if (callee.type !== 'attribute' || !evaluators.has(callee.childForFieldName('attribute')?.text ?? '')) return undefined;
  // `import builtins` may sit inside the function, where module bindings do not reach: the spelling decides.
  const resolved = resolveCallee(callee, context) ?? callee.text;
  const match = /^(?:builtins|__builtins__)\.(eval|exec|compile)$/.exec(resolved);
  return match ? match[1] : undefined;
}

/** Calls that open a file whose handle's read() gives the file's text. */
const fileOpeners = /^(open|io\.open|io\.open_code|tokenize\.open|codecs\.open)$/;
/** String methods that keep a text what it was (line endings normalised, decoded): still the file's code. */
const textKeepingMethods = new Set(['replace', 'decode', 'strip', 'rstrip', 'lstrip', 'expandtabs']);

/**
 * When `node` is the text of a file read from disk: `open(p).read()`, `f.read()` in `with open(p) as f`,
 * `Path(p).read_text()`, a text-keeping string method on one of those, or a local name every assignment of which is one.
 * Gives the file's path expression when it is known.
 */
function readSourceFile(node: SyntaxNode, context: RuleContext, depth = 0): { path?: SyntaxNode } | undefined {
  if (depth > 3) return undefined;
  if (node.type === 'identifier') {
    const { bindings } = resolveName(node.text, node, context);
    if (bindings.length === 0 || bindings.some((b) => b.kind !== 'assignment' || !b.value)) return undefined;
    const files = bindings.map((b) => readSourceFile(b.value!, context, depth + 1));
    return files.every((f) => f !== undefined) ? files[0] : undefined;
  }
  if (node.type !== 'call') return undefined;
  const callee = node.childForFieldName('function');
  if (callee?.type !== 'attribute') return undefined;
  const method = callee.childForFieldName('attribute')?.text ?? '';
  const object = callee.childForFieldName('object');
  if (!object) return undefined;
  if (textKeepingMethods.has(method)) return readSourceFile(object, context, depth + 1);
  if (method === 'read_text' || method === 'read_bytes') return { path: object };
  if (method !== 'read') return undefined;
  const opener = object.type === 'identifier' ? openerOfHandle(object, context) : object;
  return opener && isFileOpener(opener, context) ? { path: positionalAt(opener.childForFieldName('arguments')!, 0) } : undefined;
}

/** The call a file handle name came from: `with open(p) as f` around the use, or `f = open(p)`. */
function openerOfHandle(handle: SyntaxNode, context: RuleContext): SyntaxNode | undefined {
  const { bindings } = resolveName(handle.text, handle, context);
  if (bindings.length !== 1) return undefined;
  const [binding] = bindings;
  if (binding.kind === 'assignment') return binding.value?.type === 'call' ? binding.value : undefined;
  if (binding.kind !== 'with') return undefined;
  for (let n = handle.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return undefined;
    if (n.type !== 'with_statement') continue;
    for (const item of n.descendantsOfType('with_item')) {
      const pattern = item?.namedChildren[0];
      if (pattern?.type !== 'as_pattern') continue;
      const alias = pattern.childForFieldName('alias');
      const value = pattern.namedChildren[0];
      if (alias?.text === handle.text && value?.type === 'call') return value;
    }
  }
  return undefined;
}

function isFileOpener(call: SyntaxNode, context: RuleContext): boolean {
  const callee = call.childForFieldName('function');
  if (!callee || call.childForFieldName('arguments')?.type !== 'argument_list') return false;
  if (callee.type === 'identifier' && callee.text === 'open') return isBuiltin('open', callee, context);
  const resolved = resolveCallee(callee, context);
  return resolved !== undefined && fileOpeners.test(resolved);
}

function sourceArgument(args: SyntaxNode): SyntaxNode | undefined {
  const first = args.namedChildren.find((a) => a && a.type !== 'comment');
  if (!first) return undefined;
  if (first.type === 'list_splat' || first.type === 'dictionary_splat') return undefined;
  if (first.type !== 'keyword_argument') return first;
  const keyword = args.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'source');
  return keyword?.childForFieldName('value') ?? undefined;
}

/** Calls that hand back code objects: compile(), a loader's get_code(), marshal.loads(). */
const codeObjectCalls = /^(compile\w*|_?get\w*_code|marshal\.loads|loads)$/;

/**
 * exec(code) where code is a code object: from compile() (the compile call, if any, is the finding), a loader, or a
 * function's `__code__`. A name counts when any assignment gives it a code object (`if isinstance(cmd, str): cmd = compile(cmd, ...)`).
 */
function isCodeObject(node: SyntaxNode, context: RuleContext): boolean {
  if (node.type === 'attribute') return /^__(\w+_)?code__$/.test(node.childForFieldName('attribute')?.text ?? '');
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
    return codeObjectCalls.test(name ?? '') || codeObjectCalls.test(callee?.text ?? '');
  }
  if (node.type !== 'identifier') return false;
  const { bindings } = resolveName(node.text, node, context);
  return bindings.some((b) => b.value !== undefined && b.kind === 'assignment' && b.value.type !== 'identifier' && isCodeObject(b.value, context));
}

/** compile(..., flags=ast.PyCF_ONLY_AST) parses to a tree, like ast.parse: no code object comes out. */
function onlyBuildsAst(args: SyntaxNode, context: RuleContext): boolean {
  const flags = keyword(args, 'flags') ?? positionalAt(args, 3);
  if (!flags) return false;
  if (flags.text.includes('PyCF_ONLY_AST')) return true;
  if (flags.type !== 'identifier') return false;
  const { bindings } = resolveName(flags.text, flags, context);
  return bindings.some((b) => b.value?.text.includes('PyCF_ONLY_AST'));
}

/** The compiled code object reaches exec/eval in the same function: `exec(compile(...))` or `code = compile(...); exec(code)`. */
function isExecutedHere(compileCall: SyntaxNode, context: RuleContext): boolean {
  const outer = compileCall.parent?.parent;
  if (compileCall.parent?.type === 'argument_list' && outer?.type === 'call' && isEvaluatorCall(outer, context)) return true;
  const assignment = compileCall.parent;
  const target = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
  if (target?.type !== 'identifier') return false;
  const scope = enclosingFunction(compileCall) ?? topLevelStatement(compileCall);
  let found = false;
  const visit = (n: SyntaxNode): void => {
    if (found) return;
    if (n.type === 'call' && isEvaluatorCall(n, context)) {
      const args = n.childForFieldName('arguments');
      const first = args ? sourceArgument(args) : undefined;
      if (first?.type === 'identifier' && first.text === target.text) found = true;
    }
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(scope);
  return found;
}

function isEvaluatorCall(call: SyntaxNode, context: RuleContext): boolean {
  const callee = call.childForFieldName('function');
  const name = callee ? evaluatorName(callee, context) : undefined;
  return name === 'exec' || name === 'eval';
}

/** `if value in ("True", "False"): eval(value)`: the guard leaves only constants to evaluate. */
function isAllowListed(source: SyntaxNode, at: SyntaxNode): boolean {
  if (source.type !== 'identifier') return false;
  for (let n = at.parent, child = at; n; child = n, n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'lambda') return false;
    if (n.type !== 'if_statement' || !n.childForFieldName('consequence')?.equals(child)) continue;
    const condition = n.childForFieldName('condition');
    if (condition?.type !== 'comparison_operator') continue;
    const operators = condition.children.filter((c) => c && !c.isNamed).map((c) => c!.type);
    const [left, right] = condition.namedChildren;
    if (left?.text !== source.text || !right || operators.length !== 1) continue;
    const literals = ['list', 'tuple', 'set'].includes(right.type) && right.namedChildren.every((c) => c?.type === 'string');
    if (operators[0] === 'in' && literals || operators[0] === '==' && right.type === 'string') return true;
  }
  return false;
}

function keyword(args: SyntaxNode, name: string): SyntaxNode | undefined {
  const found = args.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return found?.childForFieldName('value') ?? undefined;
}

function positionalAt(args: SyntaxNode, index: number): SyntaxNode | undefined {
  return args.namedChildren.filter((a): a is SyntaxNode => a !== null && a.type !== 'comment' && a.type !== 'keyword_argument')[index];
}

/**
 * eval(data) → ast.literal_eval(data) when the argument reads as data, not as code. Not preferred: literal_eval accepts only
 * Python literals, so expressions and names stop working. Adds `import ast` after the module's imports when it is missing.
 */
function literalEvalFix(node: SyntaxNode, callee: SyntaxNode, args: SyntaxNode, source: SyntaxNode, context: RuleContext): Fix | undefined {
  if (args.namedChildren.filter((a) => a && a.type !== 'comment').length !== 1 || source.type === 'keyword_argument') return undefined;
  if (codeLike.test(source.text)) return undefined;
  const direct = context.bindings.find((b) => b.module === 'ast' && b.imported === 'literal_eval');
  const module = context.bindings.find((b) => b.module === 'ast' && b.imported === undefined);
  const replacement = direct ? direct.local : `${module?.local ?? 'ast'}.literal_eval`;
  const edits = [{ range: context.rangeOf(callee), newText: replacement }];
  if (!direct && !module) {
    const line = importInsertionLine(node);
    edits.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: 'import ast\n' });
  }
  return { title: 'Parse with ast.literal_eval (accepts only literals: expressions and names stop working)', edits, preservesBehaviour: false };
}

/** The line after the last module-level import, else after the docstring, else the first line. */
function importInsertionLine(node: SyntaxNode): number {
  let root = node;
  while (root.parent) root = root.parent;
  let line = 0;
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    const isImport = statement.type === 'import_statement' || statement.type === 'import_from_statement' || statement.type === 'future_import_statement';
    const isDocstring = line === 0 && statement.type === 'expression_statement' && statement.namedChildren[0]?.type === 'string' && statement.startIndex === firstCodeIndex(root);
    if (isImport || isDocstring) line = statement.endPosition.row + 1;
  }
  return line;
}

function firstCodeIndex(root: SyntaxNode): number {
  return root.namedChildren.find((c) => c && c.type !== 'comment')?.startIndex ?? 0;
}
