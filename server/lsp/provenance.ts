// Owns provenance in the language server: blocks inserted by an assistant (or pasted), kept exact through edits, persisted, re-anchored on open, and what they change in diagnostics, lenses and suppressions.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type CodeLens, type Diagnostic } from 'vscode-languageserver';
import {
  anchorBlock, blockHasLine, comparePositions, fingerprintOf, hashText, languageOfPath, LedgerFolder, mapRange, meetsBlock, MoveFinder, newBlockId, projectFilesForMoves, TextLines, withholdSuppressions,
  type Finding, type LedgerRead, type LedgerRecord, type Range, type RangeEdit, type WithheldFinding,
} from '../engine';
import {
  confirmSuppressionCommand, markReviewedCommand, questionSnippetCommand,
  type ConfirmSuppressionArguments, type DiagnosticData, type DidInsertParams, type InsertOrigin, type MarkReviewedArguments,
  type ProvenanceBlock, type ProvenanceChangedParams, type QuestionSnippetArguments, type SkepticSettings,
} from '../../shared/protocol';
import { toDiagnostic } from './diagnostics';

/** What the tracker needs from the session; it never reaches into the session's state otherwise. */
export interface ProvenanceHost {
  settings(uri: string): Promise<SkepticSettings>;
  /** The file path of a `file:` URI; undefined for other schemes. */
  filePath(uri: string): string | undefined;
  /** The open document's current text and version, if it is open. */
  document(uri: string): { readonly text: string; readonly version: number } | undefined;
  /** Analyse the document again soon (its blocks or suppressions changed). */
  reanalyse(uri: string): void;
  publish(params: ProvenanceChangedParams): void;
  refreshLenses(): void;
  log(message: string): void;
  /** A problem the user must see (a corrupt ledger file); shown once per message. */
  warn(message: string): void;
  /** Client-side commands the client implements (`questionSnippetCommand` for the lens). */
  clientCommands: ReadonlySet<string>;
  /** The `.skeptic.yml` ignore globs of a workspace folder: the files a moved file is looked for among are those `skeptic scan` visits. */
  ignoreGlobs?(folder: string): readonly string[];
  /** Folder for `storage: workspace` (the client's storage); absent: kept in memory for the session. */
  storageFolder?: string;
}

/** A suppression comment that arrived with the block and is not yet honoured. */
interface PendingSuppression {
  /** The comment's whole line, tracked through edits. */
  range: Range;
  /** Hash of the line's text when it arrived: a person's edit changes it, and confirms the suppression. */
  readonly lineHash: string;
}

interface Block {
  readonly id: string;
  readonly origin: InsertOrigin;
  readonly time: string;
  range: Range;
  reviewed?: { time: string; by?: string };
  suppressions: PendingSuppression[];
  /** Unsuppressed findings inside the block at the last analysis. */
  findings: number;
}

interface Store {
  read(relativePath: string): LedgerRead;
  readAll(): LedgerRead;
  /** The records of a file, or of every file under a folder. */
  readUnder(relativePath: string): LedgerRead;
  write(record: LedgerRecord): void;
  remove(relativePath: string, id: string): void;
}

interface Location {
  readonly store: Store;
  /** The record's `path`: relative to the workspace folder, or the URI for the in-memory store. */
  readonly path: string;
}

interface DocumentState {
  readonly uri: string;
  blocks: Block[];
  /** Recent content changes by the version they produced: an insertion reported for an older version is mapped forward. */
  readonly history: { version: number; changes: RangeEdit[] }[];
  /** Insertions reported for a version not yet received. */
  readonly early: DidInsertParams[];
  /**
   * Accepted suggestion pieces under the minimum size (accept-word / accept-line send one piece at a time), kept in
   * memory so that pieces which continue one another become a block once together they reach it.
   */
  fragments: { range: Range; time: string }[];
  /** Blocks gone since the last write (their records are removed then). */
  readonly removed: Set<string>;
  location?: Location;
  loaded: Promise<void>;
  dirty: boolean;
  flushTimer?: NodeJS.Timeout;
  lastPublished?: string;
  lastLensKey?: string;
}

const historyLimit = 64;
const flushDelayMs = 1500;
const origins: readonly InsertOrigin[] = ['inline-completion', 'paste', 'ai-edit'];

/** Blocks kept for the session when nothing may be written (no storage folder, untitled files, files outside the workspace). */
class MemoryStore implements Store {
  private readonly records = new Map<string, Map<string, LedgerRecord>>();

  read(relativePath: string): LedgerRead {
    return { records: [...(this.records.get(relativePath)?.values() ?? [])], problems: [] };
  }

  readAll(): LedgerRead {
    return { records: [...this.records.values()].flatMap((m) => [...m.values()]), problems: [] };
  }

  readUnder(uri: string): LedgerRead {
    return { records: this.readAll().records.filter((r) => r.path === uri || r.path.startsWith(`${uri}/`)), problems: [] };
  }

  write(record: LedgerRecord): void {
    let file = this.records.get(record.path);
    if (!file) this.records.set(record.path, (file = new Map()));
    file.set(record.id, record);
  }

  remove(relativePath: string, id: string): void {
    this.records.get(relativePath)?.delete(id);
  }
}

export class ProvenanceTracker {
  private readonly states = new Map<string, DocumentState>();
  private readonly memory = new MemoryStore();
  private readonly folders = new Map<string, LedgerFolder>();
  private workspaceFolders: string[] = [];

  constructor(private readonly host: ProvenanceHost) {}

  setWorkspaceFolders(folders: readonly string[]): void {
    this.workspaceFolders = [...folders];
  }

  // ── document lifecycle ─────────────────────────────────────────────────────────────────────────────────────────

  /** A document opened: its persisted blocks are found again in its text (see `anchorBlock` for the rule). */
  open(uri: string): void {
    if (this.states.has(uri)) this.close(uri);
    const state: DocumentState = { uri, blocks: [], history: [], early: [], fragments: [], removed: new Set(), loaded: Promise.resolve(), dirty: false };
    this.states.set(uri, state);
    state.loaded = this.load(state).catch((error) => this.host.log(`provenance: loading blocks of ${uri} failed: ${(error as Error)?.stack ?? String(error)}`));
  }

  /** Resolves once the document's persisted blocks are loaded (analysis waits for it, so its first diagnostics know them). */
  ready(uri: string): Promise<void> {
    return this.states.get(uri)?.loaded ?? Promise.resolve();
  }

  private async load(state: DocumentState): Promise<void> {
    const location = await this.locate(state.uri);
    const doc = this.host.document(state.uri);
    if (this.states.get(state.uri) !== state || !doc) return;
    state.location = location;
    const read = location.store.read(location.path);
    this.report(read);
    if (read.records.length === 0) {
      this.adoptMovedHere(state, location, doc.text);
      return;
    }
    this.adopt(state, read.records, doc.text, location);
  }

  /**
   * A file with no records of its own may be one moved outside the editor (`git mv`, a shell), which sends no rename:
   * `MoveFinder` decides whether a recorded file now gone from disk moved here, by the rules `skeptic provenance`
   * follows too (see moved.ts), so both name the same file. The gone file's records whose block stands here move to this
   * file's path; the others stay where they are. Paths still open in an editor are not gone: that document owns its blocks.
   */
  private adoptMovedHere(state: DocumentState, location: Location, text: string): void {
    const filePath = this.host.filePath(state.uri);
    const folder = filePath && this.folderOf(filePath);
    if (!filePath || !folder || !(location.store instanceof LedgerFolder)) return;
    const store = location.store;
    const language = languageOfPath(filePath);
    const open = new Set([...this.states.values()].filter((s) => s.location?.store === store).map((s) => s.location!.path));
    const recorded = store.recordedPaths();
    const gone = recorded.filter((p) => p !== location.path && !open.has(p) && languageOfPath(p) === language && !fs.existsSync(path.join(folder, ...p.split('/'))));
    if (gone.length === 0) return;
    // This file has no valid records (or it would not be here), as the CLI counts files: a candidate like any other.
    const recordedSet = new Set(recorded.filter((p) => p !== location.path));
    const finder = new MoveFinder({
      gone,
      records: (p) => { const read = store.read(p); this.report(read); return read.records; },
      candidates: () => projectFilesForMoves(folder, this.host.ignoreGlobs?.(folder) ?? []).filter((p) => !recordedSet.has(p)),
      text: (p) => (p === location.path ? text : readText(path.join(folder, ...p.split('/')))),
    });
    const old = finder.sourceOf(location.path);
    if (old === undefined) return;
    const lines = new TextLines(text);
    const here = finder.recordsOf(old).filter((r) => anchorBlock(lines, r, r.range).kind !== 'lost').map((r) => ({ ...r, path: location.path }));
    for (const record of here) {
      this.write(location, record);
      this.guard(() => store.remove(old, record.id));
    }
    this.host.log(`provenance: ${here.length} block record(s) of ${old}, gone from disk, found in ${state.uri}: moved to it`);
    this.adopt(state, here, text, location);
  }

  /** Finds records again in the document's text and tracks them as its blocks (a record whose block is lost is removed from `from`). */
  private adopt(state: DocumentState, records: readonly LedgerRecord[], text: string, from: Location): void {
    const lines = new TextLines(text);
    for (const record of records) {
      if (state.blocks.some((b) => b.id === record.id)) continue;
      const anchored = anchorBlock(lines, record, record.range);
      if (anchored.kind === 'lost') {
        this.host.log(`provenance: block ${record.id} (${record.origin}, ${record.time}) is no longer in ${state.uri}; its record is removed`);
        this.guard(() => from.store.remove(from.path, record.id));
        continue;
      }
      const moved = anchored.range;
      const delta = moved.start.line - record.range.start.line;
      // Pending suppressions keep their offset from the block's start; only those still inside it survive.
      const suppressions = record.unconfirmedSuppressions
        .map((offset) => moved.start.line + offset)
        .filter((line) => line >= moved.start.line && line <= moved.end.line && lines.lines[line]?.includes('skeptic-ignore'))
        .map((line) => ({ range: lineRange(lines, line), lineHash: hashText(lines.lines[line]) }));
      state.blocks.push({
        id: record.id, origin: record.origin, time: record.time, range: moved, findings: 0, suppressions,
        ...(record.reviewed ? { reviewed: { ...record.reviewed } } : {}),
      });
      if (anchored.kind === 'partial' || delta !== 0 || comparePositions(moved.end, record.range.end) !== 0) state.dirty = true;
    }
    state.blocks.sort((a, b) => comparePositions(a.range.start, b.range.start));
    if (state.dirty) this.scheduleFlush(state);
  }

  /** Content changes of an open document (already applied to its text): every block follows them. */
  change(uri: string, contentChanges: readonly (RangeEdit | { readonly text: string })[], version: number): void {
    const state = this.states.get(uri);
    if (!state) return;
    const changes = contentChanges.filter((c): c is RangeEdit => 'range' in c && !!c.range);
    if (changes.length !== contentChanges.length) {
      // The whole text was replaced (a client without incremental sync): find the blocks again as last written.
      if (state.flushTimer) clearTimeout(state.flushTimer);
      this.states.delete(uri);
      this.open(uri);
      return;
    }
    state.history.push({ version, changes });
    if (state.history.length > historyLimit) state.history.shift();
    state.fragments = state.fragments.flatMap((f) => {
      let range: Range | undefined = f.range;
      for (const change of changes) range = range && mapRange(range, change);
      return range ? [{ range, time: f.time }] : [];
    });
    if (state.blocks.length > 0) {
      let text: TextLines | undefined;
      for (const block of [...state.blocks]) {
        const before = block.range;
        let range: Range | undefined = block.range;
        for (const change of changes) range = range && mapRange(range, change);
        if (!range) {
          state.blocks.splice(state.blocks.indexOf(block), 1);
          state.removed.add(block.id);
          state.dirty = true;
          continue;
        }
        block.range = range;
        if (comparePositions(before.start, range.start) !== 0 || comparePositions(before.end, range.end) !== 0) state.dirty = true;
        if (block.suppressions.length === 0) continue;
        text ??= new TextLines(this.host.document(uri)?.text ?? '');
        block.suppressions = block.suppressions.filter((s) => {
          let tracked: Range | undefined = s.range;
          for (const change of changes) tracked = tracked && mapRange(tracked, change);
          if (!tracked) return false;
          s.range = tracked;
          // A person changed the comment's line: it is theirs now, and honoured.
          return hashText(text!.lines[tracked.start.line] ?? '') === s.lineHash;
        });
      }
      if (state.dirty) this.scheduleFlush(state);
    }
    const due = state.early.filter((p) => p.textDocument.version <= version);
    if (due.length) {
      state.early.splice(0, state.early.length, ...state.early.filter((p) => p.textDocument.version > version));
      for (const params of due) void this.insert(params);
    }
  }

  /** A document closed: its blocks are written now and forgotten until it opens again. */
  close(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    this.flush(state);
    this.states.delete(uri);
  }

  /** The server is shutting down: write what is pending. */
  flushAll(): void {
    for (const state of this.states.values()) this.flush(state);
  }

  // ── renames ────────────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * `workspace/didRenameFiles` (files and folders): the records of each file renamed or moved follow it, in every store
   * that holds them (the team ledger, the workspace storage, memory), and a document already open under the new name
   * gets its blocks. The client may send didOpen (new name) and didClose (old name) before or after this. Never rejects.
   */
  async rename(files: readonly { readonly oldUri: string; readonly newUri: string }[]): Promise<void> {
    for (const { oldUri, newUri } of files ?? []) {
      if (typeof oldUri !== 'string' || typeof newUri !== 'string') continue;
      try {
        await this.renameOne(oldUri.replace(/\/+$/, ''), newUri.replace(/\/+$/, ''));
      } catch (error) {
        this.host.log(`provenance: moving the blocks of ${oldUri} to ${newUri} failed: ${(error as Error)?.stack ?? String(error)}`);
      }
    }
  }

  private async renameOne(oldUri: string, newUri: string): Promise<void> {
    if (oldUri === newUri) return;
    // Documents still open under the old name: write what they hold now, then forget them (they close under that name).
    for (const state of [...this.states.values()]) {
      if (!isUnder(state.uri, oldUri)) continue;
      await state.loaded;
      if (this.states.get(state.uri) !== state) continue;
      this.flush(state);
      this.states.delete(state.uri);
    }
    const oldPath = this.host.filePath(oldUri);
    const newPath = this.host.filePath(newUri);
    const moved: { record: LedgerRecord; to: Location; file?: string }[] = [];
    for (const from of this.placesOf(oldUri, oldPath)) {
      const read = from.store.readUnder(from.path);
      this.report(read);
      if (read.records.length === 0) continue;
      const target = await this.placeLike(from, newUri, newPath);
      for (const record of read.records) {
        const rest = record.path.slice(from.path.length); // '' for the file itself, '/a.js' under a folder
        const to: Location = { store: target.store, path: target.path + rest };
        const restPath = from.kind === 'memory' ? decodeUriPart(rest) : rest; // memory keeps URIs
        const file = newPath && path.join(newPath, ...restPath.split('/').filter(Boolean));
        this.write(to, { ...record, path: to.path });
        this.guard(() => from.store.remove(record.path, record.id));
        moved.push({ record: { ...record, path: to.path }, to, ...(file ? { file } : {}) });
      }
      this.host.log(`provenance: ${read.records.length} block record(s) of ${oldUri} moved to ${newUri}`);
    }
    // Documents already open under the new name (their didOpen came first) take their blocks now.
    for (const state of [...this.states.values()]) {
      if (!isUnder(state.uri, newUri)) continue;
      await state.loaded;
      const doc = this.host.document(state.uri);
      const file = this.host.filePath(state.uri);
      if (this.states.get(state.uri) !== state || !doc) continue;
      const mine = moved.filter((m) => (file && m.file ? path.resolve(m.file) === path.resolve(file) : m.to.path === state.uri));
      if (mine.length === 0) continue;
      state.location ??= mine[0].to;
      for (const m of mine) this.adopt(state, [m.record], doc.text, m.to);
      this.host.reanalyse(state.uri);
    }
  }

  /** Every place records of `uri` (a file or a folder) may be kept: both ledgers of its workspace folder, and memory. */
  private placesOf(uri: string, filePath: string | undefined): (Location & { kind: 'ledger' | 'workspace' | 'memory' })[] {
    const places: (Location & { kind: 'ledger' | 'workspace' | 'memory' })[] = [{ kind: 'memory', store: this.memory, path: uri }];
    const folder = filePath && this.folderOf(filePath);
    if (!filePath || !folder) return places;
    const relative = path.relative(folder, filePath).split(path.sep).join('/');
    for (const kind of ['ledger', 'workspace'] as const) {
      const store = this.storeAt(folder, kind);
      if (store) places.push({ kind, store, path: relative });
    }
    return places;
  }

  /** Where records kept at `from` go when their file becomes `uri`: the same kind of store, or memory outside the workspace. */
  private async placeLike(from: Location & { kind: 'ledger' | 'workspace' | 'memory' }, uri: string, filePath: string | undefined): Promise<Location> {
    if (from.kind === 'memory') return this.locate(uri);
    const folder = filePath && this.folderOf(filePath);
    const store = folder ? this.storeAt(folder, from.kind) : undefined;
    if (!filePath || !folder || !store) return { store: this.memory, path: uri };
    return { store, path: path.relative(folder, filePath).split(path.sep).join('/') };
  }

  // ── insertions ─────────────────────────────────────────────────────────────────────────────────────────────────

  /** `skeptic/didInsert`: records a block when its origin is tracked and it is large enough. Never rejects. */
  insert(params: DidInsertParams): Promise<void> {
    return this.record(params).catch((error) => this.host.log(`provenance: skeptic/didInsert failed: ${(error as Error)?.stack ?? String(error)}`));
  }

  private async record(params: DidInsertParams): Promise<void> {
    const problem = checkInsert(params);
    const uri = params?.textDocument?.uri;
    if (problem) { this.host.log(`provenance: ignored skeptic/didInsert: ${problem}`); return; }
    const state = this.states.get(uri);
    if (!state) { this.host.log(`provenance: ignored skeptic/didInsert for ${uri}, which is not open`); return; }
    await state.loaded;
    const settings = await this.host.settings(uri);
    const doc = this.host.document(uri);
    if (this.states.get(uri) !== state || !doc) return;
    if (!settings.provenance.origins.includes(params.origin)) return;
    if (params.textDocument.version > doc.version) { state.early.push(params); return; }
    let range: Range | undefined = params.range;
    if (params.textDocument.version < doc.version) {
      const later = state.history.filter((h) => h.version > params.textDocument.version);
      if (later.length === 0 || later[0].version !== params.textDocument.version + 1) {
        this.host.log(`provenance: skeptic/didInsert for ${uri} v${params.textDocument.version} is too old to place (now v${doc.version}); not tracked`);
        return;
      }
      for (const { changes } of later) for (const change of changes) range = range && mapRange(range, change);
      if (!range) return; // deleted before we heard of it
    }
    const lines = new TextLines(doc.text);
    const text = lines.slice(range);
    if (text === undefined) { this.host.log(`provenance: skeptic/didInsert range ${JSON.stringify(params.range)} is outside ${uri} v${doc.version}; not tracked`); return; }
    const nonBlankIn = (t: string): number => t.split('\n').filter((l) => l.trim()).length;
    let time = new Date(params.time).toISOString();
    let extending: Block | undefined;
    if (nonBlankIn(text) < settings.provenance.minLines && params.origin === 'inline-completion') {
      // A piece of a suggestion (accept-word / accept-line) that continues an unreviewed block grows it; pieces that
      // continue one another are joined, and become a block once they reach the minimum size.
      const start = range.start;
      extending = state.blocks.find((b) => !b.reviewed && b.origin === params.origin && comparePositions(b.range.end, start) === 0);
      const previous = extending ? undefined : state.fragments.find((f) => comparePositions(f.range.end, start) === 0);
      const joined = extending?.range ?? previous?.range;
      if (joined) range = { start: joined.start, end: range.end };
      if (previous) { state.fragments.splice(state.fragments.indexOf(previous), 1); time = previous.time; }
      if (!extending && nonBlankIn(lines.slice(range) ?? '') < settings.provenance.minLines) {
        state.fragments.push({ range, time });
        if (state.fragments.length > 16) state.fragments.shift();
        return;
      }
    } else if (nonBlankIn(text) < settings.provenance.minLines) {
      return;
    }
    const within = extending ? undefined : state.blocks.find((b) => !b.reviewed && contains(b.range, range!));
    if (within) return; // already inside an unreviewed block: one lens is enough
    const suppressions: PendingSuppression[] = [];
    for (let line = range.start.line; line <= range.end.line; line++) {
      const lineText = lines.lines[line];
      const at = lineText.indexOf('skeptic-ignore');
      if (at < 0) continue;
      // Only a comment the insertion wrote: the marker itself must be inside the inserted range.
      if (comparePositions({ line, character: at }, range.start) < 0 || comparePositions({ line, character: at }, range.end) >= 0) continue;
      suppressions.push({ range: lineRange(lines, line), lineHash: hashText(lineText) });
    }
    if (extending) {
      extending.range = range;
      extending.suppressions.push(...suppressions.filter((s) => !extending!.suppressions.some((t) => t.range.start.line === s.range.start.line)));
    } else {
      state.blocks.push({ id: newBlockId(), origin: params.origin, time, range, findings: 0, suppressions });
    }
    state.blocks.sort((a, b) => comparePositions(a.range.start, b.range.start));
    state.dirty = true;
    // The analysis first (it runs at the next turn of the event loop), then the write: the accepted code's findings
    // should not wait for the disk.
    this.host.reanalyse(uri);
    setImmediate(() => { if (this.states.get(uri) === state) this.flush(state); });
  }

  // ── what blocks change in an analysis ──────────────────────────────────────────────────────────────────────────

  /**
   * Applies provenance to an analysis: withholds suppressions an assistant wrote (and reasonless ones inside blocks),
   * drops findings outside blocks under `scope: inserted`, counts findings per block, and says in each message
   * inside a block where its code came from (raising the severity when asked).
   */
  judge(uri: string, all: readonly Finding[], settings: SkepticSettings, version: number): { findings: Finding[]; diagnostics: Diagnostic[] } {
    const blocks = this.states.get(uri)?.blocks ?? [];
    for (const block of blocks) block.findings = 0;
    if (blocks.length === 0) {
      const findings = settings.scope === 'inserted' ? [] : all.filter((f) => !f.suppression);
      return { findings, diagnostics: findings.map((f) => toDiagnostic(f, version)) };
    }
    const unconfirmedLines = new Set(blocks.flatMap((b) => b.suppressions.map((s) => s.range.start.line)));
    const reasonRequired = (line: number): boolean => blocks.some((b) => b.origin !== 'paste' && blockHasLine(b.range, line));
    const judged = withholdSuppressions(all, { unconfirmedLines, reasonRequired }).filter((f) => !f.suppression);
    const findings: Finding[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const finding of judged) {
      const block = blocks.find((b) => meetsBlock(b.range, finding.range));
      if (!block && settings.scope === 'inserted') continue;
      if (block) block.findings++;
      findings.push(finding);
      diagnostics.push(this.decorate(toDiagnostic(finding, version), finding, block, settings));
    }
    return { findings, diagnostics };
  }

  private decorate(diagnostic: Diagnostic, finding: WithheldFinding, block: Block | undefined, settings: SkepticSettings): Diagnostic {
    const notes: string[] = [];
    if (block) notes.push(`in ${describeOrigin(block.origin, block.time)}`);
    if (finding.withheld?.why === 'unconfirmed') notes.push('a suppression written by an assistant is not honoured until you edit or confirm it');
    if (finding.withheld?.why === 'no-reason') notes.push('a suppression inside AI-suggested code needs a reason after `--`');
    if (notes.length === 0) return diagnostic;
    const data: DiagnosticData = {
      ...(diagnostic.data as DiagnosticData),
      ...(finding.withheld ? { withheldSuppression: { line: finding.withheld.range.start.line, why: finding.withheld.why } } : {}),
    };
    const severity = block && settings.provenance.raiseSeverity ? raise(diagnostic.severity) : diagnostic.severity;
    return { ...diagnostic, message: `${diagnostic.message} (${notes.join('; ')})`, ...(severity ? { severity } : {}), data };
  }

  /** After diagnostics went out: tells the client when the document's blocks changed, and refreshes lenses when their text did. */
  published(uri: string, version: number): void {
    const state = this.states.get(uri);
    if (!state) return;
    const blocks = state.blocks.map((b) => this.toProtocol(uri, b));
    const key = JSON.stringify(blocks);
    if (key !== state.lastPublished) {
      // Nothing to say about a document that never had a block.
      if (state.lastPublished !== undefined || blocks.length > 0) this.host.publish({ uri, version, blocks });
      state.lastPublished = key;
    }
    const lensKey = JSON.stringify(state.blocks.map((b) => [b.id, b.findings, !!b.reviewed]));
    if (lensKey !== state.lastLensKey) {
      if (state.lastLensKey !== undefined || state.blocks.length > 0) this.host.refreshLenses();
      state.lastLensKey = lensKey;
    }
  }

  // ── lenses, commands, code actions ─────────────────────────────────────────────────────────────────────────────

  /** Over each unreviewed block: "AI-suggested · N findings", "Question this snippet" (when the client has it), "Mark reviewed". */
  lenses(uri: string): CodeLens[] {
    const state = this.states.get(uri);
    const doc = this.host.document(uri);
    if (!state || !doc) return [];
    const lines = new TextLines(doc.text);
    const lenses: CodeLens[] = [];
    for (const block of state.blocks) {
      if (block.reviewed) continue;
      const line = firstCodeLine(lines, block.range);
      const at: Range = { start: { line, character: 0 }, end: { line, character: 0 } };
      const count = block.findings === 0 ? 'no findings' : block.findings === 1 ? '1 finding' : `${block.findings} findings`;
      lenses.push({ range: at, command: { title: `${block.origin === 'paste' ? 'Pasted' : 'AI-suggested'} · ${count}`, command: '' } });
      if (this.host.clientCommands.has(questionSnippetCommand)) {
        const args: QuestionSnippetArguments = { uri, range: block.range };
        lenses.push({ range: at, command: { title: 'Question this snippet', command: questionSnippetCommand, arguments: [args] } });
      }
      const args: MarkReviewedArguments = { uri, id: block.id };
      lenses.push({ range: at, command: { title: 'Mark reviewed', command: markReviewedCommand, arguments: [args] } });
    }
    return lenses;
  }

  /** "Confirm this suppression" on a finding whose assistant-written suppression is withheld. */
  codeActionsFor(diagnostic: Diagnostic, uri: string): CodeAction[] {
    const withheld = (diagnostic.data as DiagnosticData | undefined)?.withheldSuppression;
    if (withheld?.why !== 'unconfirmed') return [];
    const args: ConfirmSuppressionArguments = { uri, line: withheld.line };
    return [{
      title: 'Confirm this suppression',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Confirm this suppression', command: confirmSuppressionCommand, arguments: [args] },
    }];
  }

  handles(command: string): boolean {
    return command === markReviewedCommand || command === confirmSuppressionCommand;
  }

  /** Runs `skeptic.markReviewed` or `skeptic.confirmSuppression`; an unknown block or line is reported, never thrown. */
  async execute(command: string, args: unknown): Promise<void> {
    if (command === markReviewedCommand) {
      const { uri, id } = (args ?? {}) as Partial<MarkReviewedArguments>;
      const state = typeof uri === 'string' ? this.states.get(uri) : undefined;
      const block = state?.blocks.find((b) => b.id === id);
      if (!state || !block) {
        if (typeof uri === 'string' && typeof id === 'string' && (await this.markClosedReviewed(uri, id))) return;
        this.host.warn(`Skeptic: no tracked block ${String(id)} in ${String(uri)} to mark reviewed.`);
        return;
      }
      const reviewer = (await this.host.settings(state.uri)).provenance.reviewer;
      block.reviewed = { time: new Date().toISOString(), ...(reviewer ? { by: reviewer } : {}) };
      state.dirty = true;
      this.flush(state);
      const doc = this.host.document(state.uri);
      if (doc) this.published(state.uri, doc.version);
      return;
    }
    if (command === confirmSuppressionCommand) {
      const { uri, line } = (args ?? {}) as Partial<ConfirmSuppressionArguments>;
      const state = typeof uri === 'string' ? this.states.get(uri) : undefined;
      let found = false;
      for (const block of state?.blocks ?? []) {
        const before = block.suppressions.length;
        block.suppressions = block.suppressions.filter((s) => s.range.start.line !== line);
        found ||= block.suppressions.length !== before;
      }
      if (!state || !found) {
        this.host.warn(`Skeptic: no unconfirmed suppression on line ${typeof line === 'number' ? line + 1 : String(line)} of ${String(uri)}.`);
        return;
      }
      state.dirty = true;
      this.flush(state);
      this.host.reanalyse(state.uri);
    }
  }

  private async markClosedReviewed(uri: string, id: string): Promise<boolean> {
    const location = await this.locate(uri);
    const record = location.store.read(location.path).records.find((r) => r.id === id);
    if (!record) return false;
    const reviewer = (await this.host.settings(uri)).provenance.reviewer;
    this.write(location, { ...record, reviewed: { time: new Date().toISOString(), ...(reviewer ? { by: reviewer } : {}) } });
    return true;
  }

  // ── listing ────────────────────────────────────────────────────────────────────────────────────────────────────

  /** Blocks of open documents, and those persisted for files that are not open (at their recorded place). */
  async list(): Promise<ProvenanceBlock[]> {
    const blocks: ProvenanceBlock[] = [];
    for (const state of this.states.values()) {
      await state.loaded;
      blocks.push(...state.blocks.map((b) => this.toProtocol(state.uri, b)));
    }
    const open = new Set(this.states.keys());
    const seen = new Set<Store>();
    const stores: { store: Store; folder?: string }[] = [{ store: this.memory }];
    for (const folder of this.workspaceFolders) {
      const store = await this.storeOf(folder, pathToFileURL(folder).toString());
      if (store) stores.push({ store, folder });
    }
    for (const { store, folder } of stores) {
      if (seen.has(store)) continue;
      seen.add(store);
      const read = store.readAll();
      this.report(read);
      const texts = new Map<string, TextLines | undefined>();
      for (const record of read.records) {
        const file = folder ? path.join(folder, ...record.path.split('/')) : undefined;
        const uri = file ? pathToFileURL(file).toString() : record.path;
        if (open.has(uri)) continue;
        // A file on disk: the block where it stands now (a block no longer there is not listed; its record stays until the file opens).
        let range = record.range;
        if (file) {
          if (!texts.has(file)) texts.set(file, readLines(file));
          const lines = texts.get(file);
          const anchored = lines ? anchorBlock(lines, record, record.range) : { kind: 'lost' as const };
          if (anchored.kind === 'lost') continue;
          range = anchored.range;
        }
        // Findings are counted for open documents only; `skeptic provenance` counts them for every file.
        blocks.push({
          id: record.id, uri, range, origin: record.origin, time: record.time, findings: 0,
          ...(record.reviewed ? { reviewed: record.reviewed } : {}),
        });
      }
    }
    return blocks.sort((a, b) => a.uri.localeCompare(b.uri) || comparePositions(a.range.start, b.range.start));
  }

  // ── persistence ────────────────────────────────────────────────────────────────────────────────────────────────

  /** Where a document's blocks are kept, by its `skeptic.provenance.storage` setting. */
  private async locate(uri: string): Promise<Location> {
    const filePath = this.host.filePath(uri);
    const folder = filePath && this.folderOf(filePath);
    const store = filePath && folder ? await this.storeOf(folder, uri) : undefined;
    if (!store) return { store: this.memory, path: uri };
    return { store, path: path.relative(folder!, filePath!).split(path.sep).join('/') };
  }

  /** The ledger folder of a workspace folder under the settings of `uri`; undefined when only memory is available. */
  private async storeOf(folder: string, uri: string): Promise<LedgerFolder | undefined> {
    const settings = await this.host.settings(uri);
    return this.storeAt(folder, settings.provenance.storage);
  }

  /** A workspace folder's ledger of one kind (`workspace` needs the client's storage folder). */
  private storeAt(folder: string, kind: 'ledger' | 'workspace'): LedgerFolder | undefined {
    let root: string | undefined;
    if (kind === 'ledger') root = path.join(folder, '.skeptic', 'provenance');
    else if (this.host.storageFolder) root = path.join(this.host.storageFolder, 'provenance', createHash('sha256').update(folder).digest('hex').slice(0, 12));
    if (!root) return undefined;
    let store = this.folders.get(root);
    if (!store) this.folders.set(root, (store = new LedgerFolder(root, true)));
    return store;
  }

  /** The innermost workspace folder holding `filePath`. */
  private folderOf(filePath: string): string | undefined {
    return this.workspaceFolders.filter((f) => isInside(filePath, f)).sort((a, b) => b.length - a.length)[0];
  }

  private scheduleFlush(state: DocumentState): void {
    if (state.flushTimer) return;
    state.flushTimer = setTimeout(() => { state.flushTimer = undefined; this.flush(state); }, flushDelayMs);
  }

  /** Writes the document's blocks as they are now (place and fingerprint of the current text) and removes dropped ones. */
  private flush(state: DocumentState): void {
    if (state.flushTimer) { clearTimeout(state.flushTimer); state.flushTimer = undefined; }
    const location = state.location;
    const doc = this.host.document(state.uri);
    if (!state.dirty || !location || !doc) return;
    state.dirty = false;
    for (const id of state.removed) this.guard(() => location.store.remove(location.path, id));
    state.removed.clear();
    const lines = new TextLines(doc.text);
    for (const block of state.blocks) {
      const fingerprint = fingerprintOf(lines, block.range);
      if (!fingerprint) continue;
      this.write(location, {
        id: block.id, path: location.path, origin: block.origin, time: block.time, range: block.range, ...fingerprint,
        unconfirmedSuppressions: block.suppressions.map((s) => s.range.start.line - block.range.start.line),
        ...(block.reviewed ? { reviewed: block.reviewed } : {}),
      });
    }
  }

  private write(location: Location, record: LedgerRecord): void {
    this.guard(() => location.store.write(record));
  }

  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.host.warn(`Skeptic: could not write provenance (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); blocks are kept for this session.`);
    }
  }

  private report(read: LedgerRead): void {
    for (const problem of read.problems) {
      this.host.warn(`Skeptic: provenance record ${problem.file} is ${problem.message.replace(/^corrupt: /, 'corrupt (')}${problem.message.startsWith('corrupt: ') ? ')' : ''}${problem.movedTo ? `; moved aside to ${problem.movedTo}` : ''}.`);
    }
  }

  private toProtocol(uri: string, block: Block): ProvenanceBlock {
    return {
      id: block.id, uri, range: block.range, origin: block.origin, time: block.time, findings: block.findings,
      ...(block.reviewed ? { reviewed: block.reviewed } : {}),
    };
  }
}

/** The note a finding inside a block carries: "AI-suggested code accepted at 14:02" (local time; the date too if not today). */
export function describeOrigin(origin: InsertOrigin, time: string, now = new Date()): string {
  const when = new Date(time);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const clock = `${pad(when.getHours())}:${pad(when.getMinutes())}`;
  const sameDay = when.getFullYear() === now.getFullYear() && when.getMonth() === now.getMonth() && when.getDate() === now.getDate();
  const at = sameDay ? `at ${clock}` : `on ${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} at ${clock}`;
  if (origin === 'paste') return `pasted code, pasted ${at}`;
  return `AI-suggested code ${origin === 'inline-completion' ? 'accepted' : 'inserted'} ${at}`;
}

function checkInsert(params: DidInsertParams | undefined): string | undefined {
  if (!params || typeof params !== 'object') return 'no parameters';
  if (typeof params.textDocument?.uri !== 'string' || !Number.isInteger(params.textDocument?.version)) return 'textDocument must have a uri and a version';
  const isPosition = (p: unknown): boolean => {
    const q = p as { line?: unknown; character?: unknown } | undefined;
    return Number.isInteger(q?.line) && Number.isInteger(q?.character) && (q!.line as number) >= 0 && (q!.character as number) >= 0;
  };
  if (!isPosition(params.range?.start) || !isPosition(params.range?.end) || comparePositions(params.range.start, params.range.end) >= 0) return 'range must be a non-empty range';
  if (!origins.includes(params.origin)) return `origin must be one of ${origins.join(', ')}`;
  if (typeof params.time !== 'string' || Number.isNaN(Date.parse(params.time))) return 'time must be an ISO 8601 date';
  return undefined;
}

function raise(severity: DiagnosticSeverity | undefined): DiagnosticSeverity | undefined {
  if (severity === DiagnosticSeverity.Information || severity === DiagnosticSeverity.Hint) return DiagnosticSeverity.Warning;
  if (severity === DiagnosticSeverity.Warning) return DiagnosticSeverity.Error;
  return severity;
}

function contains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readLines(file: string): TextLines | undefined {
  const text = readText(file);
  return text === undefined ? undefined : new TextLines(text);
}

function lineRange(lines: TextLines, line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: lines.lines[line]?.length ?? 0 } };
}

/** Where a block's lens goes: its first line with code on it. */
function firstCodeLine(lines: TextLines, range: Range): number {
  for (let line = range.start.line; line <= range.end.line; line++) {
    const text = lines.lines[line] ?? '';
    const from = line === range.start.line ? range.start.character : 0;
    const to = line === range.end.line ? range.end.character : text.length;
    if (text.slice(from, to).trim()) return line;
  }
  return range.start.line;
}

function decodeUriPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Whether `uri` is `folder` itself or inside it (URIs as the client sent them). */
function isUnder(uri: string, folder: string): boolean {
  return uri === folder || uri.startsWith(`${folder}/`);
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return !!relative && !relative.startsWith('..') && !path.isAbsolute(relative);
}
