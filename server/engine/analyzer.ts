// Owns running rules over a parsed document: one walk per unit dispatching nodes to interested rules, cached per unit.
import { createHash } from 'node:crypto';
import type { Detector, FileFacts, LanguageFamily, ModuleBinding, Report, RuleContext, RuleMeta, Severity, SyntaxNode, TaintQuery, Visitor } from '../../rules/api';
import { collectBindings, normalizeModule } from './bindings';
import type { AnalysisOptions } from './config';
import type { ParsedDocument } from './document';
import { absoluteRange, compareFindings, mapFinding, rangeOf, relativeRange, type Finding } from './findings';
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
}

/** Per-document memory of unit results and helper summaries. Keep one per open document; the CLI needs none. */
export class UnitCache {
  entries = new Map<string, UnitEntry>();
  summaries = new Map<string, boolean>();
}

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
    const { bindings, key: bindingsKey } = collectBindings(root, family);
    const baseKey = `${document.language}\0${file.path}\0${file.isTest}\0${this.optionsKey}\0${bindingsKey}\0`;
    const findings: Finding[] = [];
    const failures: RuleFailure[] = [];
    const nextEntries = new Map<string, UnitEntry>();
    let reused = 0;
    const units = splitUnits(root, family);
    const helpers = new HelperSummaries(root, family, bindings, bindingsKey, cache);
    for (const unit of units) {
      const origin = { line: unit.node.startPosition.row, character: unit.node.startPosition.column };
      const key = cache ? hashKey(baseKey, unit) : '';
      const cached = cache?.entries.get(key);
      if (cached && [...cached.helpers].every(([name, value]) => helpers.propagates(name) === value)) {
        reused++;
        nextEntries.set(key, cached);
        for (const f of cached.findings) findings.push(mapFinding(f, (r) => absoluteRange(r, origin)));
        continue;
      }
      const consulted = new Map<string, boolean | undefined>();
      const unitFindings = runUnit(unit, rules, file, bindings, failures, (name) => {
        const value = helpers.propagates(name);
        consulted.set(name, value);
        return value;
      });
      findings.push(...unitFindings);
      if (cache && unitFindings.every((f) => editsInside(f, unit.node))) {
        nextEntries.set(key, { findings: unitFindings.map((f) => mapFinding(f, (r) => relativeRange(r, origin))), helpers: consulted });
      }
    }
    if (cache) {
      cache.entries = nextEntries;
      cache.summaries = helpers.usedSummaries;
    }
    const unique = dedupe(findings).sort(compareFindings);
    const firstFailures = failures.filter((f, i) => failures.findIndex((g) => g.ruleId === f.ruleId) === i);
    return { findings: applySuppressions(unique, document), failures: firstFailures, units: units.length, reusedUnits: reused };
  }
}

function hashKey(baseKey: string, unit: Unit): string {
  return createHash('sha1').update(baseKey).update(unit.context).update('\0').update(unit.node.text).digest('base64');
}

function runUnit(
  unit: Unit, rules: readonly ActiveRule[], file: FileFacts, bindings: readonly ModuleBinding[], failures: RuleFailure[],
  helperPropagates: (name: string) => boolean | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const dispatch = new Map<string, { rule: ActiveRule; visit: Visitor }[]>();
  const family = familyOf(file.language);
  let taint: TaintAnalysis | undefined;
  const taintQuery: TaintQuery = {
    sourceOf: (node, hazard) => {
      taint ??= new TaintAnalysis(family, bindings, (n) => resolveCallee(n, bindings), helperPropagates);
      return taint.sourceOf(node, hazard);
    },
  };
  for (const rule of rules) {
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
  const cursor = unit.node.walk();
  try {
    let descend = true;
    for (;;) {
      const type = cursor.nodeType;
      const skipped = unit.skip.size > 0 && unit.skip.has(nodeKey({ startIndex: cursor.startIndex, endIndex: cursor.endIndex, type }));
      const listeners = skipped ? undefined : dispatch.get(type);
      if (listeners) {
        const node = cursor.currentNode;
        for (const { rule, visit } of listeners) {
          if (failed.has(rule.meta.id)) continue;
          try {
            visit(node);
          } catch (error) {
            failed.add(rule.meta.id);
            failures.push({ ruleId: rule.meta.id, error });
          }
        }
      }
      // Never descend into error recovery: findings come only from parts of the tree that parsed.
      descend = !skipped && type !== 'ERROR';
      if (descend && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return findings.filter((f) => !failed.has(f.ruleId));
      }
    }
  } finally {
    cursor.delete();
  }
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

function editsInside(finding: Finding, node: SyntaxNode): boolean {
  const first = node.startPosition.row;
  const last = node.endPosition.row;
  return (finding.fix?.edits ?? []).every((e) => e.range.start.line >= first && e.range.end.line <= last);
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
    private readonly root: SyntaxNode,
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
    for (let statement of this.root.namedChildren) {
      if (!statement) continue;
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
