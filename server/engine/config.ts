// Owns `.skeptic.yml`: reading, validating with file/line messages, and merging it with other layers into analysis options.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Severity } from '../../rules/api';

export const configFileName = '.skeptic.yml';

export type RuleSetting = 'off' | Severity;

/** The analysis options every face hands the engine; `.skeptic.yml` and editor settings both produce one. */
export interface AnalysisOptions {
  /** Per-rule overrides; a rule not listed keeps its default severity. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Globs (gitignore-style, relative to the project root) of files never analysed. */
  readonly ignore: readonly string[];
  /** Files larger than this many bytes are skipped with one informational message. */
  readonly maxFileSize: number;
}

export const defaultOptions: AnalysisOptions = { rules: {}, ignore: [], maxFileSize: 1024 * 1024 };

export interface ConfigProblem {
  readonly file: string;
  /** 1-based, as people read them. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export function formatProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

const settings: readonly RuleSetting[] = ['off', 'error', 'warning', 'info'];

/**
 * Parses `.skeptic.yml` text. Returns the options it sets (only those keys) and every problem found;
 * a caller shows the problems and uses the defaults for what is wrong, or refuses (the CLI exits 2).
 */
export function parseConfig(text: string, file: string, knownRules: ReadonlySet<string>): { options: Partial<AnalysisOptions>; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: ConfigProblem[] = [];
  const at = (offset: number | undefined, message: string): void => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    problems.push({ file, line, column: col, message });
  };
  for (const error of doc.errors) at(error.pos[0], `YAML syntax: ${error.message.split('\n')[0]}`);
  if (doc.errors.length > 0) return { options: {}, problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { options: {}, problems };
  if (!isMap(root)) {
    at(root.range?.[0], 'expected a mapping with keys rules, ignore, maxFileSize');
    return { options: {}, problems };
  }
  const options: { rules?: Record<string, RuleSetting>; ignore?: string[]; maxFileSize?: number } = {};
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as YamlNode | null;
    const offset = keyNode?.range?.[0];
    if (key === 'rules') {
      if (!isMap(value)) { at(value?.range?.[0] ?? offset, '`rules` must map rule ids to off, error, warning or info'); continue; }
      options.rules = {};
      for (const rule of value.items) {
        const idNode = rule.key as YamlNode | null;
        const id = isScalar(idNode) ? String(idNode.value) : '';
        const settingNode = rule.value as YamlNode | null;
        const setting = isScalar(settingNode) ? (settingNode.value === false ? 'off' : String(settingNode.value)) : '';
        if (!knownRules.has(id)) {
          at(idNode?.range?.[0], `unknown rule id \`${id}\`${suggest(id, knownRules)}`);
        } else if (!(settings as string[]).includes(setting)) {
          at(settingNode?.range?.[0] ?? idNode?.range?.[0], `rule \`${id}\`: expected one of off, error, warning, info, got \`${setting}\``);
        } else {
          options.rules[id] = setting as RuleSetting;
        }
      }
    } else if (key === 'ignore') {
      if (!isSeq(value) || !value.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
        at(value?.range?.[0] ?? offset, '`ignore` must be a list of glob strings, e.g. - "vendor/**"');
        continue;
      }
      options.ignore = value.items.map((item) => String((item as { value: unknown }).value));
    } else if (key === 'maxFileSize') {
      const size = isScalar(value) ? parseSize(value.value) : undefined;
      if (size === undefined) { at(value?.range?.[0] ?? offset, '`maxFileSize` must be a positive size such as 1048576, 512KB or 2MB'); continue; }
      options.maxFileSize = size;
    } else {
      at(offset, `unknown key \`${key}\` (expected rules, ignore, maxFileSize)`);
    }
  }
  return { options, problems };
}

/** Reads `.skeptic.yml` from a folder, if present. */
export function readConfigFile(folder: string, knownRules: ReadonlySet<string>): { file?: string; options: Partial<AnalysisOptions>; problems: ConfigProblem[] } {
  const file = path.join(folder, configFileName);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { options: {}, problems: [] };
  }
  return { file, ...parseConfig(text, file, knownRules) };
}

/** Later layers win key by key; rule overrides merge per rule. */
export function mergeOptions(...layers: readonly Partial<AnalysisOptions>[]): AnalysisOptions {
  let merged: AnalysisOptions = defaultOptions;
  for (const layer of layers) {
    merged = {
      rules: { ...merged.rules, ...layer.rules },
      ignore: layer.ignore ? [...merged.ignore, ...layer.ignore] : merged.ignore,
      maxFileSize: layer.maxFileSize ?? merged.maxFileSize,
    };
  }
  return merged;
}

function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
  if (!match) return undefined;
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b'];
  const size = Math.round(Number(match[1]) * unit);
  return size > 0 ? size : undefined;
}

function suggest(id: string, known: ReadonlySet<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) { best = candidate; bestDistance = d; }
  }
  return best ? ` (did you mean \`${best}\`?)` : '';
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
