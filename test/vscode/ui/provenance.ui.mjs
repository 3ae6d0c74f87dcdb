// Provenance UI tests with a real keyboard and clipboard: Tab accepts an assistant's inline suggestion and Skeptic reports it,
// Tab still indents when no suggestion shows, a paste from outside VS Code is reported as pasted and a copy within the file
// is not. The installed Skeptic .vsix runs beside a test extension playing the assistant (test/vscode/provenance-assistant).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openFileQuickOpen, openWorkbench, runCommandPalette, runNamedTests, visibleEditorText } from '../code-server.mjs';
import { copyTestWorkspace } from '../test-workspaces.mjs';
import { ordersFile, snippets } from '../provenance-assistant/assistant.js';

/** The test assistant's status bar item: what Skeptic reported, e.g. "AI-test: inline-completion 7-12 | paste 15-17". */
async function reports(page) {
  const text = await page.locator('.part.statusbar .statusbar-item', { hasText: 'AI-test:' }).first().innerText();
  const list = text.replace(/^.*AI-test:\s*/s, '').trim();
  return list === 'none' ? [] : list.split(' | ');
}

async function waitForReports(page, what, predicate, timeout = 20000) {
  let last = [];
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await page.waitForTimeout(200)) {
    last = await reports(page);
    if (predicate(last)) return last;
  }
  throw new Error(`Skeptic's reports never showed ${what}: ${JSON.stringify(last)}`);
}

async function waitForEditorText(page, what, predicate, timeout = 20000) {
  let text;
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await page.waitForTimeout(200)) {
    text = await visibleEditorText(page);
    if (text !== null && predicate(text)) return text;
  }
  throw new Error(`the editor never showed ${what}; it shows:\n${text}`);
}

/** Puts the cursor at the start of a line (1-based) with the keyboard only. */
async function toLine(page, line) {
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
}

const ghostText = '.editor-group-container.active .monaco-editor .ghost-text-decoration, .editor-group-container.active .monaco-editor .ghost-text';

const tests = [
  ['Tab accepts the assistant\'s inline suggestion and Skeptic reports it as inline-completion', async ({ page }) => {
    await openFileQuickOpen(page, 'orders.js');
    await page.locator('.part.statusbar .statusbar-item', { hasText: 'AI-test:' }).first().waitFor({ timeout: 60000 });
    await toLine(page, 7);
    await page.keyboard.type(snippets[0].trigger);
    await page.locator(ghostText).first().waitFor({ state: 'visible', timeout: 30000 });
    await page.keyboard.press('Tab');
    await waitForEditorText(page, 'the accepted snippet', (t) => t.includes('res.json(rows);'));
    const got = await waitForReports(page, 'the accepted suggestion', (r) => r.length > 0);
    assert.deepEqual(got, ['inline-completion 7-12']);
  }],

  ['Tab still indents when no suggestion shows, and is not reported', async ({ page }) => {
    await toLine(page, 13); // the empty line after the accepted route
    await page.keyboard.press('Tab');
    await page.keyboard.type('// indented');
    const text = await waitForEditorText(page, 'the indented comment', (t) => t.includes('// indented'));
    assert.match(text, /\n(\t| {2,8})\/\/ indented/, 'Tab inserted indentation');
    await page.waitForTimeout(500);
    assert.deepEqual(await reports(page), ['inline-completion 7-12']);
  }],

  ['Tab in the suggest widget still accepts the suggestion item, and is not reported', async ({ page }) => {
    await toLine(page, 13);
    await page.keyboard.press('End');
    await page.keyboard.type(' expr');
    await page.keyboard.press('Control+Space');
    await page.locator('.editor-widget.suggest-widget.visible .monaco-list-row', { hasText: 'express' }).first().waitFor({ timeout: 30000 });
    await page.keyboard.press('Tab');
    await waitForEditorText(page, 'the completed word', (t) => t.includes('// indented express'));
    await page.waitForTimeout(500);
    assert.deepEqual(await reports(page), ['inline-completion 7-12']);
  }],

  ['a paste from outside VS Code is reported as paste', async ({ page }) => {
    const pasted = "router.get('/orders/:id', (req, res) => {\n  pool.query('SELECT * FROM orders WHERE id = ' + req.params.id, (err, rows) => res.json(rows));\n});\n";
    await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+V');
    await waitForEditorText(page, 'the pasted route', (t) => t.includes("router.get('/orders/:id'"));
    const got = await waitForReports(page, 'the paste', (r) => r.length > 1);
    assert.deepEqual(got, ['inline-completion 7-12', 'paste 14-17']);
  }],

  ['a copy within the file pasted again is not reported', async ({ page }) => {
    await toLine(page, 14);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+V');
    await waitForEditorText(page, 'the copied route pasted again', (t) => t.split("router.get('/orders/:id'").length === 3);
    await page.waitForTimeout(1000);
    assert.deepEqual(await reports(page), ['inline-completion 7-12', 'paste 14-17']);
  }],

  ['Tab still moves to the next tab stop of a snippet, and is not reported', async ({ page }) => {
    await page.keyboard.press('Control+End');
    await runCommandPalette(page, 'Skeptic Test: Insert Query Snippet');
    await waitForEditorText(page, 'the snippet', (t) => t.includes("pool.query('sql', [values]);"));
    await page.keyboard.press('Tab'); // from the first tab stop ("sql") to the second ("values")
    await page.keyboard.type('ids');
    await waitForEditorText(page, 'the second tab stop replaced', (t) => t.includes("pool.query('sql', [ids]);"));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    assert.deepEqual(await reports(page), ['inline-completion 7-12', 'paste 14-17']);
  }],

  ['the tracked blocks show a gutter bar and their code lenses', async ({ page }) => {
    await toLine(page, 1);
    // The accepted route (lines 7-12) and the pasted one (14-16): a bar on each of their lines.
    await waitForGutterLines(page, 'the two blocks', (lines) => lines === 6 + 3);
    const lenses = await waitForLenses(page, 'both blocks\' lenses', (l) => l.length === 2);
    assert.match(lenses[0], /^AI-suggested · 1 finding\s*\|\s*Question this snippet\s*\|\s*Mark reviewed$/);
    assert.match(lenses[1], /^Pasted · 1 finding\s*\|\s*Question this snippet\s*\|\s*Mark reviewed$/);
  }],

  ['"Skeptic: Show AI-Suggested Code" lists both blocks and reveals the one picked', async ({ page }) => {
    const texts = await listBlocks(page);
    assert.equal(texts.length, 2, JSON.stringify(texts));
    assert.match(texts[0], /^src\/routes\/orders\.js:7-12\s*AI inline suggestion · .* not reviewed · 1 finding$/);
    assert.match(texts[1], /^src\/routes\/orders\.js:14-16\s*pasted · .* not reviewed · 1 finding$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.part.statusbar .statusbar-item', { hasText: /Ln 1[47], Col 1 \(\d+ selected\)/ }).first().waitFor();
  }],

  ['"Mark reviewed" on the lens removes that block\'s lens and gutter bar', async ({ page }) => {
    await toLine(page, 1);
    const lens = page.locator('.editor-group-container.active .codelens-decoration').first();
    await lens.locator('a', { hasText: 'Mark reviewed' }).click();
    await waitForLenses(page, 'one lens left', (l) => l.length === 1 && l[0].startsWith('Pasted'));
    await waitForGutterLines(page, 'the pasted block only', (lines) => lines === 3);
  }],

  ['after a window reload the blocks are still known: the reviewed one without a lens, the pasted one with it', async ({ page }) => {
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
    await runCommandPalette(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60000 });
    await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').first().waitFor({ timeout: 60000 });
    const lenses = await waitForLenses(page, 'the pasted block\'s lens', (l) => l.length === 1, 90000);
    assert.match(lenses[0], /^Pasted · 1 finding/);
    await waitForGutterLines(page, 'the pasted block\'s bar', (lines) => lines === 3);
    const texts = await listBlocks(page);
    await page.keyboard.press('Escape');
    assert.equal(texts.length, 2, JSON.stringify(texts));
    assert.match(texts[0], /orders\.js:7-12\s*AI inline suggestion · .* reviewed .* · 1 finding$/);
    assert.doesNotMatch(texts[0], /not reviewed/);
    assert.match(texts[1], /orders\.js:14-16\s*pasted · .* not reviewed · 1 finding$/);
  }],
];

/** Opens "Skeptic: Show AI-Suggested Code" and returns its rows as text (the quick pick stays open). */
async function listBlocks(page) {
  await runCommandPalette(page, 'Skeptic: Show AI-Suggested Code');
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor();
  return rows.evaluateAll((els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
}

/**
 * A read of the page that a window reload may cut short: the old page can still answer the waits before it and then
 * navigate away mid-read ("Execution context was destroyed"). Undefined then, and the caller's poll reads again.
 */
async function duringReload(read) {
  try {
    return await read();
  } catch (error) {
    if (/Execution context was destroyed|navigation/i.test(String(error?.message))) return undefined;
    throw error;
  }
}

/** The code lenses of the visible editor, top to bottom, as text ("AI-suggested · 1 finding | Mark reviewed"). */
async function waitForLenses(page, what, predicate, timeout = 30000) {
  let lenses = [];
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await page.waitForTimeout(250)) {
    const read = await duringReload(() => page.locator('.editor-group-container.active .codelens-decoration').evaluateAll((els) => els
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((e) => e.innerText.replace(/\s+/g, ' ').trim())));
    if (read === undefined) continue;
    lenses = read;
    if (predicate(lenses)) return lenses;
  }
  throw new Error(`the code lenses never showed ${what}: ${JSON.stringify(lenses)}`);
}

/** How many lines of the visible editor carry Skeptic's gutter bar (a glyph-margin decoration with its SVG). */
async function waitForGutterLines(page, what, predicate, timeout = 30000) {
  let count = -1;
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await page.waitForTimeout(250)) {
    const read = await duringReload(() => page.locator('.editor-group-container.active .monaco-editor .cgmr').evaluateAll((els) =>
      new Set(els.filter((e) => getComputedStyle(e).backgroundImage.includes('data:image/svg')).map((e) => e.style.top)).size));
    if (read === undefined) continue;
    count = read;
    if (predicate(count)) return count;
  }
  throw new Error(`the gutter never showed ${what}: ${count} line(s) marked`);
}

/** Runs the provenance UI tests in one workbench; returns the counts. `extensionsDir` holds the installed Skeptic .vsix. */
export async function runProvenanceUiTests({ repo, extensionsDir }) {
  const screenshotsDir = path.join(repo, '.vscode-test/screenshots');
  const workspace = copyTestWorkspace();
  writeFileSync(path.join(workspace, 'src/routes/orders.js'), ordersFile);
  const workbench = await openWorkbench({
    workspace, extensionsDir, extensionDevelopmentPath: path.join(repo, 'test/vscode/provenance-assistant'),
    viewport: { width: 1200, height: 800 }, settings: {
      'editor.insertSpaces': true, 'editor.tabSize': 2, 'editor.detectIndentation': false,
      'skeptic.provenance.origins': ['inline-completion', 'ai-edit', 'paste'],
    },
  });
  try {
    return await runNamedTests(workbench.page, tests, { screenshotsDir, shotPrefix: 'failure-provenance-' });
  } finally {
    await workbench.close();
  }
}
