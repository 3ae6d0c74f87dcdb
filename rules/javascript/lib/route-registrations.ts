// Owns reading a module's route table from its top-level statements: Express/Koa/Fastify registrations, router-wide middleware, NestJS controllers and Next.js route handlers.
import { ownString, statementMemo, type SyntaxNode, type TopLevel } from '../../api';
import { literalText, unwrap } from './constant-strings';
import { propertyOf } from './object-keys';

export const stateChangingMethods = new Set(['post', 'put', 'patch', 'delete', 'del']);
const routeMethods = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);
const fastifyHooks = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler', 'beforeHandler']);
const nestRouteDecorators = new Map([['Get', 'get'], ['Post', 'post'], ['Put', 'put'], ['Patch', 'patch'], ['Delete', 'delete'], ['All', 'all']]);
const nextHandlers = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** One route: where it is registered, what runs before its handler, and the handler. */
export interface Route {
  /** The node to report on: the registration call, the NestJS method name, the exported Next.js handler. */
  readonly at: SyntaxNode;
  /** Routes are compared only within a group: one router object in one scope, one controller class, one route file. */
  readonly group: string;
  readonly method: string;
  readonly path: string | undefined;
  /** Middleware, guards and decorators that run before the handler. */
  readonly middleware: readonly SyntaxNode[];
  /** The handler (function or reference); for NestJS and Next.js the method or function itself. */
  readonly handler: SyntaxNode | undefined;
  /** Position in registration order, for router-wide middleware that only covers later routes. */
  readonly order: number;
  /** Marked public on purpose (`@Public()`, `@AllowAnonymous()`). */
  readonly markedPublic?: boolean;
  /**
   * `compute(this)`, remembered with the statement's text where the engine keeps a store: `compute` must read only
   * the route's own nodes (never another statement), and `name` must be unique per meaning.
   */
  fact<T>(name: string, compute: (route: Route) => T): T;
}

/** Router-wide middleware: `router.use(auth)`, `app.use('/admin', requireAdmin)`, `fastify.addHook('onRequest', …)`, class-level `@UseGuards`. */
export interface RouterUse {
  readonly group: string;
  readonly path: string | undefined;
  readonly middleware: readonly SyntaxNode[];
  readonly order: number;
  /** As `Route.fact`. */
  fact<T>(name: string, compute: (use: RouterUse) => T): T;
}

export interface RouteTable {
  readonly routes: Route[];
  readonly uses: RouterUse[];
  /** Top-level function declarations by name, to read handlers registered by reference. */
  readonly functions: ReadonlyMap<string, SyntaxNode>;
}

// Two rules read the table in the same analysis, and the engine hands both the same root node object.
const tables = new WeakMap<SyntaxNode, RouteTable>();

/**
 * Reads the route table from top-level statements and the bodies of top-level route-setup functions (one level down,
 * never deeper). With the engine's store, what each statement registers is kept by its text (node positions relative
 * to the statement, nodes found again only when a rule asks), so an edit re-reads only the statements it changed.
 */
export function readRouteTable(root: SyntaxNode, top: TopLevel): RouteTable {
  let table = tables.get(root);
  if (!table) tables.set(root, (table = buildRouteTable(root, top)));
  return table;
}

/** Routes (or uses) by group, in registration order. */
export function groupsOf<T extends { readonly group: string }>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const list = groups.get(entry.group);
    if (list) list.push(entry);
    else groups.set(entry.group, [entry]);
  }
  return groups;
}

/** What one statement registers, in registration order; groups local to the statement start with `localGroup`. */
type Entry = ({ kind: 'route' } & Omit<Route, 'order' | 'fact'>) | ({ kind: 'use' } & Omit<RouterUse, 'order' | 'fact'>);
const localGroup = '\u0001';

/** A node as a position relative to its statement, and its type (a node and its only child can share a range). */
interface Span { readonly from: number; readonly to: number; readonly type: string }
interface StoredEntry {
  readonly kind: 'route' | 'use';
  readonly group: string;
  readonly method: string;
  readonly path: string | undefined;
  readonly markedPublic?: boolean;
  readonly at?: Span;
  readonly middleware: readonly Span[];
  readonly handler?: Span;
  readonly facts: Map<string, unknown>;
}

function buildRouteTable(root: SyntaxNode, top: TopLevel): RouteTable {
  const { statements, texts } = top;
  let functions: Map<string, SyntaxNode> | undefined;
  const table: RouteTable = {
    routes: [],
    uses: [],
    // Only a handler registered by name needs these; most files never ask.
    get functions() {
      return (functions ??= topLevelFunctions(statements));
    },
  };
  // With the engine's store (an edited document), what each statement registers is remembered by its text.
  const memoised = !!top.store;
  let order = 0;
  // A tree without syntax errors has none in any statement: one read of the root settles them all.
  const errors = root.hasError;
  statements.forEach((statement, i) => {
    const text = texts[i];
    // Error recovery may read the same text differently elsewhere: a statement with errors is read every time (a stored
    // entry's nodes might not be found again in it).
    if (memoised && !(errors && statement.hasError)) {
      let fresh: Entry[] | undefined;
      const stored = storedEntries(texts, i, () => {
        if (!routeHint.test(text)) return [];
        fresh = readEntries(statement);
        const base = statement.startIndex;
        return fresh.map((e) => storeEntry(e, base));
      });
      if (stored.length === 0) return;
      const base = statement.startIndex;
      stored.forEach((entry, k) => addEntry(table, fresh?.[k] ?? new StoredView(entry, root, base), groupAt(entry.group, base), order++, entry.facts));
      return;
    }
    if (!routeHint.test(text)) return;
    const base = statement.startIndex;
    readEntries(statement).forEach((entry) => addEntry(table, entry, groupAt(entry.group, base), order++, new Map()));
  });
  return table;
}

/** What each statement registers, remembered by its text (node positions relative to the statement). */
const storedEntries = statementMemo<readonly StoredEntry[]>();

/** Words every statement that registers a route or router-wide middleware holds (a cheap test before any node is read). */
const routeHint = /\b(?:get|post|put|patch|delete|del|all|head|options|use|addHook|route)\b|@|\bexport\b|\bmodule\.exports\b|\bfunction\b|=>/;

function groupAt(group: string, base: number): string {
  return group.startsWith(localGroup) ? `${group.slice(1)}@${base}` : group;
}

function addEntry(table: RouteTable, entry: Entry | StoredView, group: string, order: number, facts: Map<string, unknown>): void {
  if (entry.kind === 'route') table.routes.push(new TableRoute(entry as RouteSource, group, order, facts));
  else table.uses.push(new TableUse(entry, group, order, facts));
}

type RouteSource = (Entry & { kind: 'route' }) | StoredView;

/** A route of this analysis's table: its nodes read from the entry when a rule asks (a class: a table has hundreds). */
class TableRoute implements Route {
  readonly method: string;
  readonly path: string | undefined;
  readonly markedPublic?: boolean;

  constructor(private readonly entry: RouteSource, readonly group: string, readonly order: number, private readonly facts: Map<string, unknown>) {
    this.method = entry.method!;
    this.path = entry.path;
    if (entry.markedPublic) this.markedPublic = true;
  }

  get at(): SyntaxNode { return this.entry.at!; }
  get middleware(): readonly SyntaxNode[] { return this.entry.middleware; }
  get handler(): SyntaxNode | undefined { return this.entry.handler; }
  fact<T>(name: string, compute: (route: Route) => T): T { return remember(this.facts, name, () => compute(this)); }
}

/** Router-wide middleware of this analysis's table, as `TableRoute`. */
class TableUse implements RouterUse {
  readonly path: string | undefined;

  constructor(private readonly entry: Entry | StoredView, readonly group: string, readonly order: number, private readonly facts: Map<string, unknown>) {
    this.path = entry.path;
  }

  get middleware(): readonly SyntaxNode[] { return this.entry.middleware; }
  fact<T>(name: string, compute: (use: RouterUse) => T): T { return remember(this.facts, name, () => compute(this)); }
}

function remember<T>(facts: Map<string, unknown>, name: string, compute: () => T): T {
  if (facts.has(name)) return facts.get(name) as T;
  const computed = compute();
  // Kept while the statement's text is unchanged: a copy, or the string would keep that version of the file alive.
  const value = (typeof computed === 'string' ? ownString(computed) : computed) as T;
  facts.set(name, value);
  return value;
}

function storeEntry(entry: Entry, base: number): StoredEntry {
  const span = (n: SyntaxNode): Span => ({ from: n.startIndex - base, to: n.endIndex - base, type: n.type });
  // Copies of the strings: they live while the statement's text is unchanged, and a slice keeps its whole file alive.
  return {
    kind: entry.kind,
    group: ownString(entry.group),
    method: entry.kind === 'route' ? ownString(entry.method) : '',
    path: entry.path === undefined ? undefined : ownString(entry.path),
    ...(entry.kind === 'route' && entry.markedPublic ? { markedPublic: true } : {}),
    ...(entry.kind === 'route' ? { at: span(entry.at) } : {}),
    middleware: entry.middleware.map(span),
    ...(entry.kind === 'route' && entry.handler ? { handler: span(entry.handler) } : {}),
    facts: new Map(),
  };
}

/** A stored entry's nodes, found in this tree when first asked for. */
class StoredView {
  private atNode: SyntaxNode | undefined;
  private middlewareNodes: SyntaxNode[] | undefined;
  private handlerNode: SyntaxNode | undefined | null = null;

  constructor(private readonly stored: StoredEntry, private readonly root: SyntaxNode, private readonly base: number) {}
  get kind() { return this.stored.kind; }
  get method() { return this.stored.method; }
  get path() { return this.stored.path; }
  get markedPublic() { return this.stored.markedPublic; }
  get at(): SyntaxNode { return (this.atNode ??= this.find(this.stored.at!)); }
  get middleware(): SyntaxNode[] { return (this.middlewareNodes ??= this.stored.middleware.map((s) => this.find(s))); }
  get handler(): SyntaxNode | undefined {
    if (this.handlerNode === null) this.handlerNode = this.stored.handler && this.find(this.stored.handler);
    return this.handlerNode;
  }

  private find(span: Span): SyntaxNode {
    const from = this.base + span.from;
    const to = this.base + span.to;
    let node: SyntaxNode | null = this.root.descendantForIndex(from, to);
    while (node && !(node.type === span.type && node.startIndex === from && node.endIndex === to)) node = node.parent;
    if (!node) throw new Error(`route-registrations: no ${span.type} at ${from}-${to}`);
    return node;
  }
}

/** Reads what one top-level statement registers. */
function readEntries(statement: SyntaxNode): Entry[] {
  const out: Entry[] = [];
  readStatement(statement, 'top', out, statement.startIndex);
  return out;
}

function topLevelFunctions(statements: readonly SyntaxNode[]): Map<string, SyntaxNode> {
  const functions = new Map<string, SyntaxNode>();
  for (const statement of statements) {
    const declaration = statement.type === 'export_statement' ? statement.childForFieldName('declaration') ?? statement : statement;
    if (declaration.type === 'function_declaration') {
      const name = declaration.childForFieldName('name')?.text;
      if (name) functions.set(name, declaration);
    } else if (declaration.type === 'lexical_declaration' || declaration.type === 'variable_declaration') {
      for (const d of declaration.namedChildren) {
        const value = unwrap(d?.childForFieldName('value'));
        const name = d?.childForFieldName('name');
        if (value && name?.type === 'identifier' && isFunctionValue(value)) functions.set(name.text, value);
      }
    }
  }
  return functions;
}

function readStatement(statement: SyntaxNode, scope: string, out: Entry[], base: number): void {
  let node = statement;
  if (node.type === 'export_statement') {
    const nest = nestController(node);
    if (nest) return readController(nest, node, out, base);
    if (readNextHandler(node, out)) return;
    node = node.childForFieldName('declaration') ?? node.childForFieldName('value') ?? node.namedChildren.find((c) => c?.type !== 'comment') ?? node;
  }
  if (node.type === 'class_declaration' || node.type === 'abstract_class_declaration') {
    const nest = nestController(statement) ?? (hasControllerDecorator(node) ? node : undefined);
    if (nest) readController(nest, statement, out, base);
    return;
  }
  if (node.type === 'lexical_declaration' || node.type === 'variable_declaration' || node.type === 'import_statement') return;
  if (node.type === 'expression_statement') node = node.namedChildren[0] ?? node;
  // `module.exports = (app) => { app.post(…) }`, `export default function routes(router) { … }`: one level into route-setup functions.
  const setup = setupFunctionBody(node);
  if (setup) {
    for (const inner of setup.namedChildren) if (inner) readStatement(inner, `${localGroup}fn+${setup.startIndex - base}`, out, base);
    return;
  }
  if (node.type === 'call_expression') readCall(node, scope, out);
}

function setupFunctionBody(node: SyntaxNode): SyntaxNode | undefined {
  let fn: SyntaxNode | undefined = node;
  if (node.type === 'assignment_expression') fn = unwrap(node.childForFieldName('right'));
  if (!fn || !isFunctionValue(fn)) return undefined;
  if (node.type === 'function_declaration' && !/route|register|setup|mount|api|controller|endpoint/i.test(fn.childForFieldName('name')?.text ?? '')) return undefined;
  const body = fn.childForFieldName('body');
  return body?.type === 'statement_block' ? body : undefined;
}

function isFunctionValue(node: SyntaxNode): boolean {
  return node.type === 'arrow_function' || node.type === 'function_expression' || node.type === 'function' || node.type === 'function_declaration';
}

/** `app.post(path, …mw, handler)`, `router.route(path).get(…).post(…)`, `app.use(…)`, `fastify.route({ … })`, `fastify.addHook(…)`. */
function readCall(call: SyntaxNode, scope: string, out: Entry[]): void {
  const callee = unwrap(call.childForFieldName('function'));
  if (callee?.type !== 'member_expression') return;
  const method = callee.childForFieldName('property')?.text ?? '';
  if (!routeMethods.has(method) && method !== 'use' && method !== 'addHook' && method !== 'route') return;
  const object = unwrap(callee.childForFieldName('object'));
  if (!object) return;
  const args = argumentsOf(call);
  // Chains: `router.route('/x').get(a).post(b)` and `app.get(…).post(…)` (Express returns the router).
  if (object.type === 'call_expression') {
    if (!routeMethods.has(method)) return;
    const inner = unwrap(object.childForFieldName('function'));
    const innerMethod = inner?.type === 'member_expression' ? inner.childForFieldName('property')?.text : undefined;
    if (!innerMethod || (innerMethod !== 'route' && !routeMethods.has(innerMethod))) return;
    // Earlier links of the chain first, so registration order holds.
    if (innerMethod !== 'route') readCall(object, scope, out);
    const routed = routePathOfChain(object);
    const base = rootOf(object);
    if (!base) return;
    if (routed) addRoute(call, `${scope}:${base}`, method, routed.path, args, out);
    else {
      const path = literalText(args[0]);
      if (path !== undefined) addRoute(call, `${scope}:${base}`, method, path, args.slice(1), out);
    }
    return;
  }
  const group = `${scope}:${rootName(object)}`;
  if (routeMethods.has(method)) {
    const first = args[0];
    const path = literalText(first) ?? (first && (first.type === 'template_string' || first.type === 'regex') ? first.text : undefined);
    if (path === undefined || args.length < 2) return;
    // `router.all('*', auth)` with no handler after the middleware works like `use`.
    if (method === 'all' && (path === '*' || path === '/*') && args.length === 2) {
      out.push({ kind: 'use', group, path: undefined, middleware: args.slice(1) });
      return;
    }
    addRoute(call, group, method, path, args.slice(1), out);
    return;
  }
  if (method === 'use') {
    const path = literalText(args[0]);
    const middleware = path === undefined ? args : args.slice(1);
    if (middleware.length) out.push({ kind: 'use', group, path, middleware: middleware.flatMap(flattenArray) });
    return;
  }
  if (method === 'addHook' && fastifyHooks.has(literalText(args[0]) ?? '') && args[1]) {
    out.push({ kind: 'use', group, path: undefined, middleware: [args[1]] });
    return;
  }
  if (method === 'route' && unwrap(args[0])?.type === 'object') {
    const options = unwrap(args[0])!;
    const verb = literalText(propertyOf(options, 'method'))?.toLowerCase();
    const path = literalText(propertyOf(options, 'url') ?? propertyOf(options, 'path'));
    if (!verb || path === undefined) return;
    const middleware = [...fastifyHooks].map((h) => propertyOf(options, h)).filter((n): n is SyntaxNode => !!n).flatMap(flattenArray);
    out.push({ kind: 'route', at: call, group, method: verb, path, middleware, handler: propertyOf(options, 'handler') });
  }
}

/** For `router.route('/x').get(…).post(…)`: the path given to `route()` at the chain's base; undefined for other chains. */
function routePathOfChain(call: SyntaxNode): { path: string | undefined } | undefined {
  let current: SyntaxNode | undefined = call;
  for (let i = 0; current?.type === 'call_expression' && i < 12; i++) {
    const fn = unwrap(current.childForFieldName('function'));
    if (fn?.type !== 'member_expression') return undefined;
    const name = fn.childForFieldName('property')?.text;
    if (name === 'route') return { path: literalText(argumentsOf(current)[0]) };
    if (!name || !routeMethods.has(name)) return undefined;
    current = unwrap(fn.childForFieldName('object'));
  }
  return undefined;
}

function addRoute(call: SyntaxNode, group: string, method: string, path: string | undefined, rest: SyntaxNode[], out: Entry[]): void {
  if (rest.length === 0) return;
  const handler = rest[rest.length - 1];
  const middleware: SyntaxNode[] = [];
  for (const arg of rest.slice(0, -1)) {
    const value = unwrap(arg);
    if (!value) continue;
    // Fastify's route options: `{ preHandler: [fastify.authenticate] }`.
    if (value.type === 'object') {
      for (const hook of fastifyHooks) {
        const h = propertyOf(value, hook);
        if (h) middleware.push(...flattenArray(h));
      }
      continue;
    }
    middleware.push(...flattenArray(value));
  }
  out.push({ kind: 'route', at: call, group, method, path, middleware, handler });
}

function flattenArray(node: SyntaxNode): SyntaxNode[] {
  const value = unwrap(node);
  if (value?.type === 'array') return value.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment').flatMap(flattenArray);
  return value ? [value] : [];
}

function rootName(node: SyntaxNode): string {
  return rootOf(node) ?? node.text;
}

function rootOf(node: SyntaxNode): string | undefined {
  let n: SyntaxNode | undefined = unwrap(node);
  for (let i = 0; n && i < 12; i++) {
    if (n.type === 'identifier' || n.type === 'this') return n.text;
    if (n.type === 'member_expression') {
      // `this.app`, `fastify.instance`: the whole chain names the router.
      if (/^[\w$.]+$/.test(n.text)) return n.text;
      n = unwrap(n.childForFieldName('object'));
    } else if (n.type === 'call_expression') {
      const fn = unwrap(n.childForFieldName('function'));
      n = fn?.type === 'member_expression' ? unwrap(fn.childForFieldName('object')) : undefined;
    } else return undefined;
  }
  return undefined;
}

export function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type === 'template_string') return [];
  return args.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment');
}

// ---- NestJS ----

function decoratorsOf(statement: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const c of statement.namedChildren) if (c?.type === 'decorator') out.push(c);
  const declaration = statement.type === 'export_statement' ? statement.childForFieldName('declaration') : undefined;
  if (declaration) for (const c of declaration.namedChildren) if (c?.type === 'decorator') out.push(c);
  return out;
}

function decoratorName(decorator: SyntaxNode): string {
  const expression = decorator.namedChildren[0];
  const callee = expression?.type === 'call_expression' ? expression.childForFieldName('function') : expression;
  return callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text ?? '' : callee?.text ?? '';
}

function hasControllerDecorator(node: SyntaxNode): boolean {
  return decoratorsOf(node).some((d) => decoratorName(d) === 'Controller');
}

function nestController(statement: SyntaxNode): SyntaxNode | undefined {
  const declaration = statement.type === 'export_statement' ? statement.childForFieldName('declaration') : statement;
  if (!declaration || (declaration.type !== 'class_declaration' && declaration.type !== 'abstract_class_declaration')) return undefined;
  return decoratorsOf(statement).some((d) => decoratorName(d) === 'Controller') ? declaration : undefined;
}

const publicMarkers = /^(Public|AllowAnonymous|SkipAuth|IsPublic|NoAuth|Anonymous|PublicRoute|Unprotected)$/;

function readController(cls: SyntaxNode, statement: SyntaxNode, out: Entry[], base: number): void {
  const group = `${localGroup}class:+${cls.startIndex - base}`;
  const controller = decoratorsOf(statement).find((d) => decoratorName(d) === 'Controller');
  const controllerCall = controller?.namedChildren[0]?.type === 'call_expression' ? controller.namedChildren[0] : undefined;
  const prefix = controllerCall ? literalText(argumentsOf(controllerCall)[0]) ?? '' : '';
  const classDecorators = decoratorsOf(statement).filter((d) => decoratorName(d) !== 'Controller');
  if (classDecorators.length) out.push({ kind: 'use', group, path: undefined, middleware: classDecorators });
  const body = cls.childForFieldName('body');
  let pending: SyntaxNode[] = [];
  for (const member of body?.namedChildren ?? []) {
    if (!member) continue;
    if (member.type === 'decorator') {
      pending.push(member);
      continue;
    }
    if (member.type === 'method_definition') {
      const decorators = [...pending, ...member.namedChildren.filter((c): c is SyntaxNode => c?.type === 'decorator')];
      const verb = decorators.map((d) => nestRouteDecorators.get(decoratorName(d))).find(Boolean);
      if (verb) {
        const route = decorators.find((d) => nestRouteDecorators.has(decoratorName(d)));
        const pathArg = route?.namedChildren[0]?.type === 'call_expression' ? argumentsOf(route.namedChildren[0])[0] : undefined;
        out.push({
          kind: 'route',
          at: member.childForFieldName('name') ?? member,
          group,
          method: verb,
          path: [prefix, literalText(pathArg) ?? ''].filter(Boolean).join('/'),
          middleware: decorators.filter((d) => !nestRouteDecorators.has(decoratorName(d))),
          handler: member,
          markedPublic: decorators.some((d) => publicMarkers.test(decoratorName(d))),
        });
      }
    }
    if (member.type !== 'comment') pending = [];
  }
}

// ---- Next.js route handlers ----

/** `export async function POST(req) {…}`, `export const DELETE = withAuth(async () => …)`. */
function readNextHandler(statement: SyntaxNode, out: Entry[]): boolean {
  const declaration = statement.childForFieldName('declaration');
  if (!declaration) return false;
  if (declaration.type === 'function_declaration') {
    const name = declaration.childForFieldName('name')?.text ?? '';
    if (!nextHandlers.has(name)) return false;
    out.push({ kind: 'route', at: declaration.childForFieldName('name')!, group: 'next-route', method: name.toLowerCase(), path: undefined, middleware: [], handler: declaration });
    return true;
  }
  if (declaration.type !== 'lexical_declaration') return false;
  let found = false;
  for (const d of declaration.namedChildren) {
    const name = d?.childForFieldName('name');
    const value = unwrap(d?.childForFieldName('value'));
    if (!name || !value || !nextHandlers.has(name.text)) continue;
    found = true;
    const wrapped = value.type === 'call_expression';
    out.push({
      kind: 'route',
      at: name,
      group: 'next-route',
      method: name.text.toLowerCase(),
      path: undefined,
      middleware: wrapped ? [value.childForFieldName('function')!].filter(Boolean) : [],
      handler: wrapped ? argumentsOf(value).find(isFunctionValue) ?? value : value,
    });
  }
  return found;
}
