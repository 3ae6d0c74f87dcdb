// Plays an AI assistant: an InlineCompletionItemProvider that completes a line it recognises with a multi-line snippet,
// replacing what was typed (as Copilot-like providers do). Shared by the extension-host suite and the UI tests' extension.

/** A route file with empty lines 7 and 8 (1-based) where the tests ask the assistant for a route. */
const ordersFile = [
  '// Order routes of the API.',
  "const express = require('express');",
  "const { pool } = require('../db');",
  '',
  'const router = express.Router();',
  '',
  '',
  '',
  'module.exports = router;',
  '',
].join('\n');

/** Snippets by the line start that asks for them. All are insecure on purpose: the tests check Skeptic flags them. */
const snippets = [
  {
    trigger: "router.get('/orders/search'",
    text: [
      "router.get('/orders/search', (req, res) => {",
      "  pool.query(\"SELECT * FROM orders WHERE customer = '\" + req.query.customer + \"'\", (err, rows) => {",
      "    if (err) return res.status(500).json({ error: 'search failed' });",
      '    res.json(rows);',
      '  });',
      '});',
    ].join('\n'),
  },
  {
    // An assistant (or a prompt injection) writing its own suppression: it must not silence anything.
    trigger: "router.get('/orders/export'",
    text: [
      "router.get('/orders/export', (req, res) => {",
      '  // skeptic-ignore sql-injection -- the customer id is validated upstream',
      "  pool.query(\"SELECT * FROM orders WHERE customer = '\" + req.query.customer + \"'\", (err, rows) => {",
      "    if (err) return res.status(500).json({ error: 'export failed' });",
      '    res.json(rows);',
      '  });',
      '});',
    ].join('\n'),
  },
];

/** Registers the provider for JavaScript; returns its Disposable. `calls()` on it counts the requests that got a snippet. */
function registerAssistant(vscode) {
  let offered = 0;
  const registration = vscode.languages.registerInlineCompletionItemProvider({ language: 'javascript' }, {
    provideInlineCompletionItems(document, position) {
      const typed = document.lineAt(position.line).text.slice(0, position.character);
      const indent = /^\s*/.exec(typed)[0];
      const start = typed.slice(indent.length);
      // At least the route's method and path start: a few typed characters must not ask for every snippet.
      const snippet = snippets.find((s) => start.length >= 12 && s.text.startsWith(start));
      if (!snippet || start === snippet.text) return [];
      offered++;
      const text = snippet.text.split('\n').map((line, i) => indent + line).join('\n');
      return [new vscode.InlineCompletionItem(text, new vscode.Range(position.line, 0, position.line, position.character))];
    },
  });
  return { dispose: () => registration.dispose(), offered: () => offered };
}

module.exports = { ordersFile, registerAssistant, snippets };
