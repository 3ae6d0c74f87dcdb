// `skeptic scan` output in its three formats, run as users run it (the bundled dist/cli.js) on a small project.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanModule, cliPath, createProject, passwordModule, passwordModuleFinding, type Project } from './lib/temp-project';

// The rule words its message per algorithm; these tests check where it goes, not its wording.
const mentions = (algorithm: string): RegExp => new RegExp(`^${algorithm} .*bcrypt.*\\.$`);

const legacyTs = `import { createHash } from 'node:crypto';

export function hashPassword(password: string): string {
  return createHash('sha1').update(password).digest('hex');
}
`;

// A reviewed exception: the comment gives the reason and silences the finding.
const legacyLoginJs = `const crypto = require('crypto');

function hashLegacyPassword(password) {
  // skeptic-ignore weak-hash -- only verifies pre-2019 accounts once, then rehashes with scrypt
  return crypto.createHash('md5').update(password).digest('hex');
}

module.exports = { hashLegacyPassword };
`;

// Reset tokens are looked up by digest: SHA-256 is a drop-in replacement, offered as a fix.
const tokensJs = `const crypto = require('crypto');

function hashResetToken(token) {
  return crypto.createHash('sha1').update(token).digest('hex');
}

module.exports = { hashResetToken };
`;

const settingsPy = `import os

DEBUG = os.environ.get("DEBUG") == "1"


def database_url():
    return os.environ["DATABASE_URL"]
`;

describe('skeptic scan output', () => {
  let project: Project;
  before(() => {
    project = createProject({
      'src/auth/passwords.js': passwordModule('md5'),
      'src/auth/legacy.ts': legacyTs,
      'src/auth/legacy-login.js': legacyLoginJs,
      'src/auth/tokens.js': tokensJs,
      'src/math.js': cleanModule(),
      'settings.py': settingsPy,
    });
  });
  after(() => project.remove());

  it('text: one line per active finding as path:line:col, severity, rule, message and CWE, then counts by rule and a summary', () => {
    const { status, stdout, stderr } = project.run(['scan']);
    assert.equal(status, 0, stderr);
    assert.equal(stderr, '');
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 6, stdout);
    assert.match(lines[0], /^src\/auth\/legacy\.ts:4:21 {2}warning {2}weak-hash {2}SHA-1 .* \[CWE-328, CWE-327\]$/);
    assert.match(lines[1], new RegExp(`^src/auth/passwords\\.js:${passwordModuleFinding.line}:${passwordModuleFinding.column} {2}warning {2}weak-hash {2}MD5 .* \\[CWE-328, CWE-327\\]$`));
    assert.match(lines[2], /^src\/auth\/tokens\.js:4:28 {2}warning {2}weak-hash {2}SHA-1 /);
    assert.deepEqual(lines.slice(3), ['', '  weak-hash  warning  3', '3 findings (0 error, 3 warning, 0 info) in 6 files, 39 lines; 1 suppressed'], 'counts by rule and severity, then the summary');
    assert.doesNotMatch(stdout, /\x1b\[/, 'no colour when the output is not a terminal');
  });

  it('json: active findings with 1-based positions, CWE and fix; suppressed ones apart with their reason', () => {
    const { run, report } = project.runJson(['scan']);
    assert.equal(run.status, 0);
    assert.equal(report.tool, 'skeptic');
    assert.match(report.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(report.findings.map((f) => [f.path, f.ruleId, f.severity, f.line, f.column, f.endLine, f.endColumn]), [
      ['src/auth/legacy.ts', 'weak-hash', 'warning', 4, 21, 4, 27],
      ['src/auth/passwords.js', 'weak-hash', 'warning', 4, 28, 4, 33],
      ['src/auth/tokens.js', 'weak-hash', 'warning', 4, 28, 4, 34],
    ]);
    const [, passwords, tokens] = report.findings;
    assert.deepEqual(passwords.cwe, ['CWE-328', 'CWE-327']);
    assert.match(passwords.message, mentions('MD5'));
    assert.equal(passwords.suppression, undefined);
    assert.equal(tokens.fix?.preservesBehaviour, false, 'a new digest changes stored values');
    assert.match(tokens.fix?.title ?? '', /SHA-256/);
    assert.deepEqual(tokens.fix?.edits, [{ range: { start: { line: 3, character: 27 }, end: { line: 3, character: 33 } }, newText: "'sha256'" }]);
    assert.deepEqual(report.suppressed.map((f) => [f.path, f.ruleId, f.line, f.suppression?.reason]), [
      ['src/auth/legacy-login.js', 'weak-hash', 5, 'only verifies pre-2019 accounts once, then rehashes with scrypt'],
    ]);
    assert.deepEqual(report.summary, { files: 6, lines: 39, findings: 3, suppressed: 1, skipped: 0 });
    assert.deepEqual(report.skipped, []);
  });

  it('sarif: results carry rule, level, %SRCROOT%-relative location and fix; suppressed results carry suppressions', () => {
    const { status, stdout } = project.run(['scan', '--format', 'sarif']);
    assert.equal(status, 0);
    const log = JSON.parse(stdout);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'Skeptic');
    const results = run.results as any[];
    assert.deepEqual(results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine, r.suppressions?.[0]?.kind ?? null]), [
      ['weak-hash', 'warning', 'src/auth/legacy-login.js', 5, 'inSource'],
      ['weak-hash', 'warning', 'src/auth/legacy.ts', 4, null],
      ['weak-hash', 'warning', 'src/auth/passwords.js', 4, null],
      ['weak-hash', 'warning', 'src/auth/tokens.js', 4, null],
    ]);
    const passwords = results[2];
    assert.deepEqual(passwords.locations[0].physicalLocation.region, { startLine: 4, startColumn: 28, endLine: 4, endColumn: 33 });
    assert.equal(passwords.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.match(passwords.message.text, mentions('MD5'));
    assert.equal(run.tool.driver.rules[passwords.ruleIndex].id, 'weak-hash');
    const fix = results[3].fixes[0];
    assert.match(fix.description.text, /SHA-256/);
    assert.deepEqual(fix.artifactChanges[0].artifactLocation, { uri: 'src/auth/tokens.js', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(fix.artifactChanges[0].replacements, [{ deletedRegion: { startLine: 4, startColumn: 28, endLine: 4, endColumn: 34 }, insertedContent: { text: "'sha256'" } }]);
    assert.equal(results[0].suppressions[0].justification, 'only verifies pre-2019 accounts once, then rehashes with scrypt');
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${project.root}/`);
  });

  it('sarif: rule metadata names the CWEs as tags and as relationships into a CWE taxonomy', () => {
    const run = JSON.parse(project.run(['scan', '--format', 'sarif']).stdout).runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'weak-hash');
    assert.ok(rule, 'weak-hash is described');
    assert.equal(rule.defaultConfiguration.level, 'warning');
    assert.equal(rule.shortDescription.text, 'Weak hash where security depends on it');
    assert.ok(rule.properties.tags.includes('security'));
    assert.ok(rule.properties.tags.includes('external/cwe/cwe-328'));
    assert.ok(rule.properties.tags.includes('external/cwe/cwe-327'));
    assert.deepEqual(rule.relationships.map((r: any) => [r.target.id, r.target.toolComponent.name]), [['328', 'CWE'], ['327', 'CWE']]);
    const docs = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'rules', 'docs', 'weak-hash.md'), 'utf8');
    assert.equal(rule.help.markdown, docs, 'help is the rule documentation');
    const cwe = run.taxonomies.find((t: { name: string }) => t.name === 'CWE');
    for (const id of ['327', '328']) assert.ok(cwe.taxa.some((t: { id: string }) => t.id === id), `taxonomy has CWE-${id}`);
  });

  it('paths are relative to the working folder with forward slashes, however the target is named', () => {
    const fromSub = project.runJson(['scan', 'auth'], 'src').report;
    assert.deepEqual(fromSub.findings.map((f) => f.path), ['auth/legacy.ts', 'auth/passwords.js', 'auth/tokens.js']);
    assert.deepEqual(fromSub.suppressed.map((f) => f.path), ['auth/legacy-login.js']);
    const absolute = project.runJson(['scan', path.join(project.root, 'src', 'auth', 'passwords.js')]).report;
    assert.deepEqual(absolute.findings.map((f) => f.path), ['src/auth/passwords.js']);
    const roundabout = project.runJson(['scan', './src/../src/auth/']).report;
    assert.deepEqual(roundabout.findings.map((f) => f.path), ['src/auth/legacy.ts', 'src/auth/passwords.js', 'src/auth/tokens.js']);
    const text = project.run(['scan', 'src/auth']).stdout;
    assert.match(text, /^src\/auth\/passwords\.js:4:28 /m);
  });

  it('--output writes the report to a file and nothing to standard output', () => {
    const sarif = project.run(['scan', '--format', 'sarif', '--output', 'skeptic.sarif']);
    assert.equal(sarif.status, 0);
    assert.equal(sarif.stdout, '');
    assert.equal(JSON.parse(project.read('skeptic.sarif')).runs[0].results.length, 4);
    const text = project.run(['scan', '--output', 'report.txt']);
    assert.equal(text.stdout, '');
    assert.equal(project.read('report.txt'), project.run(['scan']).stdout);
    const unwritable = project.run(['scan', '--output', 'no-such-folder/report.txt']);
    assert.equal(unwritable.status, 2);
    assert.match(unwritable.stderr, /cannot write --output no-such-folder\/report\.txt: ENOENT/);
  });

  it('a reader that stops early (| head) gets no stack trace', () => {
    for (let i = 0; i < 150; i++) project.write(`src/copies/passwords-${i}.js`, passwordModule());
    try {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cliPath}" scan --format json | head -c 100 > /dev/null`], { cwd: project.root, encoding: 'utf8' });
      assert.equal(r.stderr, '');
    } finally {
      fs.rmSync(path.join(project.root, 'src', 'copies'), { recursive: true });
    }
  });

  it('--help and --version answer and exit 0', () => {
    const help = project.run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: skeptic scan \[paths\.\.\.\]/);
    assert.match(help.stdout, /--fail-on/);
    const version = project.run(['--version']);
    assert.equal(version.status, 0);
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    assert.equal(version.stdout.trim(), pkg.version);
  });
});
