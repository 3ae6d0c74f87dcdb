// Provenance end to end in VS Code: an accepted suggestion becomes a tracked block (gutter mark, finding that says so, code
// lens), follows typing above it, "Mark reviewed" clears its lens and mark, deleting it drops it, and a suppression the
// assistant wrote itself silences nothing.
const assert = require('assert');
const vscode = require('vscode');
const { ordersFile, registerAssistant, snippets } = require('../provenance-assistant/assistant');
const { acceptSnippet, openNewFile } = require('./provenance-actions');
const { activeExtension, fileUri, openFile, revert, waitFor, waitForFinding } = require('./workbench-waits');

function lensTitles(lenses) {
  return (lenses ?? []).map((l) => l.command?.title).filter(Boolean);
}

suite('provenance tracking (client and server)', () => {
  let api;
  let assistant;

  suiteSetup(async () => {
    await openFile('src/auth.js');
    api = (await activeExtension()).exports.provenance;
    await waitForFinding(fileUri('src/auth.js'), 'weak-hash', 5); // the server is up (earlier suites restart it)
    assistant = registerAssistant(vscode);
  });
  suiteTeardown(() => assistant?.dispose());

  test('an accepted suggestion is tracked, marked, flagged as AI-suggested, reviewed, moved and dropped', async () => {
    let editor = await openNewFile('src/routes/tracked.js', ordersFile);
    const { uri } = editor.document;
    await acceptSnippet(editor, 6, snippets[0]);

    const [block] = await waitFor('the block in provenanceChanged', () => api.blocksOf(uri).length === 1 && api.blocksOf(uri), 20000);
    assert.strictEqual(block.origin, 'inline-completion');
    assert.deepStrictEqual([block.range.start.line, block.range.end.line], [6, 11]);
    assert.deepStrictEqual(api.markedLines(uri), [6, 7, 8, 9, 10, 11], 'the gutter marks the block\'s lines');

    const finding = await waitForFinding(uri, 'sql-injection', 7);
    assert.match(finding.message, /AI-suggested code accepted at \d\d:\d\d/);

    const lenses = await waitFor('the block\'s code lenses', async () => {
      const all = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
      return lensTitles(all).includes('Mark reviewed') && all;
    }, 20000);
    assert.ok(lensTitles(lenses).some((t) => /^AI-suggested · 1 finding$/.test(t)), JSON.stringify(lensTitles(lenses)));

    // "Question this snippet" on the lens reviews the block; with only the cursor in the block, so does the palette command.
    const question = lenses.find((l) => l.command?.title === 'Question this snippet');
    assert.ok(question, JSON.stringify(lensTitles(lenses)));
    const fromLens = await vscode.commands.executeCommand(question.command.command, ...question.command.arguments);
    assert.deepStrictEqual([fromLens.review.range.start.line, fromLens.review.range.end.line], [6, 11]);
    assert.ok(fromLens.review.findings.some((f) => f.ruleId === 'sql-injection'), JSON.stringify(fromLens.review.findings.map((f) => f.ruleId)));
    const active = await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    active.selection = new vscode.Selection(8, 2, 8, 2);
    const fromCursor = await vscode.commands.executeCommand('skeptic.questionSnippet');
    assert.deepStrictEqual([fromCursor.review.range.start.line, fromCursor.review.range.end.line], [block.range.start.line, block.range.end.line]);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    editor = await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One });

    // Typing above the block moves it (and its mark) down.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// Orders.\n// Owned by the shop team.\n'));
    await waitFor('the block to move two lines down', () => api.blocksOf(uri)[0]?.range.start.line === 8, 20000);
    assert.deepStrictEqual(api.markedLines(uri), [8, 9, 10, 11, 12, 13]);

    // "Mark reviewed", as the lens runs it: the lens and the gutter mark go, the finding stays.
    const review = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri)).find((l) => l.command?.title === 'Mark reviewed');
    await vscode.commands.executeCommand(review.command.command, ...review.command.arguments);
    await waitFor('the block to be reviewed', () => api.blocksOf(uri)[0]?.reviewed, 20000);
    assert.deepStrictEqual(api.markedLines(uri), []);
    const after = lensTitles(await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri));
    assert.ok(!after.includes('Mark reviewed'), JSON.stringify(after));
    await waitForFinding(uri, 'sql-injection', 9);

    // Deleting the block's lines drops it.
    await editor.edit((b) => b.delete(new vscode.Range(8, 0, 14, 0)));
    await waitFor('the block to be dropped', () => api.blocksOf(uri).length === 0, 20000);
    await revert(editor.document);
  });

  test('a skeptic-ignore the assistant wrote does not silence the finding under it', async () => {
    const editor = await openNewFile('src/routes/export.js', ordersFile);
    const { uri } = editor.document;
    await acceptSnippet(editor, 6, snippets[1]);
    await waitFor('the block', () => api.blocksOf(uri).length === 1, 20000);
    assert.match(editor.document.lineAt(7).text, /skeptic-ignore sql-injection -- /);
    const finding = await waitForFinding(uri, 'sql-injection', 8);
    assert.match(finding.message, /AI-suggested/);
    await revert(editor.document);
  });
});
