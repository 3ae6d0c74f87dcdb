// Owns finding a file's project manifests (walking up to the workspace root), caching them by path and mtime, and building the ProjectFacts rules read.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { LanguageId, ProjectFacts } from '../../../rules/api';
import {
  isRequirementsFile, normalizePypiName, npmLockfiles, npmManifestName, parseLockfile, parseManifest, pythonLockfiles, pythonManifestNames, readNpmrcScopes,
  type Ecosystem, type LockedVersions, type ParsedManifest,
} from './manifests';

/** A manifest the index read, for faces that publish its problems or check its declarations. */
export interface ManifestFile {
  readonly file: string;
  readonly text: string;
  readonly parsed: ParsedManifest;
}

export interface ProjectDependencies {
  readonly facts: ProjectFacts;
  readonly manifests: readonly ManifestFile[];
  /** Locked (or `==`-pinned) versions of declared packages. */
  readonly versions: LockedVersions;
}

interface Stamp { readonly file: string; readonly stamp: string }
interface CachedProject { readonly value: ProjectDependencies | undefined; readonly stamps: readonly Stamp[] }

/** Manifests per project, re-read when a manifest or a folder on the way changes (mtime and size). */
export class DependencyIndex {
  private readonly files = new Map<string, { stamp: string; manifest: ManifestFile }>();
  private readonly locks = new Map<string, { stamp: string; versions: LockedVersions }>();
  private readonly projects = new Map<string, CachedProject>();

  /**
   * `fixed`: the files do not change while this index lives (a one-shot scan), so a project once read is not checked
   * again: checking stats every manifest and folder up to the root for every file scanned.
   */
  constructor(private readonly options: { readonly fixed?: boolean } = {}) {}

  /**
   * The project dependencies for a source file, or undefined when no manifest of its ecosystem is found between its
   * folder and `stopAt` (the workspace root; without it, the nearest folder holding `.git`).
   */
  projectOf(filePath: string, language: LanguageId, stopAt?: string): ProjectDependencies | undefined {
    const ecosystem: Ecosystem = language === 'python' ? 'pypi' : 'npm';
    const dir = path.dirname(path.resolve(filePath));
    const key = `${ecosystem}\0${dir}\0${stopAt ?? ''}`;
    const cached = this.projects.get(key);
    if (cached && (this.options.fixed || cached.stamps.every((s) => stampOf(s.file) === s.stamp))) return cached.value;
    const stamps: Stamp[] = [];
    const value = ecosystem === 'npm' ? this.npmProject(dir, stopAt, stamps) : this.pythonProject(dir, stopAt, stamps);
    if (this.projects.size > 2000) this.projects.clear();
    this.projects.set(key, { value, stamps });
    return value;
  }

  /** Forgets everything read (after the client reports manifest changes it cannot see by mtime). */
  clear(): void {
    this.files.clear();
    this.locks.clear();
    this.projects.clear();
  }

  private read(file: string, stamps: Stamp[]): ManifestFile | undefined {
    const stamp = stampOf(file);
    stamps.push({ file, stamp });
    if (!stamp) return undefined;
    const cached = this.files.get(file);
    if (cached?.stamp === stamp) return cached.manifest;
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch { return undefined; }
    const manifest = { file, text, parsed: parseManifest(path.basename(file), text) };
    this.files.set(file, { stamp, manifest });
    return manifest;
  }

  private readLock(file: string, stamps: Stamp[]): LockedVersions | undefined {
    const stamp = stampOf(file);
    stamps.push({ file, stamp });
    if (!stamp) return undefined;
    const cached = this.locks.get(file);
    if (cached?.stamp === stamp) return cached.versions;
    let versions: LockedVersions;
    try { versions = parseLockfile(path.basename(file), fs.readFileSync(file, 'utf8')); } catch { return undefined; }
    this.locks.set(file, { stamp, versions });
    return versions;
  }

  private npmProject(start: string, stopAt: string | undefined, stamps: Stamp[]): ProjectDependencies | undefined {
    const manifests: ManifestFile[] = [];
    const local = new Set<string>();
    const aliases: string[] = [];
    const versions = new Map<string, string>();
    let nearest: string | undefined;
    let tsconfigRead = false;
    const privateScopes = new Set<string>(readScopes(path.join(os.homedir(), '.npmrc'), stamps));
    for (const dir of ancestors(start, stopAt, stamps)) {
      for (const scope of readScopes(path.join(dir, '.npmrc'), stamps)) privateScopes.add(scope);
      for (const scope of readScopes(path.join(dir, '.yarnrc.yml'), stamps)) privateScopes.add(scope);
      if (!tsconfigRead) {
        for (const name of ['tsconfig.json', 'jsconfig.json']) {
          const file = path.join(dir, name);
          if (stampOf(file)) { tsconfigRead = true; stamps.push({ file, stamp: stampOf(file) }); readPathAliases(file, local, aliases, stamps); break; }
        }
      }
      const read = this.read(path.join(dir, npmManifestName), stamps);
      // A module-format marker (dist/esm/package.json with only "type") is not a project: look further up.
      const manifest = read?.parsed.moduleFormatOnly ? undefined : read;
      const workspaceFile = this.read(path.join(dir, 'pnpm-workspace.yaml'), stamps);
      const workspaces = [...(manifest?.parsed.workspaces ?? []), ...(workspaceFile?.parsed.workspaces ?? [])];
      if (!manifest && !workspaceFile) continue;
      // Beyond the nearest package.json, only a workspace root that owns it adds declarations (hoisted dependencies).
      if (nearest && workspaces.length === 0) continue;
      if (manifest) manifests.push(manifest);
      if (workspaceFile) manifests.push(workspaceFile);
      nearest ??= dir;
      if (manifest?.parsed.ownName) local.add(manifest.parsed.ownName);
      for (const member of expandWorkspaces(dir, workspaces, stamps)) {
        const m = this.read(path.join(member, npmManifestName), stamps);
        if (m?.parsed.ownName) local.add(m.parsed.ownName);
      }
      for (const lock of npmLockfiles) {
        for (const [name, version] of this.readLock(path.join(dir, lock), stamps) ?? []) if (!versions.has(name)) versions.set(name, version);
      }
    }
    if (!manifests.some((m) => path.basename(m.file) === npmManifestName)) return undefined;
    // Without a lockfile entry, an exact pin in package.json (`"lodash": "4.17.20"`) is the version installed.
    for (const m of manifests) for (const d of m.parsed.dependencies) {
      const pin = /^[=v]?(\d+\.\d+\.\d+(?:[-+][\w.-]+)?)$/.exec(d.spec?.trim() ?? '');
      if (pin && !versions.has(d.name)) versions.set(d.name, pin[1]);
    }
    return buildProject('npm', manifests, local, aliases, versions, (name) => privateScopes.has(name.split('/')[0].toLowerCase()), [...privateScopes].sort().join(','));
  }

  private pythonProject(start: string, stopAt: string | undefined, stamps: Stamp[]): ProjectDependencies | undefined {
    const local = new Set<string>();
    for (const dir of ancestors(start, stopAt, stamps)) {
      const entries = listDir(dir);
      for (const entry of entries) addPythonModule(dir, entry, local);
      const names = entries.filter((e) => (pythonManifestNames as readonly string[]).includes(e) || isRequirementsFile(e));
      if (entries.includes('requirements') && isDirectory(path.join(dir, 'requirements'))) {
        stamps.push({ file: path.join(dir, 'requirements'), stamp: stampOf(path.join(dir, 'requirements')) });
        for (const e of listDir(path.join(dir, 'requirements'))) if (/\.(txt|in)$/.test(e)) names.push(path.join('requirements', e));
      }
      if (names.length === 0) continue;
      for (const sub of ['src', 'lib']) {
        if (!entries.includes(sub)) continue;
        const subDir = path.join(dir, sub);
        stamps.push({ file: subDir, stamp: stampOf(subDir) });
        for (const entry of listDir(subDir)) addPythonModule(subDir, entry, local);
      }
      const manifests: ManifestFile[] = [];
      const queue = names.map((n) => path.join(dir, n));
      const seen = new Set<string>();
      while (queue.length && seen.size < 64) {
        const file = queue.shift()!;
        if (seen.has(file)) continue;
        seen.add(file);
        const m = this.read(file, stamps);
        if (!m) continue;
        manifests.push(m);
        for (const include of m.parsed.includes ?? []) queue.push(path.resolve(path.dirname(file), include));
        if (m.parsed.ownName) { local.add(m.parsed.ownName.replace(/-/g, '_')); local.add(m.parsed.ownName); }
      }
      const versions = new Map<string, string>();
      // The lockfile says what is installed; without one, an `==` pin does.
      for (const lock of pythonLockfiles) {
        for (const [name, version] of this.readLock(path.join(dir, lock), stamps) ?? []) if (!versions.has(name)) versions.set(name, version);
      }
      for (const m of manifests) for (const d of m.parsed.dependencies) {
        const pin = /^==\s*([^\s,;]+)$/.exec(d.spec ?? '');
        if (pin && !versions.has(d.name)) versions.set(d.name, pin[1]);
      }
      const otherIndex = manifests.some((m) => m.parsed.otherIndex);
      return buildProject('pypi', manifests, local, [], versions, () => otherIndex, String(otherIndex));
    }
    return undefined;
  }
}

function buildProject(
  ecosystem: Ecosystem, manifests: ManifestFile[], local: Set<string>, aliases: readonly string[], versions: Map<string, string>,
  privatePackage: (name: string) => boolean, privateKey: string,
): ProjectDependencies {
  const declared = new Set<string>();
  for (const m of manifests) for (const d of m.parsed.dependencies) declared.add(d.name);
  const complete = manifests.every((m) => m.parsed.complete);
  const normalize = ecosystem === 'pypi' ? normalizePypiName : (n: string) => n;
  const key = [
    ecosystem, complete, manifests.map((m) => m.file).join(','), [...declared].sort().join(','), [...local].sort().join(','), aliases.join(','),
    [...declared].sort().map((d) => versions.get(d) ?? '').join(','), privateKey,
  ].join('|');
  const facts: ProjectFacts = {
    ecosystem,
    manifests: manifests.map((m) => m.file),
    declared,
    declares: (name) => declared.has(normalize(name)),
    isLocal: (name) => local.has(name) || aliases.some((a) => (a.endsWith('*') ? name.startsWith(a.slice(0, -1)) : name === a)),
    complete,
    key,
    versionOf: (name) => versions.get(normalize(name)),
    privatePackage,
  };
  return { facts, manifests, versions };
}

/** Scopes with a registry of their own in an `.npmrc` (`@acme:registry=…`) or `.yarnrc.yml` (`npmScopes:`). */
function readScopes(file: string, stamps: Stamp[]): string[] {
  const stamp = stampOf(file);
  stamps.push({ file, stamp });
  if (!stamp) return [];
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch { return []; }
  if (!file.endsWith('.yml')) return readNpmrcScopes(text);
  try {
    const doc = parseYaml(text) as { npmScopes?: Record<string, unknown> } | null;
    return Object.keys(doc?.npmScopes ?? {}).map((scope) => `@${scope.toLowerCase()}`);
  } catch {
    return [];
  }
}

function stampOf(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return '';
  }
}

/** From `start` up to `stopAt` (or the folder holding `.git`, or the filesystem root); each folder's stamp is recorded so new files are noticed. */
function* ancestors(start: string, stopAt: string | undefined, stamps: Stamp[]): Generator<string> {
  const stop = stopAt && path.resolve(stopAt);
  for (let dir = start, depth = 0; depth < 32; dir = path.dirname(dir), depth++) {
    stamps.push({ file: dir, stamp: stampOf(dir) });
    yield dir;
    if (dir === stop || path.dirname(dir) === dir) return;
    if (!stop && fs.existsSync(path.join(dir, '.git'))) return;
    if (stop && path.relative(stop, dir).startsWith('..')) return;
  }
}

function listDir(dir: string): string[] {
  try { return fs.readdirSync(dir); } catch { return []; }
}

function isDirectory(p: string): boolean {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

function addPythonModule(dir: string, entry: string, local: Set<string>): void {
  if (entry.startsWith('.')) return;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\.py|\.pyi|\.so|\.pyd)?$/.exec(entry);
  if (!m) return;
  if (m[2]) local.add(m[1]);
  else if (!/^(node_modules|venv|env|site-packages|__pycache__)$/.test(entry) && isDirectory(path.join(dir, entry))) local.add(m[1]);
}

/** `packages/*`, `apps/**`, `tools/cli`: the member folders (a `*` or `**` segment lists sub-folders one level deep). */
function expandWorkspaces(root: string, globs: readonly string[], stamps: Stamp[]): string[] {
  const members: string[] = [];
  for (const glob of globs) {
    if (glob.startsWith('!')) continue;
    const clean = glob.replace(/\/+$/, '');
    const star = clean.search(/[*?[{]/);
    if (star < 0) { members.push(path.join(root, clean)); continue; }
    const base = path.join(root, clean.slice(0, clean.lastIndexOf('/', star) + 1));
    stamps.push({ file: base, stamp: stampOf(base) });
    for (const entry of listDir(base)) if (!entry.startsWith('.') && entry !== 'node_modules') members.push(path.join(base, entry));
  }
  return members.slice(0, 500);
}

/** tsconfig/jsconfig `paths` keys become alias patterns; `baseUrl`'s top-level entries become local names. JSONC tolerated. */
function readPathAliases(file: string, local: Set<string>, aliases: string[], stamps: Stamp[]): void {
  let json: { compilerOptions?: { paths?: Record<string, unknown>; baseUrl?: string } };
  try {
    const text = fs.readFileSync(file, 'utf8').replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, s) => s ?? '').replace(/,(\s*[}\]])/g, '$1');
    json = JSON.parse(text);
  } catch {
    return;
  }
  for (const key of Object.keys(json.compilerOptions?.paths ?? {})) aliases.push(key);
  const baseUrl = json.compilerOptions?.baseUrl;
  if (typeof baseUrl === 'string') {
    const dir = path.resolve(path.dirname(file), baseUrl);
    stamps.push({ file: dir, stamp: stampOf(dir) });
    for (const entry of listDir(dir)) if (entry !== 'node_modules' && !entry.startsWith('.')) local.add(entry.replace(/\.[cm]?[jt]sx?$/, ''));
  }
}
