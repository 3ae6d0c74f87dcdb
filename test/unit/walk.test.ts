// The single-file check a file event uses (`isWalked`) agrees with the walk of the whole folder, ignore files and globs included.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { it } from 'node:test';
import { isWalked, walkFiles, type WalkOptions } from '../../server/engine';

function tree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-walk-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

it('isWalked says yes exactly for the files a walk of the root visits', () => {
  const root = tree({
    '.gitignore': 'build/\n*.gen.js\n',
    'src/a.js': '', 'src/b.gen.js': '', 'src/c.py': '', 'src/types.d.ts': '', 'src/readme.md': '',
    'src/keep/.gitignore': '!*.gen.js\nlocal.js\n', 'src/keep/d.gen.js': '', 'src/keep/local.js': '', 'src/keep/e.ts': '',
    'build/out.js': '', 'vendor/lib.js': '', 'vendor/own/x.js': '', 'node_modules/dep/index.js': '', 'venv/lib/site.py': '',
    'docs/example.tsx': '',
  });
  try {
    const options: WalkOptions = { root, ignoreGlobs: ['vendor/**', 'docs/'], useGitignore: true };
    const walked = new Set(walkFiles([root], options));
    assert.deepEqual([...walked].map((f) => path.relative(root, f).split(path.sep).join('/')).sort(),
      ['src/a.js', 'src/c.py', 'src/keep/d.gen.js', 'src/keep/e.ts']);
    for (const file of allFiles(root)) assert.equal(isWalked(file, options), walked.has(file), path.relative(root, file));
    assert.equal(isWalked(path.join(path.dirname(root), 'elsewhere.js'), options), false, 'a file outside the root');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
