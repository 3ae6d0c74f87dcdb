// Whole-tree scans of a ~500,000-line tree of real files (Python's standard library plus JavaScript from the project's own
// npm dependencies): `skeptic scan --jobs 1` against `--jobs 2`, and the language server's workspace scan, with wall time,
// CPU time and peak RSS, and how fast an edit is analysed while the server scans.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { percentiles, typeAround } from './typing.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDir = path.join(root, '.bench');
const tree = path.join(benchDir, 'workspace-tree');
const require = createRequire(path.join(root, 'package.json'));
const cli = path.join(root, 'dist', 'cli.js');
const runs = Math.max(1, Number(argValue('--runs') ?? 1));
/** `--quick`: a 40,000-line tree, to check the bench itself in seconds. */
const quick = process.argv.includes('--quick');
const targetLines = quick ? 40_000 : 500_000;
/** JavaScript packages taken in this order (exact versions pinned in package.json) after the Python standard library. */
const jsPackages = ['eslint', 'mocha', 'fast-check', 'web-tree-sitter', 'ajv', 'yaml', 'vscode-languageclient', '@vscode/vsce', 'playwright-core', 'vscode-jsonrpc'];

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

function log(message) {
  process.stderr.write(`workspace-scan: ${message}\n`);
}

function countLines(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.length && !text.endsWith('\n') ? n + 1 : n;
}

function filesUnder(dir, keep, out = []) {
  let entries;
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== '__pycache__' && e.name !== 'node_modules') filesUnder(abs, keep, out);
    else if (e.isFile() && keep(abs)) out.push(abs);
  }
  return out;
}

/** Copies real files into .bench/workspace-tree until it holds `targetLines` lines: what a mid-sized monorepo holds. */
function buildTree() {
  fs.rmSync(tree, { recursive: true, force: true });
  const python = fs.readdirSync('/usr/lib').filter((d) => /^python3\.\d+$/.test(d) && fs.existsSync(path.join('/usr/lib', d, 'os.py'))).sort().pop();
  const sources = [];
  if (python) sources.push({ base: path.join('/usr/lib', python), into: 'python', files: filesUnder(path.join('/usr/lib', python), (f) => f.endsWith('.py')) });
  for (const pkg of jsPackages) {
    const base = path.join(root, 'node_modules', pkg);
    const files = filesUnder(base, (f) => /\.(c|m)?js$/.test(f) && !f.endsWith('.min.js') && fs.statSync(f).size < 1024 * 1024);
    sources.push({ base, into: path.join('js', pkg.replace('/', '__')), files });
  }
  let lines = 0;
  let files = 0;
  let bytes = 0;
  const mix = {};
  for (const source of sources) {
    for (const file of source.files) {
      if (lines >= targetLines) break;
      const text = fs.readFileSync(file);
      const destination = path.join(tree, source.into, path.relative(source.base, file));
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      fs.writeFileSync(destination, text);
      const n = countLines(text.toString('utf8'));
      lines += n;
      files++;
      bytes += text.length;
      mix[source.into] = (mix[source.into] ?? 0) + n;
    }
  }
  return { files, lines, bytes, mix };
}

/** Runs a command under GNU time: wall seconds, CPU seconds and peak RSS (MB) of the process and its threads. */
function timed(label, args) {
  const usage = path.join(benchDir, 'workspace-scan-usage.txt');
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', usage, process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${label}: exit ${r.status ?? r.signal}\n${r.stderr.slice(-2000)}`);
  const [kb, user, system] = fs.readFileSync(usage, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
  return { wallSeconds: wall, cpuSeconds: user + system, peakRssMB: kb / 1024 };
}

function cliRuns(jobs) {
  const out = path.join(benchDir, `workspace-scan-jobs${jobs}.json`);
  const measured = [];
  for (let i = 0; i < runs; i++) {
    const m = timed(`skeptic scan --jobs ${jobs}`, [cli, 'scan', '--jobs', String(jobs), '--quiet', '--format', 'json', '--fail-on', 'none', '--output', out, tree]);
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    measured.push({ ...m, findings: report.summary.findings, files: report.summary.files, skipped: report.summary.skipped, load: os.loadavg()[0] });
    log(`--jobs ${jobs}: run ${i + 1}/${runs}: ${m.wallSeconds.toFixed(1)} s wall, ${m.cpuSeconds.toFixed(1)} s CPU, ${m.peakRssMB.toFixed(0)} MB, load ${os.loadavg()[0].toFixed(1)}`);
  }
  return { jobs, runs: measured, medianWallSeconds: median(measured.map((m) => m.wallSeconds)), medianCpuSeconds: median(measured.map((m) => m.cpuSeconds)), peakRssMB: Math.max(...measured.map((m) => m.peakRssMB)), findings: measured[0].findings, files: measured[0].files };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function peakRssOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/**
 * The language server's `skeptic/scanWorkspace` on the tree (one thread, yielding between files), while a small open
 * document is edited every 250 ms: the edit → diagnostics latency says whether typing stays responsive during a scan.
 */
async function serverScan() {
  const { LspClient } = require(path.join(root, 'out', 'test', 'lsp', 'lsp-client.js'));
  const client = await LspClient.start({ folder: tree, settings: { debounceMs: 0 }, capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } } });
  const pid = client.child.pid;
  const uri = pathToFileURL(path.join(os.tmpdir(), 'skeptic-bench-typing.js')).toString();
  const text = "const crypto = require('crypto');\n\nfunction hashPassword(password) {\n  return crypto.createHash('md5').update(password).digest('hex');\n}\n";
  // Edits every 250 ms, 12 before the scan and more during it: didChange → diagnostics of each.
  let wall = 0;
  let cpu = 0;
  const { value: result, idle, during: latencies } = await typeAround(client, uri, text, { intervalMs: 250, idleEdits: 12 }, async () => {
    const cpuBefore = cpuSecondsOf(pid);
    const started = process.hrtime.bigint();
    const answer = await client.request('skeptic/scanWorkspace', { workDoneToken: 'bench' });
    wall = Number(process.hrtime.bigint() - started) / 1e9;
    cpu = cpuSecondsOf(pid) - cpuBefore;
    return answer;
  });
  const peak = peakRssOf(pid);
  const published = new Set(client.published.map((p) => p.uri)).size;
  await client.stop();
  const during = percentiles(latencies);
  const before = percentiles(idle);
  log(`server: ${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU, ${peak.toFixed(0)} MB peak; edits p50/p95 ${before.p50.toFixed(0)}/${before.p95.toFixed(0)} ms before the scan, ${during.p50.toFixed(0)}/${during.p95.toFixed(0)} ms during it (${latencies.length})`);
  return { wallSeconds: wall, cpuSeconds: cpu, peakRssMB: peak, result, filesPublished: published, editsBefore: before, editsDuring: during };
}

function cpuSecondsOf(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime in clock ticks (100 Hz on Linux)
}

async function main() {
  if (!fs.existsSync('/usr/bin/time')) throw new Error('GNU time is missing: apt-get install time');
  if (!fs.existsSync(cli) || !fs.existsSync(path.join(root, 'out', 'test', 'lsp', 'lsp-client.js'))) {
    log('dist/ or out/ is missing: building');
    if (spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);
  }
  fs.mkdirSync(benchDir, { recursive: true });
  const corpus = buildTree();
  log(`tree: ${corpus.files} files, ${corpus.lines} lines (${JSON.stringify(corpus.mix)})`);
  const one = cliRuns(1);
  const two = cliRuns(2);
  const server = await serverScan();
  const result = {
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, load1m: os.loadavg()[0] },
    corpus, cli: { jobs1: one, jobs2: two, speedup: one.medianWallSeconds / two.medianWallSeconds }, server,
  };
  fs.writeFileSync(path.join(benchDir, 'workspace-scan.json'), JSON.stringify(result, null, 2) + '\n');
  const fmt = (n, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const row = (label, m, findings) => `| ${label} | ${fmt(m.medianWallSeconds ?? m.wallSeconds)} | ${fmt(m.medianCpuSeconds ?? m.cpuSeconds)} | ${fmt(corpus.lines / (m.medianWallSeconds ?? m.wallSeconds), 0)} | ${fmt(m.peakRssMB, 0)} | ${findings} |`;
  console.log([
    '## Workspace scan',
    '',
    `${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.memoryGB} GB, Node ${result.machine.node}; load ${fmt(result.machine.load1m)} at the end; median of ${runs} run${runs === 1 ? '' : 's'}.`,
    `Tree: ${fmt(corpus.files, 0)} files, ${fmt(corpus.lines, 0)} lines, ${fmt(corpus.bytes / 2 ** 20)} MB of real code (${Object.entries(corpus.mix).map(([k, v]) => `${k} ${fmt(v, 0)}`).join(', ')}).`,
    '',
    '| scan | wall s | CPU s | lines/s (wall) | peak RSS MB | findings |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('`skeptic scan --jobs 1`', one, one.findings),
    row('`skeptic scan --jobs 2`', two, two.findings),
    row('language server `skeptic/scanWorkspace`', server, server.result.findings),
    '',
    `--jobs 2 vs --jobs 1: ${fmt(result.cli.speedup, 2)}× on wall time (${result.machine.cores} cores, shared with other work).`,
    `Edits of a small open document, didChange → diagnostics: before the server's scan p50 ${fmt(server.editsBefore.p50, 0)} ms, p95 ${fmt(server.editsBefore.p95, 0)} ms (${server.editsBefore.count}); during it p50 ${fmt(server.editsDuring.p50, 0)} ms, p95 ${fmt(server.editsDuring.p95, 0)} ms, max ${fmt(server.editsDuring.max, 0)} ms (${server.editsDuring.count}).`,
    'JSON: `.bench/workspace-scan.json`.',
  ].join('\n'));
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});
