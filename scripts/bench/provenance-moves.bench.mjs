// Measures what opening a file without records costs once the ledger is large: the recorded paths (walked, then kept), and finding where a file moved outside the editor went.
// Usage: node scripts/bench/provenance-moves.bench.mjs [--files 2000] [--runs 10] [--quick]   (build first: node scripts/build.mjs)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { values: args } = parseArgs({ options: { files: { type: 'string', default: '2000' }, runs: { type: 'string', default: '10' }, quick: { type: 'boolean', default: false } }, allowPositionals: true, strict: false });
const files = args.quick ? 300 : Number(args.files);
const runs = args.quick ? 3 : Number(args.runs);
const enginePath = path.join(root, 'out', 'server', 'engine', 'index.js');
if (!fs.existsSync(enginePath)) {
  console.error('provenance-moves: out/ is missing; run `node scripts/build.mjs` first.');
  process.exit(1);
}
const engine = require(enginePath);

// A project of `files` JavaScript files of 200 lines, 20 folders of folders, two recorded blocks each; file 0 was
// renamed outside the editor (git mv) to moved/renamed.js.
const project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-bench-moves-')));
const ledgerRoot = path.join(project, '.skeptic', 'provenance');
const writer = new engine.LedgerFolder(ledgerRoot, false);
const textOf = (i) => Array.from({ length: 200 }, (_, k) => `const v${i}_${k} = compute(${i}, ${k});`).join('\n') + '\n';
const records = new Map();
for (let i = 0; i < files; i++) {
  const relative = `pkg${i % 20}/mod${Math.floor(i / 20)}/file${i}.js`;
  const text = textOf(i);
  fs.mkdirSync(path.dirname(path.join(project, relative)), { recursive: true });
  if (i > 0) fs.writeFileSync(path.join(project, relative), text);
  for (const line of [10, 50]) {
    const range = { start: { line, character: 0 }, end: { line: line + 3, character: 0 } };
    const record = { id: engine.newBlockId(), path: relative, origin: 'inline-completion', time: new Date().toISOString(), range, ...engine.fingerprintOf(new engine.TextLines(text), range), unconfirmedSuppressions: [] };
    writer.write(record);
    records.set(relative, [...(records.get(relative) ?? []), record]);
  }
}
fs.mkdirSync(path.join(project, 'moved'));
fs.writeFileSync(path.join(project, 'moved', 'renamed.js'), textOf(0));
// Written long ago: the kept answer is trusted only for folders not changed within the clock's tick of the walk.
const past = new Date(Date.now() - 60_000);
const age = (folder) => { for (const e of fs.readdirSync(folder, { withFileTypes: true })) if (e.isDirectory()) age(path.join(folder, e.name)); fs.utimesSync(folder, past, past); };
age(ledgerRoot);

function measure(fn) {
  fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length / 2)], max: samples[samples.length - 1] };
}

const kept = new engine.LedgerFolder(ledgerRoot, true);
const gone = ['pkg0/mod0/file0.js'];
const source = (candidates) => ({
  gone,
  records: (p) => records.get(p) ?? [],
  candidates,
  text: (p) => fs.readFileSync(path.join(project, ...p.split('/')), 'utf8'),
});
// Every other file is recorded, so as candidates they stand for a project of unrecorded files of that size.
const everyFile = engine.projectFilesForMoves(project, []);
const results = [
  ['recorded paths, walked (a store\'s first call)', measure(() => new engine.LedgerFolder(ledgerRoot, true).recordedPaths())],
  ['recorded paths, kept (one stat a folder)', measure(() => kept.recordedPaths())],
  ['the project\'s files for the move search (a walk, skipping the ledger)', measure(() => engine.projectFilesForMoves(project, []))],
  [`editor: opening a file holding no gone block`, measure(() => new engine.MoveFinder(source(() => everyFile)).sourceOf('pkg1/mod0/file1.js'))],
  [`editor: opening the renamed file, ${everyFile.length} files to rule out`, measure(() => new engine.MoveFinder(source(() => everyFile)).sourceOf('moved/renamed.js'))],
  [`CLI: where the gone file went, ${everyFile.length} files searched`, measure(() => new engine.MoveFinder(source(() => everyFile)).moves())],
];
fs.rmSync(project, { recursive: true, force: true });

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`### Provenance: a file moved outside the editor, in a ledger of ${files} recorded files (${runs} runs)

| step | p50 | max |
|---|---|---|
${results.map(([name, r]) => `| ${name} | ${ms(r.p50)} | ${ms(r.max)} |`).join('\n')}

Files of 200 lines; the move search excludes files the ledger records, so here the other recorded files stand in for a
project of unrecorded ones (the search reads them all when the renamed file must be told apart from look-alikes).
Machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} at the end.`);
const out = path.join(root, '.bench', 'provenance-moves.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, files, runs, results: Object.fromEntries(results) }, null, 2) + '\n');
console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
