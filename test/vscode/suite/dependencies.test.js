// Dependencies in a real VS Code: a manifest that cannot be read shows in Problems, and manifests changed on disk reach the server through the watchers it registers.
const assert = require('assert');
const vscode = require('vscode');
const { fileUri, openFile, waitFor, waitForFinding, waitForNoFinding } = require('./workbench-waits');

const encode = (text) => Buffer.from(text, 'utf8');

suite('dependencies', () => {
  const folder = 'jobs';
  const requirements = fileUri(`${folder}/requirements.txt`);
  const skepticDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'skeptic');

  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(requirements, encode('flask==3.0.3\nrequests >= 2.31 <<< 3\n'));
    await vscode.workspace.fs.writeFile(fileUri(`${folder}/nightly.py`), encode('import flask\nimport httpx\n\nclient = httpx.Client(timeout=10)\n'));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fileUri(folder), { recursive: true, useTrash: false });
  });

  test('a requirements line that cannot be read is an error on that line, cleared when the file is fixed on disk', async () => {
    await openFile(`${folder}/nightly.py`);
    const [problem] = await waitFor('the requirements problem in Problems', () => {
      const found = skepticDiagnostics(requirements);
      return found.length ? found : undefined;
    });
    assert.strictEqual(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(problem.range.start.line, 1);
    assert.match(problem.message, /cannot read this requirement: requests >= 2\.31 <<< 3/);
    await vscode.workspace.fs.writeFile(requirements, encode('flask==3.0.3\nrequests>=2.31,<3\n'));
    await waitFor('the requirements problem cleared', () => skepticDiagnostics(requirements).length === 0);
  });

  test('declaring the package on disk clears undeclared-dependency in the open file without an edit', async () => {
    const nightly = fileUri(`${folder}/nightly.py`);
    const { document } = await openFile(`${folder}/nightly.py`);
    await waitForFinding(nightly, 'undeclared-dependency', 1);
    const version = document.version;
    await vscode.workspace.fs.writeFile(requirements, encode('flask==3.0.3\nrequests>=2.31,<3\nhttpx==0.27.0\n'));
    await waitForNoFinding(nightly, 'undeclared-dependency');
    assert.strictEqual(document.version, version, 'the document was not edited: the manifest watcher re-analysed it');
  });
});
