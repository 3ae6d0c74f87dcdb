// Blind set: predictable temporary files.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

function writeTemp(data) {
  // expect: insecure-temp-file
  const file = '/tmp/upload-' + Date.now() + '.dat';
  fs.writeFileSync(file, data);
  return file;
}

function writeTempFixed(data) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-'));
  // ok: insecure-temp-file
  const file = path.join(dir, 'data.dat');
  fs.writeFileSync(file, data, { mode: 0o600 });
  return file;
}

function lockFile(name) {
  // expect: insecure-temp-file
  fs.writeFileSync(path.join(os.tmpdir(), name + '.lock'), String(process.pid));
}

function scratch() {
  // expect: insecure-temp-file
  return fs.createWriteStream(`${os.tmpdir()}/scratch.txt`);
}

module.exports = { writeTemp, writeTempFixed, lockFile, scratch };
