// Owns reading dependency manifests and lockfiles (package.json, lockfiles, requirements, pyproject, Pipfile, setup.cfg/py) into declared names, versions and parse problems.
import type * as Toml from 'smol-toml' with { 'resolution-mode': 'import' };
import { parse as parseYaml } from 'yaml';

// smol-toml's types describe its ES module; its CommonJS build (what require loads, and what esbuild bundles) has the same API.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const toml = require('smol-toml') as typeof Toml;

export type Ecosystem = 'npm' | 'pypi';

/** One declaration in a manifest, with where it is written (0-based line and UTF-16 columns of the name). */
export interface DeclaredDependency {
  /** npm name as written, or PEP 503-normalized PyPI distribution. */
  readonly name: string;
  /** The requirement as written: `^4.18.2`, `>=2.31,<3`, `==2.31.0`. */
  readonly spec?: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** A manifest that could not be read (in full): 0-based position of the problem. */
export interface ManifestProblem {
  readonly line: number;
  readonly character: number;
  readonly message: string;
}

export interface ParsedManifest {
  readonly ecosystem: Ecosystem;
  readonly dependencies: readonly DeclaredDependency[];
  readonly problems: readonly ManifestProblem[];
  /** The project's own package name. */
  readonly ownName?: string;
  /** npm/yarn `workspaces` or pnpm-workspace.yaml `packages` globs. */
  readonly workspaces?: readonly string[];
  /** requirements `-r`/`-c` includes, relative to the file. */
  readonly includes?: readonly string[];
  /**
   * The manifest installs from a package index besides the public one (`--extra-index-url`, Poetry/uv sources, a Pipfile
   * `[[source]]`): a name the public index does not know may be a private package.
   */
  readonly otherIndex?: boolean;
  /** False when the manifest cannot be read in full (setup.py computing its requirements). */
  readonly complete: boolean;
  /**
   * A package.json holding only module-format fields (`{"type": "module"}` in a package's dist/esm/): Node reads it for
   * how to load the files below, but it names no project, so the dependencies are the enclosing package's.
   */
  readonly moduleFormatOnly?: boolean;
}

/** Resolved versions from a lockfile: name → version. */
export type LockedVersions = ReadonlyMap<string, string>;

export const npmManifestName = 'package.json';
export const npmLockfiles = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'] as const;
export const pythonManifestNames = ['pyproject.toml', 'Pipfile', 'setup.cfg', 'setup.py'] as const;
export const pythonLockfiles = ['poetry.lock', 'uv.lock', 'Pipfile.lock'] as const;

export function isRequirementsFile(name: string): boolean {
  return /^requirements.*\.(txt|in)$/i.test(name);
}

/** Whether a file name is any manifest or lockfile this module reads (for watchers). */
export function isManifestFileName(name: string): boolean {
  return name === npmManifestName || (npmLockfiles as readonly string[]).includes(name) || (pythonManifestNames as readonly string[]).includes(name)
    || (pythonLockfiles as readonly string[]).includes(name) || name === 'pnpm-workspace.yaml' || name === '.npmrc' || name === '.yarnrc.yml'
    || isRequirementsFile(name);
}

export function normalizePypiName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

/** Reads a manifest by its file name. */
export function parseManifest(fileName: string, text: string): ParsedManifest {
  if (fileName === npmManifestName) return parsePackageJson(text);
  if (fileName === 'pnpm-workspace.yaml') return parsePnpmWorkspace(text);
  if (fileName === 'pyproject.toml') return parsePyproject(text);
  if (fileName === 'Pipfile') return parsePipfile(text);
  if (fileName === 'setup.cfg') return parseSetupCfg(text);
  if (fileName === 'setup.py') return parseSetupPy(text);
  return parseRequirements(text);
}

const npmSections = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
/** Fields that tell Node (and bundlers) how to load a folder's files, not what a project is or needs. */
const moduleFormatFields = new Set(['type', 'sideEffects', 'main', 'module', 'browser', 'types', 'typings', 'exports', 'imports']);

export function parsePackageJson(text: string): ParsedManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ecosystem: 'npm', dependencies: [], problems: [jsonProblem(text, error as Error)], complete: false };
  }
  if (!isObject(json)) return { ecosystem: 'npm', dependencies: [], problems: [{ line: 0, character: 0, message: 'package.json must hold a JSON object' }], complete: false };
  const dependencies: DeclaredDependency[] = [];
  const problems: ManifestProblem[] = [];
  for (const section of npmSections) {
    const value = json[section];
    if (value === undefined) continue;
    if (!isObject(value)) { problems.push({ ...positionOfKey(text, section, 0), message: `package.json "${section}" must be an object of package names to versions` }); continue; }
    const sectionAt = text.search(new RegExp(`"${section}"\\s*:`));
    for (const [name, spec] of Object.entries(value)) {
      dependencies.push({ name, ...(typeof spec === 'string' ? { spec } : {}), ...locateQuoted(text, name, Math.max(0, sectionAt)) });
    }
  }
  const ws = json.workspaces;
  const workspaces = Array.isArray(ws) ? ws : isObject(ws) && Array.isArray(ws.packages) ? ws.packages : undefined;
  const keys = Object.keys(json);
  return {
    ecosystem: 'npm', dependencies, problems, complete: problems.length === 0,
    ...(keys.length > 0 && keys.every((k) => moduleFormatFields.has(k)) ? { moduleFormatOnly: true } : {}),
    ...(typeof json.name === 'string' ? { ownName: json.name } : {}),
    ...(workspaces ? { workspaces: workspaces.filter((w): w is string => typeof w === 'string') } : {}),
  };
}

function parsePnpmWorkspace(text: string): ParsedManifest {
  try {
    const doc = parseYaml(text) as { packages?: unknown } | null;
    const packages = Array.isArray(doc?.packages) ? doc.packages.filter((p): p is string => typeof p === 'string') : [];
    return { ecosystem: 'npm', dependencies: [], problems: [], workspaces: packages, complete: true };
  } catch (error) {
    const linePos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    return { ecosystem: 'npm', dependencies: [], problems: [{ line: (linePos?.line ?? 1) - 1, character: (linePos?.col ?? 1) - 1, message: firstLine((error as Error).message) }], complete: false };
  }
}

/**
 * Versions from package-lock.json (v1–v3), yarn.lock (classic and berry), pnpm-lock.yaml, poetry.lock, uv.lock or
 * Pipfile.lock (PyPI names PEP 503-normalized); empty when unreadable.
 */
export function parseLockfile(fileName: string, text: string): LockedVersions {
  const versions = new Map<string, string>();
  try {
    if (fileName === 'package-lock.json' || fileName === 'npm-shrinkwrap.json') {
      const lock = JSON.parse(text) as { packages?: Record<string, { version?: string }>; dependencies?: Record<string, { version?: string }> };
      for (const [key, entry] of Object.entries(lock.packages ?? {})) {
        const at = key.lastIndexOf('node_modules/');
        // Top-level installs only: a nested node_modules copy is some dependency's own.
        if (at === 0 && typeof entry?.version === 'string') versions.set(key.slice('node_modules/'.length), entry.version);
      }
      for (const [name, entry] of Object.entries(lock.dependencies ?? {})) if (!versions.has(name) && typeof entry?.version === 'string') versions.set(name, entry.version);
    } else if (fileName === 'yarn.lock') {
      let names: string[] = [];
      for (const line of text.split(/\r?\n/)) {
        if (/^\S.*:$/.test(line) && !line.startsWith('#')) {
          names = line.slice(0, -1).split(',').map((s) => s.trim().replace(/^"|"$/g, '')).map((s) => s.replace(/@(npm:)?[^@]*$/, '')).filter(Boolean);
        } else {
          const m = /^\s+version:?\s+"?([^"\s]+)"?/.exec(line);
          if (m) { for (const n of names) if (!versions.has(n)) versions.set(n, m[1]); names = []; }
        }
      }
    } else if (fileName === 'poetry.lock' || fileName === 'uv.lock') {
      const lock = toml.parse(text) as { package?: unknown };
      for (const entry of Array.isArray(lock.package) ? lock.package : []) {
        if (isObject(entry) && typeof entry.name === 'string' && typeof entry.version === 'string') {
          const name = normalizePypiName(entry.name);
          if (!versions.has(name)) versions.set(name, entry.version);
        }
      }
    } else if (fileName === 'Pipfile.lock') {
      const lock = JSON.parse(text) as Record<string, unknown>;
      for (const section of ['default', 'develop']) {
        const entries = lock[section];
        if (!isObject(entries)) continue;
        for (const [name, entry] of Object.entries(entries)) {
          const pin = isObject(entry) && typeof entry.version === 'string' ? /^==\s*(\S+)$/.exec(entry.version)?.[1] : undefined;
          if (pin && !versions.has(normalizePypiName(name))) versions.set(normalizePypiName(name), pin);
        }
      }
    } else if (fileName === 'pnpm-lock.yaml') {
      const lock = parseYaml(text) as Record<string, unknown> | null;
      const importers = isObject(lock?.importers) ? lock.importers : { '.': lock ?? {} };
      for (const importer of Object.values(importers)) {
        if (!isObject(importer)) continue;
        for (const section of ['dependencies', 'devDependencies', 'optionalDependencies']) {
          const deps = importer[section];
          if (!isObject(deps)) continue;
          for (const [name, entry] of Object.entries(deps)) {
            const raw = typeof entry === 'string' ? entry : isObject(entry) && typeof entry.version === 'string' ? entry.version : undefined;
            const version = raw && /^\d/.test(raw) ? raw.replace(/\(.*$/, '') : undefined;
            if (version && !versions.has(name)) versions.set(name, version);
          }
        }
      }
    }
  } catch {
    // A broken lockfile only costs versions; the package manager reports it better than we can.
  }
  return versions;
}

/** PEP 508 requirement: name, optional extras, version spec, markers; or `name @ url`. */
const requirementPattern = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;

export function parseRequirements(text: string): ParsedManifest {
  const dependencies: DeclaredDependency[] = [];
  const problems: ManifestProblem[] = [];
  const includes: string[] = [];
  let otherIndex = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const startLine = i;
    let line = lines[i];
    while (/\\\s*$/.test(line) && i + 1 < lines.length) line = line.replace(/\\\s*$/, ' ') + lines[++i];
    const content = line.replace(/(^|\s)#.*$/, '').trim();
    if (!content) continue;
    const include = /^(?:-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/.exec(content);
    if (include) { includes.push(include[1]); continue; }
    if (/^(?:-i|--index-url|--extra-index-url|-f|--find-links)(?:\s+|=)/.test(content) && !/pypi\.org\/simple\/?(\s|$)/.test(content)) otherIndex = true;
    const editable = /^(?:-e|--editable)(?:\s+|=)(\S+)/.exec(content);
    const url = editable?.[1] ?? (/^(git\+|hg\+|svn\+|bzr\+|https?:|file:)/.test(content) ? content.split(/\s+/)[0] : undefined);
    if (url) {
      const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(url);
      // A direct reference (PEP 508 `name @ url`): not a registry package.
      if (egg) dependencies.push({ name: normalizePypiName(egg[1]), spec: `@ ${url}`, line: startLine, ...columnsOf(lines[startLine], egg[1]) });
      continue;
    }
    if (content.startsWith('-')) continue; // --index-url, --hash, -f and other pip options
    if (/^\.{0,2}\//.test(content)) continue; // a local path
    const m = requirementPattern.exec(content);
    const rest = m?.[3].split(';')[0].trim() ?? '';
    if (!m || (rest && !/^(@\s*\S+|\(?\s*(===|==|~=|!=|<=|>=|<|>)\s*[^\s,]+\s*(,\s*(===|==|~=|!=|<=|>=|<|>)\s*[^\s,]+\s*)*\)?(\s+--hash=\S+)*)$/.test(rest))) {
      const leading = lines[startLine].length - lines[startLine].trimStart().length;
      problems.push({ line: startLine, character: leading, message: `cannot read this requirement: ${content.length > 60 ? `${content.slice(0, 60)}…` : content}` });
      continue;
    }
    dependencies.push({ name: normalizePypiName(m[1]), ...(rest ? { spec: rest.replace(/\s+--hash=\S+/g, '') } : {}), line: startLine, ...columnsOf(lines[startLine], m[1]) });
  }
  return { ecosystem: 'pypi', dependencies, problems, includes, complete: problems.length === 0, ...(otherIndex ? { otherIndex } : {}) };
}

export function parsePyproject(text: string): ParsedManifest {
  let doc: Record<string, unknown>;
  try {
    doc = toml.parse(text) as Record<string, unknown>;
  } catch (error) {
    return { ecosystem: 'pypi', dependencies: [], problems: [tomlProblem(error)], complete: false };
  }
  const names: { name: string; spec?: string }[] = [];
  const project = isObject(doc.project) ? doc.project : undefined;
  const addPep508 = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (typeof item !== 'string') continue;
      const m = requirementPattern.exec(item.trim());
      if (m) names.push({ name: m[1], spec: m[3].split(';')[0].trim() || undefined });
    }
  };
  addPep508(project?.dependencies);
  if (isObject(project?.['optional-dependencies'])) for (const list of Object.values(project['optional-dependencies'])) addPep508(list);
  if (isObject(doc['dependency-groups'])) for (const list of Object.values(doc['dependency-groups'])) addPep508(list);
  const tool = isObject(doc.tool) ? doc.tool : {};
  const poetry = isObject(tool.poetry) ? tool.poetry : undefined;
  const addPoetry = (table: unknown): void => {
    if (!isObject(table)) return;
    for (const [name, spec] of Object.entries(table)) {
      if (name.toLowerCase() === 'python') continue;
      names.push({ name, ...(typeof spec === 'string' ? { spec } : isObject(spec) ? specOfTable(spec) : {}) });
    }
  };
  addPoetry(poetry?.dependencies);
  addPoetry(poetry?.['dev-dependencies']);
  if (isObject(poetry?.group)) for (const group of Object.values(poetry.group)) if (isObject(group)) addPoetry(group.dependencies);
  const ownName = typeof project?.name === 'string' ? project.name : typeof poetry?.name === 'string' ? poetry.name : undefined;
  const uv = isObject(tool.uv) ? tool.uv : undefined;
  const otherIndex = (Array.isArray(poetry?.source) && poetry.source.length > 0) || (Array.isArray(uv?.index) && uv.index.length > 0)
    || typeof uv?.['index-url'] === 'string' || Array.isArray(uv?.['extra-index-url']);
  return {
    ecosystem: 'pypi', problems: [], complete: true, ...(otherIndex ? { otherIndex } : {}),
    dependencies: names.map(({ name, spec }) => ({ name: normalizePypiName(name), ...(spec ? { spec } : {}), ...locateWord(text, name) })),
    ...(ownName ? { ownName: normalizePypiName(ownName) } : {}),
  };
}

export function parsePipfile(text: string): ParsedManifest {
  let doc: Record<string, unknown>;
  try {
    doc = toml.parse(text) as Record<string, unknown>;
  } catch (error) {
    return { ecosystem: 'pypi', dependencies: [], problems: [tomlProblem(error)], complete: false };
  }
  const dependencies: DeclaredDependency[] = [];
  for (const section of ['packages', 'dev-packages']) {
    const table = doc[section];
    if (!isObject(table)) continue;
    for (const [name, spec] of Object.entries(table)) {
      const version = typeof spec === 'string' ? spec : isObject(spec) ? specOfTable(spec).spec : undefined;
      dependencies.push({ name: normalizePypiName(name), ...(version && version !== '*' ? { spec: version } : {}), ...locateWord(text, name) });
    }
  }
  const sources = Array.isArray(doc.source) ? doc.source : [];
  const otherIndex = sources.some((source) => isObject(source) && typeof source.url === 'string' && !/^https:\/\/pypi\.org\/simple\/?$/.test(source.url));
  return { ecosystem: 'pypi', dependencies, problems: [], complete: true, ...(otherIndex ? { otherIndex } : {}) };
}

/** `.npmrc` lines `@scope:registry=<url>`: the scopes installed from a registry of their own. */
export function readNpmrcScopes(text: string): string[] {
  const scopes: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(@[a-z0-9][\w.-]*):registry\s*=\s*(\S+)/i.exec(line);
    if (m && !/^https?:\/\/registry\.(npmjs\.org|yarnpkg\.com)\/?$/.test(m[2])) scopes.push(m[1].toLowerCase());
  }
  return scopes;
}

export function parseSetupCfg(text: string): ParsedManifest {
  const lines = text.split(/\r?\n/);
  const dependencies: DeclaredDependency[] = [];
  let section = '';
  let key = '';
  let ownName: string | undefined;
  lines.forEach((raw, index) => {
    const line = raw.replace(/^\s*[#;].*$/, '');
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) { section = header[1].trim(); key = ''; return; }
    const assignment = /^(\S[^=:]*?)\s*[=:]\s*(.*)$/.exec(line);
    let value: string | undefined;
    if (assignment && !/^\s/.test(line)) { key = assignment[1].trim(); value = assignment[2]; }
    else if (/^\s+\S/.test(line)) value = line;
    if (value === undefined) return;
    if (section === 'metadata' && key === 'name' && assignment) ownName = value.trim();
    const wanted = (section === 'options' && (key === 'install_requires' || key === 'tests_require' || key === 'setup_requires')) || section === 'options.extras_require';
    if (!wanted) return;
    for (const part of value.split(/[,;]\s*(?=[A-Za-z])/)) {
      const m = requirementPattern.exec(part.trim());
      if (m && !/^(python_version|sys_platform|platform_)/.test(m[1])) dependencies.push({ name: normalizePypiName(m[1]), line: index, ...columnsOf(raw, m[1]) });
    }
  });
  return { ecosystem: 'pypi', dependencies, problems: [], complete: true, ...(ownName ? { ownName: normalizePypiName(ownName) } : {}) };
}

/** setup.py is code: only literal `install_requires=[...]` lists are read, anything else leaves the manifest incomplete. */
export function parseSetupPy(text: string): ParsedManifest {
  const dependencies: DeclaredDependency[] = [];
  let found = false;
  for (const m of text.matchAll(/(install_requires|tests_require|extras_require)\s*=\s*([[{])/g)) {
    const open = m.index! + m[0].length - 1;
    const close = text.indexOf(m[2] === '[' ? ']' : '}', open);
    if (close < 0) continue;
    found = true;
    const body = text.slice(open, close);
    for (const s of body.matchAll(/["']([A-Za-z0-9][A-Za-z0-9._-]*)[^"']*["']/g)) {
      if (m[2] === '{' && /^\s*:/.test(body.slice(s.index! + s[0].length))) continue; // an extras key
      dependencies.push({ name: normalizePypiName(s[1]), ...locateWord(text, s[1]) });
    }
  }
  const name = /\bname\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  return { ecosystem: 'pypi', dependencies, problems: [], complete: found, ...(name ? { ownName: normalizePypiName(name) } : {}) };
}

/** A Poetry/Pipfile table's version, or `@ <source>` for a git, path or URL dependency (not a registry package). */
function specOfTable(table: Record<string, unknown>): { spec?: string } {
  for (const key of ['git', 'path', 'url', 'file']) if (typeof table[key] === 'string') return { spec: `@ ${table[key] as string}` };
  return typeof table.version === 'string' ? { spec: table.version } : {};
}

function jsonProblem(text: string, error: Error): ManifestProblem {
  const message = firstLine(error.message);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]) - 1, character: Number(lc[2]) - 1, message: `package.json is not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}` };
  const at = /position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : text.length;
  const before = text.slice(0, offset).split(/\r?\n/);
  return { line: before.length - 1, character: before[before.length - 1].length, message: `package.json is not valid JSON: ${message}` };
}

function tomlProblem(error: unknown): ManifestProblem {
  if (error instanceof toml.TomlError) return { line: Math.max(0, error.line - 1), character: Math.max(0, error.column - 1), message: `not valid TOML: ${firstLine(error.message)}` };
  return { line: 0, character: 0, message: `not valid TOML: ${firstLine(String((error as Error)?.message ?? error))}` };
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split(/\r?\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function positionOfKey(text: string, key: string, from: number): { line: number; character: number } {
  const at = text.indexOf(`"${key}"`, from);
  return positionOf(text, at < 0 ? 0 : at);
}

/** The `"name"` key after `from`, quotes excluded. */
function locateQuoted(text: string, name: string, from: number): { line: number; start: number; end: number } {
  const at = text.indexOf(`"${name}"`, from);
  const { line, character } = positionOf(text, at < 0 ? 0 : at + 1);
  return { line, start: character, end: character + (at < 0 ? 0 : name.length) };
}

/** The first occurrence of the name as a word (a key or the start of a quoted requirement). */
function locateWord(text: string, name: string): { line: number; start: number; end: number } {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(^|["'\\s])(${escaped})(?=["'\\s=<>~!\\[;,@]|$)`, 'mi').exec(text);
  if (!m) return { line: 0, start: 0, end: 0 };
  const { line, character } = positionOf(text, m.index + m[1].length);
  return { line, start: character, end: character + name.length };
}

function columnsOf(line: string, name: string): { start: number; end: number } {
  const start = Math.max(0, line.indexOf(name));
  return { start, end: start + name.length };
}
