// Owns deciding where a recorded file gone from disk was moved outside the editor (`git mv`, a shell): one rule for the editor and `skeptic provenance`.
//
// The editor asks "which gone file moved to the file just opened?" (`sourceOf`); `skeptic provenance` asks "where did
// each gone file go?" (`destinationOf`). Both answers come from the same decision, so a file the editor treats as the
// moved one is the one the CLI reports, and the other way round. The rules:
//  1. Gone files: files the ledger records that are no longer on disk. (The editor also leaves out a path still open in
//     an editor: that document owns its blocks.)
//  2. Candidates: files on disk the ledger records nothing for, among the files `skeptic scan` would visit (`.gitignore`
//     and `.skeptic.yml` ignores apply), of the gone file's language (a language Skeptic analyses).
//  3. A candidate holds a record when the record's block stands in it exactly (`exactAnchor`): the same text, anywhere.
//  4. Same name first: candidates with the gone file's name that hold at least one of its records compete; the one
//     holding the most wins, and a tie moves nothing (it cannot be told which one it went to).
//  5. Else, renamed: a candidate under another name must hold every record of the gone file (a short block alone
//     could be anywhere); exactly one such candidate wins; two or more move nothing.
//  6. One gone file a destination: when several gone files choose the same candidate, the only one of them with the
//     candidate's name takes it; when there is none or more than one, none does.
//  7. Bounded reading. For one candidate, the gone files of its language are considered in a fixed order (those with
//     its name first, then by path) until `maxRecords` records have been read; a gone file after that is not moved to
//     it. A group of rule 4 or 5 with more than `maxCandidates` files is not searched (the gone file moves nowhere
//     rather than on a partial look). Files are read once, when first needed: opening a file that holds no gone
//     file's blocks reads no other file.
// Nothing is guessed: an undecided file's records stay where they are (`skeptic provenance` lists them as missing).
// Once a move is decided, the records whose block stands in the destination (exactly or in part, `anchorBlock`) are
// the destination's; a record whose block is lost there stays under the gone path.
import * as path from 'node:path';
import { languageOfPath } from '../languages';
import { collectFiles } from '../walk';
import { exactAnchor, lineHash, TextLines } from './anchor';
import type { LedgerRecord } from './ledger';

/** What the search reads; paths are relative to the folder the ledger belongs to, with `/` (as record paths are). */
export interface MoveSource {
  /** Recorded files gone from disk (rule 1). */
  readonly gone: readonly string[];
  /** A gone file's records (valid ones). Asked at most once a file. */
  records(gone: string): readonly LedgerRecord[];
  /** The files rule 2 allows, any language. Asked at most once, and only when some gone file's blocks were found. */
  candidates(): readonly string[];
  /** A candidate's text; undefined when it cannot be read. Asked at most once a file. */
  text(candidate: string): string | undefined;
}

export interface MoveLimits {
  /** Records read for one candidate's question (rule 7). */
  readonly maxRecords: number;
  /** Files in one group of rule 4 or 5 (rule 7). */
  readonly maxCandidates: number;
}

export const defaultMoveLimits: MoveLimits = { maxRecords: 200, maxCandidates: 2000 };

/** A candidate's text (line breaks as `\n`), split into lines and hashed line by line only when needed. */
class Candidate {
  private split?: TextLines;
  private hashes?: ReadonlySet<string>;

  constructor(readonly text: string) {}

  get lines(): TextLines {
    return (this.split ??= new TextLines(this.text));
  }

  /** The short hashes of its whole lines: a block's middle lines must all be among them. */
  get lineHashes(): ReadonlySet<string> {
    return (this.hashes ??= new Set(this.lines.lines.map(lineHash)));
  }
}

/** Decides moves from one `MoveSource` (one question's worth of reading: make a new one when the disk may have changed). */
export class MoveFinder {
  private readonly recordCache = new Map<string, readonly LedgerRecord[]>();
  private readonly textCache = new Map<string, Candidate | undefined>();
  private candidateList?: readonly string[];
  private readonly goneSet: ReadonlySet<string>;
  private readonly choices = new Map<string, string | undefined>();
  private readonly scopes = new Map<string, readonly string[]>();
  /**
   * A record's block text once found exactly in some file (the ledger never holds code; the files do): every other
   * file must contain it as it is, a substring search that spares hashing its lines.
   */
  private readonly blockTexts = new Map<LedgerRecord, string>();

  constructor(private readonly source: MoveSource, private readonly limits: MoveLimits = defaultMoveLimits) {
    this.goneSet = new Set(source.gone);
  }

  /** The editor's question: the gone file that moved to `candidate`, if one did. */
  sourceOf(candidate: string): string | undefined {
    const claimants = this.scopeOf(candidate).filter((gone) => this.qualifies(gone, candidate) && this.choiceOf(gone) === candidate);
    if (claimants.length <= 1) return claimants[0];
    const named = claimants.filter((gone) => baseName(gone) === baseName(candidate));
    return named.length === 1 ? named[0] : undefined;
  }

  /** The CLI's question: where `gone` moved, if it can be told. */
  destinationOf(gone: string): string | undefined {
    const to = this.choiceOf(gone);
    return to !== undefined && this.sourceOf(to) === gone ? to : undefined;
  }

  /** Every decided move: gone file → its destination. */
  moves(): Map<string, string> {
    const found = new Map<string, string>();
    for (const gone of this.source.gone) {
      const to = this.destinationOf(gone);
      if (to !== undefined) found.set(gone, to);
    }
    return found;
  }

  /** A gone file's records (read once). */
  recordsOf(gone: string): readonly LedgerRecord[] {
    let records = this.recordCache.get(gone);
    if (!records) this.recordCache.set(gone, (records = this.source.records(gone)));
    return records;
  }

  /** Rule 7: the gone files considered for `candidate`, in order, up to the records budget. */
  private scopeOf(candidate: string): readonly string[] {
    let scope = this.scopes.get(candidate);
    if (scope) return scope;
    const language = languageOfPath(candidate);
    const name = baseName(candidate);
    const ordered = language === undefined ? [] : this.source.gone
      .filter((gone) => gone !== candidate && languageOfPath(gone) === language)
      .sort((a, b) => Number(baseName(b) === name) - Number(baseName(a) === name) || (a < b ? -1 : a > b ? 1 : 0));
    const chosen: string[] = [];
    let read = 0;
    for (const gone of ordered) {
      if (read >= this.limits.maxRecords) break;
      read += this.recordsOf(gone).length;
      chosen.push(gone);
    }
    this.scopes.set(candidate, (scope = chosen));
    return scope;
  }

  /** Whether `candidate` may receive `gone` at all (rule 4 or 5 alone, without comparing it with other candidates). */
  private qualifies(gone: string, candidate: string): boolean {
    const records = this.recordsOf(gone);
    if (records.length === 0) return false;
    return baseName(gone) === baseName(candidate) ? this.held(candidate, records, false) > 0 : this.held(candidate, records, true) === records.length;
  }

  /** Rules 2 to 5: the one candidate `gone` went to, before rule 6; undefined when none or several. */
  private choiceOf(gone: string): string | undefined {
    if (this.choices.has(gone)) return this.choices.get(gone);
    const records = this.recordsOf(gone);
    const language = languageOfPath(gone);
    const name = baseName(gone);
    let choice: string | undefined;
    if (records.length > 0 && language !== undefined) {
      this.candidateList ??= this.source.candidates();
      const pool = this.candidateList.filter((c) => languageOfPath(c) === language && !this.goneSet.has(c));
      const sameName = pool.filter((c) => baseName(c) === name);
      const renamed = pool.filter((c) => baseName(c) !== name);
      if (sameName.length <= this.limits.maxCandidates) {
        const scored = sameName.map((file) => ({ file, count: this.held(file, records, false) })).filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
        if (scored.length > 0) choice = scored.length === 1 || scored[0].count > scored[1].count ? scored[0].file : undefined;
        else if (renamed.length <= this.limits.maxCandidates) {
          const holding = renamed.filter((file) => this.held(file, records, true) === records.length);
          choice = holding.length === 1 ? holding[0] : undefined;
        }
      }
    }
    this.choices.set(gone, choice);
    return choice;
  }

  /** How many of `records` stand exactly in `file` (with `all`, counting stops at the first that does not). */
  private held(file: string, records: readonly LedgerRecord[], all: boolean): number {
    const candidate = this.candidateText(file);
    if (!candidate) return 0;
    let count = 0;
    for (const record of records) {
      if (this.stands(candidate, record)) count++;
      else if (all) break;
    }
    return count;
  }

  /** Whether the record's block stands exactly in the candidate (`exactAnchor`), with cheap refusals first. */
  private stands(candidate: Candidate, record: LedgerRecord): boolean {
    const known = this.blockTexts.get(record);
    if (known !== undefined ? !candidate.text.includes(known) : !record.lineHashes.slice(1, -1).every((h) => candidate.lineHashes.has(h))) return false;
    const range = exactAnchor(candidate.lines, record, record.range);
    if (!range) return false;
    if (known === undefined) this.blockTexts.set(record, candidate.lines.slice(range) ?? '');
    return true;
  }

  private candidateText(file: string): Candidate | undefined {
    if (this.textCache.has(file)) return this.textCache.get(file);
    const text = this.source.text(file);
    const candidate = text === undefined ? undefined : new Candidate(text.replace(/\r\n?/g, '\n'));
    this.textCache.set(file, candidate);
    return candidate;
  }
}

/**
 * Rule 2's files before the ledger is consulted: those `skeptic scan` visits in `folder` (relative, with `/`), under the
 * project's ignore globs. The ledger's own folder holds no source and is not walked.
 */
export function projectFilesForMoves(folder: string, ignoreGlobs: readonly string[]): string[] {
  return collectFiles([folder], { root: folder, ignoreGlobs: [...ignoreGlobs, '/.skeptic/'], useGitignore: true })
    .map((file) => path.relative(folder, file).split(path.sep).join('/'));
}

function baseName(file: string): string {
  return path.posix.basename(file);
}
