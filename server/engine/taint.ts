// Owns intra-procedural taint: which untrusted source, if any, reaches an expression without a sanitizer for a hazard.
import type { LanguageFamily, ModuleBinding, SyntaxNode, TaintFlow, TaintSource } from '../../rules/api';
import { javascriptModel } from '../../rules/models/javascript';
import { pythonModel } from '../../rules/models/python';
import type { TaintModel, ValueChecks } from '../../rules/models/taint-model';
import { rangeOf } from './findings';

/** Taint carried by a value: where it came from, and the hazards a sanitizer already cleared it for. */
interface Taint {
  readonly source: TaintSource;
  readonly cleared: readonly string[] | '*';
}

/**
 * Variable name → its taint (null: known clean, shadowing an outer tainted name). Persistent: a binding adds a layer
 * over its parent instead of copying, and the chain is flattened every few dozen layers, so straight-line code with
 * thousands of declarations (bundled files, big IIFEs) stays linear while every statement keeps its own snapshot.
 */
class Env {
  static readonly empty = new Env(new Map(), undefined, undefined, undefined, 0);

  private constructor(
    private readonly base: ReadonlyMap<string, Taint | null>,
    private readonly name: string | undefined,
    private readonly value: Taint | null | undefined,
    private readonly parent: Env | undefined,
    private readonly depth: number,
  ) {}

  static of(entries: Iterable<[string, Taint | null]>): Env {
    return new Env(new Map(entries), undefined, undefined, undefined, 0);
  }

  get(name: string): Taint | null | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) {
      if (!e.parent) return e.base.get(name);
      if (e.name === name) return e.value;
    }
    return undefined;
  }

  set(name: string, value: Taint | null): Env {
    const next = new Env(this.base, name, value, this, this.depth + 1);
    return next.depth > 32 ? Env.of(next.entries()) : next;
  }

  entries(): Map<string, Taint | null> {
    const layers: Env[] = [];
    let e: Env = this;
    while (e.parent) { layers.push(e); e = e.parent; }
    const map = new Map(e.base);
    for (let i = layers.length - 1; i >= 0; i--) map.set(layers[i].name!, layers[i].value ?? null);
    return map;
  }

  /** The bindings added on top of `ancestor`, oldest first, when this env descends from it by a few layers. */
  layersAbove(ancestor: Env): [string, Taint | null][] | undefined {
    const layers: [string, Taint | null][] = [];
    for (let e: Env | undefined = this; e; e = e.parent) {
      if (e === ancestor) return layers.reverse();
      if (!e.parent || layers.length > 32) return undefined;
      layers.push([e.name!, e.value ?? null]);
    }
    return undefined;
  }
}

const models: Record<LanguageFamily, TaintModel> = { javascript: javascriptModel, python: pythonModel };
/** The route a view of the model's `urlViews` takes its parameters from (no path string to read converters from). */
const viewRouteMarker = '\0url-view';

const jsFunctionTypes = new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function_declaration', 'generator_function']);
const pyFunctionTypes = new Set(['function_definition', 'lambda']);
const cleanTypes = new Set([
  'number', 'integer', 'float', 'true', 'false', 'null', 'undefined', 'none', 'None', 'comparison_operator', 'not_operator', 'regex',
  'arrow_function', 'function_expression', 'function', 'lambda', 'class', 'instanceof_expression', 'type_identifier',
]);
const comparisonOperators = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'instanceof', 'in']);
const exits = /^(return_statement|throw_statement|raise_statement|continue_statement|break_statement)$/;
const maxEvaluationDepth = 400;
const comprehensionTypes = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
/** Parameter defaults that make a value a number or a flag, which no injection can ride on. */
const numericDefault = new Set(['integer', 'float', 'true', 'false', 'number', 'unary_operator']);
/** The name a decorator applies (`@Body('x')` → Body), and the type a type annotation names (`: MessageEvent<T>` → MessageEvent). */
const decoratorName = /^@(\w+)/;
const annotatedType = /^:\s*(\w+)/;
/** Each model's `trustedParameterTypes` as one word-bounded pattern, compiled once per model. */
const trustedTypePatterns = new WeakMap<TaintModel, RegExp>();

function trustedTypePattern(model: TaintModel): RegExp {
  let pattern = trustedTypePatterns.get(model);
  if (!pattern) {
    const words = model.trustedParameterTypes.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = words.length ? new RegExp(`\\b(${words.join('|')})\\b`) : /(?!)/;
    trustedTypePatterns.set(model, pattern);
  }
  return pattern;
}

export function isFunctionNode(node: SyntaxNode, family: LanguageFamily): boolean {
  return (family === 'python' ? pyFunctionTypes : jsFunctionTypes).has(node.type);
}

function key(node: SyntaxNode): string {
  return `${node.startIndex}:${node.endIndex}:${node.type}`;
}

/** Taint analysis for the functions of one unit, computed lazily per function when a rule asks. */
export class TaintAnalysis {
  private readonly model: TaintModel;
  private readonly extraRequestNames = new Set<string>();
  private readonly envBefore = new Map<string, Env>();
  private readonly analysed = new Set<string>();
  private returnsTaint = false;
  private depth = 0;

  constructor(
    private readonly family: LanguageFamily,
    private readonly bindings: readonly ModuleBinding[],
    private readonly resolve: (node: SyntaxNode) => string | undefined,
    /** Whether a top-level function of this file returns its arguments' taint; undefined when no such function exists. */
    private readonly helperPropagates: (name: string) => boolean | undefined,
    /** Every function's own parameters are sources too (`TaintOptions.parameters`). */
    private readonly parameterSources = false,
    /** The language's sources, sanitizers and checks; the family's model in rules/models unless given. */
    model?: TaintModel,
  ) {
    this.model = model ?? models[family];
  }

  sourceOf(node: SyntaxNode, hazard: string): TaintSource | undefined {
    const taint = this.taintOf(node);
    if (!taint || taint.cleared === '*' || taint.cleared.includes(hazard)) return undefined;
    return taint.source;
  }

  flowOf(node: SyntaxNode, hazard: string): TaintFlow | undefined {
    const taint = this.taintOf(node);
    return taint ? { source: taint.source, sanitized: taint.cleared === '*' || taint.cleared.includes(hazard) } : undefined;
  }

  /** Whether a function returns data derived from its parameters (used for local helpers). */
  summarize(fn: SyntaxNode): boolean {
    this.returnsTaint = false;
    const params = new Map<string, Taint | null>();
    for (const name of this.parameterNames(fn)) params.set(name, { source: { label: `parameter ${name}`, range: rangeOf(fn) }, cleared: [] });
    this.runFunction(fn, Env.of(params));
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
    this.exec(top, Env.empty);
  }

  private ensureAnalysed(fn: SyntaxNode): void {
    if (this.analysed.has(key(fn))) return;
    this.analysed.add(key(fn));
    const outer = this.enclosingFunction(fn);
    if (outer) this.ensureAnalysed(outer);
    else this.ensureModuleAnalysed(fn);
    const captured = this.envAt(fn);
    this.runFunction(fn, Env.of([...captured.entries(), ...this.parameterTaint(fn)]));
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
    return Env.empty;
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
          return object?.type === 'identifier' && taint ? env.set(object.text, taint) : env;
        }
        return this.bind(left, this.evaluate(right, env), env);
      }
      case 'call':
      case 'call_expression':
        return this.execCheckCall(expression, env);
      case 'augmented_assignment_expression':
      case 'augmented_assignment': {
        const left = expression.childForFieldName('left');
        const right = expression.childForFieldName('right');
        if (left?.type !== 'identifier' || !right) return env;
        const taint = this.evaluate(right, env) ?? this.evaluate(left, env);
        return env.set(left.text, taint ?? null);
      }
      default:
        return env;
    }
  }

  /** `validate_path(name)` as a statement (it raises on a bad value): the variables it checked are clean after it. */
  private execCheckCall(call: SyntaxNode, env: Env): Env {
    const pattern = this.model.statementChecks;
    const callee = call.childForFieldName('function');
    const name = callee ? (chainText(callee) ?? '').split('.').pop() ?? '' : '';
    if (!pattern || !pattern.test(name)) return env;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const names = args.filter((a): a is SyntaxNode => !!a && a.type === 'identifier').map((a) => a.text);
    // `full.relative_to(BASE)` raises unless `full` lies under BASE: the receiver is what it checked.
    const receiver = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
    if (receiver?.type === 'identifier' && this.model.receiverStatementChecks?.includes(name)) names.push(receiver.text);
    return names.length ? clear(env, names) : env;
  }

  private execIf(statement: SyntaxNode, env: Env): Env {
    const condition = statement.childForFieldName('condition');
    const consequence = statement.childForFieldName('consequence');
    const alternatives = statement.namedChildren.filter((c) => c && (c.type === 'else_clause' || c.type === 'elif_clause')) as SyntaxNode[];
    const check = condition ? allowListCheck(condition, this.model.checks) : undefined;
    const thenEnv = check && !check.negated ? clear(env, check.names, check.hazards) : env;
    const afterThen = consequence ? this.execAny(consequence, thenEnv) : thenEnv;
    let afterElse = check && check.negated ? clear(env, check.names, check.hazards) : env;
    for (const alt of alternatives) afterElse = merge(afterElse, this.exec(alt, afterElse));
    if (consequence && alwaysExits(consequence, this.model.exitCalls)) return afterElse;
    return merge(afterThen, afterElse);
  }

  private bind(target: SyntaxNode, taint: Taint | undefined, env: Env): Env {
    let next = env;
    const assign = (name: SyntaxNode, t: Taint | undefined): void => { next = next.set(name.text, t ?? null); };
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
    if (this.parameterSources) {
      for (const p of list) {
        if (p.type === 'decorator' || isNumericParameter(p, this.model.numericAnnotations)) continue;
        for (const name of patternNames(p)) {
          if (name === 'self' || name === 'cls' || name === 'this' || this.isRequestName(name)) continue;
          result.set(name, { source: { label: `parameter ${name}`, range: rangeOf(p), parameter: true }, cleared: [] });
        }
      }
    }
    if (this.family === 'javascript') {
      const decorators = this.model.parameterDecorators;
      const messageTypes = this.model.messageParameterTypes;
      for (const p of list) {
        // `@Body() dto`, `@Query('q') q` inject client data; `@Req() req` injects the request.
        const decorator = decorators && decoratorName.exec(p.namedChildren.find((c) => c?.type === 'decorator')?.text ?? '')?.[1];
        if (decorator && decorators.sources.includes(decorator)) for (const n of patternNames(p)) result.set(n, this.sourceTaint(`@${decorator}() ${n}`, p));
        if (decorator && decorators.requests.includes(decorator)) for (const n of patternNames(p)) { result.delete(n); this.extraRequestNames.add(n); }
        // `function onMessage(event: MessageEvent)`: a handler of another window's or worker's messages, however registered
        // (but not on a receiver of the page's own: `worker.onmessage = (e: MessageEvent) => …`).
        const type = messageTypes && annotatedType.exec(p.childForFieldName('type')?.text ?? '')?.[1];
        if (type && messageTypes.includes(type) && !this.onInternalReceiver(fn)) for (const n of patternNames(p)) result.set(n, this.sourceTaint(`the 'message' payload ${n}`, p));
      }
      if (this.isRouteHandler(fn) && list[0]) for (const n of patternNames(list[0])) { result.delete(n); this.extraRequestNames.add(n); }
      const event = list[0] && this.messageEvent(fn);
      if (event) {
        // Electron's listeners get the event first and the renderer's arguments after it.
        const receiver = fn.parent?.parent?.childForFieldName('function')?.childForFieldName('object')?.text ?? '';
        const payload = this.model.messageListeners?.payloadAfterEvent?.test(receiver) ? list.slice(1) : [list[0]];
        for (const p of payload) for (const n of patternNames(p)) result.set(n, this.sourceTaint(`the '${event}' payload ${n}`, p));
      }
      return result;
    }
    // Serverless handlers (`def handler(event, context)`): the whole event is the caller's (API Gateway, queues, buckets).
    const pythonNames = list.map((p) => patternNames(p)[0]);
    const first = pythonNames[0];
    if (first && this.model.eventHandlerParameters?.some((s) => s.length === pythonNames.length && s.every((n, i) => n === pythonNames[i]))) result.set(first, this.sourceTaint(first, list[0]));
    // A parameter typed as a request (`r: Request`, `req: HttpRequest`) is one, whatever its name.
    const requestTypes = this.model.requestTypes;
    if (requestTypes) {
      list.forEach((p, i) => {
        const name = pythonNames[i];
        if (name && requestTypes.includes(p.childForFieldName('type')?.text ?? '')) this.extraRequestNames.add(name);
      });
    }
    // Resolvers (GraphQL's): the arguments after `info` are the client's.
    const resolvers = this.model.resolvers;
    const after = resolvers ? pythonNames.indexOf(resolvers.after) : -1;
    if (resolvers && after >= 0 && resolvers.functions.test(fn.childForFieldName('name')?.text ?? '')) {
      list.slice(after + 1).forEach((p, i) => {
        const name = pythonNames[after + 1 + i];
        if (name && !isNumericParameter(p, this.model.numericAnnotations)) result.set(name, this.sourceTaint(`${resolvers.label} ${name}`, p));
      });
    }
    const route = this.pythonRoute(fn) ?? this.urlViewRoute(fn, list);
    if (!route) return result;
    const trustedTypes = trustedTypePattern(this.model);
    for (const p of list) {
      const names = patternNames(p);
      const name = names[0];
      if (!name || name === 'self' || name === 'cls' || this.model.requestNames.includes(name)) continue;
      if (route === viewRouteMarker && !this.model.urlViews?.parameters.test(name) && p.type !== 'dictionary_splat_pattern') continue;
      const type = p.childForFieldName('type')?.text ?? '';
      const value = p.childForFieldName('value')?.text ?? '';
      if (trustedTypes.test(type) || this.model.trustedParameterDefaults?.some((d) => value.includes(`${d}(`))) continue;
      if (this.model.numericRouteConverters?.some((c) => route.includes(`<${c}:${name}>`))) continue;
      result.set(name, this.sourceTaint(`route parameter ${name}`, p));
    }
    return result;
  }

  /**
   * Function and class-based views of the model's `urlViews` (`def detail(request, slug)`, `def get(self, request, pk)`): the
   * parameters after the request come from the URL. Only in files that import the framework, where that convention holds.
   */
  private urlViewRoute(fn: SyntaxNode, params: readonly SyntaxNode[]): string | undefined {
    const views = this.model.urlViews;
    if (!views || !this.bindings.some((b) => views.modules.test(b.module))) return undefined;
    const names = params.map((p) => patternNames(p)[0]);
    const at = names[0] === 'self' ? 1 : 0;
    if (names[at] !== views.request || names.length <= at + 1) return undefined;
    // Helpers also take the request first (`def notify(request, article)`): only URL-shaped names count.
    return names.slice(at + 1).some((n) => n && views.parameters.test(n)) ? viewRouteMarker : undefined;
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
    return fn.parent?.type === 'export_statement' && !!this.model.routeExports?.includes(name);
  }

  /** The hazards a `.replace(regex, …)` removes, by the model's replace sanitizers. */
  private replaceClears(pattern: SyntaxNode | null | undefined): string[] | undefined {
    if (pattern?.type !== 'regex' || !this.model.replaceSanitizers) return undefined;
    const hazards = this.model.replaceSanitizers.filter((r) => r.pattern.test(pattern.text)).flatMap((r) => r.hazards);
    return hazards.length ? hazards : undefined;
  }

  /** Whether `fn` is registered on a receiver the model calls the page's own (`worker.onmessage = fn`, `worker.on('message', fn)`). */
  private onInternalReceiver(fn: SyntaxNode): boolean {
    const internal = this.model.messageListeners?.internalReceivers;
    const parent = fn.parent;
    if (!internal || !parent) return false;
    if (parent.type === 'assignment_expression') {
      const left = parent.childForFieldName('left');
      return left?.type === 'member_expression' && internal.test(left.childForFieldName('object')?.text ?? '');
    }
    const callee = parent.type === 'arguments' ? parent.parent?.childForFieldName('function') : undefined;
    return callee?.type === 'member_expression' && internal.test(callee.childForFieldName('object')?.text ?? '');
  }

  /** The event name when `fn` listens for a payload another party sent (`addEventListener('message', fn)`, `socket.on('chat', fn)`). */
  private messageEvent(fn: SyntaxNode): string | undefined {
    const listeners = this.model.messageListeners;
    if (!listeners || this.onInternalReceiver(fn)) return undefined;
    const parent = fn.parent;
    if (parent?.type === 'assignment_expression') {
      const left = parent.childForFieldName('left');
      const property = left?.type === 'member_expression' ? left.childForFieldName('property')?.text ?? '' : '';
      return listeners.handlerProperties.includes(property) ? property.replace(/^on/, '') : undefined;
    }
    if (parent?.type !== 'arguments' || parent.namedChildren[1]?.startIndex !== fn.startIndex) return undefined;
    const callee = parent.parent?.childForFieldName('function');
    if (callee?.type !== 'member_expression' || !listeners.methods.includes(callee.childForFieldName('property')?.text ?? '')) return undefined;
    const first = parent.namedChildren[0];
    const name = first?.type === 'string' ? first.text.slice(1, -1) : undefined;
    if (!name) return undefined;
    const receiver = callee.childForFieldName('object')?.text ?? '';
    if (listeners.payloadEvents.includes(name) || listeners.payloadAfterEvent?.test(receiver)) return name;
    return listeners.socketReceivers.test(receiver) && !listeners.lifecycleEvents.test(name) ? name : undefined;
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

  /** `request`, or a view's `self.request` (a request wrapper of the model on the handler object). */
  private isRequestExpression(node: SyntaxNode): boolean {
    if (node.type === 'identifier') return this.isRequestName(node.text);
    if (node.type !== 'attribute' && node.type !== 'member_expression') return false;
    const object = node.childForFieldName('object');
    const property = node.childForFieldName(node.type === 'attribute' ? 'attribute' : 'property');
    return (object?.text === 'self' || object?.text === 'this') && !!property && this.model.requestWrappers.includes(property.text);
  }

  /** By convention (`req`, `request`, `ctx`) or because the function is a route handler. */
  private isRequestName(name: string): boolean {
    return this.model.requestNames.includes(name) || this.extraRequestNames.has(name);
  }

  evaluate(node: SyntaxNode, env: Env): Taint | undefined {
    // Generated code nests expressions thousands deep (`"a" + x + "a" + ...`): stay well within the stack.
    if (this.depth > maxEvaluationDepth) return undefined;
    this.depth++;
    try {
      return this.evaluateNode(node, env);
    } finally {
      this.depth--;
    }
  }

  private evaluateNode(node: SyntaxNode, env: Env): Taint | undefined {
    if (cleanTypes.has(node.type)) return undefined;
    if (comprehensionTypes.has(node.type)) return this.evaluateComprehension(node, env);
    switch (node.type) {
      case 'identifier':
      case 'shorthand_property_identifier': {
        // `{ username }` in an object literal reads the variable `username`.
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
          if (this.model.requestFields.includes(field)) return this.sourceTaint(node.text, node);
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

  /** `[f(x) for x in xs if check(x)]`: the element carries what the body makes of each item; filters may clear it. */
  private evaluateComprehension(node: SyntaxNode, env: Env): Taint | undefined {
    let inner = env;
    for (const clause of node.namedChildren) {
      if (clause?.type === 'for_in_clause') {
        const left = clause.childForFieldName('left');
        const right = clause.childForFieldName('right');
        if (left && right) inner = this.bind(left, this.evaluate(right, inner), inner);
      } else if (clause?.type === 'if_clause') {
        const condition = clause.namedChildren[0];
        const check = condition ? allowListCheck(condition, this.model.checks) : undefined;
        if (check && !check.negated) inner = clear(inner, check.names, check.hazards);
      }
    }
    const body = node.childForFieldName('body');
    if (!body) return undefined;
    // A dict comprehension's keys are data too (`{k: v for k, v in body.items()}` feeds attribute names).
    if (body.type === 'pair') return this.firstTainted(body, inner);
    return this.evaluate(body, inner);
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
    // Wrapped requests and parsed URLs: ctx.request.body, self.request.GET, request.nextUrl.searchParams.
    if ((object.type === 'member_expression' || object.type === 'attribute') && this.model.requestFields.includes(property.text)) {
      const inner = object.childForFieldName('object');
      const innerProp = object.childForFieldName(object.type === 'attribute' ? 'attribute' : 'property')?.text ?? '';
      const holder = inner?.type === 'identifier' ? inner.text : undefined;
      const request = !!holder && this.isRequestName(holder);
      const wrapped = (request || holder === 'self' || holder === 'this') && this.model.requestWrappers.includes(innerProp);
      const url = (request || holder === 'this') && !!this.model.requestUrlFields?.includes(innerProp);
      if (wrapped || url) return this.sourceTaint(node.text, node);
    }
    const chain = chainText(node) ?? '';
    if (this.model.sourceChains.includes(chain) || this.model.sourceChains.includes(this.resolve(node) ?? '')) return this.sourceTaint(node.text, node);
    if (object.text === 'self' && this.model.handlerSources?.some((h) => h.fields.includes(property.text)) && this.inHandlerClass(node, property.text)) return this.sourceTaint(node.text, node);
    const t = this.evaluate(object, env);
    // `Path(name).name`: the last component of a path object, like basename.
    const part = t && object.type === 'call' ? this.model.pathParts?.find((p) => p.attributes.includes(property.text) && p.constructors.test(chainText(object.childForFieldName('function')!) ?? '')) : undefined;
    if (t && part) return { source: t.source, cleared: t.cleared === '*' ? '*' : [...t.cleared, ...part.hazards] };
    return t;
  }

  /** Inside a class deriving from a request handler of the model (`class H(BaseHTTPRequestHandler)`), where `self.path` is the client's. */
  private inHandlerClass(node: SyntaxNode, field: string): boolean {
    for (let n = node.parent; n; n = n.parent) {
      if (n.type !== 'class_definition' && n.type !== 'class_declaration' && n.type !== 'class') continue;
      const bases = n.childForFieldName('superclasses')?.text ?? '';
      return !!this.model.handlerSources?.some((h) => h.fields.includes(field) && h.bases.test(bases));
    }
    return false;
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
    // A converting keyword (`request.args.get("page", type=int)`) converts before handing the value back.
    const converting = this.model.convertingKeywords;
    if (converting && args?.namedChildren.some((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === converting.keyword && converting.values.includes(a.childForFieldName('value')?.text ?? ''))) return undefined;
    // `f(x for x in xs)`: a lone generator is the argument list itself.
    const argTaint = (): Taint | undefined => (args ? (comprehensionTypes.has(args.type) ? this.evaluate(args, env) : this.firstTainted(args, env)) : undefined);
    // Most specific spelling first: `re.escape` is not the HTML `escape`.
    const sanitizer = names.map((n) => this.model.sanitizers.find((s) => s.callee === n)).find((s) => !!s);
    const receiver = callee.type === 'member_expression' || callee.type === 'attribute' ? callee.childForFieldName('object') : undefined;
    if (sanitizer || (name && this.model.sanitizerNamePattern.test(name))) {
      const t = argTaint() ?? (receiver ? this.evaluate(receiver, env) : undefined);
      if (!t) return undefined;
      const hazards = sanitizer ? sanitizer.hazards : '*';
      // Kept, cleared, so `flowOf` can tell a sanitized value from one with no source.
      if (hazards === '*' || t.cleared === '*') return { source: t.source, cleared: '*' };
      return { source: t.source, cleared: [...t.cleared, ...hazards] };
    }
    const stripped = receiver && (name === 'replace' || name === 'replaceAll') ? this.replaceClears(args?.namedChildren[0]) : undefined;
    if (receiver && stripped) {
      const t = this.evaluate(receiver, env);
      return t && { source: t.source, cleared: t.cleared === '*' ? '*' : [...t.cleared, ...stripped] };
    }
    if (receiver) {
      // Request methods: req.get('Referer'), request.get_json(), await request.json().
      if (this.isRequestExpression(receiver) && this.model.requestMethods.includes(name)) return this.sourceTaint(node.text, node);
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

/** `limit: int`, `count=10`, `verbose=False`, `(n: number)`: a parameter that holds a number or a flag. */
function isNumericParameter(p: SyntaxNode, numericAnnotations: RegExp): boolean {
  const type = p.childForFieldName('type')?.text.replace(/^:\s*/, '') ?? '';
  if (numericAnnotations.test(type)) return true;
  const value = p.childForFieldName('value');
  return !!value && numericDefault.has(value.type) && !type;
}

function isBlockLike(node: SyntaxNode): boolean {
  return node.type === 'statement_block' || node.type === 'block' || node.type === 'else_clause' || node.type === 'switch_body';
}

/** After branches: a name is tainted if it is tainted on either path. */
function merge(a: Env, b: Env): Env {
  if (a === b) return a;
  const added = b.layersAbove(a);
  if (added) {
    let next = a;
    for (const [name, taint] of added) if (taint || a.get(name) === undefined) next = next.set(name, taint ?? a.get(name) ?? null);
    return next;
  }
  const merged = a.entries();
  for (const [name, taint] of b.entries()) if (taint || !merged.has(name)) merged.set(name, taint ?? merged.get(name) ?? null);
  return Env.of(merged);
}

function clear(env: Env, names: readonly string[], hazards?: readonly string[]): Env {
  let next = env;
  for (const name of names) {
    const t = env.get(name);
    if (!t) continue;
    const cleared = !hazards || t.cleared === '*' ? '*' : [...t.cleared, ...hazards];
    next = next.set(name, { ...t, cleared });
  }
  return next;
}

/** What a check proves about names: cleared for every hazard, or only for `hazards` (`isinstance(x, str)`). */
interface Check {
  readonly names: string[];
  readonly negated: boolean;
  readonly hazards?: readonly string[];
}

/**
 * An allow-list or format check on variables: `ALLOWED.includes(x)`, `x in ALLOWED`, `/^\w+$/.test(x)`, `x === 'asc'`,
 * `re.fullmatch(p, x)`, `urlparse(u).netloc in HOSTS`, `path.startswith(ROOT)`, `is_safe_url(u)`, `isinstance(x, int)`.
 * `negated` when the condition holds for bad values (`!ALLOWED.includes(x)`, `x not in ALLOWED`).
 */
function allowListCheck(condition: SyntaxNode, checks: ValueChecks): Check | undefined {
  let node = condition;
  let negated = false;
  for (;;) {
    if (node.type === 'parenthesized_expression') node = node.namedChildren[0] ?? node;
    else if ((node.type === 'unary_expression' && node.text.startsWith('!')) || node.type === 'not_operator') { negated = !negated; node = node.namedChildren[node.namedChildren.length - 1] ?? node; }
    else break;
    if (!node) return undefined;
  }
  const identifiers = (n: SyntaxNode): string[] => (n.type === 'identifier' ? [n.text] : n.namedChildren.flatMap((c) => (c && c.type !== 'string' ? identifiers(c) : [])));
  if (node.type === 'boolean_operator' || (node.type === 'binary_expression' && /^(\|\||&&)$/.test(node.childForFieldName('operator')?.text ?? ''))) {
    // `not x or x not in ALLOWED` fails only when every part fails; `x and x in ALLOWED` holds only when every part holds.
    const operator = node.childForFieldName('operator')?.text ?? '';
    const disjunction = operator === 'or' || operator === '||';
    const parts = [node.childForFieldName('left'), node.childForFieldName('right')].map((p) => (p ? allowListCheck(p, checks) : undefined));
    const matching = parts.filter((c): c is Check => !!c && c.negated === disjunction);
    const general = matching.filter((c) => !c.hazards);
    if (general.length) return { names: general.flatMap((c) => c.names), negated: negated !== disjunction };
    // Checks that each clear only some hazards combine when they clear the same ones (two redirect checks).
    const hazards = matching[0]?.hazards;
    if (!hazards || !matching.every((c) => c.hazards?.join() === hazards.join())) return undefined;
    return { names: matching.flatMap((c) => c.names), negated: negated !== disjunction, hazards };
  }
  if (node.type === 'attribute' || node.type === 'member_expression') {
    // `if urlparse(next).netloc:` holds for absolute URLs, the ones a redirect must not follow.
    const object = node.childForFieldName('object');
    const property = node.childForFieldName(node.type === 'attribute' ? 'attribute' : 'property')?.text ?? '';
    const url = checks.urlHostCheck;
    if (object && url.parts.test(property) && url.parsers.test(object.childForFieldName('function')?.text ?? '')) {
      const names = valueNames(object);
      return names.length ? { names, negated: !negated, hazards: url.hazards } : undefined;
    }
    return undefined;
  }
  if (node.type === 'call_expression' || node.type === 'call') {
    const callee = node.childForFieldName('function');
    const method = callee?.text.split('.').pop() ?? '';
    const args = node.childForFieldName('arguments');
    const argNodes = (args?.namedChildren ?? []).filter((a): a is SyntaxNode => !!a);
    if (method === checks.typeCheck && argNodes.length === 2) {
      const names = valueNames(argNodes[0]);
      const types = argNodes[1].type === 'tuple' ? argNodes[1].namedChildren.map((t) => t?.text ?? '') : [argNodes[1].text];
      if (!names.length) return undefined;
      if (types.every((t) => checks.numericTypes.test(t))) return { names, negated };
      if (types.every((t) => checks.textTypes.types.includes(t))) return { names, negated, hazards: checks.textTypes.hazards };
      return undefined;
    }
    if (checks.receiverChecks.test(method) && (callee?.type === 'attribute' || callee?.type === 'member_expression')) {
      const receiver = callee.childForFieldName('object');
      const names = receiver ? valueNames(receiver) : [];
      if (!names.length) return undefined;
      const startsWith = checks.prefixChecks.test(method) && argNodes.length === 1;
      // A leading "/" is the mark of a local path to a redirect, and of an absolute path to a file name: it clears only redirects.
      if (startsWith && prefixLiteral(argNodes[0]) === '/') return { names, negated, hazards: ['open-redirect'] };
      // Refusing only "//" still lets "https://evil.example" through: no clearing.
      if (startsWith && prefixLiteral(argNodes[0]) === '//') return undefined;
      // A scheme alone ("http", "https://") lets every host through, internal ones and other sites alike: no clearing.
      if (startsWith && /^(["'`])https?(:(\/\/)?)?\1$/i.test(argNodes[0].text)) return undefined;
      // `name.startswith("..")`, `name.startswith(("/", ".."))` hold for the bad values, `path.startswith(ROOT)` for good ones.
      const deny = startsWith && traversalLiteral(argNodes[0]);
      return { names, negated: deny ? !negated : negated };
    }
    if (!checks.argumentChecks.test(method) && !checks.namedArgumentChecks.test(method)) return undefined;
    const names = argNodes.filter((a) => a.type !== 'keyword_argument').flatMap((a) => identifiers(a));
    return names.length ? { names, negated } : undefined;
  }
  if (node.type === 'comparison_operator') {
    // `x in ALLOWED` / `x not in ALLOWED` / `x == "asc"` / `urlparse(u).netloc in HOSTS`
    const operators = node.children.filter((c) => c && !c.isNamed).map((c) => c!.text).join(' ');
    const left = node.namedChildren[0];
    const right = node.namedChildren[1];
    if (!left || !right) return undefined;
    const membership = /\bin\b/.test(operators);
    // `".." in name`: holds for bad values.
    if (membership && traversalLiteral(left)) {
      const names = valueNames(right);
      if (!names.length) return undefined;
      return /\bnot in\b/.test(operators) ? { names, negated } : { names, negated: !negated };
    }
    // `len(x) != 3` or `type(x) == str` say nothing about the content.
    if (left.type === 'call' && checks.contentFreeCalls.test(left.childForFieldName('function')?.text ?? '')) return undefined;
    const containment = left.type === 'call' && checks.containmentCalls.test(left.childForFieldName('function')?.text ?? '');
    if (!membership && !containment && left.type !== 'identifier' && right.type !== 'string' && !/^[A-Z][A-Z0-9_]*$/.test(right.text)) return undefined;
    const names = left.type === 'identifier' ? [left.text] : valueNames(left);
    if (!names.length) return undefined;
    if (/\bnot in\b|!=/.test(operators)) return { names, negated: !negated };
    if (/\bin\b|==/.test(operators)) return { names, negated };
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

/** A literal naming path-escape syntax: "..", "/", "\\", "~", or a tuple of them. */
function traversalLiteral(node: SyntaxNode): boolean {
  if (node.type === 'tuple' || node.type === 'parenthesized_expression') {
    const parts = node.namedChildren.filter((c): c is SyntaxNode => !!c);
    return parts.length > 0 && parts.every((c) => pathSyntax.test(prefixLiteral(c) ?? '')) && parts.some((c) => traversalLiteral(c));
  }
  return /^(\.\.|\\|~|\.\.\/)$/.test(prefixLiteral(node) ?? '');
}

const pathSyntax = /^(\.\.|\/|\\|~|\.\.\/|\/\/)$/;

/** The text of a short string literal, or undefined. */
function prefixLiteral(node: SyntaxNode): string | undefined {
  const match = node.type === 'string' ? /^[a-zA-Z]*(["'])(.{0,4})\1$/.exec(node.text) : null;
  return match ? match[2].replace(/\\\\/g, '\\') : undefined;
}

/** The variables whose value an expression reads, not the functions it calls: `urlparse(url).netloc` → url. */
function valueNames(node: SyntaxNode): string[] {
  switch (node.type) {
    case 'identifier':
      return [node.text];
    case 'attribute':
    case 'member_expression':
    case 'subscript':
    case 'subscript_expression': {
      const object = node.childForFieldName('object') ?? node.childForFieldName('value');
      return object ? valueNames(object) : [];
    }
    case 'call':
    case 'call_expression': {
      const callee = node.childForFieldName('function');
      const receiver = callee && (callee.type === 'attribute' || callee.type === 'member_expression') ? callee.childForFieldName('object') : undefined;
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      return [...(receiver ? valueNames(receiver) : []), ...args.flatMap((a) => (a && a.type !== 'keyword_argument' ? valueNames(a) : []))];
    }
    case 'parenthesized_expression':
    case 'list':
    case 'tuple':
    case 'array':
      return node.namedChildren.flatMap((c) => (c ? valueNames(c) : []));
    default:
      return [];
  }
}

function alwaysExits(block: SyntaxNode, exitCalls: RegExp): boolean {
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
