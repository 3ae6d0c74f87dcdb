// Owns the editor settings (`skeptic.*`): validating what the client sends, defaults for bad keys, and the per-resource cache.
import { editDistance, type AnalysisOptions } from '../engine';
import { defaultSettings, type InsertOrigin, type RuleSetting, type SkepticSettings } from '../../shared/protocol';

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
  const pick = <T>(key: keyof SkepticSettings, valid: (v: unknown) => v is T, expected: string): T => {
    const value = valueAt(input, key);
    if (value === undefined || value === null) return defaultSettings[key] as T;
    if (valid(value)) return value;
    problems.push(`skeptic.${key} must be ${expected}, got ${describe(value)}`);
    return defaultSettings[key] as T;
  };
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
  const scope = pick('scope', (v): v is SkepticSettings['scope'] => v === 'all' || v === 'inserted', 'all or inserted');
  const originsValue = pick('provenance.origins', (v): v is unknown[] => Array.isArray(v), 'a list of origins (inline-completion, ai-edit, paste)');
  const origins = originsValue.filter((o): o is InsertOrigin => (insertOrigins as unknown[]).includes(o));
  if (origins.length !== originsValue.length) problems.push(`skeptic.provenance.origins may hold only ${insertOrigins.join(', ')}; the other entries were dropped`);
  const provenance = {
    'provenance.origins': origins,
    'provenance.minLines': pick('provenance.minLines', (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10_000, 'a whole number of lines from 1'),
    'provenance.raiseSeverity': pick('provenance.raiseSeverity', (v): v is boolean => typeof v === 'boolean', 'true or false'),
    'provenance.storage': pick('provenance.storage', (v): v is SkepticSettings['provenance.storage'] => v === 'workspace' || v === 'ledger', 'workspace or ledger'),
    'provenance.reviewer': pick('provenance.reviewer', (v): v is string => typeof v === 'string', 'a name (text)').trim(),
  };
  return { settings: { enable, rules, ignore, maxFileSize, debounceMs, scope, ...provenance }, problems };
}

const insertOrigins: readonly InsertOrigin[] = ['inline-completion', 'ai-edit', 'paste'];

/** A setting by its dotted key: flat (`provenance.origins`) or nested as workspace/configuration sends it. */
function valueAt(input: Record<string, unknown>, key: string): unknown {
  if (key in input) return input[key];
  let value: unknown = input;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
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
