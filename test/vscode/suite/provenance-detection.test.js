// Provenance detection in the client: an accepted inline suggestion is reported with exactly its inserted range; typing,
// snippets, formatting, another extension's code action, undo/redo and a reload from disk are never reported.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { ordersFile, registerAssistant, snippets } = require('../provenance-assistant/assistant');
const { acceptSnippet, acceptSuggestion, openNewFile, typeAt } = require('./provenance-actions');
const { activeExtension, openFile, revert, sleep, waitFor } = require('./workbench-waits');

suite('provenance detection (client)', () => {
  let api;
  let assistant;
  const reports = [];
  let listener;

  suiteSetup(async () => {
    await openFile('src/db.js'); // Skeptic activates on a JavaScript file
    api = (await activeExtension()).exports.provenance;
    assistant = registerAssistant(vscode);
    listener = api.onDidReportInsertion((r) => reports.push(r));
  });
  suiteTeardown(() => {
    listener?.dispose();
    assistant?.dispose();
  });
  setup(() => { reports.length = 0; });

  test('an accepted inline suggestion is reported as inline-completion with exactly the text it added', async () => {
    const editor = await openNewFile('src/routes/orders.js', ordersFile);
    const { trigger, text } = snippets[0];
    await typeAt(editor, 6, trigger);
    assert.deepStrictEqual(reports, [], 'typing is not reported');
    await acceptSuggestion(editor, text);
    await waitFor('the report of the accepted suggestion', () => reports.length > 0, 5000);
    assert.strictEqual(reports.length, 1, JSON.stringify(reports.map((r) => r.range)));
    const [report] = reports;
    assert.strictEqual(report.origin, 'inline-completion');
    assert.strictEqual(report.document.uri.toString(), editor.document.uri.toString());
    assert.strictEqual(report.version, editor.document.version);
    // The typed prefix is the user's; the range starts where the suggestion's own text starts.
    assert.deepStrictEqual([report.range.start.line, report.range.start.character], [6, trigger.length]);
    assert.strictEqual(editor.document.getText(report.range), text.slice(trigger.length));
    assert.ok(assistant.offered() > 0);
    await revert(editor.document);
  });

  test('Skeptic\'s accept command with no suggestion showing attributes nothing, not even an edit right after it', async () => {
    const editor = await openNewFile('src/routes/quiet.js', ordersFile);
    await vscode.commands.executeCommand('skeptic.inlineSuggest.commit');
    await editor.edit((b) => b.insert(new vscode.Position(6, 0), "router.get('/health', (req, res) => res.send('ok'));\n"));
    await sleep(800);
    assert.deepStrictEqual(reports, []);
    await revert(editor.document);
  });

  test('undo and redo of an accepted suggestion are not new insertions', async () => {
    const editor = await openNewFile('src/routes/undo.js', ordersFile);
    await acceptSnippet(editor, 6, snippets[0]);
    await waitFor('the report of the accepted suggestion', () => reports.length === 1, 5000);
    await vscode.commands.executeCommand('undo');
    await waitFor('the undo', () => !editor.document.getText().includes('res.json(rows)'));
    await vscode.commands.executeCommand('redo');
    await waitFor('the redo', () => editor.document.getText().includes('res.json(rows)'));
    await sleep(500);
    assert.strictEqual(reports.length, 1, 'only the accept itself');
    await revert(editor.document);
  });

  test('a snippet, a format, a rename, another extension\'s code action and a reload from disk are never reported', async () => {
    const editor = await openNewFile('src/routes/other-edits.js', ordersFile);
    const document = editor.document;
    // A snippet (what a snippet completion or an extension's insertSnippet does).
    await editor.insertSnippet(new vscode.SnippetString("router.get('/${1:path}', (req, res) => {\n  res.send(${2:'ok'});\n});\n"), new vscode.Position(6, 0));
    await vscode.commands.executeCommand('leaveSnippet');
    // A format (the built-in TypeScript/JavaScript formatter) of code typed without spaces.
    await editor.edit((b) => b.insert(new vscode.Position(9, 0), "router.get('/x',(req,res)=>{res.send('x')});\n"));
    await waitFor('Format Document to reformat the line', async () => {
      await vscode.commands.executeCommand('editor.action.formatDocument');
      return document.getText().includes("router.get('/x', (req, res) => { res.send('x') });");
    }, 60000);
    // A rename (what F2 applies: the rename provider's workspace edit).
    const rename = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, new vscode.Position(4, 7), 'ordersRouter');
    assert.ok(rename && rename.size > 0, 'the TypeScript service renames router');
    assert.ok(await vscode.workspace.applyEdit(rename));
    await waitFor('the rename', () => document.getText().includes('module.exports = ordersRouter;'));
    // Another extension's code action (a multi-line edit).
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(8, 0), "router.use((req, res, next) => {\n  next();\n});\n");
    assert.ok(await vscode.workspace.applyEdit(edit));
    await document.save();
    // A reload from disk (git checkout, another tool): VS Code re-reads the file.
    fs.writeFileSync(document.uri.fsPath, `${ordersFile}// checked out\nrouter.get('/a', (req, res) => res.send('a'));\n`);
    await waitFor('the reload from disk', () => document.getText().includes('// checked out'), 20000);
    await sleep(500);
    assert.deepStrictEqual(reports.map((r) => r.origin), []);
  });

  test('"Mark Selection as AI-Suggested" reports the selection as ai-edit', async () => {
    const editor = await openFile('src/routes/users.js');
    editor.selection = new vscode.Selection(8, 0, 13, 3);
    await vscode.commands.executeCommand('skeptic.markSelectionAsAiSuggested');
    assert.strictEqual(reports.length, 1);
    assert.strictEqual(reports[0].origin, 'ai-edit');
    assert.deepStrictEqual([reports[0].range.start.line, reports[0].range.end.line, reports[0].range.end.character], [8, 13, 3]);
    assert.strictEqual(reports[0].version, editor.document.version);
  });
});
