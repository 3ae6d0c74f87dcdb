// Real-world shapes of path traversal (static servers, downloads, uploads, Lambda, Koa, helpers, zip slip) each followed by its fix.
const express = require('express');
const fs = require('fs');
const path = require('path');
const http = require('http');
const url = require('url');

const app = express();
const UPLOADS = path.join(__dirname, 'uploads');

// 1. A download route joining the name onto the uploads folder.
app.get('/download/:file', (req, res) => {
  // expect: path-traversal
  res.sendFile(path.join(__dirname, 'uploads', req.params.file));
});
app.get('/download-fixed/:file', (req, res) => {
  // ok: path-traversal
  res.sendFile(req.params.file, { root: UPLOADS });
});

// 2. A hand-written static server (the shape of many npm CVEs).
http.createServer((req, res) => {
  const pathname = decodeURIComponent(url.parse(req.url).pathname);
  const filePath = path.join(__dirname, 'public', pathname);
  // expect: path-traversal
  fs.createReadStream(filePath).pipe(res);
}).listen(8080);
http.createServer((req, res) => {
  const pathname = decodeURIComponent(url.parse(req.url).pathname);
  const root = path.join(__dirname, 'public');
  const filePath = path.resolve(root, '.' + pathname);
  if (!filePath.startsWith(root + path.sep)) {
    res.statusCode = 403;
    return res.end();
  }
  // ok: path-traversal
  fs.createReadStream(filePath).pipe(res);
}).listen(8081);

// 3. A local helper reads the file; the request's path reaches it through the helper's parameter.
function readAsset(root, name) {
  return fs.readFileSync(path.join(root, name));
}
http.createServer((req, res) => {
  // expect: path-traversal
  res.end(readAsset(__dirname, req.url.slice(1)));
}).listen(8082);
function readAssetFixed(root, name) {
  return fs.readFileSync(path.join(root, path.basename(name)));
}
http.createServer((req, res) => {
  // ok: path-traversal
  res.end(readAssetFixed(__dirname, req.url.slice(1)));
}).listen(8083);

// 4. Template literal path from the query string, read with the promise API.
app.get('/docs', async (req, res) => {
  // expect: path-traversal
  const text = await fs.promises.readFile(`./docs/${req.query.page}.md`, 'utf8');
  res.type('text/plain').send(text);
});
app.get('/docs-fixed', async (req, res) => {
  const page = path.basename(String(req.query.page));
  // ok: path-traversal
  const text = await fs.promises.readFile(`./docs/${page}.md`, 'utf8');
  res.type('text/plain').send(text);
});

// 5. Deleting a user's avatar by a body field.
app.post('/avatar/delete', (req, res) => {
  const target = path.join(UPLOADS, req.body.filename);
  // expect: path-traversal
  fs.unlinkSync(target);
  res.sendStatus(204);
});

// 6. AWS Lambda reading a template by a path parameter.
exports.handler = async (event) => {
  const name = event.pathParameters.name;
  // expect: path-traversal
  const body = fs.readFileSync(path.resolve('/var/task/templates', name), 'utf8');
  return { statusCode: 200, body };
};
exports.handlerFixed = async (event) => {
  const name = event.pathParameters.name;
  if (!/^[\w-]+\.html$/.test(name)) return { statusCode: 400 };
  // ok: path-traversal
  const body = fs.readFileSync(path.resolve('/var/task/templates', name), 'utf8');
  return { statusCode: 200, body };
};

// 7. Koa route parameter.
async function koaFile(ctx) {
  // expect: path-traversal
  ctx.body = fs.createReadStream(path.join(UPLOADS, ctx.params.name));
}

// 8. Zip slip: entry names decide where files land.
function extract(zip, dest) {
  zip.on('entry', (entry) => {
    // expect: path-traversal
    entry.pipe(fs.createWriteStream(path.join(dest, entry.path)));
  });
}
function extractFixed(zip, dest) {
  zip.on('entry', (entry) => {
    const target = path.resolve(dest, entry.path);
    if (!target.startsWith(path.resolve(dest) + path.sep)) return entry.autodrain();
    // ok: path-traversal
    entry.pipe(fs.createWriteStream(target));
  });
}

// 9. A config loader reading the file its caller names: quiet (the caller decides).
function loadConfig(file) {
  // ok: path-traversal
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}


// 10. Static middleware in a library: the fix strips leading "../" after normalizing.
function serveStatic(root) {
  return (req, res, next) => {
    const file = path.join(root, decodeURIComponent(req.path));
    // expect: path-traversal
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) return next();
      // expect: path-traversal
      fs.createReadStream(file).pipe(res);
    });
  };
}
function serveStaticFixed(root) {
  return (req, res, next) => {
    const safe = path.normalize(decodeURIComponent(req.path)).replace(/^(\.\.(\/|\\|$))+/, '');
    const file = path.join(root, safe);
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) return next();
      // ok: path-traversal
      fs.createReadStream(file).pipe(res);
    });
  };
}

// 11. Containment by indexOf, the check older servers use.
app.get('/files/*', (req, res) => {
  const file = path.resolve(UPLOADS, req.params[0]);
  if (file.indexOf(UPLOADS) !== 0) return res.sendStatus(403);
  // ok: path-traversal
  fs.readFile(file, (err, data) => res.end(data));
});

// 12. Next.js API route reading a post by slug, then a fix refusing dots and slashes.
async function postApi(req, res) {
  const { slug } = req.query;
  // expect: path-traversal
  const markdown = fs.readFileSync(path.join(process.cwd(), 'posts', `${slug}.md`), 'utf8');
  res.status(200).json({ markdown });
}
async function postApiFixed(req, res) {
  const { slug } = req.query;
  if (typeof slug !== 'string' || slug.includes('..') || slug.includes('/')) return res.status(400).end();
  // ok: path-traversal
  const markdown = fs.readFileSync(path.join(process.cwd(), 'posts', `${slug}.md`), 'utf8');
  res.status(200).json({ markdown });
}

// 13. A multer upload moved to a name the client chose.
app.post('/upload', (req, res) => {
  // expect: path-traversal
  fs.renameSync(req.file.path, path.join(UPLOADS, req.body.name));
  res.sendStatus(201);
});
app.post('/upload-fixed', (req, res) => {
  // ok: path-traversal
  fs.renameSync(req.file.path, path.join(UPLOADS, path.basename(req.body.name)));
  res.sendStatus(201);
});
module.exports = { serveStatic, serveStaticFixed, postApi, postApiFixed, koaFile, extract, extractFixed, loadConfig };
