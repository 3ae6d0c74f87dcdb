// Owns running rules over a parsed document: one walk per unit dispatching nodes to interested rules, cached per unit.
import { createHash } from 'node:crypto';
import type { Confidence, Detector, FileFacts, LanguageFamily, ModuleBinding, Position, Range, Report, RuleContext, RuleMeta, Severity, SyntaxNode, TaintQuery, TopLevel, TriggerFile, Triggers, Visitor, Visitors } from '../../rules/api';
import { moduleFactValue, noteModuleFactsIn, ownString, registerTopLevel } from '../../rules/api';
import { collectBindings, ModuleNames, normalizeModule } from './bindings';
import type { AnalysisOptions } from './config';
import type { ParsedDocument } from './document';
import { absoluteRange, compareFindings, rangeOf, relativeRange, type Finding } from './findings';
import { familyOf } from './languages';
import { applySuppressions } from './suppressions';
import { isFunctionNode, TaintAnalysis } from './taint';
import { collectMatches, DecodedText, decodeEscapes, TriggerScan } from './trigger-scan';
import { splitUnits, type Unit } from './units';

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
  /**
   * The rest of the key: the cache is keyed by the unit's text (and a class member's class header), and what every unit
   * shares (`base`) and the module-level declarations the unit may read (`ModuleNames`) are compared on a hit. A key
   * string holding them would be a new string per unit and analysis, hashed again each time.
   */
  readonly base: string;
  readonly names: string;
  readonly findings: readonly Finding[];
  /**
   * The file's helper-function summaries this unit's taint analysis consulted, and the module facts (`moduleFact`, keys
   * starting with U+0000) its rules read; a change to any invalidates it.
   */
  readonly helpers: ReadonlyMap<string, Consulted>;
  /**
   * Set when a finding or a fix edit lies outside the unit (a module constant the unit reads, an import added at the
   * top): those are kept in file coordinates, valid while the text before `end` is unchanged (its hash).
   */
  readonly outside?: { readonly end: number; readonly hash: string };
}

/** What a unit's analysis read from outside it: a helper summary (`propagates`), or a module fact (key starting U+0000). */
type Consulted = boolean | string | undefined;

/** A stored finding: its range relative to its unit's start, or in file positions when `absolute` (outside the unit). */
type CachedFinding = Finding & { readonly absolute?: true };

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
  /** The module-level declarations of the last analysis, and which of them each unit's key held. */
  moduleNames: ModuleNames | undefined;
  /** Whole-file checks' own storage (`TopLevel.store`). */
  readonly fileStore = new Map<string, unknown>();
  /** The last analysis's top-level statements: which document and version, where each started, and its (owned) text. */
  statements: { readonly document: ParsedDocument; readonly version: number; readonly starts: Map<number, string> } | undefined;
}

/**
 * The texts of an edited document's top-level statements, as copies (see ownString) kept from one analysis to the
 * next: a statement the edit did not touch (it lies wholly before or after the changed span, with the same length) gets
 * the very string the last analysis had. Every memo keyed by statement text then finds it by identity, its hash already
 * computed, instead of hashing and comparing the whole file's text again after each keystroke.
 */
function carriedTexts(document: ParsedDocument, statements: readonly SyntaxNode[], cache: UnitCache): string[] {
  const previous = cache.statements;
  const span = previous && previous.document === document ? document.changedSince(previous.version) : undefined;
  const starts = new Map<number, string>();
  const texts = statements.map((statement) => {
    const start = statement.startIndex;
    const length = statement.endIndex - start;
    let text: string | undefined;
    if (previous && span !== undefined) {
      const before = span === null || start + length <= span.start;
      const old = before ? start : start >= span!.end ? start - span!.delta : -1;
      const candidate = old >= 0 ? previous.starts.get(old) : undefined;
      if (candidate !== undefined && candidate.length === length) text = candidate;
    }
    text ??= ownString(statement.text);
    starts.set(start, text);
    return text;
  });
  cache.statements = { document, version: document.version, starts };
  return texts;
}


interface ActiveRule {
  readonly meta: RuleMeta;
  readonly detector: Detector;
  readonly severity: Severity;
  /** The user set the rule's severity (settings or `.skeptic.yml`). */
  readonly configured: boolean;
  readonly triggers?: Detector['triggers'];
}

/** A rule's triggers for one file: its text test, and the file's local names for the modules it follows. */
interface Gate {
  readonly text: RegExp;
  readonly names?: RegExp;
  /** Where the rule's visitors are anchored, when not at `text` (`Detector.anchors`). */
  readonly anchor?: RegExp;
}

/**
 * A file's gates, each scanned over the whole file text once (when first asked) so that most units are settled by where
 * the matches are; class headers, asked for by every member of a class, are answered once each.
 */
class FileGates {
  private readonly scans: (Scans | undefined)[] = [];
  private readonly decodedScans: (Scans | undefined)[] = [];
  private readonly headers: (Map<string, boolean> | undefined)[] = [];
  private decodedFile: DecodedText | undefined;

  /**
   * Set when the units to analyse hold little of the file's text (an edit re-analyses a few): each is then tested on its
   * own text, since a scan from a unit to the gate's next match may read the rest of the file for a rare trigger.
   */
  fewUnits = false;

  constructor(readonly gates: readonly (Gate | undefined)[], private readonly text: string) {}

  /** Whether the unit spanning `[start, end)` passes gate `i`: as `TriggerTexts.pass` answers, mostly from the scans. */
  pass(i: number, start: number, end: number, texts: TriggerTexts): boolean {
    const gate = this.gates[i];
    if (!gate) return true;
    if (this.fewUnits) return texts.pass(gate);
    const scan = (this.scans[i] ??= scansOf(gate, this.text));
    if (scan.text ? scan.text.matches(start, end, texts.text) : gate.text.test(texts.text)) return true;
    if (gate.names && (scan.names ? scan.names.matches(start, end, texts.text) : gate.names.test(texts.text))) return true;
    if (texts.spells() && this.passDecoded(i, gate, start, end, texts)) return true;
    return this.passesHeader(i, texts);
  }

  /** Whether a class member's unit passes gate `i` through its class header (a rule may read the class around it). */
  passesHeader(i: number, texts: TriggerTexts): boolean {
    const gate = this.gates[i];
    if (!gate || !texts.context) return false;
    const headers = (this.headers[i] ??= new Map());
    let header = headers.get(texts.context);
    if (header === undefined) headers.set(texts.context, (header = passes(gate, texts.context)));
    return header;
  }

  /**
   * Where gate `i` matches the unit starting at `start`, as start, end pairs in file offsets: its text and import names
   * on the unit's text, and on the decoded text (mapped back to the escapes that spell the match).
   */
  anchors(i: number, start: number, texts: TriggerTexts): number[] {
    const gate = this.gates[i]!;
    const out: number[] = [];
    const text = gate.anchor ?? gate.text;
    collectMatches(text, texts.text, start, out);
    if (gate.names) collectMatches(gate.names, texts.text, start, out);
    if (texts.spells()) {
      const decoded = texts.decodedWithMap();
      const found: number[] = [];
      collectMatches(text, decoded.text, 0, found);
      if (gate.names) collectMatches(gate.names, decoded.text, 0, found);
      for (let k = 0; k < found.length; k += 2) {
        const [from, to] = decoded.rawRangeOf(found[k], found[k + 1]);
        out.push(start + from, start + to);
      }
    }
    return out;
  }

  /** The same on the decoded text: the file's, decoded once, scanned once per gate. */
  private passDecoded(i: number, gate: Gate, start: number, end: number, texts: TriggerTexts): boolean {
    // A unit ending in a backslash decodes differently alone (the backslash stays) than in the file (it takes the newline).
    if (texts.text.endsWith('\\')) return passes(gate, texts.decoded());
    const decoded = (this.decodedFile ??= new DecodedText(this.text));
    const scan = (this.decodedScans[i] ??= scansOf(gate, decoded.text));
    const from = decoded.offsetOf(start);
    const to = decoded.offsetOf(end);
    const unitText = (): string => texts.decoded();
    if (scan.text ? scan.text.matches(from, to, unitText) : gate.text.test(unitText())) return true;
    return !!gate.names && (scan.names ? scan.names.matches(from, to, unitText) : gate.names.test(unitText()));
  }
}

interface Scans {
  readonly text?: TriggerScan;
  readonly names?: TriggerScan;
}

function scansOf(gate: Gate, text: string): Scans {
  return { text: TriggerScan.of(gate.text, text), names: gate.names && TriggerScan.of(gate.names, text) };
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
      list.push({ meta, detector, severity: setting ?? meta.severity, configured: setting !== undefined, ...(detector.triggers ? { triggers: detector.triggers } : {}) });
      this.rulesByFamily.set(detector.family, list);
    }
    this.optionsKey = JSON.stringify(options.rules);
  }

  /** Analyses a document. With a cache, units whose text and context did not change reuse their findings. */
  analyze(document: ParsedDocument, file: FileFacts, cache?: UnitCache): AnalysisResult {
    const family = familyOf(document.language);
    const rules = this.rulesByFamily.get(family) ?? [];
    const root = document.syntax.rootNode;
    const statements = root.namedChildren;
    // Read every top-level statement's text once (triggers read it anyway), so most statements are settled from their text.
    const texts = cache ? carriedTexts(document, statements, cache) : statements.map((s) => s.text);
    const top: TopLevel = { statements, texts, ...(cache ? { store: cache.fileStore } : {}) };
    if (cache) registerTopLevel(document.syntax, top);
    const { bindings, key: bindingsKey, moduleNames: declarations } = collectBindings(statements, family, texts, !!cache);
    const moduleNames = new ModuleNames(declarations, cache?.moduleNames);
    if (cache) cache.moduleNames = moduleNames;
    const baseKey = `${document.language}\0${file.path}\0${file.isTest}\0${this.optionsKey}\0${bindingsKey}\0${file.project?.key ?? ''}\0${file.packages?.key ?? ''}\0`;
    const findings: Finding[] = [];
    const failures: RuleFailure[] = [];
    const nextEntries = new Map<string, UnitEntry>();
    let reused = 0;
    const units = splitUnits(statements, family, texts);
    const helpers = new HelperSummaries(statements, family, bindings, bindingsKey, moduleNames, cache);
    // With a cache (an editor's document), whole-file trigger questions are answered per statement and remembered.
    // Not when error recovery made the root an ERROR node: tokens between its named children belong to no statement.
    const triggerFile: TriggerFile = { text: document.text, bindings, ...(cache && root.type !== 'ERROR' ? { statements: texts } : {}) };
    const gates = rules.map((rule) => gateOf(rule, triggerFile, failures));
    const fileGates = new FileGates(gates, document.text);
    const baseHash = cache ? createHash('sha1').update(baseKey).digest('base64') : '';
    const prefixHashes = new Map<number, string>();
    const prefixHash = (end: number): string => {
      let hash = prefixHashes.get(end);
      if (hash === undefined) prefixHashes.set(end, (hash = createHash('sha1').update(document.text.slice(0, end)).digest('base64')));
      return hash;
    };
    const perUnit: (readonly Finding[])[] = [];
    const pending = new Map<Unit, () => UnitJob>();
    let pendingText = 0;
    units.forEach((unit, index) => {
      // Read only where needed: most units of an edited file are reused without findings, and their nodes never decoded.
      const originOf = (): Position => {
        const { row, column } = unit.node.startPosition;
        return { line: row, character: column };
      };
      const text = cache ? unit.text ?? unit.node.text : '';
      const key = unit.context ? `${unit.context}\0${text}` : text;
      const names = cache ? moduleNames.keyOf(unit.context ? [text, unit.context] : [text]) : '';
      const found = cache?.entries.get(key);
      const cached = found && found.base === baseHash && found.names === names ? found : undefined;
      if (cached && (!cached.outside || prefixHash(cached.outside.end) === cached.outside.hash)
        && [...cached.helpers].every(([name, value]) => (name.startsWith('\u0000') ? moduleFactValue(root, name.slice(1)) : helpers.propagates(name)) === value)) {
        reused++;
        nextEntries.set(key, cached);
        if (cached.findings.length) {
          const origin = originOf();
          perUnit[index] = cached.findings.map((f) => restoreFinding(f, origin));
        } else perUnit[index] = cached.findings;
        return;
      }
      const consulted = new Map<string, Consulted>();
      pendingText += unit.text?.length ?? unit.node.endIndex - unit.node.startIndex;
      pending.set(unit, () => prepareUnit(index, key, names, originOf(), consulted, unit, rules, fileGates, file, bindings, (name) => {
        const value = helpers.propagates(name);
        consulted.set(name, value);
        return value;
      }));
    });
    fileGates.fewUnits = pendingText * 4 < document.text.length;
    const jobs = runUnits(root, units, pending).sort((a, b) => a.index - b.index);
    noteModuleFactsIn(undefined);
    for (const job of jobs) {
      const { unit, key, names, origin, consulted } = job;
      const unitFindings = job.failed.size ? job.findings.filter((f) => !job.failed.has(f.ruleId)) : job.findings;
      perUnit[job.index] = unitFindings;
      if (cache) {
        const first = unit.node.startPosition.row;
        const last = unit.node.endPosition.row;
        const inside = (r: Range): boolean => r.start.line >= first && r.end.line <= last;
        // A finding or fix edit outside the unit (a module constant the unit reads) stays where it is when lines between
        // move: kept in file positions, and valid while the text up to it is unchanged.
        const outsideRanges = unitFindings.flatMap((f) => [f.range, ...(f.fix?.edits ?? []).map((e) => e.range)]).filter((r) => !inside(r));
        const outsideEnds = outsideRanges.map((r) => document.offsetAt(r.end));
        const end = outsideEnds.length ? Math.max(...outsideEnds) : undefined;
        nextEntries.set(key, {
          base: baseHash,
          names,
          findings: unitFindings.map((f) => storeFinding(f, origin, inside)),
          helpers: consulted,
          ...(end !== undefined ? { outside: { end, hash: prefixHash(end) } } : {}),
        });
      }
    }
    for (const unitFindings of perUnit) if (unitFindings) findings.push(...unitFindings);
    for (const job of jobs) failures.push(...job.failures);
    if (cache) {
      cache.entries = nextEntries;
      cache.summaries = helpers.usedSummaries;
    }
    findings.push(...runFileChecks(root, top, document.text, rules, gates, file, bindings, failures, (name) => helpers.propagates(name)));
    const unique = dedupe(findings).sort(compareFindings);
    const firstFailures = failures.filter((f, i) => failures.findIndex((g) => g.ruleId === f.ruleId) === i);
    return { findings: applySuppressions(unique, document), failures: firstFailures, units: units.length, reusedUnits: reused };
  }
}

/** A unit whose rules run in this analysis: its visitors by node type, and what they report. */
interface UnitJob {
  readonly index: number;
  readonly key: string;
  readonly names: string;
  readonly origin: Position;
  readonly consulted: Map<string, Consulted>;
  readonly unit: Unit;
  readonly dispatch: Map<string, { rule: ActiveRule; visit: Visitor }[]>;
  /** Rules whose visitors see only the nodes around their trigger matches (`Detector.anchored`), with those matches. */
  readonly anchored: AnchoredRule[];
  readonly findings: Finding[];
  readonly failures: RuleFailure[];
  /** Rules that threw in this unit: the rest of the unit is not visited for them and their findings there are dropped. */
  readonly failed: Set<string>;
}

/** Creates the visitors of the rules whose triggers the unit passes. */
function prepareUnit(
  index: number, key: string, names: string, origin: Position, consulted: Map<string, Consulted>, unit: Unit, rules: readonly ActiveRule[],
  gates: FileGates, file: FileFacts, bindings: readonly ModuleBinding[], helperPropagates: (name: string) => boolean | undefined,
): UnitJob {
  const job: UnitJob = { index, key, names, origin, consulted, unit, dispatch: new Map(), anchored: [], findings: [], failures: [], failed: new Set() };
  const family = familyOf(file.language);
  const taintQuery = lazyTaintQuery(family, bindings, helperPropagates);
  const isTestCode = testCodeCheck(unit, family, file);
  const texts = new TriggerTexts(unit.text ?? unit.node.text, unit.context);
  const start = unit.node.startIndex;
  const end = unit.node.endIndex;
  const anchorable: { i: number; rule: ActiveRule; visitors: Visitors }[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (!gates.pass(i, start, end, texts)) continue;
    try {
      const visitors = rule.detector.create(createContext(rule, file, bindings, job.findings, taintQuery, isTestCode));
      // A class member that passes through its class header has no match of its own to anchor on: it is walked.
      if ((rule.detector.anchored || rule.detector.anchors) && gates.gates[i] && !gates.passesHeader(i, texts)) {
        anchorable.push({ i, rule, visitors });
        continue;
      }
      addToWalk(job, rule, visitors);
    } catch (error) {
      job.failures.push({ ruleId: rule.meta.id, error });
    }
  }
  // A rule whose types the unit's walk hands out anyway takes them from the walk, and so does one with its matches
  // everywhere in the unit (a huge bundled function): finding each match's nodes would cost more than the walk.
  const long = texts.text.length > maxAnchoredText;
  for (const { i, rule, visitors } of anchorable) {
    if (long || (job.dispatch.size && Object.keys(visitors).every((type) => job.dispatch.has(type)))) {
      addToWalk(job, rule, visitors);
      continue;
    }
    const anchors = gates.anchors(i, start, texts);
    if (texts.text.length > denseFrom && anchors.length / 2 > texts.text.length / charsPerAnchor) addToWalk(job, rule, visitors);
    else job.anchored.push({ rule, visitors, anchors, innermost: rule.detector.anchored === 'innermost' });
  }
  return job;
}

/** Units longer than this are walked: scanning their text once per rule for every match costs more than one walk. */
const maxAnchoredText = 64 * 1024;
/** In a unit longer than `denseFrom`, a rule matching more often than once per `charsPerAnchor` characters is walked there. */
const denseFrom = 8 * 1024;
const charsPerAnchor = 64;

function addToWalk(job: UnitJob, rule: ActiveRule, visitors: Visitors): void {
  for (const type in visitors) {
    const entry = { rule, visit: visitors[type] };
    const list = job.dispatch.get(type);
    if (list) list.push(entry);
    else job.dispatch.set(type, [entry]);
  }
}

/** Units whose rules share one walk: enough to spread its fixed cost, few enough that their nodes die young. */
const maxRun = 24;

/**
 * Prepares the pending units and hands each the nodes its rules listen to, in document order. descendantsOfType walks
 * in C and hands back only the nodes some rule listens to, several times faster than a TreeCursor walk from
 * JavaScript; neighbouring units share one walk over their range, since each call also pays a fixed cost in
 * JavaScript (it matches the type names against every symbol of the grammar). A node belongs to the innermost unit
 * around it: a class member's nodes are its own, not the class statement's.
 */
function runUnits(root: SyntaxNode, units: readonly Unit[], pending: ReadonlyMap<Unit, () => UnitJob>): UnitJob[] {
  const jobs: UnitJob[] = [];
  if (pending.size === 0) return jobs;
  const spans = unitSpans(units);
  let run: { span: UnitSpan; job: UnitJob }[] = [];
  let last: UnitSpan | undefined;
  const flush = (): void => {
    if (last) visitRun(root, spans, run, last);
    run = [];
    last = undefined;
  };
  for (const span of spans) {
    const inside = !!last && span.end <= last.end;
    const prepare = pending.get(span.unit);
    const job = prepare?.();
    if (job) jobs.push(job);
    if (job?.dispatch.size) {
      if (!inside && run.length >= maxRun) flush();
      run.push({ span, job });
      if (!inside) last = span;
    } else if (!inside) flush();
  }
  flush();
  for (const job of jobs) if (job.anchored.length) visitAnchored(spans, job);
  return jobs;
}

interface AnchoredRule {
  readonly rule: ActiveRule;
  readonly visitors: Visitors;
  /** Start, end pairs (file offsets) where the rule's triggers match the unit's text. */
  readonly anchors: readonly number[];
  /** Only the innermost node of each type around a match (`Detector.anchored === 'innermost'`), not every one. */
  readonly innermost: boolean;
}

/** A node on the way up from an anchor, once per unit: its parent's step (found when first asked), the nearest steps of each type asked at or above it. */
interface Step {
  readonly node: SyntaxNode;
  /** Undefined until asked; null above the unit's node. */
  up: Step | null | undefined;
  nearest: Map<string, Step | null> | undefined;
  /** Indexes into the unit's anchored rules of the rules whose visitors take the node. */
  listeners: number[] | undefined;
}

/**
 * Hands each anchored rule, for each of its trigger matches, the nodes of each type it visits around the match up to
 * the unit's node (only the innermost one for an `'innermost'` rule): each node once per rule, in document order (outer
 * before inner), as the walk would. Parents are asked only as far as needed. A node belongs to the innermost unit
 * around it, as in the walk.
 */
function visitAnchored(spans: readonly UnitSpan[], job: UnitJob): void {
  const unitNode = job.unit.node;
  const unitStart = unitNode.startIndex;
  const unitEnd = unitNode.endIndex;
  const steps = new Map<number, Step>();
  const hit: Step[] = [];
  const stepFor = (node: SyntaxNode): Step => {
    let step = steps.get(node.id);
    if (!step) steps.set(node.id, (step = { node, up: undefined, nearest: undefined, listeners: undefined }));
    return step;
  };
  const upOf = (step: Step): Step | null => {
    if (step.up === undefined) {
      const parent = step.node.id === unitNode.id ? null : step.node.parent;
      step.up = parent ? stepFor(parent) : null;
    }
    return step.up;
  };
  const nearest = (from: Step, type: string): Step | null => {
    const path: Step[] = [];
    let found: Step | null = null;
    for (let step: Step | null = from; step; step = upOf(step)) {
      const known = step.nearest?.get(type);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(step);
      if (step.node.type === type) {
        found = step;
        break;
      }
    }
    for (const step of path) (step.nearest ??= new Map()).set(type, found);
    return found;
  };
  // Rules often match at the same place (`query` for several injection rules): one node per range.
  const atRange = new Map<number, Step | null>();
  const stepAt = (from: number, to: number): Step | undefined => {
    const key = to - from < 4096 ? from * 4096 + (to - from) : -1;
    let step = key >= 0 ? atRange.get(key) : undefined;
    if (step === undefined) {
      const at = unitNode.descendantForIndex(from, to);
      step = at ? stepFor(at) : null;
      if (key >= 0) atRange.set(key, step);
    }
    return step ?? undefined;
  };
  job.anchored.forEach(({ visitors, anchors, innermost }, r) => {
    const types = Object.keys(visitors);
    for (let k = 0; k < anchors.length; k += 2) {
      const from = Math.max(anchors[k], unitStart);
      const to = Math.min(Math.max(anchors[k + 1], from + 1), unitEnd);
      if (from >= to) continue;
      const start = stepAt(from, to);
      if (!start) continue;
      for (const type of types) {
        for (let step = nearest(start, type); step; step = innermost ? null : upOf(step) && nearest(upOf(step)!, type)) {
          if (!step.listeners) {
            step.listeners = [];
            hit.push(step);
          }
          // Rules are taken in order, so a rule already listening is the last one; it also has every node above.
          if (step.listeners[step.listeners.length - 1] === r) break;
          step.listeners.push(r);
        }
      }
    }
  });
  // Document order; of two nodes with the same range, the outer one first.
  const isAbove = (a: Step, b: Step): boolean => {
    for (let step = upOf(b); step; step = upOf(step)) if (step === a) return true;
    return false;
  };
  hit.sort((a, b) => a.node.startIndex - b.node.startIndex || b.node.endIndex - a.node.endIndex || (isAbove(a, b) ? -1 : isAbove(b, a) ? 1 : 0));
  const checkErrors = unitNode.hasError;
  noteModuleFactsIn(job.consulted);
  for (const { node, listeners } of hit) {
    if (ownerOf(spans, node)?.unit !== job.unit) continue;
    if (checkErrors && node.hasError) continue;
    for (const r of listeners!) {
      const { rule, visitors } = job.anchored[r];
      if (job.failed.has(rule.meta.id)) continue;
      try {
        visitors[node.type](node);
      } catch (error) {
        job.failed.add(rule.meta.id);
        job.failures.push({ ruleId: rule.meta.id, error });
      }
    }
  }
}

/** One walk over a run of units, then each unit's nodes to its visitors. */
function visitRun(root: SyntaxNode, spans: readonly UnitSpan[], run: readonly { span: UnitSpan; job: UnitJob }[], last: UnitSpan): void {
  const types = new Set<string>();
  const owners = new Map<Unit, UnitJob>();
  for (const { span, job } of run) {
    owners.set(span.unit, job);
    for (const type of job.dispatch.keys()) types.add(type);
  }
  const first = run[0].span.unit.node;
  const nodes = run.length === 1 ? first.descendantsOfType([...types]) : root.descendantsOfType([...types], first.startPosition, last.endPosition);
  const buckets = new Map<UnitJob, SyntaxNode[]>();
  for (const node of nodes) {
    const owner = node && ownerOf(spans, node);
    const job = owner && owners.get(owner.unit);
    if (!node || !job) continue;
    const bucket = buckets.get(job);
    if (bucket) bucket.push(node);
    else buckets.set(job, [node]);
  }
  for (const [job, bucket] of buckets) {
    const checkErrors = job.unit.node.hasError;
    noteModuleFactsIn(job.consulted);
    for (const node of bucket) {
      const listeners = job.dispatch.get(node.type);
      if (!listeners) continue;
      // Findings come only from parts of the tree that parsed: a node with a syntax error inside is not judged.
      if (checkErrors && node.hasError) continue;
      for (const { rule, visit } of listeners) {
        if (job.failed.has(rule.meta.id)) continue;
        try {
          visit(node);
        } catch (error) {
          job.failed.add(rule.meta.id);
          job.failures.push({ ruleId: rule.meta.id, error });
        }
      }
    }
  }
}

interface UnitSpan {
  readonly unit: Unit;
  readonly start: number;
  readonly end: number;
  readonly endPosition: SyntaxNode['endPosition'];
  /** The span of the unit around this one (a class member's class statement), or -1. */
  readonly parent: number;
}

/** Units in document order, outer before inner when they start together. */
function unitSpans(units: readonly Unit[]): UnitSpan[] {
  const sorted = units.map((unit) => ({ unit, start: unit.node.startIndex, end: unit.node.endIndex })).sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: UnitSpan[] = [];
  const open: number[] = [];
  for (const { unit, start, end } of sorted) {
    while (open.length && spans[open[open.length - 1]].end <= start) open.pop();
    spans.push({ unit, start, end, endPosition: unit.node.endPosition, parent: open.length ? open[open.length - 1] : -1 });
    open.push(spans.length - 1);
  }
  return spans;
}

/** The innermost unit span holding the node, if any (top-level comments and the root belong to none). */
function ownerOf(spans: readonly UnitSpan[], node: SyntaxNode): UnitSpan | undefined {
  const start = node.startIndex;
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start <= start) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  for (let i = found; i >= 0; i = spans[i].parent) {
    const span = spans[i];
    // A node starting inside a unit lies inside it; one starting with it may be an ancestor (a Python class body starts with its first method).
    if (start < span.end && (start > span.start || node.endIndex <= span.end)) return span;
  }
  return undefined;
}

/**
 * A rule's triggers for a file: the local names of the modules it follows become one whole-word pattern. A rule whose
 * triggers cannot be built runs ungated (and the failure is reported).
 */
function gateOf(rule: ActiveRule, file: TriggerFile, failures: RuleFailure[]): Gate | undefined {
  if (!rule.triggers) return undefined;
  let built: RegExp | Triggers;
  try {
    built = typeof rule.triggers === 'function' ? rule.triggers(file) : rule.triggers;
  } catch (error) {
    failures.push({ ruleId: rule.meta.id, error });
    return undefined;
  }
  // A global or sticky RegExp would carry `lastIndex` from one test to the next.
  const plain = (pattern: RegExp): RegExp => (pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern);
  const triggers = built instanceof RegExp ? { text: plain(built) } : { text: plain(built.text), imports: built.imports && plain(built.imports) };
  const anchor = rule.detector.anchors && { anchor: plain(rule.detector.anchors) };
  const follow = triggers.imports;
  if (!follow) return { text: triggers.text, ...anchor };
  const names = new Set<string>();
  for (const b of file.bindings) if (follow.test(b.imported ? `${b.module}.${b.imported}` : b.module)) names.add(b.local);
  if (names.size === 0) return { text: triggers.text, ...anchor };
  const alternatives = [...names].map((n) => n.replace(/[$.*+?^(){}|[\]\\-]/g, '\\$&')).join('|');
  return { text: triggers.text, names: new RegExp(`(?<![\\w$])(?:${alternatives})(?![\\w$])`), ...anchor };
}

function passes(gate: Gate, text: string): boolean {
  return gate.text.test(text) || (!!gate.names && gate.names.test(text));
}

/**
 * What a unit's triggers are tested on: its text; the text with escapes decoded when it has any (`'\x6dd5'` spells md5
 * to a rule that decodes literals), made only when the text itself fails; and a class member's class header (rules may
 * read the enclosing class).
 */
class TriggerTexts {
  private decodedText: string | undefined;

  constructor(readonly text: string, readonly context: string) {}

  private spelling: boolean | undefined;

  /**
   * Whether decoding could spell a trigger the text does not: it has an escape other than the control characters'
   * (`\n`, `\t`…) and `\\`, which is most strings' only kind (`\x6d`, `\u0064`, octal, `\/`, `\'` all count).
   */
  spells(): boolean {
    return (this.spelling ??= this.text.includes('\\') && spellingEscape.test(this.text));
  }

  private decodedWithOffsets: DecodedText | undefined;

  decoded(): string {
    return (this.decodedText ??= decodeEscapes(this.text));
  }

  /** The decoded text with the way back to the original's offsets. */
  decodedWithMap(): DecodedText {
    return (this.decodedWithOffsets ??= new DecodedText(this.text));
  }

  pass(gate: Gate): boolean {
    if (passes(gate, this.text)) return true;
    if (this.spells() && passes(gate, this.decoded())) return true;
    return !!this.context && passes(gate, this.context);
  }
}

/**
 * A backslash before anything but b f n r t v (control characters) or another backslash: a letter, digit, quote, `/`,
 * `.`, `-`, a line break. Punctuation counts: triggers look for `:\/\/`, `hooks\.slack`, quotes.
 */
const spellingEscape = /\\[^\\bfnrtv]/;

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
  root: SyntaxNode, top: TopLevel, text: string, rules: readonly ActiveRule[], gates: readonly (Gate | undefined)[], file: FileFacts,
  bindings: readonly ModuleBinding[], failures: RuleFailure[], helperPropagates: (name: string) => boolean | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const family = familyOf(file.language);
  const taintQuery = lazyTaintQuery(family, bindings, helperPropagates);
  let texts: TriggerTexts | undefined;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const gate = gates[i];
    if (!rule.detector.checkFile) continue;
    // A whole-file check may read any unit: its gate opens on the file's text, or on any import it follows.
    if (gate && !gate.names && !(texts ??= new TriggerTexts(text, '')).pass(gate)) continue;
    const before = findings.length;
    try {
      rule.detector.checkFile(root, createContext(rule, file, bindings, findings, taintQuery), top);
    } catch (error) {
      findings.length = before;
      failures.push({ ruleId: rule.meta.id, error });
    }
  }
  return findings;
}

/**
 * A finding's severity: the rule's, or what the rule reports for this finding; a low-confidence finding one step lower
 * (an error shows as a warning, a warning as information, and `--fail-on error` does not fail on it), since the rule
 * itself says it may be wrong. A severity the user set for the rule is kept as set.
 */
function severityOf(rule: ActiveRule, report: Report, confidence: Confidence): Severity {
  if (rule.configured) return rule.severity;
  const severity = report.severity ?? rule.severity;
  if (confidence !== 'low') return severity;
  return severity === 'error' ? 'warning' : 'info';
}

function createContext(
  rule: ActiveRule, file: FileFacts, bindings: readonly ModuleBinding[], sink: Finding[], taint: TaintQuery,
  isTestCode: (node: SyntaxNode) => boolean = (node) => file.isTest || isInsideTest(node),
): RuleContext {
  const { meta } = rule;
  return {
    file,
    bindings,
    report(report: Report) {
      const range = report.range ?? (report.node ? rangeOf(report.node) : undefined);
      if (!range) throw new Error(`${meta.id}: report without node or range`);
      const confidence = report.confidence ?? meta.confidence;
      sink.push({
        ruleId: meta.id,
        title: meta.title,
        severity: severityOf(rule, report, confidence),
        confidence,
        cwe: meta.cwe,
        owasp: meta.owasp,
        message: report.message ?? meta.message,
        range,
        ...(report.fix ? { fix: report.fix } : {}),
      });
    },
    resolveCallee: (node) => resolveCallee(node, bindings),
    isTestCode,
    rangeOf,
    taint,
  };
}

/** `crypto.createHash` → 'crypto.createHash' when `crypto` is an import; `md5` from `from hashlib import md5` → 'hashlib.md5'. */
export function resolveCallee(node: SyntaxNode, bindings: readonly ModuleBinding[]): string | undefined {
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
/** What a unit's text (or class header) holds when some node in it may be test-only code: see `isInsideTest`. */
const testMentions: Record<LanguageFamily, RegExp> = {
  javascript: /(?<![\w$.])(?:describe|it|test|suite|beforeEach|afterEach|beforeAll|afterAll|before|after)(?![\w$])/,
  python: /\bdef\s+test(?!\w)|\bdef\s+test_|\bclass\s+Test/,
};

/**
 * `isTestCode` for the nodes of one unit. Rules ask at every sink, and walking up the parents costs a read per
 * step: when neither the unit's text nor its class header names a test block, no node inside the unit is in one.
 */
function testCodeCheck(unit: Unit, family: LanguageFamily, file: FileFacts): (node: SyntaxNode) => boolean {
  let quiet: boolean | undefined;
  return (node) => {
    if (file.isTest) return true;
    quiet ??= !testMentions[family].test(unit.text ?? unit.node.text) && !testMentions[family].test(unit.context);
    const inside = node.startIndex >= unit.node.startIndex && node.startIndex < unit.node.endIndex;
    return quiet && inside ? false : isInsideTest(node);
  };
}

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
  return inside(finding.range) ? { ...finding, range: relativeRange(finding.range, origin), ...(fix ? { fix } : {}) } : { ...finding, ...(fix ? { fix } : {}), absolute: true } as CachedFinding;
}

function restoreFinding(finding: Finding, origin: Position): Finding {
  const fix = finding.fix && {
    ...finding.fix,
    edits: finding.fix.edits.map((e: CachedEdit) => ({ range: e.absolute ? e.range : absoluteRange(e.range, origin), newText: e.newText })),
  };
  const { absolute, ...stored } = finding as CachedFinding;
  return { ...stored, range: absolute ? finding.range : absoluteRange(finding.range, origin), ...(fix ? { fix } : {}) };
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
    private readonly moduleNames: ModuleNames,
    private readonly cache: UnitCache | undefined,
  ) {}

  propagates(name: string): boolean | undefined {
    const fn = this.topLevelFunctions().get(name);
    if (!fn) return undefined;
    const text = fn.text;
    const key = createHash('sha1').update(this.bindingsKey).update('\0').update(this.moduleNames.keyOf([text])).update('\0').update(text).digest('base64');
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
