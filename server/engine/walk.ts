// Owns choosing the files a scan (CLI or workspace) visits: the paths given, minus .gitignore'd, always-skipped and configured ignores.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageOfPath } from './languages';

const alwaysSkipped = new Set(['.git', '.hg', '.svn', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.vscode-test']);

export interface WalkOptions {
  /** Paths and ignore globs are relative to this folder (where `.skeptic.yml` lives, or the working folder). */
  readonly root: string;
  readonly ignoreGlobs: readonly string[];
  readonly useGitignore: boolean;
}

/** Absolute paths of the analysable files under `targets`, sorted, each once. */
export function collectFiles(targets: readonly string[], options: WalkOptions): string[] {
  return [...new Set(walkFiles(targets, options))].sort();
}

/**
 * Yields the analysable files under `targets` as it finds them, reading one folder per step, so a caller on an event
 * loop (the language server's workspace scan) can pause between files. A file may be yielded twice when targets overlap.
 */
export function* walkFiles(targets: readonly string[], options: WalkOptions): Generator<string> {
  const isConfiguredIgnored = configuredIgnore(options);
  function* visit(dir: string, gitignores: GitignoreStack): Generator<string> {
    const own = options.useGitignore ? readGitignore(dir) : undefined;
    const stack = own ? [...gitignores, { base: dir, rules: own }] : gitignores;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const isDir = entry.isDirectory();
      if (isDir && alwaysSkipped.has(entry.name)) continue;
      if (!isDir && !entry.isFile()) continue;
      if (isConfiguredIgnored(abs, isDir)) continue;
      if (isGitignored(abs, isDir, stack)) continue;
      if (isDir) yield* visit(abs, stack);
      else if (languageOfPath(abs)) yield abs;
    }
  }
  for (const target of targets) {
    const abs = path.resolve(target);
    const stat = fs.statSync(abs);
    // A folder named explicitly is scanned even if ignored: the ignore files above it that exclude it do not apply inside it.
    if (stat.isDirectory()) yield* visit(abs, options.useGitignore ? parentGitignores(abs).filter(({ base, rules }) => !rules.ignores(relativeTo(base, abs) + '/')) : []);
    else if (languageOfPath(abs)) yield abs; // a file named explicitly is scanned even if ignored
  }
}

/**
 * Whether a walk of `options.root` would visit `file`: the same checks for one file (a file created or changed on
 * disk), without walking its folder. False for a file outside the root.
 */
export function isWalked(file: string, options: WalkOptions): boolean {
  const rel = relativeTo(options.root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel) || !languageOfPath(file)) return false;
  const isConfiguredIgnored = configuredIgnore(options);
  const parts = rel.split('/');
  let stack: GitignoreStack = options.useGitignore ? parentGitignores(options.root).filter(({ base, rules }) => !rules.ignores(relativeTo(base, options.root) + '/')) : [];
  let dir = options.root;
  for (let i = 0; i < parts.length; i++) {
    const own = options.useGitignore ? readGitignore(dir) : undefined;
    if (own) stack = [...stack, { base: dir, rules: own }];
    const abs = path.join(dir, parts[i]);
    const isDir = i < parts.length - 1;
    if (isDir && alwaysSkipped.has(parts[i])) return false;
    if (isConfiguredIgnored(abs, isDir) || isGitignored(abs, isDir, stack)) return false;
    dir = abs;
  }
  return true;
}

type GitignoreStack = readonly { base: string; rules: Ignore }[];

function configuredIgnore(options: WalkOptions): (abs: string, dir: boolean) => boolean {
  const configured = ignore().add([...options.ignoreGlobs]);
  return (abs, dir) => {
    const rel = path.relative(options.root, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    return configured.ignores(dir ? `${rel}/` : rel);
  };
}

/**
 * As git decides: the deepest .gitignore with a pattern matching the path wins, so a nested `!pattern` re-includes
 * what a parent folder's file excluded. Folders already excluded are never entered, so parents need no check here.
 */
function isGitignored(abs: string, isDir: boolean, stack: GitignoreStack): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const verdict = stack[i].rules.test(relativeTo(stack[i].base, abs) + (isDir ? '/' : ''));
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

function relativeTo(base: string, abs: string): string {
  return path.relative(base, abs).split(path.sep).join('/');
}

// git matches case-sensitively unless the file system folds case (core.ignorecase), as on macOS and Windows.
const ignoreCase = process.platform === 'darwin' || process.platform === 'win32';

function readGitignore(dir: string): Ignore | undefined {
  try {
    return ignore({ ignorecase: ignoreCase }).add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** .gitignore files of the folders above a target, up to the repository root. */
function parentGitignores(target: string): { base: string; rules: Ignore }[] {
  const chain: { base: string; rules: Ignore }[] = [];
  if (fs.existsSync(path.join(target, '.git'))) return chain; // a repository's root: an enclosing repository's rules stop here
  let dir = path.dirname(target);
  for (let depth = 0; depth < 50; depth++) {
    const rules = readGitignore(dir);
    if (rules) chain.unshift({ base: dir, rules });
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
    dir = path.dirname(dir);
  }
  return fs.existsSync(path.join(dir, '.git')) ? chain : [];
}
