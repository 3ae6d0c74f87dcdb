// `.skeptic.yml` as the CLI applies it: rules off or re-rated, ignore globs, maxFileSize, and refusals that point at file:line:col.
import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { cleanModule, createProject, passwordModule, pathsWithFindings, type Project } from './lib/temp-project';

describe('.skeptic.yml in the CLI', () => {
  let project: Project | undefined;
  afterEach(() => project?.remove());

  it('turns a rule off', () => {
    project = createProject({ '.skeptic.yml': 'rules:\n  weak-hash: off\n', 'src/passwords.js': passwordModule() });
    const { run, report } = project.runJson(['scan', '--fail-on', 'info']);
    assert.equal(run.status, 0);
    assert.deepEqual(report.findings, []);
    assert.equal(report.summary.files, 1, 'the file is still scanned');
  });

  it('changes a rule severity, in every format and in the exit code', () => {
    project = createProject({ '.skeptic.yml': '# the team treats weak hashes as blocking\nrules:\n  weak-hash: error\n', 'src/passwords.js': passwordModule() });
    const { run, report } = project.runJson(['scan']);
    assert.equal(run.status, 1);
    assert.deepEqual(report.findings.map((f) => f.severity), ['error']);
    const sarif = JSON.parse(project.run(['scan', '--format', 'sarif']).stdout);
    assert.equal(sarif.runs[0].results[0].level, 'error');
    assert.match(project.run(['scan']).stdout, /1 finding \(1 error, 0 warning, 0 info\)/);

    project.write('.skeptic.yml', 'rules:\n  weak-hash: info\n');
    assert.equal(project.run(['scan', '--fail-on', 'warning']).status, 0);
    assert.deepEqual(project.runJson(['scan']).report.findings.map((f) => f.severity), ['info']);
  });

  it('skips files matching ignore globs, relative to the folder of .skeptic.yml', () => {
    project = createProject({
      '.skeptic.yml': 'ignore:\n  - "vendor/**"\n  - "**/*.generated.js"\n  - "/scripts/"\n',
      'src/passwords.js': passwordModule(),
      'src/api.generated.js': passwordModule('sha1'),
      'vendor/md5-lib/index.js': passwordModule(),
      'scripts/seed.js': passwordModule(),
      'tools/scripts/seed.js': passwordModule(),
    }, { git: true });
    assert.deepEqual(pathsWithFindings(project.runJson(['scan']).report), ['src/passwords.js', 'tools/scripts/seed.js']);
    // From a subfolder, the globs still read from the project root where .skeptic.yml lives.
    assert.deepEqual(pathsWithFindings(project.runJson(['scan', '.'], 'src').report), ['passwords.js']);
    assert.deepEqual(pathsWithFindings(project.runJson(['scan', '..'], 'vendor').report), ['../src/passwords.js', '../tools/scripts/seed.js']);
  });

  it('maxFileSize skips larger files with one informational message and scans the rest', () => {
    const big = passwordModule() + '\n' + '// padding so the file is over the limit\n'.repeat(40);
    project = createProject({ '.skeptic.yml': 'maxFileSize: 1KB\n', 'src/big.js': big, 'src/passwords.js': passwordModule('sha1') });
    const text = project.run(['scan']);
    assert.equal(text.status, 0);
    const mentions = (text.stdout + text.stderr).split('\n').filter((l) => l.includes('big.js'));
    assert.deepEqual(mentions, ['src/big.js: Skeptic skipped this file: it is 2 KB, over the 1 KB limit (maxFileSize).']);
    assert.match(text.stdout, /1 finding .* in 1 file, .*; 1 skipped/);
    const { report } = project.runJson(['scan']);
    assert.deepEqual(pathsWithFindings(report), ['src/passwords.js']);
    assert.deepEqual(report.skipped.map((s) => s.path), ['src/big.js']);
    const sarif = JSON.parse(project.run(['scan', '--format', 'sarif']).stdout).runs[0];
    const notes = sarif.invocations[0].toolExecutionNotifications;
    assert.equal(notes.length, 1);
    assert.equal(notes[0].level, 'note');
    assert.equal(notes[0].locations[0].physicalLocation.artifactLocation.uri, 'src/big.js');
    assert.match(notes[0].message.text, /over the 1 KB limit/);
  });

  it('--config names a configuration file elsewhere', () => {
    project = createProject({ 'ci/skeptic-ci.yml': 'rules:\n  weak-hash: error\n', 'ci/src/passwords.js': passwordModule() });
    const run = project.run(['scan', '--config', 'ci/skeptic-ci.yml', 'ci/src']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /ci\/src\/passwords\.js:4:28 {2}error/);
  });

  // Each bad file: its text, and the problems expected on stderr (file:line:col: what is wrong).
  const malformed: [string, string, string[]][] = [
    ['an unclosed flow sequence', 'rules:\n  weak-hash: [error\nignore: []\n', ['.skeptic.yml:3:1: YAML syntax: Flow sequence']],
    ['a tab used for indentation', 'rules:\n\tweak-hash: off\n', ['.skeptic.yml:2:1: YAML syntax: ']],
    ['an unknown severity', 'rules:\n  weak-hash: high\n', ['.skeptic.yml:2:14: rule `weak-hash`: expected one of off, error, warning, info, got `high`']],
    ['a misspelt rule id', 'rules:\n  weak-hsh: off\n', ['.skeptic.yml:2:3: unknown rule id `weak-hsh` (did you mean `weak-hash`?)']],
    ['an unknown key', 'rules: {}\nexclude:\n  - dist/**\n', ['.skeptic.yml:2:1: unknown key `exclude` (expected rules, ignore, maxFileSize)']],
    ['ignore given as a string', 'ignore: "vendor/**"\n', ['.skeptic.yml:1:9: `ignore` must be a list of glob strings']],
    ['a negative maxFileSize', 'maxFileSize: -5\n', ['.skeptic.yml:1:14: `maxFileSize` must be a positive size']],
    ['a size with an unknown unit', 'maxFileSize: 2 parsecs\n', ['.skeptic.yml:1:14: `maxFileSize` must be a positive size']],
    ['a list at the top', '- rules\n', ['.skeptic.yml:1:1: expected a mapping with keys rules, ignore, maxFileSize']],
    ['several problems at once', 'rules:\n  weak-hash: loud\n  nope: off\nmaxFileSize: big\n', [
      '.skeptic.yml:2:14: rule `weak-hash`',
      '.skeptic.yml:3:3: unknown rule id `nope`',
      '.skeptic.yml:4:14: `maxFileSize`',
    ]],
  ];
  for (const [what, text, expected] of malformed) {
    it(`refuses ${what} with exit 2 and the place on stderr`, () => {
      project = createProject({ '.skeptic.yml': text, 'src/passwords.js': passwordModule() });
      const run = project.run(['scan']);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '', 'no report from a refused configuration');
      const lines = run.stderr.trimEnd().split('\n');
      assert.equal(lines.length, expected.length, run.stderr);
      expected.forEach((start, i) => assert.ok(lines[i].startsWith(`skeptic: configuration error: ${start}`), `${lines[i]}\ndoes not start with ${start}`));
    });
  }

  it('names the --config file and the .skeptic.yml found above the working folder as given to the user', () => {
    project = createProject({ 'conf/strict.yml': 'rules:\n  weak-hash: loud\n', '.skeptic.yml': 'maxFileSize: 0\n', 'app/src/a.js': cleanModule() }, { git: true });
    assert.match(project.run(['scan', '--config', 'conf/strict.yml']).stderr, /^skeptic: configuration error: conf\/strict\.yml:2:14: /);
    assert.match(project.run(['scan'], 'app/src').stderr, /^skeptic: configuration error: \.\.\/\.\.\/\.skeptic\.yml:1:14: `maxFileSize`/);
  });

  it('an empty .skeptic.yml or one with only comments is valid', () => {
    project = createProject({ '.skeptic.yml': '# nothing configured yet\n', 'src/passwords.js': passwordModule() });
    assert.equal(project.run(['scan']).status, 0);
    project.write('.skeptic.yml', '');
    assert.equal(project.runJson(['scan']).report.findings.length, 1);
  });
});
