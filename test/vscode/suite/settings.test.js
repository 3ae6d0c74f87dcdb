// Configuration: a `skeptic.rules` setting and the project's `.skeptic.yml` change findings at once, and undoing them brings them back.
const fs = require('fs');
const vscode = require('vscode');
const { fileUri, openFile, waitForFinding, waitForNoFinding } = require('./workbench-waits');

suite('settings', () => {
  const auth = fileUri('src/auth.js');

  test('skeptic.rules { "weak-hash": "off" } in workspace settings silences weak-hash; removing it restores it', async () => {
    await openFile('src/auth.js');
    await waitForFinding(auth, 'weak-hash', 5);
    const config = vscode.workspace.getConfiguration('skeptic');
    await config.update('rules', { 'weak-hash': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForNoFinding(auth, 'weak-hash');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForFinding(auth, 'weak-hash', 5);
  });

  test('skeptic.enable false clears every finding of the file', async () => {
    await openFile('src/auth.js');
    await waitForFinding(auth, 'weak-hash', 5);
    const config = vscode.workspace.getConfiguration('skeptic');
    await config.update('enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForNoFinding(auth);
    } finally {
      await config.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForFinding(auth, 'weak-hash', 5);
  });

  test('a trusted workspace\'s .skeptic.yml turning weak-hash off is honoured as soon as it is written', async () => {
    await openFile('src/auth.js');
    await waitForFinding(auth, 'weak-hash', 5);
    const file = fileUri('.skeptic.yml').fsPath;
    fs.writeFileSync(file, 'rules:\n  weak-hash: off\n');
    try {
      await waitForNoFinding(auth, 'weak-hash');
    } finally {
      fs.rmSync(file, { force: true });
    }
    await waitForFinding(auth, 'weak-hash', 5);
  });
});
