// `skeptic`: the command-line face of the engine. Parses arguments, scans files one at a time, prints text, JSON or SARIF.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import {
  ConfigError, configFileName, defaultCacheFolder, formatProblem, knownRuleIds, mergeOptions, metas, PackageChecks, parseConfig, severityAtLeast,
  type PackageCheckSettings, type Severity,
} from '../engine';
import { runDependencyPass } from './dependency-checks';
import { acceptedByBaseline, baselineEntries, BaselineError, formatBaseline, readBaseline } from './baseline';
import { changedLinesSince, DiffError, isChangedLine, type ChangedLines } from './diff';
import { ledgerSuppressions, runProvenance } from './provenance';
import { fingerprintsOf, formatJson, formatSarif, formatText, type FileReport, type ScanReport } from './report';
import { defaultJobs, scanAll } from './scan-pool';
import { collectFiles } from '../engine/walk';

declare const SKEPTIC_VERSION: string | undefined;
const version = typeof SKEPTIC_VERSION === 'string' ? SKEPTIC_VERSION : '0.0.0-dev';

const usage = `Usage: skeptic scan [paths...] [options]
       skeptic provenance [paths...] [--format text|json]

scan: scans JavaScript, TypeScript and Python files for security problems.
provenance: lists the AI-suggested (and pasted) blocks the team ledger .skeptic/provenance/ records, found again in
the files on disk: file, lines, origin, when, review state and the findings inside each (exit code 0).

Options:
  --format <text|json|sarif>   output format (default: text)
  --output <file>              write the report to a file instead of standard output
  --fail-on <error|warning|info|none>
                               exit 1 when a finding reaches this severity (default: error)
  --config <file>              project configuration (default: the nearest ${configFileName} above the working folder)
  --no-gitignore               scan files that .gitignore excludes
  --diff <git-rev>             report only findings on lines added or changed since the revision,
                               untracked files included (for pull requests)
  --baseline <file>            leave out findings the baseline accepted; fail only on new ones
  --write-baseline <file>      write today's findings to a baseline file (the report is still printed)
  --jobs <n>                   files scanned in parallel (default: the number of cores; 1 = no worker threads)
  --check-registry             rule unknown-package: ask the npm registry and PyPI whether imported and declared
                               packages exist (sends package names; popular ones are never sent)
  --check-vulnerabilities      rule vulnerable-dependency: ask the OSV database about declared packages' locked or
                               pinned versions (sends names and versions); answers of both are cached in
                               ${'$'}XDG_CACHE_HOME/skeptic or the OS cache folder
  --npm-registry <url>         npm registry for --check-registry (default: https://registry.npmjs.org)
  --pypi-url <url>             PyPI JSON API for --check-registry (default: https://pypi.org)
  --osv-url <url>              OSV API for --check-vulnerabilities (default: https://api.osv.dev)
  -q, --quiet                  no progress bar on standard error
  -h, --help                   show this help
  -v, --version                show the version

Exit codes: 0 no finding at the --fail-on level, 1 findings at or above it, 2 a usage or configuration error.`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        'fail-on': { type: 'string', default: 'error' },
        config: { type: 'string' },
        'no-gitignore': { type: 'boolean', default: false },
        diff: { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        jobs: { type: 'string' },
        'check-registry': { type: 'boolean', default: false },
        'check-vulnerabilities': { type: 'boolean', default: false },
        'npm-registry': { type: 'string' },
        'pypi-url': { type: 'string' },
        'osv-url': { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) { process.stdout.write(usage + '\n'); return 0; }
  if (values.version) { process.stdout.write(version + '\n'); return 0; }
  const [command, ...targets] = positionals;
  if (command === 'provenance') return runProvenance(targets, values.format ?? 'text');
  if (command !== 'scan') return usageError(command ? `unknown command \`${command}\`` : 'missing command');
  try {
    const format = values.format ?? 'text';
    if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, got \`${format}\``);
    const failOn = values['fail-on'] ?? 'error';
    if (!['error', 'warning', 'info', 'none'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning, info or none, got \`${failOn}\``);
    for (const t of targets) if (!fs.existsSync(t)) throw new UsageError(`no such file or folder: ${t}`);
    const configFile = values.config ? path.resolve(values.config) : findConfig(process.cwd());
    if (values.config && !fs.existsSync(configFile!)) throw new UsageError(`no such configuration file: ${values.config}`);
    const root = configFile ? path.dirname(configFile) : process.cwd();
    let projectOptions = {};
    if (configFile) {
      const { options, problems } = parseConfig(fs.readFileSync(configFile, 'utf8'), path.relative(process.cwd(), configFile) || configFile, knownRuleIds);
      if (problems.length) throw new ConfigError(problems);
      projectOptions = options;
    }
    const jobsText = values.jobs;
    if (jobsText !== undefined && !/^[1-9]\d{0,3}$/.test(jobsText)) throw new UsageError(`--jobs must be a whole number from 1, got \`${jobsText}\``);
    const jobs = jobsText ? Number(jobsText) : defaultJobs();
    if (values.baseline && !fs.existsSync(values.baseline)) throw new UsageError(`no such baseline file: ${values.baseline}`);
    const accepted = values.baseline ? readBaseline(values.baseline) : undefined;
    const changed: ChangedLines | undefined = values.diff !== undefined ? changedLinesSince(values.diff, process.cwd()) : undefined;
    const options = mergeOptions(projectOptions);
    const packageSettings = packageSettingsOf(values);
    const checks = packageSettings && new PackageChecks({ cacheFolder: defaultCacheFolder(), log: (line) => process.stderr.write(`skeptic: dependency checks: ${line}\n`) });
    const packageAnswers = packageSettings && checks ? { settings: packageSettings, answers: checks.exportAnswers() } : undefined;
    const files = collectFiles(targets.length ? targets : ['.'], { root, ignoreGlobs: options.ignore, useGitignore: !values['no-gitignore'] })
      .filter((file) => !changed || changed.has(file)); // --diff: a file without new lines cannot have a new finding
    const tasks = files.map((file) => ({ file, display: path.relative(process.cwd(), file).split(path.sep).join('/') || file }));
    const progress = !values.quiet && process.stderr.isTTY === true ? createProgress(tasks.length) : undefined;
    const firstResults = await scanAll(tasks, options, jobs, progress?.update, packageAnswers);
    progress?.finish();
    const { results, tasks: reportedTasks } = await runDependencyPass(tasks, firstResults, options, packageSettings, checks,
      (again, packages) => scanAll(again, options, jobs, undefined, packages), (line) => process.stderr.write(`${line}\n`));
    const reports: FileReport[] = [];
    const baselineSource: FileReport[] = [];
    const skipped: { path: string; reason: string }[] = [];
    let lines = 0;
    let scanned = 0;
    let baselined = 0;
    // Suppressions an assistant wrote count only once a person confirmed them, as in the editor (team ledger only).
    const ledger = ledgerSuppressions(process.cwd());
    results.forEach((raw, i) => {
      if (!raw) return;
      if (raw.kind === 'skipped') { skipped.push({ path: raw.path, reason: raw.reason }); return; }
      const outcome = ledger && raw.findings.length ? { ...raw, findings: ledger(reportedTasks[i].file, raw.text, raw.findings) } : raw;
      scanned++;
      lines += outcome.lines;
      for (const failure of outcome.failures) process.stderr.write(`skeptic: rule ${failure.ruleId} failed on ${outcome.path}: ${failure.error}\n`);
      if (!outcome.findings.length) return;
      const whole: FileReport = { path: outcome.path, findings: outcome.findings, text: outcome.text };
      const fingerprints = fingerprintsOf(whole);
      const inBaseline = accepted && values.baseline ? acceptedByBaseline(whole, values.baseline, accepted) : undefined;
      const keep = outcome.findings.map((f, k) => {
        if (changed && !isChangedLine(changed, reportedTasks[i].file, f.range.start.line + 1)) return false;
        if (inBaseline?.[k]) { if (!f.suppression) baselined++; return false; }
        return true;
      });
      const kept: FileReport = { ...whole, findings: outcome.findings.filter((_f, k) => keep[k]), fingerprints: fingerprints.filter((_p, k) => keep[k]) };
      // The baseline records what this run would report without one: --diff narrows it, an older baseline does not.
      baselineSource.push(changed ? { ...whole, findings: outcome.findings.filter((f) => isChangedLine(changed, reportedTasks[i].file, f.range.start.line + 1)) } : whole);
      if (kept.findings.length) reports.push(kept);
    });
    if (values['write-baseline']) writeFile('--write-baseline', values['write-baseline'], formatBaseline(baselineEntries(baselineSource, values['write-baseline'])));
    const report: ScanReport = { files: reports, skipped, filesScanned: scanned, lines, toolVersion: version, rules: metas, ...(accepted ? { baselined } : {}) };
    const text = format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report, readDocs) : formatText(report, !values.output && process.stdout.isTTY === true);
    if (values.output) writeFile('--output', values.output, text);
    else process.stdout.write(text);
    if (failOn === 'none') return 0;
    const failing = reports.some((r) => r.findings.some((f) => !f.suppression && severityAtLeast(f.severity, failOn as Severity)));
    return failing ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof BaselineError || error instanceof DiffError) return usageError(error.message);
    if (error instanceof ConfigError) {
      for (const p of error.problems) process.stderr.write(`skeptic: configuration error: ${formatProblem(p)}\n`);
      return 2;
    }
    throw error;
  }
}

/** `--check-registry` / `--check-vulnerabilities` and their endpoints, or undefined when neither is asked for. */
function packageSettingsOf(values: Record<string, string | boolean | undefined>): PackageCheckSettings | undefined {
  const endpoint = (flag: string, fallback: string): string => {
    const value = values[flag];
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+/i.test(value)) throw new UsageError(`--${flag} must be an http:// or https:// URL, got \`${String(value)}\``);
    return value.replace(/\/+$/, '');
  };
  const settings = {
    checkRegistry: values['check-registry'] === true,
    checkVulnerabilities: values['check-vulnerabilities'] === true,
    npmRegistry: endpoint('npm-registry', 'https://registry.npmjs.org'),
    pypiUrl: endpoint('pypi-url', 'https://pypi.org'),
    osvUrl: endpoint('osv-url', 'https://api.osv.dev'),
  };
  return settings.checkRegistry || settings.checkVulnerabilities ? settings : undefined;
}

function usageError(message: string): number {
  process.stderr.write(`skeptic: ${message}\nRun \`skeptic --help\` for usage.\n`);
  return 2;
}

function writeFile(flag: string, file: string, text: string): void {
  try {
    fs.writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`cannot write ${flag} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A one-line bar redrawn in place on standard error; only for terminals, so it never lands in a report or a log. */
function createProgress(total: number): { update: (done: number) => void; finish: () => void } {
  let shown = -1;
  const draw = (done: number): void => {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} files`);
  };
  return {
    update: (done) => {
      const percent = total ? Math.floor((done * 100) / total) : 100;
      if (percent !== shown) { shown = percent; draw(done); }
    },
    finish: () => { if (shown >= 0) process.stderr.write('\r\x1b[K'); },
  };
}

function findConfig(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, configFileName);
    if (fs.existsSync(candidate)) return candidate;
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}

function readDocs(id: string): string | undefined {
  for (const dir of [path.join(__dirname, 'docs'), path.join(__dirname, '..', '..', '..', 'rules', 'docs')]) {
    try {
      return fs.readFileSync(path.join(dir, `${id}.md`), 'utf8');
    } catch { /* try the next place */ }
  }
  return undefined;
}

if (isMainThread && require.main === module) {
  // `skeptic scan | head`: the reader leaving early is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => {
    process.stderr.write(`skeptic: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  });
}
