// Measures Skeptic's activation in a real VS Code (code-server + headless Chromium): from the workbench being ready to the
// extension's activation and to the first diagnostics of an opened file, plus VS Code's own activate() time; median of runs.
// Usage: node scripts/bench/activation.bench.mjs [--runs 3] [--from-source]. By default it measures what users install: it
// packages the .vsix (a minified build, scripts/package.mjs) and installs it; --from-source loads dist/ in development mode.
// Writes .bench/activation.json.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  installExtension, launchBrowser, openFileQuickOpen, runCommandPalette, startCodeServer, workbenchUrl,
} from '../../test/vscode/code-server.mjs';
import { copyTestWorkspace } from '../../test/vscode/test-workspaces.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, 'from-source': { type: 'boolean', default: false } },
  allowPositionals: true,
});
const runs = Number(args.runs);
const fromSource = args['from-source'];

let extensionsDir;
if (fromSource) {
  if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) {
    console.error('activation: dist/extension.js is missing; run `node scripts/build.mjs` first.');
    process.exit(1);
  }
} else {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-bench-'));
  process.on('exit', () => fs.rmSync(temp, { recursive: true, force: true }));
  const vsix = path.join(temp, 'skeptic.vsix');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/package.mjs'), '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
  extensionsDir = path.join(temp, 'extensions');
  installExtension(vsix, extensionsDir);
}

const squiggle = '.editor-group-container.active .monaco-editor .squiggly-warning';

/** One cold start: a fresh code-server, browser profile and workspace copy. Times in ms. */
async function measureOnce() {
  const server = await startCodeServer({ workspace: copyTestWorkspace(), extensionsDir });
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    page.setDefaultTimeout(120000);
    const started = performance.now();
    await page.goto(workbenchUrl(server, fromSource ? { extensionDevelopmentPath: root } : {}));
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible' });
    const workbenchReady = performance.now();
    await openFileQuickOpen(page, 'auth.js');
    const fileShown = performance.now();
    // Activation ends before the status bar item can show: it is created in activate().
    await page.locator('.part.statusbar .statusbar-item', { hasText: 'Skeptic' }).first().waitFor({ state: 'visible' });
    const activated = performance.now();
    await page.locator(squiggle).first().waitFor({ state: 'visible' });
    const diagnosed = performance.now();
    return {
      workbenchLoadMs: workbenchReady - started,
      readyToActivatedMs: activated - workbenchReady,
      readyToDiagnosticsMs: diagnosed - workbenchReady,
      openToActivatedMs: activated - fileShown,
      openToDiagnosticsMs: diagnosed - fileShown,
      activateCallMs: await readActivateTime(page),
    };
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

/** VS Code's own measurement of activate(), from "Developer: Show Running Extensions" (undefined if not shown). */
async function readActivateTime(page) {
  try {
    await runCommandPalette(page, 'Developer: Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Skeptic' }).first();
    await row.waitFor({ state: 'visible', timeout: 30000 });
    const text = await row.locator('.activation-time').innerText();
    const match = /([\d.]+)\s*ms/.exec(text);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function median(values) {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const results = [];
for (let i = 1; i <= runs; i++) {
  process.stderr.write(`activation: run ${i}/${runs}\n`);
  results.push(await measureOnce());
}
const metrics = [
  ['workbenchLoadMs', 'Workbench load (page → status bar)'],
  ['readyToActivatedMs', 'Workbench ready → Skeptic activated (opening auth.js)'],
  ['readyToDiagnosticsMs', 'Workbench ready → first diagnostics (squiggle)'],
  ['openToActivatedMs', 'auth.js shown → Skeptic activated'],
  ['openToDiagnosticsMs', 'auth.js shown → first diagnostics'],
  ['activateCallMs', 'activate() as VS Code measures it'],
];
const medians = Object.fromEntries(metrics.map(([key]) => [key, median(results.map((r) => r[key]))]));
const format = (v) => (v === undefined ? 'n/a' : `${Math.round(v)} ms`);
console.log(`\n### Activation in VS Code (code-server 4.100.3, headless Chromium), ${fromSource ? 'dist/ in development mode' : 'installed .vsix'}: median of ${runs} cold starts\n`);
console.log('| Measure | Median | Runs |');
console.log('| --- | --- | --- |');
for (const [key, label] of metrics) console.log(`| ${label} | ${format(medians[key])} | ${results.map((r) => format(r[key])).join(', ')} |`);
console.log(`\nLoad average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs; times include the machine's load.`);

const out = path.join(root, '.bench', 'activation.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, extension: fromSource ? 'development' : 'vsix', cpus: os.cpus().length, loadAverage: os.loadavg(), runs, medians, results }, null, 2) + '\n');
