// Owns the CLI tests' sandbox: throw-away projects on disk and runs of the real bundled `dist/cli.js` inside them.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The bundle users run (`bin.skeptic`); built by `node scripts/build.mjs` before the tests. */
export const cliPath = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Project {
  readonly root: string;
  /** Writes a file (folders made as needed); returns its absolute path. */
  write(relativePath: string, content: string | Buffer): string;
  read(relativePath: string): string;
  /** Runs `node dist/cli.js ...args` with the working folder at the project root, or `cwd` below it. */
  run(args: readonly string[], cwd?: string): CliRun;
  /** Runs the CLI with `--format json` added and parses what it printed. */
  runJson(args: readonly string[], cwd?: string): { run: CliRun; report: JsonReport };
  git(args: readonly string[]): string;
  remove(): void;
}

export interface JsonFinding {
  path: string;
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  cwe: string[];
  message: string;
  fix?: { title: string; edits: unknown[]; preservesBehaviour: boolean };
  suppression?: { reason: string };
}

export interface JsonReport {
  tool: string;
  version: string;
  findings: JsonFinding[];
  suppressed: JsonFinding[];
  skipped: { path: string; reason: string }[];
  summary: { files: number; lines: number; findings: number; suppressed: number; skipped: number; baselined?: number };
}

/** Creates a project under the system temp folder; with `git`, it is a repository (`git init`), as .gitignore handling expects. */
export function createProject(files: Readonly<Record<string, string | Buffer>>, options: { git?: boolean } = {}): Project {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-cli-')));
  const project: Project = {
    root,
    write(relativePath, content) {
      const abs = path.join(root, relativePath);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
      return abs;
    },
    read: (relativePath) => fs.readFileSync(path.join(root, relativePath), 'utf8'),
    run(args, cwd = '.') {
      const r = spawnSync(process.execPath, [cliPath, ...args], {
        cwd: path.join(root, cwd),
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      if (r.error) throw r.error;
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    runJson(args, cwd) {
      const run = project.run([...args, '--format', 'json'], cwd);
      let report: JsonReport;
      try {
        report = JSON.parse(run.stdout) as JsonReport;
      } catch {
        throw new Error(`the CLI printed no JSON (exit ${run.status}).\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
      }
      return { run, report };
    },
    git(args) {
      const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
      return r.stdout;
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
  if (options.git) project.git(['init', '--quiet']);
  for (const [file, content] of Object.entries(files)) project.write(file, content);
  return project;
}

/** A module an assistant might write: password hashing with a broken digest, which `weak-hash` reports on the createHash line. */
export function passwordModule(algorithm = 'md5', functionName = 'hashPassword'): string {
  return [
    "const crypto = require('crypto');",
    '',
    `function ${functionName}(password) {`,
    `  return crypto.createHash('${algorithm}').update(password).digest('hex');`,
    '}',
    '',
    `module.exports = { ${functionName} };`,
    '',
  ].join('\n');
}

/** Line (1-based) and column (1-based) of the algorithm string in `passwordModule`. */
export const passwordModuleFinding = { line: 4, column: 28 } as const;

/** A module with nothing to report. */
export function cleanModule(name = 'add'): string {
  return `function ${name}(a, b) {\n  return a + b;\n}\n\nmodule.exports = { ${name} };\n`;
}

/** The sorted paths (forward slashes) of files with a finding, active or suppressed. */
export function pathsWithFindings(report: JsonReport): string[] {
  return [...new Set([...report.findings, ...report.suppressed].map((f) => f.path))].sort();
}
