// Blind set (more): archive extractors, upload handlers, file-serving helpers in hapi/fastify.
'use strict';
const fs = require('fs');
const path = require('path');
const AdmZip = require('adm-zip');
const multer = require('multer');
const express = require('express');
const fileUpload = require('express-fileupload');

function unzip(archivePath, target) {
  const zip = new AdmZip(archivePath);
  for (const entry of zip.getEntries()) {
    if (entry.isDirectory) continue;
    const outPath = path.join(target, entry.entryName);
    fs.mkdirSync(path.dirname(outPath), { recursive: true });
    // expect: path-traversal
    fs.writeFileSync(outPath, entry.getData());
  }
}

function unzipFixed(archivePath, target) {
  const zip = new AdmZip(archivePath);
  const root = path.resolve(target);
  for (const entry of zip.getEntries()) {
    if (entry.isDirectory) continue;
    const outPath = path.resolve(root, entry.entryName);
    if (!outPath.startsWith(root + path.sep)) continue;
    fs.mkdirSync(path.dirname(outPath), { recursive: true });
    // ok: path-traversal
    fs.writeFileSync(outPath, entry.getData());
  }
}

// unzipper stream entries
function extractStream(stream, dest) {
  stream.on('entry', (entry) => {
    // expect: path-traversal
    entry.pipe(fs.createWriteStream(path.join(dest, entry.path)));
  });
}

function extractStreamFixed(stream, dest) {
  stream.on('entry', (entry) => {
    const filePath = path.join(dest, entry.path);
    if (path.relative(dest, filePath).startsWith('..')) return entry.autodrain();
    // ok: path-traversal
    entry.pipe(fs.createWriteStream(filePath));
  });
}

const storage = multer.diskStorage({
  destination: 'uploads/',
  // expect: path-traversal
  filename: (req, file, cb) => cb(null, file.originalname),
});

const storageFixed = multer.diskStorage({
  destination: 'uploads/',
  // ok: path-traversal
  filename: (req, file, cb) => cb(null, Date.now() + path.extname(path.basename(file.originalname))),
});

const app = express();
app.use(fileUpload());

app.post('/upload', (req, res) => {
  const file = req.files.document;
  // expect: path-traversal
  file.mv(path.join(__dirname, 'uploads', file.name), (err) => res.sendStatus(err ? 500 : 201));
});

app.post('/upload2', (req, res) => {
  const file = req.files.document;
  // ok: path-traversal
  file.mv(path.join(__dirname, 'uploads', path.basename(file.name)), (err) => res.sendStatus(err ? 500 : 201));
});

app.get('/logs', (req, res) => {
  // expect: path-traversal
  fs.createReadStream(req.query.file).pipe(res);
});

// cache helper: key used as a file name
function readCache(cacheDir, key) {
  // todo-expect: path-traversal
  return fs.readFileSync(path.join(cacheDir, key), 'utf8');
}

function readCacheFixed(cacheDir, key) {
  const safeKey = encodeURIComponent(key);
  // ok: path-traversal
  return fs.readFileSync(path.join(cacheDir, safeKey), 'utf8');
}

function hapiRoutes(server) {
  server.route({
    method: 'GET',
    path: '/docs/{name}',
    // expect: path-traversal
    handler: (request, h) => h.file(path.join('docs', request.params.name)),
  });
}

function fastifyRoutes(fastify) {
  fastify.get('/raw/*', async (request, reply) => {
    // expect: path-traversal
    const data = await fs.promises.readFile(path.join(__dirname, 'public', request.params['*']));
    reply.send(data);
  });
}

module.exports = { unzip, unzipFixed, extractStream, extractStreamFixed, storage, storageFixed, app, readCache, readCacheFixed, hapiRoutes, fastifyRoutes };
