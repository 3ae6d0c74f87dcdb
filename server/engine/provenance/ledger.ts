// Owns the provenance ledger on disk: one small JSON file per block, under a folder mirroring the source file's path.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range } from '../../../rules/api';
import type { BlockFingerprint } from './anchor';

/** The ledger format this code writes; a record with a higher one is left alone. */
export const ledgerVersion = 1;

/** How a block arrived (the protocol's `InsertOrigin`; the engine does not import the protocol). */
export type BlockOrigin = 'inline-completion' | 'paste' | 'ai-edit';
export const blockOrigins: readonly BlockOrigin[] = ['inline-completion', 'paste', 'ai-edit'];

/** One block as the ledger keeps it. Never the code: hashes of it, its place and its history. */
export interface LedgerRecord extends BlockFingerprint {
  readonly id: string;
  /** The source file, relative to the folder the ledger belongs to, with `/` separators. */
  readonly path: string;
  readonly origin: BlockOrigin;
  /** When it was inserted, ISO 8601. */
  readonly time: string;
  /** Where it was when last written (0-based, end excluded): a hint for finding it again. */
  readonly range: Range;
  /** Suppression comments that arrived with the block and nobody has edited or confirmed: lines relative to `range.start`. */
  readonly unconfirmedSuppressions: readonly number[];
  readonly reviewed?: { readonly time: string; readonly by?: string };
}

export interface LedgerProblem {
  /** The record file. */
  readonly file: string;
  readonly message: string;
  /** Where the file was moved (corrupt files, when setting aside was asked for). */
  readonly movedTo?: string;
}

export interface LedgerRead {
  readonly records: LedgerRecord[];
  readonly problems: LedgerProblem[];
}

interface RecordedPaths {
  readonly paths: readonly string[];
  readonly stamps: ReadonlyMap<string, number>;
}

/**
 * How close to a walk a folder's modification time may be before the walk's answer is not kept: file systems stamp
 * in ticks (a few milliseconds on Linux, up to 2 s on FAT), so a change in the tick of the walk could leave it equal.
 */
const racyWindowMs = 2000;

function mtimeOf(folder: string): number {
  try {
    return fs.statSync(folder).mtimeMs;
  } catch {
    return -1;
  }
}

const idPattern = /^[a-z0-9][a-z0-9-]{5,63}$/;

export function newBlockId(): string {
  return randomBytes(8).toString('hex');
}

/** A ledger folder: `.skeptic/provenance/` in a workspace folder (the team's), or a folder in the editor's storage. */
export class LedgerFolder {
  /** `recordedPaths`' last answer, with the modification time of every folder it walked. */
  private recorded?: RecordedPaths;

  /**
   * @param root the folder holding the records
   * @param setAside rename a corrupt record to `<file>.corrupt-<time>` (the editor); false leaves files untouched (the CLI)
   */
  constructor(readonly root: string, private readonly setAside: boolean) {}

  /** The blocks recorded for one source file (`relativePath` with `/`). */
  read(relativePath: string): LedgerRead {
    const result: LedgerRead = { records: [], problems: [] };
    const folder = this.folderOf(relativePath);
    if (!folder) return result;
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      return result;
    }
    for (const name of names.sort()) {
      if (!name.endsWith('.json')) continue;
      this.readRecord(path.join(folder, name), relativePath, result);
    }
    return result;
  }

  /** Every block in the ledger. */
  readAll(): LedgerRead {
    return this.readUnder('');
  }

  /**
   * The blocks of a source file or of every file under a source folder (`relativePath` with `/`; empty: the whole
   * ledger). A file's records sit in a folder named after it, so a file and a folder read alike.
   */
  readUnder(relativePath: string): LedgerRead {
    const result: LedgerRead = { records: [], problems: [] };
    const start = relativePath ? this.folderOf(relativePath) : this.root;
    if (start) this.walk(start, relativePath, (files, folder, relative) => { for (const name of files) this.readRecord(path.join(folder, name), relative, result); });
    return result;
  }

  /**
   * The source files (relative paths with `/`) the ledger holds records for, read from its folders alone. Asked on every
   * open of a file without records, so the answer is kept: this store's own writes forget it, and a change by another
   * process (a `git pull`, another window) shows in the modification time of a folder it walked (an entry added or
   * removed changes its folder's). A folder changed within `racyWindowMs` of the walk may change again within the
   * same clock tick unseen: then the answer is not kept, and the next call walks again.
   */
  recordedPaths(): string[] {
    if (this.recorded && this.unchangedSince(this.recorded)) return [...this.recorded.paths];
    const walkedAt = Date.now();
    const paths: string[] = [];
    const stamps = new Map<string, number>();
    this.walk(this.root, '', (files, _folder, relative) => { if (files.length) paths.push(relative); }, stamps);
    paths.sort();
    const racy = [...stamps.values()].some((mtime) => mtime > walkedAt - racyWindowMs);
    this.recorded = racy ? undefined : { paths, stamps };
    return [...paths];
  }

  /** Whether no folder walked for `recorded` changed (or appeared, or went) since: one stat a folder, no listing. */
  private unchangedSince(recorded: RecordedPaths): boolean {
    for (const [folder, mtime] of recorded.stamps) if (mtimeOf(folder) !== mtime) return false;
    return true;
  }

  /**
   * Visits each folder under `start` (sorted), handing over its record files (`*.json`, none at the ledger's root);
   * with `stamps`, notes each folder's modification time before listing it (-1: it does not exist).
   */
  private walk(start: string, relativePath: string, visitFiles: (files: string[], folder: string, relative: string) => void, stamps?: Map<string, number>): void {
    const visit = (folder: string, relative: string): void => {
      stamps?.set(folder, mtimeOf(folder));
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      const files = relative ? entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => e.name) : [];
      visitFiles(files, folder, relative);
      for (const entry of entries) if (entry.isDirectory()) visit(path.join(folder, entry.name), relative ? `${relative}/${entry.name}` : entry.name);
    };
    visit(start, relativePath);
  }

  /** Writes (or replaces) a record atomically: a temporary file renamed over the old one. */
  write(record: LedgerRecord): void {
    const folder = this.folderOf(record.path);
    if (!folder || !idPattern.test(record.id)) throw new Error(`invalid ledger record ${record.path} ${record.id}`);
    this.recorded = undefined;
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${record.id}.json`);
    const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      fs.writeFileSync(temporary, formatRecord(record));
      fs.renameSync(temporary, file);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw error;
    }
  }

  /** Removes a block's record (the block is gone from its file), and the folders it leaves empty. */
  remove(relativePath: string, id: string): void {
    const folder = this.folderOf(relativePath);
    if (!folder || !idPattern.test(id)) return;
    this.recorded = undefined;
    fs.rmSync(path.join(folder, `${id}.json`), { force: true });
    for (let dir = folder; dir.startsWith(this.root + path.sep); dir = path.dirname(dir)) {
      try {
        fs.rmdirSync(dir);
      } catch {
        break; // not empty (or gone): stop climbing
      }
    }
  }

  /** The folder of a source file's records; undefined for a path that would leave the ledger. */
  private folderOf(relativePath: string): string | undefined {
    const parts = relativePath.split('/');
    if (!relativePath || path.isAbsolute(relativePath) || parts.some((p) => p === '' || p === '.' || p === '..')) return undefined;
    return path.join(this.root, ...parts);
  }

  private readRecord(file: string, relativePath: string, into: LedgerRead): void {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      into.problems.push({ file, message: `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      return;
    }
    let parsed: unknown;
    let problem: string | undefined;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      problem = `not valid JSON (${(error as Error).message})`;
    }
    if (!problem) {
      const version = (parsed as { version?: unknown } | null)?.version;
      if (typeof version === 'number' && version > ledgerVersion) {
        into.problems.push({ file, message: `written by a newer Skeptic (ledger version ${version}); left as it is and not used` });
        return;
      }
      const checked = checkRecord(parsed, relativePath, path.basename(file, '.json'));
      if (typeof checked === 'string') problem = checked;
      else { into.records.push(checked); return; }
    }
    const entry: LedgerProblem = { file, message: `corrupt: ${problem}` };
    if (this.setAside) {
      const movedTo = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      try {
        this.recorded = undefined;
        fs.renameSync(file, movedTo);
        into.problems.push({ ...entry, movedTo });
        return;
      } catch { /* reported without the move */ }
    }
    into.problems.push(entry);
  }
}

/** The record as written: fixed key order and indentation, so a ledger diff shows what changed and merges cleanly. */
export function formatRecord(record: LedgerRecord): string {
  const ordered = {
    version: ledgerVersion,
    id: record.id,
    path: record.path,
    origin: record.origin,
    time: record.time,
    range: { start: { line: record.range.start.line, character: record.range.start.character }, end: { line: record.range.end.line, character: record.range.end.character } },
    hash: record.hash,
    lineHashes: record.lineHashes,
    head: record.head,
    tail: record.tail,
    unconfirmedSuppressions: record.unconfirmedSuppressions,
    ...(record.reviewed ? { reviewed: record.reviewed.by ? { time: record.reviewed.time, by: record.reviewed.by } : { time: record.reviewed.time } } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The record, or one sentence on what is wrong with it. */
function checkRecord(value: unknown, relativePath: string, id: string): LedgerRecord | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const r = value as Record<string, unknown>;
  const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  const isPosition = (v: unknown): boolean => typeof v === 'object' && v !== null && isCount((v as Record<string, unknown>).line) && isCount((v as Record<string, unknown>).character);
  const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
  if (r.version !== ledgerVersion) return `"version" must be ${ledgerVersion}`;
  if (r.id !== id) return `"id" must be the file's name (${id})`;
  if (r.path !== relativePath) return `"path" must be the folder it is in (${relativePath})`;
  if (!blockOrigins.includes(r.origin as BlockOrigin)) return `"origin" must be one of ${blockOrigins.join(', ')}`;
  if (!isTime(r.time)) return '"time" must be an ISO 8601 date';
  const range = r.range as Record<string, unknown> | undefined;
  if (!range || !isPosition(range.start) || !isPosition(range.end)) return '"range" must have a start and an end (line, character)';
  if (typeof r.hash !== 'string' || !/^[0-9a-f]{64}$/.test(r.hash)) return '"hash" must be a sha256 in hex';
  if (!Array.isArray(r.lineHashes) || r.lineHashes.length === 0 || !r.lineHashes.every((h) => typeof h === 'string' && /^[0-9a-f]{16}$/.test(h))) return '"lineHashes" must be a list of 16-digit hex hashes';
  if (!isCount(r.head) || !isCount(r.tail)) return '"head" and "tail" must be whole numbers';
  if (!Array.isArray(r.unconfirmedSuppressions) || !r.unconfirmedSuppressions.every(isCount)) return '"unconfirmedSuppressions" must be a list of line offsets';
  const reviewed = r.reviewed as Record<string, unknown> | undefined;
  if (reviewed !== undefined && (typeof reviewed !== 'object' || reviewed === null || !isTime(reviewed.time) || (reviewed.by !== undefined && typeof reviewed.by !== 'string'))) {
    return '"reviewed" must have a "time" (and optionally "by")';
  }
  return {
    id, path: relativePath, origin: r.origin as BlockOrigin, time: r.time, range: range as unknown as Range,
    hash: r.hash, lineHashes: r.lineHashes as string[], head: r.head, tail: r.tail,
    unconfirmedSuppressions: r.unconfirmedSuppressions as number[],
    ...(reviewed ? { reviewed: { time: reviewed.time as string, ...(typeof reviewed.by === 'string' ? { by: reviewed.by } : {}) } } : {}),
  };
}
