// `skeptic scan` exit codes: 0 below --fail-on, 1 at or above it, 2 for usage errors with a clear message on stderr.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cleanModule, createProject, passwordModule, type Project } from './lib/temp-project';

describe('skeptic scan exit codes', () => {
  // weak-hash is a warning by default; the `strict` folder's .skeptic.yml raises it to an error.
  let project: Project;
  before(() => {
    project = createProject({
      'warn/src/passwords.js': passwordModule('md5'),
      'strict/.skeptic.yml': 'rules:\n  weak-hash: error\n',
      'strict/src/passwords.js': passwordModule('sha1'),
      'clean/src/math.js': cleanModule(),
      'quiet/src/login.js': "const crypto = require('crypto');\nfunction hashPassword(password) {\n  // skeptic-ignore weak-hash -- legacy accounts, rehashed with scrypt at first login\n  return crypto.createHash('md5').update(password).digest('hex');\n}\nmodule.exports = { hashPassword };\n",
    });
  });
  after(() => project.remove());

  const exitOf = (cwd: string, ...args: string[]): number | null => project.run(['scan', ...args], cwd).status;

  it('exits 0 when findings stay below the default threshold (error)', () => {
    assert.equal(exitOf('warn'), 0);
    assert.equal(exitOf('warn', '--fail-on', 'error'), 0);
  });

  it('exits 1 when a finding reaches --fail-on', () => {
    assert.equal(exitOf('warn', '--fail-on', 'warning'), 1);
    assert.equal(exitOf('warn', '--fail-on', 'info'), 1);
    assert.equal(exitOf('strict'), 1, 'an error-severity finding fails the default threshold');
    assert.equal(exitOf('strict', '--format', 'sarif'), 1, 'the format does not change the verdict');
  });

  it('--fail-on none always exits 0 after a full report', () => {
    const run = project.run(['scan', '--fail-on', 'none'], 'strict');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /src\/passwords\.js:4:28 {2}error {2}weak-hash/);
  });

  it('exits 0 on a clean project whatever the threshold, and when the only finding is suppressed', () => {
    assert.equal(exitOf('clean', '--fail-on', 'info'), 0);
    assert.equal(exitOf('quiet', '--fail-on', 'info'), 0);
    assert.match(project.run(['scan'], 'quiet').stdout, /^0 findings .*; 1 suppressed$/m, 'the suppressed finding was there to fail on');
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['an unknown flag', ['scan', '--bogus'], /Unknown option '--bogus'/],
    ['an unknown format', ['scan', '--format', 'xml'], /--format must be text, json or sarif, got `xml`/],
    ['a format flag without a value', ['scan', '--format'], /--format/],
    ['an unknown --fail-on level', ['scan', '--fail-on', 'critical'], /--fail-on must be error, warning, info or none, got `critical`/],
    ['a missing path', ['scan', 'src/missing.js'], /no such file or folder: src\/missing\.js/],
    ['a missing --config file', ['scan', '--config', 'nope.yml'], /no such configuration file: nope\.yml/],
    ['an unknown command', ['lint'], /unknown command `lint`/],
    ['no command', [], /missing command/],
  ];
  for (const [what, args, expected] of usageErrors) {
    it(`exits 2 with a clear message for ${what}`, () => {
      const run = project.run(args, 'warn');
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '', 'no report on a usage error');
      assert.match(run.stderr, /^skeptic: /);
      assert.match(run.stderr, expected);
      assert.match(run.stderr, /skeptic --help/);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    });
  }
});
