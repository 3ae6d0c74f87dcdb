// Owns intra-procedural taint: which untrusted source, if any, reaches an expression without a sanitizer for a hazard.
import type { LanguageFamily, ModuleBinding, SyntaxNode, TaintQuery, TaintSource } from '../../rules/api';
import { javascriptModel } from '../../rules/models/javascript';
import { pythonModel } from '../../rules/models/python';
import type { TaintModel } from '../../rules/models/taint-model';
import { rangeOf } from './findings';

/** Taint carried by a value: where it came from, and the hazards a sanitizer already cleared it for. */
interface Taint {
  readonly source: TaintSource;
  readonly cleared: readonly string[] | '*';
}

/** Variable name → its taint (null: known clean, shadowing an outer tainted name). */
type Env = ReadonlyMap<string, Taint | null>;

const models: Record<LanguageFamily, TaintModel> = { javascript: javascriptModel, python: pythonModel };

const jsFunctionTypes = new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function_declaration', 'generator_function']);
const pyFunctionTypes = new Set(['function_definition', 'lambda']);
const cleanTypes = new Set([
  'number', 'integer', 'float', 'true', 'false', 'null', 'undefined', 'none', 'None', 'comparison_operator', 'not_operator', 'regex',
  'arrow_function', 'function_expression', 'function', 'lambda', 'class', 'instanceof_expression', 'type_identifier',
]);
const comparisonOperators = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'instanceof', 'in']);
const exits = /^(return_statement|throw_statement|raise_statement|continue_statement|break_statement)$/;
const exitCalls = /^(abort|sys\.exit|exit|next|res\.status\(.*\)\.(send|json|end)|res\.(sendStatus|send|json|end|redirect)|reply\.(code|send)|ctx\.throw|HttpResponseBadRequest|raise_for_status)\b/;

export function isFunctionNode(node: SyntaxNode, family: LanguageFamily): boolean {
  return (family === 'python' ? pyFunctionTypes : jsFunctionTypes).has(node.type);
}

function key(node: SyntaxNode): string {
  return `${node.startIndex}:${node.endIndex}:${node.type}`;
}

/** Taint analysis for the functions of one unit, computed lazily per function when a rule asks. */
export class TaintAnalysis implements TaintQuery {
  private readonly model: TaintModel;
  private readonly extraRequestNames = new Set<string>();
  private readonly envBefore = new Map<string, Env>();
  private readonly analysed = new Set<string>();
  private returnsTaint = false;

  constructor(
    private readonly family: LanguageFamily,
    private readonly bindings: readonly ModuleBinding[],
    private readonly resolve: (node: SyntaxNode) => string | undefined,
    /** Whether a top-level function of this file returns its arguments' taint; undefined when no such function exists. */
    private readonly helperPropagates: (name: string) => boolean | undefined,
  ) {
    this.model = models[family];
  }

  sourceOf(node: SyntaxNode, hazard: string): TaintSource | undefined {
    const taint = this.taintOf(node);
    if (!taint || taint.cleared === '*' || taint.cleared.includes(hazard)) return undefined;
    return taint.source;
  }

  /** Whether a function returns data derived from its parameters (used for local helpers). */
  summarize(fn: SyntaxNode): boolean {
    this.returnsTaint = false;
    const params = new Map<string, Taint | null>();
    for (const name of this.parameterNames(fn)) params.set(name, { source: { label: `parameter ${name}`, range: rangeOf(fn) }, cleared: [] });
    this.runFunction(fn, params);
    return this.returnsTaint;
  }

  private taintOf(node: SyntaxNode): Taint | undefined {
    const fn = this.enclosingFunction(node);
    if (fn) this.ensureAnalysed(fn);
    else this.ensureModuleAnalysed(node);
    return this.evaluate(node, this.envAt(node));
  }

  // ----- statements -----

  private enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
    for (let n = node.parent; n; n = n.parent) if (isFunctionNode(n, this.family)) return n;
    return undefined;
  }

  private ensureModuleAnalysed(node: SyntaxNode): void {
    let top = node;
    while (top.parent && top.parent.parent) top = top.parent;
    if (this.analysed.has(key(top))) return;
    this.analysed.add(key(top));
    this.exec(top, new Map());
  }

  private ensureAnalysed(fn: SyntaxNode): void {
    if (this.analysed.has(key(fn))) return;
    this.analysed.add(key(fn));
    const outer = this.enclosingFunction(fn);
    if (outer) this.ensureAnalysed(outer);
    else this.ensureModuleAnalysed(fn);
    const captured = this.envAt(fn);
    this.runFunction(fn, new Map([...captured, ...this.parameterTaint(fn)]));
  }

  private runFunction(fn: SyntaxNode, env: Env): void {
    const body = fn.childForFieldName('body');
    if (!body) return;
    if (body.type === 'statement_block' || body.type === 'block') this.execBlock(body, env);
    else {
      // Expression-bodied arrow function or lambda: its value is returned.
      this.envBefore.set(key(body), env);
      if (this.evaluate(body, env)) this.returnsTaint = true;
    }
  }

  /** The environment in force at a node: that of the nearest enclosing statement the analysis visited. */
  private envAt(node: SyntaxNode): Env {
    for (let n: SyntaxNode | null = node; n; n = n.parent) {
      const env = this.envBefore.get(key(n));
      if (env) return env;
    }
    return new Map();
  }

  private execBlock(block: SyntaxNode, env: Env): Env {
    this.envBefore.set(key(block), env);
    let current = env;
    for (const statement of block.namedChildren) if (statement) current = this.exec(statement, current);
    return current;
  }

  private exec(statement: SyntaxNode, env: Env): Env {
    this.envBefore.set(key(statement), env);
    switch (statement.type) {
      case 'lexical_declaration':
      case 'variable_declaration': {
        let current = env;
        for (const d of statement.namedChildren) {
          if (d?.type !== 'variable_declarator') continue;
          const name = d.childForFieldName('name');
          const value = d.childForFieldName('value');
          if (name) current = this.bind(name, value ? this.evaluate(value, current) : undefined, current);
        }
        return current;
      }
      case 'expression_statement': {
        const inner = statement.namedChildren[0];
        return inner ? this.execExpression(inner, env) : env;
      }
      case 'return_statement': {
        const value = statement.namedChildren[0];
        if (value && this.evaluate(value, env)) this.returnsTaint = true;
        return env;
      }
      case 'if_statement':
        return this.execIf(statement, env);
      case 'for_in_statement':
      case 'for_statement': {
        // `for (const x of xs)` / `for x in xs:` bind each element with the iterable's taint.
        const left = statement.childForFieldName('left');
        const right = statement.childForFieldName('right');
        let loopEnv = env;
        if (left && right) loopEnv = this.bind(left, this.evaluate(right, env), env);
        for (const part of ['initializer', 'condition', 'increment']) {
          const n = statement.childForFieldName(part);
          if (n) loopEnv = this.execExpression(n, loopEnv);
        }
        const body = statement.childForFieldName('body');
        const after = body ? this.execAny(body, loopEnv) : loopEnv;
        return merge(env, after);
      }
      case 'with_statement': {
        let current = env;
        for (const item of statement.descendantsOfType('with_item')) {
          const value = item?.childForFieldName('value');
          if (value?.type === 'as_pattern') {
            const alias = value.childForFieldName('alias');
            const target = alias?.namedChildren[0] ?? alias;
            if (target) current = this.bind(target, undefined, current);
          }
        }
        const body = statement.childForFieldName('body');
        return body ? this.execAny(body, current) : current;
      }
      case 'function_declaration':
      case 'generator_function_declaration':
      case 'function_definition':
      case 'class_declaration':
      case 'class_definition':
      case 'decorated_definition':
        return env;
      default: {
        // try/while/switch/blocks/else: run child blocks in order, merging what they may have tainted.
        let current = env;
        for (const child of statement.namedChildren) {
          if (!child) continue;
          if (isBlockLike(child)) current = merge(current, this.execAny(child, current));
          else if (child.type === 'except_clause' || child.type === 'catch_clause' || child.type === 'finally_clause' || child.type === 'else_clause' || child.type === 'elif_clause') {
            current = merge(current, this.exec(child, current));
          }
        }
        return current;
      }
    }
  }

  private execAny(node: SyntaxNode, env: Env): Env {
    return isBlockLike(node) ? this.execBlock(node, env) : this.exec(node, env);
  }

  private execExpression(expression: SyntaxNode, env: Env): Env {
    this.envBefore.set(key(expression), env);
    switch (expression.type) {
      case 'assignment_expression':
      case 'assignment': {
        const left = expression.childForFieldName('left');
        const right = expression.childForFieldName('right');
        if (!left || !right) return env;
        if (left.type === 'member_expression' || left.type === 'subscript_expression' || left.type === 'attribute' || left.type === 'subscript') {
          // `obj.field = tainted` taints the object, so `obj` reaching a sink carries it.
          const object = left.childForFieldName('object') ?? left.childForFieldName('value');
          const taint = this.evaluate(right, env);
          return object?.type === 'identifier' && taint ? new Map([...env, [object.text, taint]]) : env;
        }
        return this.bind(left, this.evaluate(right, env), env);
      }
      case 'augmented_assignment_expression':
      case 'augmented_assignment': {
        const left = expression.childForFieldName('left');
        const right = expression.childForFieldName('right');
        if (left?.type !== 'identifier' || !right) return env;
        const taint = this.evaluate(right, env) ?? this.evaluate(left, env);
        return new Map([...env, [left.text, taint ?? null]]);
      }
      default:
        return env;
    }
  }

  private execIf(statement: SyntaxNode, env: Env): Env {
    const condition = statement.childForFieldName('condition');
    const consequence = statement.childForFieldName('consequence');
    const alternatives = statement.namedChildren.filter((c) => c && (c.type === 'else_clause' || c.type === 'elif_clause')) as SyntaxNode[];
    const check = condition ? allowListCheck(condition) : undefined;
    const thenEnv = check && !check.negated ? clear(env, check.names) : env;
    const afterThen = consequence ? this.execAny(consequence, thenEnv) : thenEnv;
    let afterElse = check && check.negated ? clear(env, check.names) : env;
    for (const alt of alternatives) afterElse = merge(afterElse, this.exec(alt, afterElse));
    if (consequence && alwaysExits(consequence)) return afterElse;
    return merge(afterThen, afterElse);
  }

  private bind(target: SyntaxNode, taint: Taint | undefined, env: Env): Env {
    const next = new Map(env);
    const assign = (name: SyntaxNode, t: Taint | undefined): void => { next.set(name.text, t ?? null); };
    const visit = (pattern: SyntaxNode, t: Taint | undefined): void => {
      switch (pattern.type) {
        case 'identifier':
        case 'shorthand_property_identifier_pattern':
          assign(pattern, t);
          break;
        case 'object_pattern':
        case 'array_pattern':
        case 'pattern_list':
        case 'tuple_pattern':
        case 'list_pattern':
        case 'expression_list':
        case 'parenthesized_expression':
          for (const child of pattern.namedChildren) if (child) visit(child, t);
          break;
        case 'pair_pattern': {
          const value = pattern.childForFieldName('value');
          if (value) visit(value, t);
          break;
        }
        case 'assignment_pattern':
        case 'object_assignment_pattern': {
          const left = pattern.childForFieldName('left');
          if (left) visit(left, t);
          break;
        }
        case 'rest_pattern':
        case 'list_splat_pattern': {
          const inner = pattern.namedChildren[0];
          if (inner) visit(inner, t);
          break;
        }
        default:
          break;
      }
    };
    visit(target, taint);
    return next;
  }

  // ----- parameters -----

  private parameterNames(fn: SyntaxNode): string[] {
    const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
    if (!params) return [];
    if (params.type === 'identifier') return [params.text];
    return params.namedChildren.flatMap((p) => (p ? patternNames(p) : []));
  }

  /** Parameters that carry client data: request objects of route handlers, NestJS @Body/@Query, FastAPI/Flask route parameters. */
  private parameterTaint(fn: SyntaxNode): Map<string, Taint | null> {
    const result = new Map<string, Taint | null>();
    const params = fn.childForFieldName('parameters');
    if (!params) return result;
    const list = params.namedChildren.filter(Boolean) as SyntaxNode[];
    for (const name of this.parameterNames(fn)) result.set(name, null);
    if (this.family === 'javascript') {
      for (const p of list) {
        const decorator = p.namedChildren.find((c) => c?.type === 'decorator')?.text ?? '';
        const match = /^@(Body|Query|Param|Headers|Cookies|UploadedFile|UploadedFiles)\b/.exec(decorator);
        if (match) for (const n of patternNames(p)) result.set(n, this.sourceTaint(`@${match[1]}() ${n}`, p));
        if (/^@(Req|Request)\b/.test(decorator)) for (const n of patternNames(p)) { result.delete(n); this.extraRequestNames.add(n); }
      }
      if (this.isRouteHandler(fn) && list[0]) for (const n of patternNames(list[0])) { result.delete(n); this.extraRequestNames.add(n); }
      return result;
    }
    const route = this.pythonRoute(fn);
    if (!route) return result;
    for (const p of list) {
      const names = patternNames(p);
      const name = names[0];
      if (!name || name === 'self' || name === 'cls' || this.model.requestNames.includes(name)) continue;
      const type = p.childForFieldName('type')?.text ?? '';
      const value = p.childForFieldName('value')?.text ?? '';
      if (this.model.trustedParameterTypes.some((t) => new RegExp(`\\b${t}\\b`).test(type)) || /Depends\(|Security\(/.test(value)) continue;
      if (new RegExp(`<(int|float|uuid):${name}>`).test(route)) continue;
      result.set(name, this.sourceTaint(`route parameter ${name}`, p));
    }
    return result;
  }

  /** A function passed to `app.get('/path', fn)`-style registrations, or a Next.js route handler export. */
  private isRouteHandler(fn: SyntaxNode): boolean {
    const args = fn.parent;
    if (args?.type === 'arguments') {
      const call = args.parent;
      const callee = call?.childForFieldName('function');
      if (callee?.type !== 'member_expression') return false;
      const method = callee.childForFieldName('property')?.text ?? '';
      if (!this.model.routeMethods.includes(method)) return false;
      const first = args.namedChildren[0];
      return !!first && (first.type === 'string' || first.type === 'template_string' || first.type === 'regex' || first.type === 'array' || first === fn);
    }
    const name = fn.childForFieldName('name')?.text ?? '';
    return fn.parent?.type === 'export_statement' && /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name);
  }

  /** The route string of a decorated Python view (`@app.get("/items/{id}")`), '' when it has none, undefined when not a route. */
  private pythonRoute(fn: SyntaxNode): string | undefined {
    const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
    if (!decorated) return undefined;
    for (const d of decorated.namedChildren) {
      if (d?.type !== 'decorator') continue;
      const expr = d.namedChildren[0];
      const callee = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
      const last = callee?.text.split('.').pop() ?? '';
      if (callee?.type === 'attribute' && this.model.routeDecorators.includes(last)) {
        const firstArg = expr?.type === 'call' ? expr.childForFieldName('arguments')?.namedChildren[0] : undefined;
        return firstArg?.text ?? '';
      }
    }
    return undefined;
  }

  // ----- expressions -----

  private sourceTaint(label: string, node: SyntaxNode): Taint {
    return { source: { label: label.length > 60 ? `${label.slice(0, 57)}...` : label, range: rangeOf(node) }, cleared: [] };
  }

  /** By convention (`req`, `request`, `ctx`) or because the function is a route handler. */
  private isRequestName(name: string): boolean {
    return this.model.requestNames.includes(name) || this.extraRequestNames.has(name);
  }

  evaluate(node: SyntaxNode, env: Env): Taint | undefined {
    if (cleanTypes.has(node.type)) return undefined;
    switch (node.type) {
      case 'identifier': {
        const t = env.get(node.text);
        return t ?? undefined;
      }
      case 'string':
      case 'template_string': {
        for (const child of node.namedChildren) {
          if (child && (child.type === 'interpolation' || child.type === 'template_substitution')) {
            const inner = child.namedChildren[0];
            const t = inner && this.evaluate(inner, env);
            if (t) return t;
          }
        }
        return undefined;
      }
      case 'member_expression':
      case 'attribute':
        return this.evaluateMember(node, env);
      case 'subscript_expression':
      case 'subscript': {
        const object = node.childForFieldName('object') ?? node.childForFieldName('value');
        if (!object) return undefined;
        if (object.type === 'identifier' && this.isRequestName(object.text)) {
          const index = node.childForFieldName('index') ?? node.childForFieldName('subscript');
          const field = index?.text.replace(/^['"]|['"]$/g, '') ?? '';
          if (this.model.requestFields.includes(field) || field === 'body') return this.sourceTaint(node.text, node);
        }
        const chain = this.resolve(object);
        if (chain && this.model.sourceChains.includes(chain)) return this.sourceTaint(node.text, node);
        return this.evaluate(object, env);
      }
      case 'call_expression':
      case 'call':
      case 'new_expression':
        return this.evaluateCall(node, env);
      case 'binary_expression': {
        const operator = node.childForFieldName('operator')?.text ?? '';
        if (comparisonOperators.has(operator)) return undefined;
        return this.firstTainted(node, env);
      }
      case 'unary_expression':
        return node.childForFieldName('operator')?.text === 'typeof' || node.text.startsWith('!') ? undefined : this.firstTainted(node, env);
      case 'assignment_expression':
      case 'named_expression': {
        const value = node.childForFieldName('right') ?? node.childForFieldName('value');
        return value ? this.evaluate(value, env) : undefined;
      }
      case 'pair':
      case 'keyword_argument': {
        const value = node.childForFieldName('value');
        return value ? this.evaluate(value, env) : undefined;
      }
      case 'ternary_expression':
      case 'conditional_expression': {
        const parts = node.type === 'ternary_expression'
          ? [node.childForFieldName('consequence'), node.childForFieldName('alternative')]
          : node.namedChildren.filter((_, i) => i !== 1);
        for (const p of parts) { const t = p && this.evaluate(p, env); if (t) return t; }
        return undefined;
      }
      default:
        return this.firstTainted(node, env);
    }
  }

  private firstTainted(node: SyntaxNode, env: Env): Taint | undefined {
    for (const child of node.namedChildren) {
      if (!child || child.type === 'comment') continue;
      const t = this.evaluate(child, env);
      if (t) return t;
    }
    return undefined;
  }

  private evaluateMember(node: SyntaxNode, env: Env): Taint | undefined {
    const object = node.childForFieldName('object');
    const property = node.childForFieldName(node.type === 'attribute' ? 'attribute' : 'property');
    if (!object || !property) return undefined;
    if (object.type === 'identifier' && this.isRequestName(object.text) && this.model.requestFields.includes(property.text)) {
      return this.sourceTaint(node.text, node);
    }
    // Koa and Next.js nest them: ctx.request.body, request.nextUrl.searchParams.
    if ((object.type === 'member_expression' || object.type === 'attribute') && this.model.requestFields.includes(property.text)) {
      const inner = object.childForFieldName('object');
      const innerProp = object.childForFieldName(object.type === 'attribute' ? 'attribute' : 'property');
      if (inner?.type === 'identifier' && this.isRequestName(inner.text) && (innerProp?.text === 'request' || innerProp?.text === 'nextUrl')) {
        return this.sourceTaint(node.text, node);
      }
    }
    const chain = chainText(node) ?? '';
    if (this.model.sourceChains.includes(chain) || this.model.sourceChains.includes(this.resolve(node) ?? '')) return this.sourceTaint(node.text, node);
    return this.evaluate(object, env);
  }

  private evaluateCall(node: SyntaxNode, env: Env): Taint | undefined {
    const callee = node.childForFieldName('function') ?? node.childForFieldName('constructor');
    const args = node.childForFieldName('arguments');
    if (!callee) return undefined;
    const resolved = this.resolve(callee);
    const text = chainText(callee) ?? '';
    const name = text.split('.').pop() ?? '';
    const names = [resolved, text, name].filter((n): n is string => !!n);
    if (names.some((n) => this.model.sourceCalls.includes(n))) return this.sourceTaint(node.text, node);
    const argTaint = (): Taint | undefined => (args ? this.firstTainted(args, env) : undefined);
    const sanitizer = this.model.sanitizers.find((s) => names.includes(s.callee));
    const receiver = callee.type === 'member_expression' || callee.type === 'attribute' ? callee.childForFieldName('object') : undefined;
    if (sanitizer || (name && this.model.sanitizerNamePattern.test(name))) {
      const t = argTaint() ?? (receiver ? this.evaluate(receiver, env) : undefined);
      if (!t) return undefined;
      const hazards = sanitizer ? sanitizer.hazards : '*';
      if (hazards === '*' || t.cleared === '*') return undefined;
      return { source: t.source, cleared: [...t.cleared, ...hazards] };
    }
    if (receiver) {
      // Request methods: req.get('Referer'), request.get_json(), await request.json().
      if (receiver.type === 'identifier' && this.isRequestName(receiver.text) && this.model.requestMethods.includes(name)) return this.sourceTaint(node.text, node);
      const receiverTaint = this.evaluate(receiver, env);
      if (receiverTaint) return receiverTaint;
    }
    if (names.some((n) => this.model.propagatingFunctions.includes(n)) || (callee.type === 'identifier' && this.helperPropagates(callee.text) === true)) {
      return argTaint();
    }
    return undefined;
  }
}

function chainText(node: SyntaxNode): string | undefined {
  if (node.type === 'identifier' || node.type === 'property_identifier') return node.text;
  if (node.type === 'member_expression' || node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const property = node.childForFieldName(node.type === 'attribute' ? 'attribute' : 'property');
    const head = object && chainText(object);
    return head && property ? `${head}.${property.text}` : property?.text;
  }
  return undefined;
}

function patternNames(pattern: SyntaxNode): string[] {
  switch (pattern.type) {
    case 'identifier':
    case 'shorthand_property_identifier_pattern':
      return [pattern.text];
    case 'required_parameter':
    case 'optional_parameter': {
      const inner = pattern.childForFieldName('pattern');
      return inner ? patternNames(inner) : [];
    }
    case 'typed_parameter':
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern': {
      const inner = pattern.namedChildren.find((c) => c?.type === 'identifier');
      return inner ? [inner.text] : [];
    }
    case 'default_parameter':
    case 'typed_default_parameter': {
      const name = pattern.childForFieldName('name');
      return name ? [name.text] : [];
    }
    case 'assignment_pattern': {
      const left = pattern.childForFieldName('left');
      return left ? patternNames(left) : [];
    }
    case 'pair_pattern': {
      const value = pattern.childForFieldName('value');
      return value ? patternNames(value) : [];
    }
    case 'object_pattern':
    case 'array_pattern':
    case 'rest_pattern':
      return pattern.namedChildren.flatMap((c) => (c ? patternNames(c) : []));
    default:
      return [];
  }
}

function isBlockLike(node: SyntaxNode): boolean {
  return node.type === 'statement_block' || node.type === 'block' || node.type === 'else_clause' || node.type === 'switch_body';
}

function merge(a: Env, b: Env): Env {
  if (a === b) return a;
  const next = new Map(a);
  for (const [name, taint] of b) if (taint || !next.has(name)) next.set(name, taint ?? next.get(name) ?? null);
  return next;
}

function clear(env: Env, names: readonly string[]): Env {
  const next = new Map(env);
  for (const name of names) {
    const t = env.get(name);
    if (t) next.set(name, { ...t, cleared: '*' });
  }
  return next;
}

/**
 * An allow-list or format check on variables: `ALLOWED.includes(x)`, `x in ALLOWED`, `/^\w+$/.test(x)`, `x === 'asc'`,
 * `re.fullmatch(p, x)`. `negated` when the condition holds for bad values (`!ALLOWED.includes(x)`, `x not in ALLOWED`).
 */
function allowListCheck(condition: SyntaxNode): { names: string[]; negated: boolean } | undefined {
  let node = condition;
  let negated = false;
  for (;;) {
    if (node.type === 'parenthesized_expression') node = node.namedChildren[0] ?? node;
    else if ((node.type === 'unary_expression' && node.text.startsWith('!')) || node.type === 'not_operator') { negated = !negated; node = node.namedChildren[node.namedChildren.length - 1] ?? node; }
    else break;
    if (!node) return undefined;
  }
  const identifiers = (n: SyntaxNode): string[] => (n.type === 'identifier' ? [n.text] : n.namedChildren.flatMap((c) => (c && c.type !== 'string' ? identifiers(c) : [])));
  if (node.type === 'call_expression' || node.type === 'call') {
    const callee = node.childForFieldName('function');
    const method = callee?.text.split('.').pop() ?? '';
    if (!/^(includes|has|test|match|fullmatch|isValid|isUUID|isInt|isAlphanumeric|isNumeric|isEmail|isURL|validate|startsWith)$/.test(method)) return undefined;
    const args = node.childForFieldName('arguments');
    const names = args ? args.namedChildren.flatMap((a) => (a ? identifiers(a) : [])) : [];
    return names.length ? { names, negated } : undefined;
  }
  if (node.type === 'comparison_operator') {
    // `x in ALLOWED` / `x not in ALLOWED` / `x == "asc"`
    const operators = node.children.filter((c) => c && !c.isNamed).map((c) => c!.text).join(' ');
    const left = node.namedChildren[0];
    if (!left || left.type !== 'identifier') return undefined;
    if (/\bnot in\b|!=/.test(operators)) return { names: [left.text], negated: !negated };
    if (/\bin\b|==/.test(operators)) return { names: [left.text], negated };
    return undefined;
  }
  if (node.type === 'binary_expression') {
    const operator = node.childForFieldName('operator')?.text ?? '';
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if ((operator === '===' || operator === '==') && left?.type === 'identifier' && right?.type === 'string') return { names: [left.text], negated };
    if ((operator === '!==' || operator === '!=') && left?.type === 'identifier' && right?.type === 'string') return { names: [left.text], negated: !negated };
  }
  return undefined;
}

function alwaysExits(block: SyntaxNode): boolean {
  const last = block.type === 'statement_block' || block.type === 'block' ? block.namedChildren.filter((c) => c && c.type !== 'comment').pop() : block;
  if (!last) return false;
  if (exits.test(last.type)) return true;
  if (last.type === 'expression_statement') {
    const inner = last.namedChildren[0];
    const call = inner?.type === 'await_expression' ? inner.namedChildren[0] : inner;
    if (call && (call.type === 'call_expression' || call.type === 'call')) return exitCalls.test(call.text);
  }
  return false;
}
