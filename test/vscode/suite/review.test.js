// "Question this snippet" in the extension host: the command on a selection, on the cursor and from a finding's code action, and answers kept by content.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { activeExtension, fileUri, openFile, revert, waitFor, waitForFinding } = require('./workbench-waits');

// The build's compiled client: the test computes a snippet's key the way the extension does.
const { snippetKey } = require(path.resolve(__dirname, '../../../out/client/review-answers.js'));

function reviewTabs() {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('skeptic.review'));
}

function texts(result) {
  return result.review.questions.map((q) => q.text).join('\n');
}

async function select(editor, startLine, endLine) {
  const end = editor.document.lineAt(endLine).range.end;
  editor.selection = new vscode.Selection(startLine, 0, end.line, end.character);
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, selection: editor.selection });
}

suite('Question this snippet', () => {
  // Copies of the handlers as the repository has them: earlier suites fix and save the workspace's own.
  const routes = fileUri('src/routes/accounts.js');
  const views = fileUri('app/reports.py');
  let api;

  suiteSetup(async () => {
    fs.copyFileSync(path.join(__dirname, '../workspace/src/routes/users.js'), routes.fsPath);
    fs.copyFileSync(path.join(__dirname, '../workspace/app/views.py'), views.fsPath);
    api = (await activeExtension()).exports.review;
    assert.ok(api, 'the extension exports its review API');
  });

  suiteTeardown(async () => {
    await vscode.window.tabGroups.close(reviewTabs());
  });

  test('on a selected Express handler: behaviours, the SQL flow from req.query, line-tied questions, in a panel', async () => {
    const editor = await openFile('src/routes/accounts.js');
    await waitForFinding(routes, 'sql-injection', 9);
    await select(editor, 8, 13);
    const result = await vscode.commands.executeCommand('skeptic.questionSnippet');
    assert.ok(result, 'the command resolved with the review');
    assert.strictEqual(result.file, 'src/routes/accounts.js');
    assert.strictEqual(result.lines, 'lines 9–14');
    const kinds = new Set(result.review.behaviours.map((b) => b.kind));
    assert.ok(kinds.has('database') && kinds.has('untrusted-input'), JSON.stringify([...kinds]));
    assert.deepStrictEqual(result.review.flows.map((f) => [f.source.label, f.hazard, f.sink.range.start.line]), [['req.query.name', 'sql-injection', 9]]);
    assert.ok(result.review.findings.some((f) => f.ruleId === 'sql-injection'));
    assert.ok(result.review.questions.some((q) => q.text.startsWith('Line 10 builds a SQL query from `req.query.name`')), texts(result));
    await waitFor('the review panel', () => reviewTabs().length === 1);
    assert.ok(api.openReviews().some((r) => r.snippetKey === result.snippetKey));
    // Asking again about the same snippet reuses its panel.
    await select(editor, 8, 13);
    const again = await vscode.commands.executeCommand('skeptic.questionSnippet');
    assert.strictEqual(again.snippetKey, result.snippetKey);
    assert.strictEqual(reviewTabs().length, 1);
  });

  test('on a Flask handler: the query built from request.args is questioned', async () => {
    const editor = await openFile('app/reports.py');
    await waitForFinding(views, 'sql-injection', 13);
    await select(editor, 8, 14);
    const result = await vscode.commands.executeCommand('skeptic.questionSnippet');
    const kinds = new Set(result.review.behaviours.map((b) => b.kind));
    assert.ok(kinds.has('database') && kinds.has('untrusted-input'), JSON.stringify([...kinds]));
    assert.deepStrictEqual(result.review.flows.map((f) => [f.hazard, f.sink.range.start.line]), [['sql-injection', 13]]);
    assert.ok(result.review.questions.some((q) => q.text.startsWith('Line 14 builds a SQL query')), texts(result));
    assert.strictEqual(result.file, 'app/reports.py');
  });

  test('with only a cursor, the statement around it is reviewed', async () => {
    const editor = await openFile('src/routes/accounts.js');
    editor.selection = new vscode.Selection(16, 4, 16, 4);
    const result = await vscode.commands.executeCommand('skeptic.questionSnippet');
    assert.deepStrictEqual([result.review.range.start.line, result.review.range.end.line], [15, 20]);
    assert.ok(result.review.questions.some((q) => /deletes records \(line 17, `pool\.query`\): where is the caller's permission/.test(q.text)), texts(result));
  });

  test('from a finding\'s "Question this snippet" code action', async () => {
    await openFile('src/routes/accounts.js');
    const finding = await waitForFinding(routes, 'sql-injection', 16);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', routes, finding.range);
    const question = actions.find((a) => a.title === 'Question this snippet');
    assert.ok(question?.command, JSON.stringify(actions.map((a) => a.title)));
    assert.strictEqual(question.command.command, 'skeptic.questionSnippet');
    const result = await vscode.commands.executeCommand(question.command.command, ...(question.command.arguments ?? []));
    assert.deepStrictEqual([result.review.range.start.line, result.review.range.end.line], [15, 20]);
    assert.ok(result.review.findings.some((f) => f.ruleId === 'sql-injection' && f.range.start.line === 16));
    assert.ok(reviewTabs().some((t) => t.label.includes('accounts.js 16–21')), JSON.stringify(reviewTabs().map((t) => t.label)));
  });

  test('"Ask a language model" is off by default, a user-only setting that a workspace in Restricted Mode cannot turn on', async () => {
    const manifest = (await activeExtension()).packageJSON;
    const setting = manifest.contributes.configuration.properties['skeptic.review.languageModel'];
    assert.deepStrictEqual([setting.type, setting.default, setting.scope], ['boolean', false, 'application']);
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('skeptic.review.languageModel'));
    assert.strictEqual(vscode.workspace.getConfiguration('skeptic').get('review.languageModel'), false);
  });

  test('an answer is kept in workspaceState by the snippet\'s content: it survives an edit above the snippet', async () => {
    const editor = await openFile('src/routes/accounts.js');
    await select(editor, 8, 13);
    const first = await vscode.commands.executeCommand('skeptic.questionSnippet');
    assert.strictEqual(first.snippetKey, snippetKey(editor.document.getText(editor.selection)));
    const sql = first.questions.find((q) => q.text.startsWith('Line 10 builds a SQL query'));
    assert.ok(sql, first.questions.map((q) => q.text).join('\n'));
    await api.answer(first.snippetKey, sql.key, 'needs-work', 'switch to a placeholder');
    assert.deepStrictEqual(Object.keys(api.answersOf(first.snippetKey)), [sql.key]);
    try {
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// Routes for the admin UI as well.\n\n')));
      await select(editor, 10, 15);
      const moved = await vscode.commands.executeCommand('skeptic.questionSnippet');
      assert.strictEqual(moved.snippetKey, first.snippetKey);
      const movedSql = moved.questions.find((q) => q.text.startsWith('Line 12 builds a SQL query'));
      assert.ok(movedSql, moved.questions.map((q) => q.text).join('\n'));
      assert.strictEqual(movedSql.key, sql.key);
      assert.deepStrictEqual([movedSql.answer?.state, movedSql.answer?.note], ['needs-work', 'switch to a placeholder']);
      // Changing the snippet's code makes it another snippet, without the answer.
      assert.ok(await editor.edit((b) => b.replace(editor.document.lineAt(11).range, "  pool.query('SELECT id, name FROM users WHERE name = ?', [req.query.name], (err, rows) => {")));
      await select(editor, 10, 15);
      const changed = await vscode.commands.executeCommand('skeptic.questionSnippet');
      assert.notStrictEqual(changed.snippetKey, first.snippetKey);
      assert.ok(changed.questions.every((q) => !q.answer), JSON.stringify(changed.questions));
    } finally {
      await revert(editor.document);
      await api.answer(first.snippetKey, sql.key, undefined, '');
    }
  });
});
