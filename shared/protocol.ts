// Every custom message and settings shape shared by the VS Code client and the language server. Ranges are LSP's: 0-based.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range, TextEdit } from 'vscode-languageserver-protocol';

/** The name diagnostics carry as `source`, and the code action kind suffix (`source.fixAll.skeptic`). */
export const serverName = 'skeptic';

/** The settings section the server pulls with `workspace/configuration` (`skeptic.*`). */
export const settingsSection = 'skeptic';

export type RuleSetting = 'off' | 'error' | 'warning' | 'info';

/**
 * The server's settings, `skeptic.<key>` in VS Code. package.json `contributes.configuration` lists exactly these keys
 * (plus `clientOnlySettings`); a test keeps them equal. Settings layer on top of the project's `.skeptic.yml`.
 */
export interface SkepticSettings {
  /** Analyse documents at all. */
  readonly enable: boolean;
  /** Per-rule overrides: rule id → off | error | warning | info. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Globs (gitignore-style, relative to the workspace folder) of files never analysed; added to `.skeptic.yml`'s. */
  readonly ignore: readonly string[];
  /** Documents larger than this many bytes get one informational diagnostic instead of analysis. */
  readonly maxFileSize: number;
  /** Milliseconds to wait after an edit before analysing; 0 analyses at once. */
  readonly debounceMs: number;
  /** `all`: every finding; `inserted`: only findings inside tracked blocks (AI-suggested or pasted code). */
  readonly scope: 'all' | 'inserted';
  // Dotted keys are VS Code's own (`skeptic.provenance.origins`); workspace/configuration sends them nested.
  /** Which insertions are tracked; `paste` only when listed. */
  readonly 'provenance.origins': readonly InsertOrigin[];
  /** Insertions with fewer non-blank lines are not tracked. */
  readonly 'provenance.minLines': number;
  /** Inside tracked blocks, findings are raised one level (info → warning → error). */
  readonly 'provenance.raiseSeverity': boolean;
  /** `workspace`: the editor's per-workspace storage; `ledger`: `.skeptic/provenance/` in the workspace folder (committable). */
  readonly 'provenance.storage': 'workspace' | 'ledger';
  /** Recorded with "Mark reviewed" when set; empty records no name. */
  readonly 'provenance.reviewer': string;
}

/** The defaults, and the one runtime list of the server's setting keys. */
export const defaultSettings: SkepticSettings = {
  enable: true,
  rules: {},
  ignore: [],
  maxFileSize: 1024 * 1024,
  debounceMs: 100,
  scope: 'all',
  'provenance.origins': ['inline-completion', 'ai-edit'],
  'provenance.minLines': 2,
  'provenance.raiseSeverity': false,
  'provenance.storage': 'workspace',
  'provenance.reviewer': '',
};

/** Settings only the VS Code client reads (`skeptic.<key>`); the server never sees them. */
export const clientOnlySettings = ['trace.server'] as const;

/** `initialize` params' `initializationOptions`. Every field is optional: editors other than VS Code send none. */
export interface InitializationOptions {
  /** Whether the workspace is trusted. Absent means trusted. Untrusted: `.skeptic.yml` cannot silence rules. */
  readonly workspaceTrusted?: boolean;
  /**
   * Client-side commands the client implements, e.g. `[selectRangeCommand]`. The server attaches such a command
   * to a code action only when the client lists it here, so editors without it never get an unknown command.
   */
  readonly clientCommands?: readonly string[];
  /**
   * A folder the server may write provenance records to when `skeptic.provenance.storage` is `workspace` (VS Code's
   * per-workspace storage, `ExtensionContext.storageUri`). Absent: provenance lives in memory unless the team ledger
   * (`.skeptic/provenance/`) is chosen.
   */
  readonly provenanceStorage?: string;
}

export interface DidChangeWorkspaceTrustParams {
  readonly trusted: boolean;
}

/** Client → server when the user grants (or revokes) workspace trust; the server re-reads what it may honour. */
export namespace DidChangeWorkspaceTrustNotification {
  export const method = 'skeptic/didChangeWorkspaceTrust' as const;
  export const type = new NotificationType<DidChangeWorkspaceTrustParams>(method);
}

/**
 * Server-side command (`workspace/executeCommand`): opens a rule's documentation with `window/showDocument`.
 * vscode-languageclient registers it in VS Code by itself; the client must not register it again.
 */
export const showDocumentationCommand = 'skeptic.showDocumentation';
export interface ShowDocumentationArguments {
  readonly ruleId: string;
}

/**
 * Client-side command a code action runs after its edit: selects `range` in `uri` so the user types over it
 * (the "reason" placeholder of "Ignore on this line" when the client has no snippet edits). See `clientCommands`.
 */
export const selectRangeCommand = 'skeptic.selectRange';
export interface SelectRangeArguments {
  readonly uri: string;
  readonly range: Range;
}

/** The code action kind of "fix all": VS Code runs it for `editor.codeActionsOnSave: { "source.fixAll": … }`. */
export const fixAllKind = `source.fixAll.${serverName}` as const;

/** A rule's fix as a diagnostic carries it (same shape as the engine's `Fix`). */
export interface DiagnosticFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Only behaviour-preserving fixes are preferred and applied by fix-all. */
  readonly preservesBehaviour: boolean;
}

/** `Diagnostic.data` of every Skeptic diagnostic: code actions need no server-side memory of findings. */
export interface DiagnosticData {
  readonly fix?: DiagnosticFix;
  readonly cwe: readonly string[];
  readonly owasp: string;
  readonly confidence: 'high' | 'medium' | 'low';
  /** The document version the finding was computed on; a fix for another version is not offered. */
  readonly version: number;
  /**
   * Set when a suppression comment on `line` (0-based) was not honoured: it arrived inside inserted code and nobody
   * edited or confirmed it (`unconfirmed`: the "Confirm this suppression" action applies), or it lacks the reason
   * a suppression inside AI-suggested code needs (`no-reason`).
   */
  readonly withheldSuppression?: { readonly line: number; readonly why: 'unconfirmed' | 'no-reason' };
}

/** What a reviewed snippet does that matters for security. */
export type BehaviourKind =
  | 'untrusted-input' | 'database' | 'shell' | 'files' | 'outbound' | 'html' | 'secrets' | 'crypto' | 'auth' | 'deserialize' | 'logging'
  | 'error-response';

export interface Behaviour {
  readonly kind: BehaviourKind;
  /** For people: "runs a shell command (`exec`)", "reads untrusted input from `req.query.id`". */
  readonly description: string;
  readonly range: Range;
  /** The code as written, shortened, secrets redacted. */
  readonly code: string;
}

/** Untrusted data reaching a sensitive call inside the snippet. */
export interface Flow {
  readonly source: { readonly label: string; readonly range: Range };
  readonly sink: { readonly kind: BehaviourKind; readonly description: string; readonly range: Range; readonly code: string };
  /** The hazard (rule id) the flow is about: `sql-injection`, `ssrf`. */
  readonly hazard: string;
  /** A sanitizer or allow-list check for the hazard cleared the data on the way. */
  readonly sanitized: boolean;
}

export interface ReviewPackage {
  /** npm package or Python top-level module. */
  readonly name: string;
  readonly ecosystem: 'npm' | 'pypi';
  /** Against the project's manifests; `unknown` when none was found or one could not be read in full. */
  readonly status: 'builtin' | 'local' | 'declared' | 'undeclared' | 'unknown';
  readonly range: Range;
  /** A popular package this name looks like a typo of. */
  readonly lookalikeOf?: string;
}

export interface ReviewQuestion {
  /** Tied to what the code does; cites 1-based line numbers as editors show them. */
  readonly text: string;
  readonly topic: 'trust-boundary' | 'validation' | 'authorization' | 'sensitive-data' | 'error-handling' | 'logging' | 'dependency' | 'finding';
  readonly range: Range;
}

/** A finding inside the reviewed range, with its fix. */
export interface ReviewFinding {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly confidence: 'high' | 'medium' | 'low';
  readonly cwe: readonly string[];
  readonly owasp: string;
  readonly message: string;
  readonly range: Range;
  readonly fix?: DiagnosticFix;
}

export interface ReviewParams {
  readonly textDocument: { readonly uri: string };
  /** The selection or inserted block (0-based). */
  readonly range: Range;
}

export interface ReviewResult {
  /** The document version the review describes. */
  readonly version: number;
  readonly range: Range;
  readonly behaviours: readonly Behaviour[];
  readonly flows: readonly Flow[];
  readonly findings: readonly ReviewFinding[];
  readonly packages: readonly ReviewPackage[];
  readonly questions: readonly ReviewQuestion[];
  /**
   * Ranges holding credentials. The client redacts them (and known key formats) from everything that leaves the
   * panel — copied text, traces, the language model — with the engine's `redactSecrets(text, secrets, origin)`.
   */
  readonly secrets: readonly Range[];
}

/** Client → server: "Question this snippet". Fails with an error for a document the server does not have open. */
export namespace ReviewRequest {
  export const method = 'skeptic/review' as const;
  export const type = new RequestType<ReviewParams, ReviewResult, void>(method);
}

/**
 * Client-side command a code action on a Skeptic diagnostic runs: opens the review panel for `range` of `uri`
 * (the client sends `skeptic/review`). Offered only when the client lists it in `clientCommands`.
 */
export const questionSnippetCommand = 'skeptic.questionSnippet';
export interface QuestionSnippetArguments {
  readonly uri: string;
  readonly range: Range;
}

// ── Provenance: code that arrived from an assistant (or a paste), tracked through edits ──────────────────────────

/** How a block of code arrived. `ai-edit`: an assistant's bulk edit, only when attributable (or labelled by the user). */
export type InsertOrigin = 'inline-completion' | 'paste' | 'ai-edit';

export interface DidInsertParams {
  /** The document at the version that contains the insertion (the change event's version). */
  readonly textDocument: { readonly uri: string; readonly version: number };
  /** The inserted text's range in that version (0-based). */
  readonly range: Range;
  readonly origin: InsertOrigin;
  /** When it was accepted, ISO 8601. */
  readonly time: string;
}

/**
 * Client → server after an insertion the client could attribute (an accepted inline suggestion, a paste from outside
 * VS Code, an attributable assistant edit). The server applies `skeptic.provenance.*` settings (origins tracked,
 * minimum size), keeps the block's range through later edits and persists it (never the code text).
 */
export namespace DidInsertNotification {
  export const method = 'skeptic/didInsert' as const;
  export const type = new NotificationType<DidInsertParams>(method);
}

/** A tracked block as the server reports it. */
export interface ProvenanceBlock {
  /** Stable id (survives edits and reloads). */
  readonly id: string;
  readonly uri: string;
  readonly range: Range;
  readonly origin: InsertOrigin;
  /** When it was inserted, ISO 8601. */
  readonly time: string;
  /** Set once a person marked it reviewed; `by` only when the user set `skeptic.provenance.reviewer`. */
  readonly reviewed?: { readonly time: string; readonly by?: string };
  /** Unsuppressed findings inside the block at the document's current version (0 for a file that is not open). */
  readonly findings: number;
}

export interface ProvenanceChangedParams {
  readonly uri: string;
  /** The document version the ranges describe; absent for a file that is not open. */
  readonly version?: number;
  /** Every block still present in the document (empty when none are left). */
  readonly blocks: readonly ProvenanceBlock[];
}

/** Server → client whenever a document's blocks change (moved, dropped, reviewed, findings changed): gutter marks. */
export namespace ProvenanceChangedNotification {
  export const method = 'skeptic/provenanceChanged' as const;
  export const type = new NotificationType<ProvenanceChangedParams>(method);
}

export interface ListProvenanceResult {
  readonly blocks: readonly ProvenanceBlock[];
}

/** Client → server: the blocks still present in the workspace ("Skeptic: Show AI-Suggested Code"). */
export namespace ListProvenanceRequest {
  export const method = 'skeptic/listProvenance' as const;
  export const type = new RequestType<Record<string, never>, ListProvenanceResult, void>(method);
}

/**
 * Server-side command (`workspace/executeCommand`, registered in VS Code by vscode-languageclient): records that a
 * person reviewed the block (when, and who if `skeptic.provenance.reviewer` is set); its code lens goes away.
 */
export const markReviewedCommand = 'skeptic.markReviewed';
export interface MarkReviewedArguments {
  readonly uri: string;
  readonly id: string;
}

/**
 * Server-side command: a person confirms a suppression comment that arrived inside inserted code, so it silences its
 * finding from now on (editing the comment's line does the same). Offered as a code action on the finding it withholds.
 */
export const confirmSuppressionCommand = 'skeptic.confirmSuppression';
export interface ConfirmSuppressionArguments {
  readonly uri: string;
  /** The comment's line (0-based) in the document's current version. */
  readonly line: number;
}
