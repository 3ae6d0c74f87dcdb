// Owns the LSP session: lifecycle, document sync, scheduling analyses (debounced, superseded runs dropped), configuration layers, code actions and commands.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind, CodeLensRefreshRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, TextDocumentSyncKind,
  type ClientCapabilities, type CodeAction, type Connection, type Diagnostic, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import {
  createAnalyzer, defaultOptions, DependencyIndex, fileFacts, knownRuleIds, languageOfEditorId, mergeOptions, metas, metaOf, ParseTimeoutError,
  patternOf, skipReason, type AnalysisOptions, type Analyzer, type FileFacts, type Finding, type ParsedDocument, type RuleFailure,
} from '../engine';
import {
  DidChangeWorkspaceTrustNotification, fixAllKind, questionSnippetCommand, ReviewRequest, ScanWorkspaceRequest, selectRangeCommand, serverName, settingsSection,
  showDocumentationCommand, confirmSuppressionCommand, DidInsertNotification, ListProvenanceRequest, markReviewedCommand, ProvenanceChangedNotification,
  type InitializationOptions, type ShowDocumentationArguments, type SkepticSettings,
} from '../../shared/protocol';
import { fixAllAction, quickFixesFor } from './code-actions';
import { DependencyDiagnostics } from './dependency-diagnostics';
import { configProblemDiagnostic, docsUriOf, isRuleDiagnostic, skippedDiagnostic } from './diagnostics';
import { OpenDocument } from './open-document';
import { OpenPaths } from './open-paths';
import { ProvenanceTracker } from './provenance';
import { questionSnippetAction, reviewDocument } from './review';
import { IgnoreMatcher, ProjectConfigs, restrictUntrusted, type ProjectConfig } from './project-config';
import { formatSettingsProblems, SettingsCache, settingsLayer, validateSettings } from './settings';
import { WorkspaceScanner } from './workspace-scan';

declare const SKEPTIC_VERSION: string | undefined;
const version = typeof SKEPTIC_VERSION === 'string' ? SKEPTIC_VERSION : '0.0.0-dev';

interface Evaluation {
  readonly version: number;
  /** Unsuppressed findings (empty when skipped, ignored or disabled). */
  readonly findings: readonly Finding[];
  readonly diagnostics: Diagnostic[];
  /** Each finding's pattern key, for "same pattern in N other places". */
  readonly patterns: readonly string[];
  /** The tree and facts analysed (absent when nothing was): a review builds on them. */
  readonly document?: ParsedDocument;
  readonly file?: FileFacts;
}

export function startSession(connection: Connection): void {
  const documents = new Map<string, OpenDocument>();
  /** The file paths of open documents, for the workspace scan's per-file "is it open" check. */
  const openPaths = new OpenPaths();
  /** Documents with an analysis scheduled or running: a workspace scan lets them go first. */
  const analysing = new Set<OpenDocument>();
  const analyzers = new Map<string, Analyzer>();
  const ignoreMatcher = new IgnoreMatcher();
  const shownMessages = new Set<string>();
  const publishedConfigs = new Set<string>();
  const loggedErrors = new Set<string>();
  let capabilities: ClientCapabilities = {};
  let trusted = true;
  let clientCommands = new Set<string>();
  /** Settings pushed with didChangeConfiguration, for clients that cannot answer `workspace/configuration`. */
  let pushedSettings: unknown;

  const warnOnce = (message: string): void => {
    if (shownMessages.has(message)) return;
    shownMessages.add(message);
    connection.console.warn(message);
    // A notification, not showWarningMessage (a request that waits for the user to dismiss it).
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  };

  const settingsCache = new SettingsCache(async (uri) => {
    let raw: unknown = pushedSettings;
    if (capabilities.workspace?.configuration) {
      try {
        raw = await connection.workspace.getConfiguration({ scopeUri: uri, section: settingsSection });
      } catch (error) {
        connection.console.error(`workspace/configuration failed for ${uri}, defaults used: ${String(error)}`);
        raw = undefined;
      }
    }
    const { settings, problems } = validateSettings(raw, knownRuleIds);
    if (problems.length) warnOnce(formatSettingsProblems(problems));
    return settings;
  });

  let provenanceStorage: string | undefined;
  const provenance = new ProvenanceTracker({
    settings: (uri) => settingsCache.get(uri),
    filePath: fsPathOf,
    document: (uri) => documents.get(uri),
    reanalyse: (uri) => { const doc = documents.get(uri); if (doc) schedule(doc, 0); },
    publish: (params) => void connection.sendNotification(ProvenanceChangedNotification.type, params),
    refreshLenses: () => { if (capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined); },
    log: (message) => connection.console.log(message),
    warn: warnOnce,
    get clientCommands() { return clientCommands; },
    get storageFolder() { return provenanceStorage; },
    ignoreGlobs: (folder) => projects.get(folder).options.ignore ?? [],
  });

  const projects = new ProjectConfigs(knownRuleIds, (config) => publishConfigProblems(config));
  const dependencies = new DependencyIndex();
  const dependencyDiagnostics = new DependencyDiagnostics(connection, dependencies, () => reanalyseAll());

  function publishConfigProblems(config: ProjectConfig): void {
    const uri = pathToFileURL(config.file).toString();
    if (config.problems.length === 0) {
      if (publishedConfigs.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    publishedConfigs.add(uri);
    void connection.sendDiagnostics({ uri, diagnostics: config.problems.map((p) => configProblemDiagnostic(p, config.text)) });
    const first = config.problems[0];
    const more = config.problems.length > 1 ? ` (and ${config.problems.length - 1} more)` : '';
    warnOnce(`Skeptic: ${config.file}:${first.line}:${first.column}: ${first.message}${more}. The rest of the file applies.`);
  }

  function analyzerFor(options: AnalysisOptions): Analyzer {
    const key = JSON.stringify(options.rules);
    let analyzer = analyzers.get(key);
    if (!analyzer) {
      if (analyzers.size >= 16) analyzers.clear();
      analyzer = createAnalyzer(options);
      analyzers.set(key, analyzer);
    }
    return analyzer;
  }

  function logFailures(doc: OpenDocument, failures: readonly RuleFailure[]): void {
    for (const failure of failures) {
      if (doc.loggedFailures.has(failure.ruleId)) continue;
      doc.loggedFailures.add(failure.ruleId);
      const error = failure.error as Error | undefined;
      connection.console.error(`rule ${failure.ruleId} failed on ${doc.uri}; its other findings and every other rule's stand: ${error?.stack ?? String(error)}`);
    }
  }

  /** Findings and diagnostics for the document's current version, or undefined when an edit superseded it meanwhile. */
  async function evaluate(doc: OpenDocument): Promise<Evaluation | undefined> {
    const version = doc.version;
    const settings = await settingsCache.get(doc.uri);
    await provenance.ready(doc.uri);
    doc.debounceMs = settings.debounceMs;
    if (doc.closed || doc.version !== version) return undefined;
    const nothing: Evaluation = { version, findings: [], diagnostics: [], patterns: [] };
    if (!settings.enable) { doc.dropTree(); dependencyDiagnostics.documentAnalysed(doc.uri, undefined, undefined, {}); return nothing; }
    const filePath = fsPathOf(doc.uri);
    const root = filePath && projects.rootOf(filePath);
    const options = optionsOf(settings, root);
    if (filePath && ignoreMatcher.ignores(options.ignore, root, filePath)) { doc.dropTree(); dependencyDiagnostics.documentAnalysed(doc.uri, undefined, undefined, {}); return nothing; }
    const reason = skipReason(doc.text, options.maxFileSize);
    if (reason) { doc.dropTree(); return { ...nothing, diagnostics: [skippedDiagnostic(reason)] }; }
    let parsed;
    try {
      parsed = await doc.parse();
    } catch (error) {
      if (doc.closed) return undefined;
      if (error instanceof ParseTimeoutError) return { ...nothing, diagnostics: [skippedDiagnostic(`Skeptic skipped this file: ${error.message}.`)] };
      throw error;
    }
    if (doc.closed || parsed.version !== version) return undefined;
    const displayPath = filePath ? (root ? path.relative(root, filePath) : filePath) : doc.uri;
    // Manifests are re-read when their mtime changes (a stat per manifest), so this stays off the parse-and-walk cost.
    const dependencyProject = filePath ? dependencies.projectOf(filePath, doc.language, root) : undefined;
    const dependencyFacts = dependencyProject?.facts;
    // The networked checks answer from what is known and ask the rest in the background: they never hold up diagnostics.
    const packages = dependencyDiagnostics.intelFor(settings, trusted);
    const file: FileFacts = { ...fileFacts(displayPath, doc.language), ...(dependencyFacts ? { project: dependencyFacts } : {}), ...(packages ? { packages } : {}) };
    const result = analyzerFor(options).analyze(parsed.document, file, doc.cache);
    dependencyDiagnostics.documentAnalysed(doc.uri, dependencyProject, packages, options.rules);
    logFailures(doc, result.failures);
    const { findings, diagnostics } = provenance.judge(doc.uri, result.findings, settings, version);
    const patterns = findings.map((f) => patternOf(parsed.document, f));
    return { version, findings, diagnostics, patterns, document: parsed.document, file };
  }

  /** The analysis options of a file of project `root`: its `.skeptic.yml` (restricted when untrusted) under the settings. */
  function optionsOf(settings: SkepticSettings, root: string | undefined): AnalysisOptions {
    const project = root ? projects.get(root) : undefined;
    const projectLayer = !project ? {} : trusted ? project.options : restrictUntrusted(project.options, metas, defaultOptions.maxFileSize);
    return mergeOptions(projectLayer, settingsLayer(settings));
  }

  const workspace = new WorkspaceScanner({
    connection,
    folders: () => projects.folders,
    optionsFor: async (root) => {
      const settings = await settingsCache.get(pathToFileURL(root).toString());
      return settings.enable ? optionsOf(settings, root) : undefined;
    },
    analyzerFor,
    projectFactsOf: (file, language, root) => dependencies.projectOf(file, language, root)?.facts,
    openVersion: (uri) => documents.get(uri)?.version,
    editing: () => analysing.size > 0,
    isOpen: (file) => openPaths.has(file),
    canWatchFiles: () => capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relatedInformation: () => capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
    documentChanges: () => capabilities.workspace?.workspaceEdit?.documentChanges === true,
    clientCommands: () => clientCommands,
  });

  async function analyseAndPublish(doc: OpenDocument, generation: number): Promise<void> {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    try {
      const evaluation = await evaluate(doc);
      // Never publish for a closed document or a version an edit has superseded.
      if (!evaluation || doc.closed || doc.generation !== generation || doc.version !== evaluation.version) return;
      workspace.publishOpen(doc.uri, evaluation.version, evaluation.diagnostics, evaluation.findings, evaluation.patterns);
      provenance.published(doc.uri, evaluation.version);
      const cpu = process.cpuUsage(cpuStarted);
      // Wall time and CPU time: on a busy machine the first grows, the second says what the analysis itself cost.
      // And since the document's latest change reached the server (debounce included): what an edit waits for its
      // diagnostics. (For an analysis asked for later, as after an accepted insertion, that change may be older.)
      connection.tracer.log(`analysed ${doc.uri} v${evaluation.version} in ${(performance.now() - started).toFixed(1)} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms, ${(performance.now() - doc.receivedAt).toFixed(1)} ms since the change arrived): ${evaluation.diagnostics.length} diagnostics`);
    } catch (error) {
      // Once per document and cause: a broken catalog would otherwise log on every keystroke.
      const key = `${doc.uri}\0${(error as Error)?.message ?? String(error)}`;
      if (loggedErrors.has(key)) return;
      loggedErrors.add(key);
      connection.console.error(`analysis of ${doc.uri} failed: ${(error as Error)?.stack ?? String(error)}`);
    }
  }

  /** Cancels any pending run of the document and schedules one after `delayMs` (0: as soon as the event loop allows). */
  function schedule(doc: OpenDocument, delayMs: number): void {
    const generation = ++doc.generation;
    doc.cancelPending();
    analysing.add(doc);
    const run = (): void => {
      doc.cancelPending = noop;
      void analyseAndPublish(doc, generation).finally(() => { if (doc.generation === generation || doc.closed) analysing.delete(doc); });
    };
    if (delayMs <= 0) {
      const handle = setImmediate(run);
      doc.cancelPending = () => clearImmediate(handle);
    } else {
      const handle = setTimeout(run, delayMs);
      doc.cancelPending = () => clearTimeout(handle);
    }
  }

  /** `project-config`: only `.skeptic.yml` files changed (the workspace scan may then refresh its scope rather than rescan). */
  function reanalyseAll(cause?: 'project-config'): void {
    for (const doc of documents.values()) schedule(doc, 0);
    workspace.configurationChanged(cause);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = init.workspaceTrusted !== false;
    clientCommands = new Set(Array.isArray(init.clientCommands) ? init.clientCommands : []);
    dependencyDiagnostics.setCacheFolder(typeof init.cacheFolder === 'string' && init.cacheFolder ? init.cacheFolder : undefined);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    projects.setWorkspaceFolders(folders.map(fsPathOf).filter((p): p is string => !!p));
    provenance.setWorkspaceFolders(folders.map(fsPathOf).filter((p): p is string => !!p));
    provenanceStorage = typeof init.provenanceStorage === 'string' && init.provenanceStorage ? init.provenanceStorage : undefined;
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: false },
        executeCommandProvider: { commands: [showDocumentationCommand, markReviewedCommand, confirmSuppressionCommand] },
        codeLensProvider: { resolveProvider: false },
        workspace: {
          workspaceFolders: { supported: true, changeNotifications: true },
          // Provenance records follow renamed and moved files and folders.
          fileOperations: { didRename: { filters: [{ scheme: 'file', pattern: { glob: '**/*' } }] } },
        },
      },
      serverInfo: { name: serverName, version },
    };
  });

  connection.onInitialized(() => {
    const workspace = capabilities.workspace;
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: settingsSection });
    }
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.skeptic.yml' }] }).then(
        () => { projects.watched = true; },
        (error) => connection.console.warn(`could not watch .skeptic.yml files, checking them on each analysis instead: ${String(error)}`),
      );
      dependencyDiagnostics.watch();
    }
    if (workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        projects.setWorkspaceFolders(folders.map((f) => fsPathOf(f.uri)).filter((p): p is string => !!p));
        provenance.setWorkspaceFolders(folders.map((f) => fsPathOf(f.uri)).filter((p): p is string => !!p));
        reanalyseAll();
      });
    }
  });

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const language = languageOfEditorId(textDocument.languageId, fsPathOf(textDocument.uri) ?? textDocument.uri);
    if (!language) return;
    documents.get(textDocument.uri)?.dispose();
    const doc = new OpenDocument(textDocument.uri, textDocument.languageId, language, textDocument.version, textDocument.text);
    documents.set(textDocument.uri, doc);
    openPaths.add(textDocument.uri, fsPathOf(textDocument.uri));
    provenance.open(textDocument.uri);
    schedule(doc, 0);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return;
    doc.applyChanges(contentChanges, textDocument.version);
    provenance.change(textDocument.uri, contentChanges, textDocument.version);
    schedule(doc, doc.debounceMs);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return;
    provenance.close(textDocument.uri);
    doc.dispose();
    analysing.delete(doc);
    documents.delete(textDocument.uri);
    openPaths.delete(textDocument.uri);
    settingsCache.delete(textDocument.uri);
    dependencyDiagnostics.documentClosed(textDocument.uri);
    workspace.documentClosed(textDocument.uri);
  });

  connection.onDidChangeConfiguration((params) => {
    pushedSettings = (params.settings as Record<string, unknown> | null | undefined)?.[settingsSection];
    settingsCache.clear();
    reanalyseAll();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let configChanged = false;
    for (const change of changes) {
      const file = fsPathOf(change.uri);
      if (file && path.basename(file) === '.skeptic.yml') { projects.invalidate(file); configChanged = true; }
    }
    if (dependencyDiagnostics.filesChanged(changes)) reanalyseAll();
    else if (configChanged) reanalyseAll('project-config');
    workspace.filesChanged(changes);
  });

  connection.onNotification(DidChangeWorkspaceTrustNotification.type, ({ trusted: now }) => {
    if (trusted === now) return;
    trusted = now;
    reanalyseAll();
  });

  connection.onCodeAction(async ({ textDocument, context }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const only = context.only;
    const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    const ruleDiagnostics = context.diagnostics.filter(isRuleDiagnostic);
    if (ruleDiagnostics.length > 0 && wants(CodeActionKind.QuickFix)) {
      const parsed = await doc.parse().catch(() => undefined);
      if (!parsed) return [];
      const workspaceEdit = capabilities.workspace?.workspaceEdit;
      const actionContext = {
        uri: doc.uri, version: parsed.version, language: doc.language, document: parsed.document,
        snippetEdits: workspaceEdit?.snippetEditSupport === true,
        selectRange: clientCommands.has(selectRangeCommand),
        documentChanges: workspaceEdit?.documentChanges === true,
      };
      for (const diagnostic of ruleDiagnostics) {
        actions.push(...quickFixesFor(diagnostic, actionContext), ...workspace.codeActionsFor(diagnostic, doc.uri));
        if (clientCommands.has(questionSnippetCommand)) actions.push(questionSnippetAction(diagnostic, doc.uri, parsed.document));
        actions.push(...provenance.codeActionsFor(diagnostic, doc.uri));
      }
    }
    // Fix-all only when asked for by kind (on save, or "Fix all"), not in every lightbulb.
    if (only && wants(fixAllKind)) {
      const evaluation = await evaluate(doc);
      const fixAll = evaluation && fixAllAction(evaluation.findings, doc.uri, evaluation.version, capabilities.workspace?.workspaceEdit?.documentChanges === true);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (provenance.handles(command)) return provenance.execute(command, args?.[0]);
    if (command !== showDocumentationCommand) return;
    const ruleId = (args?.[0] as ShowDocumentationArguments | undefined)?.ruleId ?? '';
    const uri = metaOf(ruleId) && docsUriOf(ruleId);
    if (!uri) {
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Skeptic: no documentation for rule "${ruleId}".` });
      return;
    }
    if (capabilities.window?.showDocument?.support) await connection.window.showDocument({ uri, external: false, takeFocus: true });
    else void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Skeptic: documentation for ${ruleId}: ${uri}` });
  });

  connection.onRequest(ReviewRequest.type, (params) => {
    const doc = documents.get(params.textDocument.uri);
    return reviewDocument(params, () => doc && evaluate(doc));
  });

  connection.onRequest(ScanWorkspaceRequest.type, (params, token) => workspace.scan(token, connection.window.attachWorkDoneProgress(params.workDoneToken)));
  connection.onNotification(DidInsertNotification.type, (params) => void provenance.insert(params));
  connection.onRequest(ListProvenanceRequest.type, async () => ({ blocks: await provenance.list() }));
  connection.workspace.onDidRenameFiles(({ files }) => void provenance.rename(files));
  connection.onCodeLens(({ textDocument }) => provenance.lenses(textDocument.uri));

  connection.onShutdown(() => {
    provenance.flushAll();
    for (const doc of documents.values()) doc.dispose();
    documents.clear();
  });
}

function noop(): void { /* nothing pending */ }

/** The file path of a `file:` URI; undefined for untitled and other schemes. */
function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
