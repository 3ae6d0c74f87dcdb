// Proves the VS Code rails work: runs the selftest suite in the extension host (trusted and untrusted) and drives the UI.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  openFileQuickOpen, openWorkbench, readProblems, runCommandPalette, runExtensionTests, screenshot, visibleEditorText,
} from '../code-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionDevelopmentPath = path.join(here, 'extension');
const extensionTestsPath = path.join(here, 'suite/index.js');
const screenshots = path.resolve(here, '../../../.vscode-test/screenshots');

const workspace = mkdtempSync(path.join(os.tmpdir(), 'selftest-ws-'));
writeFileSync(path.join(workspace, 'hello.txt'), 'hello\nTODO: check\n');
process.on('exit', () => rmSync(workspace, { recursive: true, force: true }));

async function uiCheck() {
  const { page, close } = await openWorkbench({ workspace, extensionDevelopmentPath });
  try {
    await page.locator('.part.statusbar .statusbar-item', { hasText: 'selftest-ok' }).waitFor({ timeout: 30000 });
    await runCommandPalette(page, 'Selftest: Hello');
    await page.locator('.notifications-toasts', { hasText: 'Hello from selftest' }).waitFor();
    await openFileQuickOpen(page, 'hello.txt');
    const text = await visibleEditorText(page);
    if (text !== 'hello\nTODO: check\n') throw new Error(`editor shows ${JSON.stringify(text)}`);
    let problems = [];
    for (const deadline = Date.now() + 10000; Date.now() < deadline; await page.waitForTimeout(200)) {
      problems = await readProblems(page);
      if (problems.some((p) => p.includes('selftest found a TODO'))) break;
    }
    if (!problems.some((p) => p.includes('selftest found a TODO'))) throw new Error(`Problems: ${JSON.stringify(problems)}`);
    await screenshot(page, path.join(screenshots, 'selftest.png'));
    console.log('  problems: %j', problems);
  } catch (error) {
    await screenshot(page, path.join(screenshots, 'selftest-failure.png')).catch(() => {});
    throw error;
  } finally {
    await close();
  }
}

const checks = [
  ['extension-host suite, trust disabled', () => runExtensionTests({
    extensionDevelopmentPath, extensionTestsPath, workspace, timeoutMs: 120000 })],
  ['extension-host suite, workspace trust on and folder untrusted', () => runExtensionTests({
    extensionDevelopmentPath, extensionTestsPath, workspace, trust: true,
    settings: { 'selftest.expectTrusted': false }, timeoutMs: 120000 })],
  ['UI: status bar, command palette, quick open, problems', async () => { await uiCheck(); return 0; }],
];

let passed = 0;
let failed = 0;
for (const [name, check] of checks) {
  const started = Date.now();
  console.log(`# ${name}`);
  const code = await check().catch((error) => { console.error(error); return 1; });
  console.log(`# ${code === 0 ? 'ok' : `FAILED (exit ${code})`}: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (code === 0) passed++; else failed++;
}
console.log(`selftest: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
