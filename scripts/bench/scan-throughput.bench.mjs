// Scan throughput of `skeptic scan` against peers on the same files: ESLint + eslint-plugin-security on TypeScript's
// own JavaScript, Bandit on Python's standard library. Wall time (median of --runs), lines/s, peak RSS, findings.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const benchDir = path.join(root, '.bench');
const cli = path.join(root, 'dist', 'cli.js');
const runs = Math.max(1, Number(argValue('--runs') ?? 3));
/** `--quick`: small corpora (TypeScript's .js files under 1 MB, Python's email package) to check the bench itself in seconds. */
const quick = process.argv.includes('--quick');

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

function log(message) {
  process.stderr.write(`scan-throughput: ${message}\n`);
}

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
}

/** Lines as `wc -l` counts them (a final line without a newline counts too): the same figure for every tool. */
function countLines(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.length && !text.endsWith('\n') ? n + 1 : n;
}

function describeFiles(files) {
  let lines = 0;
  let bytes = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8'); // also warms the page cache, so run 1 is not the only cold one
    lines += countLines(text);
    bytes += Buffer.byteLength(text);
  }
  return { fileCount: files.length, lines, bytes };
}

function walk(dir, keep, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) walk(abs, keep, out);
    else if (e.isFile() && keep(abs)) out.push(abs);
  }
  return out;
}

// ---- corpora ----

function prepareTypeScript() {
  const pkg = path.join(benchDir, 'ts', 'node_modules', 'typescript');
  if (!fs.existsSync(path.join(pkg, 'package.json'))) {
    log('installing typescript@5 into .bench/ts (once)');
    const r = run('npm', ['install', '--prefix', path.join(benchDir, 'ts'), '--no-audit', '--no-fund', 'typescript@5'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm install typescript@5 failed');
  }
  const lib = path.join(pkg, 'lib');
  // Only the .js files: the same list goes to every tool (the .d.ts and locale .json files beside them are not analysed by ESLint by default).
  const files = fs.readdirSync(lib).filter((f) => f.endsWith('.js')).sort().map((f) => path.join(lib, f))
    .filter((f) => !quick || fs.statSync(f).size < 2 ** 20);
  const version = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;
  return { name: `typescript@${version} lib/*.js`, dir: lib, files, ...describeFiles(files) };
}

function preparePython() {
  // The Debian interpreter's standard library; Debian ships the regression tests apart (libpython3.x-testsuite),
  // so the whole tree is library code and the same tree serves both throughput and the findings count.
  const candidates = fs.readdirSync('/usr/lib').filter((d) => /^python3\.\d+$/.test(d) && fs.existsSync(path.join('/usr/lib', d, 'os.py')));
  candidates.sort((a, b) => Number(b.split('.')[1]) - Number(a.split('.')[1]));
  if (!candidates.length) return undefined;
  const dir = path.join('/usr/lib', candidates[0], ...(quick ? ['email'] : []));
  const files = walk(dir, (f) => f.endsWith('.py') && !f.includes(`${path.sep}__pycache__${path.sep}`)).sort();
  return { name: `${dir} (${quick ? 'email package' : 'stdlib'}, *.py)`, dir, files, ...describeFiles(files) };
}

// ---- tools ----

function ensureBandit() {
  if (run('bandit', ['--version']).status === 0) return true;
  if (process.getuid?.() === 0) {
    log('installing bandit with apt-get (Debian package `bandit`)');
    let r = run('apt-get', ['install', '-y', '-q', 'bandit'], { stdio: 'inherit' });
    if (r.status !== 0) {
      run('apt-get', ['update', '-q'], { stdio: 'inherit' });
      r = run('apt-get', ['install', '-y', '-q', 'bandit'], { stdio: 'inherit' });
    }
    return r.status === 0;
  }
  log('bandit is missing: install it with `sudo apt-get install bandit`; the Python comparison is left out');
  return false;
}

function writeEslintConfig() {
  // A flat config of its own, so nothing of the project's lint setup leaks in: only the security plugin's recommended rules.
  // It sits in .bench/ because ESLint ignores files outside the folder of its config file (the corpus is .bench/ts/...);
  // `!**/node_modules/` lifts ESLint's default ignore of node_modules.
  const file = path.join(benchDir, 'eslint.config.mjs');
  const plugin = pathToFileURL(require.resolve('eslint-plugin-security')).href;
  fs.writeFileSync(file, [
    `import security from ${JSON.stringify(plugin)};`,
    'export default [',
    "  { ignores: ['!**/node_modules/'] },",
    "  { files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } },",
    '  security.configs.recommended,',
    '];',
    '',
  ].join('\n'));
  return file;
}

/**
 * Peak RSS and CPU time via GNU time (Debian package `time`), else Python's RUSAGE_CHILDREN; both read the kernel's
 * rusage of the child (ru_maxrss, ru_utime + ru_stime). The file gets one line: `maxrssKB userSeconds systemSeconds`.
 */
function usageWrapper(outFile) {
  if (fs.existsSync('/usr/bin/time')) return { how: 'GNU time (/usr/bin/time -f "%M %U %S")', prefix: ['/usr/bin/time', '-f', '%M %U %S', '-o', outFile] };
  if (run('python3', ['-c', 'import resource']).status === 0) {
    const py = 'import resource,subprocess,sys; r=subprocess.run(sys.argv[2:]); u=resource.getrusage(resource.RUSAGE_CHILDREN); open(sys.argv[1],"w").write(f"{u.ru_maxrss} {u.ru_utime} {u.ru_stime}"); sys.exit(r.returncode)';
    return { how: 'python3 resource.getrusage(RUSAGE_CHILDREN)', prefix: ['python3', '-c', py, outFile] };
  }
  return { how: 'unavailable', prefix: [] };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs a command `runs` times; `count(outputFile)` reads the findings from the report it wrote. */
function measure(label, cmd, args, { outputFile, okStatus, count }) {
  const usageFile = path.join(benchDir, 'usage.txt');
  const wrapper = usageWrapper(usageFile);
  const walls = [];
  const rss = [];
  const cpu = [];
  const loads = [];
  let counted;
  for (let i = 0; i < runs; i++) {
    fs.rmSync(outputFile, { force: true });
    const full = [...wrapper.prefix, cmd, ...args];
    const started = process.hrtime.bigint();
    const r = run(full[0], full.slice(1));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!okStatus.includes(r.status)) throw new Error(`${label}: exit ${r.status ?? r.signal}\n${r.stderr.slice(-2000)}`);
    walls.push(seconds);
    loads.push(os.loadavg()[0]);
    if (wrapper.prefix.length) {
      const [kb, user, system] = fs.readFileSync(usageFile, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
      rss.push(kb / 1024);
      cpu.push(user + system);
    }
    counted = count(outputFile);
    log(`${label}: run ${i + 1}/${runs}: ${seconds.toFixed(2)} s wall${cpu.length ? `, ${cpu.at(-1).toFixed(2)} s CPU, ${rss.at(-1).toFixed(0)} MB` : ''}, ${counted.findings} findings, load ${loads.at(-1).toFixed(1)}`);
  }
  return {
    label, command: [cmd, ...args].join(' ').slice(0, 400), wallSeconds: walls, medianSeconds: median(walls), cpuSeconds: cpu,
    medianCpuSeconds: cpu.length ? median(cpu) : null, peakRssMB: rss.length ? median(rss) : null, loadAverage1m: loads, usageMethod: wrapper.how, ...counted,
  };
}

function skeptic(corpus, configFile) {
  const out = path.join(benchDir, 'skeptic-report.json');
  return measure('skeptic', process.execPath, [cli, 'scan', '--jobs', '1', '--config', configFile, '--format', 'json', '--fail-on', 'none', '--output', out, ...corpus.files], {
    outputFile: out,
    okStatus: [0],
    count: (file) => {
      const report = JSON.parse(fs.readFileSync(file, 'utf8'));
      return { findings: report.summary.findings, filesAnalysed: report.summary.files, skipped: report.summary.skipped };
    },
  });
}

function eslint(corpus, configFile) {
  const out = path.join(benchDir, 'eslint-report.json');
  const bin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
  // The files sit under node_modules, which ESLint ignores by default: the config's `!**/node_modules/` lifts that
  // (--no-ignore would not, and would drop that very line). No --cache: cold every run.
  // --no-inline-config: the corpus's own eslint-disable comments (written for other rule sets) neither hide nor add messages.
  return measure('eslint', process.execPath, [bin, '--config', configFile, '--no-inline-config', '--format', 'json', '--output-file', out, ...corpus.files], {
    outputFile: out,
    okStatus: [0, 1],
    count: (file) => {
      const results = JSON.parse(fs.readFileSync(file, 'utf8'));
      const messages = results.flatMap((r) => r.messages);
      const ignored = messages.filter((m) => !m.ruleId && /^File ignored/.test(m.message));
      if (ignored.length) throw new Error(`eslint did not lint every file: ${ignored[0].message}`);
      return { findings: messages.filter((m) => m.ruleId).length, filesAnalysed: results.length, parseErrors: messages.filter((m) => m.fatal).length };
    },
  });
}

function bandit(corpus) {
  const out = path.join(benchDir, 'bandit-report.json');
  return measure('bandit', 'bandit', ['-r', '-q', '-f', 'json', '-o', out, corpus.dir], {
    outputFile: out,
    okStatus: [0, 1], // 1 = issues found
    count: (file) => {
      const report = JSON.parse(fs.readFileSync(file, 'utf8'));
      return { findings: report.results.length, filesAnalysed: Object.keys(report.metrics ?? {}).filter((k) => k !== '_totals').length, parseErrors: report.errors.length };
    },
  });
}

// ---- report ----

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const tableHead = ['| tool | wall s | lines/s (wall) | CPU s | lines/CPU-s | peak RSS MB | findings |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];

function rows(corpus, ours, peer) {
  const na = (v, f) => (v === null || v === undefined ? 'n/a' : f(v));
  const line = (m) => `| ${m.label} | ${fmt(m.medianSeconds, 2)} | ${fmt(corpus.lines / m.medianSeconds)} | ${na(m.medianCpuSeconds, (v) => fmt(v, 2))} | ${na(m.medianCpuSeconds, (v) => fmt(corpus.lines / v))} | ${na(m.peakRssMB, fmt)} | ${fmt(m.findings)} |`;
  const out = [line(ours)];
  if (peer) {
    // Ratios are peer ÷ ours for time (above 1: ours is faster) and ours ÷ peer for memory (above 1: ours uses more).
    const ratio = (a, b) => (a && b ? `${fmt(a / b, 2)}×` : 'n/a');
    out.push(line(peer));
    out.push(`| ${peer.label} ÷ skeptic (time), skeptic ÷ ${peer.label} (memory) | ${ratio(peer.medianSeconds, ours.medianSeconds)} | | ${ratio(peer.medianCpuSeconds, ours.medianCpuSeconds)} | | ${ratio(ours.peakRssMB, peer.peakRssMB)} | ${fmt(ours.findings)} vs ${fmt(peer.findings)} |`);
  }
  return out;
}

function loadRange(result) {
  const loads = Object.values(result.corpora).flatMap((c) => Object.values(c).flatMap((m) => m?.loadAverage1m ?? []));
  return loads.length ? `${fmt(Math.min(...loads), 1)}–${fmt(Math.max(...loads), 1)}` : 'n/a';
}

/** The catalog the scan ran with (rules are being added all the time, so the figure says which). */
function countRules() {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-bench-empty-'));
  try {
    const r = run(process.execPath, [cli, 'scan', '--format', 'sarif', '--fail-on', 'none', empty], { cwd: empty });
    const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules;
    return rules.length;
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
}

function cpuModel() {
  return os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
}

async function main() {
  if (!fs.existsSync(cli)) {
    log('dist/cli.js is missing: building');
    if (run(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root }).status !== 0) process.exit(1);
  }
  fs.mkdirSync(benchDir, { recursive: true });
  // Large bundled files are the point here: lift the default 1 MB limit so nothing is skipped for size.
  const configFile = path.join(benchDir, 'skeptic-bench.yml');
  fs.writeFileSync(configFile, 'maxFileSize: 256MB\n');

  const js = prepareTypeScript();
  const py = preparePython();
  const haveBandit = py ? ensureBandit() : false;
  const eslintConfig = writeEslintConfig();
  const result = {
    date: new Date().toISOString(),
    machine: { cpu: cpuModel(), cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    runs,
    note: 'single-threaded skeptic scan; wall time is the median of the runs, peak RSS the median of the runs\' maxima',
    versions: {
      skeptic: JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version,
      skepticRules: countRules(),
      eslint: JSON.parse(fs.readFileSync(require.resolve('eslint/package.json'), 'utf8')).version,
      'eslint-plugin-security': JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('eslint-plugin-security')), 'package.json'), 'utf8')).version,
      bandit: haveBandit ? run('bandit', ['--version']).stdout.split('\n')[0].trim() : null,
    },
    corpora: {},
  };
  try {
    log(`JavaScript: ${js.fileCount} files, ${fmt(js.lines)} lines`);
    result.corpora.javascript = { corpus: { name: js.name, files: js.fileCount, lines: js.lines, bytes: js.bytes }, skeptic: skeptic(js, configFile), eslint: eslint(js, eslintConfig) };
    if (py) {
      log(`Python: ${py.fileCount} files, ${fmt(py.lines)} lines`);
      result.corpora.python = { corpus: { name: py.name, files: py.fileCount, lines: py.lines, bytes: py.bytes }, skeptic: skeptic(py, configFile), bandit: haveBandit ? bandit(py) : null };
    }
  } finally {
    fs.rmSync(eslintConfig, { force: true });
  }
  fs.writeFileSync(path.join(benchDir, 'scan-throughput.json'), JSON.stringify(result, null, 2) + '\n');

  const md = [
    '## Scan throughput',
    '',
    `${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.memoryGB} GB, Node ${result.machine.node}; median of ${runs} run${runs === 1 ? '' : 's'}; skeptic scans on one thread.`,
    `CPU time and peak RSS by ${usageWrapper('x').how}; 1-minute load average during the runs: ${loadRange(result)} on ${result.machine.cores} cores (above the core count, wall times are inflated by other work and CPU time is the steadier figure).`,
    `Findings: skeptic's active findings (${result.versions.skepticRules} rules in the catalog); ESLint messages from eslint-plugin-security ${result.versions['eslint-plugin-security']} (recommended) on ESLint ${result.versions.eslint}; ${result.versions.bandit ?? 'bandit (not run)'} results at every severity.`,
    '',
  ];
  const c = result.corpora.javascript;
  md.push(`### JavaScript: ${c.corpus.name}: ${fmt(c.corpus.files)} files, ${fmt(c.corpus.lines)} lines, ${fmt(c.corpus.bytes / 2 ** 20, 1)} MB`, '',
    ...tableHead, ...rows(c.corpus, c.skeptic, c.eslint), '');
  if (c.eslint.parseErrors) md.push(`ESLint could not parse ${c.eslint.parseErrors} file(s).`, '');
  if (c.skeptic.skipped) md.push(`skeptic skipped ${c.skeptic.skipped} file(s).`, '');
  const p = result.corpora.python;
  if (p) {
    md.push(`### Python: ${p.corpus.name}: ${fmt(p.corpus.files)} files, ${fmt(p.corpus.lines)} lines, ${fmt(p.corpus.bytes / 2 ** 20, 1)} MB`, '',
      ...tableHead, ...rows(p.corpus, p.skeptic, p.bandit ?? undefined), '');
    if (p.bandit?.parseErrors) md.push(`Bandit could not parse ${p.bandit.parseErrors} file(s).`, '');
    if (p.skeptic.skipped) md.push(`skeptic skipped ${p.skeptic.skipped} file(s).`, '');
  } else {
    md.push('### Python: no Debian standard library under /usr/lib/python3.*: left out.', '');
  }
  md.push('JSON: `.bench/scan-throughput.json`.');
  console.log(md.join('\n'));
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});
