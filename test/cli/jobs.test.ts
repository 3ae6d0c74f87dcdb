// `--jobs N`: worker threads change nothing in the output, byte for byte, on a generated tree; a larger tree as a smoke test.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cleanModule, createProject, passwordModule, type Project } from './lib/temp-project';

const handler = (i: number): string => `const express = require('express');
const router = express.Router();

router.get('/eval/${i}', (req, res) => {
  res.json({ value: eval(req.query.x) });
});

module.exports = router;
`;

/** A tree mixing findings, clean files, suppressions and a skipped file, so every part of the report is exercised. */
function generatedTree(count: number): Record<string, string> {
  const files: Record<string, string> = { '.skeptic.yml': 'maxFileSize: 4KB\n', 'src/huge.js': passwordModule() + '// padding\n'.repeat(500) };
  for (let i = 0; i < count; i++) {
    const dir = `src/module-${i % 7}`;
    if (i % 4 === 0) files[`${dir}/routes-${i}.js`] = handler(i);
    else if (i % 4 === 1) files[`${dir}/hash-${i}.js`] = passwordModule(i % 8 === 1 ? 'md5' : 'sha1', `hash${i}`);
    else if (i % 4 === 2) files[`${dir}/math-${i}.js`] = cleanModule(`add${i}`);
    else files[`${dir}/legacy-${i}.js`] = passwordModule('md5').replace('  return', '  // skeptic-ignore weak-hash -- legacy rows, rehashed at login\n  return');
  }
  return files;
}

describe('skeptic scan --jobs', () => {
  let project: Project;
  before(() => { project = createProject(generatedTree(60)); });
  after(() => project.remove());

  for (const format of ['json', 'sarif', 'text']) {
    it(`--jobs 1 and --jobs 3 print the same ${format}, byte for byte`, () => {
      const one = project.run(['scan', '--format', format, '--jobs', '1']);
      const three = project.run(['scan', '--format', format, '--jobs', '3']);
      assert.equal(one.status, 1);
      assert.equal(three.status, one.status);
      assert.equal(three.stderr, '');
      assert.ok(one.stdout.length > 1000, 'a real report');
      assert.equal(three.stdout, one.stdout);
    });
  }

  it('the default (one thread per core) agrees too, and the report covers the whole tree', () => {
    const one = project.runJson(['scan', '--jobs', '1']).report;
    const all = project.runJson(['scan']).report;
    assert.deepEqual(all, one);
    assert.equal(one.summary.files, 60);
    assert.deepEqual(one.skipped.map((s) => s.path), ['src/huge.js']);
    assert.equal(one.findings.filter((f) => f.ruleId === 'code-injection').length, 15);
    assert.equal(one.findings.filter((f) => f.ruleId === 'weak-hash').length, 15);
    assert.equal(one.suppressed.length, 15);
  });

  it('refuses a --jobs that is not a positive whole number', () => {
    for (const bad of ['0', '-2', 'two', '1.5']) {
      const run = project.run(['scan', `--jobs=${bad}`]);
      assert.equal(run.status, 2, bad);
      assert.match(run.stderr, /--jobs must be a whole number from 1/);
    }
  });

  it('smoke: a tree of 600 generated files scans in worker threads with a complete report', () => {
    const big = createProject(generatedTree(600));
    try {
      const { run, report } = big.runJson(['scan', '--jobs', '4']);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, '');
      assert.equal(report.summary.files, 600);
      assert.equal(report.findings.length, 300);
      assert.equal(report.suppressed.length, 150);
    } finally {
      big.remove();
    }
  });
});
