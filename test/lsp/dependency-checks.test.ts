// Over the wire: the networked dependency rules (against a local registry/OSV server), diagnostics on manifests, and manifests watched on disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { DiagnosticSeverity, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { DidChangeWorkspaceTrustNotification } from '../../shared/protocol';
import { LspClient, messageOf, repoRoot, Workspace } from './lsp-client';
import { lodashAdvisory, RegistryServer } from './registry-server';

const packageJson = (dependencies: Record<string, string>): string => `${JSON.stringify({ name: 'shop', version: '1.0.0', dependencies }, null, 2)}\n`;

const byRule = (diagnostics: readonly Diagnostic[], rule: string): Diagnostic[] => diagnostics.filter((d) => d.code === rule);

describe('dependency checks over stdio', () => {
  let registry: RegistryServer;
  let workspace: Workspace;
  let cacheFolder: string;
  const clients: LspClient[] = [];

  before(async () => {
    registry = await RegistryServer.start({
      npm: { 'left-padd-utils': 'missing', 'flaky-pkg-x': 'error', 'sluggish-pkg-x': 'slow' },
      osv: { 'npm lodash 4.17.20': [lodashAdvisory], 'npm minimist 1.2.5': 'malformed' },
    });
  });
  after(() => registry.close());

  beforeEach(() => {
    workspace = new Workspace();
    cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-lsp-cache-'));
    registry.requests.length = 0;
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.stop();
    workspace.dispose();
    fs.rmSync(cacheFolder, { recursive: true, force: true });
  });

  const start = async (settings: unknown, initializationOptions: Record<string, unknown> = {}): Promise<LspClient> => {
    const client = await LspClient.start({ folder: workspace.folder, settings, initializationOptions: { cacheFolder, ...initializationOptions } });
    clients.push(client);
    return client;
  };
  const enabled = (more: Record<string, unknown> = {}): unknown => ({
    debounceMs: 0,
    dependencies: { checkRegistry: true, checkVulnerabilities: true, ...registry.endpoints(), ...more },
  });
  /** The first publish for `uri` (at or after `from`) whose diagnostics satisfy `wanted`. */
  const publishedWith = (lsp: LspClient, uri: string, wanted: (d: Diagnostic[]) => boolean, from = 0): Promise<Diagnostic[]> =>
    lsp.waitFor(`diagnostics for ${uri}`, () => lsp.published.slice(from).find((p) => p.uri === uri && wanted(p.diagnostics))?.diagnostics);

  it('unknown-package: nothing asked while the setting is off; once on, the import and the declaration are flagged in a later publish', async () => {
    workspace.write('package.json', packageJson({ express: '^4.19.2', 'left-padd-utils': '^1.0.0' }));
    const lsp = await start({ debounceMs: 0 });
    const uri = workspace.uri('src/app.js');
    await lsp.open(uri, "const express = require('express');\nconst pad = require('left-padd-utils');\n\nmodule.exports = { app: express(), pad };\n");
    assert.deepEqual(byRule(await lsp.diagnosticsFor(uri, 1), 'unknown-package'), []);
    assert.equal(registry.requests.length, 0, 'nothing leaves the machine by default');

    const mark = lsp.published.length;
    await lsp.didChangeConfiguration(enabled());
    const flagged = await publishedWith(lsp, uri, (d) => byRule(d, 'unknown-package').length > 0, mark);
    const [finding] = byRule(flagged, 'unknown-package');
    assert.equal(finding.range.start.line, 1);
    assert.equal(finding.severity, DiagnosticSeverity.Error);
    assert.match(messageOf(finding), /`left-padd-utils` does not exist on the npm registry/);
    const manifest = await publishedWith(lsp, workspace.uri('package.json'), (d) => byRule(d, 'unknown-package').length > 0);
    const text = fs.readFileSync(workspace.path('package.json'), 'utf8').split('\n');
    const declared = byRule(manifest, 'unknown-package')[0];
    assert.equal(text[declared.range.start.line].slice(declared.range.start.character, declared.range.end.character), 'left-padd-utils');
    assert.equal(registry.count('/npm/express'), 0, 'popular names are answered by the bundled list');
    assert.equal(registry.count('/npm/left-padd-utils'), 1);
  });

  it('an untrusted workspace never turns the checks on, whatever the settings; granting trust does', async () => {
    workspace.write('package.json', packageJson({ 'left-padd-utils': '^1.0.0' }));
    const lsp = await start(enabled(), { workspaceTrusted: false });
    const uri = workspace.uri('src/app.js');
    await lsp.open(uri, "const pad = require('left-padd-utils');\nmodule.exports = pad;\n");
    await lsp.diagnosticsFor(uri, 1);
    // A second document analysed after the first proves the first's analysis (and anything it queued) is done.
    const other = workspace.uri('src/other.js');
    await lsp.open(other, 'module.exports = 1;\n');
    await lsp.diagnosticsFor(other, 1);
    assert.equal(registry.requests.length, 0);
    assert.ok(lsp.published.every((p) => byRule(p.diagnostics, 'unknown-package').length === 0));

    await lsp.notify(DidChangeWorkspaceTrustNotification.method, { trusted: true });
    await publishedWith(lsp, uri, (d) => byRule(d, 'unknown-package').length === 1);
  });

  it('vulnerable-dependency: the locked version\'s advisories on the manifest line and on the import', async () => {
    workspace.write('package.json', packageJson({ lodash: '^4.17.15', express: '^4.19.2' }));
    workspace.write('package-lock.json', JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/lodash': { version: '4.17.20' }, 'node_modules/express': { version: '4.19.2' } } }));
    const lsp = await start(enabled());
    const uri = workspace.uri('src/report.ts');
    await lsp.open(uri, "import express from 'express';\nimport { template } from 'lodash';\n\nexport const render = template('<b><%- name %></b>');\nexport const app = express();\n", 'typescript');
    const onImport = byRule(await publishedWith(lsp, uri, (d) => byRule(d, 'vulnerable-dependency').length > 0), 'vulnerable-dependency');
    assert.deepEqual(onImport.map((d) => d.range.start.line), [1]);
    assert.equal(onImport[0].severity, DiagnosticSeverity.Error, 'a high-severity advisory raises the finding to an error');
    assert.match(messageOf(onImport[0]), /`lodash` 4\.17\.20 has known vulnerability GHSA-35jh-r3h4-6jhm \(CVE-2021-23337\): Command Injection in lodash; upgrade to 4\.17\.21 or later\./);
    const onManifest = byRule(await publishedWith(lsp, workspace.uri('package.json'), (d) => byRule(d, 'vulnerable-dependency').length > 0), 'vulnerable-dependency');
    const text = fs.readFileSync(workspace.path('package.json'), 'utf8').split('\n');
    assert.deepEqual(onManifest.map((d) => text[d.range.start.line].slice(d.range.start.character, d.range.end.character)), ['lodash']);
    const queries = registry.requests.filter((r) => r.path === '/osv/v1/query').map((r) => JSON.parse(r.body) as { package: { name: string }; version: string });
    assert.deepEqual(queries.map((q) => `${q.package.name}@${q.version}`).sort(), ['express@4.19.2', 'lodash@4.17.20']);
  });

  it('a restarted server answers from the disk cache: findings in the first publish, no second request', async () => {
    workspace.write('package.json', packageJson({ 'left-padd-utils': '^1.0.0' }));
    const uri = workspace.uri('src/app.js');
    const text = "const pad = require('left-padd-utils');\nmodule.exports = pad;\n";
    const first = await start(enabled());
    await first.open(uri, text);
    await publishedWith(first, uri, (d) => byRule(d, 'unknown-package').length === 1);
    const asked = registry.requests.length;
    assert.equal(registry.count('/npm/left-padd-utils'), 1);
    await first.stop();
    clients.splice(clients.indexOf(first), 1);

    const second = await start(enabled());
    await second.open(uri, text);
    assert.equal(byRule(await second.diagnosticsFor(uri, 1), 'unknown-package').length, 1, 'known at once from the cache');
    const other = workspace.uri('src/other.js');
    await second.open(other, "module.exports = require('left-padd-utils');\n");
    assert.equal(byRule(await second.diagnosticsFor(other, 1), 'unknown-package').length, 1);
    assert.equal(registry.requests.length, asked, 'no request: the disk cache answered');
  });

  it('failing, slow and malformed answers: no finding, one log line, the server keeps serving', async () => {
    workspace.write('package.json', packageJson({ minimist: '1.2.5' }));
    const lsp = await start(enabled());
    const uri = workspace.uri('src/cli.js');
    await lsp.open(uri, "const a = require('flaky-pkg-x');\nconst b = require('sluggish-pkg-x');\nconst argv = require('minimist')(process.argv);\nmodule.exports = { a, b, argv };\n");
    await lsp.diagnosticsFor(uri, 1);
    await lsp.waitFor('the registry failure logged', () => lsp.logs.find((l) => /could not ask .*\/npm.*flaky-pkg-x/.test(l) && /sluggish-pkg-x/.test(l)));
    await lsp.waitFor('the OSV failure logged', () => lsp.logs.find((l) => /could not ask .*\/osv.*minimist@1\.2\.5.*not JSON/.test(l)));
    assert.ok(lsp.alive);
    const version = await lsp.replace(uri, 'argv };', 'argv, ok: true };');
    const after = await lsp.diagnosticsFor(uri, version);
    assert.deepEqual([...byRule(after, 'unknown-package'), ...byRule(after, 'vulnerable-dependency')], []);
    assert.ok(lsp.published.every((p) => byRule(p.diagnostics, 'unknown-package').length === 0 && byRule(p.diagnostics, 'vulnerable-dependency').length === 0));
  });

  it('a malformed package.json gets a diagnostic at the parse error, cleared once fixed on disk', async () => {
    workspace.write('package.json', '{\n  "name": "shop",\n  "dependencies": {\n    "express": "^4.19.2"\n    "lodash": "^4.17.21"\n  }\n}\n');
    const lsp = await start({ debounceMs: 0 });
    const uri = workspace.uri('src/app.js');
    await lsp.open(uri, "const _ = require('lodash');\nmodule.exports = _;\n");
    const doc = await lsp.diagnosticsFor(uri, 1);
    assert.deepEqual(byRule(doc, 'undeclared-dependency'), [], 'an unreadable manifest proves nothing undeclared');
    const manifestUri = workspace.uri('package.json');
    const [problem] = await lsp.diagnosticsFor(manifestUri);
    assert.equal(problem.severity, DiagnosticSeverity.Error);
    assert.equal(problem.range.start.line, 4);
    assert.match(messageOf(problem), /package\.json is not valid JSON/);

    const mark = lsp.published.length;
    workspace.write('package.json', packageJson({ express: '^4.19.2' }));
    await lsp.didChangeWatchedFiles([{ uri: manifestUri, type: FileChangeType.Changed }]);
    assert.deepEqual((await lsp.nextDiagnostics(manifestUri, mark)).diagnostics, []);
    const reanalysed = await publishedWith(lsp, uri, (d) => byRule(d, 'undeclared-dependency').length > 0, mark);
    assert.equal(byRule(reanalysed, 'undeclared-dependency')[0].range.start.line, 0, 'the readable manifest does not declare lodash');
  });

  it('a requirements line that cannot be read gets a diagnostic on that line', async () => {
    workspace.write('requirements.txt', 'flask==3.0.3\nrequests >= 2.31 <<< 3\n');
    const lsp = await start({ debounceMs: 0 });
    const uri = workspace.uri('app.py');
    await lsp.open(uri, 'import flask\n', 'python');
    await lsp.diagnosticsFor(uri, 1);
    const [problem] = await lsp.diagnosticsFor(workspace.uri('requirements.txt'));
    assert.equal(problem.range.start.line, 1);
    assert.match(messageOf(problem), /cannot read this requirement/);
  });

  it('a manifest changed on disk re-analyses the open documents of its project, and the server watches manifests', async () => {
    workspace.write('package.json', packageJson({ express: '^4.19.2' }));
    const lsp = await start({ debounceMs: 0 });
    // Two registrations: the watchers for .skeptic.yml and those for manifests.
    await lsp.waitFor('manifest watchers registered', () => (lsp.registrations.filter((m) => m === 'workspace/didChangeWatchedFiles').length >= 2 ? true : undefined));
    const uri = workspace.uri('src/fetch.js');
    await lsp.open(uri, "const axios = require('axios');\nmodule.exports = axios;\n");
    assert.equal(byRule(await lsp.diagnosticsFor(uri, 1), 'undeclared-dependency').length, 1);
    const mark = lsp.published.length;
    workspace.write('package.json', packageJson({ express: '^4.19.2', axios: '^1.7.2' }));
    await lsp.didChangeWatchedFiles([{ uri: workspace.uri('package.json'), type: FileChangeType.Changed }]);
    const next = await lsp.nextDiagnostics(uri, mark);
    assert.deepEqual(byRule(next.diagnostics, 'undeclared-dependency'), []);
    assert.equal(next.version, 1, 'the same document version, analysed again');
  });
});

describe('dependency settings', () => {
  it('package.json restricts every skeptic.dependencies setting in untrusted workspaces and says what leaves the machine', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const properties = Object.keys(manifest.contributes.configuration.properties).filter((k) => k.startsWith('skeptic.dependencies.'));
    assert.deepEqual(properties.sort(), ['skeptic.dependencies.checkRegistry', 'skeptic.dependencies.checkVulnerabilities', 'skeptic.dependencies.npmRegistry', 'skeptic.dependencies.osvUrl', 'skeptic.dependencies.pypiUrl']);
    for (const key of properties) assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), key);
    const describe = (key: string): string => manifest.contributes.configuration.properties[key].markdownDescription;
    assert.match(describe('skeptic.dependencies.checkRegistry'), /Package names leave your machine/);
    assert.match(describe('skeptic.dependencies.checkVulnerabilities'), /Package names and versions leave your machine/);
  });
});
