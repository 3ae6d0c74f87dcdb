// A finding's code shape: the same for copies that differ in names, literals, comments and layout; different for other code.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzer, defaultOptions, fileFacts, normalizedShape, ParsedDocument, patternOf, type LanguageId, type SyntaxNode } from '../../server/engine';

const analyzer = createAnalyzer(defaultOptions);

/** The pattern keys of the findings of `ruleId` in `text`, in order. */
async function patterns(text: string, ruleId: string, language: LanguageId = 'javascript', file = 'src/x.js'): Promise<string[]> {
  const document = await ParsedDocument.create(language, text);
  try {
    const findings = analyzer.analyze(document, fileFacts(file, language)).findings.filter((f) => f.ruleId === ruleId);
    assert.ok(findings.length > 0, `a ${ruleId} finding in:\n${text}`);
    return findings.map((f) => patternOf(document, f));
  } finally {
    document.dispose();
  }
}

const hashing = (name: string, algorithm: string, body: string): string =>
  `const crypto = require('crypto');\nfunction ${name}(value) {\n  ${body.replace('ALG', algorithm)}\n}\n`;

describe('patternOf', () => {
  it('is the same when only names, literals, quotes, comments and whitespace differ', async () => {
    const [a] = await patterns(hashing('hashPassword', 'md5', "return crypto.createHash('ALG').update(value).digest('hex');"), 'weak-hash');
    const [b] = await patterns(hashing('digestToken', 'sha1', 'return   crypto.createHash( "ALG" /* legacy */ )\n    .update(value)\n    .digest("base64");'), 'weak-hash');
    assert.equal(a, b);
  });

  it('differs when the statement is shaped differently, or for another rule', async () => {
    const [chained] = await patterns(hashing('h', 'md5', "return crypto.createHash('ALG').update(value).digest('hex');"), 'weak-hash');
    const [stored] = await patterns(hashing('h', 'md5', "const digest = crypto.createHash('ALG').update(value); return digest;"), 'weak-hash');
    assert.notEqual(chained, stored);
  });

  it('keeps what is interpolated into a string: where injection lives', async () => {
    const view = (sql: string): string => `import sqlite3\nfrom flask import request\n\ndef view():\n    q = request.args.get("q")\n    cur = sqlite3.connect("d").cursor()\n    cur.execute(${sql})\n`;
    const [one] = await patterns(view(`f"SELECT a FROM t WHERE b = '{q}'"`), 'sql-injection', 'python', 'app/v.py');
    const [other] = await patterns(view(`f"DELETE FROM u WHERE c = {q}"`), 'sql-injection', 'python', 'app/v.py');
    const [two] = await patterns(view(`f"SELECT a FROM t WHERE b = '{q}' AND c = '{q}'"`), 'sql-injection', 'python', 'app/v.py');
    assert.equal(one, other, 'the literal text around one hole does not matter');
    assert.notEqual(one, two, 'two holes are another shape');
  });

  it('sets aside a callback body that does not hold the finding', async () => {
    const route = (body: string): string => `const express = require('express');\nconst router = express.Router();\nrouter.get('/x', (req, res) => {\n  db.query(\`SELECT * FROM t WHERE id = '\${req.query.id}'\`, (err, rows) => {\n    ${body}\n  });\n});\n`;
    const document = await ParsedDocument.create('javascript', route('res.json(rows);'));
    try {
      const finding = analyzer.analyze(document, fileFacts('src/r.js', 'javascript')).findings.find((f) => f.ruleId === 'sql-injection');
      assert.ok(finding, 'a sql-injection finding');
      const statement = document.syntax.rootNode.descendantForIndex(document.offsetAt(finding.range.start));
      let node: SyntaxNode | null = statement;
      while (node && node.type !== 'expression_statement') node = node.parent;
      const shape = normalizedShape(node!, document, finding.range);
      assert.equal(shape, '$ . $ ( " ${ $ . $ . $ } " , ( $ , $ ) => {…} ) ;');
    } finally {
      document.dispose();
    }
  });
});
