// An open document is analysed again on every edit: memos shared across versions must not keep old versions' text alive
// (a node's text is a slice of the whole document, and a slice keeps its whole source string in memory), and must not
// grow with every keystroke in a large function either.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { createAnalyzer, defaultOptions, fileFacts, ParsedDocument, UnitCache } from '../../server/engine';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap growth over 300 analysed edits (after 50 to warm up), one space inserted at a place `target(k)` picks. */
async function growthOver300Edits(lines: readonly string[], target: (k: number) => { line: number; character: number }): Promise<number> {
  const doc = await ParsedDocument.create('javascript', lines.join('\n'));
  const analyzer = createAnalyzer(defaultOptions);
  const facts = fileFacts('src/routes.js', 'javascript');
  const cache = new UnitCache();
  try {
    const edit = async (k: number): Promise<void> => {
      const at = target(k);
      await doc.update([{ range: { start: at, end: at }, text: ' ' }]);
      analyzer.analyze(doc, facts, cache);
    };
    for (let k = 0; k < 50; k++) await edit(k);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let k = 50; k < 350; k++) await edit(k);
    gc();
    return process.memoryUsage().heapUsed - before;
  } finally {
    doc.dispose();
  }
}

/** A route module of about 100 KB: routes with long paths (longer strings are slices in V8, shorter ones copies), helpers. */
function routeModule(): string[] {
  const lines = ["const express = require('express');", 'const router = express.Router();', ''];
  for (let i = 0; lines.join('\n').length < 100_000; i++) {
    lines.push(`router.post('/api/v1/inventory/items${i}/reserve', requireAuth, async (req, res) => {`, `  res.json(await db.query('SELECT * FROM t${i} WHERE id = $1', [req.query.id]));`, '});', `function total${i}(items) {`, `  return items.reduce((sum, item) => sum + item.amount * ${i}, 0);`, '}', '');
  }
  return lines;
}

describe('memory over an editing session', () => {
  // Each kept version would cost 100 KB (200 KB as UTF-16): 300 of them, 30-60 MB.
  it('300 edits of a 100 KB file keep no old version of its text', async () => {
    const lines = routeModule();
    const targets = lines.flatMap((l, i) => (l.includes('items.reduce') ? [i] : []));
    const grown = await growthOver300Edits(lines, (k) => ({ line: targets[(k * 7) % targets.length], character: 2 }));
    assert.ok(grown < 8_000_000, `heap grew by ${(grown / 1e6).toFixed(1)} MB over 300 edits`);
  });

  it('300 edits of different routes keep no old version of the file through the route table', async () => {
    const lines = routeModule();
    const targets = lines.flatMap((l, i) => (l.startsWith('router.post(') ? [i] : []));
    // Inside each route's handler, so the registration statement's text changes and is read again.
    const grown = await growthOver300Edits(lines, (k) => ({ line: targets[(k * 7) % targets.length] + 1, character: 2 }));
    assert.ok(grown < 8_000_000, `heap grew by ${(grown / 1e6).toFixed(1)} MB over 300 edits`);
  });

  it('300 keystrokes in one 60 KB function do not keep a copy of it per keystroke', async () => {
    const lines = ['function report(rows) {', '  const out = [];'];
    for (let i = 0; lines.join('\n').length < 60_000; i++) lines.push(`  out.push(rows[${i}].name + ': ' + String(rows[${i}].amount * ${i}));`);
    lines.push('  return out;', '}', '');
    // Each kept copy would cost 120 KB per memo: 300 of them, over 70 MB.
    const grown = await growthOver300Edits(lines, (k) => ({ line: 2 + ((k * 13) % (lines.length - 5)), character: 2 }));
    assert.ok(grown < 20_000_000, `heap grew by ${(grown / 1e6).toFixed(1)} MB over 300 edits`);
  });
});
