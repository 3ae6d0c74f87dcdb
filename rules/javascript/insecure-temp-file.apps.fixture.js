#!/usr/bin/env node
'use strict';
// bin/backup.js: a CLI that dumps a database, writes keys and parses an XML manifest.
const fs = require('fs');
const os = require('os');
const path = require('path');
const libxmljs = require('libxmljs');

// Vulnerable: predictable temp file name.
function dumpPath() {
  // todo-expect: insecure-temp-file
  return path.join(os.tmpdir(), 'backup-' + process.pid + '.sql');
}
// expect: insecure-temp-file
fs.writeFileSync('/tmp/backup.sql', '');

// Fixed: mkdtemp.
function dumpPathSafe() {
  // ok: insecure-temp-file
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-'));
  return path.join(dir, 'dump.sql');
}

// Vulnerable: world-writable output and readable private key.
function saveKey(keyPem, file) {
  // expect: permissive-file-permissions
  fs.writeFileSync(file, keyPem, { mode: 0o666 });
  // expect: permissive-file-permissions
  fs.chmodSync(path.dirname(file), 0o777);
}
// Fixed.
function saveKeySafe(keyPem, file) {
  // ok: permissive-file-permissions
  fs.writeFileSync(file, keyPem, { mode: 0o600 });
}

// Vulnerable: XML manifest parsed with entity expansion.
function readManifest(xml) {
  // expect: xxe
  return libxmljs.parseXml(xml, { noent: true, dtdload: true });
}
// Fixed.
function readManifestSafe(xml) {
  // ok: xxe
  return libxmljs.parseXml(xml, { noent: false, nonet: true });
}

if (require.main === module) {
  console.log(dumpPath(), dumpPathSafe());
  saveKey(fs.readFileSync(process.argv[2], 'utf8'), process.argv[3]);
  saveKeySafe('', process.argv[3]);
  readManifest(fs.readFileSync(process.argv[4], 'utf8'));
  readManifestSafe('');
}
