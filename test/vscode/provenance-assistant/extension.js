// The test assistant as an extension (UI tests load it in development mode beside the installed Skeptic .vsix). Its status
// bar item shows what Skeptic reported to its server ("AI-test: inline-completion 7-12 | paste 15-17"), for the UI tests to read.
const vscode = require('vscode');
const { registerAssistant } = require('./assistant');

exports.activate = async (context) => {
  context.subscriptions.push(registerAssistant(vscode));
  // A snippet with two tab stops, for the test that Tab still moves between them.
  context.subscriptions.push(vscode.commands.registerCommand('skeptic-test.insertQuerySnippet', () =>
    vscode.window.activeTextEditor?.insertSnippet(new vscode.SnippetString("pool.query('${1:sql}', [${2:values}]);"))));
  const item = vscode.window.createStatusBarItem('skeptic-test.reports', vscode.StatusBarAlignment.Left, -1000);
  const reports = [];
  const show = () => {
    item.text = `AI-test: ${reports.length ? reports.join(' | ') : 'none'}`;
    item.show();
  };
  show();
  context.subscriptions.push(item);
  const skeptic = vscode.extensions.getExtension('skeptic-dev.skeptic-ai');
  if (!skeptic) {
    item.text = 'AI-test: Skeptic is not installed';
    return;
  }
  const { provenance } = await skeptic.activate();
  context.subscriptions.push(provenance.onDidReportInsertion((r) => {
    reports.push(`${r.origin} ${r.range.start.line + 1}-${r.range.end.line + 1}`);
    show();
  }));
};
