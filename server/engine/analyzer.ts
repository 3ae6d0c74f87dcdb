// Owns running rules over a parsed document: one walk per unit dispatching nodes to interested rules, cached per unit.
import { createHash } from 'node:crypto';
import type { Detector, FileFacts, LanguageFamily, ModuleBinding, Position, Range, Report, RuleContext, RuleMeta, Severity, SyntaxNode, TaintQuery, Visitor } from '../../rules/api';
import { collectBindings, normalizeModule, type StatementBindings } from './bindings';
import type { AnalysisOptions } from './config';
import type { ParsedDocument } from './document';
import { absoluteRange, compareFindings, rangeOf, relativeRange, type Finding } from './findings';
import { familyOf } from './languages';
import { applySuppressions } from './suppressions';
import { isFunctionNode, TaintAnalysis } from './taint';
import { nodeKey, splitUnits, type Unit } from './units';

export interface RuleFailure {
  readonly ruleId: string;
  readonly error: unknown;
}

export interface AnalysisResult {
  /** Every finding, suppressed ones included (they carry `suppression`). */
  readonly findings: readonly Finding[];
  /** Rules that threw; their findings for the failing unit are lost, every other rule's stand. */
  readonly failures: readonly RuleFailure[];
  readonly units: number;
  readonly reusedUnits: number;
}

interface UnitEntry {
  readonly findings: readonly Finding[];
  /** The file's helper-function summaries this unit's taint analysis consulted; a change to any invalidates it. */
  readonly helpers: ReadonlyMap<string, boolean | undefined>;
  /**
   * Set when a fix edits outside the unit (an import added at the top): those edits are kept in file coordinates,
   * valid while the text before `end` is unchanged (its hash).
   */
  readonly outside?: { readonly end: number; readonly hash: string };
}

/** A cached fix edit outside its unit: stored in file coordinates, not relative to the unit. */
interface CachedEdit {
  readonly range: Range;
  readonly newText: string;
  readonly absolute?: true;
}

/** Per-document memory of unit results and helper summaries. Keep one per open document; the CLI needs none. */
export class UnitCache {
  entries = new Map<string, UnitEntry>();
  summaries = new Map<string, boolean>();
}

/** Statement text → its bindings, shared by every document (a pure function of the text). */
const statementMemo = new Map<string, StatementBindings>();

interface ActiveRule {
  readonly meta: RuleMeta;
  readonly detector: Detector;
  readonly severity: Severity;
}

export class Analyzer {
  private readonly rulesByFamily = new Map<string, ActiveRule[]>();
  private readonly optionsKey: string;

  constructor(metas: readonly RuleMeta[], detectors: readonly Detector[], readonly options: AnalysisOptions) {
    const metaById = new Map(metas.map((m) => [m.id, m]));
    for (const detector of detectors) {
      const meta = metaById.get(detector.id);
      if (!meta) throw new Error(`detector ${detector.family}/${detector.id} has no metadata`);
      const setting = options.rules[detector.id];
      if (setting === 'off') continue;
      const list = this.rulesByFamily.get(detector.family) ?? [];
      list.push({ meta, detector, severity: setting ?? meta.severity });
      this.rulesByFamily.set(detector.family, list);
    }
    this.optionsKey = JSON.stringify(options.rules);
  }

  /** Analyses a document. With a cache, units whose text and context did not change reuse their findings. */
  analyze(document: ParsedDocument, file: FileFacts, cache?: UnitCache): AnalysisResult {
    const family = familyOf(document.language);
    const rules = this.rulesByFamily.get(family) ?? [];
    const root = document.tree.rootNode;
    const statements = root.namedChildren.filter((s): s is SyntaxNode => !!s);
    // Each node property read crosses into wasm: read every top-level statement's text once, and only when caching.
    const texts = cache ? statements.map((s) => s.text) : undefined;
    const { bindings, key: bindingsKey } = collectBindings(statements, family, cache ? statementMemo : undefined, texts);
    const baseKey = `${document.language}\0${file.path}\0${file.isTest}\0${this.optionsKey}\0${bindingsKey}\0${file.project?.key ?? ''}\0`;
    const findings: Finding[] = [];
    const failures: RuleFailure[] = [];
    const nextEntries = new Map<string, UnitEntry>();
    let reused = 0;
    const units = splitUnits(statements, family, texts);
    const helpers = new HelperSummaries(statements, family, bindings, bindingsKey, cache);
    const baseHash = cache ? createHash('sha1').update(baseKey).digest('base64') : '';
    const prefixHashes = new Map<number, string>();
    const prefixHash = (end: number): string => {
      let hash = prefixHashes.get(end);
      if (hash === undefined) prefixHashes.set(end, (hash = createHash('sha1').update(document.text.slice(0, end)).digest('base64')));
      return hash;
    };
    for (const unit of units) {
      const origin = { line: unit.node.startPosition.row, character: unit.node.startPosition.column };
      const key = cache ? unitKey(baseHash, unit) : '';
      const cached = cache?.entries.get(key);
      if (cached && (!cached.outside || prefixHash(cached.outside.end) === cached.outside.hash)
        && [...cached.helpers].every(([name, value]) => helpers.propagates(name) === value)) {
        reused++;
        nextEntries.set(key, cached);
        for (const f of cached.findings) findings.push(restoreFinding(f, origin));
        continue;
      }
      const consulted = new Map<string, boolean | undefined>();
      const unitFindings = runUnit(unit, rules, file, bindings, failures, (name) => {
        const value = helpers.propagates(name);
        consulted.set(name, value);
        return value;
      });
      findings.push(...unitFindings);
      if (cache) {
        const first = unit.node.startPosition.row;
        const last = unit.node.endPosition.row;
        const inside = (r: Range): boolean => r.start.line >= first && r.end.line <= last;
        const outsideEnds = unitFindings.flatMap((f) => (f.fix?.edits ?? []).filter((e) => !inside(e.range)).map((e) => document.offsetAt(e.range.end)));
        const end = outsideEnds.length ? Math.max(...outsideEnds) : undefined;
        nextEntries.set(key, {
          findings: unitFindings.map((f) => storeFinding(f, origin, inside)),
          helpers: consulted,
          ...(end !== undefined ? { outside: { end, hash: prefixHash(end) } } : {}),
        });
      }
    }
    if (cache) {
      cache.entries = nextEntries;
      cache.summaries = helpers.usedSummaries;
    }
    findings.push(...runFileChecks(root, document.text, rules, file, bindings, failures, (name) => helpers.propagates(name)));
    const unique = dedupe(findings).sort(compareFindings);
    const firstFailures = failures.filter((f, i) => failures.findIndex((g) => g.ruleId === f.ruleId) === i);
    return { findings: applySuppressions(unique, document), failures: firstFailures, units: units.length, reusedUnits: reused };
  }
}

/** The unit's own text is the key (with a hash of what every unit shares): a hash object per unit costs more than the Map hashing the string. */
function unitKey(baseHash: string, unit: Unit): string {
  return `${baseHash}\0${unit.context}\0${unit.text ?? unit.node.text}`;
}

function runUnit(
  unit: Unit, rules: readonly ActiveRule[], file: FileFacts, bindings: readonly ModuleBinding[], failures: RuleFailure[],
  helperPropagates: (name: string) => boolean | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const dispatch = new Map<string, { rule: ActiveRule; visit: Visitor }[]>();
  const family = familyOf(file.language);
  const taintQuery = lazyTaintQuery(family, bindings, helperPropagates);
  const text = unit.text ?? unit.node.text;
  for (const rule of rules) {
    if (rule.detector.triggers && !rule.detector.triggers.test(text)) continue;
    try {
      const visitors = rule.detector.create(createContext(rule, file, bindings, findings, taintQuery));
      for (const [type, visit] of Object.entries(visitors)) {
        const list = dispatch.get(type) ?? [];
        list.push({ rule, visit });
        dispatch.set(type, list);
      }
    } catch (error) {
      failures.push({ ruleId: rule.meta.id, error });
    }
  }
  if (dispatch.size === 0) return findings;
  const failed = new Set<string>();
  const skipped = [...unit.skip].map((k) => k.split(':').map(Number));
  // descendantsOfType walks in C and hands back only the nodes some rule listens to: several times faster than a
  // TreeCursor walk from JavaScript, which pays a wasm crossing per node.
  const nodes = unit.node.descendantsOfType([...dispatch.keys()]);
  const checkErrors = unit.node.hasError;
  for (const node of nodes) {
    if (!node) continue;
    if (skipped.length && skipped.some(([start, end]) => node.startIndex >= start && node.endIndex <= end)) continue;
    // Findings come only from parts of the tree that parsed: a node with a syntax error inside is not judged.
    if (checkErrors && node.hasError) continue;
    for (const { rule, visit } of dispatch.get(node.type) ?? []) {
      if (failed.has(rule.meta.id)) continue;
      try {
        visit(node);
      } catch (error) {
        failed.add(rule.meta.id);
        failures.push({ ruleId: rule.meta.id, error });
      }
    }
  }
  return failed.size ? findings.filter((f) => !failed.has(f.ruleId)) : findings;
}

/** Taint analyses for a unit, created when a rule first asks (most units never reach a sink); parameters-as-sources is a different fixpoint, so a second one. */
function lazyTaintQuery(family: LanguageFamily, bindings: readonly ModuleBinding[], helperPropagates: (name: string) => boolean | undefined): TaintQuery {
  const analyses: (TaintAnalysis | undefined)[] = [undefined, undefined];
  const analysis = (parameters: boolean | undefined): TaintAnalysis => {
    const i = parameters ? 1 : 0;
    return (analyses[i] ??= new TaintAnalysis(family, bindings, (n) => resolveCallee(n, bindings), helperPropagates, !!parameters));
  };
  return {
    sourceOf: (node, hazard, options) => analysis(options?.parameters).sourceOf(node, hazard),
    flowOf: (node, hazard, options) => analysis(options?.parameters).flowOf(node, hazard),
  };
}

function runFileChecks(
  root: SyntaxNode, text: string, rules: readonly ActiveRule[], file: FileFacts, bindings: readonly ModuleBinding[], failures: RuleFailure[],
  helperPropagates: (name: string) => boolean | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const family = familyOf(file.language);
  const taintQuery = lazyTaintQuery(family, bindings, helperPropagates);
  for (const rule of rules) {
    if (!rule.detector.checkFile || (rule.detector.triggers && !rule.detector.triggers.test(text))) continue;
    const before = findings.length;
    try {
      rule.detector.checkFile(root, createContext(rule, file, bindings, findings, taintQuery));
    } catch (error) {
      findings.length = before;
      failures.push({ ruleId: rule.meta.id, error });
    }
  }
  return findings;
}

function createContext(rule: ActiveRule, file: FileFacts, bindings: readonly ModuleBinding[], sink: Finding[], taint: TaintQuery): RuleContext {
  const { meta } = rule;
  return {
    file,
    bindings,
    report(report: Report) {
      const range = report.range ?? (report.node ? rangeOf(report.node) : undefined);
      if (!range) throw new Error(`${meta.id}: report without node or range`);
      sink.push({
        ruleId: meta.id,
        title: meta.title,
        severity: report.severity && rule.severity === meta.severity ? report.severity : rule.severity,
        confidence: report.confidence ?? meta.confidence,
        cwe: meta.cwe,
        owasp: meta.owasp,
        message: report.message ?? meta.message,
        range,
        ...(report.fix ? { fix: report.fix } : {}),
      });
    },
    resolveCallee: (node) => resolveCallee(node, bindings),
    isTestCode: (node) => file.isTest || isInsideTest(node),
    rangeOf,
    taint,
  };
}

/** `crypto.createHash` → 'crypto.createHash' when `crypto` is an import; `md5` from `from hashlib import md5` → 'hashlib.md5'. */
function resolveCallee(node: SyntaxNode, bindings: readonly ModuleBinding[]): string | undefined {
  const chain = memberChain(node);
  if (!chain) return undefined;
  const [head, ...rest] = chain;
  if (head.startsWith('require:')) return [head.slice('require:'.length), ...rest].join('.');
  const binding = bindings.find((b) => b.local === head);
  if (!binding) return undefined;
  return [binding.module, ...(binding.imported ? [binding.imported] : []), ...rest].join('.');
}

function memberChain(node: SyntaxNode): string[] | undefined {
  switch (node.type) {
    case 'identifier':
      return [node.text];
    case 'member_expression':
    case 'attribute': {
      const object = node.childForFieldName('object');
      const property = node.childForFieldName(node.type === 'attribute' ? 'attribute' : 'property');
      const head = object && memberChain(object);
      return head && property ? [...head, property.text] : undefined;
    }
    case 'call_expression': {
      const callee = node.childForFieldName('function');
      const arg = node.childForFieldName('arguments')?.namedChildren[0];
      if (callee?.text === 'require' && arg?.type === 'string') return [`require:${normalizeModule(arg.text.slice(1, -1))}`];
      return undefined;
    }
    case 'parenthesized_expression':
    case 'non_null_expression': {
      const inner = node.namedChildren[0];
      return inner ? memberChain(inner) : undefined;
    }
    default:
      return undefined;
  }
}

const jsTestCallees = /^(describe|it|test|suite|beforeEach|afterEach|beforeAll|afterAll|before|after)(\.(only|skip|each|concurrent))?$/;

function isInsideTest(node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node.parent; n; n = n.parent) {
    if (n.type === 'call_expression') {
      const callee = n.childForFieldName('function');
      if (callee && jsTestCallees.test(callee.text)) return true;
    } else if (n.type === 'function_definition') {
      if (/^test_|^test$/.test(n.childForFieldName('name')?.text ?? '')) return true;
    } else if (n.type === 'class_definition') {
      if (/^Test/.test(n.childForFieldName('name')?.text ?? '')) return true;
    }
  }
  return false;
}

/** A finding in unit-relative coordinates for the cache; fix edits outside the unit stay in file coordinates. */
function storeFinding(finding: Finding, origin: Position, inside: (range: Range) => boolean): Finding {
  const fix = finding.fix && {
    ...finding.fix,
    edits: finding.fix.edits.map((e): CachedEdit => (inside(e.range) ? { range: relativeRange(e.range, origin), newText: e.newText } : { range: e.range, newText: e.newText, absolute: true })),
  };
  return { ...finding, range: relativeRange(finding.range, origin), ...(fix ? { fix } : {}) };
}

function restoreFinding(finding: Finding, origin: Position): Finding {
  const fix = finding.fix && {
    ...finding.fix,
    edits: finding.fix.edits.map((e: CachedEdit) => ({ range: e.absolute ? e.range : absoluteRange(e.range, origin), newText: e.newText })),
  };
  return { ...finding, range: absoluteRange(finding.range, origin), ...(fix ? { fix } : {}) };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}:${f.range.start.line}:${f.range.start.character}:${f.range.end.line}:${f.range.end.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Summaries of the file's top-level functions ("does it return its arguments' taint?"), computed on demand and
 * remembered by function text, so a helper is re-summarised only when it changes.
 */
class HelperSummaries {
  readonly usedSummaries = new Map<string, boolean>();
  private functions: Map<string, SyntaxNode> | undefined;

  constructor(
    private readonly statements: readonly SyntaxNode[],
    private readonly family: LanguageFamily,
    private readonly bindings: readonly ModuleBinding[],
    private readonly bindingsKey: string,
    private readonly cache: UnitCache | undefined,
  ) {}

  propagates(name: string): boolean | undefined {
    const fn = this.topLevelFunctions().get(name);
    if (!fn) return undefined;
    const key = createHash('sha1').update(this.bindingsKey).update('\0').update(fn.text).digest('base64');
    let value = this.usedSummaries.get(key) ?? this.cache?.summaries.get(key);
    if (value === undefined) {
      value = new TaintAnalysis(this.family, this.bindings, (n) => resolveCallee(n, this.bindings), () => undefined).summarize(fn);
    }
    this.usedSummaries.set(key, value);
    return value;
  }

  private topLevelFunctions(): Map<string, SyntaxNode> {
    if (this.functions) return this.functions;
    this.functions = new Map();
    for (let statement of this.statements) {
      if (statement.type === 'export_statement' || statement.type === 'decorated_definition') statement = statement.childForFieldName(statement.type === 'export_statement' ? 'declaration' : 'definition') ?? statement;
      if (isFunctionNode(statement, this.family)) {
        const name = statement.childForFieldName('name')?.text;
        if (name) this.functions.set(name, statement);
      } else if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
        for (const d of statement.namedChildren) {
          const value = d?.childForFieldName('value');
          const name = d?.childForFieldName('name');
          if (value && name?.type === 'identifier' && isFunctionNode(value, this.family)) this.functions.set(name.text, value);
        }
      }
    }
    return this.functions;
  }
}
