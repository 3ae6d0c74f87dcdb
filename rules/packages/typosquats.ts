// Owns deciding whether a package name is a near-miss of a popular one: edit distance, separators, `-js`/`python-` affixes, scope confusion.
import npmPopularText from '../data/npm-popular';
import pypiPopularText from '../data/pypi-popular';

export type PackageEcosystem = 'npm' | 'pypi';

/** The most-downloaded names are what a typo imitates; the rest of the list only counts as known (never flagged). */
const targetCount = 3000;

interface PopularList {
  readonly known: ReadonlySet<string>;
  readonly targets: readonly string[];
  /** Targets by their name with separators removed, to catch `reactdom` for `react-dom`. */
  readonly bySquashed: ReadonlyMap<string, string>;
  /** Unscoped targets by length, so each lookup compares only names of similar length. */
  readonly byLength: ReadonlyMap<number, readonly string[]>;
}

const lists = new Map<PackageEcosystem, PopularList>();

function listOf(ecosystem: PackageEcosystem): PopularList {
  let list = lists.get(ecosystem);
  if (list) return list;
  const names = (ecosystem === 'npm' ? npmPopularText : pypiPopularText).split('\n').filter(Boolean);
  const targets = names.slice(0, targetCount);
  const bySquashed = new Map<string, string>();
  const byLength = new Map<number, string[]>();
  for (const t of targets) {
    if (!bySquashed.has(squash(t))) bySquashed.set(squash(t), t);
    const l = byLength.get(t.length) ?? [];
    l.push(t);
    byLength.set(t.length, l);
  }
  list = { known: new Set(names), targets, bySquashed, byLength };
  lists.set(ecosystem, list);
  return list;
}

/** Whether the name is among the listed most-downloaded packages (PyPI names PEP 503-normalized). */
export function isKnownPackage(name: string, ecosystem: PackageEcosystem): boolean {
  return listOf(ecosystem).known.has(name);
}

/**
 * The popular package `name` imitates, or undefined. `name` is an npm name or a PEP 503-normalized PyPI name. A name
 * that is itself in the popular list is never a typo; short names need an exact one-edit miss.
 */
export function popularLookalikeOf(name: string, ecosystem: PackageEcosystem): string | undefined {
  const list = listOf(ecosystem);
  if (list.known.has(name) || name.length < 4) return undefined;
  const squashed = list.bySquashed.get(squash(name));
  if (squashed && squashed !== name) return squashed;
  for (const stripped of withoutAffixes(name, ecosystem)) {
    if (stripped.length >= 4 && list.targets.includes(stripped)) return stripped;
  }
  if (ecosystem === 'npm' && !name.startsWith('@')) {
    // Scope confusion: `babel-core`-style spellings of `@babel/core` (when the unscoped name is unknown).
    const scoped = list.targets.find((t) => t.startsWith('@') && (t.slice(1).replace('/', '-') === name || t.slice(1).replace('/', '') === name));
    if (scoped) return scoped;
  }
  const maxDistance = name.length >= 10 ? 2 : 1;
  for (let len = name.length - maxDistance; len <= name.length + maxDistance; len++) {
    for (const target of list.byLength.get(len) ?? []) {
      if (target.length < 4 || target.startsWith('@') !== name.startsWith('@')) continue;
      const allowed = Math.min(maxDistance, target.length >= 10 ? 2 : 1);
      if (distanceAtMost(name, target, allowed)) return target;
    }
  }
  return undefined;
}

function squash(name: string): string {
  return name.replace(/[-_.]/g, '');
}

function withoutAffixes(name: string, ecosystem: PackageEcosystem): string[] {
  const affixes = ecosystem === 'npm'
    ? [/^node-(.+)$/, /^(.+)-node$/, /^(.+?)[-.]?js$/, /^js-(.+)$/, /^(.+)-npm$/]
    : [/^python-?(.+)$/, /^(.+)-python$/, /^py-?(.+)$/, /^(.+?)-?py$/, /^(.+)-lib$/];
  return affixes.map((a) => a.exec(name)?.[1]).filter((s): s is string => !!s && s !== name);
}

/** Damerau-Levenshtein (optimal string alignment) distance ≤ max, with an early exit per row. */
function distanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2] + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] <= max;
}
