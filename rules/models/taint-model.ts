// The shape of a language's taint model: where untrusted data comes from, what clears it, what carries it. Data, not code.

export interface Sanitizer {
  /** A function or method name (`parseInt`, `escape`) or a resolved chain (`shlex.quote`, `path.basename`). */
  readonly callee: string;
  /** The hazards (rule ids) it protects against; '*' for all. */
  readonly hazards: readonly string[] | '*';
}

export interface TaintModel {
  /** Names that by convention hold an HTTP request in handlers: `req`, `request`, `ctx`. */
  readonly requestNames: readonly string[];
  /** Fields of a request object that carry client data: `query`, `body`, `args`, `GET`. */
  readonly requestFields: readonly string[];
  /** Methods of a request object whose result is client data: `get`, `get_json`, `json`. */
  readonly requestMethods: readonly string[];
  /** Member chains that are untrusted wherever they appear: `process.argv`, `sys.argv`, `location.search`. */
  readonly sourceChains: readonly string[];
  /** Calls whose result is untrusted: `input`, `prompt`. Resolved chains or bare names. */
  readonly sourceCalls: readonly string[];
  /** Methods that register route handlers (`app.get(path, handler)`): a handler's first parameter is a request. */
  readonly routeMethods: readonly string[];
  /** Route decorators (Python): the decorated function's parameters carry client data (FastAPI, Flask path params). */
  readonly routeDecorators: readonly string[];
  /** Parameter type annotations that mark framework objects, not client data (FastAPI `Session`, `Depends`). */
  readonly trustedParameterTypes: readonly string[];
  /** Function and method names whose result derives from their arguments (`String`, `path.join`, `format`). */
  readonly propagatingFunctions: readonly string[];
  readonly sanitizers: readonly Sanitizer[];
  /**
   * Event listeners whose first parameter is a payload another party sent: `window.addEventListener('message', (e) => …)`,
   * `ws.on('message', (data) => …)`, socket.io's `socket.on('chat', (msg) => …)`. Optional: languages without them omit it.
   */
  readonly messageListeners?: MessageListeners;
  /**
   * `.replace(regex, …)` calls that remove what a hazard needs, by the regex's source text: `/\.\./g` for path
   * traversal, `/[^\w.-]/g` (everything but a safe alphabet) for most. Optional.
   */
  readonly replaceSanitizers?: readonly { readonly pattern: RegExp; readonly hazards: readonly string[] }[];
  /**
   * Functions called as a statement that raise (or abort) on a bad value, named for it: `validate_path(name)`,
   * `check_url_allowed(url)`. The plain variables passed to one are clean after the call. Absent: no such convention.
   */
  readonly statementChecks?: RegExp;
  /**
   * Request handler classes whose own attributes carry the request (Python's `http.server`: `self.path`,
   * `self.headers`, `self.rfile`; Django class-based views: `self.kwargs` from the URL): `fields` of `self` are sources
   * inside a class whose bases match `bases`.
   */
  readonly handlerSources?: readonly { readonly bases: RegExp; readonly fields: readonly string[] }[];
  /** Name fragments that mark a local function as a sanitizer by intent: `sanitize`, `escape`. */
  readonly sanitizerNamePattern: RegExp;
  /**
   * Attributes of a freshly built path object that keep only its last component (`Path(name).name`): cleared for
   * `hazards`, as basename is. Optional.
   */
  readonly pathParts?: readonly { readonly constructors: RegExp; readonly attributes: readonly string[]; readonly hazards: readonly string[] }[];
  /** Conditions that prove a value safe when they hold (or fail): allow-lists, format tests, type tests, URL host checks. */
  readonly checks: ValueChecks;
  /** Calls after which a branch does not go on (`abort(400)`, `res.status(400).send(…)`, `sys.exit()`), by the call's text. */
  readonly exitCalls: RegExp;
  /** Parameter type annotations of a number or a flag, which no injection can ride on: `limit: int`, `(n: number)`. */
  readonly numericAnnotations: RegExp;
  /**
   * Fields of a request, a context or a handler object (`self`, `this`) that hold the request itself: Koa's
   * `ctx.request.body`, a Django view's `self.request.GET`. Their `requestFields` are sources as the request's own are.
   */
  readonly requestWrappers: readonly string[];
  /** Fields of a request (or of `this`) that hold its parsed URL, whose `requestFields` are sources: Next.js `request.nextUrl.searchParams`. */
  readonly requestUrlFields?: readonly string[];
  /**
   * Parameter decorators (NestJS): `sources` inject client data (`@Body() dto`, `@Query('q') q`), `requests` inject the
   * request object (`@Req() req`). Names without the `@`.
   */
  readonly parameterDecorators?: { readonly sources: readonly string[]; readonly requests: readonly string[] };
  /** Parameter types of a message handler, whatever registers it: `(event: MessageEvent)` carries another window's or worker's payload. */
  readonly messageParameterTypes?: readonly string[];
  /** Exported function names that a framework serves as route handlers, whose first parameter is the request (Next.js `export async function GET(request)`). */
  readonly routeExports?: readonly string[];
  /** Parameter type annotations that make a parameter a request whatever its name: `r: Request`, `req: HttpRequest`, `web.Request`. */
  readonly requestTypes?: readonly string[];
  /**
   * Whole parameter lists that mark a serverless handler whose first parameter is the caller's event (API Gateway,
   * queues, buckets): AWS Lambda's `def handler(event, context)`.
   */
  readonly eventHandlerParameters?: readonly (readonly string[])[];
  /**
   * GraphQL resolvers (Graphene, Ariadne, Strawberry): in functions whose name matches `functions`, the parameters after
   * `after` (`info`) are the client's; `label` names them in findings.
   */
  readonly resolvers?: { readonly functions: RegExp; readonly after: string; readonly label: string };
  /** Calls in a parameter's default that make the framework inject a trusted object, not client data: FastAPI's `Depends(…)`, `Security(…)`. */
  readonly trustedParameterDefaults?: readonly string[];
  /** Route path converters that admit only numbers or ids (Flask `<int:id>`, `<uuid:key>`): the parameter they feed is no injection vector. */
  readonly numericRouteConverters?: readonly string[];
  /**
   * Views whose parameters after the request come from the URL pattern (Django `def detail(request, slug)`, `def get(self,
   * request, pk)`): only in files importing `modules`, with the request named `request`, and only for parameters named like
   * URL keywords (`parameters`: `pk`, `slug`, `*_id`), since helpers take the request first too.
   */
  readonly urlViews?: { readonly modules: RegExp; readonly request: string; readonly parameters: RegExp };
  /** Keyword arguments that convert a request value before it is returned (Flask's `request.args.get("page", type=int)`). */
  readonly convertingKeywords?: { readonly keyword: string; readonly values: readonly string[] };
  /** Methods that, called as a statement, raise unless their receiver is safe (`full.relative_to(BASE)`); also matched by `statementChecks`. */
  readonly receiverStatementChecks?: readonly string[];
}

/** Checks in a condition that prove something about the values they test. Method names are matched on the call's last name. */
export interface ValueChecks {
  /** Calls whose arguments are the checked values: `ALLOWED.includes(x)`, `/^\w+$/.test(x)`, `re.fullmatch(p, x)`, `is_safe_url(u)`. */
  readonly argumentChecks: RegExp;
  /** Local helpers named for what they prove: `is_safe_path(p)`, `is_allowed_host(url)`, `isValidRedirect(u)`. */
  readonly namedArgumentChecks: RegExp;
  /** Methods whose receiver is the checked value: `name.isalnum()`, `path.startswith(ROOT)`, `p.is_relative_to(base)`. */
  readonly receiverChecks: RegExp;
  /** Among `receiverChecks`, the prefix tests, whose literal argument decides what they prove (`"/"` only a local redirect, `".."` a bad value). */
  readonly prefixChecks: RegExp;
  /** The type test function: `isinstance(x, int)`. */
  readonly typeCheck: string;
  /** Types a type test proves a number, a flag, an id or a date (safe for every hazard). */
  readonly numericTypes: RegExp;
  /** Types a type test proves a plain string, and the hazards that needs a structured value for (`isinstance(x, str)`: no `{"$ne": …}`). */
  readonly textTypes: { readonly types: readonly string[]; readonly hazards: readonly string[] };
  /**
   * URL parsers, and the parts of their result present only for absolute URLs: `if urlparse(url).netloc:` holds for another
   * host, so its else branch (or the code after an exiting then branch) has a local URL, cleared for `hazards`.
   */
  readonly urlHostCheck: { readonly parsers: RegExp; readonly parts: RegExp; readonly hazards: readonly string[] };
  /** Calls whose value says nothing about the content of their argument: `len(x) != 3`, `type(x) == str`. */
  readonly contentFreeCalls: RegExp;
  /** Calls whose result compared with a base proves containment: `os.path.commonpath([base, p]) == base`. */
  readonly containmentCalls: RegExp;
}

export interface MessageListeners {
  /** Methods that register a listener with the event name first: `on`, `once`, `addEventListener`. */
  readonly methods: readonly string[];
  /** Events that carry a payload on any receiver: `message`. */
  readonly payloadEvents: readonly string[];
  /** Receivers on which every event but the lifecycle ones carries a client payload (socket.io, ws, net sockets). */
  readonly socketReceivers: RegExp;
  /** Events that carry no payload: `connection`, `close`, `error`. */
  readonly lifecycleEvents: RegExp;
  /** Receivers whose listeners get an event object first and the payload after it (Electron's `ipcMain.on('x', (event, arg) => …)`). */
  readonly payloadAfterEvent?: RegExp;
  /** Receivers whose messages come from the program itself (a worker's parent, a child process): not client data. */
  readonly internalReceivers?: RegExp;
  /** Properties assigned a listener: `ws.onmessage = (e) => …`. */
  readonly handlerProperties: readonly string[];
}
