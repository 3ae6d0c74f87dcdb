// Owns what a module specifier names: the npm package of a bare specifier, Node built-ins, Python's standard library and import-name → distribution.
import nodeBuiltinsText from '../data/node-builtins';
import pythonImportNames from '../data/python-import-names';
import pythonStdlibText from '../data/python-stdlib';

const nodeBuiltins = new Set(nodeBuiltinsText.split('\n'));
const pythonStdlib = new Set(pythonStdlibText.split('\n'));

/**
 * The npm package a specifier imports (`lodash/fp` → `lodash`, `@babel/core/lib` → `@babel/core`), or undefined for
 * relative and absolute paths, subpath imports (`#x`), URLs and other schemes, Node built-ins and `~`/`@/` aliases.
 */
export function npmPackageOf(specifier: string): string | undefined {
  if (!specifier || /^[./#~]|^@\/|^[a-z][a-z0-9+.-]*:/i.test(specifier) || specifier.includes('\\')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? (parts.length >= 2 && parts[1] ? `${parts[0]}/${parts[1]}` : undefined) : parts[0];
  if (!name || !/^(@[a-z0-9][\w.-]*\/)?[a-z0-9_][\w.-]*$/i.test(name)) return undefined;
  if (nodeBuiltins.has(name) || nodeBuiltins.has(specifier)) return undefined;
  return name;
}

/** The `@types/` package that carries a package's types: `@types/express`, `@types/babel__core`. */
export function typesPackageOf(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

export function isPythonStdlib(topModule: string): boolean {
  return pythonStdlib.has(topModule);
}

/** PyPI's name normalization (PEP 503): case and runs of `-`, `_`, `.` do not matter. */
export function normalizeDistribution(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The distributions that may provide a Python import (`yaml` → pyyaml, `cv2` → opencv-python…), usual one first. */
export function distributionsOf(topModule: string): readonly string[] {
  return pythonImportNames[topModule] ?? [normalizeDistribution(topModule)];
}

/** Whether the import name has a known distribution with a different name (so the name itself is not a typo). */
export function hasKnownDistribution(topModule: string): boolean {
  return Object.prototype.hasOwnProperty.call(pythonImportNames, topModule);
}

/**
 * Whether a project that declares `declared` provides the Python module `dotted` (e.g. `google.cloud.storage`):
 * the mapped distributions, the name itself, and the usual spellings (`python-x`, `x-python`, `pyx`, `py-x`,
 * namespace packages such as `google-cloud-storage` / `azure-identity`).
 */
export function isPythonImportDeclared(dotted: string, declared: ReadonlySet<string>): boolean {
  const top = dotted.split('.')[0];
  const base = normalizeDistribution(top);
  const candidates = [...distributionsOf(top), base, `python-${base}`, `${base}-python`, `py${base}`, `py-${base}`, `${base}py`, normalizeDistribution(dotted)];
  if (candidates.some((c) => declared.has(c))) return true;
  // Namespace packages: `google.cloud.storage` comes from google-cloud-storage, `azure.identity` from azure-identity.
  if (dotted.includes('.')) for (const d of declared) if (d.startsWith(`${base}-`)) return true;
  return false;
}

/** The module a distribution is imported as: `beautifulsoup4` → `bs4`, `pyyaml` → `yaml`, else its name with underscores. */
export function importNameOf(distribution: string): string {
  for (const [module, distributions] of Object.entries(pythonImportNames)) if (distributions[0] === distribution) return module;
  return distribution.replace(/-/g, '_');
}
