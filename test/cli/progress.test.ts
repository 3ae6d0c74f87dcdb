// The progress bar: drawn on standard error only when that is a terminal, erased at the end, and never inside a report.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanModule, cliPath, createProject, passwordModule, type Project } from './lib/temp-project';

/** util-linux `script` gives the command a pseudo-terminal (Linux only: BSD `script` takes other arguments). */
const haveScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;

describe('skeptic scan progress bar', { skip: haveScript ? false : 'needs util-linux script' }, () => {
  let project: Project;
  before(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`src/m${i}.js`] = i % 2 ? passwordModule('md5', `hash${i}`) : cleanModule(`add${i}`);
    project = createProject(files);
  });
  after(() => project.remove());

  /** Runs the CLI with standard error on a terminal and standard output in a file; returns what the terminal showed. */
  function onTerminal(args: string[]): { terminal: string; stdout: string; status: number | null } {
    const out = path.join(project.root, 'stdout.txt');
    const command = [process.execPath, cliPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ') + ` > '${out}'`;
    const r = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd: project.root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    return { terminal: r.stdout, stdout: fs.readFileSync(out, 'utf8'), status: r.status };
  }

  it('draws the bar on a terminal up to the last file and erases it, while the JSON report stays clean', () => {
    const { terminal, stdout, status } = onTerminal(['scan', 'src', '--format', 'json', '--jobs', '2']);
    assert.equal(status, 0, terminal);
    assert.match(terminal, /\r\[#{30}\] 40\/40 files/, 'the bar reaches the end');
    assert.match(terminal, /\[#{0,29} *\] \d+\/40 files/, 'and was drawn before it did');
    assert.ok(terminal.endsWith('\r\x1b[K'), 'the line is erased at the end');
    const report = JSON.parse(stdout) as { summary: { files: number; findings: number } };
    assert.deepEqual([report.summary.files, report.summary.findings], [40, 20]);
  });

  it('--quiet draws nothing, and neither does a standard error that is not a terminal', () => {
    assert.equal(onTerminal(['scan', 'src', '--format', 'json', '--quiet']).terminal, '');
    assert.equal(project.run(['scan', 'src', '--format', 'json']).stderr, '');
  });
});
