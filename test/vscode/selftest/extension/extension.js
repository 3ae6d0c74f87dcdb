// Throwaway extension for the rails' self-test: a command and a status bar item.
const vscode = require('vscode');

function activate(context) {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 1000);
  item.text = 'selftest-ok';
  item.show();
  context.subscriptions.push(item, vscode.commands.registerCommand('selftest.hello', () => {
    vscode.window.showInformationMessage('Hello from selftest');
    return { hello: 'world', trusted: vscode.workspace.isTrusted };
  }));
}

module.exports = { activate, deactivate() {} };
