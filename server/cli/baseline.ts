// Owns baseline files: today's accepted findings, written once and matched later by rule, path and code fingerprint.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fingerprintsOf, type FileReport } from './report';

export interface BaselineEntry {
  readonly ruleId: string;
  /** Relative to the baseline file's folder, forward slashes: the baseline works from any working folder. */
  readonly path: string;
  readonly fingerprint: string;
}

export interface BaselineFile {
  readonly version: 1;
  readonly tool: 'skeptic';
  readonly entries: readonly BaselineEntry[];
}

export class BaselineError extends Error {}

/** Entries for the findings not suppressed in source (those need no baseline), sorted so the file diffs cleanly. */
export function baselineEntries(files: readonly FileReport[], baselineFile: string): BaselineEntry[] {
  const entries: BaselineEntry[] = [];
  for (const file of files) {
    const keyed = keyedReport(file, baselineFile);
    const prints = fingerprintsOf(keyed);
    file.findings.forEach((f, i) => { if (!f.suppression) entries.push({ ruleId: f.ruleId, path: keyed.path, fingerprint: prints[i] }); });
  }
  return entries.sort((a, b) => compare(a.path, b.path) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
}

export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const file: BaselineFile = { version: 1, tool: 'skeptic', entries };
  return JSON.stringify(file, null, 2) + '\n';
}

export function readBaseline(file: string): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(code ? `cannot read --baseline ${file}: ${code}` : `--baseline ${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = data as Partial<BaselineFile>;
  if (!parsed || parsed.tool !== 'skeptic' || parsed.version !== 1 || !Array.isArray(parsed.entries)) {
    throw new BaselineError(`--baseline ${file} is not a Skeptic baseline (expected {"version": 1, "tool": "skeptic", "entries": [...]})`);
  }
  const keys = new Set<string>();
  for (const e of parsed.entries) {
    if (typeof e?.ruleId !== 'string' || typeof e.path !== 'string' || typeof e.fingerprint !== 'string') throw new BaselineError(`--baseline ${file}: every entry needs ruleId, path and fingerprint strings`);
    keys.add(keyOf(e));
  }
  return keys;
}

/** For each finding of `file`, whether the baseline accepted it. */
export function acceptedByBaseline(file: FileReport, baselineFile: string, accepted: ReadonlySet<string>): boolean[] {
  const keyed = keyedReport(file, baselineFile);
  const prints = fingerprintsOf(keyed);
  return file.findings.map((f, i) => accepted.has(keyOf({ ruleId: f.ruleId, path: keyed.path, fingerprint: prints[i] })));
}

function keyedReport(file: FileReport, baselineFile: string): FileReport {
  const relative = path.relative(path.dirname(path.resolve(baselineFile)), path.resolve(file.path)).split(path.sep).join('/');
  return { ...file, path: relative };
}

const keyOf = (e: BaselineEntry): string => `${e.ruleId}\0${e.path}\0${e.fingerprint}`;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
