// The networked package checks against a local registry/OSV server: only a 404 makes a package missing, failures make nothing, answers are cached on disk and asked once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compareVersions, DependencyIndex, manifestFindings, metas, PackageChecks, readOsvAnswer, type PackageCheckSettings } from '../../server/engine';
import { lodashAdvisory, RegistryServer } from '../lsp/registry-server';

const folders: string[] = [];
after(() => { for (const f of folders) fs.rmSync(f, { recursive: true, force: true }); });

function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-registry-'));
  folders.push(folder);
  return folder;
}

describe('package checks over HTTP', () => {
  let server: RegistryServer;
  let settings: PackageCheckSettings;
  before(async () => {
    server = await RegistryServer.start({
      npm: { 'left-padd-utils': 'missing', 'flaky-registry-pkg': 'error', 'slow-registry-pkg': 'slow' },
      pypi: { 'made-up-dist': 'missing' },
      osv: { 'npm lodash 4.17.20': [lodashAdvisory], 'npm broken-osv 1.0.0': 'malformed', 'npm failing-osv 1.0.0': 'error' },
    });
    settings = { checkRegistry: true, checkVulnerabilities: true, ...server.endpoints() };
  });
  after(() => server.close());

  it('answers "not known" at once, asks in the background, and reports a package missing only after a 404', async () => {
    const checks = new PackageChecks({ cacheFolder: tempFolder() });
    const intel = checks.intel(settings)!;
    const keyBefore = intel.key;
    assert.equal(intel.isMissing('npm', 'left-padd-utils'), false, 'nothing is known before the answer');
    assert.equal(intel.isMissing('npm', 'real-small-pkg'), false);
    assert.equal(intel.isMissing('pypi', 'made-up-dist'), false);
    assert.ok(checks.pending);
    assert.equal(await checks.settle(), true, 'a missing package changes findings');
    assert.notEqual(intel.key, keyBefore, 'the cache key moves with a meaningful answer');
    assert.equal(intel.isMissing('npm', 'left-padd-utils'), true);
    assert.equal(intel.isMissing('npm', 'real-small-pkg'), false);
    assert.equal(intel.isMissing('pypi', 'made-up-dist'), true);
    assert.equal(checks.pending, false, 'answered questions are not asked again');
    const npmPaths = server.requests.filter((r) => r.path.startsWith('/npm/')).map((r) => r.path);
    assert.ok(npmPaths.includes('/npm/left-padd-utils'));
    assert.ok(server.requests.some((r) => r.path === '/pypi-mirror/pypi/made-up-dist/json'));
  });

  it('never sends the names of bundled popular packages, nor checks what the settings leave off', async () => {
    const before = server.requests.length;
    const checks = new PackageChecks({ cacheFolder: tempFolder() });
    const intel = checks.intel(settings)!;
    assert.equal(intel.isMissing('npm', 'express'), false);
    assert.equal(intel.isMissing('pypi', 'requests'), false);
    const registryOnly = checks.intel({ ...settings, checkVulnerabilities: false })!;
    assert.deepEqual(registryOnly.advisoriesOf('npm', 'lodash', '4.17.20'), []);
    assert.equal(checks.intel({ ...settings, checkRegistry: false, checkVulnerabilities: false }), undefined);
    assert.equal(checks.pending, false);
    await checks.settle();
    assert.equal(server.requests.length, before);
  });

  it('failing, slow and malformed answers give no finding and one log line per server, and are not retried at once', async () => {
    const logs: string[] = [];
    const checks = new PackageChecks({ cacheFolder: tempFolder(), log: (line) => logs.push(line) });
    const intel = checks.intel(settings)!;
    intel.isMissing('npm', 'flaky-registry-pkg');
    intel.advisoriesOf('npm', 'broken-osv', '1.0.0');
    intel.advisoriesOf('npm', 'failing-osv', '1.0.0');
    assert.equal(await checks.settle(), false);
    assert.equal(intel.isMissing('npm', 'flaky-registry-pkg'), false);
    assert.deepEqual(intel.advisoriesOf('npm', 'broken-osv', '1.0.0'), []);
    assert.deepEqual(intel.advisoriesOf('npm', 'failing-osv', '1.0.0'), []);
    assert.equal(logs.length, 2, logs.join('\n'));
    assert.match(logs.find((l) => l.includes('/npm'))!, /flaky-registry-pkg \(HTTP 500\)/);
    assert.match(logs.find((l) => l.includes('/osv'))!, /broken-osv@1\.0\.0, failing-osv@1\.0\.0 \((the answer is not JSON; HTTP 500|HTTP 500; the answer is not JSON)\)/);
    assert.equal(checks.pending, false, 'a failed question waits before it is asked again');

    // The server holds a slow answer for seconds: far beyond this client's timeout, however busy the machine.
    const slowLogs: string[] = [];
    const impatient = new PackageChecks({ timeoutMs: 300, log: (line) => slowLogs.push(line) });
    const slowIntel = impatient.intel(settings)!;
    slowIntel.isMissing('npm', 'slow-registry-pkg');
    assert.equal(await impatient.settle(), false);
    assert.equal(slowIntel.isMissing('npm', 'slow-registry-pkg'), false);
    assert.equal(slowLogs.length, 1);
    assert.match(slowLogs[0], /slow-registry-pkg \(no answer within 300 ms\)/);
  });

  it('an unreachable server is a failure, not a missing package', async () => {
    const logs: string[] = [];
    const checks = new PackageChecks({ log: (line) => logs.push(line) });
    const intel = checks.intel({ ...settings, npmRegistry: 'http://127.0.0.1:9' })!;
    intel.isMissing('npm', 'left-padd-utils');
    assert.equal(await checks.settle(), false);
    assert.equal(intel.isMissing('npm', 'left-padd-utils'), false);
    assert.equal(logs.length, 1);
  });

  it('reads advisories with their CVE, summary, severity and fixed version', async () => {
    const checks = new PackageChecks();
    const intel = checks.intel(settings)!;
    assert.deepEqual(intel.advisoriesOf('npm', 'lodash', '4.17.20'), []);
    assert.equal(await checks.settle(), true);
    assert.deepEqual(intel.advisoriesOf('npm', 'lodash', '4.17.20'), [
      { id: 'GHSA-35jh-r3h4-6jhm', aliases: ['CVE-2021-23337'], summary: 'Command Injection in lodash', fixed: '4.17.21', severity: 'high' },
    ]);
    const query = server.requests.filter((r) => r.path === '/osv/v1/query').map((r) => JSON.parse(r.body));
    assert.ok(query.some((q) => q.package.name === 'lodash' && q.package.ecosystem === 'npm' && q.version === '4.17.20'));
  });

  it('a second instance answers from the disk cache without a request; concurrent questions share one request', async () => {
    const cacheFolder = tempFolder();
    const first = new PackageChecks({ cacheFolder });
    const a = first.intel(settings)!;
    const b = first.intel({ ...settings })!;
    a.isMissing('npm', 'left-padd-utils');
    b.isMissing('npm', 'left-padd-utils');
    a.advisoriesOf('npm', 'lodash', '4.17.20');
    await Promise.all([first.settle(), first.settle()]);
    assert.equal(first.requests, 2, 'one request per question');
    assert.deepEqual(fs.readdirSync(cacheFolder), ['package-checks.json'], 'written atomically: no temporary file left');
    const second = new PackageChecks({ cacheFolder });
    const intel = second.intel(settings)!;
    assert.equal(intel.isMissing('npm', 'left-padd-utils'), true);
    assert.equal(intel.advisoriesOf('npm', 'lodash', '4.17.20').length, 1);
    assert.equal(second.pending, false);
    assert.equal(second.requests, 0);
  });

  it('a corrupt cache file is ignored with one log line and rewritten', async () => {
    const cacheFolder = tempFolder();
    fs.writeFileSync(path.join(cacheFolder, 'package-checks.json'), '{"format":1,"entries":{"exists x');
    const logs: string[] = [];
    const checks = new PackageChecks({ cacheFolder, log: (line) => logs.push(line) });
    const intel = checks.intel(settings)!;
    intel.isMissing('npm', 'left-padd-utils');
    assert.equal(logs.length, 1);
    assert.match(logs[0], /ignored the package cache/);
    await checks.settle();
    assert.equal(intel.isMissing('npm', 'left-padd-utils'), true);
    assert.ok(JSON.parse(fs.readFileSync(path.join(cacheFolder, 'package-checks.json'), 'utf8')).entries);
  });

  it('manifest declarations get the findings: unknown packages and vulnerable locked versions, not local or git ones', async () => {
    const root = tempFolder();
    fs.mkdirSync(path.join(root, '.git'));
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({
      name: 'shop',
      dependencies: { lodash: '^4.17.15', 'left-padd-utils': '^1.0.0', 'own-tool': 'file:../own-tool', 'theme-kit': 'github:acme/theme-kit' },
    }, null, 2));
    fs.writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/lodash': { version: '4.17.20' } } }));
    const project = new DependencyIndex().projectOf(path.join(root, 'index.js'), 'javascript', root)!;
    const checks = new PackageChecks();
    const intel = checks.intel(settings)!;
    manifestFindings(project, intel, metas, {});
    await checks.settle();
    const findings = manifestFindings(project, intel, metas, {}).get(path.join(root, 'package.json'))!;
    const lines = fs.readFileSync(path.join(root, 'package.json'), 'utf8').split('\n');
    assert.deepEqual(findings.map((f) => [f.ruleId, lines[f.range.start.line].slice(f.range.start.character, f.range.end.character), f.severity]), [
      ['vulnerable-dependency', 'lodash', 'error'],
      ['unknown-package', 'left-padd-utils', 'error'],
    ]);
    assert.match(findings[0].message, /GHSA-35jh-r3h4-6jhm \(CVE-2021-23337\): Command Injection in lodash; upgrade to 4.17.21 or later\./);
    assert.equal(server.requests.filter((r) => /own-tool|theme-kit/.test(r.path + r.body)).length, 0);
    const off = manifestFindings(project, intel, metas, { 'unknown-package': 'off', 'vulnerable-dependency': 'info' }).get(path.join(root, 'package.json'))!;
    assert.deepEqual(off.map((f) => `${f.ruleId}:${f.severity}`), ['vulnerable-dependency:info']);
  });
});

describe('OSV answers', () => {
  it('reject shapes that are not OSV results instead of reading them as "no advisories"', () => {
    assert.throws(() => readOsvAnswer([], 'npm', 'x', '1.0.0'));
    assert.throws(() => readOsvAnswer({ vulns: 'none' }, 'npm', 'x', '1.0.0'));
    assert.deepEqual(readOsvAnswer({}, 'npm', 'x', '1.0.0'), []);
  });

  it('skip withdrawn advisories, fall back to the details, and pick the lowest fix above the version', () => {
    const advisories = readOsvAnswer({
      vulns: [
        { id: 'PYSEC-2021-1', details: 'Loading untrusted YAML runs code. More text.', aliases: ['GHSA-x', 'CVE-2020-1'], affected: [{ package: { name: 'PyYAML' }, ranges: [{ events: [{ introduced: '0' }, { fixed: '5.4' }, { introduced: '6.0' }, { fixed: '6.0.1' }] }] }] },
        { id: 'PYSEC-OLD', withdrawn: '2022-01-01', summary: 'gone' },
      ],
    }, 'pypi', 'pyyaml', '5.3.1');
    assert.deepEqual(advisories, [{ id: 'PYSEC-2021-1', aliases: ['CVE-2020-1', 'GHSA-x'], summary: 'Loading untrusted YAML runs code.', fixed: '5.4' }]);
  });

  it('compare versions part by part', () => {
    assert.ok(compareVersions('4.17.21', '4.17.3') > 0);
    assert.ok(compareVersions('1.2', '1.2.0') === 0);
    assert.ok(compareVersions('2.0.0', '10.0.0') < 0);
  });
});
