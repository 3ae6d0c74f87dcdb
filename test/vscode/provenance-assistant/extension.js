// The test assistant as an extension (UI tests load it in development mode beside the installed Skeptic .vsix).
const vscode = require('vscode');
const { registerAssistant } = require('./assistant');

exports.activate = (context) => {
  context.subscriptions.push(registerAssistant(vscode));
};
