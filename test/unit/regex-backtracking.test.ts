// Proves the one ReDoS engine (rules/lib/regex-backtracking.ts) reads each dialect's syntax and gives each rule its verdicts: the same shapes in both, the dialect's options where they differ.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backtrackingOf, javascriptRegex, pythonRegex } from '../../rules/lib/regex-backtracking';

const js = (pattern: string, flags = ''): string | undefined => backtrackingOf(pattern, javascriptRegex(flags))?.kind;
const py = (pattern: string, options: { verbose?: boolean; wholeInput?: boolean } = {}): string | undefined => backtrackingOf(pattern, pythonRegex(options))?.group;

describe('one ReDoS engine for JavaScript and Python', () => {
  it('finds the same exponential shapes in both dialects', () => {
    for (const pattern of ['^(a+)+$', '^(\\w+\\s?)*$', '^(a|a)*$', '^([a-z0-9]{2,4})+$', '"(?:\\\\.|[^"])*"x', '^(\\s*/\\*[\\s\\S]*?\\*/\\s*)+$', '^(x+x+)+y', '^(a*)+$']) {
      assert.equal(js(pattern), 'exponential', pattern);
      assert.ok(py(pattern), pattern);
    }
    for (const pattern of ['^[a-z]+$', '^(\\d+)(?:\\.(\\d+))*$', '^[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*$', '^(ab)+$']) {
      assert.equal(js(pattern), undefined, pattern);
      assert.equal(py(pattern), undefined, pattern);
    }
  });

  it('names the repeated group for the message, outermost first', () => {
    assert.equal(py('^(https?://)?([\\w-]+\\.)+[\\w-]+(/[\\w./?%&=-]*)*$'), '(/[\\w./?%&=-]*)*');
    assert.equal(py('^((a+)+)+$'), '((a+)+)+');
    assert.equal(py('^((a+)+b)+$'), '(a+)+');
  });

  it('gives polynomial verdicts for JavaScript only, and none with the sticky flag', () => {
    assert.equal(js('\\s+$'), 'polynomial');
    assert.equal(js('^\\d*\\.?\\d+x'), 'polynomial');
    assert.equal(js('\\s+$', 'y'), undefined);
    assert.equal(py('\\s+$'), undefined);
  });

  it('reads case-insensitive JavaScript classes in both cases', () => {
    assert.equal(js('^([A-Z]+a)+$'), undefined);
    assert.equal(js('^([A-Z]+a)+$', 'i'), 'exponential');
  });

  it('reports a Python group only when something after it can fail, unless fullmatch needs the whole input', () => {
    assert.equal(py('(a+)+'), undefined);
    assert.equal(py('(a+)+', { wholeInput: true }), '(a+)+');
    assert.equal(py('(a+)+$'), '(a+)+');
    assert.equal(js('(a+)+'), 'exponential');
  });

  it("reads Python's own syntax: named groups, inline flags, comments, \\Z, possessive quantifiers, verbose patterns", () => {
    assert.equal(py('(?P<word>\\w+\\s?)*\\Z'), '(?P<word>\\w+\\s?)*');
    assert.equal(py('(?i)(?#words)(\\w+\\s?)*$'), '(\\w+\\s?)*');
    // A possessive repetition never gives back, so it splits nothing.
    assert.equal(py('^(a++)+$'), undefined);
    assert.equal(py('^(a+)+$'), '(a+)+');
    assert.equal(py('^ ( \\w+ \\s? )* $  # words', { verbose: true }), '(\\w+\\s?)*');
    assert.equal(py('(?x) ^ ( \\w+ \\s? )* $'), '(\\w+\\s?)*');
    // Atomic groups (3.11) and other unknown extensions: no verdict rather than a guess.
    assert.equal(py('^(?>a+)+$'), undefined);
    // In JavaScript \\Z is the letter Z, which after a repeated group can fail too.
    assert.equal(js('(\\w+\\s?)*\\Z'), 'exponential');
  });

  it('does not see two non-ASCII ranges as sharing a character', () => {
    const xmlName = '^([:A-Z_a-z\\xC0-\\xD6]|[\\uD800-\\uDB7F][\\uDC00-\\uDFFF])([\\x2D.0-:A-Z_a-z\\xB7\\xC0-\\xD6]|[\\uD800-\\uDB7F][\\uDC00-\\uDFFF])*$';
    assert.equal(js(xmlName), undefined);
    assert.equal(py(xmlName), undefined);
  });

  it('gives no verdict for patterns it cannot read or that are too long', () => {
    assert.equal(js(`${'a'.repeat(2001)}(a+)+$`), undefined);
    assert.equal(py(`${'('.repeat(60)}a+${')'.repeat(60)}+$`), undefined);
  });
});
