// Blind set: command injection in TypeScript helpers (ESM, async/await, promisified exec).
import { exec as execCb, execFile as execFileCb } from 'node:child_process';
import { promisify } from 'node:util';
import * as shell from 'shelljs';

const exec = promisify(execCb);
const execFile = promisify(execFileCb);

export interface CheckoutOptions {
  cwd: string;
  branch: string;
  remote?: string;
}

export async function checkout(opts: CheckoutOptions): Promise<void> {
  // expect: command-injection
  await exec(`git fetch ${opts.remote ?? 'origin'} ${opts.branch} && git checkout ${opts.branch}`, { cwd: opts.cwd });
}

export async function checkoutFixed(opts: CheckoutOptions): Promise<void> {
  // ok: command-injection
  await execFile('git', ['fetch', opts.remote ?? 'origin', opts.branch], { cwd: opts.cwd });
  // ok: command-injection
  await execFile('git', ['checkout', opts.branch], { cwd: opts.cwd });
}

export async function diskUsage(dir: string): Promise<number> {
  // expect: command-injection
  const { stdout } = await exec('du -sk ' + dir);
  return parseInt(stdout, 10);
}

export async function diskUsageFixed(dir: string): Promise<number> {
  // ok: command-injection
  const { stdout } = await execFile('du', ['-sk', dir]);
  return parseInt(stdout, 10);
}

export function killPort(port: string | number): void {
  // expect: command-injection
  shell.exec(`lsof -ti tcp:${port} | xargs kill -9`);
}

export function killPortFixed(port: string | number): void {
  const p = Number(port);
  if (!Number.isInteger(p) || p <= 0 || p > 65535) throw new Error('invalid port');
  // ok: command-injection
  shell.exec(`lsof -ti tcp:${p} | xargs kill -9`);
}

export async function compress(files: string[], archive: string): Promise<void> {
  const list = files.map((f) => `"${f}"`).join(' ');
  // expect: command-injection
  await exec(`tar -czf ${archive} ${list}`);
}

export async function compressFixed(files: string[], archive: string): Promise<void> {
  // ok: command-injection
  await execFile('tar', ['-czf', archive, '--', ...files]);
}
