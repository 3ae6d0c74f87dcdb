// `--baseline` / `--write-baseline`: today's findings accepted, only new ones reported and failed on, across line shifts.
import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createProject, passwordModule, type Project } from './lib/temp-project';

const routesJs = `const express = require('express');
const app = express();

app.get('/calc', (req, res) => {
  res.send(String(eval(req.query.x)));
});

module.exports = app;
`;

describe('skeptic scan --baseline', () => {
  let project: Project | undefined;
  afterEach(() => project?.remove());

  it('writes a sorted, versioned baseline of active findings, and the report as usual', () => {
    project = createProject({ 'src/routes.js': routesJs, 'src/passwords.js': passwordModule() });
    const run = project.run(['scan', '--write-baseline', 'skeptic-baseline.json', '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\n\n {2}code-injection {2}error {4}1\n {2}weak-hash {7}warning {2}1\n2 findings \(1 error, 1 warning, 0 info\)/, 'counts by rule, most severe first');
    const baseline = JSON.parse(project.read('skeptic-baseline.json'));
    assert.equal(baseline.version, 1);
    assert.equal(baseline.tool, 'skeptic');
    assert.deepEqual(baseline.entries.map((e: { ruleId: string; path: string }) => [e.path, e.ruleId]), [
      ['src/passwords.js', 'weak-hash'],
      ['src/routes.js', 'code-injection'],
    ]);
    for (const e of baseline.entries) assert.match(e.fingerprint, /^[0-9a-f]{32}:1$/);
    assert.equal(Object.keys(baseline).join(), 'version,tool,entries');
  });

  it('accepts baselined findings, even after lines are inserted above them, and fails only on new ones', () => {
    project = createProject({ 'src/routes.js': routesJs, 'src/passwords.js': passwordModule() });
    assert.equal(project.run(['scan']).status, 1, 'code-injection is an error');
    project.run(['scan', '--write-baseline', 'baseline.json']);
    const accepted = project.runJson(['scan', '--baseline', 'baseline.json']);
    assert.equal(accepted.run.status, 0);
    assert.deepEqual(accepted.report.findings, []);
    assert.equal(accepted.report.summary.baselined, 2);

    project.write('src/routes.js', '// Calculator API: evaluates arithmetic sent by the web client.\n\n' + routesJs);
    project.write('src/passwords.js', '\n\n\n' + passwordModule());
    const shifted = project.run(['scan', '--baseline', 'baseline.json', '--fail-on', 'info']);
    assert.equal(shifted.status, 0, shifted.stdout);
    assert.match(shifted.stdout, /^0 findings .*; 2 in baseline$/m);

    project.write('src/tokens.js', passwordModule('sha1', 'hashToken'));
    project.write('src/routes.js', routesJs.replace("app.get('/calc'", "app.get('/calc2', (req, res) => res.send(String(eval(req.body.y))));\napp.get('/calc'"));
    const fresh = project.runJson(['scan', '--baseline', 'baseline.json']);
    assert.equal(fresh.run.status, 1);
    assert.deepEqual(fresh.report.findings.map((f) => [f.path, f.ruleId, f.line]), [
      ['src/routes.js', 'code-injection', 4],
      ['src/tokens.js', 'weak-hash', 4],
    ]);
    assert.equal(fresh.report.summary.baselined, 2);
  });

  it('a changed line is a new finding; the baseline file works from a subfolder', () => {
    project = createProject({ 'src/passwords.js': passwordModule('md5') });
    project.run(['scan', '--write-baseline', 'baseline.json']);
    assert.deepEqual(project.runJson(['scan', '.', '--baseline', '../baseline.json'], 'src').report.findings, []);
    project.write('src/passwords.js', passwordModule('sha1'));
    assert.deepEqual(project.runJson(['scan', '--baseline', 'baseline.json']).report.findings.map((f) => f.line), [4]);
  });

  it('refuses a missing or malformed baseline with exit 2', () => {
    project = createProject({ 'src/passwords.js': passwordModule(), 'bad.json': '{"entries": [', 'other.json': '{"version": 1, "entries": []}' });
    const cases: [string, RegExp][] = [
      ['missing.json', /no such baseline file: missing\.json/],
      ['bad.json', /--baseline bad\.json is not JSON/],
      ['other.json', /--baseline other\.json is not a Skeptic baseline/],
    ];
    for (const [file, message] of cases) {
      const run = project.run(['scan', '--baseline', file]);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
    }
  });
});
