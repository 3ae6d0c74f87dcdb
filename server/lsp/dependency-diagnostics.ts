// Owns the dependency side of the language server: the networked package checks (opt-in, trusted workspaces only), diagnostics on the manifests of projects with open documents (parse errors, unknown and vulnerable declarations), and watching manifests so open documents follow changes on disk.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DidChangeWatchedFilesNotification, type Connection, type Diagnostic, type FileEvent } from 'vscode-languageserver';
import {
  defaultCacheFolder, isManifestFileName, manifestFindings, metas, PackageChecks,
  type AnalysisOptions, type DependencyIndex, type ManifestFile, type ManifestProblem, type PackageIntel, type ProjectDependencies,
} from '../engine';
import { serverName, type SkepticSettings } from '../../shared/protocol';
import { toDiagnostic } from './diagnostics';

/** Files whose change can change what a project declares or resolves (watched with `workspace/didChangeWatchedFiles`). */
export const dependencyFileGlobs = [
  '**/package.json', '**/package-lock.json', '**/npm-shrinkwrap.json', '**/yarn.lock', '**/pnpm-lock.yaml', '**/pnpm-workspace.yaml',
  '**/requirements*.{txt,in}', '**/requirements/*.{txt,in}', '**/pyproject.toml', '**/Pipfile', '**/setup.cfg', '**/setup.py',
  '**/poetry.lock', '**/uv.lock', '**/Pipfile.lock', '**/.npmrc', '**/.yarnrc.yml', '**/tsconfig.json', '**/jsconfig.json',
] as const;

interface DocumentProject {
  readonly project: ProjectDependencies;
  readonly intel: PackageIntel | undefined;
  readonly rules: AnalysisOptions['rules'];
  /** What the manifests' diagnostics were computed from, to skip the work when a keystroke changed none of it. */
  readonly signature: string;
}

export class DependencyDiagnostics {
  private checks: PackageChecks | undefined;
  private cacheFolder: string | undefined;
  private readonly documents = new Map<string, DocumentProject>();
  /** Manifest path → the diagnostics last published for it (as JSON), only while non-empty. */
  private readonly published = new Map<string, string>();
  private settling = false;
  private settleAgain = false;

  constructor(
    private readonly connection: Connection,
    private readonly index: DependencyIndex,
    /** Analyses every open document again (answers arrived, or a manifest changed). */
    private readonly reanalyseAll: () => void,
  ) {}

  /** The folder the client gave for caches (`InitializationOptions.cacheFolder`); else the OS cache folder. */
  setCacheFolder(folder: string | undefined): void {
    this.cacheFolder = folder;
  }

  /** The rules' view of the networked checks for these settings; never in an untrusted workspace, whatever the settings say. */
  intelFor(settings: SkepticSettings, trusted: boolean): PackageIntel | undefined {
    if (!trusted) return undefined;
    const { checkRegistry, checkVulnerabilities } = settings.dependencies;
    if (!checkRegistry && !checkVulnerabilities) return undefined;
    this.checks ??= new PackageChecks({
      cacheFolder: this.cacheFolder ?? defaultCacheFolder(),
      log: (line) => this.connection.console.warn(`dependency checks: ${line}`),
    });
    return this.checks.intel(settings.dependencies);
  }

  /** After a document's analysis: its project's manifests get their diagnostics, and questions the rules raised are asked. */
  documentAnalysed(uri: string, project: ProjectDependencies | undefined, intel: PackageIntel | undefined, rules: AnalysisOptions['rules']): void {
    if (!project) {
      if (this.documents.delete(uri)) this.publishManifests();
      return;
    }
    const signature = `${intel?.key ?? ''}\0${JSON.stringify(rules)}`;
    const previous = this.documents.get(uri);
    if (previous?.project !== project || previous.signature !== signature) {
      this.documents.set(uri, { project, intel, rules, signature });
      this.publishManifests();
    }
    this.settleSoon();
  }

  documentClosed(uri: string): void {
    if (this.documents.delete(uri)) this.publishManifests();
  }

  /** Registers the manifest watchers with a client that supports dynamic registration. */
  watch(): void {
    this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: dependencyFileGlobs.map((globPattern) => ({ globPattern })) }).then(
      undefined,
      (error) => this.connection.console.warn(`could not watch manifests; a manifest change shows at the next edit instead: ${String(error)}`),
    );
  }

  /** Whether the changes touch a manifest, lockfile or tsconfig (outside node_modules): then the index forgets what it read. */
  filesChanged(changes: readonly FileEvent[]): boolean {
    const relevant = changes.some(({ uri }) => {
      const file = fsPathOf(uri);
      if (!file || file.split(path.sep).includes('node_modules')) return false;
      const name = path.basename(file);
      return isManifestFileName(name) || name === 'tsconfig.json' || name === 'jsconfig.json' || path.basename(path.dirname(file)) === 'requirements';
    });
    if (relevant) this.index.clear();
    return relevant;
  }

  private publishManifests(): void {
    const wanted = new Map<string, Diagnostic[]>();
    for (const { project, intel, rules } of this.documents.values()) {
      const findings = intel ? manifestFindings(project, intel, metas, rules) : undefined;
      for (const manifest of project.manifests) {
        if (wanted.has(manifest.file)) continue;
        wanted.set(manifest.file, [
          ...manifest.parsed.problems.map((p) => problemDiagnostic(p, manifest)),
          ...(findings?.get(manifest.file) ?? []).map((f) => toDiagnostic(f, 0)),
        ]);
      }
    }
    for (const [file, diagnostics] of wanted) {
      const json = JSON.stringify(diagnostics);
      if ((this.published.get(file) ?? '[]') === json) continue;
      if (diagnostics.length) this.published.set(file, json);
      else this.published.delete(file);
      void this.connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics });
    }
    for (const file of [...this.published.keys()]) {
      if (wanted.has(file)) continue;
      this.published.delete(file);
      void this.connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics: [] });
    }
  }

  /** Asks the queued questions off the analysis path; when an answer can change findings, analyses everything again. */
  private settleSoon(): void {
    if (!this.checks?.pending) return;
    if (this.settling) { this.settleAgain = true; return; }
    this.settling = true;
    setImmediate(() => {
      void this.checks!.settle().then((changed) => {
        this.settling = false;
        if (changed) this.reanalyseAll();
        else if (this.settleAgain) { this.settleAgain = false; this.settleSoon(); }
      }, (error) => {
        this.settling = false;
        this.connection.console.error(`dependency checks failed: ${(error as Error)?.stack ?? String(error)}`);
      });
    });
  }
}

/** A manifest that cannot be read: an error at the problem's position, to the end of its line. */
function problemDiagnostic(problem: ManifestProblem, manifest: ManifestFile): Diagnostic {
  const lineText = manifest.text.split(/\r?\n/)[problem.line] ?? '';
  const character = Math.min(problem.character, lineText.length);
  const end = Math.max(character, lineText.trimEnd().length);
  return {
    range: { start: { line: problem.line, character }, end: { line: problem.line, character: end } },
    severity: DiagnosticSeverity.Error,
    source: serverName,
    message: `Skeptic cannot read this manifest, so its dependency checks are off for the project: ${problem.message}.`,
  };
}

function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}
