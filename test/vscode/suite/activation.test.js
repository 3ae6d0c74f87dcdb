// Activation: Skeptic stays asleep until a supported file opens, then registers its commands and starts its server.
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, activeExtension, canSeeProcesses, openFile, serverPids, waitFor } = require('./workbench-waits');

suite('activation', () => {
  test('is not active before a supported file opens', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.strictEqual(extension.isActive, false, 'activated although no JavaScript, TypeScript or Python file is open');
  });

  test('activates on a JavaScript file and starts one server', async () => {
    await openFile('src/format.js');
    await activeExtension();
    if (canSeeProcesses) await waitFor('one Skeptic server process', () => serverPids().length === 1);
  });

  test('registers its commands, and the server its documentation command', async () => {
    const expected = ['skeptic.restartServer', 'skeptic.showOutput', 'skeptic.fixAll', 'skeptic.showRuleDocumentation', 'skeptic.selectRange',
      'skeptic.showDocumentation'];
    let missing = expected;
    await waitFor('every Skeptic command', async () => {
      const commands = new Set(await vscode.commands.getCommands(true));
      missing = expected.filter((c) => !commands.has(c));
      return missing.length === 0;
    }).catch(() => { /* the assertion below names what is missing */ });
    assert.deepStrictEqual(missing, []);
  });

  test('declares the languages it activates on and limited support in untrusted workspaces', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID).packageJSON;
    assert.deepStrictEqual(manifest.activationEvents.filter((e) => e.startsWith('onLanguage:')).sort(),
      ['javascript', 'javascriptreact', 'python', 'typescript', 'typescriptreact'].map((l) => `onLanguage:${l}`));
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const key of ['skeptic.enable', 'skeptic.rules', 'skeptic.ignore', 'skeptic.maxFileSize']) {
      assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), `${key} is not restricted`);
    }
  });
});
