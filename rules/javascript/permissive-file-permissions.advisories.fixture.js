// Blind set: world-writable and over-readable modes.
'use strict';
const fs = require('fs');

function saveKey(keyPath, pem) {
  // expect: permissive-file-permissions
  fs.writeFileSync(keyPath, pem, { mode: 0o644 });
}

function saveKeyFixed(keyPath, pem) {
  // ok: permissive-file-permissions
  fs.writeFileSync(keyPath, pem, { mode: 0o600 });
}

function prepareUploads(dir) {
  // expect: permissive-file-permissions
  fs.mkdirSync(dir, { recursive: true, mode: 0o777 });
}

function prepareUploadsFixed(dir) {
  // ok: permissive-file-permissions
  fs.mkdirSync(dir, { recursive: true, mode: 0o750 });
}

function makeExecutable(file) {
  // expect: permissive-file-permissions
  fs.chmodSync(file, 0o777);
}

function makeExecutableFixed(file) {
  // ok: permissive-file-permissions
  fs.chmodSync(file, 0o755);
}

function shareSocket(sock) {
  // expect: permissive-file-permissions
  fs.chmod(sock, '666', () => {});
}

module.exports = { saveKey, saveKeyFixed, prepareUploads, prepareUploadsFixed, makeExecutable, makeExecutableFixed, shareSocket };
