// Answers to a review's questions: keyed by the snippet's content and the question relative to it, kept in a memento.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answersKeyPrefix, normalizeSnippet, questionKey, ReviewAnswers, snippetKey, type AnswerMemento } from '../../client/review-answers';

class MapMemento implements AnswerMemento {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) this.values.delete(key); else this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
}

const snippet = "app.get('/x', (req, res) => {\n  res.send(req.query.q);\n});";

describe('review answers', () => {
  it('a snippet keeps its key when moved, re-indented or given other line endings, and loses it when its code changes', () => {
    const key = snippetKey(snippet);
    assert.match(key, /^[0-9a-f]{32}$/);
    assert.equal(snippetKey(`\n\n${snippet.replace(/^/gm, '    ')}  \n`), key);
    assert.equal(snippetKey(snippet.replace(/\n/g, '\r\n')), key);
    assert.notEqual(snippetKey(snippet.replace('req.query.q', 'req.query.p')), key);
    assert.notEqual(snippetKey(snippet.replace('  res', '    res')), key, 'indentation inside the snippet is code');
    assert.equal(normalizeSnippet('\n  a\n    b  \n\n'), 'a\n  b');
  });

  it('a question keeps its key when the snippet moves down the file, as its line numbers move with it', () => {
    const before = questionKey('Line 12 builds a SQL query from `req.query.id`: is it validated?', 9);
    assert.equal(questionKey('Line 15 builds a SQL query from `req.query.id`: is it validated?', 12), before);
    assert.notEqual(questionKey('Line 13 builds a SQL query from `req.query.id`: is it validated?', 9), before);
    assert.notEqual(questionKey('Line 12 builds a SQL query from `req.query.name`: is it validated?', 9), before);
    assert.equal(questionKey('This handler deletes records (line 17, `pool.query`): where is that checked?', 15),
      questionKey('This handler deletes records (line 20, `pool.query`): where is that checked?', 18));
  });

  it('records, updates and forgets answers in the memento under the snippet key, and tells listeners', async () => {
    const memento = new MapMemento();
    const answers = new ReviewAnswers(memento);
    const key = snippetKey(snippet);
    const changed: string[] = [];
    const listening = answers.onDidChange((k) => changed.push(k));
    await answers.answer(key, 'q1', 'needs-work', 'escape it');
    assert.deepEqual(memento.keys(), [answersKeyPrefix + key]);
    assert.equal(answers.answersOf(key).q1.state, 'needs-work');
    assert.equal(answers.answersOf(key).q1.note, 'escape it');
    await answers.answer(key, 'q1', 'answered', 'escaped by the template');
    await answers.answer(key, 'q2', undefined, 'ask the team');
    assert.deepEqual(Object.keys(answers.answersOf(key)).sort(), ['q1', 'q2']);
    assert.equal(answers.answersOf(key).q2.state, undefined);
    await answers.answer(key, 'q1', undefined, '  ');
    await answers.answer(key, 'q2', undefined, '');
    assert.deepEqual(memento.keys(), [], 'an entry without answers is removed');
    assert.deepEqual(changed, [key, key, key, key, key]);
    listening.dispose();
    await answers.answer(key, 'q1', 'answered', '');
    assert.equal(changed.length, 5);
    await assert.rejects(answers.answer(key, 'q1', 'maybe' as never, ''), /unknown answer state "maybe"/);
  });
});
