// The shape of a language's behaviour model: which calls and expressions make a snippet matter for security. Data, not code.

/** What a snippet does that a security reviewer cares about. */
export type BehaviourKind =
  | 'untrusted-input' | 'database' | 'shell' | 'files' | 'outbound' | 'html' | 'secrets' | 'crypto' | 'auth' | 'deserialize' | 'logging'
  | 'error-response';

export interface BehaviourPattern {
  readonly kind: BehaviourKind;
  /**
   * What is called: a resolved chain (`child_process.exec`, `subprocess.run`), a module prefix ending in `.*`
   * (`fs.*`), or `.name` for a method of that name on a receiver matching `receiver`.
   */
  readonly callee: string;
  readonly receiver?: RegExp;
  /** What the call does, for people: 'runs a shell command'. */
  readonly does: string;
  /** The hazard (rule id) whose taint reaching an argument of this call makes a flow. */
  readonly hazard?: string;
  /** Argument positions checked for flows (default: all). */
  readonly args?: readonly number[];
  /** It removes or overwrites data: deletion raises the question of who may do it. */
  readonly destructive?: boolean;
}

export interface BehaviourModel {
  readonly calls: readonly BehaviourPattern[];
  /** Names that mark an authentication/authorization check in middleware, decorators or the handler body. */
  readonly authCheck: RegExp;
  /** Environment variable or identifier names that hold secrets. */
  readonly secretName: RegExp;
  /** Route registrations (`app.get`) or decorators (`@app.route`): the handler's input crosses a trust boundary. */
  readonly routeReceiver: RegExp;
}
