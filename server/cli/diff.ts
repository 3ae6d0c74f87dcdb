// Owns `--diff <rev>`: which lines of which files git says were added or changed since a revision, untracked files included.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export class DiffError extends Error {}

/** Per absolute file path, the 1-based inclusive line ranges that are new; `all` for untracked files. */
export type ChangedLines = Map<string, readonly (readonly [number, number])[] | 'all'>;

export function changedLinesSince(rev: string, cwd: string): ChangedLines {
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (top.status !== 0) throw new DiffError(`--diff needs a git repository, and ${cwd} is not inside one`);
  const root = top.stdout.trim();
  if (rev.startsWith('-') || git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], root).status !== 0) throw new DiffError(`--diff: unknown git revision \`${rev}\``);
  // Fixed prefixes and no external diff: the user's git configuration must not change what is parsed.
  const diff = git(['-c', 'core.quotepath=off', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', '--src-prefix=a/', '--dst-prefix=b/', rev, '--'], root);
  if (diff.status !== 0) throw new DiffError(`--diff: git diff ${rev} failed: ${diff.stderr.trim()}`);
  const changed: ChangedLines = parseUnifiedDiff(diff.stdout, root);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  if (untracked.status !== 0) throw new DiffError(`--diff: git ls-files failed: ${untracked.stderr.trim()}`);
  for (const file of untracked.stdout.split('\0')) if (file) changed.set(path.join(root, file), 'all');
  return changed;
}

/** Parses `git diff --unified=0` output: each hunk's `+start,count` is a run of added or changed lines in the new file. */
export function parseUnifiedDiff(text: string, root: string): Map<string, [number, number][]> {
  const changed = new Map<string, [number, number][]>();
  let current: [number, number][] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = unquote(line.slice(4));
      current = name.startsWith('b/') ? [] : undefined; // `/dev/null`: a deleted file has no new lines
      if (current) changed.set(path.join(root, name.slice(2)), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      if (count > 0) current.push([start, start + count - 1]);
    }
  }
  for (const [file, ranges] of changed) if (!ranges.length) changed.delete(file);
  return changed;
}

export function isChangedLine(changed: ChangedLines, absolutePath: string, line: number): boolean {
  const ranges = changed.get(absolutePath);
  if (!ranges) return false;
  return ranges === 'all' || ranges.some(([from, to]) => line >= from && line <= to);
}

/** git quotes names with control characters or quotes C-style even with core.quotepath off. */
function unquote(name: string): string {
  if (!name.startsWith('"')) return name.replace(/\t$/, '');
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 1; i < name.length - 1; i++) {
    const c = name[i];
    if (c !== '\\') { bytes.push(...Buffer.from(c, 'utf8')); continue; }
    const next = name[++i];
    if (/[0-7]/.test(next)) { bytes.push(parseInt(name.slice(i, i + 3), 8)); i += 2; } else bytes.push(escapes[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

function git(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new DiffError(`--diff needs git on the PATH (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
