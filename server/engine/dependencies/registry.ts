// Owns asking the package registries (npm, PyPI) whether packages exist and the OSV database which advisories affect a version: de-duplicated, few at a time, time-limited requests behind a disk cache with a time-to-live.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Advisory, PackageIntel } from '../../../rules/api';
import { isKnownPackage } from '../../../rules/packages/typosquats';
import type { Ecosystem } from './manifests';

/** What the user allowed to leave the machine, and where it goes (`skeptic.dependencies.*`, CLI flags). */
export interface PackageCheckSettings {
  readonly checkRegistry: boolean;
  readonly checkVulnerabilities: boolean;
  /** e.g. `https://registry.npmjs.org` */
  readonly npmRegistry: string;
  /** e.g. `https://pypi.org` (serving `/pypi/<name>/json`) */
  readonly pypiUrl: string;
  /** e.g. `https://api.osv.dev` (serving `/v1/query`) */
  readonly osvUrl: string;
}

export interface PackageChecksOptions {
  /** Folder of the disk cache; absent: answers live in memory only. */
  readonly cacheFolder?: string;
  /** Per request, answer body included. */
  readonly timeoutMs?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
  /** One line per failed round of requests, never per keystroke. */
  readonly log?: (line: string) => void;
  /** Answers to start from (another thread's `exportAnswers`), besides the disk cache. */
  readonly answers?: readonly (readonly [string, CacheEntry])[];
}

/** A question the rules raised, as plain data: a thread that cannot ask hands it to one that can. */
export type PackageQuestion =
  | { readonly kind: 'exists'; readonly ecosystem: Ecosystem; readonly name: string }
  | { readonly kind: 'advisories'; readonly ecosystem: Ecosystem; readonly name: string; readonly version: string };

/** How long answers stay fresh: a package appears on the registry sooner than one disappears, advisories change daily. */
export const answerLifetimes = {
  exists: 24 * 3600_000,
  missing: 3600_000,
  advisories: 6 * 3600_000,
  noAdvisories: 3 * 3600_000,
} as const;
/** A question whose request failed is not asked again sooner than this. */
const retryAfterFailureMs = 60_000;
const cacheFileName = 'package-checks.json';
const cacheFormat = 1;
const maxCacheEntries = 20_000;

type Answer = 'exists' | 'missing' | readonly Advisory[];
/** A cached answer and when it expires (ms since the epoch). */
export interface CacheEntry { readonly v: Answer; readonly t: number }

interface Question {
  readonly key: string;
  readonly spec: PackageQuestion;
  readonly describe: string;
  readonly origin: string;
  readonly ask: (signal: AbortSignal) => Promise<Answer>;
}

/** The OS's cache folder for Skeptic: `$XDG_CACHE_HOME/skeptic`, `~/Library/Caches/skeptic`, `%LOCALAPPDATA%\skeptic\Cache`. */
export function defaultCacheFolder(): string {
  if (process.env.XDG_CACHE_HOME) return path.join(process.env.XDG_CACHE_HOME, 'skeptic');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'skeptic');
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'skeptic', 'Cache');
  return path.join(os.homedir(), '.cache', 'skeptic');
}

const npmNamePattern = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9_][\w.-]*$/i;
const pypiNamePattern = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/**
 * Answers about packages for the rules, synchronously from what is known, while unknown questions queue for `settle`.
 * Only a definite 404 makes a package missing; timeouts, 5xx, refused connections and malformed answers make nothing.
 */
export class PackageChecks {
  private readonly answers = new Map<string, CacheEntry>();
  private readonly queued = new Map<string, Question>();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private readonly failedAt = new Map<string, number>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private generation = 0;
  private loaded = false;
  private dirty = false;
  /** Requests made (not answered from the cache): for logs and tests. */
  requests = 0;

  constructor(private readonly options: PackageChecksOptions = {}) {
    for (const [key, entry] of options.answers ?? []) if (isCacheEntry(entry)) this.answers.set(key, entry);
  }

  /** The rules' view for one set of settings; undefined when neither check is on. */
  intel(settings: PackageCheckSettings): PackageIntel | undefined {
    if (!settings.checkRegistry && !settings.checkVulnerabilities) return undefined;
    const checks = this;
    return {
      isMissing: (ecosystem, name) => settings.checkRegistry && this.existence(settings, ecosystem, name) === 'missing',
      advisoriesOf: (ecosystem, name, version) => (settings.checkVulnerabilities ? this.advisories(settings, ecosystem, name, version) : []),
      get key() { return `${settings.checkRegistry ? 'r' : ''}${settings.checkVulnerabilities ? 'v' : ''}${checks.generation}`; },
    };
  }

  /** Removes and returns the questions waiting for `settle`, for a thread that cannot ask them itself. */
  takeQueued(): PackageQuestion[] {
    const specs = [...this.queued.values()].map((q) => q.spec);
    this.queued.clear();
    return specs;
  }

  /** Queues another thread's question (unless it is answered already). */
  enqueue(settings: PackageCheckSettings, question: PackageQuestion): void {
    if (question.kind === 'exists') this.existence(settings, question.ecosystem, question.name);
    else this.advisories(settings, question.ecosystem, question.name, question.version);
  }

  /** Every answer known, fresh or stale, to seed another thread's instance. */
  exportAnswers(): [string, CacheEntry][] {
    this.load();
    return [...this.answers];
  }

  /** Whether questions wait for `settle`. */
  get pending(): boolean {
    return this.queued.size > 0;
  }

  /**
   * Asks every queued question. Resolves to true when an answer arrived that can change findings (a missing package,
   * advisories, or such an answer gone); never rejects.
   */
  async settle(): Promise<boolean> {
    const questions = [...this.queued.values()];
    this.queued.clear();
    const failures: { question: Question; reason: string }[] = [];
    const results = await Promise.all(questions.map((q) => this.askOnce(q, failures)));
    if (failures.length) this.logFailures(failures);
    if (this.dirty) this.save();
    const changed = results.some(Boolean);
    if (changed) this.generation++;
    return changed;
  }

  private existence(settings: PackageCheckSettings, ecosystem: Ecosystem, name: string): 'exists' | 'missing' | undefined {
    // The bundled popular lists answer for the most-used names: those never leave the machine.
    if (isKnownPackage(name, ecosystem)) return 'exists';
    if (!(ecosystem === 'npm' ? npmNamePattern : pypiNamePattern).test(name)) return undefined;
    const base = ecosystem === 'npm' ? settings.npmRegistry : settings.pypiUrl;
    const key = `exists ${base} ${ecosystem} ${name}`;
    const url = ecosystem === 'npm' ? `${base}/${name.replace('/', '%2F')}` : `${base}/pypi/${encodeURIComponent(name)}/json`;
    const answer = this.lookup(key, () => ({
      key, origin: base, describe: name, spec: { kind: 'exists', ecosystem, name },
      ask: async (signal) => {
        const response = await fetch(url, { signal, headers: { accept: ecosystem === 'npm' ? 'application/vnd.npm.install-v1+json' : 'application/json' } });
        // Only the status matters; a 200 that is not the registry's JSON (a captive portal) still cannot prove absence.
        await response.body?.cancel().catch(() => undefined);
        if (response.status === 404) return 'missing';
        if (response.ok) return 'exists';
        throw new Error(`HTTP ${response.status}`);
      },
    }));
    return answer === undefined ? undefined : answer === 'missing' ? 'missing' : 'exists';
  }

  private advisories(settings: PackageCheckSettings, ecosystem: Ecosystem, name: string, version: string): readonly Advisory[] {
    if (!/^\d[\w.+-]*$/.test(version) || !(ecosystem === 'npm' ? npmNamePattern : pypiNamePattern).test(name)) return [];
    const base = settings.osvUrl;
    const key = `osv ${base} ${ecosystem} ${name} ${version}`;
    const answer = this.lookup(key, () => ({
      key, origin: base, describe: `${name}@${version}`, spec: { kind: 'advisories', ecosystem, name, version },
      ask: async (signal) => {
        const response = await fetch(`${base}/v1/query`, {
          method: 'POST', signal,
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ version, package: { name, ecosystem: ecosystem === 'npm' ? 'npm' : 'PyPI' } }),
        });
        if (!response.ok) { await response.body?.cancel().catch(() => undefined); throw new Error(`HTTP ${response.status}`); }
        let json: unknown;
        try { json = JSON.parse(await response.text()); } catch { throw new Error('the answer is not JSON'); }
        return readOsvAnswer(json, ecosystem, name, version);
      },
    }));
    return Array.isArray(answer) ? answer : [];
  }

  /** A fresh answer; else the stale one (asked again), or undefined (asked). */
  private lookup(key: string, question: () => Question): Answer | undefined {
    this.load();
    const entry = this.answers.get(key);
    if (entry && entry.t > Date.now()) return entry.v;
    const failed = this.failedAt.get(key);
    if (!this.inFlight.has(key) && !this.queued.has(key) && !(failed !== undefined && Date.now() - failed < retryAfterFailureMs)) {
      this.queued.set(key, question());
    }
    return entry?.v;
  }

  private askOnce(question: Question, failures: { question: Question; reason: string }[]): Promise<boolean> {
    let running = this.inFlight.get(question.key);
    if (running) return running.then(() => false);
    running = this.ask(question, failures).finally(() => this.inFlight.delete(question.key));
    this.inFlight.set(question.key, running);
    return running;
  }

  private async ask(question: Question, failures: { question: Question; reason: string }[]): Promise<boolean> {
    await this.slot();
    const timeoutMs = this.options.timeoutMs ?? 3000;
    try {
      this.requests++;
      const answer = await question.ask(AbortSignal.timeout(timeoutMs));
      const previous = this.answers.get(question.key)?.v;
      this.answers.set(question.key, { v: answer, t: Date.now() + lifetimeOf(answer) });
      this.failedAt.delete(question.key);
      this.dirty = true;
      return (meaningful(answer) || (previous !== undefined && meaningful(previous))) && JSON.stringify(previous) !== JSON.stringify(answer);
    } catch (error) {
      this.failedAt.set(question.key, Date.now());
      const reason = (error as Error)?.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : describeError(error);
      failures.push({ question, reason });
      return false;
    } finally {
      this.release();
    }
  }

  private async slot(): Promise<void> {
    if (this.running < (this.options.concurrency ?? 4)) { this.running++; return; }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private logFailures(failures: readonly { question: Question; reason: string }[]): void {
    const byOrigin = new Map<string, { names: string[]; reasons: Set<string> }>();
    for (const { question, reason } of failures) {
      const entry = byOrigin.get(question.origin) ?? { names: [], reasons: new Set<string>() };
      entry.names.push(question.describe);
      entry.reasons.add(reason);
      byOrigin.set(question.origin, entry);
    }
    for (const [origin, { names, reasons }] of byOrigin) {
      const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, and ${names.length - 5} more` : '');
      this.options.log?.(`could not ask ${origin} about ${shown} (${[...reasons].join('; ')}): no finding for them; asked again in a minute or more`);
    }
  }

  private cacheFile(): string | undefined {
    return this.options.cacheFolder && path.join(this.options.cacheFolder, cacheFileName);
  }

  /** Reads the disk cache once; an unreadable or corrupt one is ignored (and replaced on the next save). */
  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    for (const [key, entry] of this.readDisk()) if (!this.answers.has(key)) this.answers.set(key, entry);
  }

  private readDisk(): [string, CacheEntry][] {
    const file = this.cacheFile();
    if (!file) return [];
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch { return []; }
    try {
      const json = JSON.parse(text) as { format?: unknown; entries?: unknown };
      if (json.format !== cacheFormat || typeof json.entries !== 'object' || json.entries === null) throw new Error('unknown format');
      return Object.entries(json.entries as Record<string, CacheEntry>).filter(([, e]) => isCacheEntry(e));
    } catch (error) {
      this.options.log?.(`ignored the package cache ${file}, which cannot be read (${describeError(error)}); it will be rewritten`);
      return [];
    }
  }

  /** Merges with what another process wrote meanwhile, drops expired answers, writes atomically (a temporary file renamed). */
  private save(): void {
    const file = this.cacheFile();
    this.dirty = false;
    if (!file) return;
    const now = Date.now();
    const merged = new Map<string, CacheEntry>();
    for (const [key, entry] of this.readDisk()) if (entry.t > now) merged.set(key, entry);
    for (const [key, entry] of this.answers) if (entry.t > now && (merged.get(key)?.t ?? 0) <= entry.t) merged.set(key, entry);
    const entries = [...merged].sort((a, b) => b[1].t - a[1].t).slice(0, maxCacheEntries);
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify({ format: cacheFormat, entries: Object.fromEntries(entries) }));
      fs.renameSync(temporary, file);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      this.options.log?.(`could not write the package cache ${file} (${describeError(error)}); answers are kept in memory`);
    }
  }
}

function meaningful(answer: Answer): boolean {
  return answer === 'missing' || (Array.isArray(answer) && answer.length > 0);
}

function lifetimeOf(answer: Answer): number {
  if (answer === 'exists') return answerLifetimes.exists;
  if (answer === 'missing') return answerLifetimes.missing;
  return answer.length ? answerLifetimes.advisories : answerLifetimes.noAdvisories;
}

function isCacheEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { v, t } = value as { v?: unknown; t?: unknown };
  return typeof t === 'number' && (v === 'exists' || v === 'missing' || (Array.isArray(v) && v.every((a) => typeof a?.id === 'string')));
}

function describeError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}

/** An OSV `/v1/query` answer's advisories; throws on a shape that is not OSV's (so it counts as a failure, not as "none"). */
export function readOsvAnswer(json: unknown, ecosystem: Ecosystem, name: string, version: string): readonly Advisory[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('the answer is not an OSV result');
  const vulns = (json as { vulns?: unknown }).vulns;
  if (vulns === undefined) return [];
  if (!Array.isArray(vulns)) throw new Error('the answer\'s vulns is not a list');
  const advisories: Advisory[] = [];
  for (const vuln of vulns) {
    if (typeof vuln !== 'object' || vuln === null || typeof vuln.id !== 'string' || vuln.withdrawn) continue;
    const aliases = (Array.isArray(vuln.aliases) ? vuln.aliases : []).filter((a: unknown): a is string => typeof a === 'string');
    const summary = typeof vuln.summary === 'string' && vuln.summary.trim() ? vuln.summary.trim()
      : typeof vuln.details === 'string' ? vuln.details.trim().split(/(?<=\.)\s|\n/)[0].slice(0, 160) : '';
    const rawSeverity = String(vuln.database_specific?.severity ?? '').toLowerCase();
    const severity = (['low', 'moderate', 'high', 'critical'] as const).find((s) => s === rawSeverity || (s === 'moderate' && rawSeverity === 'medium'));
    const fixed = fixedVersionOf(vuln.affected, ecosystem, name, version);
    advisories.push({
      id: vuln.id,
      aliases: [...aliases.filter((a: string) => a.startsWith('CVE-')), ...aliases.filter((a: string) => !a.startsWith('CVE-'))],
      summary,
      ...(fixed ? { fixed } : {}),
      ...(severity ? { severity } : {}),
    });
  }
  return advisories;
}

/** The lowest `fixed` event above `version` among the advisory's ranges for this package. */
function fixedVersionOf(affected: unknown, ecosystem: Ecosystem, name: string, version: string): string | undefined {
  if (!Array.isArray(affected)) return undefined;
  const same = (n: unknown): boolean => typeof n === 'string' && (ecosystem === 'pypi' ? n.toLowerCase().replace(/[-_.]+/g, '-') === name : n === name);
  let best: string | undefined;
  for (const entry of affected) {
    if (!same(entry?.package?.name)) continue;
    for (const range of Array.isArray(entry.ranges) ? entry.ranges : []) {
      for (const event of Array.isArray(range?.events) ? range.events : []) {
        const fixed = event?.fixed;
        if (typeof fixed !== 'string' || compareVersions(fixed, version) <= 0) continue;
        if (!best || compareVersions(fixed, best) < 0) best = fixed;
      }
    }
  }
  return best;
}

/** Dotted versions compared part by part, numbers as numbers (`4.17.21` > `4.17.3`); enough to pick a fix version. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const d = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return 0;
}
