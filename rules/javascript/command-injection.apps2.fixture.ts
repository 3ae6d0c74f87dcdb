// src/git.ts and src/media.ts of a TypeScript library (async wrappers, promisified exec, shelljs, execa).
import { exec as execCb, execFile as execFileCb, spawnSync } from 'child_process';
import { promisify } from 'util';
import shell from 'shelljs';
import { execa, execaCommand } from 'execa';

const exec = promisify(execCb);
const execFile = promisify(execFileCb);

export interface LogOptions { format?: string; since?: string; cwd?: string }

// Vulnerable: option fields interpolated into a git command.
export async function gitLog(opts: LogOptions = {}) {
  const format = opts.format ?? '%H %s';
  // expect: command-injection
  const { stdout } = await exec(`git log --pretty=format:"${format}" --since="${opts.since ?? '1 week ago'}"`, { cwd: opts.cwd });
  return stdout.split('\n');
}

// Fixed: argument array.
export async function gitLogSafe(opts: LogOptions = {}) {
  const format = opts.format ?? '%H %s';
  // ok: command-injection
  const { stdout } = await execFile('git', ['log', `--pretty=format:${format}`, `--since=${opts.since ?? '1 week ago'}`], { cwd: opts.cwd });
  return stdout.split('\n');
}

// Vulnerable: shelljs with a branch name.
export function checkout(branch: string) {
  // expect: command-injection
  return shell.exec('git checkout ' + branch, { silent: true }).code === 0;
}

// Vulnerable: execaCommand parses the string (no shell, but the argument split is the caller's).
export async function probe(file: string) {
  // expect: command-injection
  return execa('ffprobe -v quiet -print_format json -show_format ' + file, { shell: true });
}

// Fixed.
export async function probeSafe(file: string) {
  // ok: command-injection
  return execa('ffprobe', ['-v', 'quiet', '-print_format', 'json', '-show_format', file]);
}

// Vulnerable: sh -c with a built string.
export function archive(dir: string, out: string) {
  // expect: command-injection
  return spawnSync('sh', ['-c', `tar czf ${out} ${dir}`]);
}

// Fixed.
export function archiveSafe(dir: string, out: string) {
  // ok: command-injection
  return spawnSync('tar', ['czf', out, dir]);
}

// Vulnerable: kill a port (kill-port style).
export async function killPort(port: string | number) {
  // expect: command-injection
  return exec(`lsof -i tcp:${port} | grep LISTEN | awk '{print $2}' | xargs kill -9`);
}

// Fixed: port validated as a number.
export async function killPortSafe(port: string | number) {
  const p = Number.parseInt(String(port), 10);
  if (!Number.isInteger(p)) throw new TypeError('port must be a number');
  // ok: command-injection
  return exec(`lsof -i tcp:${p} | grep LISTEN | awk '{print $2}' | xargs kill -9`);
}

export { execaCommand };
