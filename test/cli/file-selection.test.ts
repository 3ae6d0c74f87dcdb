// Which files `skeptic scan` visits and how it survives bad input: .gitignore, node_modules, explicit paths, binary, huge and broken files.
import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createProject, passwordModule, pathsWithFindings, type Project } from './lib/temp-project';

describe('files skeptic scan visits', () => {
  let project: Project | undefined;
  afterEach(() => project?.remove());

  // Every analysable file here has a weak-hash finding, so the files with findings are the files scanned.
  const repository = (): Project => createProject({
    '.gitignore': 'dist/\n*.min.js\n/coverage\nlocal-*.js\n',
    'src/index.js': passwordModule(),
    'src/app.min.js': passwordModule(),
    'dist/bundle.js': passwordModule(),
    'coverage/report.js': passwordModule(),
    'lib/coverage/keep.js': passwordModule(),
    'local-dev.js': passwordModule(),
    'Local-tool.js': passwordModule(),
    'packages/api/.gitignore': 'generated/\n!local-api.js\n',
    'packages/api/local-api.js': passwordModule(),
    'packages/api/server.ts': passwordModule(),
    'packages/api/generated/client.js': passwordModule(),
    'packages/web/generated/kept.js': passwordModule(),
    'node_modules/left-pad/index.js': passwordModule(),
    'packages/api/node_modules/md5/index.js': passwordModule(),
    'README.md': '# not code\n',
  }, { git: true });

  it('respects .gitignore files, nested ones included, and always skips node_modules', () => {
    project = repository();
    assert.deepEqual(pathsWithFindings(project.runJson(['scan']).report), [
      'Local-tool.js',
      'lib/coverage/keep.js',
      'packages/api/local-api.js',
      'packages/api/server.ts',
      'packages/web/generated/kept.js',
      'src/index.js',
    ]);
  });

  it('visits the same files git considers part of the project', () => {
    project = repository();
    const gitFiles = project.git(['ls-files', '--cached', '--others', '--exclude-standard'])
      .split('\n').filter((f) => /\.(js|ts)$/.test(f) && !f.split('/').includes('node_modules')).sort();
    assert.deepEqual(pathsWithFindings(project.runJson(['scan']).report), gitFiles);
  });

  it('applies the .gitignore files above a subfolder that is scanned, and from a subfolder as working folder', () => {
    project = repository();
    assert.deepEqual(pathsWithFindings(project.runJson(['scan', 'packages']).report), ['packages/api/local-api.js', 'packages/api/server.ts', 'packages/web/generated/kept.js']);
    assert.deepEqual(pathsWithFindings(project.runJson(['scan'], 'packages/api').report), ['local-api.js', 'server.ts']);
    assert.deepEqual(pathsWithFindings(project.runJson(['scan'], 'src').report), ['index.js'], 'the root .gitignore applies below it');
  });

  it('scans a file or folder named explicitly even when ignored', () => {
    project = repository();
    assert.deepEqual(pathsWithFindings(project.runJson(['scan', 'dist/bundle.js', 'src/app.min.js', 'node_modules/left-pad/index.js']).report),
      ['dist/bundle.js', 'node_modules/left-pad/index.js', 'src/app.min.js']);
    assert.deepEqual(pathsWithFindings(project.runJson(['scan', 'dist']).report), ['dist/bundle.js']);
    assert.deepEqual(pathsWithFindings(project.runJson(['scan', 'node_modules/left-pad']).report), ['node_modules/left-pad/index.js']);
  });

  it('--no-gitignore scans ignored files but still skips node_modules', () => {
    project = repository();
    const paths = pathsWithFindings(project.runJson(['scan', '--no-gitignore']).report);
    assert.ok(paths.includes('dist/bundle.js'));
    assert.ok(paths.includes('packages/api/generated/client.js'));
    assert.ok(!paths.some((p) => p.includes('node_modules')));
  });

  it('does not scan declaration files (.d.ts, .d.mts, .d.cts)', () => {
    project = createProject({
      'types/index.d.ts': "import { createHash } from 'crypto';\nexport declare function hashPassword(p: string): string;\nexport const h = createHash('md5');\n",
      'types/esm.d.mts': "import { createHash } from 'crypto';\nexport const h = createHash('md5');\n",
      'types/cjs.d.cts': "import { createHash } from 'crypto';\nexport const h = createHash('md5');\n",
      'src/index.ts': "import { createHash } from 'crypto';\nexport function hashPassword(p: string) { return createHash('md5').update(p).digest('hex'); }\n",
    });
    const { report } = project.runJson(['scan']);
    assert.deepEqual(pathsWithFindings(report), ['src/index.ts']);
    assert.equal(report.summary.files, 1);
    assert.equal(project.runJson(['scan', 'types/index.d.ts']).report.summary.files, 0, 'not even when named');
  });

  it('scans every JavaScript, TypeScript and Python extension it claims', () => {
    const files: Record<string, string> = {};
    for (const ext of ['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx']) files[`src/a.${ext}`] = passwordModule();
    files['tool.py'] = 'import os\nprint(os.getcwd())\n';
    files['notes.txt'] = passwordModule();
    files['page.html'] = passwordModule();
    project = createProject(files);
    const { report } = project.runJson(['scan']);
    assert.equal(report.summary.files, 9);
    assert.deepEqual(pathsWithFindings(report), ['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx'].map((e) => `src/a.${e}`).sort());
  });
});

describe('bad input never stops a scan', () => {
  let project: Project | undefined;
  afterEach(() => project?.remove());

  it('skips a binary file with a .js name, with one message, and scans the rest', () => {
    const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from(passwordModule())]);
    project = createProject({ 'assets/logo.js': binary, 'src/passwords.js': passwordModule() });
    const run = project.run(['scan']);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.deepEqual(run.stdout.split('\n').filter((l) => l.includes('logo.js')), ['assets/logo.js: Skeptic skipped this file: it looks binary.']);
    const { report } = project.runJson(['scan']);
    assert.deepEqual(pathsWithFindings(report), ['src/passwords.js']);
    assert.deepEqual(report.skipped, [{ path: 'assets/logo.js', reason: 'Skeptic skipped this file: it looks binary.' }]);
  });

  it('skips a file over the default 1 MB limit with one message', () => {
    const huge = passwordModule() + 'const table = [\n' + '  "0123456789abcdef0123456789abcdef0123456789abcdef",\n'.repeat(22_000) + '];\n';
    project = createProject({ 'src/data.js': huge, 'src/passwords.js': passwordModule() });
    const run = project.run(['scan']);
    assert.equal(run.status, 0);
    assert.deepEqual(run.stdout.split('\n').filter((l) => l.includes('data.js')), ['src/data.js: Skeptic skipped this file: it is 1.1 MB, over the 1.0 MB limit (maxFileSize).']);
    assert.match(run.stdout, /1 finding .* in 1 file, .*; 1 skipped\n$/);
  });

  it('still reports findings in the sound part of a file that does not parse', () => {
    const broken = passwordModule() + [
      '',
      'function handleLogin(req, res {',
      '  if (req.body.user === ) {',
      '    res.send(;',
      '}',
      '',
      'class Session { start() { let = = 3 } }',
      '',
    ].join('\n');
    project = createProject({ 'src/broken.js': broken, 'src/broken.ts': broken.replace('(req, res', '(req: Request, res') });
    const { run, report } = project.runJson(['scan', '--fail-on', 'none']);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.deepEqual(report.findings.filter((f) => f.ruleId === 'weak-hash').map((f) => [f.path, f.line, f.column]), [['src/broken.js', 4, 28], ['src/broken.ts', 4, 28]]);
  });

  it('finishes on pathological nesting and unterminated constructs without crashing', () => {
    project = createProject({
      'src/deep.js': '('.repeat(50_000) + '\n' + passwordModule(),
      'src/brackets.ts': '{['.repeat(20_000),
      'src/unterminated.js': '/* never closed\n' + passwordModule(),
      'src/template.js': 'const s = `${'.repeat(5_000),
      'src/deep.py': 'x = ' + '['.repeat(30_000) + '\n',
      'src/passwords.js': passwordModule(),
    });
    const { run, report } = project.runJson(['scan']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.ok(pathsWithFindings(report).includes('src/passwords.js'));
    assert.equal(report.summary.files + report.summary.skipped, 6, 'every file is either scanned or skipped with a reason');
  });
});
