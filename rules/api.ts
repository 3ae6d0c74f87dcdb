// The rule contract: metadata declared once per rule id, detection per language, and what a rule may ask of the engine.
/** A row and a UTF-16 column, both from 0. */
export interface SyntaxPoint {
  row: number;
  column: number;
}

/**
 * A syntax node as rules read it: the part of web-tree-sitter's Node that Skeptic uses, with the same meaning. The
 * engine answers it from a copy of the tree decoded from tree-sitter's memory as it is read (server/engine/syntax-tree.ts),
 * so reads cost an array load, not a call into wasm. Nodes are one object per node and tree; `id` is unique across trees.
 */
export interface SyntaxNode {
  readonly id: number;
  /** The tree the node belongs to: a key for per-tree caches, and its root. */
  readonly tree: { readonly rootNode: SyntaxNode };
  readonly type: string;
  readonly typeId: number;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: SyntaxPoint;
  readonly endPosition: SyntaxPoint;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly isExtra: boolean;
  readonly isError: boolean;
  /** Whether the node or anything under it failed to parse. */
  readonly hasError: boolean;
  readonly parent: SyntaxNode | null;
  /** Named and anonymous children; the same array on every read. */
  readonly children: readonly SyntaxNode[];
  readonly namedChildren: readonly SyntaxNode[];
  readonly childCount: number;
  readonly namedChildCount: number;
  readonly firstChild: SyntaxNode | null;
  readonly lastChild: SyntaxNode | null;
  readonly firstNamedChild: SyntaxNode | null;
  readonly lastNamedChild: SyntaxNode | null;
  readonly nextSibling: SyntaxNode | null;
  readonly previousSibling: SyntaxNode | null;
  readonly nextNamedSibling: SyntaxNode | null;
  readonly previousNamedSibling: SyntaxNode | null;
  /** The field this node sits under in its parent, or null. */
  readonly fieldName: string | null;
  child(index: number): SyntaxNode | null;
  namedChild(index: number): SyntaxNode | null;
  childForFieldName(name: string): SyntaxNode | null;
  childrenForFieldName(name: string): SyntaxNode[];
  /** This node and its descendants of the given types, in document order, optionally only those overlapping a range. */
  descendantsOfType(types: string | readonly string[], startPosition?: SyntaxPoint, endPosition?: SyntaxPoint): SyntaxNode[];
  /** The smallest node (anonymous ones included) spanning [start, end]. */
  descendantForIndex(start: number, end?: number): SyntaxNode;
  equals(other: SyntaxNode | null | undefined): boolean;
  toString(): string;
}

/** Languages the engine parses. `javascript` detection rules also run on typescript and tsx. */
export type LanguageId = 'javascript' | 'typescript' | 'tsx' | 'python';
/** A detection rule is written once per family: one for JS/TS/TSX, one for Python. */
export type LanguageFamily = 'javascript' | 'python';

export type Severity = 'error' | 'warning' | 'info';
export type Confidence = 'high' | 'medium' | 'low';

/** OWASP Top 10 (2021) categories, used verbatim in output. */
export type OwaspCategory =
  | 'A01:2021-Broken Access Control'
  | 'A02:2021-Cryptographic Failures'
  | 'A03:2021-Injection'
  | 'A04:2021-Insecure Design'
  | 'A05:2021-Security Misconfiguration'
  | 'A06:2021-Vulnerable and Outdated Components'
  | 'A07:2021-Identification and Authentication Failures'
  | 'A08:2021-Software and Data Integrity Failures'
  | 'A09:2021-Security Logging and Monitoring Failures'
  | 'A10:2021-Server-Side Request Forgery';

/** Everything about a hazard that is the same in every language. Declared once in `rules/meta/<id>.ts`. */
export interface RuleMeta {
  /** Kebab-case hazard name, also the file names: `weak-hash`. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  /** e.g. 'CWE-327'. */
  readonly cwe: readonly string[];
  readonly owasp: OwaspCategory;
  /** One sentence: the hazard and the safer alternative. Rules may pass a more specific one per finding. */
  readonly message: string;
  /** Whether some detection of this rule offers a fix. */
  readonly fixable: boolean;
}

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 column. */
  readonly character: number;
}
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A text edit in document coordinates (0-based, UTF-16), like LSP's TextEdit. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface Fix {
  /** Shown as the code action title, e.g. "Use SHA-256". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /**
   * True only when the fix keeps the program's behaviour (it may then be applied by fix-all).
   * A behaviour-changing fix is a suggestion: its title says what it changes.
   */
  readonly preservesBehaviour: boolean;
}

/** What a rule reports. Location is a node or an explicit range. */
export interface Report {
  readonly node?: SyntaxNode;
  readonly range?: Range;
  /** Overrides the metadata message for this finding (still one sentence: hazard + safer alternative). */
  readonly message?: string;
  readonly confidence?: Confidence;
  readonly severity?: Severity;
  readonly fix?: Fix;
}

/** An imported or required module binding at module level, e.g. `crypto` ← `require('crypto')`. */
export interface ModuleBinding {
  /** Local name in this file. */
  readonly local: string;
  /** Module specifier: 'crypto', 'node:crypto', 'hashlib', 'os.path'. */
  readonly module: string;
  /** Imported member, or undefined for a namespace/default import (`import x from`, `import os`). */
  readonly imported?: string;
}

export interface FileFacts {
  /** Workspace-relative path with forward slashes, or the URI path for unsaved documents. */
  readonly path: string;
  readonly language: LanguageId;
  /** The file is a test file by its path (tests/, *.test.ts, test_*.py…): rules stay quiet on test-only code. */
  readonly isTest: boolean;
  /**
   * The dependency manifests of the file's project (package.json, requirements, pyproject…), read outside the
   * per-unit path by the engine's dependency index. Absent when none was found or the caller supplies none.
   */
  readonly project?: ProjectFacts;
  /**
   * What the package registries and the advisory database said, when the user turned the networked dependency checks
   * on (and trusts the workspace). Absent otherwise: the networked rules then report nothing.
   */
  readonly packages?: PackageIntel;
}

/** A published advisory (OSV) affecting a package version. */
export interface Advisory {
  /** `GHSA-…`, `PYSEC-…`. */
  readonly id: string;
  /** Other ids of the same advisory, CVE ids first. */
  readonly aliases: readonly string[];
  readonly summary: string;
  /** The lowest version that fixes it above the affected one, when the database says. */
  readonly fixed?: string;
  readonly severity?: 'low' | 'moderate' | 'high' | 'critical';
}

/**
 * Answers about packages from the network, as far as they are known now. A question not answered yet returns "nothing
 * known" at once and is asked in the background; when a meaningful answer arrives the face analyses again (the `key`
 * changes, so cached results are not reused).
 */
export interface PackageIntel {
  /** True only after the registry answered that the package does not exist (a definite 404); unknown and failed: false. */
  isMissing(ecosystem: 'npm' | 'pypi', name: string): boolean;
  /** Advisories affecting `name` at `version` (empty when none, or not known yet). PyPI names PEP 503-normalized. */
  advisoriesOf(ecosystem: 'npm' | 'pypi', name: string, version: string): readonly Advisory[];
  /** Changes whenever an answer that can change findings arrives; part of every cache key. */
  readonly key: string;
}

/** What the manifests of a file's project declare, for the file's ecosystem. */
export interface ProjectFacts {
  readonly ecosystem: 'npm' | 'pypi';
  /** Absolute paths of the manifests read. */
  readonly manifests: readonly string[];
  /** Declared package names: npm names as written, PyPI distributions PEP 503-normalized (`pyyaml`, `python-dateutil`). */
  readonly declared: ReadonlySet<string>;
  /** Whether a manifest declares the package (PyPI names in any spelling). */
  declares(name: string): boolean;
  /**
   * Whether a bare npm specifier or a Python top-level module is the project's own: a workspace package, the
   * package's own name, a tsconfig path alias or baseUrl folder, a sibling `foo.py` or package folder `foo/`.
   */
  isLocal(name: string): boolean;
  /** False when some manifest could not be read in full (a parse error, a setup.py without literal requirements). */
  readonly complete: boolean;
  /** The locked (lockfile) or exactly pinned version of a declared package (PyPI names in any spelling), if known. */
  versionOf?(name: string): string | undefined;
  /**
   * Whether the package may be installed from a registry other than the public one (an `.npmrc`/`.yarnrc.yml` scope
   * with a registry of its own; a Python project with another package index): the public registry's 404 proves nothing.
   */
  privatePackage?(name: string): boolean;
  /** Stable text of everything above; part of every cache key. */
  readonly key: string;
}

/** Where untrusted data entered: `req.query.id`, `request.args`, `sys.argv`. */
export interface TaintSource {
  /** The source expression as written (shortened), for messages. */
  readonly label: string;
  readonly range: Range;
  /** The data is a parameter of the enclosing function (only with `TaintOptions.parameters`), not visible client input. */
  readonly parameter?: boolean;
}

export interface TaintOptions {
  /**
   * Treat the enclosing function's parameters as sources too (labelled `parameter <name>`), except `self`, `cls` and
   * parameters typed or defaulted as numbers: for library code, where the caller decides what flows in.
   */
  readonly parameters?: boolean;
}

/** A source's data reaching a node, and whether a sanitizer or allow-list check for the hazard cleared it on the way. */
export interface TaintFlow {
  readonly source: TaintSource;
  readonly sanitized: boolean;
}

export interface TaintQuery {
  /**
   * The untrusted source whose data reaches `node` within its function without passing a sanitizer for `hazard`
   * (a rule id), or undefined. Intra-procedural: assignments, concatenation, templates, f-strings, format/join,
   * literals, destructuring, comprehensions, allow-list checks, and returns of the file's own helper functions.
   */
  sourceOf(node: SyntaxNode, hazard: string, options?: TaintOptions): TaintSource | undefined;
  /** Like `sourceOf`, but also answers for data a sanitizer cleared, so a rule can tell "sanitized" from "no source". */
  flowOf(node: SyntaxNode, hazard: string, options?: TaintOptions): TaintFlow | undefined;
}

export interface RuleContext {
  readonly file: FileFacts;
  /** Module-level imports/requires of this file. Part of every cache key, so rules may depend on it. */
  readonly bindings: readonly ModuleBinding[];
  /** Report a finding. */
  report(report: Report): void;
  /** Resolves an identifier (or member chain like `crypto.createHash`) to the module path it was imported from, e.g. 'crypto.createHash'. */
  resolveCallee(node: SyntaxNode): string | undefined;
  /** True when the node sits in test-only code: a test file, or inside describe/it/test blocks or `def test_*`. */
  isTestCode(node: SyntaxNode): boolean;
  /** The node's range in document coordinates. */
  rangeOf(node: SyntaxNode): Range;
  /** Data-flow questions about the unit being analysed. */
  readonly taint: TaintQuery;
}

export type Visitor = (node: SyntaxNode) => void;
/** Node type → visitor, ESLint-style: the engine walks once and dispatches each node to the rules interested in its type. */
export type Visitors = Readonly<Record<string, Visitor>>;

/**
 * A unit trigger that also follows imports: a rule that resolves callees through module bindings (`import { exec as
 * run } from 'child_process'`, `from subprocess import call as run`) reports on `run(cmd)`, whose unit never spells
 * the module's name for it, so the unit also passes when it mentions, as a whole word, a local name bound to a module
 * path matching `imports`.
 */
export interface Triggers {
  /** Tested on the unit's text, as a plain RegExp trigger is. */
  readonly text: RegExp;
  /**
   * Tested on each module-level binding's import path: `module` for a namespace or default import (`child_process`,
   * `os.path`), `module.imported` for a member (`child_process.exec`, `subprocess.call`).
   */
  readonly imports?: RegExp;
}

/** What a rule may read when it builds its triggers for one file, once per analysis. */
export interface TriggerFile {
  /** The whole file's text, as written (escapes not decoded). */
  readonly text: string;
  readonly bindings: readonly ModuleBinding[];
  /**
   * The texts of the file's top-level statements (comments included), in order: the file's text less the space between
   * them. A trigger that asks about the whole file should ask statement by statement (`statementsMatch`,
   * `statementFact`): answers are remembered by statement text, so an edit costs only the statements it changed.
   * Absent when the caller has no tree (the answer then comes from `text`). Copies (see ownString), never slices of the
   * file's text: facts are remembered by them.
   */
  readonly statements?: readonly string[];
}

interface StatementEntry {
  /** The statement's text, owned (see ownString): facts computed from it may slice it. */
  readonly text: string;
  /** Facts by slot (`statementFact`), sparse. */
  readonly facts: unknown[];
}

/** Statement text → facts about it, shared by every document and rule, bounded (see rememberText). */
const statementEntries = new Map<string, StatementEntry>();
let nextFactSlot = 0;

function statementEntry(text: string): StatementEntry {
  let entry = statementEntries.get(text);
  if (entry) return entry;
  // The engine's statement texts are already copies, kept from one analysis to the next: keeping the same string makes
  // the next lookup an identity match.
  entry = { text, facts: [] };
  rememberText(statementEntries, text, entry);
  return entry;
}

const memoChars = new WeakMap<Map<string, unknown>, number>();

/**
 * Stores `text` (a copy: see ownString) as a key of a memo shared by every document version. The memo is emptied past
 * `maxKeys` keys or 2 million characters of them: typing inside a large function makes a new text of it per keystroke.
 */
export function rememberText<V>(memo: Map<string, V>, text: string, value: V, maxKeys = 50_000): void {
  const chars = (memoChars.get(memo) ?? 0) + text.length;
  if (memo.size >= maxKeys || chars > 2_000_000) {
    memo.clear();
    memoChars.set(memo, text.length);
  } else memoChars.set(memo, chars);
  memo.set(text, value);
}

/**
 * A fact about one statement, a pure function of its text, remembered across analyses (an edit recomputes it only for
 * the statements it changed). Returns the fact for each of the file's statements, in order; for a caller without
 * statements, the fact of the whole text. The value must not keep the text alive beyond what `compute` is given.
 */
export function statementFact<T>(compute: (text: string) => T): (file: TriggerFile) => readonly T[] {
  const memo = statementMemo<T>();
  return (file) => (file.statements ? file.statements.map((_, i, all) => memo(all, i, compute)) : [compute(file.text)]);
}

/**
 * A slot in every statement's remembered facts: the fact of statement `index` of `statements`, computed by `compute`
 * (given the statement's own copy of its text) when its text has none yet. For callers that compute from the
 * statement's node, which they find by `index`; the fact must still depend on the text alone.
 */
export function statementMemo<T>(): (statements: readonly string[], index: number, compute: (text: string) => T) => T {
  const slot = nextFactSlot++;
  let lastStatements: readonly string[] | undefined;
  let lastEntries: readonly StatementEntry[] = [];
  return (statements, index, compute) => {
    // Asked once per statement in turn: the file's entries are looked up once, not per statement.
    if (statements !== lastStatements) {
      lastEntries = entriesOf(statements);
      lastStatements = statements;
    }
    const entry = lastEntries[index];
    if (!(slot in entry.facts)) entry.facts[slot] = compute(entry.text);
    return entry.facts[slot] as T;
  };
}

/**
 * The entries of a file's statements, looked up once per analysis (each lookup hashes and compares a statement's text),
 * by the array of texts the analysis shares between its readers.
 */
const fileEntries = new WeakMap<readonly string[], readonly StatementEntry[]>();

function entriesOf(statements: readonly string[]): readonly StatementEntry[] {
  let entries = fileEntries.get(statements);
  if (!entries) fileEntries.set(statements, (entries = statements.map(statementEntry)));
  return entries;
}

/** One fact per pattern (by object: rules build their trigger patterns once); past this many a file's text is tested whole. */
const matchFacts = new WeakMap<RegExp, ReturnType<typeof statementMemo<boolean>>>();
let matchFactCount = 0;
/** Answers already given in an analysis, by its statements and the pattern: several rules ask the same. */
const matchAnswers = new WeakMap<readonly string[], Map<RegExp, boolean>>();

/**
 * Whether `pattern` matches one of the file's statements (as `pattern.test(file.text)` answers, but for the space between
 * statements, which holds nothing a trigger looks for), remembered per statement text.
 */
export function statementsMatch(file: TriggerFile, pattern: RegExp): boolean {
  const plain = pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
  if (!file.statements) return plain.test(file.text);
  let answers = matchAnswers.get(file.statements);
  if (!answers) matchAnswers.set(file.statements, (answers = new Map()));
  const known = answers.get(pattern);
  if (known !== undefined) return known;
  let memo = matchFacts.get(pattern);
  if (!memo) {
    if (matchFactCount >= 256) return plain.test(file.text);
    matchFactCount++;
    matchFacts.set(pattern, (memo = statementMemo<boolean>()));
  }
  const test = (text: string): boolean => plain.test(text);
  const answer = file.statements.some((_, i, all) => memo(all, i, test));
  answers.set(pattern, answer);
  return answer;
}

/** One language family's detection for one rule id. File: `rules/<family>/<id>.ts`, default export. */
export interface Detector {
  readonly id: string;
  readonly family: LanguageFamily;
  /**
   * A necessary condition for this rule to report anything in a unit: the engine tests it on the unit's source text
   * before building any node for the rule, so a rule pays nothing on the many units that cannot concern it. A RegExp
   * is tested on the unit's text; `Triggers` adds the names the file imports from modules the rule resolves (see
   * there); a function builds either for one file, e.g. to leave out `get` when no module whose `get` is a sink is
   * named anywhere in it. It must not miss: include every spelling a finding can depend on (callee names, method names,
   * key formats, name words). The engine also tests the text with string and identifier escapes decoded (`'\x6dd5'`
   * reads `md5`) and, for a class member, the class header. Omit it to run on every unit. Fixtures run with and without
   * triggers must report the same (test/unit/triggers.test.ts).
   */
  readonly triggers?: RegExp | Triggers | ((file: TriggerFile) => RegExp | Triggers);
  /**
   * The triggers also anchor the visitors: every node a visitor acts on holds, within its own text, a match of the
   * triggers (text or import names) in the unit's text. The engine then hands the visitors only the nodes of their
   * types around each match (each once, in document order), not every node of those types in the unit: a call visitor
   * of a rule triggered by `query` sees `db.query(…)` and the `router.get(…)` call around it, never `res.json(…)`.
   * `'innermost'`: the node is moreover the innermost one of its type around the match (a sink call whose callee
   * names the sink), so the calls around it are not handed over either. Leave it off for a visitor that acts on nodes
   * its trigger words only lead to (an alias declared elsewhere, a value whose name is a sibling key, a whole-module
   * check). Units where matches are dense, or huge, are walked as without it. Fixtures run with and without anchoring
   * must report the same (test/unit/triggers.test.ts).
   */
  readonly anchored?: boolean | 'innermost';
  /**
   * Anchors the visitors at this pattern's matches in the unit's text (and at the import names of `triggers`) instead
   * of the triggers' own: for a trigger that tests the unit as a whole (two words anywhere in it), while each visited
   * node holds one word of a list (a response method's name). Same contract as `anchored`.
   */
  readonly anchors?: RegExp;
  /** Per unit (top-level statement or class member); results are cached by the unit's text. */
  create(context: RuleContext): Visitors;
  /**
   * Optional whole-file check for hazards that depend on several units at once (e.g. one route without the
   * authentication its sibling routes use). It runs on every analysis, uncached: it must stay cheap, looking at
   * top-level statements and what they lead to directly, never walking whole function bodies.
   */
  checkFile?(root: SyntaxNode, context: RuleContext, top: TopLevel): void;
}

/** The file's top-level statements as the engine read them, for whole-file checks. */
export interface TopLevel {
  readonly statements: readonly SyntaxNode[];
  /**
   * Each statement's text (read once by the engine, so most statements are settled from their text). With `store` (an open
   * document) they are copies carried from one analysis to the next, and `statementMemo` remembers facts per statement.
   */
  readonly texts: readonly string[];
  /**
   * Storage that outlives this analysis, one per open document (absent in one-shot scans). Its presence says the
   * document is being edited: per-statement facts are best kept with `statementMemo`; keep here only what is per
   * document, and only what the current statements need, or memory grows with every edit.
   */
  readonly store?: Map<string, unknown>;
}

/** Module facts by name (`moduleFact`): how to compute each, and each tree's values. */
type ModuleFactValue = boolean | string;
const moduleFactComputers = new Map<string, (root: SyntaxNode) => ModuleFactValue>();
const moduleFactValues = new WeakMap<object, Map<string, ModuleFactValue>>();
let moduleFactRecorder: Map<string, ModuleFactValue | undefined> | undefined;

/**
 * A fact about the whole module that a finding in one unit depends on (the module declares Django settings somewhere,
 * the file mentions "://", the text of the statements using a module-level name): computed once per tree. The engine
 * notes that the unit read it and reuses the unit's cached findings only while the fact has the same value. `name` is
 * unique per meaning; `compute` reads from the root and is the same function for every call with that name.
 */
export function moduleFact<T extends ModuleFactValue>(at: SyntaxNode, name: string, compute: (root: SyntaxNode) => T): T {
  // Asked at every call a rule looks at: the answer is found from the tree alone (its root is one read away).
  let value = moduleFactValues.get(at.tree)?.get(name);
  if (value === undefined) {
    if (!moduleFactComputers.has(name)) moduleFactComputers.set(name, compute);
    value = moduleFactValue(at.tree.rootNode, name)!;
  }
  moduleFactRecorder?.set(`\u0000${name}`, value);
  return value as T;
}

/** For the engine: fact `name` of the module at `root` (undefined when no rule ever asked for it). */
export function moduleFactValue(root: SyntaxNode, name: string): ModuleFactValue | undefined {
  let values = moduleFactValues.get(root.tree);
  let value = values?.get(name);
  if (value !== undefined) return value;
  const compute = moduleFactComputers.get(name);
  if (!compute) return undefined;
  if (!values) moduleFactValues.set(root.tree, (values = new Map()));
  value = compute(root);
  // Kept with the unit's cached findings beyond this analysis: a copy, not a slice of the document's text.
  if (typeof value === 'string') value = ownString(value);
  values.set(name, value);
  return value;
}

/** For the engine: where the module facts read by the visitors running now are noted, as `\u0000name` → value (or none). */
export function noteModuleFactsIn(recorder: Map<string, ModuleFactValue | undefined> | undefined): void {
  moduleFactRecorder = recorder;
}

const topLevels = new WeakMap<object, TopLevel>();

/**
 * For the engine: the tree's top-level statements as the analysis read them, registered when it remembers facts per
 * statement text (an editor's document), so a rule's file-wide index can be built from remembered facts
 * (`statementMemo`) instead of reading every statement again after each edit.
 */
export function registerTopLevel(tree: object, top: TopLevel): void {
  topLevels.set(tree, top);
}

/** The top-level statements registered for `tree`, if any (see registerTopLevel). */
export function topLevelOf(tree: object): TopLevel | undefined {
  return topLevels.get(tree);
}

export function defineMeta(meta: RuleMeta): RuleMeta {
  return meta;
}

export function defineDetector(detector: Detector): Detector {
  return detector;
}

/**
 * A copy of `text` that holds no reference to a larger string. A node's text is a slice of the document's whole text,
 * and V8 keeps the whole text alive while a slice of it lives: anything kept beyond one analysis (a memo shared by every
 * document version, a rule's store) must keep copies, or each edit would keep one more version of the file in memory.
 */
export function ownString(text: string): string {
  // Concatenating, then slicing, makes V8 flatten the pair into a new string the slice then points into.
  return text.length < 13 ? text : (' ' + text).slice(1);
}
