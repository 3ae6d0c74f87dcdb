// Builds Skeptic: regenerates the rule registry, type-checks every project (tsc -b), bundles the entry points with esbuild and copies the grammars.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = (cmd, args) => {
  try {
    execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
  } catch {
    console.error(`build: ${path.basename(args[0])} failed (see above)`);
    process.exit(1);
  }
};

run(process.execPath, ['scripts/gen-rules.mjs']);
run(process.execPath, [require.resolve('typescript/bin/tsc'), '-b']);
run(process.execPath, ['scripts/gen-catalog.mjs']);

const dist = path.join(root, 'dist');
fs.mkdirSync(path.join(dist, 'grammars'), { recursive: true });
const entries = {
  server: 'server/lsp/main.ts',
  cli: 'server/cli/main.ts',
  extension: 'client/extension.ts',
};
await Promise.all(Object.entries(entries).filter(([, src]) => fs.existsSync(path.join(root, src))).map(([name, src]) =>
  esbuild.build({
    entryPoints: [path.join(root, src)],
    outfile: path.join(dist, `${name}.js`),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: process.argv.includes('--minify'),
    external: ['vscode'],
    // web-tree-sitter's ESM build reads import.meta.url, which a CJS bundle lacks: bundle its CJS build.
    alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
    define: { SKEPTIC_VERSION: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version) },
    logLevel: 'warning',
    banner: name === 'cli' ? { js: '#!/usr/bin/env node' } : undefined,
  })));
fs.chmodSync(path.join(dist, 'cli.js'), 0o755);

// The grammar list lives once, in the engine (server/engine/languages.ts), compiled by tsc above.
const { wasmFiles } = require(path.join(root, 'out', 'server', 'engine', 'languages.js'));
// Copy only what changed, via a rename: a scan running during a build must never read a half-written grammar.
for (const { pkg, file } of wasmFiles) {
  const from = require.resolve(`${pkg}/${file}`);
  const to = path.join(dist, 'grammars', file);
  if (fs.existsSync(to) && fs.readFileSync(to).equals(fs.readFileSync(from))) continue;
  fs.copyFileSync(from, `${to}.tmp`);
  fs.renameSync(`${to}.tmp`, to);
}
// Rule documentation ships beside the bundles: diagnostics link to it without any network.
fs.cpSync(path.join(root, 'rules', 'docs'), path.join(dist, 'docs'), { recursive: true });
