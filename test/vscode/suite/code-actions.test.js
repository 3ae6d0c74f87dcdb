// Code actions through the VS Code API: a rule's quick fix, "Ignore on this line", the docs action, and fix-all by command and on save.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { fileUri, findingsOf, openFile, revert, waitFor, waitForFinding, waitForNoFinding } = require('./workbench-waits');

async function actionsFor(uri, diagnostic) {
  return vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range);
}

function titles(actions) {
  return JSON.stringify(actions.map((a) => a.title));
}

suite('code actions', () => {
  const tokens = fileUri('src/tokens.js');
  const routes = fileUri('src/routes/users.js');

  test('the weak-hash quick fix switches to SHA-256 and the finding goes', async () => {
    const { document } = await openFile('src/tokens.js');
    const finding = await waitForFinding(tokens, 'weak-hash', 4);
    const actions = await actionsFor(tokens, finding);
    const fix = actions.find((a) => a.title.startsWith('Use SHA-256'));
    assert.ok(fix, `no SHA-256 fix among ${titles(actions)}`);
    assert.strictEqual(fix.kind.value, 'quickfix');
    assert.ok(!fix.isPreferred, 'a fix that changes the digest must not be preferred');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.lineAt(4).text, /crypto\.createHash\('sha256'\)/);
    await waitForNoFinding(tokens, 'weak-hash');
    await revert(document);
    await waitForFinding(tokens, 'weak-hash', 4);
  });

  test('"Ignore weak-hash on this line" inserts a suppression, selects its reason and the finding goes', async () => {
    const editor = await openFile('src/tokens.js');
    const finding = await waitForFinding(tokens, 'weak-hash', 4);
    const actions = await actionsFor(tokens, finding);
    const ignore = actions.find((a) => a.title === 'Ignore weak-hash on this line');
    assert.ok(ignore, `no ignore action among ${titles(actions)}`);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    if (ignore.command) await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
    assert.strictEqual(editor.document.lineAt(4).text, '  // skeptic-ignore weak-hash -- reason');
    // A snippet edit leaves the placeholder selected; without snippets the server asks the client to select it.
    await waitFor('the reason placeholder selected', () => editor.document.getText(editor.selection) === 'reason');
    await waitForNoFinding(tokens, 'weak-hash');
    await revert(editor.document);
  });

  test('"Show documentation for weak-hash" opens the rule\'s documentation', async () => {
    await openFile('src/tokens.js');
    const finding = await waitForFinding(tokens, 'weak-hash', 4);
    const actions = await actionsFor(tokens, finding);
    const docs = actions.find((a) => a.title === 'Show documentation for weak-hash');
    assert.ok(docs?.command, `no documentation action among ${titles(actions)}`);
    await vscode.commands.executeCommand(docs.command.command, ...(docs.command.arguments ?? []));
    const editor = await waitFor('the weak-hash documentation in an editor',
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('/docs/weak-hash.md')));
    assert.match(editor.document.getText(), /^# /m);
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('"Skeptic: Fix All in File" binds both injected values as SQL parameters', async () => {
    const { document } = await openFile('src/routes/users.js');
    await waitForFinding(routes, 'sql-injection', 9);
    await waitForFinding(routes, 'sql-injection', 16);
    // Known flake on a loaded machine: the first request right after the file opens can come back with no fix-all action
    // (seen in about 1 run in 3; not yet explained). A second ask must find it; a fix-all that never comes still fails.
    const applied = await waitFor('Fix All in File to apply the fix-all action', async () => (await vscode.commands.executeCommand('skeptic.fixAll')) || false, 10000);
    assert.strictEqual(applied, 1);
    const text = document.getText();
    assert.ok(text.includes("pool.query('SELECT id, name FROM users WHERE name = ?', [req.query.name], (err, rows) => {"), text);
    assert.ok(text.includes("pool.query('DELETE FROM users WHERE id = ?', [req.params.id], (err) => {"), text);
    await waitForNoFinding(routes, 'sql-injection');
    await revert(document);
  });

  test('source.fixAll.skeptic runs on save with editor.codeActionsOnSave', async () => {
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'javascript' });
    await config.update('codeActionsOnSave', { 'source.fixAll.skeptic': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const { document } = await openFile('src/routes/users.js');
      await waitForFinding(routes, 'sql-injection', 9);
      const editor = vscode.window.activeTextEditor;
      await editor.edit((b) => b.insert(new vscode.Position(document.lineCount - 1, 0), '\n'));
      assert.ok(await document.save(), 'save failed');
      const saved = fs.readFileSync(routes.fsPath, 'utf8');
      assert.ok(saved.includes("WHERE name = ?', [req.query.name]"), saved);
      assert.ok(saved.includes("WHERE id = ?', [req.params.id]"), saved);
      await waitForNoFinding(routes, 'sql-injection');
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  test('fix-all leaves alone a fix that changes behaviour', async () => {
    const { document } = await openFile('src/tokens.js');
    await waitForFinding(tokens, 'weak-hash', 4);
    const applied = await vscode.commands.executeCommand('skeptic.fixAll');
    assert.strictEqual(applied, 0);
    assert.match(document.lineAt(4).text, /createHash\('sha1'\)/);
    assert.strictEqual(findingsOf(tokens, 'weak-hash').length, 1);
  });
});
