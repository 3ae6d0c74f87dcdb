// `npm run demo`: builds if needed, starts VS Code in the browser (code-server) on demo/ with Skeptic loaded from source, prints the URL, stays up until Ctrl+C.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, workbenchUrl } from '../test/vscode/code-server.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = path.join(root, 'demo');

/** The newest modification time under `dir` (sources), or 0. */
function newestIn(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

function isBuildStale() {
  const bundles = ['extension.js', 'server.js'].map((f) => path.join(root, 'dist', f));
  if (!bundles.every((f) => fs.existsSync(f))) return true;
  const built = Math.min(...bundles.map((f) => fs.statSync(f).mtimeMs));
  return ['client', 'server', 'shared', 'rules'].some((dir) => newestIn(path.join(root, dir)) > built);
}

if (isBuildStale()) {
  console.log('demo: building…');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The test rails' defaults make typing deterministic; a person trying Skeptic gets VS Code's usual editor instead.
const settings = {
  'editor.quickSuggestions': { other: 'on', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': true,
  'editor.acceptSuggestionOnEnter': 'on',
  'editor.parameterHints.enabled': true,
  'editor.autoClosingBrackets': 'languageDefined',
  'editor.autoClosingQuotes': 'languageDefined',
  'editor.autoClosingOvertype': 'auto',
  'editor.autoSurround': 'languageDefined',
  'editor.autoIndent': 'full',
  'editor.minimap.enabled': true,
  'workbench.editor.enablePreview': true,
  'workbench.startupEditor': 'readme',
};

console.log('demo: starting VS Code (code-server) on demo/…');
const server = await startCodeServer({ workspace: demo, settings });
const url = workbenchUrl(server, { folder: demo, extensionDevelopmentPath: root });
console.log(`\nSkeptic demo: open this URL in a browser on this machine (Ctrl+C stops it):\n\n  ${url}\n`);

// Stay up while code-server answers; its pipes keep the process alive, this notices if it dies.
setInterval(async () => {
  try {
    if (!(await fetch(`${server.url}healthz`)).ok) throw new Error('unhealthy');
  } catch {
    console.error(`demo: code-server stopped answering.\n${server.output().slice(-2000)}`);
    await server.stop();
    process.exit(1);
  }
}, 5000);
