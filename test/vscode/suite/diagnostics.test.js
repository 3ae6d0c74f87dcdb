// Diagnostics: Skeptic's findings on workspace files reach VS Code with rule id, docs link, CWE and severity.
const assert = require('assert');
const vscode = require('vscode');
const { fileUri, openFile, waitForFinding } = require('./workbench-waits');

suite('diagnostics', () => {
  test('weak-hash in hashPassword (JavaScript) with its rule id, docs link and CWE', async () => {
    await openFile('src/auth.js');
    const finding = await waitForFinding(fileUri('src/auth.js'), 'weak-hash', 5);
    assert.strictEqual(finding.source, 'skeptic');
    assert.strictEqual(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepStrictEqual([finding.range.start.character, finding.range.end.character], [27, 32], "the range is the 'md5' literal");
    assert.match(finding.message, /MD5.*passwords.*bcrypt.*\(CWE-328, CWE-327\)$/);
    assert.strictEqual(typeof finding.code, 'object', 'code carries a docs link');
    assert.strictEqual(finding.code.value, 'weak-hash');
    assert.match(finding.code.target.toString(), /\/docs\/weak-hash\.md$/);
  });

  test('sql-injection in a Flask view (Python) as an error', async () => {
    await openFile('app/views.py');
    const finding = await waitForFinding(fileUri('app/views.py'), 'sql-injection', 13);
    assert.strictEqual(finding.severity, vscode.DiagnosticSeverity.Error);
    assert.match(finding.message, /CWE-89/);
  });

  test('follows edits: a finding typed into an untitled TypeScript buffer appears', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0),
      "import { createHash } from 'crypto';\n\nexport function hashPassword(password: string): string {\n  return createHash('sha1').update(password).digest('hex');\n}\n"));
    const finding = await waitForFinding(document.uri, 'weak-hash', 3);
    assert.match(finding.message, /SHA-1/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
