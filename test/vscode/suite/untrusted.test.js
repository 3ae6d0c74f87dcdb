// Restricted Mode: with the folder untrusted, the installed extension still analyses, and neither the workspace's
// settings nor its .skeptic.yml can silence a rule (test/vscode/run.mjs adds both to this run's workspace copy).
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { EXTENSION_ID, activeExtension, fileUri, openFile, waitForFinding } = require('./workbench-waits');

suite('untrusted workspace', () => {
  test('the folder is untrusted and the silencing files are there', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    assert.match(fs.readFileSync(fileUri('.skeptic.yml').fsPath, 'utf8'), /weak-hash: off/);
    const workspaceSettings = JSON.parse(fs.readFileSync(fileUri('.vscode/settings.json').fsPath, 'utf8'));
    assert.deepStrictEqual(workspaceSettings['skeptic.rules'], { 'weak-hash': 'off' });
  });

  test('the installed .vsix, not a development copy, activates in Restricted Mode', async () => {
    await openFile('src/auth.js');
    const extension = await activeExtension();
    const repo = path.resolve(__dirname, '../../..');
    assert.ok(!extension.extensionPath.startsWith(repo), `loaded from ${extension.extensionPath}, not from an installed .vsix`);
    assert.ok(fs.existsSync(path.join(extension.extensionPath, 'dist/server.js')));
  });

  test('VS Code ignores the workspace values of the restricted settings', () => {
    const config = vscode.workspace.getConfiguration('skeptic', fileUri('src/auth.js'));
    // The same file's unrestricted setting applies, so the file is read; the restricted ones are not.
    assert.strictEqual(config.get('debounceMs'), 50);
    assert.strictEqual(config.get('enable'), true);
    assert.deepStrictEqual(config.get('rules'), {});
    assert.deepStrictEqual(config.get('ignore'), []);
  });

  test('weak-hash in hashPassword is still reported despite .skeptic.yml and workspace settings turning it off', async () => {
    await openFile('src/auth.js');
    const finding = await waitForFinding(fileUri('src/auth.js'), 'weak-hash', 5);
    assert.strictEqual(finding.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('a .skeptic.yml ignore glob does not hide files either', async () => {
    await openFile('src/tokens.js');
    await waitForFinding(fileUri('src/tokens.js'), 'weak-hash', 4);
  });
});
