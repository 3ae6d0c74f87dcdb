// Self-test cases run inside VS Code's extension host against the throwaway selftest extension.
const assert = require('assert');
const vscode = require('vscode');

const EXTENSION_ID = 'skeptic-test.selftest';

async function waitFor(predicate, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

suite('selftest extension', () => {
  test('is activated on startup', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.ok(await waitFor(() => extension.isActive), 'not active 30 s after startup');
  });

  test('selftest.hello returns a value', async () => {
    const result = await vscode.commands.executeCommand('selftest.hello');
    assert.strictEqual(result.hello, 'world');
  });

  test('user settings from startCodeServer reach the window', () => {
    assert.strictEqual(vscode.workspace.getConfiguration('editor').get('autoClosingBrackets'), 'never');
  });

  test('workspace trust is what the run asked for', () => {
    const expected = vscode.workspace.getConfiguration('selftest').get('expectTrusted', true);
    console.log('vscode.workspace.isTrusted = %s (expected %s)', vscode.workspace.isTrusted, expected);
    assert.strictEqual(vscode.workspace.isTrusted, expected);
  });
});
