'use strict';
// server.js: static file server, download and upload routes, and an archive extractor.
const http = require('http');
const fs = require('fs');
const path = require('path');
const express = require('express');
const AdmZip = require('adm-zip');

const ROOT = path.join(__dirname, 'public');

// Vulnerable: plain http static server joining the URL onto the root.
http.createServer((req, res) => {
  const filePath = path.join(ROOT, decodeURIComponent(req.url));
  // expect: path-traversal
  fs.readFile(filePath, (err, data) => {
    if (err) { res.statusCode = 404; return res.end('not found'); }
    res.end(data);
  });
}).listen(8080);

// Fixed: resolve and check the prefix.
http.createServer((req, res) => {
  const filePath = path.resolve(ROOT, '.' + decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!filePath.startsWith(ROOT + path.sep)) { res.statusCode = 403; return res.end(); }
  // ok: path-traversal
  fs.readFile(filePath, (err, data) => {
    if (err) { res.statusCode = 404; return res.end('not found'); }
    res.end(data);
  });
}).listen(8081);

const app = express();

// Vulnerable: download route of a training app.
app.get('/download', (req, res) => {
  const file = req.query.file;
  // expect: path-traversal
  res.download(path.join(__dirname, 'uploads', file));
});

// Fixed: basename only.
app.get('/download2', (req, res) => {
  const file = path.basename(String(req.query.file));
  // ok: path-traversal
  res.download(path.join(__dirname, 'uploads', file));
});

// Vulnerable: sendFile with a route parameter and a root of '/'.
app.get('/docs/:name', (req, res) => {
  // expect: path-traversal
  res.sendFile(__dirname + '/docs/' + req.params.name);
});

// Fixed: sendFile with root option (express rejects ..).
app.get('/docs2/:name', (req, res) => {
  // ok: path-traversal
  res.sendFile(req.params.name, { root: path.join(__dirname, 'docs') });
});

// Vulnerable: upload writes to a name from the client.
app.post('/upload', express.raw({ type: '*/*' }), async (req, res) => {
  const name = req.headers['x-filename'];
  // expect: path-traversal
  await fs.promises.writeFile(path.join(__dirname, 'uploads', name), req.body);
  res.sendStatus(201);
});

// Vulnerable: deleting a user's avatar by name.
app.delete('/avatar', (req, res) => {
  // expect: path-traversal
  fs.unlinkSync('./avatars/' + req.body.avatar);
  res.sendStatus(204);
});

// Vulnerable: zip-slip, entry names joined onto the target.
function extract(zipFile, target) {
  const zip = new AdmZip(zipFile);
  for (const entry of zip.getEntries()) {
    const dest = path.join(target, entry.entryName);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    // expect: path-traversal
    fs.writeFileSync(dest, entry.getData());
  }
}

// Fixed: each destination must stay under target.
function extractSafe(zipFile, target) {
  const zip = new AdmZip(zipFile);
  const base = path.resolve(target);
  for (const entry of zip.getEntries()) {
    const dest = path.resolve(base, entry.entryName);
    if (!dest.startsWith(base + path.sep)) throw new Error('illegal entry: ' + entry.entryName);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    // ok: path-traversal
    fs.writeFileSync(dest, entry.getData());
  }
}

// Vulnerable: tar-like extractor with a stream per entry (library code).
function writeEntry(outDir, header, stream) {
  // expect: path-traversal
  const out = fs.createWriteStream(path.join(outDir, header.name));
  stream.pipe(out);
}

// Not a hazard: a CLI loading the template its own user names crosses no trust boundary.
function loadTemplate(name) {
  // ok: path-traversal
  return fs.readFileSync(path.join(__dirname, 'templates', name + '.hbs'), 'utf8');
}
if (require.main === module) console.log(loadTemplate(process.argv[2]));

module.exports = { app, extract, extractSafe, writeEntry, loadTemplate };
