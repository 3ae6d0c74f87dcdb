// Owns "Scan Workspace": walking each folder, analysing files that are not open one at a time between other work, keeping the results fresh from file events, and the propagation code actions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationTokenSource, CodeActionKind, DidChangeWatchedFilesNotification, FileChangeType,
  type CancellationToken, type CodeAction, type Connection, type Diagnostic, type FileEvent, type TextEdit, type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { configFileName, createHeapGuard, isWalked, overlaps, scanFile, walkFiles, type AnalysisOptions, type Analyzer, type Finding, type LanguageId, type ProjectFacts } from '../engine';
import { showOccurrencesCommand, type DiagnosticData, type ScanWorkspaceResult, type ShowOccurrencesArguments } from '../../shared/protocol';
import { toDiagnostic } from './diagnostics';
import { largeFileBytes, ScanWorker } from './scan-worker';
import { PropagationIndex, type FileEntry, type FileStamp } from './workspace-index';

/** What the scan needs from the session. */
export interface WorkspaceHost {
  readonly connection: Connection;
  /** The workspace folders' paths. */
  folders(): readonly string[];
  /** The analysis options for files of the folder `root`, or undefined when Skeptic is disabled there. */
  optionsFor(root: string): Promise<AnalysisOptions | undefined>;
  analyzerFor(options: AnalysisOptions): Analyzer;
  projectFactsOf(file: string, language: LanguageId, root: string): ProjectFacts | undefined;
  /** The version of the open document at `uri`, or undefined when it is not open. */
  openVersion(uri: string): number | undefined;
  /** An open document's analysis is scheduled or running (the user is typing). */
  editing(): boolean;
  /** Whether the editor has the file open (whatever the spelling of its URI). */
  isOpen(file: string): boolean;
  /** The client can register file watchers for the server. */
  canWatchFiles(): boolean;
  relatedInformation(): boolean;
  documentChanges(): boolean;
  clientCommands(): ReadonlySet<string>;
}

/** Source files the scan follows once it has run (the extensions `languageOfPath` accepts). */
const watchedSources = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,py,pyw}';
/** Ignore files: a change moves files in or out of the scan (`.skeptic.yml`, which the session watches, too). */
const watchedIgnores = '**/.gitignore';
/** Ignore-file changes wait this long for more of them (a checkout writes several) before the scope is refreshed. */
const scopeDelayMs = 300;
/** Before each file the scan waits, up to this long, for open documents' analyses: typing goes first. */
const editsFirstMs = 1000;
/** During a scan, diagnostics reach the editor in batches this often rather than once per file. */
const scanFlushMs = 1000;
/** After an edit, other files' counts follow after this pause (never on the edit's own path)… */
const othersFlushMs = 250;
/** …and links into the edited file that only moved (lines typed above them), after a longer one: typing does not republish a workspace. */
const movedFlushMs = 2000;

/** A folder's files in scan scope, and the options they were walked with. */
interface Scope {
  readonly files: Set<string>;
  readonly options: AnalysisOptions;
}

export class WorkspaceScanner {
  readonly index: PropagationIndex;
  /** Folders a scan has covered: their files are followed on disk from then on. */
  private readonly scanned = new Set<string>();
  private running: CancellationTokenSource | undefined;
  private watching: Promise<void> | undefined;
  private readonly queue = new Map<string, FileChangeType>();
  private draining = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushAt = Infinity;
  private rescanTimer: NodeJS.Timeout | undefined;
  /** Set when a rescan is due for a cause other than `.skeptic.yml` files alone (settings, trust, manifests). */
  private fullRescanDue = false;
  /** Per scanned folder: the files a walk visits (in scope), and the options it was walked with. */
  private readonly scope = new Map<string, Scope>();
  /** Folders whose `.gitignore` files changed, waiting for their scope to be refreshed. */
  private readonly scopeDue = new Set<string>();
  private scopeTimer: NodeJS.Timeout | undefined;
  private readonly loggedFailures = new Set<string>();
  private readonly guardHeap = createHeapGuard();
  /** Large files are analysed here, off the event loop that serves edits. */
  private readonly worker = new ScanWorker();

  constructor(private readonly host: WorkspaceHost) {
    this.index = new PropagationIndex({
      send: (uri, version, diagnostics) => void host.connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics }),
      isCurrent: (entry) => host.openVersion(entry.uri) === entry.version,
      relatedInformation: () => host.relatedInformation(),
      label: (uri) => this.label(uri),
    });
  }

  /** An open document's fresh analysis: published now; files sharing its patterns follow shortly. */
  publishOpen(uri: string, version: number, diagnostics: readonly Diagnostic[], findings: readonly Finding[], patterns: readonly string[]): void {
    const key = keyOf(uri);
    const counts = this.index.set(key, { uri, source: 'open', version, diagnostics, findings, patterns });
    this.index.publish(key);
    this.scheduleFlush(counts ? othersFlushMs : movedFlushMs);
  }

  /** A document closed: a scanned file reverts to its on-disk result, anything else is cleared. */
  documentClosed(uri: string): void {
    const key = keyOf(uri);
    const file = filePathOf(uri);
    if (file && this.folderOf(file)) {
      this.enqueue(file, FileChangeType.Changed);
      return;
    }
    this.index.set(key, undefined);
    this.index.publish(key);
    this.scheduleFlush(othersFlushMs);
  }

  /**
   * `workspace/didChangeWatchedFiles`: rescans the scanned files created or changed, forgets deleted ones; a changed
   * `.gitignore` refreshes its folder's scope (files now ignored are forgotten, files no longer ignored are scanned).
   */
  filesChanged(changes: readonly FileEvent[]): void {
    if (this.scanned.size === 0) return;
    for (const change of changes) {
      const file = filePathOf(change.uri);
      const root = file && this.folderOf(file);
      if (!file || !root) continue;
      if (path.basename(file) === '.gitignore') this.refreshScopeSoon(root);
      else if (path.basename(file) !== configFileName) this.enqueue(file, change.type);
    }
  }

  /**
   * Settings, trust, workspace folders, manifests or `.skeptic.yml` changed: scanned results are redone in the
   * background. `project-config`: only `.skeptic.yml` files changed; a folder whose options changed only in their
   * `ignore` globs then has its scope refreshed instead of being scanned again.
   */
  configurationChanged(cause?: 'project-config'): void {
    if (cause !== 'project-config') this.fullRescanDue = true;
    const folders = new Set(this.host.folders());
    for (const root of [...this.scanned]) {
      if (folders.has(root)) continue;
      // A folder removed from the workspace takes its results along.
      this.scanned.delete(root);
      this.forgetUnder(root, () => true);
      this.index.flush();
    }
    if (this.scanned.size === 0) return;
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => void this.rescan().catch((error) => this.logError('rescanning the workspace', error)), 300);
  }

  /** Scans again the folders whose options changed beyond `ignore` (all of them after a full cause); refreshes the scope of the others. */
  private async rescan(): Promise<void> {
    const full = this.fullRescanDue;
    this.fullRescanDue = false;
    const again: string[] = [];
    for (const root of [...this.scanned]) {
      const known = this.scope.get(root);
      const options = full || !known ? undefined : await this.host.optionsFor(root);
      if (known && options && sameExceptIgnore(known.options, options)) {
        if (!sameIgnore(known.options, options)) await this.refreshScope(root);
      } else {
        again.push(root);
      }
    }
    if (again.length) await this.run(again, undefined, undefined);
  }

  private refreshScopeSoon(root: string): void {
    this.scopeDue.add(root);
    clearTimeout(this.scopeTimer);
    this.scopeTimer = setTimeout(() => {
      const roots = [...this.scopeDue];
      this.scopeDue.clear();
      void (async () => { for (const root of roots) await this.refreshScope(root); })().catch((error) => this.logError('refreshing the scan\'s scope', error));
    }, scopeDelayMs);
  }

  /**
   * Walks the folder again (no analysis): files that left the scan's scope are forgotten, files that entered it are
   * scanned; the others keep their results. A folder never fully scanned is scanned instead.
   */
  private async refreshScope(root: string): Promise<void> {
    const known = this.scope.get(root);
    const options = await this.host.optionsFor(root);
    // A scan under way walked with the old ignores: its scope is refreshed once it is done.
    if (this.running) { this.refreshScopeSoon(root); return; }
    if (!known || !options) {
      // No complete walk to compare with: a scan of the folder.
      if (this.scanned.has(root)) await this.run([root], undefined, undefined);
      return;
    }
    const walked = await this.walkScope(root, options);
    const out = [...known.files].filter((file) => !walked.has(file));
    const into = [...walked].filter((file) => !known.files.has(file));
    this.scope.set(root, { files: walked, options });
    for (const file of out) this.forgetDisk(file);
    this.index.flush();
    for (const file of into) this.enqueue(file, FileChangeType.Created);
    this.host.connection.console.info(`workspace scope of ${root} refreshed: ${out.length} files left it, ${into.length} entered it`);
  }

  /** The files of a folder a scan covers (its ignore files and globs applied), yielding to edits every 200 files. */
  private async walkScope(root: string, options: AnalysisOptions, cancelled: () => boolean = () => false): Promise<Set<string>> {
    const files = new Set<string>();
    for (const file of walkFiles([root], { root, ignoreGlobs: options.ignore, useGitignore: true })) {
      files.add(file);
      if (files.size % 200 === 0) { await nextTurn(); if (cancelled()) break; }
    }
    return files;
  }

  /** `skeptic/scanWorkspace`. A new scan supersedes one still running. */
  async scan(token: CancellationToken, workDone: WorkDoneProgressReporter): Promise<ScanWorkspaceResult> {
    clearTimeout(this.rescanTimer);
    return this.run(this.host.folders(), token, workDone);
  }

  private async run(folders: readonly string[], token: CancellationToken | undefined, workDone: WorkDoneProgressReporter | undefined): Promise<ScanWorkspaceResult> {
    this.running?.cancel();
    const source = new CancellationTokenSource();
    this.running = source;
    const cancelled = (): boolean => source.token.isCancellationRequested;
    const link = token?.onCancellationRequested(() => source.cancel());
    workDone?.begin('Skeptic: scanning the workspace', 0, 'finding files…', true);
    try {
      await this.watch();
      const tasks: { file: string; root: string; options: AnalysisOptions }[] = [];
      const seen = new Set<string>();
      const covered: string[] = [];
      const walkedScopes = new Map<string, Scope>();
      for (const root of folders) {
        const options = await this.host.optionsFor(root);
        if (cancelled()) break;
        if (!options || !fs.existsSync(root)) { this.forgetUnder(root, () => true); continue; }
        covered.push(root);
        this.scanned.add(root);
        const files = await this.walkScope(root, options, cancelled);
        walkedScopes.set(root, { files, options });
        for (const file of files) if (!seen.has(file)) { seen.add(file); tasks.push({ file, root, options }); }
      }
      let scanned = 0;
      let skipped = 0;
      let lastFlush = Date.now();
      for (let i = 0; i < tasks.length && !cancelled(); i++) {
        const { file, root, options } = tasks[i];
        if (!this.host.isOpen(file)) {
          const outcome = await this.scanOne(file, root, options);
          if (outcome === 'scanned') scanned++;
          if (outcome === 'skipped') skipped++;
        }
        workDone?.report(Math.floor(((i + 1) * 100) / tasks.length), `${i + 1}/${tasks.length} files`);
        if (Date.now() - lastFlush >= scanFlushMs) { this.index.flush(); lastFlush = Date.now(); }
        // Between two files the event loop serves edits, code actions and this request's cancellation.
        await nextTurn();
        await this.editsFirst();
      }
      if (!cancelled()) {
        // Files gone since the last scan, or now ignored.
        for (const root of covered) this.forgetUnder(root, (key) => !seen.has(key));
        for (const [root, scope] of walkedScopes) this.scope.set(root, scope);
      }
      this.index.flush();
      const { findings, files } = this.index.count((key) => covered.some((root) => isInside(root, key)));
      this.host.connection.console.info(`workspace scan ${cancelled() ? 'cancelled' : 'done'}: ${scanned} files scanned, ${skipped} skipped, ${findings} findings in ${files} files`);
      return { findings, filesWithFindings: files, filesScanned: scanned, filesSkipped: skipped, cancelled: cancelled() };
    } finally {
      link?.dispose();
      if (this.running === source) this.running = undefined;
      workDone?.done();
    }
  }

  /** Analyses one file from disk into the index. */
  private async scanOne(file: string, root: string, options: AnalysisOptions): Promise<'scanned' | 'skipped' | 'gone'> {
    const key = file;
    let stamp: FileStamp;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      stamp = { mtimeMs: stat.mtimeMs, size: stat.size };
    } catch {
      this.forgetDisk(key);
      return 'gone';
    }
    const display = path.relative(root, file).split(path.sep).join('/');
    try {
      const outcome = stamp.size >= largeFileBytes && stamp.size <= options.maxFileSize
        ? await this.scanLarge(file, display, root, options, stamp.size)
        : await scanFile(file, display, this.host.analyzerFor(options), (abs, language) => this.host.projectFactsOf(abs, language, root), undefined, true);
      this.guardHeap();
      if (this.host.isOpen(file)) return 'scanned'; // opened meanwhile: its live results stand
      if (!outcome || outcome.kind === 'skipped') {
        this.forgetDisk(key);
        return outcome ? 'skipped' : 'gone';
      }
      for (const failure of outcome.result.failures) this.logError(`rule ${failure.ruleId} on ${display}`, failure.error);
      const active = outcome.result.findings.map((f, i) => ({ f, pattern: outcome.patterns?.[i] ?? '' })).filter(({ f }) => !f.suppression);
      const findings = active.map(({ f }) => f);
      const entry: FileEntry = {
        uri: pathToFileURL(file).toString(),
        source: 'disk',
        diagnostics: findings.map((f) => toDiagnostic(f, 0)),
        findings,
        patterns: active.map(({ pattern }) => pattern),
        stamp,
      };
      this.index.set(key, entry);
      return 'scanned';
    } catch (error) {
      // A file that vanished or cannot be read is left out; the scan goes on.
      this.forgetDisk(key);
      if ((error as NodeJS.ErrnoException)?.code !== 'ENOENT') this.logError(`scanning ${display}`, error);
      return 'gone';
    }
  }

  /** A large file, on the worker thread; on this one if the worker fails (said once in the log). */
  private async scanLarge(file: string, display: string, root: string, options: AnalysisOptions, size: number): ReturnType<typeof scanFile> {
    try {
      const outcome = await this.worker.scan(file, display, root, options);
      this.host.connection.console.log(`workspace scan: ${display} (${Math.round(size / 1024)} KB) analysed on the worker thread`);
      return outcome;
    } catch (error) {
      this.logError('the scan worker', error);
      return scanFile(file, display, this.host.analyzerFor(options), (abs, language) => this.host.projectFactsOf(abs, language, root), undefined, true);
    }
  }

  /** Waits while an open document is being analysed (at most `editsFirstMs`, so a scan still advances while someone types). */
  private async editsFirst(): Promise<void> {
    const until = Date.now() + editsFirstMs;
    while (this.host.editing() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private enqueue(file: string, type: FileChangeType): void {
    this.queue.set(file, type);
    if (!this.draining) void this.drain();
  }

  /** Works through file events one at a time, yielding between files; results publish together at the end. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.size > 0) {
        const [file, type] = this.queue.entries().next().value as [string, FileChangeType];
        this.queue.delete(file);
        const root = this.folderOf(file);
        if (!root) continue;
        const inScope = this.scope.get(root)?.files;
        if (type === FileChangeType.Deleted) {
          // A deleted file is one set entry; only a deleted folder needs the paths below it (each delete event used to
          // walk every path in scope, quadratic when a folder's files are deleted one event each).
          if (inScope?.has(file)) {
            inScope.delete(file);
            if (!this.host.isOpen(file)) this.forgetDisk(file);
            continue;
          }
          if (inScope) for (const known of [...inScope]) if (mayBeInside(file, known) && isInside(file, known)) inScope.delete(known);
          if (!this.host.isOpen(file)) this.forgetUnder(file, () => true);
          continue;
        }
        const options = await this.host.optionsFor(root);
        if (!options) continue;
        const walk = { root, ignoreGlobs: options.ignore, useGitignore: true };
        let isDirectory = false;
        try { isDirectory = fs.statSync(file).isDirectory(); } catch { /* gone again */ }
        if (isDirectory) {
          // A folder appeared (moved in, checked out): its files, as a walk of the folder would find them.
          for (const inner of walkFiles([file], walk)) {
            if (!isWalked(inner, walk)) continue;
            inScope?.add(inner);
            if (!this.host.isOpen(inner)) await this.scanOne(inner, root, options);
          }
        } else if (isWalked(file, walk)) {
          inScope?.add(file);
          if (!this.host.isOpen(file)) await this.scanOne(file, root, options);
        } else {
          inScope?.delete(file);
          if (!this.host.isOpen(file)) this.forgetDisk(file);
        }
        await nextTurn();
        await this.editsFirst();
      }
    } catch (error) {
      this.logError('following file changes', error);
    } finally {
      this.draining = false;
      this.index.flush();
    }
  }

  /** The propagation actions for one of Skeptic's diagnostics in `uri`: show every occurrence, and fix them all where the fix keeps behaviour. */
  codeActionsFor(diagnostic: Diagnostic & { data: DiagnosticData }, uri: string): CodeAction[] {
    const pattern = diagnostic.data.pattern;
    if (!pattern) return [];
    const key = keyOf(uri);
    const others = this.index.otherPlaces(pattern, key, diagnostic.range);
    if (others.length === 0) return [];
    const actions: CodeAction[] = [];
    const total = others.length + 1;
    if (this.host.clientCommands().has(showOccurrencesCommand)) {
      const args: ShowOccurrencesArguments = { uri, position: diagnostic.range.start, locations: [{ uri, range: diagnostic.range }, ...others] };
      const title = `Show all ${total} occurrences of this pattern`;
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: showOccurrencesCommand, arguments: [args] } });
    }
    const fixAll = diagnostic.data.fix?.preservesBehaviour ? this.fixAllInWorkspace(pattern) : undefined;
    if (fixAll) actions.push({ ...fixAll, diagnostics: [diagnostic] });
    return actions;
  }

  /** One workspace edit applying the behaviour-preserving fix of every finding with `pattern`, in files still as analysed. */
  private fixAllInWorkspace(pattern: string): CodeAction | undefined {
    const byFile = new Map<string, { entry: FileEntry; edits: TextEdit[] }>();
    let fixes = 0;
    for (const { key, entry, finding } of this.index.occurrences(pattern)) {
      const fix = finding.fix;
      if (!fix?.preservesBehaviour) continue;
      if (entry.source === 'open' ? this.host.openVersion(entry.uri) !== entry.version : !stillOnDisk(key, entry.stamp)) continue;
      const file = byFile.get(key) ?? { entry, edits: [] };
      if (fix.edits.some((e) => file.edits.some((t) => overlaps(t.range, e.range)))) continue;
      file.edits.push(...fix.edits.map((e) => ({ range: e.range, newText: e.newText })));
      byFile.set(key, file);
      fixes++;
    }
    if (fixes < 2) return undefined;
    const title = `Fix all ${fixes} occurrences in the workspace (${byFile.size} file${byFile.size === 1 ? '' : 's'})`;
    const files = [...byFile.values()];
    const edit = this.host.documentChanges()
      ? { documentChanges: files.map(({ entry, edits }) => ({ textDocument: { uri: entry.uri, version: entry.source === 'open' ? entry.version! : null }, edits })) }
      : { changes: Object.fromEntries(files.map(({ entry, edits }) => [entry.uri, edits])) };
    return { title, kind: CodeActionKind.QuickFix, edit };
  }

  /** Forgets a file's results unless the editor has it open (its live results stand). */
  private forgetDisk(key: string): void {
    if (this.index.get(key)?.source === 'open' && this.host.isOpen(key)) return;
    this.index.set(key, undefined);
  }

  /** Forgets the on-disk results of files at or below `at` that `which` picks. */
  private forgetUnder(at: string, which: (key: string) => boolean): void {
    for (const key of [...this.index.keys()]) {
      if ((key === at || (mayBeInside(at, key) && isInside(at, key))) && which(key)) this.forgetDisk(key);
    }
  }

  private async watch(): Promise<void> {
    if (!this.host.canWatchFiles()) return;
    this.watching ??= this.host.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: watchedSources }, { globPattern: watchedIgnores }] }).then(
      () => undefined,
      (error) => this.host.connection.console.warn(`could not watch source files, so scanned results do not follow changes on disk: ${String(error)}`),
    );
    await this.watching;
  }

  /** Flushes marked files after `delayMs`, or sooner when a flush is already due earlier. */
  private scheduleFlush(delayMs: number): void {
    if (!this.index.hasDirty || Date.now() + delayMs >= this.flushAt) return;
    clearTimeout(this.flushTimer);
    this.flushAt = Date.now() + delayMs;
    this.flushTimer = setTimeout(() => { this.flushTimer = undefined; this.flushAt = Infinity; this.index.flush(); }, delayMs);
  }

  private folderOf(file: string): string | undefined {
    let best: string | undefined;
    for (const root of this.scanned) if (isInside(root, file) && (!best || root.length > best.length)) best = root;
    return best;
  }

  private label(uri: string): string {
    const file = filePathOf(uri);
    if (!file) return uri;
    const root = this.host.folders().filter((r) => isInside(r, file)).sort((a, b) => b.length - a.length)[0];
    return (root ? path.relative(root, file) : path.basename(file)).split(path.sep).join('/');
  }

  private logError(what: string, error: unknown): void {
    const message = `${what} failed: ${(error as Error)?.stack ?? String(error)}`;
    const first = message.split('\n')[0];
    if (this.loggedFailures.has(first)) return;
    this.loggedFailures.add(first);
    this.host.connection.console.error(message);
  }
}

/** The index key of a document: its file path, or its URI when it has none (unsaved). */
function keyOf(uri: string): string {
  return filePathOf(uri) ?? uri;
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * A cheap necessary condition for `isInside` where paths compare as strings (everywhere but Windows, whose paths
 * compare without case): the file's path starts with the root's.
 */
function mayBeInside(root: string, file: string): boolean {
  return process.platform === 'win32' || file.startsWith(root);
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Whether two folders' options differ at most in their ignore globs (so results of files in scope stand). */
function sameExceptIgnore(a: AnalysisOptions, b: AnalysisOptions): boolean {
  return JSON.stringify({ ...a, ignore: [] }) === JSON.stringify({ ...b, ignore: [] });
}

function sameIgnore(a: AnalysisOptions, b: AnalysisOptions): boolean {
  return JSON.stringify(a.ignore) === JSON.stringify(b.ignore);
}

function stillOnDisk(file: string, stamp: FileStamp | undefined): boolean {
  if (!stamp) return false;
  try {
    const stat = fs.statSync(file);
    return stat.mtimeMs === stamp.mtimeMs && stat.size === stamp.size;
  } catch {
    return false;
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

