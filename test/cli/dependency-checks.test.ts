// `skeptic scan --check-registry --check-vulnerabilities` against a local registry/OSV server: opt-in, findings on imports and manifest lines, one request per question thanks to the cache.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lodashAdvisory, RegistryServer } from '../lsp/registry-server';
import { cliPath, createProject, type CliRun, type JsonReport, type Project } from './lib/temp-project';

/** Runs the CLI without blocking this process, which serves the registry the CLI asks. */
function runCli(cwd: string, args: readonly string[], cacheHome: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function parse(run: CliRun): JsonReport {
  try {
    return JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`no JSON (exit ${run.status}): ${run.stdout}\n${run.stderr}`);
  }
}

describe('skeptic scan --check-registry --check-vulnerabilities', () => {
  let registry: RegistryServer;
  let project: Project;
  let cacheHome: string;
  let flags: string[];

  before(async () => {
    registry = await RegistryServer.start({
      npm: { 'left-padd-utils': 'missing' },
      pypi: { 'invoice-pdf-renderer': 'missing' },
      osv: { 'npm lodash 4.17.20': [lodashAdvisory] },
    });
    const endpoints = registry.endpoints();
    flags = ['--npm-registry', endpoints.npmRegistry, '--pypi-url', endpoints.pypiUrl, '--osv-url', endpoints.osvUrl];
    cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-cli-cache-'));
    project = createProject({
      'package.json': `${JSON.stringify({ name: 'shop', dependencies: { lodash: '^4.17.15', express: '^4.19.2', 'left-padd-utils': '^1.0.0' } }, null, 2)}\n`,
      'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/lodash': { version: '4.17.20' }, 'node_modules/express': { version: '4.19.2' } } }),
      'src/app.js': "const _ = require('lodash');\nconst pad = require('left-padd-utils');\n\nmodule.exports = { pick: _.pick, pad };\n",
      'src/other.js': "const express = require('express');\nmodule.exports = express;\n",
      'tools/requirements.txt': 'requests==2.32.3\ninvoice-pdf-renderer==0.1.0\n',
      'tools/report.py': 'import requests\nimport invoice_pdf_renderer\n',
    });
  });
  after(async () => {
    await registry.close();
    project.remove();
    fs.rmSync(cacheHome, { recursive: true, force: true });
  });

  it('without the flags nothing is asked and no networked finding appears', async () => {
    const run = await runCli(project.root, ['scan', '--format', 'json', '--fail-on', 'none', ...flags, '.'], cacheHome);
    const report = parse(run);
    assert.equal(registry.requests.length, 0);
    assert.deepEqual(report.findings.filter((f) => f.ruleId === 'unknown-package' || f.ruleId === 'vulnerable-dependency'), []);
  });

  for (const jobs of ['1', '2']) {
    it(`with the flags (--jobs ${jobs}): unknown and vulnerable packages on the import and on the manifest line`, async () => {
      registry.requests.length = 0;
      fs.rmSync(cacheHome, { recursive: true, force: true });
      const run = await runCli(project.root, ['scan', '--format', 'json', '--jobs', jobs, '--check-registry', '--check-vulnerabilities', ...flags, '.'], cacheHome);
      const report = parse(run);
      const networked = report.findings
        .filter((f) => f.ruleId === 'unknown-package' || f.ruleId === 'vulnerable-dependency')
        .map((f) => `${f.ruleId} ${f.path}:${f.line}`).sort();
      assert.deepEqual(networked, [
        'unknown-package package.json:6',
        'unknown-package src/app.js:2',
        'unknown-package tools/report.py:2',
        'unknown-package tools/requirements.txt:2',
        'vulnerable-dependency package.json:4',
        'vulnerable-dependency src/app.js:1',
      ]);
      assert.equal(run.status, 1, 'unknown-package is an error');
      assert.match(report.findings.find((f) => f.ruleId === 'vulnerable-dependency')!.message, /GHSA-35jh-r3h4-6jhm .*upgrade to 4\.17\.21/);
      assert.equal(registry.count('/npm/express'), 0, 'popular names are never sent');
      assert.equal(registry.count('/npm/left-padd-utils'), 1, 'one request per question, whatever the files and threads');
      assert.equal(registry.count('/pypi-mirror/pypi/invoice-pdf-renderer/json'), 1);
    });
  }

  it('a second run answers from the cache without a request', async () => {
    const args = ['scan', '--format', 'json', '--check-registry', '--check-vulnerabilities', ...flags, '.'];
    await runCli(project.root, args, cacheHome);
    const asked = registry.requests.length;
    const report = parse(await runCli(project.root, args, cacheHome));
    assert.equal(registry.requests.length, asked);
    assert.equal(report.findings.filter((f) => f.ruleId === 'unknown-package').length, 4);
  });

  it('an unreachable registry: no networked finding, a message on standard error, the scan completes', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-cli-cache-'));
    try {
      const run = await runCli(project.root, ['scan', '--format', 'json', '--check-registry', '--npm-registry', 'http://127.0.0.1:9', '--pypi-url', 'http://127.0.0.1:9', '.'], empty);
      const report = parse(run);
      assert.deepEqual(report.findings.filter((f) => f.ruleId === 'unknown-package'), []);
      assert.match(run.stderr, /could not ask http:\/\/127\.0\.0\.1:9 about/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('a bad endpoint is a usage error, and an unreadable manifest is reported on standard error', async () => {
    const bad = await runCli(project.root, ['scan', '--check-registry', '--npm-registry', 'registry.example', '.'], cacheHome);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--npm-registry must be an http:\/\/ or https:\/\/ URL/);
    const broken = createProject({ 'package.json': '{ "name": "x", }\n', 'index.js': "require('lodash');\n" });
    try {
      const run = await runCli(broken.root, ['scan', '--format', 'json', '.'], cacheHome);
      assert.equal(run.status, 0);
      assert.match(run.stderr, /package\.json:1:\d+: package\.json is not valid JSON/);
    } finally {
      broken.remove();
    }
  });
});
