// Runs a real VS Code (code-server + headless Chromium) for extension-host and UI tests, and cleans up after it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';
import { chromium } from 'playwright-core';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ?? path.join(REPO, '.vscode-test/code-server');
const ENTRY = path.join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
const INSTALLER = path.join(REPO, 'scripts/vscode/install-code-server.sh');
const VERBOSE = !!process.env.VSCODE_TEST_VERBOSE;

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost']; // the browser may reach loopback only

// Workbench chatter that also reaches codeAutomationLog during a test run; VSCODE_TEST_VERBOSE=1 shows it.
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|ChatSessionStore:|Creation of workbench contribution)/;

/** Settings that make typing and startup deterministic; `settings` passed by a test win. */
export const DEFAULT_SETTINGS = {
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.parameterHints.enabled': false,
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoClosingOvertype': 'never',
  'editor.autoSurround': 'never',
  'editor.autoIndent': 'none',
  'editor.formatOnType': false,
  'editor.minimap.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'files.autoSave': 'off',
};

/** Settings that keep a trust-enabled window in Restricted Mode without a modal prompt. */
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

// Everything still running, so that an exit or Ctrl-C of the test process cannot leave it behind.
const live = new Set();
function onSignal(name) {
  process.stderr.write(`\n[vscode-test] ${name}: stopping code-server and Chromium\n`);
  process.exit(128 + os.constants.signals[name]); // the 'exit' handlers kill: ours code-server, Playwright's Chromium
}
function track(resource) {
  if (live.size === 0) {
    process.on('exit', killAllSync);
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, onSignal);
  }
  live.add(resource);
}
function untrack(resource) {
  live.delete(resource);
  if (live.size === 0) {
    process.off('exit', killAllSync);
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, onSignal);
  }
}
function killAllSync() {
  for (const r of live) r.killSync();
}

/** Installs code-server if missing (a no-op taking milliseconds once installed). */
export function installCodeServer() {
  const r = spawnSync('bash', [INSTALLER], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${INSTALLER} failed (exit ${r.status})`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Pids of every live descendant of `pid`, read from /proc (catches processes that left the group). */
function descendants(pid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      const list = children.get(Number(ppid)) ?? [];
      list.push(Number(name));
      children.set(Number(ppid), list);
    } catch { /* the process ended while we read */ }
  }
  const out = [];
  for (let i = 0, queue = [pid]; i < queue.length; i++) {
    for (const c of children.get(queue[i]) ?? []) { out.push(c); queue.push(c); }
  }
  return out;
}

function isAlive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch { return false; }
}

function signal(pid, sig) {
  try { process.kill(pid, sig); } catch { /* already gone */ }
}

// code-server runs under a tiny guard that leads its own process group and kills that group when
// the test process disappears (its IPC channel closes), even if the test process was SIGKILLed.
const GUARD = `
const child = require('child_process').spawn(process.execPath, process.argv.slice(1), { stdio: 'inherit' });
process.on('disconnect', () => { try { process.kill(-process.pid, 'SIGKILL'); } catch {} });
child.on('exit', (code, sig) => process.exit(code ?? 1));
`;

/**
 * Starts code-server on a free 127.0.0.1 port with its own user-data and extensions folders.
 * trust: false (default) runs with --disable-workspace-trust; trust: true enables workspace trust and the
 * folder opens untrusted (Restricted Mode), because a fresh browser profile has no stored trust decision.
 */
export async function startCodeServer({ workspace, extensionsDir, userDataDir, settings = {}, trust = false } = {}) {
  if (!workspace) throw new Error('startCodeServer: workspace is required');
  installCodeServer();
  const temp = mkdtempSync(path.join(os.tmpdir(), 'vscode-test-'));
  userDataDir ??= path.join(temp, 'user-data');
  extensionsDir ??= path.join(temp, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const allSettings = { ...DEFAULT_SETTINGS, ...(trust ? UNTRUSTED_SETTINGS : {}), ...settings };
  writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify(allSettings, null, 2));
  const config = path.join(temp, 'config.yaml');
  writeFileSync(config, '');

  const port = await freePort();
  const args = [ENTRY, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    ...(trust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, path.resolve(workspace)];
  const env = Object.fromEntries(Object.entries(process.env)
    .filter(([k]) => !k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE'));
  env.EXTENSIONS_GALLERY = '{}'; // no marketplace: code-server would otherwise query open-vsx.org
  for (const xdg of ['XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME']) env[xdg] = path.join(temp, xdg.toLowerCase());
  const child = spawn(process.execPath, ['-e', GUARD, ...args], {
    detached: true, env, cwd: temp, stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const collect = (chunk) => {
    if (VERBOSE) process.stderr.write(`[code-server] ${chunk}`);
    output = (output + chunk).slice(-20000);
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.on('exit', () => { exited = true; resolve(); }));

  const pids = () => [child.pid, ...descendants(child.pid)];
  const resource = {
    killSync() {
      for (const pid of pids()) signal(pid, 'SIGKILL');
      signal(-child.pid, 'SIGKILL');
      rmSync(temp, { recursive: true, force: true });
    },
  };
  track(resource);

  let stopped;
  async function stop() {
    stopped ??= (async () => {
      const all = pids();
      signal(-child.pid, 'SIGKILL');
      for (const pid of all) signal(pid, 'SIGKILL');
      const deadline = Date.now() + 5000;
      while (all.some(isAlive) && Date.now() < deadline) await sleep(50);
      await Promise.race([exitedPromise, sleep(1000)]);
      untrack(resource);
      rmSync(temp, { recursive: true, force: true });
    })();
    return stopped;
  }

  const url = `http://127.0.0.1:${port}/`;
  try {
    const deadline = Date.now() + 60000;
    for (;;) {
      if (exited) throw new Error('code-server exited during startup');
      try {
        const res = await fetch(`${url}healthz`);
        if (res.ok) break;
      } catch { /* not listening yet */ }
      if (Date.now() > deadline) throw new Error('code-server did not answer within 60 s');
      await sleep(100);
    }
  } catch (error) {
    await stop();
    error.message += `\n--- code-server output ---\n${output}`;
    throw error;
  }
  return { url, port, userDataDir, extensionsDir, workspace: path.resolve(workspace), output: () => output, stop };
}

/**
 * Installs a .vsix into extensionsDir (about 1 s). Needed to test trust gating: Restricted Mode disables an installed
 * extension without capabilities.untrustedWorkspaces, but never one loaded with extensionDevelopmentPath.
 */
export function installExtension(vsix, extensionsDir) {
  installCodeServer();
  const temp = mkdtempSync(path.join(os.tmpdir(), 'vscode-test-install-'));
  try {
    writeFileSync(path.join(temp, 'config.yaml'), '');
    const r = spawnSync(process.execPath, [ENTRY, '--config', path.join(temp, 'config.yaml'), '--user-data-dir', temp,
      '--extensions-dir', extensionsDir, '--install-extension', path.resolve(vsix), '--force'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Headless Debian Chromium driven by Playwright (no Playwright-downloaded browser). */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * The workbench URL that opens `folder` with an extension in development mode and, optionally, its test suite.
 * `enableProposedApi` lets extensions use the proposed APIs their package.json names (`enabledApiProposals`); the web
 * workbench cannot limit it to some extension ids, but an extension that names no proposal still gets none. (code-server
 * loads only one development extension: a second one goes into `extensionsDir` as a plain folder.)
 */
export function workbenchUrl(server, { folder = server.workspace, extensionDevelopmentPath, extensionTestsPath, enableProposedApi = false } = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (enableProposedApi) payload.push(['enableProposedApi', '']);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${server.url}?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Runs an extension-host test suite (a module exporting `run(): Promise<void>`, as for @vscode/test-electron)
 * and prints its output. Resolves with the exit code: 0 when every test passed.
 */
export async function runExtensionTests({ extensionDevelopmentPath, extensionTestsPath, workspace, settings, trust, extensionsDir, timeoutMs = 120000 }) {
  const started = Date.now();
  let server, browser, timer;
  try {
    server = await startCodeServer({ workspace, settings, trust, extensionsDir });
    browser = await launchBrowser();
    const page = await browser.newPage();
    let finish;
    const exit = new Promise((resolve) => { finish = resolve; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (!VERBOSE && type === 'info' && WORKBENCH_NOISE.test(line)) return;
      (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    let workbenchLogs = [];
    await page.exposeFunction('codeAutomationExit', (code, logs) => { workbenchLogs = logs ?? []; finish(code); });
    page.on('crash', () => { process.stderr.write('[vscode-test] the workbench page crashed\n'); finish(1); });
    if (VERBOSE) {
      page.on('console', (m) => process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`));
      page.on('requestfailed', (r) => process.stderr.write(`[browser] request failed: ${r.url()} ${r.failure()?.errorText}\n`));
    }
    page.on('pageerror', (e) => process.stderr.write(`[vscode-test] page error: ${e.message}\n`));
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => {
        process.stderr.write(`[vscode-test] timed out after ${timeoutMs} ms running ${extensionTestsPath}\n`);
        resolve(124);
      }, timeoutMs);
    });
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath, extensionTestsPath }));
    const code = await Promise.race([exit, timeout]);
    if (code !== 0) saveLogs(server, workbenchLogs);
    if (VERBOSE) process.stderr.write(`[vscode-test] suite exited ${code} after ${Date.now() - started} ms\n`);
    return code;
  } catch (error) {
    process.stderr.write(`[vscode-test] ${error.stack ?? error}\n`);
    return 1;
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
    await server?.stop();
  }
}

/** Keeps the logs of a failed run (workbench, server, extension host, code-server output) under .vscode-test/logs/. */
function saveLogs(server, workbenchLogs) {
  const dir = path.join(REPO, '.vscode-test/logs', new Date().toISOString().replace(/[:.]/g, '-'));
  for (const { relativePath, contents } of workbenchLogs) {
    const file = path.join(dir, 'workbench', relativePath);
    if (!file.startsWith(dir)) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'code-server.log'), server.output());
  const serverLogs = path.join(server.userDataDir, 'logs'); // remote extension host and server logs
  if (existsSync(serverLogs)) cpSync(serverLogs, path.join(dir, 'server'), { recursive: true });
  process.stderr.write(`[vscode-test] logs of the failed run: ${dir}\n`);
}

/**
 * Starts code-server and a browser on a workbench with the extension loaded (in development mode, or installed
 * in extensionsDir); ready when the status bar shows. Extensions activate about 3 s later.
 */
export async function openWorkbench({ workspace, extensionDevelopmentPath, settings, trust, extensionsDir, viewport = { width: 1400, height: 900 }, enableProposedApi }) {
  const server = await startCodeServer({ workspace, settings, trust, extensionsDir });
  let browser;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    page.setDefaultTimeout(30000);
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath, enableProposedApi }));
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60000 });
    const close = async () => {
      await browser.close().catch(() => {});
      await server.stop();
    };
    return { page, server, browser, close };
  } catch (error) {
    await browser?.close().catch(() => {});
    await server.stop();
    throw error;
  }
}

/** Opens a workspace file by name through Quick Open (Ctrl+P) and waits until its editor shows its lines. */
export async function openFileQuickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: path.basename(name) }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active .label-name', { hasText: path.basename(name) }).waitFor();
  // The tab shows before the editor has rendered its lines.
  await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').first().waitFor();
}

/** Runs a command by its palette title (e.g. "Selftest: Hello"); throws if the palette does not list it. */
export async function runCommandPalette(page, title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row.focused');
  await row.waitFor();
  const label = (await row.getAttribute('aria-label')) ?? (await row.innerText());
  if (!label.toLowerCase().startsWith(title.toLowerCase())) {
    await page.keyboard.press('Escape');
    throw new Error(`command palette: the first match for "${title}" is "${label}"`);
  }
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Shows the Problems panel (Ctrl+Shift+M) and returns the text of its rendered rows, files and markers alike. */
export async function readProblems(page) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible' });
  }
  return panel.locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
}

/** The rendered lines of the visible text editor (only lines inside the viewport are in the DOM). */
export function visibleEditorText(page) {
  return page.evaluate(() => {
    const editors = [...document.querySelectorAll('.part.editor .monaco-editor')].filter((e) => e.offsetParent !== null);
    const editor = editors.find((e) => e.closest('.editor-group-container.active')) ?? editors[0];
    if (!editor) return null;
    return [...editor.querySelectorAll('.view-lines .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => l.textContent.replace(/\u00a0/g, ' '))
      .join('\n');
  });
}

/** Saves a PNG of the page (creating the folder). */
export async function screenshot(page, file) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await page.screenshot({ path: file });
}

/**
 * Runs named UI tests on one page in turn, printing ✔ or ✘ (with the stack) for each and saving a screenshot of each
 * failure as `<shotPrefix><name>.png` in `screenshotsDir`; returns the counts.
 */
export async function runNamedTests(page, tests, { screenshotsDir, shotPrefix }) {
  let passed = 0;
  let failed = 0;
  for (const [name, fn] of tests) {
    const started = Date.now();
    try {
      await fn({ page });
      passed++;
      console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  ✘ ${name}\n${String(error.stack ?? error).replace(/^/gm, '      ')}`);
      await screenshot(page, path.join(screenshotsDir, `${shotPrefix}${name.replace(/\W+/g, '-').slice(0, 50)}.png`)).catch(() => {});
    }
  }
  return { passed, failed };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
