// Owns tree-sitter: loading the runtime and grammars once, and mapping files and editor language ids to grammars.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import type { LanguageFamily, LanguageId } from '../../rules/api';
import type { WasmHeap } from './syntax-tree';

const grammarFiles: Record<LanguageId, { pkg: string; file: string }> = {
  javascript: { pkg: 'tree-sitter-javascript', file: 'tree-sitter-javascript.wasm' },
  typescript: { pkg: 'tree-sitter-typescript', file: 'tree-sitter-typescript.wasm' },
  tsx: { pkg: 'tree-sitter-typescript', file: 'tree-sitter-tsx.wasm' },
  python: { pkg: 'tree-sitter-python', file: 'tree-sitter-python.wasm' },
};

/** The runtime's and every grammar's .wasm file: what the build copies beside the bundles (scripts/build.mjs reads this list). */
export const wasmFiles: readonly { readonly pkg: string; readonly file: string }[] = [
  { pkg: 'web-tree-sitter', file: 'tree-sitter.wasm' },
  ...new Map(Object.values(grammarFiles).map((g) => [g.file, g])).values(),
];

export const languageIds: readonly LanguageId[] = ['javascript', 'typescript', 'tsx', 'python'];

export function familyOf(language: LanguageId): LanguageFamily {
  return language === 'python' ? 'python' : 'javascript';
}

const extensions: Record<string, LanguageId> = {
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript',
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript',
  '.tsx': 'tsx',
  '.py': 'python', '.pyw': 'python',
};

/** The language of a file by its name, or undefined when Skeptic does not analyse it (declaration files included). */
export function languageOfPath(filePath: string): LanguageId | undefined {
  const base = path.basename(filePath).toLowerCase();
  if (/\.d\.[mc]?ts$/.test(base)) return undefined;
  return extensions[path.extname(base)];
}

/** Maps a VS Code / LSP languageId to ours; the file name decides between JSX flavours. */
export function languageOfEditorId(editorLanguageId: string, filePath: string): LanguageId | undefined {
  switch (editorLanguageId) {
    case 'javascript': case 'javascriptreact': return 'javascript';
    case 'typescript': return languageOfPath(filePath) === 'tsx' ? 'tsx' : 'typescript';
    case 'typescriptreact': return 'tsx';
    case 'python': return 'python';
    default: return languageOfPath(filePath);
  }
}

/** Finds a .wasm file: beside the bundle (dist/grammars) when bundled, else in node_modules. */
function locateWasm(pkg: string, file: string): string {
  const bundled = path.join(__dirname, 'grammars', file);
  if (fs.existsSync(bundled)) return bundled;
  return require.resolve(`${pkg}/${file}`);
}

let runtime: Promise<void> | undefined;
const loaded = new Map<LanguageId, Promise<Language>>();
/**
 * The options object given to Parser.init: emscripten makes it the runtime's Module, so after init it holds the memory
 * views (HEAPU8…) that server/engine/syntax-tree.ts decodes trees from.
 */
const runtimeModule: Partial<WasmHeap> & { locateFile: (name: string) => string } = {
  locateFile: (name: string) => locateWasm('web-tree-sitter', name),
};

function initRuntime(): Promise<void> {
  runtime ??= Parser.init(runtimeModule);
  return runtime;
}

/** The runtime's memory views, read when a tree is decoded (they change when the memory grows). */
export function wasmHeap(): WasmHeap {
  const { HEAPU8, HEAPU16, HEAPU32 } = runtimeModule;
  if (!(HEAPU8 instanceof Uint8Array) || !(HEAPU16 instanceof Uint16Array) || !(HEAPU32 instanceof Uint32Array)) {
    throw new Error('web-tree-sitter did not expose its memory (HEAPU8, HEAPU16, HEAPU32) on the Module: was it upgraded from 0.25.10?');
  }
  return { HEAPU8, HEAPU16, HEAPU32 };
}

export async function loadLanguage(language: LanguageId): Promise<Language> {
  let pending = loaded.get(language);
  if (!pending) {
    const { pkg, file } = grammarFiles[language];
    pending = initRuntime().then(() => Language.load(fs.readFileSync(locateWasm(pkg, file))));
    loaded.set(language, pending);
  }
  return pending;
}

/** One parser per language, reused: parsers are cheap to keep and costly to create. */
const parsers = new Map<LanguageId, Parser>();
export async function parserFor(language: LanguageId): Promise<Parser> {
  let parser = parsers.get(language);
  if (!parser) {
    const lang = await loadLanguage(language);
    parser = parsers.get(language);
    if (!parser) {
      parser = new Parser();
      parser.setLanguage(lang);
      parsers.set(language, parser);
    }
  }
  return parser;
}
