// Owns choosing the files a scan visits: the paths given, minus .gitignore'd, always-skipped and configured ignores.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageOfPath } from '../engine/languages';

const alwaysSkipped = new Set(['.git', '.hg', '.svn', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.vscode-test']);

export interface WalkOptions {
  /** Paths and ignore globs are relative to this folder (where `.skeptic.yml` lives, or the working folder). */
  readonly root: string;
  readonly ignoreGlobs: readonly string[];
  readonly useGitignore: boolean;
}

/** Yields absolute paths of the analysable files under `targets`, sorted, each once. */
export function collectFiles(targets: readonly string[], options: WalkOptions): string[] {
  const configured = ignore().add([...options.ignoreGlobs]);
  const found = new Set<string>();
  const isConfiguredIgnored = (abs: string, dir: boolean): boolean => {
    const rel = path.relative(options.root, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    return configured.ignores(dir ? `${rel}/` : rel);
  };
  const visit = (dir: string, gitignores: { base: string; rules: Ignore }[]): void => {
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
      if (isDir) visit(abs, stack);
      else if (languageOfPath(abs)) found.add(abs);
    }
  };
  for (const target of targets) {
    const abs = path.resolve(target);
    const stat = fs.statSync(abs);
    // A folder named explicitly is scanned even if ignored: the ignore files above it that exclude it do not apply inside it.
    if (stat.isDirectory()) visit(abs, options.useGitignore ? parentGitignores(abs).filter(({ base, rules }) => !rules.ignores(relativeTo(base, abs) + '/')) : []);
    else if (languageOfPath(abs)) found.add(abs); // a file named explicitly is scanned even if ignored
  }
  return [...found].sort();
}

/**
 * As git decides: the deepest .gitignore with a pattern matching the path wins, so a nested `!pattern` re-includes
 * what a parent folder's file excluded. Folders already excluded are never entered, so parents need no check here.
 */
function isGitignored(abs: string, isDir: boolean, stack: readonly { base: string; rules: Ignore }[]): boolean {
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
