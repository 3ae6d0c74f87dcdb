// Blind set: path traversal in static file servers, archive extraction and download helpers.
'use strict';
const fs = require('fs');
const path = require('path');
const http = require('http');
const url = require('url');
const express = require('express');

// tiny static server (vulnerable release)
function createStaticServer(root) {
  return http.createServer((req, res) => {
    const pathname = decodeURIComponent(url.parse(req.url).pathname);
    // todo-expect: path-traversal
    const filePath = path.join(root, pathname);
    // expect: path-traversal
    fs.readFile(filePath, (err, data) => {
      if (err) { res.statusCode = 404; return res.end('Not found'); }
      res.end(data);
    });
  });
}

// fixed release: resolved path must stay under root
function createStaticServerFixed(root) {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    const pathname = decodeURIComponent(url.parse(req.url).pathname);
    const filePath = path.resolve(base, '.' + pathname);
    if (!filePath.startsWith(base + path.sep)) { res.statusCode = 403; return res.end('Forbidden'); }
    // ok: path-traversal
    fs.readFile(filePath, (err, data) => {
      if (err) { res.statusCode = 404; return res.end('Not found'); }
      res.end(data);
    });
  });
}

// static middleware serving req.url directly
function serveStatic(dir) {
  return function (req, res, next) {
    // expect: path-traversal
    const stream = fs.createReadStream(dir + req.url);
    stream.on('error', () => next());
    stream.pipe(res);
  };
}

function serveStaticFixed(dir) {
  return function (req, res, next) {
    const safe = path.normalize(req.url).replace(/^(\.\.(\/|\\|$))+/, '');
    // ok: path-traversal
    const stream = fs.createReadStream(path.join(dir, safe));
    stream.on('error', () => next());
    stream.pipe(res);
  };
}

// zip extraction (zip slip)
function extractEntries(zipfile, outDir) {
  zipfile.on('entry', (entry) => {
    // todo-expect: path-traversal
    const dest = path.join(outDir, entry.fileName);
    zipfile.openReadStream(entry, (err, readStream) => {
      if (err) throw err;
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      // expect: path-traversal
      readStream.pipe(fs.createWriteStream(dest));
    });
  });
}

function extractEntriesFixed(zipfile, outDir) {
  const root = path.resolve(outDir);
  zipfile.on('entry', (entry) => {
    const dest = path.resolve(root, entry.fileName);
    if (!dest.startsWith(root + path.sep)) throw new Error(`Entry outside target: ${entry.fileName}`);
    zipfile.openReadStream(entry, (err, readStream) => {
      if (err) throw err;
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      // ok: path-traversal
      readStream.pipe(fs.createWriteStream(dest));
    });
  });
}

// tar-like extraction with header.name
function writeEntry(header, stream, cwd) {
  // todo-expect: path-traversal
  const target = path.resolve(cwd, header.name);
  // expect: path-traversal
  stream.pipe(fs.createWriteStream(target));
}

// download helper: file name from the server's Content-Disposition
function saveDownload(res, dir) {
  const disposition = res.headers['content-disposition'] || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  const name = match ? match[1] : 'download.bin';
  // todo-expect: path-traversal
  res.pipe(fs.createWriteStream(path.join(dir, name)));
}

function saveDownloadFixed(res, dir) {
  const disposition = res.headers['content-disposition'] || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  const name = path.basename(match ? match[1] : 'download.bin');
  // ok: path-traversal
  res.pipe(fs.createWriteStream(path.join(dir, name)));
}

const app = express();
const UPLOADS = path.join(__dirname, 'uploads');

app.get('/files/:name', (req, res) => {
  // expect: path-traversal
  res.sendFile(path.join(UPLOADS, req.params.name));
});

app.get('/files2/:name', (req, res) => {
  // ok: path-traversal
  res.sendFile(path.basename(req.params.name), { root: UPLOADS });
});

app.get('/template', (req, res) => {
  // expect: path-traversal
  const html = fs.readFileSync('./templates/' + req.query.name + '.html', 'utf8');
  res.send(html);
});

const TEMPLATES = new Set(['welcome', 'reset']);
app.get('/template2', (req, res) => {
  if (!TEMPLATES.has(req.query.name)) return res.sendStatus(404);
  // ok: path-traversal
  const html = fs.readFileSync('./templates/' + req.query.name + '.html', 'utf8');
  res.send(html);
});

app.delete('/avatar', (req, res) => {
  // expect: path-traversal
  fs.unlink(path.join(UPLOADS, 'avatars', req.body.file), () => res.sendStatus(204));
});

app.get('/download', (req, res) => {
  // expect: path-traversal
  res.download(req.query.file);
});

module.exports = { createStaticServer, createStaticServerFixed, serveStatic, serveStaticFixed, extractEntries, extractEntriesFixed, writeEntry, saveDownload, saveDownloadFixed, app };
