// An open document's analyses keep what they read from each statement (unit findings, bindings, trigger facts, the module
// scope, the route table of missing-authorization and csrf-disabled): after any edit, a cached analysis must report
// exactly what a fresh one does. Every fixture is edited; whole-file checks' fixtures at more places.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createAnalyzer, defaultOptions, fileFacts, languageOfPath, ParsedDocument, UnitCache, type Finding, type LanguageId } from '../../server/engine';

const analyzer = createAnalyzer(defaultOptions);
const rulesDir = path.join(__dirname, '..', '..', '..', 'rules');
const describeFindings = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.line + 1}:${f.range.end.character} ${f.ruleId} ${f.severity}/${f.confidence} ${f.message}`);

async function fresh(language: LanguageId, file: string, text: string): Promise<string[]> {
  const doc = await ParsedDocument.create(language, text);
  try {
    return describeFindings(analyzer.analyze(doc, fileFacts(file, language)).findings);
  } finally {
    doc.dispose();
  }
}

const fileChecks = /^(missing-authorization|csrf-disabled|tls-verification-disabled)\./;
// Dependency rules report only with a project's manifests (their own tests give them one).
const needsProject = /^(undeclared-dependency|unknown-package|vulnerable-dependency|typosquat-package)\./;
const fixtures = ['javascript', 'python'].flatMap((family) =>
  fs.readdirSync(path.join(rulesDir, family))
    .filter((f) => /\.(fixture|fixed)\.\w+$/.test(f) && !needsProject.test(f))
    .map((f) => path.join(family, f)));

describe('analyses with a document cache', () => {
  it('has fixtures to run', () => assert.ok(fixtures.filter((f) => fileChecks.test(path.basename(f))).length >= 6, fixtures.join(', ')));
  for (const fixture of fixtures) {
    it(`${fixture}: cached = fresh after shifting, deleting and restoring lines`, async () => {
      const text = fs.readFileSync(path.join(rulesDir, fixture), 'utf8');
      const language = languageOfPath(fixture)!;
      const file = `src/${path.basename(fixture)}`;
      const doc = await ParsedDocument.create(language, text);
      const cache = new UnitCache();
      const facts = fileFacts(file, language);
      try {
        const original = describeFindings(analyzer.analyze(doc, facts, cache).findings);
        assert.ok(original.length > 0 || /fixed/.test(fixture), 'the fixture reports something');
        const lines = text.split('\n').length;
        // Shift every statement down, then delete one line (often leaving a syntax error) and put it back, at spread-out places.
        await doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' }]);
        assert.deepEqual(describeFindings(analyzer.analyze(doc, facts, cache).findings), await fresh(language, file, doc.text), 'after shifting');
        const places = fileChecks.test(path.basename(fixture)) ? 6 : 2;
        for (let k = 1; k <= places; k++) {
          const line = 2 + Math.floor((k * lines) / (places + 1));
          const removed = doc.text.split('\n')[line] + '\n';
          await doc.update([{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
          assert.deepEqual(describeFindings(analyzer.analyze(doc, facts, cache).findings), await fresh(language, file, doc.text), `after deleting line ${line + 1}`);
          await doc.update([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: removed }]);
          assert.deepEqual(describeFindings(analyzer.analyze(doc, facts, cache).findings), await fresh(language, file, doc.text), `after restoring line ${line + 1}`);
        }
        await doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
        assert.deepEqual(describeFindings(analyzer.analyze(doc, facts, cache).findings), original, 'back to the original');
      } finally {
        doc.dispose();
      }
    });
  }

  it('a unit whose finding reads other statements (a module-level hash object used further down) is redone when they change', async () => {
    const text = "const crypto = require('crypto');\nconst h = crypto.createHash('md5');\nh.update(password);\nmodule.exports = h.digest('hex');\n";
    const doc = await ParsedDocument.create('javascript', text);
    const cache = new UnitCache();
    const facts = fileFacts('src/digest.js', 'javascript');
    try {
      analyzer.analyze(doc, facts, cache);
      await doc.update([{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 17 } }, text: 'fileBuffer' }]);
      assert.deepEqual(describeFindings(analyzer.analyze(doc, facts, cache).findings), await fresh('javascript', 'src/digest.js', doc.text));
    } finally {
      doc.dispose();
    }
  });
});
