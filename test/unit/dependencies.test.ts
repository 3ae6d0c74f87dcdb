// The dependency index and the dependency rules over real manifests and lockfiles in temporary workspaces.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createAnalyzer, defaultOptions, DependencyIndex, fileFacts, languageOfPath, ParsedDocument, parseRequirements, UnitCache, type ProjectFacts } from '../../server/engine';

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
