// Owns judging a value that reaches an injection sink: its built pieces, which dynamic parts could carry an attack, and the untrusted source if taint finds one.
import type { RuleContext, SyntaxNode, TaintSource } from '../../api';
import { unwrap } from './constant-strings';
import { constantValue, lookupBinding } from './scope-bindings';
import { enclosingFunction, isBuiltString, piecesOf, sameNode, type Piece } from './built-strings';
import { isValidatedBefore, isValidatingTernary } from './validation-guards';
import { factsOf } from './function-facts';

export interface Assessment {
  readonly pieces: readonly Piece[];
  /** Built from constant text and dynamic parts (template, `+`, `+=`, concat, join). */
  readonly built: boolean;
  /** Dynamic parts not shown harmless (numbers, constants, escaped or validated values are harmless). */
  readonly risky: readonly SyntaxNode[];
  /** The untrusted source reaching the value, per the taint analysis. */
  readonly source?: TaintSource;
  /** The risky part the source reaches, when the value is built. */
  readonly taintedPart?: SyntaxNode;
}

/** Escaping or encoding functions that make a value harmless for a hazard, by name. */
const escapers: Record<string, RegExp> = {
  'command-injection': /(quote|escape|shellEscape|shellescape|shellQuote|escapeShellArg|escapeArg|sanitiz)/i,
  'sql-injection': /(escape|quote|sanitiz|literal|placeholder|toSqlString|identifier|^format$|^ref$|^raw$|^sql$|^lit$|^wrap\w*$|^columnize$|^parameterize$)/i,
  // Case-sensitive for `esc`, `escHtml`, `esc_attr`: `escalate` and `escrow` are no escapers.
  xss: /([eE]scape|ESCAPE|[eE]ncode|ENCODE|[sS]anitiz|SANITIZ|[pP]urify|PURIFY|[xX]ss|XSS|[cC]lean|CLEAN|[sS]trip|STRIP|^textContent$|^esc(?:[A-Z_]\w*)?$)/,
  'regex-injection': /(escape|quote)/i,
  'ldap-injection': /(escape|sanitiz)/i,
  'xpath-injection': /(escape|quote|sanitiz)/i,
  'path-traversal': /(basename|sanitiz|slug|filenamify)/i,
  'template-injection': /(escape|sanitiz)/i,
};

const numericCalls = /^(parseInt|parseFloat|Number|Boolean|BigInt|isNaN|toFixed|toPrecision|getTime|valueOf|now|floor|ceil|round|trunc|abs|min|max|random|toISOString|toUTCString|toJSON|getFullYear|getMonth|getDate|getDay|getHours|getMinutes|getSeconds|indexOf|lastIndexOf|findIndex|charCodeAt|codePointAt|randomUUID|randomBytes|uuid|uuidv4|v4|v1|nanoid|cuid|ulid|tmpdir|homedir|cwd|platform|arch|cpus|hrtime|getPort|size|count|countDocuments|digest)$/;
const constantName = /^[A-Z][A-Z0-9_]*$/;
const harmlessGlobals = /^(__dirname|__filename|undefined|NaN|Infinity|process\.(platform|arch|pid|execPath|version|versions\.\w+|env\.[\w$]+|argv0|ppid)|os\.EOL|path\.sep|path\.delimiter|Date|Math\.\w+|Number\.\w+)$/;
const numericProperties = /^(length|size|byteLength|pid|exitCode|statusCode|status|port|count|total|index|timeout|ms|seconds|offset|limit|page|pageSize|perPage)$/;
const tableish = /(table|schema|column|collection|prefix|database|db|model|view|entity|quoted)/i;

export function assessValue(context: RuleContext, value: SyntaxNode, hazard: string, pieces: readonly Piece[] = piecesOf(value)): Assessment {
  const built = isBuiltString(pieces);
  const risky: SyntaxNode[] = [];
  for (const piece of pieces) if (piece.node && !isHarmless(piece.node, hazard, context, 0)) risky.push(piece.node);
  let source: TaintSource | undefined;
  let taintedPart: SyntaxNode | undefined;
  for (const part of risky) {
    source = context.taint.sourceOf(part, hazard);
    if (source) {
      taintedPart = part;
      break;
    }
  }
  return { pieces, built, risky, source, taintedPart };
}

/** Whether a dynamic part cannot carry an attack for this hazard: numbers, constants, escaped or allow-listed values. */
export function isHarmless(raw: SyntaxNode, hazard: string, context: RuleContext, depth: number): boolean {
  const node = unwrap(raw);
  if (!node || depth > 6) return false;
  switch (node.type) {
    case 'number': case 'true': case 'false': case 'null': case 'undefined': case 'regex':
      return true;
    case 'string':
      return true;
    case 'template_string':
      return node.namedChildren.every((c) => !c || c.type !== 'template_substitution' || isHarmless(c.namedChildren[0] ?? c, hazard, context, depth + 1));
    case 'await_expression':
      return isHarmless(node.namedChildren[0] ?? node, hazard, context, depth + 1);
    case 'unary_expression':
      return true;
    case 'update_expression':
      return true;
    case 'binary_expression': {
      const operator = node.childForFieldName('operator')?.type ?? '';
      if (operator !== '+' && operator !== '||' && operator !== '??' && operator !== '&&') return true;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (operator === '&&') return !!right && isHarmless(right, hazard, context, depth + 1);
      return !!left && !!right && isHarmless(left, hazard, context, depth + 1) && isHarmless(right, hazard, context, depth + 1);
    }
    case 'ternary_expression': {
      if (isValidatingTernary(node)) return true;
      const a = node.childForFieldName('consequence');
      const b = node.childForFieldName('alternative');
      return !!a && !!b && isHarmless(a, hazard, context, depth + 1) && isHarmless(b, hazard, context, depth + 1);
    }
    case 'identifier':
      return isHarmlessIdentifier(node, hazard, context, depth);
    case 'member_expression': {
      const text = node.text;
      if (harmlessGlobals.test(text)) return true;
      const property = node.childForFieldName('property')?.text ?? '';
      if (numericProperties.test(property) && !/^(req|request|ctx)\b/.test(text)) return true;
      if (constantName.test(property)) return true;
      if (hazard === 'sql-injection' && /^this\.\w+$/.test(text) && tableish.test(property)) return true;
      return constantValue(node) !== undefined;
    }
    case 'call_expression':
      return isHarmlessCall(node, hazard, context, depth);
    case 'subscript_expression': {
      // `VALID_ORDERS[i]`, `directions[index]` with `const directions = ['ASC', 'DESC']`: a pick from a fixed list.
      const object = unwrap(node.childForFieldName('object'));
      if (object?.type !== 'identifier') return false;
      if (constantName.test(object.text)) return true;
      const list = unwrap(lookupBinding(object)?.value);
      return (list?.type === 'array' || list?.type === 'object') && list.namedChildren.every((c) => !c || c.type === 'comment' || isHarmless(c.type === 'pair' ? c.childForFieldName('value') ?? c : c, hazard, context, depth + 1));
    }
    case 'new_expression':
      return /^(Date|Intl\.\w+)$/.test(node.childForFieldName('constructor')?.text ?? '');
    default:
      return constantValue(node) !== undefined;
  }
}

function isHarmlessIdentifier(node: SyntaxNode, hazard: string, context: RuleContext, depth: number): boolean {
  if (constantName.test(node.text) || harmlessGlobals.test(node.text)) return true;
  if (constantValue(node) !== undefined) return true;
  if (hazard === 'sql-injection' && /placeholder|^(marks|questionMarks|qmarks|bindings)$/i.test(node.text)) return true;
  const binding = lookupBinding(node);
  if (!binding) return false;
  const declarator = binding.declarator;
  if (declarator && hasHarmlessType(declarator.childForFieldName('type'))) return true;
  if (binding.kind === 'parameter') return isHarmlessParameter(node);
  if (binding.kind === 'other' && !declarator) {
    // `for (let i = 0; …)` counters.
    for (let n = node.parent; n; n = n.parent) {
      if (n.type === 'for_statement') {
        const init = n.childForFieldName('initializer')?.text ?? '';
        if (new RegExp(`\\b${node.text}\\s*=\\s*(\\d|[\\w.]+\\.length)`).test(init)) return true;
      }
    }
    return false;
  }
  const fn = enclosingFunction(node);
  if (!declarator || !sameNode(enclosingFunction(declarator), fn) && binding.kind !== 'const') return false;
  if (declarator.childForFieldName('name')?.type !== 'identifier') return false;
  const value = binding.value;
  if (!value) return false;
  if (!isHarmless(value, hazard, context, depth + 1)) {
    return isValidatedBefore(node, node);
  }
  if (binding.kind === 'const') return true;
  // A `let` stays harmless only if every later assignment is.
  if (!fn?.childForFieldName('body')) return true;
  for (const assignment of factsOf(fn, node).assignments) {
    if (assignment.childForFieldName('left')?.text !== node.text) continue;
    const right = assignment.childForFieldName('right');
    if (right && !isHarmless(right, hazard, context, depth + 1)) return false;
  }
  return true;
}

/** Parameters typed as numbers, booleans or string-literal unions, and the index parameter of array callbacks. */
function isHarmlessParameter(node: SyntaxNode): boolean {
  for (let fn = node.parent; fn; fn = fn.parent) {
    if (!/function|arrow_function|method_definition/.test(fn.type)) continue;
    const params = fn.childForFieldName('parameters');
    const list = params?.namedChildren.filter((p): p is SyntaxNode => !!p && p.type !== 'comment') ?? [];
    const index = list.findIndex((p) => p.text === node.text || p.childForFieldName('pattern')?.text === node.text || p.childForFieldName('left')?.text === node.text);
    if (index === -1) {
      if (fn.childForFieldName('parameter')?.text === node.text) return false;
      continue;
    }
    const param = list[index];
    if (hasHarmlessType(param.childForFieldName('type'))) return true;
    // `items.map((_, i) => `$${i + 1}`)`: the second parameter of an array callback is an index.
    const call = fn.parent?.type === 'arguments' ? fn.parent.parent : undefined;
    const method = call?.childForFieldName('function')?.type === 'member_expression' ? call.childForFieldName('function')?.childForFieldName('property')?.text : undefined;
    return index === 1 && !!method && /^(map|forEach|reduce|filter|flatMap|some|every)$/.test(method);
  }
  return false;
}

function hasHarmlessType(annotation: SyntaxNode | null): boolean {
  if (!annotation) return false;
  const text = annotation.text.replace(/^:\s*/, '').trim();
  if (/^(number|boolean|bigint|Date)$/.test(text)) return true;
  // `'asc' | 'desc'`, `1 | 2`
  return /^(\s*\|?\s*('[^']*'|"[^"]*"|\d+|true|false))+$/.test(text);
}

function isHarmlessCall(node: SyntaxNode, hazard: string, context: RuleContext, depth: number): boolean {
  const callee = node.childForFieldName('function');
  if (!callee) return false;
  const name = callee.type === 'member_expression' ? callee.childForFieldName('property')?.text ?? '' : callee.text;
  const receiver = callee.type === 'member_expression' ? callee.childForFieldName('object') : undefined;
  const args = node.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment') ?? [];
  if (numericCalls.test(name)) return true;
  // Tagged templates that escape what they interpolate: ldap-escape's filter`…`, sql`…`, html`…`.
  if (node.childForFieldName('arguments')?.type === 'template_string' && /^(sql|SQL|filter|dn|html|safeHtml|xpath|escape\w*|\$)$/.test(name)) return true;
  const escaper = escapers[hazard];
  if (escaper && (escaper.test(name) || (receiver && escaper.test(receiver.text.split('.').pop() ?? '')))) return true;
  // `const e = Handlebars.escapeExpression; … e(url)`: an escaper under a short local name.
  if (escaper && callee.type === 'identifier') {
    const alias = unwrap(lookupBinding(callee)?.value);
    if (alias && (alias.type === 'member_expression' || alias.type === 'identifier') && escaper.test(alias.text.split('.').pop() ?? '')) return true;
  }
  // `JSON.stringify(state).replace(/</g, '\\u003c')`: no tag can open in what is left.
  if (hazard === 'xss' && (name === 'replace' || name === 'replaceAll') && /^\/(<|\[[^\]]*<[^\]]*\])\/[a-z]*g/.test(args[0]?.text ?? '')) return true;
  if (/^(toString|trim|toLowerCase|toUpperCase|padStart|padEnd|slice|substring)$/.test(name) && receiver) return isHarmless(receiver, hazard, context, depth + 1);
  if (name === 'join' && receiver) {
    let inner = unwrap(receiver);
    // `ids.map(Number).filter(Number.isFinite).join(',')`: filtering and ordering keep what the map made.
    for (let hops = 0; inner?.type === 'call_expression' && hops < 3; hops++) {
      const callee = inner.childForFieldName('function');
      if (callee?.type !== 'member_expression' || !/^(filter|slice|sort|reverse)$/.test(callee.childForFieldName('property')?.text ?? '')) break;
      inner = unwrap(callee.childForFieldName('object'));
    }
    // `ids.map(() => '?').join(', ')`, `cols.map((c) => escapeId(c)).join()`: what the callback makes of each element.
    if (inner?.type === 'call_expression') {
      const innerCallee = inner.childForFieldName('function');
      const method = innerCallee?.type === 'member_expression' ? innerCallee.childForFieldName('property')?.text : undefined;
      const fn = inner.childForFieldName('arguments')?.namedChildren[0];
      if (method === 'map' && fn && (fn.type === 'arrow_function' || fn.type === 'function_expression')) {
        const body = fn.childForFieldName('body');
        if (body && body.type !== 'statement_block') return isHarmless(body, hazard, context, depth + 1);
        const returned = body?.descendantsOfType('return_statement')[0]?.namedChildren[0];
        return !!returned && isHarmless(returned, hazard, context, depth + 1);
      }
      if (method === 'fill') return !!fn && isHarmless(fn, hazard, context, depth + 1);
    }
    if (inner?.type === 'array') return inner.namedChildren.every((e) => !e || e.type === 'comment' || isHarmless(e, hazard, context, depth + 1));
    return false;
  }
  if (name === 'repeat' && receiver) return isHarmless(receiver, hazard, context, depth + 1);
  if (/^path\.(join|resolve|dirname|extname|normalize|relative)$/.test(callee.text) && args.length > 0) {
    if (hazard === 'path-traversal') return false;
    return args.every((a) => isHarmless(a, hazard, context, depth + 1));
  }
  // JSON text is a JavaScript literal: spliced into generated code it stays data.
  if (/^(JSON\.stringify)$/.test(callee.text)) return hazard === 'code-injection';
  return false;
}

/** Text for a message: "from req.query" or "built from id". */
export function describeParts(assessment: Assessment): string {
  if (assessment.source) return assessment.source.label;
  const names = assessment.risky.map((n) => shorten(n.text));
  return [...new Set(names)].slice(0, 2).join(', ');
}

export function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 37)}...` : flat;
}

/** Whether a risky part is validated before `at` (allow-list, format test) so a structural finding would be noise. */
export function allValidated(parts: readonly SyntaxNode[], at: SyntaxNode): boolean {
  return parts.length > 0 && parts.every((p) => isValidatedBefore(p, at));
}

/** The first of several findings on a line: one squiggle per line, at most three per sink. */
export function onePerLine<T extends { readonly part: SyntaxNode }>(items: readonly T[]): T[] {
  const lines = new Set<number>();
  const out: T[] = [];
  for (const item of items) {
    const line = item.part.startPosition.row;
    if (lines.has(line)) continue;
    lines.add(line);
    out.push(item);
    if (out.length === 3) break;
  }
  return out;
}

/** How a sink reads in a message: `child_process.exec`, `db.query`, or `.whereRaw()` after a long builder chain. */
export function sinkLabel(match: { readonly label: string; readonly call: SyntaxNode }): string {
  const label = match.label.replace(/\s+/g, '');
  if (label.length <= 32 && !label.includes('(')) return label;
  const callee = match.call.childForFieldName('function');
  const method = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : undefined;
  return method ? `.${method}()` : shorten(label);
}

export { enclosingFunction, sameNode };
