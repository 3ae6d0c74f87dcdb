'use strict';
// Fixes as real patches wrote them, next to their vulnerable versions: static middleware, download helpers, extractors.
const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const PUBLIC = path.resolve(__dirname, 'public');

// Vulnerable: serve-static-like middleware with a normalize that keeps "..".
app.use('/static', (req, res, next) => {
  const file = path.normalize(path.join(PUBLIC, req.path));
  // expect: path-traversal
  fs.createReadStream(file).on('error', next).pipe(res);
});

// Fixed: strip leading ../ segments after normalizing (the patch of several static servers).
app.use('/static2', (req, res, next) => {
  const safe = path.normalize(req.path).replace(/^(\.\.(\/|\\|$))+/, '');
  // ok: path-traversal
  fs.createReadStream(path.join(PUBLIC, safe)).on('error', next).pipe(res);
});

// Fixed: refuse ".." before joining.
app.get('/files/:name', (req, res) => {
  if (req.params.name.includes('..')) return res.sendStatus(400);
  // ok: path-traversal
  res.sendFile(path.join(PUBLIC, req.params.name));
});

// Fixed: path.relative check.
app.get('/assets/*', (req, res) => {
  const target = path.resolve(PUBLIC, req.params[0]);
  const rel = path.relative(PUBLIC, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return res.sendStatus(403);
  // ok: path-traversal
  fs.readFile(target, (err, buf) => (err ? res.sendStatus(404) : res.send(buf)));
});

// Vulnerable: async/await readFile with a template path.
app.get('/lang/:code', async (req, res) => {
  // expect: path-traversal
  const json = await fs.promises.readFile(`${__dirname}/locales/${req.params.code}.json`, 'utf8');
  res.type('json').send(json);
});

// Fixed: allow-listed locale.
const LOCALES = new Set(['en', 'fr', 'de']);
app.get('/lang2/:code', async (req, res) => {
  if (!LOCALES.has(req.params.code)) return res.sendStatus(404);
  // ok: path-traversal
  const json = await fs.promises.readFile(`${__dirname}/locales/${req.params.code}.json`, 'utf8');
  res.type('json').send(json);
});

// Vulnerable: library download helper: writes to dest + the server-provided file name (Content-Disposition).
async function download(url, dest) {
  const res = await fetch(url);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') || '')?.[1] || 'download';
  // expect: path-traversal
  await fs.promises.writeFile(path.join(dest, name), Buffer.from(await res.arrayBuffer()));
}

// Vulnerable: unzipper entries streamed to disk.
const unzipper = require('unzipper');
function unpack(zipPath, outDir) {
  return fs.createReadStream(zipPath).pipe(unzipper.Parse()).on('entry', (entry) => {
    // expect: path-traversal
    entry.pipe(fs.createWriteStream(path.join(outDir, entry.path)));
  });
}

// Fixed: entries checked against the output directory.
function unpackSafe(zipPath, outDir) {
  const root = path.resolve(outDir);
  return fs.createReadStream(zipPath).pipe(unzipper.Parse()).on('entry', (entry) => {
    const dest = path.resolve(root, entry.path);
    if (!dest.startsWith(root + path.sep)) return entry.autodrain();
    // ok: path-traversal
    entry.pipe(fs.createWriteStream(dest));
  });
}

// Fixed: basename of the served name.
async function downloadSafe(url, dest) {
  const res = await fetch(url);
  const name = path.basename(/filename="([^"]+)"/.exec(res.headers.get('content-disposition') || '')?.[1] || 'download');
  // ok: path-traversal
  await fs.promises.writeFile(path.join(dest, name), Buffer.from(await res.arrayBuffer()));
}

module.exports = { app, download, downloadSafe, unpack, unpackSafe };
