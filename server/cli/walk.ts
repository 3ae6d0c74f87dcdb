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
      if (stack.some(({ base, rules }) => rules.ignores(path.relative(base, abs).split(path.sep).join('/') + (isDir ? '/' : '')))) continue;
      if (isDir) visit(abs, stack);
      else if (languageOfPath(abs)) found.add(abs);
    }
  };
  for (const target of targets) {
    const abs = path.resolve(target);
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) visit(abs, options.useGitignore ? parentGitignores(abs) : []);
    else if (languageOfPath(abs)) found.add(abs); // a file named explicitly is scanned even if ignored
  }
  return [...found].sort();
}

function readGitignore(dir: string): Ignore | undefined {
  try {
    return ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** .gitignore files of the folders above a target, up to the repository root. */
function parentGitignores(target: string): { base: string; rules: Ignore }[] {
  const chain: { base: string; rules: Ignore }[] = [];
  let dir = path.dirname(target);
  for (let depth = 0; depth < 50; depth++) {
    const rules = readGitignore(dir);
    if (rules) chain.unshift({ base: dir, rules });
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
    dir = path.dirname(dir);
  }
  return fs.existsSync(path.join(dir, '.git')) ? chain : [];
}
