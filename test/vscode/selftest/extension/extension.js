// Throwaway extension for the rails' self-test: a command, a status bar item and one diagnostic per "TODO".
const vscode = require('vscode');

function activate(context) {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 1000);
  item.text = 'selftest-ok';
  item.show();

  const diagnostics = vscode.languages.createDiagnosticCollection('selftest');
  const check = (document) => {
    const found = [];
    for (let line = 0; line < document.lineCount; line++) {
      const column = document.lineAt(line).text.indexOf('TODO');
      if (column >= 0) {
        found.push(new vscode.Diagnostic(new vscode.Range(line, column, line, column + 4),
          'selftest found a TODO', vscode.DiagnosticSeverity.Warning));
      }
    }
    diagnostics.set(document.uri, found);
  };
  vscode.workspace.textDocuments.forEach(check);

  context.subscriptions.push(item, diagnostics,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.commands.registerCommand('selftest.hello', () => {
      vscode.window.showInformationMessage('Hello from selftest');
      return { hello: 'world', trusted: vscode.workspace.isTrusted };
    }));
}

module.exports = { activate, deactivate() {} };
