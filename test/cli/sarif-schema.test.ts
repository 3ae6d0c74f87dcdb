// `--format sarif` against the official SARIF 2.1.0 JSON schema and against what GitHub code scanning needs beyond it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import { createProject, passwordModule, type Project } from './lib/temp-project';

/**
 * The OASIS schema (2.1.0-rtm.5, the final 2.1.0 text) as @microsoft/jest-sarif ships it. It is draft-04, which Ajv 8
 * reads once its root `id` becomes `$id`; it uses no other draft-04-only keyword (no boolean exclusiveMinimum).
 * Its `language` pattern is not a valid Unicode regular expression, hence `unicodeRegExp: false`.
 */
function compileSarifSchema(): ValidateFunction {
  const { $schema, id, ...schema } = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  assert.equal($schema, 'http://json-schema.org/draft-04/schema#');
  assert.equal(JSON.stringify(schema).includes('exclusiveM'), false, 'draft-04 boolean exclusiveMinimum would need real draft-04 support');
  const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s) && !Number.isNaN(Date.parse(s)));
  return ajv.compile({ $id: id, ...schema });
}

function assertValid(validate: ValidateFunction, log: unknown, what: string): void {
  const ok = validate(log);
  assert.ok(ok, `${what} is not valid SARIF 2.1.0:\n${JSON.stringify(validate.errors, null, 2)}`);
}

// Every shape the report takes: fixes, suppressions with and without a reason, severities changed by
// configuration, a skipped file, paths needing percent-encoding, and the same finding twice on one line.
const files: Record<string, string | Buffer> = {
  '.skeptic.yml': 'rules:\n  weak-hash: error\n',
  'src/auth/passwords.js': passwordModule('md5'),
  'src/auth/tokens.js': passwordModule('sha1', 'hashResetToken'),
  'src/my files/contraseña #1.js': passwordModule('sha1'),
  'src/twice.js': "const crypto = require('crypto');\nfunction hashPassword(p) {\n  return [crypto.createHash('md5').update(p).digest('hex'), crypto.createHash('md5').update(p).digest('hex')];\n}\n",
  'src/repeated.js': "const crypto = require('crypto');\nfunction hashPassword(p) {\n  return crypto.createHash('md5').update(p).digest('hex');\n}\nfunction hashPassphrase(p) {\n  return crypto.createHash('md5').update(p).digest('hex');\n}\n",
  'src/legacy.js': "const crypto = require('crypto');\nfunction hashPassword(p) {\n  // skeptic-ignore weak-hash -- pre-2019 accounts only\n  return crypto.createHash('md5').update(p).digest('hex');\n}\nfunction hashPassphrase(p) {\n  return crypto.createHash('sha1').update(p).digest('hex'); // skeptic-ignore weak-hash\n}\n",
  'assets/sprite.js': Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0, 0, 0]),
};

describe('SARIF output', () => {
  let validate: ValidateFunction;
  let project: Project;
  let log: any;
  before(() => {
    validate = compileSarifSchema();
    project = createProject(files, { git: true });
    const run = project.run(['scan', '--format', 'sarif']);
    assert.equal(run.status, 1, run.stderr);
    log = JSON.parse(run.stdout);
  });
  after(() => project.remove());

  it('the validator rejects what the schema forbids (so passing means something)', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false);
    const noRegionLine = structuredClone(log);
    noRegionLine.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(noRegionLine), false);
    const extra = structuredClone(log);
    extra.runs[0].tool.driver.severity = 'high';
    assert.equal(validate(extra), false);
    assert.equal(validate({ version: '2.1.0' }), false);
  });

  it('validates against the SARIF 2.1.0 schema with findings, fixes, suppressions and skipped files', () => {
    assertValid(validate, log, 'the full report');
    assert.ok(log.runs[0].results.some((r: any) => r.fixes), 'the report exercises fixes');
    assert.ok(log.runs[0].results.some((r: any) => r.suppressions), 'the report exercises suppressions');
    assert.equal(log.runs[0].invocations[0].toolExecutionNotifications.length, 1, 'the report exercises a skipped file');
  });

  it('validates with no findings, and when no file is analysable', () => {
    const clean = createProject({ 'src/math.js': 'module.exports = (a, b) => a + b;\n' });
    try {
      assertValid(validate, JSON.parse(clean.run(['scan', '--format', 'sarif']).stdout), 'a clean report');
      fs.rmSync(`${clean.root}/src/math.js`);
      assertValid(validate, JSON.parse(clean.run(['scan', '--format', 'sarif']).stdout), 'an empty report');
    } finally {
      clean.remove();
    }
  });

  describe('what GitHub code scanning reads beyond the schema', () => {
    it('one run, with a named tool and a version', () => {
      assert.equal(log.runs.length, 1);
      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, 'Skeptic');
      assert.match(driver.semanticVersion, /^\d+\.\d+\.\d+/);
    });

    it('every rule has an id, short and full descriptions, help text, a security-severity score and at most 20 tags', () => {
      const rules = log.runs[0].tool.driver.rules as any[];
      assert.ok(rules.length >= 1);
      assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
      for (const rule of rules) {
        assert.match(rule.id, /^[a-z0-9-]+$/);
        assert.ok(rule.shortDescription?.text, `${rule.id}: shortDescription.text`);
        assert.ok(rule.fullDescription?.text, `${rule.id}: fullDescription.text`);
        assert.ok(rule.help?.text, `${rule.id}: help.text (required by code scanning)`);
        const score = rule.properties?.['security-severity'];
        assert.equal(typeof score, 'string', `${rule.id}: security-severity is a string`);
        assert.ok(Number(score) > 0 && Number(score) <= 10, `${rule.id}: security-severity ${score} is in (0, 10]`);
        assert.ok(rule.properties.tags.includes('security'), `${rule.id}: the security tag makes code scanning use security-severity`);
        assert.ok(rule.properties.tags.length <= 20, `${rule.id}: at most 20 tags`);
        assert.ok(rule.properties.tags.some((t: string) => /^external\/cwe\/cwe-\d+$/.test(t)), `${rule.id}: a CWE tag`);
        assert.ok(['very-high', 'high', 'medium', 'low'].includes(rule.properties.precision), `${rule.id}: precision`);
      }
    });

    it('every result names a known rule, has a message, one location relative to %SRCROOT% and a fingerprint', () => {
      const run = log.runs[0];
      const srcroot = run.originalUriBaseIds['%SRCROOT%'].uri as string;
      assert.ok(srcroot.startsWith('file:///') && srcroot.endsWith('/'), 'an absolute file URI ending in a slash');
      assert.ok(run.results.length >= 1);
      for (const result of run.results) {
        assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
        assert.ok(result.message.text);
        assert.equal(result.locations.length, 1);
        const { artifactLocation, region } = result.locations[0].physicalLocation;
        assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
        assert.ok(!/^[a-z]+:/i.test(artifactLocation.uri) && !artifactLocation.uri.startsWith('/'), `${artifactLocation.uri} is relative`);
        assert.ok(fs.existsSync(fileURLToPath(new URL(artifactLocation.uri, srcroot))), `${artifactLocation.uri} resolves to the scanned file`);
        assert.ok(region.startLine >= 1 && region.startColumn >= 1);
        const fingerprints = Object.values(result.partialFingerprints ?? {});
        assert.ok(fingerprints.length >= 1 && fingerprints.every((v) => typeof v === 'string' && v.length > 0));
      }
      const uris = run.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
      assert.ok(uris.includes('src/my%20files/contrase%C3%B1a%20%231.js'), 'special characters are percent-encoded');
    });

    it('a suppressed finding is reported as an in-source suppression with its justification', () => {
      const suppressed = log.runs[0].results.filter((r: any) => r.suppressions);
      assert.deepEqual(suppressed.map((r: any) => [r.locations[0].physicalLocation.region.startLine, r.suppressions]), [
        [4, [{ kind: 'inSource', justification: 'pre-2019 accounts only' }]],
        [7, [{ kind: 'inSource' }]],
      ]);
    });

    it('fingerprints are distinct per finding, and survive lines being added above', () => {
      const before = fingerprintsByLocation(log);
      assert.equal(new Set(Object.values(before)).size, Object.keys(before).length, `distinct: ${JSON.stringify(before, null, 1)}`);
      project.write('src/auth/passwords.js', '// Password helpers.\n\n' + passwordModule('md5'));
      project.write('src/twice.js', project.read('src/twice.js').replace('function hashPassword(p) {', '/** Legacy. */\nfunction hashPassword(p) {'));
      const afterEdit = fingerprintsByLocation(JSON.parse(project.run(['scan', '--format', 'sarif']).stdout));
      assert.equal(afterEdit['src/auth/passwords.js:6:28'], before['src/auth/passwords.js:4:28']);
      assert.equal(afterEdit['src/twice.js:4:30'], before['src/twice.js:3:30']);
      assert.equal(afterEdit['src/twice.js:4:88'], before['src/twice.js:3:88']);
      project.write('src/auth/passwords.js', passwordModule('sha1'));
      const changed = fingerprintsByLocation(JSON.parse(project.run(['scan', '--format', 'sarif']).stdout));
      assert.notEqual(changed['src/auth/passwords.js:4:28'], before['src/auth/passwords.js:4:28'], 'a changed line is a new result');
    });
  });
});

function fingerprintsByLocation(log: any): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of log.runs[0].results) {
    const { artifactLocation, region } = r.locations[0].physicalLocation;
    out[`${decodeURI(artifactLocation.uri)}:${region.startLine}:${region.startColumn}`] = r.partialFingerprints['skepticFingerprint/v1'];
  }
  return out;
}
