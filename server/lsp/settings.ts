// Owns the editor settings (`skeptic.*`): validating what the client sends, defaults for bad keys, and the per-resource cache.
import { editDistance, type AnalysisOptions } from '../engine';
import { defaultSettings, type DependencySettings, type InsertOrigin, type ProvenanceSettings, type RuleSetting, type SkepticSettings } from '../../shared/protocol';

const ruleSettings: readonly RuleSetting[] = ['off', 'error', 'warning', 'info'];

export interface ValidatedSettings {
  readonly settings: SkepticSettings;
  /** One sentence per bad key; the key got its default (or its bad entries were dropped). */
  readonly problems: readonly string[];
}

/** Validates a `skeptic` settings section. Keys the server does not own (`trace`) are ignored. */
export function validateSettings(raw: unknown, knownRules: ReadonlySet<string>): ValidatedSettings {
  if (raw === null || raw === undefined) return { settings: defaultSettings, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: defaultSettings, problems: [`skeptic settings must be an object, got ${describe(raw)}`] };
  }
  const input = raw as Record<string, unknown>;
  const problems: string[] = [];
  const pick = picker(input, 'skeptic', defaultSettings, problems);
  const enable = pick('enable', (v): v is boolean => typeof v === 'boolean', 'true or false');
  const maxFileSize = pick('maxFileSize', (v): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0, 'a positive whole number of bytes');
  const debounceMs = pick('debounceMs', (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 10_000, 'a number of milliseconds from 0 to 10000');
  const ignoreValue = pick('ignore', (v): v is unknown[] => Array.isArray(v), 'a list of glob strings');
  const ignore = ignoreValue.filter((glob): glob is string => typeof glob === 'string');
  if (ignore.length !== ignoreValue.length) problems.push('skeptic.ignore must contain only glob strings; the other entries were dropped');
  const rulesValue = pick('rules', (v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v), 'an object mapping rule ids to off, error, warning or info');
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(rulesValue)) {
    if (!knownRules.has(id)) problems.push(`skeptic.rules: unknown rule id "${id}"${suggestRule(id, knownRules)}`);
    else if (!(ruleSettings as unknown[]).includes(setting)) problems.push(`skeptic.rules.${id} must be off, error, warning or info, got ${describe(setting)}`);
    else rules[id] = setting as RuleSetting;
  }
  const dependencies = validateDependencySettings(input.dependencies, problems);
  const scope = pick('scope', (v): v is SkepticSettings['scope'] => v === 'all' || v === 'inserted', 'all or inserted');
  const provenance = validateProvenanceSettings(input.provenance, problems);
  return { settings: { enable, rules, ignore, maxFileSize, debounceMs, dependencies, scope, provenance }, problems };
}

/** `skeptic.dependencies.*`: booleans, and endpoints that must be absolute http(s) URLs (a bad one keeps the public default). */
function validateDependencySettings(raw: unknown, problems: string[]): DependencySettings {
  const defaults = defaultSettings.dependencies;
  const input = groupOf(raw, 'dependencies', problems);
  if (!input) return defaults;
  const pick = picker(input, 'skeptic.dependencies', defaults, problems);
  const flag = (key: 'checkRegistry' | 'checkVulnerabilities'): boolean => pick(key, (v): v is boolean => typeof v === 'boolean', 'true or false');
  const endpoint = (key: 'npmRegistry' | 'pypiUrl' | 'osvUrl'): string => {
    if (input[key] === '') return defaults[key];
    const url = pick(key, (v): v is string => typeof v === 'string' && isHttpUrl(v.trim()), 'an http:// or https:// URL');
    return url.trim().replace(/\/+$/, '');
  };
  return {
    checkRegistry: flag('checkRegistry'),
    checkVulnerabilities: flag('checkVulnerabilities'),
    npmRegistry: endpoint('npmRegistry'),
    pypiUrl: endpoint('pypiUrl'),
    osvUrl: endpoint('osvUrl'),
  };
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/]+/i.test(value)) return false;
  try { new URL(value); return true; } catch { return false; }
}

const insertOrigins: readonly InsertOrigin[] = ['inline-completion', 'ai-edit', 'paste'];

/** `skeptic.provenance.*`: a bad value keeps its default and is reported. */
function validateProvenanceSettings(raw: unknown, problems: string[]): ProvenanceSettings {
  const defaults = defaultSettings.provenance;
  const input = groupOf(raw, 'provenance', problems);
  if (!input) return defaults;
  const pick = picker(input, 'skeptic.provenance', defaults, problems);
  const originsValue = pick('origins', (v): v is readonly InsertOrigin[] => Array.isArray(v), 'a list of origins (inline-completion, ai-edit, paste)');
  const origins = originsValue.filter((o): o is InsertOrigin => (insertOrigins as unknown[]).includes(o));
  if (origins.length !== originsValue.length) problems.push(`skeptic.provenance.origins may hold only ${insertOrigins.join(', ')}; the other entries were dropped`);
  return {
    origins,
    minLines: pick('minLines', (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10_000, 'a whole number of lines from 1'),
    raiseSeverity: pick('raiseSeverity', (v): v is boolean => typeof v === 'boolean', 'true or false'),
    storage: pick('storage', (v): v is ProvenanceSettings['storage'] => v === 'workspace' || v === 'ledger', 'workspace or ledger'),
    reviewer: pick('reviewer', (v): v is string => typeof v === 'string', 'a name (text)').trim(),
  };
}

/**
 * Reads the keys of one settings object: a missing value gets its default, and so does a bad one, which is reported
 * as `<prefix>.<key>`.
 */
function picker<T extends object>(input: Record<string, unknown>, prefix: string, defaults: T, problems: string[]) {
  return <K extends keyof T & string, V>(key: K, valid: (v: unknown) => v is V, expected: string): V => {
    const value = input[key];
    if (value === undefined || value === null) return defaults[key] as unknown as V;
    if (valid(value)) return value;
    problems.push(`${prefix}.${key} must be ${expected}, got ${describe(value)}`);
    return defaults[key] as unknown as V;
  };
}

/** A group of settings (`skeptic.provenance`): its object; undefined when absent, or not an object (reported). */
function groupOf(raw: unknown, name: string, problems: string[]): Record<string, unknown> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
  problems.push(`skeptic.${name} must be an object, got ${describe(raw)}`);
  return undefined;
}

/**
 * The settings' layer of analysis options, to merge over `.skeptic.yml`. Editors report every setting, defaults
 * included, so a maxFileSize left at its default must not override the project's.
 */
export function settingsLayer(settings: SkepticSettings): Partial<AnalysisOptions> {
  return {
    rules: settings.rules,
    ignore: settings.ignore,
    ...(settings.maxFileSize !== defaultSettings.maxFileSize ? { maxFileSize: settings.maxFileSize } : {}),
  };
}

/** The message shown once per distinct set of problems. */
export function formatSettingsProblems(problems: readonly string[]): string {
  return `Skeptic: invalid settings, defaults used instead: ${problems.join('; ')}.`;
}

function suggestRule(id: string, known: ReadonlySet<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) { best = candidate; bestDistance = d; }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * Settings per resource, as `workspace/configuration` answers them. Entries are promises so concurrent analyses
 * of one document share one request; `clear` on `workspace/didChangeConfiguration`.
 */
export class SettingsCache {
  private readonly entries = new Map<string, Promise<SkepticSettings>>();

  constructor(private readonly fetch: (uri: string) => Promise<SkepticSettings>) {}

  get(uri: string): Promise<SkepticSettings> {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = this.fetch(uri);
      this.entries.set(uri, entry);
      // A failed request must not stick: the next analysis asks again.
      entry.catch(() => { if (this.entries.get(uri) === entry) this.entries.delete(uri); });
    }
    return entry;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
