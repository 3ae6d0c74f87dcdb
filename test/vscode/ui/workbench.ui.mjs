// UI tests in the real workbench: the squiggle, the status bar, the Problems row, Ctrl+. applying a fix (and the README's
// screenshot of it), the command palette, and granting trust in Restricted Mode turning a .skeptic.yml on.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  openFileQuickOpen, openWorkbench, readProblems, runCommandPalette, screenshot, visibleEditorText,
} from '../code-server.mjs';
import { copyTestWorkspace } from '../test-workspaces.mjs';

const squiggle = '.editor-group-container.active .monaco-editor .squiggly-warning, .editor-group-container.active .monaco-editor .squiggly-error';

/** Moves the cursor with Go to Line (Ctrl+G, "line:column", both 1-based). */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`); // the ':' prefix is what makes Quick Open go to a line
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/**
 * Presses Ctrl+. until `row` shows. The first Ctrl+. after a file opens often shows "No code actions available" in this
 * VS Code (1.100, web) although the server's trace shows it answered that very request with the fixes; the next press
 * shows them. (Seen with the cursor placed by keyboard or Go to Line, after 1 or 4 s; not understood yet.)
 */
async function openQuickFixMenu(page, row) {
  const empty = page.locator('.monaco-editor-overlaymessage', { hasText: 'No code actions available' });
  for (let attempt = 1; ; attempt++) {
    await page.waitForTimeout(1000); // the lightbulb follows the cursor after a delay
    await page.keyboard.press('Control+.');
    await Promise.race([row.waitFor({ state: 'visible' }), empty.waitFor({ state: 'visible' })]).catch(() => {});
    if (await row.isVisible()) return;
    if (attempt === 4) throw new Error('Ctrl+. never showed the fix: "No code actions available"');
    console.log('  (Ctrl+. attempt %d showed no code actions; trying again)', attempt);
    await page.keyboard.press('Escape');
  }
}

async function waitForText(page, what, predicate, timeout = 60000) {
  const deadline = Date.now() + timeout;
  let text;
  while (Date.now() < deadline) {
    text = await visibleEditorText(page);
    if (text !== null && predicate(text)) return text;
    await page.waitForTimeout(200);
  }
  throw new Error(`editor text never showed ${what}; it shows:\n${text}`);
}

/** Polls the Problems panel until `predicate(rows)` holds. */
async function waitForProblems(page, what, predicate, timeout = 60000) {
  let rows = [];
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await page.waitForTimeout(250)) {
    rows = await readProblems(page);
    if (predicate(rows)) return rows;
  }
  throw new Error(`the Problems panel never showed ${what}: ${JSON.stringify(rows)}`);
}

function statusItem(page, text) {
  return page.locator('.part.statusbar .statusbar-item', { hasText: text });
}

/** Tests sharing one workbench (extension from source, trust disabled), in order. */
const workbenchTests = [
  ['a squiggle appears under weak-hash in hashPassword', async ({ page }) => {
    await openFileQuickOpen(page, 'auth.js');
    await page.locator(squiggle).first().waitFor({ state: 'visible', timeout: 90000 });
  }],

  ['the status bar counts the file\'s findings', async ({ page }) => {
    await statusItem(page, /Skeptic: [1-9]/).waitFor({ state: 'visible' });
  }],

  ['the Problems panel lists the finding with its rule id and CWE', async ({ page }) => {
    const rows = await waitForProblems(page, 'a weak-hash row', (all) => all.some((r) => r.includes('weak-hash')));
    const row = rows.find((r) => r.includes('weak-hash'));
    assert.ok(row, `no weak-hash row in ${JSON.stringify(rows)}`);
    assert.match(row, /skeptic\W+weak-hash/); // rendered as "skeptic(weak-hash)"; innerText drops the parentheses
    assert.match(row, /CWE-328/);
    assert.match(row, /\[Ln 6, Col 28\]/);
    console.log('  Problems row: %s', row);
    await page.keyboard.press('Control+J'); // hide the panel again
  }],

  ['Ctrl+. on the finding shows the fix and applying it changes the code', async ({ page, media }) => {
    await openFileQuickOpen(page, 'tokens.js');
    await page.locator(squiggle).first().waitFor({ state: 'visible', timeout: 60000 });
    await page.keyboard.press('Control+B'); // hide the side bar: the menu then opens right under the squiggle
    await goTo(page, 5, 28);
    const rows = page.locator('.action-widget .monaco-list-row');
    await openQuickFixMenu(page, rows.filter({ hasText: 'Use SHA-256' }));
    const titles = await rows.allInnerTexts();
    assert.ok(titles.some((t) => t.includes('Ignore weak-hash on this line')), JSON.stringify(titles));
    await screenshotAround(page, '.action-widget', media);
    // Keyboard only: the widget's pointer block swallows clicks.
    for (let i = 0; i < titles.length; i++) {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').innerText().catch(() => '');
      if (focused.includes('Use SHA-256')) break;
      await page.keyboard.press('ArrowDown');
    }
    assert.match(await page.locator('.action-widget .monaco-list-row.focused').innerText(), /Use SHA-256/);
    await page.keyboard.press('Enter');
    await waitForText(page, "createHash('sha256')", (t) => t.includes("crypto.createHash('sha256')"));
    await page.locator(squiggle).first().waitFor({ state: 'detached', timeout: 60000 });
    await statusItem(page, 'Skeptic: ').waitFor({ state: 'detached' }); // the count gives way to a check mark
  }],

  ['the command palette lists Skeptic\'s commands', async ({ page }) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill('>Skeptic:');
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Restart Server' }).first().waitFor();
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent));
    await page.keyboard.press('Escape');
    for (const title of ['Skeptic: Restart Server', 'Skeptic: Show Output', 'Skeptic: Fix All in File', 'Skeptic: Show Rule Documentation']) {
      assert.ok(labels.some((l) => l.startsWith(title)), `${title} missing from ${JSON.stringify(labels)}`);
    }
    assert.ok(!labels.some((l) => /Select Range/.test(l)), `an internal command is listed: ${JSON.stringify(labels)}`);
  }],

  ['"Skeptic: Fix All in File" from the palette parameterizes both queries', async ({ page }) => {
    await openFileQuickOpen(page, 'users.js');
    await page.locator(squiggle).first().waitFor({ state: 'visible', timeout: 60000 });
    await runCommandPalette(page, 'Skeptic: Fix All in File');
    await waitForText(page, 'the first query parameterized', (t) => t.includes("WHERE name = ?', [req.query.name]"));
    await goTo(page, 17, 1); // only the lines in view are in the DOM
    await waitForText(page, 'the second query parameterized', (t) => t.includes("WHERE id = ?', [req.params.id]"));
  }],

  ['"Skeptic: Show Output" shows the Skeptic channel with the protocol trace skeptic.trace.server asks for', async ({ page }) => {
    await runCommandPalette(page, 'Skeptic: Show Output');
    const lines = page.locator('.part.panel .monaco-editor .view-line');
    // The channel scrolls to its end, where the trace of the latest messages is. (\s: the editor renders spaces as U+00A0.)
    await lines.filter({ hasText: /(Sending|Received)\s(request|notification|response)\s'/ }).first().waitFor({ state: 'visible' });
    await lines.last().click({ force: true }); // focus the output (the top line sits under a scroll shadow)
    await page.keyboard.press('Control+Home');
    await lines.filter({ hasText: 'activating; workspace trusted' }).first().waitFor({ state: 'visible' });
  }],
];

/** In Restricted Mode the repository's .skeptic.yml cannot silence weak-hash; once the user trusts the folder, it does. */
async function grantTrustTest({ extensionsDir }) {
  const workspace = copyTestWorkspace({ untrusted: true, settings: false });
  const { page, close } = await openWorkbench({ workspace, extensionsDir, trust: true, viewport: { width: 1200, height: 800 } });
  try {
    await statusItem(page, 'Restricted Mode').first().waitFor({ state: 'visible', timeout: 60000 });
    await openFileQuickOpen(page, 'auth.js');
    await page.locator(squiggle).first().waitFor({ state: 'visible', timeout: 90000 });
    await waitForProblems(page, 'a weak-hash row', (rows) => rows.some((r) => /skeptic\W+weak-hash/.test(r)));
    await runCommandPalette(page, 'Workspaces: Manage Workspace Trust');
    const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
    await trust.waitFor({ state: 'visible' });
    await trust.click();
    await statusItem(page, 'Restricted Mode').first().waitFor({ state: 'detached', timeout: 30000 });
    await waitForProblems(page, 'no weak-hash row', (rows) => !rows.some((r) => /skeptic\W+weak-hash/.test(r)));
  } catch (error) {
    await screenshot(page, path.join(screenshotsDir, 'grant-trust-failure.png')).catch(() => {});
    throw error;
  } finally {
    await close();
  }
}

let screenshotsDir;

/** A PNG of the page from its top down to just below `selector` (the README's image stays small). */
async function screenshotAround(page, selector, file) {
  const box = await page.locator(selector).boundingBox();
  const viewport = page.viewportSize();
  const height = Math.min(viewport.height, Math.ceil((box?.y ?? viewport.height) + (box?.height ?? 0) + 24));
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, clip: { x: 0, y: 0, width: viewport.width, height } });
}

/** Runs the UI tests; returns the counts. `updateMedia` writes the quick-fix screenshot to media/ for the README. */
export async function runUiTests({ repo, extensionsDir, updateMedia = false }) {
  screenshotsDir = path.join(repo, '.vscode-test/screenshots');
  const media = updateMedia ? path.join(repo, 'media/quick-fix.png') : path.join(screenshotsDir, 'quick-fix.png');
  let passed = 0;
  let failed = 0;
  const record = async (name, fn) => {
    const started = Date.now();
    try {
      await fn();
      passed++;
      console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
      return true;
    } catch (error) {
      failed++;
      console.log(`  ✘ ${name}\n${String(error.stack ?? error).replace(/^/gm, '      ')}`);
      return false;
    }
  };

  const workspace = copyTestWorkspace();
  let workbench;
  const opened = await record('the workbench opens with Skeptic loaded from source', async () => {
    workbench = await openWorkbench({
      workspace, extensionDevelopmentPath: repo, viewport: { width: 1000, height: 600 }, settings: { 'skeptic.trace.server': 'messages' },
    });
  });
  if (opened) {
    try {
      for (const [name, fn] of workbenchTests) {
        const ok = await record(name, () => fn({ page: workbench.page, media }));
        if (!ok) await screenshot(workbench.page, path.join(screenshotsDir, `failure-${name.replace(/\W+/g, '-').slice(0, 60)}.png`)).catch(() => {});
      }
    } finally {
      await workbench.close();
    }
  }
  if (extensionsDir) await record('granting trust lets the repository\'s .skeptic.yml silence weak-hash', () => grantTrustTest({ extensionsDir }));
  if (updateMedia) console.log(`  screenshot: ${path.relative(repo, media)}`);
  return { passed, failed };
}
