const express = require('express');
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const http = require('http');
const url = require('url');
const unzipper = require('unzipper');

const app = express();
const UPLOADS = path.join(__dirname, 'uploads');

app.get('/download', (req, res) => {
  const file = path.join(UPLOADS, req.query.name);
  // expect: path-traversal
  res.download(file);
});

app.get('/files/:name', (req, res) => {
  // expect: path-traversal
  res.sendFile(path.join(__dirname, 'public', req.params.name));
});

app.get('/api/logs', async (req, res) => {
  // expect: path-traversal
  const text = await fsp.readFile(`./logs/${req.query.date}.log`, 'utf8');
  res.type('text').send(text);
});

app.delete('/avatars/:id', async (req, res) => {
  // expect: path-traversal
  fs.unlinkSync(path.resolve('avatars', req.params.id + '.png'));
  res.sendStatus(204);
});

app.post('/notes', (req, res) => {
  const { title, body } = req.body;
  // expect: path-traversal
  fs.writeFile(path.join('notes', title + '.md'), body, () => res.sendStatus(201));
});

http.createServer((req, res) => {
  const pathname = decodeURIComponent(url.parse(req.url).pathname);
  // expect: path-traversal
  fs.createReadStream(path.join(__dirname, 'static', pathname)).pipe(res);
}).listen(8080);

app.get('/template', (req, res) => {
  const name = req.query.tpl;
  // expect: path-traversal
  const source = fs.readFileSync('templates/' + name, 'utf8');
  res.send(source);
});

app.get('/list', async (req, res) => {
  // expect: path-traversal
  const entries = await fs.promises.readdir(path.join(UPLOADS, req.query.dir || ''));
  res.json(entries);
});

function extract(zipPath, dest) {
  fs.createReadStream(zipPath)
    .pipe(unzipper.Parse())
    .on('entry', (entry) => {
      const target = path.join(dest, entry.path);
      // expect: path-traversal
      entry.pipe(fs.createWriteStream(target));
    });
}

app.get('/export', (req, res) => {
  const out = `exports/${req.query.user}/report.csv`;
  // expect: path-traversal
  fs.mkdirSync(out, { recursive: true });
  res.sendStatus(200);
});

app.post('/rename', (req, res) => {
  // expect: path-traversal
  fs.renameSync(req.body.from, path.join(UPLOADS, 'archive.zip'));
  res.sendStatus(200);
});

app.get('/config', (req, res) => {
  const cfg = req.headers['x-config'];
  // expect: path-traversal
  res.json(JSON.parse(fs.readFileSync(cfg, 'utf8')));
});

// ---- negatives ----

app.get('/download-safe', (req, res) => {
  // ok: path-traversal
  res.download(path.join(UPLOADS, path.basename(req.query.name)));
});

app.get('/public/:name', (req, res) => {
  // ok: path-traversal
  res.sendFile(req.params.name, { root: path.join(__dirname, 'public') });
});

app.get('/checked', async (req, res) => {
  const resolved = path.resolve(UPLOADS, req.query.name);
  if (!resolved.startsWith(UPLOADS + path.sep)) return res.sendStatus(403);
  // ok: path-traversal
  res.send(await fsp.readFile(resolved));
});

app.get('/no-dots', (req, res) => {
  const name = req.query.name;
  if (name.includes('..') || path.isAbsolute(name)) return res.sendStatus(400);
  // ok: path-traversal
  fs.createReadStream(path.join(UPLOADS, name)).pipe(res);
});

function readConfig() {
  // ok: path-traversal
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8'));
}

function loadTemplate(name) {
  // A library function: its callers decide what the name is.
  // ok: path-traversal
  return fs.readFileSync(path.join(__dirname, 'templates', name + '.html'), 'utf8');
}

app.get('/by-id/:id', (req, res) => {
  const id = parseInt(req.params.id, 10);
  // ok: path-traversal
  res.sendFile(path.join(UPLOADS, `${id}.pdf`));
});

const ALLOWED = new Set(['terms', 'privacy']);
app.get('/legal/:doc', (req, res) => {
  const doc = req.params.doc;
  if (!ALLOWED.has(doc)) return res.sendStatus(404);
  // ok: path-traversal
  res.sendFile(path.join(__dirname, 'legal', doc + '.html'));
});

function extractSafe(zipPath, dest) {
  fs.createReadStream(zipPath)
    .pipe(unzipper.Parse())
    .on('entry', (entry) => {
      const target = path.join(dest, entry.path);
      if (!target.startsWith(path.resolve(dest) + path.sep)) return entry.autodrain();
      // ok: path-traversal
      entry.pipe(fs.createWriteStream(target));
    });
}

app.get('/file-by-hash', (req, res) => {
  const name = crypto.createHash('sha256').update(req.query.name).digest('hex');
  // ok: path-traversal
  res.sendFile(path.join(UPLOADS, name));
});

describe('uploads', () => {
  it('reads', () => {
    const req = { query: { name: '../x' } };
    // ok: path-traversal
    fs.readFileSync(path.join(UPLOADS, req.query.name));
  });
});

function writeLog(message) {
  // ok: path-traversal
  fs.appendFileSync(path.join(__dirname, 'app.log'), message + '\n');
}
