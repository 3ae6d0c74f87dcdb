// UI test of "Question this snippet" in the real workbench: the palette on a selection, the rendered panel (a webview), an answer
// that survives a window reload, a finding's line link revealing the line, and "Ask a language model" with a scripted model.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFileQuickOpen, openWorkbench, runCommandPalette, runNamedTests } from '../code-server.mjs';
import { copyTestWorkspace } from '../test-workspaces.mjs';

const squiggle = '.editor-group-container.active .monaco-editor .squiggly-warning, .editor-group-container.active .monaco-editor .squiggly-error';

const here = path.dirname(fileURLToPath(import.meta.url));
const awsKey = 'AKIAIOSFODNN7EXAMPLE';

/** The visible review panel's document: webviews are an `iframe.webview` holding the content in `#active-frame`. */
function reviewFrame(page) {
  return page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
}

/** Selects whole lines `from`–`to` (1-based) with Go to Line and Shift+arrows, as a person would. */
async function selectLines(page, from, to) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${from}:1`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  for (let line = from; line < to; line++) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+End');
}

/** Selects lines `from`–`to` of users.js (opened with Quick Open unless `open` is false) and runs the command from the palette. */
async function questionSelection(page, from = 9, to = 14, { open = true } = {}) {
  if (open) await openFileQuickOpen(page, 'users.js');
  await page.locator(squiggle).first().waitFor({ state: 'visible', timeout: 90000 });
  await selectLines(page, from, to);
  await runCommandPalette(page, 'Skeptic: Question This Snippet');
  const frame = reviewFrame(page);
  await frame.locator('h1', { hasText: 'Question this snippet' }).waitFor({ timeout: 60000 });
  return frame;
}

/** Presses "Copy as review comment" and returns what the clipboard then holds. */
async function copyComment(page, frame) {
  await frame.getByRole('button', { name: 'Copy as review comment' }).click();
  await frame.locator('#status', { hasText: 'Copied the review comment' }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

const tests = [
  ['the palette on a selection opens the review panel: snippet, findings and line-tied questions', async ({ page }) => {
    const frame = await questionSelection(page);
    assert.match(await frame.locator('.where').innerText(), /src\/routes\/users\.js, lines 9–14/);
    assert.match(await frame.locator('pre.snippet').innerText(), /pool\.query\(`SELECT id, name FROM users WHERE name = '\$\{req\.query\.name\}'`/);
    const questions = await frame.locator('.question legend').allInnerTexts();
    assert.ok(questions.some((q) => q.startsWith('Line 10 builds a SQL query from req.query.name')), JSON.stringify(questions));
    const findings = await frame.locator('.finding').allInnerTexts();
    assert.ok(findings.some((f) => /Line 10\s+sql-injection \(error, CWE-89\)/.test(f)), JSON.stringify(findings));
    // The script really ran under the panel's CSP: the buttons are real buttons with accessible names.
    assert.equal(await frame.getByRole('button', { name: 'Copy as review comment' }).count(), 1);
    assert.ok(await frame.getByRole('radio', { name: 'Needs work' }).count() >= questions.length);
  }],

  ['an answer and its note are kept across a window reload, and copied into the review comment', async ({ page }) => {
    let frame = reviewFrame(page);
    const sql = frame.locator('.question', { hasText: 'builds a SQL query' }).first();
    await sql.getByRole('radio', { name: 'Needs work' }).check();
    await sql.getByRole('textbox', { name: 'Note' }).fill('bind req.query.name as a parameter');
    await sql.getByRole('textbox', { name: 'Note' }).press('Tab'); // the note is saved on change, as when leaving the field
    // The extension echoes what it stored; then the workbench's storage writes it out (it flushes on reload too).
    await frame.locator('.question[data-saved-state="needs-work"][data-saved-note="bind req.query.name as a parameter"]').waitFor();
    await page.waitForTimeout(500);
    await runCommandPalette(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60000 });
    // The reload restores the editor, not the panel (a review is asked for again), and leaves the focus nowhere.
    const tab = page.locator('.tab .label-name', { hasText: 'users.js' }).first();
    await tab.waitFor({ timeout: 60000 });
    await tab.click();
    frame = await questionSelection(page, 9, 14, { open: false });
    const kept = frame.locator('.question', { hasText: 'builds a SQL query' }).first();
    assert.equal(await kept.getAttribute('data-state'), 'needs-work');
    assert.ok(await kept.getByRole('radio', { name: 'Needs work' }).isChecked());
    assert.equal(await kept.getByRole('textbox', { name: 'Note' }).inputValue(), 'bind req.query.name as a parameter');
    const comment = await copyComment(page, frame);
    assert.match(comment, /^- \[ \] Line 10 builds a SQL query from `req\.query\.name`[^\n]*\n {2}_Needs work_: bind req\.query\.name as a parameter$/m);
  }],

  ['clicking a finding\'s line reveals that line in the editor', async ({ page }) => {
    await page.keyboard.press('Control+Home'); // the editor's cursor elsewhere first: line 1
    const frame = reviewFrame(page);
    await frame.locator('.finding .line-link', { hasText: 'Line 10' }).first().click();
    await page.locator('.part.statusbar .statusbar-item', { hasText: /Ln 10, Col \d+/ }).first().waitFor({ timeout: 30000 });
    const active = page.locator('.editor-group-container.active .tab.active .label-name');
    assert.equal(await active.innerText(), 'users.js');
  }],

  ['"Copy as review comment" copies the answers, redacted; "Ask a language model" shows what it will send (redacted), sends it only on Send, streams the answer and can be stopped', async ({ page }) => {
    await runCommandPalette(page, 'View: Close All Editors');
    await openFileQuickOpen(page, 'users.js');
    await page.locator(squiggle).first().waitFor({ state: 'visible', timeout: 90000 });
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget .quick-input-box input').fill(':8:1'); // the empty line above the handler
    await page.keyboard.press('Enter');
    await page.keyboard.type(`const awsKey = '${awsKey}';`);
    const frame = await questionSelection(page, 8, 14);
    assert.match(await frame.locator('pre.snippet').innerText(), /const awsKey = '\[REDACTED\]';/);
    // Another snippet (one more line): its own, unanswered questions; the copied comment holds no key.
    const comment = await copyComment(page, frame);
    assert.ok(!comment.includes(awsKey), comment);
    assert.match(comment, /^\*\*Skeptic review\*\* of `src\/routes\/users\.js`, lines 8–14$/m);
    assert.match(comment, /^- \[ \] Line 10 builds a SQL query from `req\.query\.name`[^\n]*$/m);
    assert.ok(!comment.includes('_Needs work_'), comment);
    assert.match(comment, /^- Line 8: \*\*hardcoded-secret\*\*/m);
    assert.match(comment, /^const awsKey = '\[REDACTED\]';$/m);
    await frame.getByRole('button', { name: 'Ask a language model…' }).click();
    const prompt = frame.locator('#lm-prompt');
    await prompt.waitFor();
    const sent = await prompt.evaluate((e) => e.textContent);
    assert.ok(sent.includes("8: const awsKey = '[REDACTED]';") && !sent.includes(awsKey), sent);
    assert.match(sent, /Line 10 builds a SQL query from `req\.query\.name`/);
    assert.equal(await frame.locator('#lm-body h3').innerText(), 'This will be sent to Skeptic Test Critic');
    // The scripted model's first answer streams a piece, then waits: Stop cancels it.
    await frame.getByRole('button', { name: 'Send to Skeptic Test Critic' }).click();
    await frame.locator('#lm-output', { hasText: 'Thinking about it' }).waitFor({ timeout: 30000 });
    await frame.getByRole('button', { name: 'Stop' }).click();
    await frame.locator('#lm-state', { hasText: 'Stopped.' }).waitFor();
    assert.equal(await frame.locator('#lm-output').innerText(), 'Thinking about it');
    // Asked again, it receives exactly the text shown and finishes.
    await frame.getByRole('button', { name: 'Ask a language model…' }).click();
    await frame.getByRole('button', { name: 'Send to Skeptic Test Critic' }).click();
    await frame.locator('#lm-state', { hasText: 'Done.' }).waitFor({ timeout: 30000 });
    assert.equal(await frame.locator('#lm-output').innerText(),
      `Critique from skeptic-dev.skeptic-ai: received ${sent.length} characters. Secrets were redacted.`);
  }],
];

/** Runs the review UI tests in a workbench of their own (extension from source); returns the counts. */
export async function runReviewUiTests({ repo }) {
  const screenshotsDir = path.join(repo, '.vscode-test/screenshots');
  let passed = 0;
  let failed = 0;
  // With a scripted language model: a test extension, installed as a plain folder (code-server loads one development
  // extension only), registers it through the proposed chatProvider API, which only that extension declares.
  const extensionsDir = mkdtempSync(path.join(os.tmpdir(), 'skeptic-review-extensions-'));
  cpSync(path.join(here, 'review-lm-extension'), path.join(extensionsDir, 'skeptic-dev.skeptic-test-language-model-0.0.1'), { recursive: true });
  const workbench = await openWorkbench({
    workspace: copyTestWorkspace(), extensionDevelopmentPath: repo, extensionsDir, enableProposedApi: true,
    settings: { 'skeptic.review.languageModel': true }, viewport: { width: 1400, height: 900 },
  })
    .catch((error) => { failed++; console.log(`  ✘ the workbench opens for the review tests\n${String(error.stack ?? error).replace(/^/gm, '      ')}`); });
  if (!workbench) return { passed, failed };
  try {
    const counts = await runNamedTests(workbench.page, tests, { screenshotsDir, shotPrefix: 'review-failure-' });
    passed += counts.passed;
    failed += counts.failed;
  } finally {
    await workbench.close();
    rmSync(extensionsDir, { recursive: true, force: true });
  }
  return { passed, failed };
}
