// `--diff <rev>`: only findings on lines added or changed since a revision, untracked files included, on real git repositories.
import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { cleanModule, createProject, passwordModule, type Project } from './lib/temp-project';

const commit = (project: Project, message: string): void => {
  project.git(['add', '-A']);
  project.git(['-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '--quiet', '-m', message]);
};

describe('skeptic scan --diff', () => {
  let project: Project | undefined;
  afterEach(() => project?.remove());

  it('reports findings on changed and added lines and in untracked files, not on old code', () => {
    project = createProject({
      '.gitignore': 'generated/\n',
      'src/old.js': passwordModule('md5'),
      'src/edited.js': passwordModule('md5', 'hashPin') + cleanModule(),
      'src/math.js': cleanModule(),
    }, { git: true });
    commit(project, 'first');
    const base = project.git(['rev-parse', 'HEAD']).trim();
    assert.equal(project.runJson(['scan', '--diff', base]).report.findings.length, 0, 'nothing changed yet');

    project.write('src/old.js', '// A comment above an old finding does not make it new.\n' + passwordModule('md5'));
    project.write('src/edited.js', passwordModule('sha1', 'hashPin') + cleanModule());
    project.write('src/math.js', cleanModule() + "function checksum(s) { return require('crypto').createHash('md5').update(s).digest('hex'); }\n");
    commit(project, 'second');
    project.write('src/fresh.js', passwordModule('md5', 'hashSecret'));
    project.write('generated/out.js', passwordModule());

    const { run, report } = project.runJson(['scan', '--diff', base, '--fail-on', 'warning']);
    assert.equal(run.status, 1);
    assert.deepEqual(report.findings.map((f) => [f.path, f.line]), [['src/edited.js', 4], ['src/fresh.js', 4], ['src/math.js', 6]]);
    assert.equal(report.summary.files, 4, 'old.js, edited.js, math.js and fresh.js have new lines; nothing else is scanned');

    const sinceSecond = project.runJson(['scan', '--diff', 'HEAD']).report;
    assert.deepEqual(sinceSecond.findings.map((f) => f.path), ['src/fresh.js'], 'only the untracked file is new since HEAD');
    assert.equal(sinceSecond.summary.files, 1);
  });

  it('working-tree edits count, and a deleted file is not an error', () => {
    project = createProject({ 'src/a.js': passwordModule(), 'src/gone.js': passwordModule() }, { git: true });
    commit(project, 'first');
    project.write('src/a.js', passwordModule() + passwordModule('sha1', 'hashToken').replace("const crypto = require('crypto');\n", ''));
    project.git(['rm', '--quiet', 'src/gone.js']);
    const { report } = project.runJson(['scan', '--diff', 'HEAD']);
    assert.deepEqual(report.findings.map((f) => [f.path, f.line]), [['src/a.js', 10]]);
  });

  it('exits 2 with a clear message outside a git repository or for an unknown revision', () => {
    project = createProject({ 'src/a.js': passwordModule() });
    const outside = project.run(['scan', '--diff', 'HEAD']);
    assert.equal(outside.status, 2);
    assert.equal(outside.stdout, '');
    assert.match(outside.stderr, /^skeptic: --diff needs a git repository/);
    project.git(['init', '--quiet']);
    commit(project, 'first');
    for (const rev of ['no-such-branch', '--output=x']) {
      const unknown = project.run(['scan', `--diff=${rev}`]);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, new RegExp(`unknown git revision \`${rev}\``));
    }
  });
});
