// Workspace scan in a real VS Code: "Skeptic: Scan Workspace" reports files nobody opened, and a propagation link leads to the other copy.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { fileUri, findingsOf, waitFor, waitForFinding } = require('./workbench-waits');

/** The same weak-hash pattern, written twice under other names: an assistant's habit copied across files. */
const copy = (name, algorithm) => `const crypto = require('crypto');\n\nfunction ${name}(value) {\n  return crypto.createHash('${algorithm}').update(value).digest('hex');\n}\n\nmodule.exports = { ${name} };\n`;

suite('workspace scan', () => {
  const first = fileUri('src/legacy/session-id.js');
  const second = fileUri('src/legacy/reset-token.js');
  const isOpen = (uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

  suiteSetup(() => {
    fs.mkdirSync(vscode.Uri.joinPath(first, '..').fsPath, { recursive: true });
    fs.writeFileSync(first.fsPath, copy('sessionId', 'md5'));
    fs.writeFileSync(second.fsPath, copy('resetToken', 'md5'));
  });

  test('Scan Workspace publishes findings of files that are not open, counting copies of the pattern', async () => {
    // From the palette with nothing open: the command itself wakes the extension.
    const result = await vscode.commands.executeCommand('skeptic.scanWorkspace');
    assert.ok(result, 'the command resolves with the totals');
    assert.strictEqual(result.cancelled, false);
    assert.ok(result.filesScanned >= 2, `files scanned: ${result.filesScanned}`);
    assert.ok(result.findings >= 2 && result.filesWithFindings >= 2, JSON.stringify(result));
    assert.ok(!isOpen(first) && !isOpen(second), 'the scanned files were never opened');
    const finding = await waitForFinding(first, 'weak-hash', 3);
    assert.match(finding.message, /same pattern in [1-9]\d* other places?$/);
    // A file no test opens, from the shipped test workspace.
    assert.ok(findingsOf(fileUri('src/routes/users.js'), 'sql-injection').length > 0 || isOpen(fileUri('src/routes/users.js')), 'users.js scanned');
  });

  test('a propagation link (related information) opens the other place', async () => {
    const finding = await waitForFinding(first, 'weak-hash', 3);
    const link = (finding.relatedInformation ?? []).find((r) => r.location.uri.toString() === second.toString());
    assert.ok(link, `a link to reset-token.js among ${JSON.stringify((finding.relatedInformation ?? []).map((r) => r.location.uri.path))}`);
    assert.match(link.message, /^same pattern: src\/legacy\/reset-token\.js:4$/);
    // What a click on the link in the Problems panel or the hover does: open the location with it selected.
    const editor = await vscode.window.showTextDocument(link.location.uri, { selection: link.location.range, preview: false });
    await waitFor('reset-token.js as the active editor', () => vscode.window.activeTextEditor === editor);
    assert.strictEqual(editor.document.getText(editor.selection), "'md5'");
    // Open now, it has its live diagnostics, which link back to the first file.
    const live = await waitForFinding(second, 'weak-hash', 3);
    assert.ok((live.relatedInformation ?? []).some((r) => r.location.uri.toString() === first.toString()), 'the link back');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', second, live.range);
    const show = actions.find((a) => /^Show all \d+ occurrences of this pattern$/.test(a.title));
    assert.ok(show && show.command, `"Show all occurrences" among ${JSON.stringify(actions.map((a) => a.title))}`);
    await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
