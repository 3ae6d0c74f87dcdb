// Fixture for insecure-temp-file: an image service, a report exporter and CLI helpers writing scratch files.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';

// ---- Predictable names directly in the shared temp directory: reported. ----

export function saveThumbnail(buffer: Buffer): string {
  // expect: insecure-temp-file
  fs.writeFileSync('/tmp/thumbnail.png', buffer, { flag: 'wx', mode: 0o600 });
  return '/tmp/thumbnail.png';
}

export async function exportReport(csv: string): Promise<string> {
  // expect: insecure-temp-file
  const file = path.join(os.tmpdir(), 'report.csv');
  await fsp.writeFile(file, csv, { flag: 'wx', mode: 0o600 });
  return file;
}

export function stageUpload(data: Buffer): string {
  // expect: insecure-temp-file
  const tmpPath = `/tmp/upload-${Date.now()}.bin`;
  fs.writeFileSync(tmpPath, data, { flag: 'wx', mode: 0o600 });
  return tmpPath;
}

export function writePidFile(): void {
  // expect: insecure-temp-file
  fs.writeFileSync(path.join(os.tmpdir(), `worker-${process.pid}.pid`), String(process.pid), { flag: 'wx', mode: 0o600 });
}

export function openScratch(): fs.WriteStream {
  // expect: insecure-temp-file
  return fs.createWriteStream(os.tmpdir() + '/scratch.log');
}

export function cacheResponse(body: string): void {
  // expect: insecure-temp-file
  fs.appendFileSync('/var/tmp/api-cache.json', body, { flag: 'ax', mode: 0o600 });
}

export function writeScript(source: string): string {
  // expect: insecure-temp-file
  const scriptPath = path.join('/tmp', 'generated.sh');
  fs.writeFileSync(scriptPath, source, { mode: 0o700 });
  return scriptPath;
}

export function randomishName(pdf: Buffer): string {
  // expect: insecure-temp-file
  const out = `/tmp/invoice-${Math.random().toString(36).slice(2)}.pdf`;
  fs.writeFileSync(out, pdf, { flag: 'wx', mode: 0o600 });
  return out;
}

export function dumpState(state: object): void {
  // expect: insecure-temp-file
  const fd = fs.openSync(path.join(os.tmpdir(), 'state.json'), 'w');
  fs.writeSync(fd, JSON.stringify(state));
  fs.closeSync(fd);
}

export function copyToTmp(source: string): void {
  // expect: insecure-temp-file
  fs.copyFileSync(source, '/tmp/latest-backup.tar.gz');
}

// ---- Private directories, unpredictable names, exclusive creation: quiet. ----

export function saveInPrivateDir(buffer: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumbs-'));
  const file = path.join(dir, 'thumbnail.png');
  // ok: insecure-temp-file
  fs.writeFileSync(file, buffer);
  return file;
}

export function randomName(data: Buffer): string {
  const file = path.join(os.tmpdir(), `upload-${crypto.randomUUID()}.bin`);
  // ok: insecure-temp-file
  fs.writeFileSync(file, data);
  return file;
}

export function exclusive(data: string): void {
  // ok: insecure-temp-file
  fs.writeFileSync('/tmp/app.lock', data, { flag: 'wx' });
}

export function exclusiveOpen(): number {
  // ok: insecure-temp-file
  return fs.openSync(path.join(os.tmpdir(), 'app.lock'), 'wx');
}

export function readFromTmp(): string {
  // ok: insecure-temp-file
  return fs.readFileSync('/tmp/input.txt', 'utf8');
}

export function projectOutput(html: string): void {
  // ok: insecure-temp-file
  fs.writeFileSync(path.join(process.cwd(), 'dist', 'index.html'), html);
}

export function nested(data: string, jobDir: string): void {
  // ok: insecure-temp-file
  fs.writeFileSync(path.join(jobDir, 'result.json'), data);
}

export async function inMkdtemp(data: string): Promise<void> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'job-'));
  // ok: insecure-temp-file
  await fsp.writeFile(`${dir}/result.json`, data);
}

export function underAppDir(data: string): void {
  // ok: insecure-temp-file
  fs.writeFileSync('/tmp/myapp/cache/data.json', data);
}

export function callerChosen(file: string, data: string): void {
  // ok: insecure-temp-file
  fs.writeFileSync(file, data);
}

describe('thumbnails', () => {
  it('writes a fixture', () => {
    // ok: insecure-temp-file
    fs.writeFileSync('/tmp/fixture.png', Buffer.alloc(1));
  });
});

declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => void): void;
