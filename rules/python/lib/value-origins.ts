// Owns classifying a value that reaches a sink: client input, a parameter of the enclosing function, or a non-constant of unknown origin.
import type { RuleContext, SyntaxNode, TaintSource } from '../../api';
import { pythonModel } from '../../models/python';
import { builtStrings, type Hole } from './built-strings';
import { isConstant } from './constant-strings';
import { enclosingFunction, resolveName } from './scope';

export type OriginKind = 'input' | 'parameter' | 'unknown';

export interface Origin {
  readonly kind: OriginKind;
  /** The source as written (`request.args`, `parameter name`), for messages; undefined for unknown origins. */
  readonly source?: TaintSource;
}

/** Calls whose result is a number, a flag or a framework-made value no injection rides on. */
const inertCalls = /^(int|float|bool|len|round|abs|hash|id|ord|min|max|sum|range|enumerate|uuid\.uuid[1345]|uuid4|uuid1|time\.time|os\.getpid|os\.getuid|os\.getgid|datetime\.\w+|math\.\w+|secrets\.token_hex|secrets\.token_urlsafe|url_for|reverse|reverse_lazy)$/;
/** Attributes that hold numbers by convention: a process id, a port, an exit status. */
const numericAttributes = /^(pid|port|returncode|uid|gid|st_size|st_mtime|lineno|status_code)$/;
const inertMethods = /^(count|index|find|rfind|bit_length|isoformat|timestamp|total_seconds|hexdigest|uuid4|__len__)$/;

/**
 * Where a value inserted into a dangerous string comes from, or undefined when it is harmless: a constant, a number, or
 * cleared by a sanitizer for `hazard` (a model sanitizer, a local `sanitize_*`/`escape_*` helper, an allow-list check).
 */
export function originOf(node: SyntaxNode, hazard: string, context: RuleContext, depth = 0): Origin | undefined {
  if (isConstant(node, context) || isInert(node, hazard, context, 0)) return undefined;
  const elements = depth < 3 ? elementsOf(node) : undefined;
  if (elements) {
    // `",".join(f"'{escape(v)}'" for v in values)`: judge what each element is made of.
    const built = builtStrings(elements, context);
    if (built.length === 1 && built[0].kind !== 'literal') {
      for (const hole of built[0].holes) {
        const inner = originOf(hole.value, hazard, context, depth + 1);
        if (inner) return inner;
      }
      return undefined;
    }
    if (built.length === 1) return undefined;
  }
  const input = mayReadInput(node) ? context.taint.flowOf(node, hazard) : undefined;
  if (input) return input.sanitized ? undefined : { kind: 'input', source: input.source };
  const parameter = hasParameters(node) ? context.taint.flowOf(node, hazard, { parameters: true }) : undefined;
  if (parameter) return parameter.sanitized ? undefined : { kind: parameter.source.parameter ? 'parameter' : 'input', source: parameter.source };
  return { kind: 'unknown' };
}

/**
 * `originOf` for a value inserted into a string; a value that is the whole string (a branch, an earlier plain
 * assignment) counts only as client input, like an argument passed whole.
 */
export function holeOrigin(hole: Hole, hazard: string, context: RuleContext): Origin | undefined {
  if (!hole.whole) return originOf(hole.value, hazard, context);
  const source = inputOf(hole.value, hazard, context);
  return source && !isInert(hole.value, hazard, context) ? { kind: 'input', source } : undefined;
}

/** Client input (not a parameter) reaching `node` unsanitized for `hazard`. */
export function inputOf(node: SyntaxNode, hazard: string, context: RuleContext): TaintSource | undefined {
  if (!mayReadInput(node)) return undefined;
  const flow = context.taint.flowOf(node, hazard);
  return flow && !flow.sanitized ? flow.source : undefined;
}

/** Words without which no source of the taint model can appear in a function (requests, argv, input(), route decorators, archives). */
const inputWords = /:\s*(web\.)?(Http)?Request\b|\binfo\s*[,)]|receive_(text|json|bytes)|\bself\.(path|headers|rfile|requestline|kwargs)\b|\brequest\b|\breq\b|\bevent\[|\bevent\.get|argv|\binput\(|raw_input|sys\.stdin|get_(body_|query_)?argument|get_param|get_media|namelist|infolist|QUERY_STRING|@\s*[\w.]+\.(route|get|post|put|patch|delete|api_route|websocket)\b/;
/** Per parse tree (trees are immutable: an edit makes a new one), the answer for each outermost function by its start. */
const inputCache = new WeakMap<object, Map<number, boolean>>();

/**
 * A cheap text test before asking the taint engine, which analyses the whole function: most functions never touch input.
 * The outermost enclosing function (with its decorators) or top-level statement is what the test reads.
 */
export function mayReadInput(node: SyntaxNode): boolean {
  let scope: SyntaxNode = node;
  for (let n: SyntaxNode | null = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') scope = n.parent?.type === 'decorated_definition' ? n.parent : n;
    if (!n.parent || n.parent.type === 'module') {
      if (scope === node) scope = n;
      break;
    }
  }
  let byStart = inputCache.get(node.tree);
  if (!byStart) inputCache.set(node.tree, (byStart = new Map()));
  let answer = byStart.get(scope.startIndex);
  if (answer === undefined) {
    answer = inputWords.test(scope.text);
    byStart.set(scope.startIndex, answer);
  }
  return answer;
}

/** A number, a sanitizer's result, or a name every binding of which is one of those. Follows local names a few steps. */
export function isInert(node: SyntaxNode, hazard: string, context: RuleContext, depth = 0): boolean {
  if (depth > 4) return false;
  switch (node.type) {
    case 'integer':
    case 'float':
    case 'true':
    case 'false':
    case 'none':
    case 'comparison_operator':
    case 'not_operator':
      return true;
    case 'parenthesized_expression': {
      const inner = node.namedChildren[0];
      return !!inner && isInert(inner, hazard, context, depth + 1);
    }
    case 'conditional_expression': {
      const [a, , b] = node.namedChildren;
      return !!a && !!b && (isInert(a, hazard, context, depth + 1) || isConstant(a, context)) && (isInert(b, hazard, context, depth + 1) || isConstant(b, context));
    }
    case 'binary_operator': {
      // Arithmetic on numbers stays a number; string + and % are not inert.
      const op = node.childForFieldName('operator')?.text ?? '';
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right || !/^(-|\*\*|\/\/|\/|\*|\+|%)$/.test(op)) return false;
      const numeric = (n: SyntaxNode): boolean => n.type === 'integer' || n.type === 'float' || isInert(n, hazard, context, depth + 1);
      return numeric(left) && numeric(right);
    }
    case 'call': {
      // str(proc.pid), str(len(items)): the text of a number.
      const callee = node.firstChild;
      const arg = node.lastChild?.firstNamedChild;
      if (callee?.text === 'str' && arg && node.lastChild?.namedChildCount === 1 && isInert(arg, hazard, context, depth + 1)) return true;
      return isSanitizingCall(node, hazard, context);
    }
    case 'attribute':
      return numericAttributes.test(node.lastChild?.text ?? '');
    case 'identifier': {
      const resolution = resolveName(node.text, node, context);
      if (resolution.scope !== 'local' && resolution.scope !== 'enclosing') return false;
      const values = resolution.bindings.filter((b) => b.value && b.kind !== 'loop');
      return values.length > 0 && values.length === resolution.bindings.length && values.every((b) => isInert(b.value!, hazard, context, depth + 1));
    }
    default:
      return false;
  }
}

function isSanitizingCall(node: SyntaxNode, hazard: string, context: RuleContext): boolean {
  const callee = node.childForFieldName('function');
  if (!callee) return false;
  const resolved = context.resolveCallee(callee);
  const text = callee.text;
  const name = text.split('.').pop() ?? '';
  const names = [resolved, text, name].filter((n): n is string => !!n);
  if (names.some((n) => inertCalls.test(n))) return true;
  if (name === 'replace' && callee.type === 'attribute' && escapesQuotes(node, hazard)) return true;
  if (callee.type === 'attribute' && inertMethods.test(name)) return true;
  // `map(shlex.quote, args)`: every element went through the sanitizer.
  if (text === 'map') {
    const fn = node.childForFieldName('arguments')?.namedChildren.find((a) => a && a.type !== 'comment');
    const mapped = fn && (fn.type === 'identifier' || fn.type === 'attribute') ? [context.resolveCallee(fn), fn.text, fn.text.split('.').pop()] : [];
    const clears = mapped.map((n) => pythonModel.sanitizers.find((s) => s.callee === n)).find((s) => !!s);
    if (clears) return clears.hazards === '*' || clears.hazards.includes(hazard);
  }
  const sanitizer = names.map((n) => pythonModel.sanitizers.find((s) => s.callee === n)).find((s) => !!s);
  if (sanitizer) return sanitizer.hazards === '*' || sanitizer.hazards.includes(hazard);
  return pythonModel.sanitizerNamePattern.test(name) && !/^mark_safe$|safe_?string|^safe$/i.test(name);
}

/** `name.replace("'", "''")` for SQL, `s.replace("'", "'\\''")` for the shell: hand-written quote escaping for that context. */
function escapesQuotes(call: SyntaxNode, hazard: string): boolean {
  if (hazard !== 'sql-injection' && hazard !== 'command-injection') return false;
  const [from, to] = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (from?.type !== 'string' || to?.type !== 'string') return false;
  const quote = from.text.replace(/^[a-zA-Z]*(["'])(.*)\1$/s, '$2').replace(/^\\/, '');
  const replacement = to.text.replace(/^[a-zA-Z]*(["'])(.*)\1$/s, '$2');
  return (quote === "'" || quote === '"') && replacement.length > 1 && replacement.includes(quote.length === 1 ? quote : "'") && !/\w/.test(replacement);
}

/** The element expression of a comprehension, or of a comprehension joined by a constant separator. */
function elementsOf(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === 'generator_expression' || node.type === 'list_comprehension' || node.type === 'set_comprehension') return node.childForFieldName('body') ?? undefined;
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    if (callee?.type !== 'attribute' || callee.childForFieldName('attribute')?.text !== 'join' || callee.childForFieldName('object')?.type !== 'string') return undefined;
    const args = node.childForFieldName('arguments');
    const iterable = args?.type === 'argument_list' ? args.namedChildren[0] : args;
    return iterable ? elementsOf(iterable) : undefined;
  }
  return undefined;
}

/** Whether some enclosing function takes parameters besides self/cls: otherwise the parameter analysis has nothing to find. */
function hasParameters(node: SyntaxNode): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const params = fn.childForFieldName('parameters');
    if (params && !/^\(\s*((self|cls)\s*,?\s*)?\)$/.test(params.text)) return true;
  }
  return false;
}
