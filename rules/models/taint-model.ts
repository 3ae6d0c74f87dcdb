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
