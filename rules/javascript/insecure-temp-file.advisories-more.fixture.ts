// Blind set (more): predictable names in os.tmpdir(), fixed names in /tmp.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function dumpReport(id: string, report: string): string {
  // expect: insecure-temp-file
  const file = path.join(os.tmpdir(), `report-${id}.html`);
  fs.writeFileSync(file, report);
  return file;
}

export function dumpReportFixed(report: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
  // ok: insecure-temp-file
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, report);
  return file;
}

export function pidFile() {
  // expect: insecure-temp-file
  fs.writeFileSync('/tmp/myapp.pid', String(process.pid));
}
