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
}
