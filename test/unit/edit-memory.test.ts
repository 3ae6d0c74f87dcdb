// An open document is analysed again on every edit: memos shared across versions must not keep old versions' text alive
// (a node's text is a slice of the whole document, and a slice keeps its whole source string in memory).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { createAnalyzer, defaultOptions, fileFacts, ParsedDocument, UnitCache } from '../../server/engine';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('memory over an editing session', () => {
  it('300 edits of a 100 KB file keep no old version of its text', async () => {
    const lines = ["const express = require('express');", 'const router = express.Router();', ''];
    for (let i = 0; lines.join('\n').length < 100_000; i++) {
      lines.push(`router.get('/items${i}', async (req, res) => {`, `  res.json(await db.query('SELECT * FROM t${i} WHERE id = $1', [req.query.id]));`, '});', `function total${i}(items) {`, `  return items.reduce((sum, item) => sum + item.amount * ${i}, 0);`, '}', '');
    }
    const doc = await ParsedDocument.create('javascript', lines.join('\n'));
    const analyzer = createAnalyzer(defaultOptions);
    const facts = fileFacts('src/routes.js', 'javascript');
    const cache = new UnitCache();
    const targets = lines.flatMap((l, i) => (l.includes('items.reduce') ? [i] : []));
    try {
      const edit = async (k: number): Promise<void> => {
        const line = targets[(k * 7) % targets.length];
        await doc.update([{ range: { start: { line, character: 2 }, end: { line, character: 2 } }, text: ' ' }]);
        analyzer.analyze(doc, facts, cache);
      };
      for (let k = 0; k < 50; k++) await edit(k);
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let k = 50; k < 350; k++) await edit(k);
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      // Each kept version would cost 100 KB (200 KB as UTF-16): 300 of them, 30-60 MB.
      assert.ok(grown < 8_000_000, `heap grew by ${(grown / 1e6).toFixed(1)} MB over 300 edits`);
    } finally {
      doc.dispose();
    }
  });
});
