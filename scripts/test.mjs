// The test command: builds, then runs unit, fixture, CLI and LSP tests with node's test runner, then the VS Code suites.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const step = (title, cmd, args, env = {}) => {
  console.log(`\n== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) { console.error(`\n== ${title}: failed (exit ${r.status ?? r.signal})`); process.exit(r.status || 1); }
};

step('build', process.execPath, ['scripts/build.mjs']);
const suites = ['unit', 'fixtures', 'cli', 'lsp'].map((s) => path.join('out', 'test', s)).filter((d) => fs.existsSync(path.join(root, d)));
const files = suites.flatMap((d) => fs.readdirSync(path.join(root, d)).filter((f) => f.endsWith('.test.js')).map((f) => path.join(d, f)));
step('unit, fixtures, CLI and LSP tests', process.execPath, ['--test', '--test-concurrency=2', ...files]);
if (fs.existsSync(path.join(root, 'test', 'vscode', 'run.mjs')) && !process.argv.includes('--no-vscode')) {
  step('VS Code tests (code-server + headless Chromium)', process.execPath, ['test/vscode/run.mjs']);
}
