// Provenance across file operations in VS Code: a block follows its file when the file is renamed (lens, gutter mark and
// "Show AI-Suggested Code" under the new name), and comes back at its new place when its file is closed, changed on disk
// while closed, and reopened.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { ordersFile, registerAssistant, snippets } = require('../provenance-assistant/assistant');
const { acceptSnippet } = require('./provenance-actions');
const { activeExtension, fileUri, waitFor, waitForFinding } = require('./workbench-waits');

/**
 * Writes a file and opens it as the Explorer does (`vscode.open`), not through `workspace.openTextDocument`: a document the
 * extension host opened itself stays open for up to 3 minutes after its editor closes, one the workbench opened closes
 * with its editor, so the server hears didClose at once.
 */
async function openLikeAPerson(relativePath, text) {
  const uri = fileUri(relativePath);
  if (text !== undefined) fs.writeFileSync(uri.fsPath, text);
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  return waitFor(`${relativePath} as the active editor`, () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor);
}

function lensTitlesAt(lenses) {
  return (lenses ?? []).filter((l) => l.command?.title).map((l) => `${l.range.start.line}:${l.command.title}`);
}

suite('provenance across file operations (rename, close and reopen)', () => {
  let api;
  let assistant;

  suiteSetup(async () => {
    await openLikeAPerson('src/auth.js'); // activates the extension (a JavaScript file)
    api = (await activeExtension()).exports.provenance;
    await waitForFinding(fileUri('src/auth.js'), 'weak-hash', 5); // the server is up
    assistant = registerAssistant(vscode);
  });
  suiteTeardown(async () => {
    assistant?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a renamed file keeps its block: lens, gutter mark and the list follow the new name', async () => {
    const editor = await openLikeAPerson('src/routes/before-rename.js', ordersFile);
    const { uri } = editor.document;
    await acceptSnippet(editor, 6, snippets[0]);
    const [block] = await waitFor('the block', () => api.blocksOf(uri).length === 1 && api.blocksOf(uri), 20000);
    await editor.document.save();

    const renamed = fileUri('src/routes/after-rename.js');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename was applied');

    const [moved] = await waitFor('the block under the new name', () => api.blocksOf(renamed).length === 1 && api.blocksOf(renamed), 20000);
    assert.strictEqual(moved.id, block.id);
    assert.deepStrictEqual([moved.range.start.line, moved.range.end.line], [block.range.start.line, block.range.end.line]);
    assert.deepStrictEqual(api.markedLines(renamed), [6, 7, 8, 9, 10, 11], 'the gutter marks the block in the renamed file');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === renamed.toString()), 'the renamed file is in an editor');
    const finding = await waitForFinding(renamed, 'sql-injection', 7);
    assert.match(finding.message, /AI-suggested code accepted at/);
    const lenses = await waitFor('the lens over the renamed file\'s block', async () => {
      const titles = lensTitlesAt(await vscode.commands.executeCommand('vscode.executeCodeLensProvider', renamed));
      return titles.includes('6:Mark reviewed') && titles;
    }, 20000);
    assert.ok(lenses.includes('6:AI-suggested · 1 finding'), JSON.stringify(lenses));

    const items = await api.listItems();
    const labels = items.map((i) => i.label);
    assert.ok(labels.some((l) => l.endsWith('src/routes/after-rename.js:7-12')), JSON.stringify(labels));
    assert.ok(!labels.some((l) => l.includes('before-rename')), JSON.stringify(labels));
  });

  test('closed, changed on disk, reopened: the block comes back at its new place', async () => {
    const relativePath = 'src/routes/reopened.js';
    let editor = await openLikeAPerson(relativePath, ordersFile);
    const { uri } = editor.document;
    await acceptSnippet(editor, 6, snippets[0]);
    const [block] = await waitFor('the block', () => api.blocksOf(uri).length === 1 && api.blocksOf(uri), 20000);
    await editor.document.save();

    let closed = false;
    const listener = vscode.workspace.onDidCloseTextDocument((document) => { closed ||= document.uri.toString() === uri.toString(); });
    try {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      // vscode-languageclient sends didClose from this same event: the server has it before the didOpen that follows.
      await waitFor('the document to close', () => closed, 30000);
    } finally {
      listener.dispose();
    }
    assert.deepStrictEqual(api.blocksOf(uri), [], 'a closed document shows nothing');

    // Someone else (a pull, another editor) adds three lines above the block while the file is closed.
    const saved = fs.readFileSync(uri.fsPath, 'utf8');
    fs.writeFileSync(uri.fsPath, `// Reviewed by the API team.\n// Keep routes sorted.\n// See docs/orders.md.\n${saved}`);

    editor = await openLikeAPerson(relativePath);
    assert.match(editor.document.lineAt(0).text, /Reviewed by the API team/, 'the reopened document reads the file on disk');
    const [again] = await waitFor('the block found again', () => api.blocksOf(uri).length === 1 && api.blocksOf(uri), 20000);
    assert.strictEqual(again.id, block.id);
    assert.deepStrictEqual([again.range.start.line, again.range.end.line], [block.range.start.line + 3, block.range.end.line + 3]);
    assert.deepStrictEqual(api.markedLines(uri), [9, 10, 11, 12, 13, 14]);
    const finding = await waitForFinding(uri, 'sql-injection', 10);
    assert.match(finding.message, /AI-suggested code accepted at/);
  });
});
