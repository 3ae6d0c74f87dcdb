// .skeptic.yml validation: clear file/line messages for every mistake, options for what is right.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeOptions, parseConfig } from '../../server/engine';

const knownRuleIds = new Set(['weak-hash', 'code-injection', 'sql-injection']);

describe('.skeptic.yml', () => {
  it('reads rules, ignore globs and sizes', () => {
    const { options, problems } = parseConfig('rules:\n  weak-hash: off\n  code-injection: warning\nignore:\n  - "vendor/**"\nmaxFileSize: 2MB\n', '.skeptic.yml', knownRuleIds);
    assert.deepEqual(problems, []);
    assert.deepEqual(options, { rules: { 'weak-hash': 'off', 'code-injection': 'warning' }, ignore: ['vendor/**'], maxFileSize: 2 * 1024 * 1024 });
  });

  it('reports each problem with its line and a suggestion', () => {
    const { problems } = parseConfig('rules:\n  weak-hsh: off\n  code-injection: loud\nignore: vendor\nmaxFilesize: 3\n', '.skeptic.yml', knownRuleIds);
    assert.deepEqual(problems.map((p) => [p.line, p.message]), [
      [2, 'unknown rule id `weak-hsh` (did you mean `weak-hash`?)'],
      [3, 'rule `code-injection`: expected one of off, error, warning, info, got `loud`'],
      [4, '`ignore` must be a list of glob strings, e.g. - "vendor/**"'],
      [5, 'unknown key `maxFilesize` (expected rules, ignore, maxFileSize)'],
    ]);
  });

  it('reports YAML syntax errors with a position', () => {
    const { problems } = parseConfig('rules:\n  weak-hash: [off\n', 'x.yml', knownRuleIds);
    assert.equal(problems.length > 0, true);
    assert.match(problems[0].message, /^YAML syntax/);
  });

  it('an empty file changes nothing, and later layers win', () => {
    assert.deepEqual(parseConfig('', 'x', knownRuleIds), { options: {}, problems: [] });
    const merged = mergeOptions({ rules: { 'weak-hash': 'off' }, maxFileSize: 10 }, { rules: { 'weak-hash': 'error' } });
    assert.deepEqual(merged.rules, { 'weak-hash': 'error' });
    assert.equal(merged.maxFileSize, 10);
  });
});
