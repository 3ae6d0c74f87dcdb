// Real-world shapes for insecure-temp-file: predictable names in the shared temp directory, and mkdtemp / exclusive-create fixes.
const fs = require('fs');
const os = require('os');
const path = require('path');

function writeReport(data) {
  // expect: insecure-temp-file
  const file = path.join(os.tmpdir(), 'report.csv');
  fs.writeFileSync(file, data);
  return file;
}

function writeReportFixed(data) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
  // ok: insecure-temp-file
  const file = path.join(dir, 'report.csv');
  fs.writeFileSync(file, data);
  return file;
}

async function downloadTo(url, name) {
  // expect: insecure-temp-file
  const dest = `/tmp/${name}`;
  const res = await fetch(url);
  await fs.promises.writeFile(dest, Buffer.from(await res.arrayBuffer()));
  return dest;
}

function lockFile(pid) {
  // expect: insecure-temp-file
  fs.writeFileSync(path.join(os.tmpdir(), `app-${process.pid}.lock`), String(pid));
}

function lockFileFixed(pid) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-'));
  // ok: insecure-temp-file
  fs.writeFileSync(path.join(dir, 'app.lock'), String(pid), { flag: 'wx', mode: 0o600 });
}

function scratch(content) {
  // expect: insecure-temp-file
  const tmpPath = os.tmpdir() + '/upload-' + Date.now() + '.tmp';
  fs.writeFileSync(tmpPath, content);
  return tmpPath;
}

function scratchExclusive(content) {
  const tmpPath = path.join(os.tmpdir(), 'upload-' + require('crypto').randomBytes(16).toString('hex'));
  // ok: insecure-temp-file
  fs.writeFileSync(tmpPath, content, { flag: 'wx', mode: 0o600 });
  return tmpPath;
}

// A CLI cache under a fixed directory in /tmp, created if missing (an attacker can create it first).
function cachePut(key, value) {
  // expect: insecure-temp-file
  const cacheDir = path.join(os.tmpdir(), 'mytool-cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(path.join(cacheDir, key), value);
}

function cachePutFixed(key, value) {
  // ok: insecure-temp-file
  const cacheDir = path.join(os.homedir(), '.cache', 'mytool');
  fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(cacheDir, key), value);
}

function writeScript(body) {
  // expect: insecure-temp-file
  fs.writeFileSync('/tmp/deploy.sh', body, { mode: 0o755 });
}

module.exports = { writeReport, writeReportFixed, downloadTo, lockFile, lockFileFixed, scratch, scratchExclusive };
