// Skeptic's accept keybindings apply exactly where VS Code's own do: their `when` clauses, as this VS Code reads them, are
// equal to those of the built-in accept commands (so Tab indents, jumps snippet stops and accepts the suggest widget as before).
const assert = require('assert');
const vscode = require('vscode');

/** VS Code's default keybindings (built-in and extensions'), as its "Open Default Keyboard Shortcuts (JSON)" shows them. */
async function defaultKeybindings() {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
  // JSON with comments: drop the line comments (no string in it holds "//" followed by text that matters here).
  return JSON.parse(document.getText().replace(/^\s*\/\/.*$/gm, ''));
}

suite('provenance keybindings', () => {
  test('the Tab and accept-word bindings have the built-in commands\' keys and when clauses', async () => {
    const bindings = await defaultKeybindings();
    const find = (command) => bindings.filter((b) => b.command === command);
    for (const [ours, builtin] of [
      ['skeptic.inlineSuggest.commit', 'editor.action.inlineSuggest.commit'],
      ['skeptic.inlineSuggest.acceptNextWord', 'editor.action.inlineSuggest.acceptNextWord'],
    ]) {
      const [mine, ...more] = find(ours);
      assert.ok(mine && more.length === 0, `one binding of ${ours}: ${JSON.stringify(find(ours))}`);
      const theirs = find(builtin).filter((b) => b.key === mine.key);
      assert.ok(theirs.some((b) => b.when === mine.when), `${ours} (${mine.key}) when "${mine.when}" is none of ${JSON.stringify(theirs)}`);
    }
    assert.deepStrictEqual(find('skeptic.inlineSuggest.acceptNextLine'), [], 'VS Code binds no key to accept-line, nor does Skeptic');
  });
});
