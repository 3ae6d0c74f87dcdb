// Enforces the layering rule: the engine and the rules import nothing from LSP, VS Code or the faces.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

const repo = path.resolve(__dirname, '..', '..', '..');
const allowedPackages = new Set(['web-tree-sitter', 'yaml', 'ignore', 'picomatch', 'smol-toml']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.ts$/.test(e.name) && !/\.(fixture|fixed)\./.test(e.name) ? [p] : [];
  });
}

it('server/engine and rules/ import only each other, node built-ins and parsing libraries', () => {
  const problems: string[] = [];
  for (const layer of ['server/engine', 'rules']) {
    for (const file of sources(path.join(repo, layer))) {
      const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
        const spec = match[1];
        const rel = path.relative(repo, file);
        if (spec.startsWith('node:')) continue;
        if (spec.startsWith('.')) {
          const target = path.relative(repo, path.resolve(path.dirname(file), spec));
          if (!target.startsWith('server/engine') && !target.startsWith('rules')) problems.push(`${rel} imports ${spec}`);
          continue;
        }
        if (!allowedPackages.has(spec.split('/')[0])) problems.push(`${rel} imports package ${spec}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
