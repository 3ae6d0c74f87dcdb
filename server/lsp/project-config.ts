// Owns the project layer: which folder a document belongs to, its `.skeptic.yml` (cached, re-read on change), and what an untrusted workspace may not do.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { configFileName, parseConfig, type AnalysisOptions, type ConfigProblem, type RuleMeta } from '../engine';

export interface ProjectConfig {
  /** The folder ignore globs are relative to. */
  readonly root: string;
  /** The `.skeptic.yml` path, whether or not it exists. */
  readonly file: string;
  readonly exists: boolean;
  readonly options: Partial<AnalysisOptions>;
  readonly problems: readonly ConfigProblem[];
  /** The file's text when it has problems (for diagnostic ranges). */
  readonly text?: string;
}

interface Entry {
  readonly config: ProjectConfig;
  readonly mtimeMs: number;
}

export class ProjectConfigs {
  private workspaceFolders: string[] = [];
  private readonly entries = new Map<string, Entry>();
  /** When the client watches `.skeptic.yml` for us, a cached entry stays valid until it says otherwise. */
  watched = false;

  constructor(
    private readonly knownRules: ReadonlySet<string>,
    /** Called whenever a config file is (re)read, so its problems can be published or cleared. */
    private readonly onRead: (config: ProjectConfig) => void,
  ) {}

  /** The workspace folders' paths, longest first. */
  get folders(): readonly string[] {
    return this.workspaceFolders;
  }

  setWorkspaceFolders(folders: readonly string[]): void {
    // Longest first: a document belongs to the innermost folder containing it.
    this.workspaceFolders = [...folders].sort((a, b) => b.length - a.length);
  }

  /** The project root of a file: its workspace folder, else the nearest folder above it with `.skeptic.yml` or `.git`. */
  rootOf(filePath: string): string | undefined {
    for (const folder of this.workspaceFolders) {
      const rel = path.relative(folder, filePath);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return folder;
    }
    for (let dir = path.dirname(filePath), depth = 0; depth < 64; dir = path.dirname(dir), depth++) {
      if (fs.existsSync(path.join(dir, configFileName)) || fs.existsSync(path.join(dir, '.git'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
    return undefined;
  }

  get(root: string): ProjectConfig {
    const file = path.join(root, configFileName);
    const cached = this.entries.get(root);
    if (cached && (this.watched || mtimeOf(file) === cached.mtimeMs)) return cached.config;
    const entry = this.read(root, file);
    this.entries.set(root, entry);
    this.onRead(entry.config);
    return entry.config;
  }

  /** Forgets a changed, created or deleted `.skeptic.yml`; returns whether any cached project used it. */
  invalidate(file: string): boolean {
    const root = path.dirname(file);
    const had = this.entries.has(root);
    if (had) {
      this.entries.delete(root);
      // Re-read now so problems appear (or clear) even if no open document belongs to the project.
      this.get(root);
    }
    return had;
  }

  private read(root: string, file: string): Entry {
    let text: string;
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return { config: { root, file, exists: false, options: {}, problems: [] }, mtimeMs: -1 };
    }
    const { options, problems } = parseConfig(text, file, this.knownRules);
    return { config: { root, file, exists: true, options, problems, ...(problems.length ? { text } : {}) }, mtimeMs };
  }
}

function mtimeOf(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

const severityRank = { info: 0, warning: 1, error: 2 } as const;

/**
 * What an untrusted workspace's `.skeptic.yml` may still set: nothing that silences a rule. Raised severities
 * and a larger size limit stay; `off`, downgrades, ignore globs and a smaller limit go.
 */
export function restrictUntrusted(options: Partial<AnalysisOptions>, metas: readonly RuleMeta[], defaultMaxFileSize: number): Partial<AnalysisOptions> {
  const defaults = new Map(metas.map((m) => [m.id, m.severity]));
  const rules: Record<string, 'error' | 'warning' | 'info'> = {};
  for (const [id, setting] of Object.entries(options.rules ?? {})) {
    const base = defaults.get(id);
    if (setting !== 'off' && base && severityRank[setting] > severityRank[base]) rules[id] = setting;
  }
  return {
    rules,
    ...(options.maxFileSize !== undefined && options.maxFileSize > defaultMaxFileSize ? { maxFileSize: options.maxFileSize } : {}),
  };
}

/** Gitignore-style matching of a file against globs relative to its project root, as the CLI's walk does. */
export class IgnoreMatcher {
  private readonly cache = new Map<string, Ignore>();

  ignores(globs: readonly string[], root: string | undefined, filePath: string): boolean {
    if (globs.length === 0 || !root) return false;
    const rel = path.relative(root, filePath).split(path.sep).join('/');
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const key = globs.join('\0');
    let matcher = this.cache.get(key);
    if (!matcher) {
      if (this.cache.size > 32) this.cache.clear();
      matcher = ignore().add([...globs]);
      this.cache.set(key, matcher);
    }
    return matcher.ignores(rel);
  }
}
