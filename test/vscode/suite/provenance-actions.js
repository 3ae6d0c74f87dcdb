// What the provenance suites do in the editor: create and open a file, type, and accept the test assistant's suggestion.
const fs = require('fs');
const vscode = require('vscode');
const { fileUri, openFile, sleep } = require('./workbench-waits');

/** Writes a file into the (throwaway) workspace and opens it. */
async function openNewFile(relativePath, text) {
  fs.writeFileSync(fileUri(relativePath).fsPath, text);
  return openFile(relativePath);
}

/** Types `text` at the start of a line (one edit) and leaves the cursor after it. */
async function typeAt(editor, line, text) {
  await editor.edit((b) => b.insert(new vscode.Position(line, 0), text));
  const end = new vscode.Position(line, text.length);
  editor.selection = new vscode.Selection(end, end);
}

/**
 * Asks for the assistant's suggestion and accepts it with Skeptic's Tab command (what the Tab keybinding runs), retrying
 * until the suggestion shows: the ghost text appears asynchronously after the trigger.
 */
async function acceptSuggestion(editor, expected) {
  const { document } = editor;
  for (let attempt = 0; attempt < 40; attempt++) {
    await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    await sleep(250);
    await vscode.commands.executeCommand('skeptic.inlineSuggest.commit');
    if (document.getText().includes(expected)) return;
  }
  throw new Error(`the suggestion was never accepted; the document reads:\n${document.getText()}`);
}

/** Types a snippet's trigger on `line` (0-based) and accepts the assistant's suggestion for it. */
async function acceptSnippet(editor, line, snippet) {
  await typeAt(editor, line, snippet.trigger);
  await acceptSuggestion(editor, snippet.text);
}

module.exports = { openNewFile, typeAt, acceptSuggestion, acceptSnippet };
