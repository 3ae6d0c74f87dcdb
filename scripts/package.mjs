// Builds the minified bundles and packages the extension as a .vsix with vsce, from a staged copy of what .vscodeignore lets through.
// Usage: node scripts/package.mjs [--out file.vsix] [--no-build]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = path.resolve(outIndex >= 0 ? args[outIndex + 1] : path.join(root, `${manifest.name}-${manifest.version}.vsix`));

if (!args.includes('--no-build')) {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--minify'], { cwd: root, stdio: 'inherit' });
}

// vsce reads the files twice (listing, then secret scan and zipping); a build running meanwhile (another terminal,
// a test) would pull files from under it. A staged copy is stable, and holds nothing .vscodeignore would drop anyway.
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-package-'));
try {
  const copy = (relative) => {
    const from = path.join(root, relative);
    if (!fs.existsSync(from)) return;
    fs.mkdirSync(path.dirname(path.join(stage, relative)), { recursive: true });
    fs.cpSync(from, path.join(stage, relative), { recursive: true, filter: (f) => !f.endsWith('.map') });
  };
  for (const file of ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media', 'dist']) copy(file);
  if (!fs.existsSync(path.join(stage, 'README.md'))) console.warn('package: no README.md, so the .vsix has no extension page');

  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  const vsceArgs = ['package', '--no-dependencies', '--out', out];
  // Without a repository URL vsce would stop to ask; relative README links then stay relative.
  if (!manifest.repository) vsceArgs.push('--allow-missing-repository', '--no-rewrite-relative-links');
  execFileSync(process.execPath, [vsce, ...vsceArgs], { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
const { size } = fs.statSync(out);
console.log(`package: ${path.relative(process.cwd(), out) || out} (${(size / 1024 / 1024).toFixed(2)} MB)`);
