// Generates rules/README.md, the catalog table, from the compiled rule metadata (run after tsc). --check only compares.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { metas, detectors } = require(path.join(root, 'out', 'rules', 'registry.js'));

const languages = (id) => {
  const families = detectors.filter((d) => d.id === id).map((d) => d.family);
  return [families.includes('javascript') ? 'JS/TS' : '', families.includes('python') ? 'Python' : ''].filter(Boolean).join(', ');
};
const fixes = (id) => {
  const exts = ['javascript', 'python'].flatMap((f) => {
    const dir = path.join(root, 'rules', f);
    return fs.existsSync(dir) && fs.readdirSync(dir).some((n) => n.startsWith(`${id}.fixed.`)) ? [f] : [];
  });
  return exts.length ? 'yes' : '';
};
const lines = [
  '# Rule catalog',
  '',
  'Generated from `rules/meta/*.ts` by `scripts/gen-catalog.mjs` (the build runs it; a test fails when it is stale).',
  'Each id names a hazard and is the same in every language. Detection per language lives in `rules/<language>/<id>.ts`',
  'with an annotated fixture beside it; documentation in `rules/docs/<id>.md`.',
  '',
  '| Rule | Title | Severity | Confidence | CWE | OWASP 2021 | Languages | Fix |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...[...metas].sort((a, b) => a.id.localeCompare(b.id)).map((m) =>
    `| [\`${m.id}\`](docs/${m.id}.md) | ${m.title} | ${m.severity} | ${m.confidence} | ${m.cwe.join(', ')} | ${m.owasp.slice(0, 3)} | ${languages(m.id)} | ${fixes(m.id)} |`),
  '',
];
const wanted = lines.join('\n');
const target = path.join(root, 'rules', 'README.md');
const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
if (process.argv.includes('--check')) {
  if (current !== wanted) { console.error('rules/README.md is out of date: run npm run build'); process.exit(1); }
} else if (current !== wanted) fs.writeFileSync(target, wanted);
