// `skeptic provenance [paths]`: lists the blocks the team ledger records, found again in the files on disk, with the findings inside each.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  anchorBlock, blockHasLine, configFileName, createAnalyzer, DependencyIndex, formatProblem, knownRuleIds, LedgerFolder, meetsBlock, mergeOptions, MoveFinder, parseConfig, projectFilesForMoves, scanFile,
  TextLines, withholdSuppressions, type Finding, type LedgerRecord, type Range, type SuppressionPolicy,
} from '../engine';

export interface ProvenanceListing {
  /** The ledger folder read, relative to the working folder; null when none was found. */
  readonly ledger: string | null;
  readonly blocks: readonly ListedBlock[];
}

export interface ListedBlock {
  /** Where the block is: the recorded file, or the file it was found in when the recorded one is gone (see `movedFrom`). */
  readonly path: string;
  /** The file the ledger records, when the block was found in another file (moved outside the editor). */
  readonly movedFrom?: string;
  readonly id: string;
  /** 1-based, inclusive, as editors show them; absent when the block is missing. */
  readonly lines?: { readonly start: number; readonly end: number };
  readonly origin: LedgerRecord['origin'];
  readonly time: string;
  /** `exact`: found as recorded; `partial`: part of it still stands; `missing`: the file or the text is gone. */
  readonly state: 'exact' | 'partial' | 'missing';
  readonly reviewed: { readonly time: string; readonly by?: string } | null;
  readonly findings: readonly { readonly ruleId: string; readonly severity: Finding['severity']; readonly line: number; readonly message: string }[];
}

/** Runs the command; writes the listing to standard output and problems to standard error. Always exits 0. */
export async function runProvenance(targets: readonly string[], format: string, cwd = process.cwd()): Promise<number> {
  if (format !== 'text' && format !== 'json') {
    process.stderr.write(`skeptic: --format for provenance must be text or json, got \`${format}\`\n`);
    return 2;
  }
  for (const t of targets) {
    if (!fs.existsSync(path.resolve(cwd, t))) {
      process.stderr.write(`skeptic: no such file or folder: ${t}\n`);
      return 2;
    }
  }
  const folder = findLedgerFolder(cwd);
  if (!folder) {
    process.stderr.write(`skeptic: no provenance ledger (.skeptic/provenance/) in ${cwd} or above it. In VS Code, set "skeptic.provenance.storage": "ledger" to keep one.\n`);
    if (format === 'json') process.stdout.write(`${JSON.stringify({ ledger: null, blocks: [] } satisfies ProvenanceListing, null, 2)}\n`);
    return 0;
  }
  const listing = await listBlocks(folder, targets.map((t) => path.resolve(cwd, t)), cwd);
  process.stdout.write(format === 'json' ? `${JSON.stringify(listing, null, 2)}\n` : formatListing(listing));
  return 0;
}

/** The workspace folder holding `.skeptic/provenance/`: the working folder or the nearest above it, up to a repository's root. */
export function findLedgerFolder(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.skeptic', 'provenance'))) return dir;
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}

async function listBlocks(folder: string, targets: readonly string[], cwd: string): Promise<ProvenanceListing> {
  const root = path.join(folder, '.skeptic', 'provenance');
  const read = new LedgerFolder(root, false).readAll();
  for (const problem of read.problems) process.stderr.write(`skeptic: provenance record ${path.relative(cwd, problem.file)}: ${problem.message}\n`);
  const wanted = (file: string): boolean => targets.length === 0 || targets.some((t) => file === t || file.startsWith(t + path.sep));
  const byFile = new Map<string, LedgerRecord[]>();
  for (const record of read.records) {
    const file = path.join(folder, ...record.path.split('/'));
    byFile.set(file, [...(byFile.get(file) ?? []), record]);
  }
  const options = mergeOptions(projectOptions(folder, cwd));
  const analyzer = createAnalyzer(options);
  const dependencies = new DependencyIndex({ fixed: true });
  const blocks: ListedBlock[] = [];
  const relativeOf = (file: string): string => path.relative(cwd, file).split(path.sep).join('/') || file;
  const movedTo = findMovedFiles(folder, byFile, options.ignore);
  for (const [recordedFile, records] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = movedTo.get(recordedFile) ?? recordedFile;
    if (!wanted(file) && !wanted(recordedFile)) continue;
    const display = relativeOf(file);
    let text: string | undefined;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch { /* the file is gone: its blocks are missing */ }
    const lines = text === undefined ? undefined : new TextLines(text);
    const placed = records.map((record) => ({ record, anchoring: lines ? anchorBlock(lines, record, record.range) : { kind: 'lost' as const } }));
    let findings: readonly Finding[] = [];
    if (lines && placed.some((p) => p.anchoring.kind !== 'lost')) {
      const outcome = await scanFile(file, display, analyzer, (absolute, language) => dependencies.projectOf(absolute, language)?.facts);
      if (outcome?.kind === 'analysed') {
        const ranges = placed.flatMap((p) => (p.anchoring.kind === 'lost' ? [] : [{ record: p.record, range: p.anchoring.range }]));
        findings = withholdSuppressions(outcome.result.findings, policyOf(ranges)).filter((f) => !f.suppression);
      }
    }
    for (const { record, anchoring } of placed) {
      const base = { id: record.id, origin: record.origin, time: record.time, reviewed: record.reviewed ?? null };
      // A block found nowhere is missing where the ledger put it, moved file or not.
      if (anchoring.kind === 'lost') { blocks.push({ path: relativeOf(recordedFile), ...base, state: 'missing', findings: [] }); continue; }
      const range = anchoring.range;
      const inside = findings.filter((f) => meetsBlock(range, f.range));
      blocks.push({
        path: display,
        ...(file !== recordedFile ? { movedFrom: relativeOf(recordedFile) } : {}),
        ...base,
        state: anchoring.kind,
        lines: { start: range.start.line + 1, end: range.end.character === 0 && range.end.line > range.start.line ? range.end.line : range.end.line + 1 },
        findings: inside.map((f) => ({ ruleId: f.ruleId, severity: f.severity, line: f.range.start.line + 1, message: f.message })),
      });
    }
  }
  return { ledger: path.relative(cwd, root).split(path.sep).join('/') || '.', blocks };
}

/**
 * Where files the ledger records but that are gone from disk now stand, if they were moved outside the editor (`git mv`,
 * a shell): `MoveFinder` decides, by the rules the editor follows when such a file is opened (see moved.ts). The
 * project's files are listed only when some recorded file is gone.
 */
function findMovedFiles(folder: string, byFile: ReadonlyMap<string, readonly LedgerRecord[]>, ignoreGlobs: readonly string[]): Map<string, string> {
  const relativeOf = (file: string): string => path.relative(folder, file).split(path.sep).join('/');
  const absoluteOf = (relative: string): string => path.join(folder, ...relative.split('/'));
  const records = new Map([...byFile].map(([file, list]) => [relativeOf(file), list]));
  const gone = [...records.keys()].filter((p) => !fs.existsSync(absoluteOf(p)));
  const found = new Map<string, string>();
  if (gone.length === 0) return found;
  const finder = new MoveFinder({
    gone,
    records: (p) => records.get(p) ?? [],
    candidates: () => projectFilesForMoves(folder, ignoreGlobs).filter((p) => !records.has(p)),
    text: (p) => {
      try {
        return fs.readFileSync(absoluteOf(p), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  for (const [from, to] of finder.moves()) found.set(absoluteOf(from), absoluteOf(to));
  return found;
}

/** The editor's rule: suppressions that arrived with a block and nobody confirmed, or reasonless ones inside AI code, do not count. */
function policyOf(blocks: readonly { readonly record: LedgerRecord; readonly range: Range }[]): SuppressionPolicy {
  const unconfirmedLines = new Set(blocks.flatMap(({ record, range }) => record.unconfirmedSuppressions.map((offset) => range.start.line + offset)));
  const reasonRequired = (line: number): boolean => blocks.some(({ record, range }) => record.origin !== 'paste' && blockHasLine(range, line));
  return { unconfirmedLines, reasonRequired };
}

/**
 * For `skeptic scan`: applies the team ledger's suppression rule to a file's findings, as the editor does. A finding whose
 * `skeptic-ignore` arrived with AI-suggested code (and nobody confirmed it), or lacks the reason such code needs, is
 * reported, its message saying why. Files the ledger does not record, or without a ledger, keep their findings as they are.
 */
export function ledgerSuppressions(cwd: string): ((file: string, text: string, findings: readonly Finding[]) => readonly Finding[]) | undefined {
  const folder = findLedgerFolder(cwd);
  if (!folder) return undefined;
  const read = new LedgerFolder(path.join(folder, '.skeptic', 'provenance'), false).readAll();
  for (const problem of read.problems) process.stderr.write(`skeptic: provenance record ${path.relative(cwd, problem.file)}: ${problem.message}\n`);
  const byFile = new Map<string, LedgerRecord[]>();
  for (const record of read.records) {
    const file = path.join(folder, ...record.path.split('/'));
    byFile.set(file, [...(byFile.get(file) ?? []), record]);
  }
  return (file, text, findings) => {
    const records = byFile.get(path.resolve(file));
    if (!records || !findings.some((f) => f.suppression)) return findings;
    const lines = new TextLines(text);
    const blocks = records.flatMap((record) => {
      const anchoring = anchorBlock(lines, record, record.range);
      return anchoring.kind === 'lost' ? [] : [{ record, range: anchoring.range }];
    });
    return withholdSuppressions(findings, policyOf(blocks)).map((f) => (!f.withheld ? f : {
      ...f,
      message: `${f.message} (${f.withheld.why === 'unconfirmed'
        ? 'its skeptic-ignore came with AI-suggested code and nobody has confirmed it in the editor'
        : 'a skeptic-ignore inside AI-suggested code needs a reason after `--`'})`,
    }));
  };
}

function projectOptions(folder: string, cwd: string): ReturnType<typeof parseConfig>['options'] {
  const file = path.join(folder, configFileName);
  if (!fs.existsSync(file)) return {};
  const { options, problems } = parseConfig(fs.readFileSync(file, 'utf8'), path.relative(cwd, file) || file, knownRuleIds);
  for (const p of problems) process.stderr.write(`skeptic: configuration problem (the rest applies): ${formatProblem(p)}\n`);
  return options;
}

/** One line a block, then its findings indented; a summary at the end. */
export function formatListing(listing: ProvenanceListing): string {
  const out: string[] = [];
  const when = (iso: string): string => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  for (const b of listing.blocks) {
    const where = (b.lines ? `${b.path}:${b.lines.start}-${b.lines.end}` : `${b.path} (missing)`) + (b.movedFrom ? ` (moved from ${b.movedFrom})` : '');
    const review = b.reviewed ? `reviewed ${when(b.reviewed.time)}${b.reviewed.by ? ` by ${b.reviewed.by}` : ''}` : 'not reviewed';
    const count = b.state === 'missing' ? 'not found in the file' : b.findings.length === 0 ? 'no findings' : b.findings.length === 1 ? '1 finding' : `${b.findings.length} findings`;
    out.push(`${where}  ${b.origin}  ${when(b.time)}  ${review}${b.state === 'partial' ? '  (partly changed)' : ''}  ${count}`);
    for (const f of b.findings) out.push(`  ${b.path}:${f.line}  ${f.severity}  ${f.ruleId}  ${f.message}`);
  }
  const present = listing.blocks.filter((b) => b.state !== 'missing');
  const unreviewed = present.filter((b) => !b.reviewed).length;
  out.push(`${present.length} block${present.length === 1 ? '' : 's'} from the ledger ${listing.ledger}, ${unreviewed} not reviewed, ${present.reduce((n, b) => n + b.findings.length, 0)} findings inside${listing.blocks.length > present.length ? `; ${listing.blocks.length - present.length} missing` : ''}.`);
  return out.join('\n') + '\n';
}
