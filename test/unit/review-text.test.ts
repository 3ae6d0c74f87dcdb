// What leaves the review panel: the language model prompt and the review comment, built from a real review, with every secret redacted.
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createAnalyzer, defaultOptions, fileFacts, ParsedDocument, reviewRange, type Range } from '../../server/engine';
import type { ReviewResult } from '../../shared/protocol';
import { buildLanguageModelPrompt, describeLines, formatReviewComment, type ReviewedSnippet } from '../../client/review-text';

const secret = 'kD9x2mQ7pL0vZ4rT8wYb';
const awsKey = 'AKIAIOSFODNN7EXAMPLE';
const handler = `const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();
const SECRET = '${secret}';

app.get('/me', (req, res) => {
  const user = jwt.verify(req.headers.authorization, SECRET);
  db.query(\`SELECT * FROM orders WHERE owner = '\${req.query.id}'\`); // \`\`\` fences inside
  res.json({ user, key: '${awsKey}' });
});
`;

async function reviewOf(text: string, range: Range): Promise<{ review: ReviewResult; text: string }> {
  const document = await ParsedDocument.create('javascript', text);
  try {
    const review = reviewRange(document, fileFacts('src/me.js', 'javascript'), range, createAnalyzer(defaultOptions));
    return { review: { version: 1, ...review }, text: document.text.slice(document.offsetAt(range.start), document.offsetAt(range.end)) };
  } finally {
    document.dispose();
  }
}

describe('the text that leaves the review panel', () => {
  let snippet: ReviewedSnippet;

  before(async () => {
    const { review, text } = await reviewOf(handler, { start: { line: 3, character: 0 }, end: { line: 9, character: 3 } });
    snippet = { file: 'src/me.js', languageId: 'javascript', text, review, answers: review.questions.map(() => undefined) };
    assert.ok(review.secrets.length > 0, 'the review names the hard-coded secret');
    assert.ok(text.includes(secret) && text.includes(awsKey), 'the snippet holds both secrets');
  });

  it('the prompt holds the snippet with file line numbers, the findings, behaviours, flows and every question', () => {
    const prompt = buildLanguageModelPrompt(snippet);
    assert.match(prompt, /File: src\/me\.js \(javascript\), lines 4–10:/);
    assert.match(prompt, /^7: {3}const user = jwt\.verify\(req\.headers\.authorization, SECRET\);$/m);
    assert.match(prompt, /^- line 8, sql-injection: SQL built from req\.query reaches db\.query/m);
    assert.match(prompt, /^- line 8: queries the database \(`db\.query`\)$/m);
    assert.match(prompt, /^- req\.query\.id \(line 8\) reaches queries the database \(line 8\): sql-injection$/m);
    assert.match(prompt, /^- jsonwebtoken \(npm\): unknown$/m);
    snippet.review.questions.forEach((q, i) => assert.ok(prompt.includes(`${i + 1}. ${q.text}`), q.text));
  });

  it('the prompt carries no secret: neither the flagged one nor a key in a known format', () => {
    const prompt = buildLanguageModelPrompt(snippet);
    assert.ok(!prompt.includes(secret), prompt);
    assert.ok(!prompt.includes(awsKey), prompt);
    assert.match(prompt, /^4: const SECRET = '\[REDACTED\]';$/m);
    assert.match(prompt, /key: '\[REDACTED\]'/);
  });

  it('the prompt fences the code with more backticks than the code holds', () => {
    const prompt = buildLanguageModelPrompt(snippet);
    assert.match(prompt, /^````javascript$/m);
    assert.ok(!/^```javascript$/m.test(prompt));
  });

  it('a snippet without questions still asks an open question rather than none', async () => {
    const { review, text } = await reviewOf('const total = [1, 2, 3].reduce((a, b) => a + b, 0);\n', { start: { line: 0, character: 0 }, end: { line: 0, character: 52 } });
    assert.deepEqual(review.questions, []);
    const prompt = buildLanguageModelPrompt({ file: 'sum.js', languageId: 'javascript', text, review, answers: [] });
    assert.match(prompt, /1\. Static analysis raised no question/);
    assert.match(prompt, /, line 1:/);
  });

  it('the review comment lists the answers as a task list, with notes, secrets redacted everywhere', () => {
    const answers = snippet.review.questions.map(() => undefined) as ReviewedSnippet['answers'][number][];
    answers[0] = { state: 'needs-work', note: `rotate it; the old one was ${awsKey}\nticket SEC-9`, updated: '2026-01-01T00:00:00Z' };
    answers[1] = { state: 'answered', note: 'verified with algorithms pinned', updated: '2026-01-01T00:00:00Z' };
    const comment = formatReviewComment({ ...snippet, answers });
    assert.ok(!comment.includes(secret) && !comment.includes(awsKey), comment);
    assert.match(comment, /^\*\*Skeptic review\*\* of `src\/me\.js`, lines 4–10$/m);
    const [first, second] = snippet.review.questions;
    assert.ok(comment.includes(`- [ ] ${first.text}\n  _Needs work_: rotate it; the old one was [REDACTED]\n  ticket SEC-9`), comment);
    assert.ok(comment.includes(`- [x] ${second.text}\n  _Answered_: verified with algorithms pinned`), comment);
    assert.match(comment, new RegExp(`\\*\\*Questions\\*\\* \\(1 of ${snippet.review.questions.length} settled\\)`));
    assert.match(comment, /^- Line 8: \*\*sql-injection\*\* \(error, CWE-89\)/m);
    assert.match(comment, /<details><summary>Snippet<\/summary>\n\n````javascript\nconst SECRET = '\[REDACTED\]';/);
  });

  it('describes a one-line and a whole-line selection as people count lines', () => {
    const at = (start: number, end: number, endCharacter: number): ReviewedSnippet =>
      ({ ...snippet, review: { ...snippet.review, range: { start: { line: start, character: 0 }, end: { line: end, character: endCharacter } } } });
    assert.equal(describeLines(at(3, 3, 10)), 'line 4');
    assert.equal(describeLines(at(3, 9, 3)), 'lines 4–10');
    assert.equal(describeLines(at(3, 10, 0)), 'lines 4–10'); // a selection of whole lines ends at the next line's start
  });
});
