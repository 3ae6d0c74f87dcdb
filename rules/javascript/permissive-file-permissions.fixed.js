// Fixture for permissive-file-permissions: deploy scripts, an upload service and a key store setting file modes.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const { execSync } = require('child_process');
const shell = require('shelljs');

const UPLOAD_DIR = path.join(__dirname, 'uploads');

// ---- Modes that open files to every local user: reported. ----

// expect: permissive-file-permissions
fs.mkdirSync(UPLOAD_DIR, { recursive: true, mode: 0o755 });

function saveUpload(name, data) {
  const target = path.join(UPLOAD_DIR, path.basename(name));
  fs.writeFileSync(target, data);
  // expect: permissive-file-permissions
  fs.chmodSync(target, 0o755);
}

async function publishReport(file) {
  // expect: permissive-file-permissions
  await fsp.chmod(file, '644');
}

function writeSharedConfig(config) {
  // expect: permissive-file-permissions
  fs.writeFileSync('/etc/myapp/config.json', JSON.stringify(config), { mode: 0o644 });
}

function openLog() {
  // expect: permissive-file-permissions
  return fs.openSync('/var/log/myapp/app.log', 'a', 0o644);
}

function savePrivateKey(privateKeyPem) {
  // expect: permissive-file-permissions
  fs.writeFileSync(path.join(__dirname, 'keys', 'private.pem'), privateKeyPem, { mode: 0o600 });
}

function storeCredentials(creds) {
  // expect: permissive-file-permissions
  fs.writeFile('./credentials.json', JSON.stringify(creds), { mode: 0o600 }, () => {});
}

function fixPermissions() {
  // expect: permissive-file-permissions
  execSync('chmod -R 777 /var/www/app/storage');
}

function makeWritable() {
  // expect: permissive-file-permissions
  execSync('chmod a+w ' + UPLOAD_DIR);
}

// expect: permissive-file-permissions
process.umask(0);

function prepareCache(dir) {
  // expect: permissive-file-permissions
  shell.chmod('-R', 755, dir);
}

function legacyChmod(file) {
  // expect: permissive-file-permissions
  fs.chmod(file, 0o755, () => {});
}

// ---- Owner-only or ordinary modes: quiet. ----

// ok: permissive-file-permissions
fs.mkdirSync(path.join(__dirname, 'cache'), { recursive: true, mode: 0o755 });

function makeExecutable(script) {
  // ok: permissive-file-permissions
  fs.chmodSync(script, 0o755);
}

function saveKeyProperly(privateKeyPem) {
  // ok: permissive-file-permissions
  fs.writeFileSync(path.join(__dirname, 'keys', 'private.pem'), privateKeyPem, { mode: 0o600 });
}

function writeReport(file, body) {
  // ok: permissive-file-permissions
  fs.writeFileSync(file, body, { encoding: 'utf8', mode: 0o644 });
}

function writeText(file, body) {
  // ok: permissive-file-permissions
  fs.writeFileSync(file, body, 'utf8');
}

function sharedGroupDir(dir) {
  // ok: permissive-file-permissions
  fs.mkdirSync(dir, { mode: 0o775 });
}

// A shared drop directory with the sticky bit, like /tmp.
// ok: permissive-file-permissions
fs.mkdirSync('/srv/dropbox', { mode: 0o1777 });

function isWorldWritable(file) {
  // ok: permissive-file-permissions
  return (fs.statSync(file).mode & 0o002) !== 0;
}

function lockDown() {
  // ok: permissive-file-permissions
  execSync('chmod -R 700 /var/www/app/secrets');
}

// ok: permissive-file-permissions
process.umask(0o077);

function applyMode(file, mode) {
  // ok: permissive-file-permissions
  fs.chmodSync(file, mode);
}

describe('uploads', () => {
  it('can be read by the test runner', () => {
    // ok: permissive-file-permissions
    fs.chmodSync('/tmp/fixture.bin', 0o777);
  });
});

module.exports = { saveUpload, publishReport, writeSharedConfig, openLog, savePrivateKey, storeCredentials, fixPermissions, makeWritable, prepareCache, legacyChmod, makeExecutable, saveKeyProperly, writeReport, writeText, sharedGroupDir, isWorldWritable, lockDown, applyMode };
