// Unit cache keys hold only the module-level declarations a unit can read: a new top-level function re-analyses the units that name it, not every unit, and cached results always match a fresh analysis.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzer, defaultOptions, fileFacts, ParsedDocument, UnitCache, type Finding, type LanguageId, type Range } from '../../server/engine';

const analyzer = createAnalyzer(defaultOptions);

const describeFindings = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character} ${f.ruleId} ${f.message}`);

async function fresh(language: LanguageId, path: string, text: string): Promise<string[]> {
  const doc = await ParsedDocument.create(language, text);
  try {
    return describeFindings(analyzer.analyze(doc, fileFacts(path, language)).findings);
  } finally {
    doc.dispose();
  }
}

/** Applies each edit in turn to a cached analysis, checking every result against a fresh one; returns the reuse counts. */
async function edits(language: LanguageId, path: string, text: string, changes: readonly { range: Range; text: string }[]): Promise<{ units: number; reused: number; findings: string[] }[]> {
  const doc = await ParsedDocument.create(language, text);
  const cache = new UnitCache();
  const facts = fileFacts(path, language);
  try {
    analyzer.analyze(doc, facts, cache);
    const out: { units: number; reused: number; findings: string[] }[] = [];
    for (const change of changes) {
      await doc.update([change]);
      const result = analyzer.analyze(doc, facts, cache);
      const findings = describeFindings(result.findings);
      assert.deepEqual(findings, await fresh(language, path, doc.text), `after inserting ${JSON.stringify(change.text)}`);
      out.push({ units: result.units, reused: result.reusedUnits, findings });
    }
    return out;
  } finally {
    doc.dispose();
  }
}

const at = (line: number, character = 0): Range => ({ start: { line, character }, end: { line, character } });

describe('unit cache keys', () => {
  const js = [
    "const crypto = require('crypto');",
    "const ALGORITHM = 'sha256';",
    '',
    'function digest(body) {',
    '  return crypto.createHash(ALGORITHM).update(body).digest("hex");',
    '}',
    '',
    'function total(items) {',
    '  return items.reduce((sum, item) => sum + item.price, 0);',
    '}',
    '',
    'function label(item) {',
    '  return `${item.name} (${item.id})`;',
    '}',
    '',
    '// A string escape is no identifier escape: this unit is keyed by the names it mentions too.',
    'function lines(items) {',
    "  return items.map(label).join('\\n');",
    '}',
    '',
  ].join('\n');

  it('a new top-level function re-analyses only itself and the units that name it (JavaScript)', async () => {
    const [added, named] = await edits('javascript', 'src/a.js', js, [
      { range: at(20), text: 'function format(value) {\n  return String(value);\n}\n' },
      { range: at(12, 9), text: 'format(item.name) + ' },
    ]);
    // Every unit but the new function is reused.
    assert.equal(added.reused, added.units - 1);
    // The edited function (now naming `format`) is analysed again, and so is `lines`, which names it (a function is keyed
    // by its text in the units that call it); the others are reused.
    assert.equal(named.reused, named.units - 2);
  });

  it('a unit reading a module constant is analysed again when the constant changes, and only such units', async () => {
    const [changed] = await edits('javascript', 'src/a.js', js, [{ range: { start: { line: 1, character: 19 }, end: { line: 1, character: 25 } }, text: 'md5' }]);
    assert.ok(changed.findings.some((f) => f.includes(' weak-hash ')), `the weak algorithm is found through the constant: ${changed.findings.join('\n')}`);
    // The constant's own statement and `digest`, which names it, are analysed again; `total`, `label` and `lines` are reused.
    assert.equal(changed.reused, changed.units - 2);
  });

  it('a constant read through another constant changes the reader too', async () => {
    const text = "const crypto = require('crypto');\nconst NAME = 'sha256';\nconst ALGORITHM = NAME;\n\nfunction digest(body) {\n  return crypto.createHash(ALGORITHM).update(body).digest('hex');\n}\n";
    const [changed] = await edits('javascript', 'src/a.js', text, [{ range: { start: { line: 1, character: 14 }, end: { line: 1, character: 20 } }, text: 'md5' }]);
    // `NAME` itself, `ALGORITHM` (names it) and `digest` (names ALGORITHM) are analysed again; the require is reused.
    assert.equal(changed.reused, changed.units - 3);
    assert.equal(changed.reused, 1);
  });

  it('a call into a local helper is analysed again when the helper changes', async () => {
    const text = [
      "const { exec, execFile } = require('child_process');",
      "const express = require('express');",
      'const app = express();',
      '',
      'function sh(dir) {',
      "  return execFile('ls', ['-l', dir]);",
      '}',
      '',
      "app.get('/ls', (req, res) => {",
      '  sh(req.query.dir);',
      "  res.send('ok');",
      '});',
      '',
    ].join('\n');
    // `edits` demands cached results equal a fresh analysis after each edit: the route's cached result must not survive.
    const [unsafe, safe] = await edits('javascript', 'src/a.js', text, [
      { range: { start: { line: 5, character: 9 }, end: { line: 5, character: 36 } }, text: "exec('ls -l ' + dir)" },
      { range: { start: { line: 5, character: 9 }, end: { line: 5, character: 29 } }, text: "execFile('ls', ['-l', dir])" },
    ]);
    assert.ok(unsafe.findings.some((f) => f.startsWith('10:') && f.includes(' command-injection ')), `the call is reported: ${unsafe.findings.join('\n')}`);
    assert.ok(!safe.findings.some((f) => f.startsWith('10:')), `and no longer once the helper is fixed: ${safe.findings.join('\n')}`);
  });

  it('a new top-level function re-analyses only itself (Python)', async () => {
    const py = "import hashlib\n\nALGORITHM = 'sha256'\n\n\ndef digest(body):\n    return hashlib.new(ALGORITHM, body).hexdigest()\n\n\ndef total(items):\n    return sum(item.price for item in items)\n";
    const [added, changed] = await edits('python', 'app/a.py', py, [
      { range: at(11), text: '\n\ndef format_value(value):\n    return str(value)\n' },
      { range: { start: { line: 2, character: 13 }, end: { line: 2, character: 19 } }, text: 'md5' },
    ]);
    assert.equal(added.reused, added.units - 1);
    assert.equal(changed.reused, changed.units - 2);
  });
});
