// skeptic/review asked while an edit is being parsed: the evaluation it got is stale, and so is its document's tree.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileFacts, ParsedDocument } from '../../server/engine';
import { reviewDocument, type ReviewBasis } from '../../server/lsp/review';

describe('skeptic/review during a re-parse', () => {
  it('evaluates again instead of failing when the document is re-parsed under it', async () => {
    const document = await ParsedDocument.create('javascript', 'const a = f(1);\nconst b = exec(req.query.cmd);\n');
    const file = fileFacts('src/a.js', 'javascript');
    // Read the tree once, as an analysis does, then start an edit whose parse has not finished yet.
    void document.syntax.rootNode.namedChildren;
    const inFlight = document.update([{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 11 } }, text: 'g' }]);
    let attempts = 0;
    try {
      const result = await reviewDocument(
        { textDocument: { uri: 'file:///src/a.js' }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 30 } } },
        () => {
          // The first evaluation answers from before the edit; the next one waits for it, as the session's does.
          const first = ++attempts === 1;
          return (async (): Promise<ReviewBasis> => {
            if (!first) await inFlight;
            return { version: document.version, findings: [], document, file };
          })();
        },
      );
      assert.equal(attempts, 2, 'a second evaluation');
      assert.ok(result.behaviours.length + result.flows.length + result.questions.length > 0, 'a review of the second statement');
    } finally {
      await inFlight;
      document.dispose();
    }
  });
});
