// A scripted language model for the review panel's UI test (proposed chatProvider API, enabled for this extension only).
// Its first answer streams one piece and then waits to be cancelled; later answers say how much they received and finish.
const vscode = require('vscode');

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function textOf(message) {
  const content = message.content;
  if (typeof content === 'string') return content;
  return content.map((part) => (typeof part.value === 'string' ? part.value : '')).join('');
}

function activate(context) {
  let requests = 0;
  const provider = {
    async provideLanguageModelResponse(messages, _options, extensionId, progress, token) {
      requests++;
      const prompt = messages.map(textOf).join('\n');
      const say = (text) => progress.report({ index: 0, part: new vscode.LanguageModelTextPart(text) });
      if (requests === 1) {
        say('Thinking about it');
        for (let waited = 0; waited < 30000 && !token.isCancellationRequested; waited += 50) await sleep(50);
        if (!token.isCancellationRequested) say(' (never cancelled)');
        return;
      }
      say(`Critique from ${extensionId}: received ${prompt.length} characters. `);
      await sleep(50);
      say(prompt.includes('[REDACTED]') ? 'Secrets were redacted.' : 'No redactions.');
    },
    async provideTokenCount(text) {
      return Math.ceil((typeof text === 'string' ? text : textOf(text)).length / 4);
    },
  };
  context.subscriptions.push(vscode.lm.registerChatModelProvider('skeptic-test-critic', provider, {
    vendor: 'skeptic-test', name: 'Skeptic Test Critic', family: 'skeptic-test', version: '1',
    maxInputTokens: 100000, maxOutputTokens: 4000, isUserSelectable: true,
  }));
}

module.exports = { activate };
