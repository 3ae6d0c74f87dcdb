// Measures what the rules cost on top of parsing: parse alone vs parse + every rule on a 5,000-line JavaScript file; prints a markdown table.
// Run after a build (`node scripts/build.mjs`): node scripts/bench/rule-overhead.bench.mjs [--file some.js] [--runs 15]
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const engine = require(path.join(root, 'out', 'server', 'engine'));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const runs = Number(option('--runs', '15'));
const file = option('--file', undefined);

/** One realistic module's worth of code: an Express router, a service with SQL and child processes, DOM helpers, utilities. */
function chunk(n) {
  return `
const router${n} = express.Router();
const CACHE_TTL_${n} = 60 * 1000;

router${n}.get('/items/${n}/:id', async (req, res, next) => {
  try {
    const id = parseInt(req.params.id, 10);
    if (Number.isNaN(id)) return res.status(400).json({ error: 'bad id' });
    const [rows] = await pool.query('SELECT * FROM items WHERE id = ? AND owner = ?', [id, req.user.id]);
    if (!rows.length) return res.sendStatus(404);
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});

router${n}.post('/items/${n}', async (req, res) => {
  const { title, price, tags = [] } = req.body;
  if (typeof title !== 'string' || title.length > 200) return res.status(400).json({ error: 'title' });
  const item = await Item.create({ title, price: Number(price), tags: tags.slice(0, 10), owner: req.user.id });
  res.status(201).json(item);
});

router${n}.get('/search/${n}', async (req, res) => {
  const term = String(req.query.q || '').trim();
  const page = Math.max(1, parseInt(req.query.page, 10) || 1);
  const results = await Item.find({ title: { $regex: escapeRegExp(term), $options: 'i' } }).skip((page - 1) * 20).limit(20);
  res.json({ page, results });
});

class ReportService${n} {
  constructor(db, logger) {
    this.db = db;
    this.logger = logger;
    this.cache = new Map();
  }

  async monthly(year, month) {
    const key = \`\${year}-\${month}\`;
    if (this.cache.has(key)) return this.cache.get(key);
    const rows = await this.db.query(
      'SELECT category, SUM(amount) AS total FROM sales WHERE year = $1 AND month = $2 GROUP BY category',
      [year, month],
    );
    const report = rows.map((r) => ({ category: r.category, total: Number(r.total) }));
    this.cache.set(key, report);
    setTimeout(() => this.cache.delete(key), CACHE_TTL_${n});
    return report;
  }

  async exportCsv(report, dir) {
    const lines = ['category,total', ...report.map((r) => \`\${r.category},\${r.total}\`)];
    const target = path.join(dir, \`report-${n}.csv\`);
    await fs.promises.writeFile(target, lines.join('\\n'));
    this.logger.info(\`wrote \${target}\`);
    return target;
  }

  compress(target) {
    return new Promise((resolve, reject) => {
      execFile('gzip', ['-9', target], (err) => (err ? reject(err) : resolve(target + '.gz')));
    });
  }
}

function formatPrice${n}(cents, currency = 'EUR') {
  const value = (cents / 100).toFixed(2);
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(Number(value));
}

function renderList${n}(container, items) {
  container.textContent = '';
  for (const item of items) {
    const li = document.createElement('li');
    li.className = item.done ? 'done' : 'open';
    li.textContent = item.title;
    container.appendChild(li);
  }
}

function debounce${n}(fn, wait) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn.apply(this, args), wait);
  };
}

function groupBy${n}(list, keyOf) {
  const groups = {};
  for (const entry of list) {
    const k = keyOf(entry);
    (groups[k] = groups[k] || []).push(entry);
  }
  return groups;
}

module.exports.router${n} = router${n};
module.exports.ReportService${n} = ReportService${n};
`;
}

function syntheticFile(lines) {
  const header = `'use strict';
const express = require('express');
const fs = require('fs');
const path = require('path');
const { execFile } = require('child_process');
const { pool } = require('./db');
const Item = require('./models/item');
const escapeRegExp = require('lodash/escapeRegExp');
`;
  let text = header;
  for (let n = 0; text.split('\n').length < lines; n++) text += chunk(n);
  return text.split('\n').slice(0, lines).join('\n') + '\n';
}

const text = file ? fs.readFileSync(file, 'utf8') : syntheticFile(5000);
const language = file ? engine.languageOfPath(file) : 'javascript';
const facts = engine.fileFacts(file ? path.basename(file) : 'src/app.js', language);
const analyzer = engine.createAnalyzer(engine.defaultOptions);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** CPU milliseconds of this process: on a busy machine wall time mostly measures the neighbours. */
function cpu() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

async function timeParse() {
  const wall = performance.now();
  const start = cpu();
  const doc = await engine.ParsedDocument.create(language, text);
  const result = { cpu: cpu() - start, wall: performance.now() - wall };
  doc.dispose();
  return result;
}

async function timeParseAndRules() {
  const wall = performance.now();
  const start = cpu();
  const doc = await engine.ParsedDocument.create(language, text);
  const analysis = analyzer.analyze(doc, facts);
  const result = { cpu: cpu() - start, wall: performance.now() - wall, findings: analysis.findings.length };
  doc.dispose();
  return result;
}

// Warm up: WASM instantiation, JIT.
for (let i = 0; i < 3; i++) { await timeParse(); await timeParseAndRules(); }
const parse = [];
const full = [];
let findings = 0;
for (let i = 0; i < runs; i++) {
  parse.push(await timeParse());
  const r = await timeParseAndRules();
  full.push(r);
  findings = r.findings;
}
const rules = new Set(engine.detectors.filter((d) => d.family === (language === 'python' ? 'python' : 'javascript')).map((d) => d.id)).size;
const input = file ? path.basename(file) : 'synthetic Express app';
const lines = text.split('\n').length - 1;
console.log(`| input | lines | rules | clock | parse (median ms) | parse + rules (median ms) | ratio | findings |`);
console.log(`| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |`);
for (const clock of ['cpu', 'wall']) {
  const p = median(parse.map((r) => r[clock]));
  const f = median(full.map((r) => r[clock]));
  console.log(`| ${input} | ${lines} | ${rules} | ${clock} | ${p.toFixed(1)} | ${f.toFixed(1)} | ${(f / p).toFixed(2)}× | ${findings} |`);
}
