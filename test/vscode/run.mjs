// The VS Code test command: the extension-host suite (trust disabled), the Restricted Mode suite on the installed .vsix,
// then the UI tests, all in a real VS Code (code-server + headless Chromium). Last line: "N passed, N failed".
// Usage (after a build): node test/vscode/run.mjs [--only suite,untrusted,ui,review-ui,provenance-ui (ui runs the last two too)] [--suite NAME] [--update-media  (rewrites media/quick-fix.png)]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { installCodeServer, installExtension, runExtensionTests } from './code-server.mjs';
import { copyTestWorkspace } from './test-workspaces.mjs';
import { runReviewUiTests } from './ui/review.ui.mjs';
import { runUiTests } from './ui/workbench.ui.mjs';
import { runProvenanceUiTests } from './ui/provenance.ui.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const extensionTestsPath = path.join(here, 'suite/index.js');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : ['suite', 'untrusted', 'ui'];
const updateMedia = args.includes('--update-media');
// `--suite NAME` runs one set of the extension-host suite's files (see `suites` in suite/index.js), e.g. provenance-files.
const suiteName = args.includes('--suite') ? args[args.indexOf('--suite') + 1] : undefined;

let passed = 0;
let failed = 0;
const times = [];

async function timed(name, fn) {
  const started = Date.now();
  console.log(`\n# ${name}`);
  try {
    return await fn();
  } finally {
    const seconds = (Date.now() - started) / 1000;
    times.push([name, seconds]);
    console.log(`# ${name}: ${seconds.toFixed(1)} s`);
  }
}

/** Runs an extension-host suite and counts its tests from the "skeptic-suite: N passed, M failed" line it prints. */
async function runSuite(options) {
  let counts;
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    const match = /skeptic-suite: (\d+) passed, (\d+) failed/.exec(String(chunk));
    if (match) counts = { passed: Number(match[1]), failed: Number(match[2]) };
    return write(chunk, ...rest);
  };
  let code;
  try {
    code = await runExtensionTests({ extensionTestsPath, ...options });
  } finally {
    process.stdout.write = write;
  }
  passed += counts?.passed ?? 0;
  failed += counts?.failed ?? 0;
  // A suite that did not load, timed out or crashed counts as one failure of its own.
  if (code !== 0 && !counts?.failed) {
    console.error(`# the suite exited ${code} without reporting a failed test`);
    failed++;
  }
}

await timed('install code-server (a no-op when installed)', () => installCodeServer());

if (only.includes('suite')) {
  await timed('extension-host suite, workspace trust disabled (extension from source)', () => runSuite({
    extensionDevelopmentPath: repo, workspace: copyTestWorkspace(), timeoutMs: 300000,
    ...(suiteName ? { settings: { 'skepticTest.suite': suiteName } } : {}),
  }));
}

let extensionsDir;
if (only.includes('untrusted') || only.includes('ui') || only.includes('provenance-ui')) {
  await timed('package the .vsix and install it', () => {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'skeptic-vsix-'));
    process.on('exit', () => rmSync(temp, { recursive: true, force: true }));
    const vsix = path.join(temp, 'skeptic.vsix');
    const r = spawnSync(process.execPath, [path.join(repo, 'scripts/package.mjs'), '--no-build', '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`scripts/package.mjs failed (exit ${r.status})`);
    extensionsDir = path.join(temp, 'extensions');
    installExtension(vsix, extensionsDir);
  });
}

if (only.includes('untrusted')) {
  await timed('extension-host suite, workspace trust on and the folder untrusted (installed .vsix)', () => runSuite({
    // VS Code runs a test suite only in extension development mode: an empty development extension provides it.
    extensionDevelopmentPath: path.join(here, 'suite/harness-extension'),
    workspace: copyTestWorkspace({ untrusted: true }), trust: true, extensionsDir,
    settings: { 'skepticTest.suite': 'untrusted' }, timeoutMs: 180000,
  }));
}

if (only.includes('ui')) {
  await timed('UI tests in the workbench', async () => {
    const results = await runUiTests({ repo, extensionsDir, updateMedia });
    passed += results.passed;
    failed += results.failed;
  });
}

if (only.includes('ui') || only.includes('review-ui')) {
  await timed('UI tests of the review panel', async () => {
    const results = await runReviewUiTests({ repo });
    passed += results.passed;
    failed += results.failed;
  });
}

if (only.includes('ui') || only.includes('provenance-ui')) {
  await timed('provenance UI tests (Tab, paste) with a test assistant', async () => {
    const results = await runProvenanceUiTests({ repo, extensionsDir });
    passed += results.passed;
    failed += results.failed;
  });
}

console.log(`\n# times: ${times.map(([name, s]) => `${name.split(' (')[0]} ${s.toFixed(1)} s`).join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
