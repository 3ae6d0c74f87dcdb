// The dependency index and the dependency rules over real manifests and lockfiles in temporary workspaces.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createAnalyzer, defaultOptions, DependencyIndex, fileFacts, languageOfPath, ParsedDocument, parseRequirements, UnitCache, type PackageIntel, type ProjectFacts } from '../../server/engine';

const roots: string[] = [];
after(() => { for (const r of roots) fs.rmSync(r, { recursive: true, force: true }); });

function workspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-deps-'));
  roots.push(root);
  fs.mkdirSync(path.join(root, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

function factsOf(root: string, rel: string, index = new DependencyIndex()): ProjectFacts | undefined {
  return index.projectOf(path.join(root, rel), languageOfPath(rel)!, root)?.facts;
}

async function findingsOf(root: string, rel: string, text: string, index = new DependencyIndex(), cache?: UnitCache) {
  const language = languageOfPath(rel)!;
  const project = index.projectOf(path.join(root, rel), language, root)?.facts;
  const doc = await ParsedDocument.create(language, text);
  try {
    const result = createAnalyzer(defaultOptions).analyze(doc, { ...fileFacts(rel, language), ...(project ? { project } : {}) }, cache);
    return result.findings.filter((f) => f.ruleId === 'undeclared-dependency' || f.ruleId === 'typosquat-package').map((f) => `${f.ruleId}@${f.range.start.line}`);
  } finally {
    doc.dispose();
  }
}

describe('npm projects', () => {
  it('reads every dependency section of the nearest package.json and versions from package-lock.json', () => {
    const root = workspace({
      'package.json': JSON.stringify({ name: 'shop', dependencies: { express: '^4.19.2' }, devDependencies: { jest: '^29.0.0' }, peerDependencies: { react: '*' }, optionalDependencies: { fsevents: '^2' } }, null, 2),
      'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/express': { version: '4.19.2' }, 'node_modules/a/node_modules/express': { version: '3.0.0' } } }),
      'src/app.js': '',
    });
    const project = new DependencyIndex().projectOf(path.join(root, 'src/app.js'), 'javascript', root)!;
    assert.deepEqual([...project.facts.declared].sort(), ['express', 'fsevents', 'jest', 'react']);
    assert.equal(project.versions.get('express'), '4.19.2');
    assert.ok(project.facts.isLocal('shop'));
    const line = project.manifests[0].parsed.dependencies.find((d) => d.name === 'express')!;
    assert.equal(project.manifests[0].text.split('\n')[line.line].slice(line.start, line.end), 'express');
  });

  it('a workspace member sees its own and the root\'s declarations, and sibling members are its own packages', () => {
    const root = workspace({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'], devDependencies: { typescript: '5.4.5' } }),
      'packages/api/package.json': JSON.stringify({ name: '@mono/api', dependencies: { fastify: '^4' } }),
      'packages/shared/package.json': JSON.stringify({ name: '@mono/shared' }),
      'yarn.lock': '# yarn lockfile v1\n\nfastify@^4:\n  version "4.26.2"\n  resolved "x"\n',
    });
    const facts = factsOf(root, 'packages/api/src/server.ts')!;
    assert.ok(facts.declares('fastify') && facts.declares('typescript'));
    assert.ok(facts.isLocal('@mono/shared'));
    assert.equal(new DependencyIndex().projectOf(path.join(root, 'packages/api/src/server.ts'), 'typescript', root)!.versions.get('fastify'), '4.26.2');
  });

  it('pnpm workspaces and pnpm-lock.yaml', () => {
    const root = workspace({
      'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n',
      'package.json': JSON.stringify({ name: 'root' }),
      'apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { next: '14.2.3' } }),
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters:\n  apps/web:\n    dependencies:\n      next:\n        specifier: 14.2.3\n        version: 14.2.3(react@18.3.1)\n",
    });
    const project = new DependencyIndex().projectOf(path.join(root, 'apps/web/page.tsx'), 'tsx', root)!;
    assert.ok(project.facts.declares('next'));
    assert.equal(project.versions.get('next'), '14.2.3');
    assert.ok(project.facts.isLocal('web'));
  });

  it('flags undeclared imports, not built-ins, relative paths, aliases, @types-backed type imports or guarded requires', async () => {
    const root = workspace({
      'package.json': JSON.stringify({ name: 'svc', dependencies: { express: '4' }, devDependencies: { '@types/node': '20' } }),
      'tsconfig.json': '{ "compilerOptions": { /* aliases */ "paths": { "@lib/*": ["lib/*"] }, } }',
    });
    const text = [
      "import express from 'express';",
      "import fs from 'node:fs';",
      "import { x } from './x';",
      "import { y } from '@lib/y';",
      "import type { Server } from 'node';",
      "import axios from 'axios';",
      "try { require('chalk'); } catch {}",
      "export * from 'lodash/fp';",
      '',
    ].join('\n');
    assert.deepEqual(await findingsOf(root, 'src/index.ts', text), ['undeclared-dependency@5', 'undeclared-dependency@7']);
  });

  it('stays quiet without a manifest and when package.json does not parse, and reports the parse position', async () => {
    const none = workspace({});
    assert.equal(factsOf(none, 'app.js'), undefined);
    assert.deepEqual(await findingsOf(none, 'app.js', "const axios = require('axios');\n"), []);
    const broken = workspace({ 'package.json': '{\n  "dependencies": {\n    "express": "4"\n    "pg": "8"\n  }\n}\n' });
    const project = new DependencyIndex().projectOf(path.join(broken, 'app.js'), 'javascript', broken)!;
    assert.equal(project.facts.complete, false);
    const [problem] = project.manifests[0].parsed.problems;
    assert.equal(problem.line, 3);
    assert.match(problem.message, /not valid JSON/);
    assert.deepEqual(await findingsOf(broken, 'app.js', "const axios = require('axios');\n"), []);
  });

  it('a package.json with only module-format fields (dist/esm/package.json) is not a project: the enclosing one declares', async () => {
    const root = workspace({
      'package.json': JSON.stringify({ name: 'lib', dependencies: { minimatch: '^9' } }),
      'dist/esm/package.json': JSON.stringify({ type: 'module', sideEffects: false }),
      'tools/package.json': JSON.stringify({ type: 'module', scripts: { gen: 'node gen.js' } }),
    });
    const text = "import { Minimatch } from 'minimatch';\nimport axios from 'axios';\n";
    assert.deepEqual(await findingsOf(root, 'dist/esm/index.js', text), ['undeclared-dependency@1']);
    // A manifest with anything beyond the format fields is a project of its own, which declares nothing here.
    assert.deepEqual(await findingsOf(root, 'tools/gen.js', text), ['undeclared-dependency@0', 'undeclared-dependency@1']);
  });

  it('notices a manifest change, and the unit cache does not keep stale findings', async () => {
    const root = workspace({ 'package.json': JSON.stringify({ dependencies: {} }) });
    const index = new DependencyIndex();
    const cache = new UnitCache();
    const text = "const axios = require('axios');\n";
    assert.deepEqual(await findingsOf(root, 'app.js', text, index, cache), ['undeclared-dependency@0']);
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ dependencies: { axios: '^1.7.0' } }));
    assert.deepEqual(await findingsOf(root, 'app.js', text, index, cache), []);
  });
});

describe('Python projects', () => {
  it('requirements with -r includes, markers, extras, URLs and options', () => {
    const root = workspace({
      'requirements.txt': '-r requirements/base.txt\n--index-url https://example.invalid/simple\nFlask[async]==3.0.3 ; python_version >= "3.9"\ngit+https://example.invalid/x.git#egg=internal_tool\n',
      'requirements/base.txt': 'requests>=2.31,<3  # http\nPyYAML==6.0.1 \\\n    --hash=sha256:abc\n',
    });
    const project = new DependencyIndex().projectOf(path.join(root, 'app.py'), 'python', root)!;
    assert.deepEqual([...project.facts.declared].sort(), ['flask', 'internal-tool', 'pyyaml', 'requests']);
    assert.equal(project.versions.get('flask'), '3.0.3');
  });

  it('a requirement line it cannot read is a problem with its line', () => {
    const parsed = parseRequirements('requests==2.31\nthis is not a requirement\n');
    assert.deepEqual(parsed.problems.map((p) => p.line), [1]);
    assert.equal(parsed.complete, false);
  });

  it('pyproject PEP 621 with optional dependencies and dependency groups', () => {
    const root = workspace({ 'pyproject.toml': '[project]\nname = "billing_service"\ndependencies = ["fastapi>=0.110", "SQLAlchemy[asyncio]~=2.0"]\n[project.optional-dependencies]\ndev = ["pytest"]\n[dependency-groups]\nlint = ["ruff"]\n' });
    const facts = factsOf(root, 'billing_service/api.py')!;
    assert.deepEqual([...facts.declared].sort(), ['fastapi', 'pytest', 'ruff', 'sqlalchemy']);
    assert.ok(facts.isLocal('billing_service'));
  });

  it('Poetry, Pipfile and setup.cfg', () => {
    const poetry = workspace({ 'pyproject.toml': '[tool.poetry]\nname = "x"\n[tool.poetry.dependencies]\npython = "^3.11"\nhttpx = "^0.27"\n[tool.poetry.group.dev.dependencies]\nblack = { version = "^24" }\n' });
    assert.deepEqual([...factsOf(poetry, 'main.py')!.declared].sort(), ['black', 'httpx']);
    const pipfile = workspace({ Pipfile: '[packages]\ndjango = "==5.0.4"\n[dev-packages]\n"django-debug-toolbar" = "*"\n' });
    assert.deepEqual([...factsOf(pipfile, 'manage.py')!.declared].sort(), ['django', 'django-debug-toolbar']);
    const cfg = workspace({ 'setup.cfg': '[metadata]\nname = tool\n[options]\ninstall_requires =\n    click>=8\n    rich\n[options.extras_require]\nyaml = PyYAML\n' });
    assert.deepEqual([...factsOf(cfg, 'tool/cli.py')!.declared].sort(), ['click', 'pyyaml', 'rich']);
  });

  it('a malformed pyproject.toml reports the TOML error position and keeps rules quiet', async () => {
    const root = workspace({ 'pyproject.toml': '[project]\ndependencies = ["requests",\n' });
    const project = new DependencyIndex().projectOf(path.join(root, 'app.py'), 'python', root)!;
    const [problem] = project.manifests[0].parsed.problems;
    assert.match(problem.message, /not valid TOML/);
    assert.ok(problem.line >= 1);
    assert.deepEqual(await findingsOf(root, 'app.py', 'import stripe\n'), []);
  });

  it('maps import names to distributions and knows stdlib and local modules', async () => {
    const root = workspace({ 'requirements.txt': 'opencv-python\nPillow\ngoogle-cloud-storage\n', 'helpers.py': '', 'services/__init__.py': '' });
    const text = 'import os, cv2\nfrom PIL import Image\nfrom google.cloud import storage\nimport helpers\nfrom services import mail\nimport numpy\nimport reqeusts\n';
    assert.deepEqual(await findingsOf(root, 'app.py', text), ['undeclared-dependency@5', 'typosquat-package@6', 'undeclared-dependency@6']);
  });
});

describe('packages from other registries', () => {
  // What the registry answered: every name here is a 404 on the public registry.
  const everythingMissing: PackageIntel = { isMissing: () => true, advisoriesOf: () => [], key: 'all-missing' };

  async function unknownPackageLines(root: string, rel: string, text: string): Promise<number[]> {
    const language = languageOfPath(rel)!;
    const project = new DependencyIndex().projectOf(path.join(root, rel), language, root)?.facts;
    const doc = await ParsedDocument.create(language, text);
    try {
      const result = createAnalyzer(defaultOptions).analyze(doc, { ...fileFacts(rel, language), ...(project ? { project } : {}), packages: everythingMissing });
      return result.findings.filter((f) => f.ruleId === 'unknown-package').map((f) => f.range.start.line);
    } finally {
      doc.dispose();
    }
  }

  it('an .npmrc or .yarnrc.yml scope with its own registry: its packages are never judged by the public registry', async () => {
    const root = workspace({
      'package.json': JSON.stringify({ name: 'web', dependencies: { '@acme/ui': '^2.0.0', '@tools/lint': '^1.0.0', 'madeup-pkg-zz': '^1.0.0' } }),
      '.npmrc': '@acme:registry=https://npm.acme.internal/\n@public:registry=https://registry.npmjs.org/\n',
      'app/.yarnrc.yml': 'npmScopes:\n  tools:\n    npmRegistryServer: "https://npm.tools.internal"\n',
    });
    const facts = factsOf(root, 'app/main.js')!;
    assert.equal(facts.privatePackage?.('@acme/ui'), true);
    assert.equal(facts.privatePackage?.('@tools/lint'), true);
    assert.equal(facts.privatePackage?.('@public/x'), false);
    assert.equal(facts.privatePackage?.('madeup-pkg-zz'), false);
    const text = "import { Button } from '@acme/ui';\nimport lint from '@tools/lint';\nimport made from 'madeup-pkg-zz';\n";
    assert.deepEqual(await unknownPackageLines(root, 'app/main.js', text), [2]);
  });

  it('a Python project that installs from another index is not judged by PyPI', async () => {
    const text = 'import acme_billing\n';
    const plain = workspace({ 'requirements.txt': 'acme-billing==1.0\n' });
    assert.deepEqual(await unknownPackageLines(plain, 'app.py', text), [0]);
    for (const files of <Record<string, string>[]>[
      { 'requirements.txt': '--extra-index-url https://pypi.acme.internal/simple\nacme-billing==1.0\n' },
      { 'pyproject.toml': '[tool.poetry.dependencies]\nacme-billing = "1.0"\n[[tool.poetry.source]]\nname = "acme"\nurl = "https://pypi.acme.internal/simple"\n' },
      { Pipfile: '[[source]]\nurl = "https://pypi.acme.internal/simple"\nname = "acme"\n[packages]\nacme-billing = "==1.0"\n' },
    ]) {
      const root = workspace(files);
      assert.equal(factsOf(root, 'app.py')!.privatePackage?.('acme-billing'), true, Object.keys(files)[0]);
      assert.deepEqual(await unknownPackageLines(root, 'app.py', text), [], Object.keys(files)[0]);
    }
  });

  it('versions: the lockfile first, else an exact pin in the manifest', () => {
    const root = workspace({
      'package.json': JSON.stringify({ dependencies: { lodash: '^4.17.0', minimist: '1.2.5', chalk: '=5.3.0', zod: '^3' } }),
      'yarn.lock': '# yarn lockfile v1\n\nlodash@^4.17.0:\n  version "4.17.20"\n',
    });
    const facts = factsOf(root, 'index.js')!;
    assert.deepEqual(['lodash', 'minimist', 'chalk', 'zod'].map((n) => facts.versionOf?.(n)), ['4.17.20', '1.2.5', '5.3.0', undefined]);
    const py = workspace({ 'requirements.txt': 'PyYAML==5.3.1\nrequests>=2\n' });
    const pyFacts = factsOf(py, 'app.py')!;
    assert.deepEqual([pyFacts.versionOf?.('pyyaml'), pyFacts.versionOf?.('PyYAML'), pyFacts.versionOf?.('requests')], ['5.3.1', '5.3.1', undefined]);
    const poetry = workspace({
      'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.11"\nPyYAML = "^5.3"\nDjango = "^4.2"\n',
      'poetry.lock': '[[package]]\nname = "pyyaml"\nversion = "5.3.1"\n\n[[package]]\nname = "Django"\nversion = "4.2.1"\n',
    });
    assert.deepEqual(['pyyaml', 'django'].map((n) => factsOf(poetry, 'app.py')!.versionOf?.(n)), ['5.3.1', '4.2.1']);
    const pipenv = workspace({
      Pipfile: '[packages]\nrequests = "*"\n',
      'Pipfile.lock': JSON.stringify({ _meta: {}, default: { requests: { version: '==2.25.0' } }, develop: {} }),
    });
    assert.equal(factsOf(pipenv, 'app.py')!.versionOf?.('requests'), '2.25.0');
  });
});
