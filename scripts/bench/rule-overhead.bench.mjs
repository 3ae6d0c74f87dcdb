// Measures what the rules cost on top of parsing: parse alone vs parse + every rule on 5,000-line JavaScript, TypeScript and Python files; prints a markdown table.
// Run after a build (`node scripts/build.mjs`): node scripts/bench/rule-overhead.bench.mjs [--lang js|ts|py] [--file some.py]… [--runs 15]
// [--per-rule] (also each rule's own cost: parse + that rule alone, minus parse + no rule) [--save DIR] (write the inputs and stop).
// Two floors are measured in the same runs, for reading the ratio: parse + one in-wasm search of the tree for one node type
// (what any rule that looks at the tree pays at least once), and parse + one read of every named node's type
// through web-tree-sitter's JavaScript API (what an analysis that looks at each node once pays).
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
const files = args.flatMap((a, i) => (a === '--file' ? [args[i + 1]] : []));
const only = option('--lang', undefined);
const perRule = args.includes('--per-rule');
const saveDir = option('--save', undefined);

/** One realistic module's worth of JavaScript: an Express router, a service with SQL and child processes, DOM helpers, utilities. */
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

/** The same kind of module in TypeScript: typed handlers, a repository class, a NestJS-style controller. */
function tsChunk(n) {
  return `
interface Item${n} {
  id: number;
  title: string;
  price: number;
  tags: string[];
  owner: string;
}

const router${n} = Router();

router${n}.get('/items/${n}/:id', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const id = Number.parseInt(req.params.id, 10);
    if (Number.isNaN(id)) return res.status(400).json({ error: 'bad id' });
    const rows = await pool.query<Item${n}>('SELECT * FROM items WHERE id = $1 AND owner = $2', [id, req.user?.id]);
    if (!rows.rowCount) return res.sendStatus(404);
    res.json(rows.rows[0]);
  } catch (err) {
    next(err);
  }
});

router${n}.get('/search/${n}', async (req: Request, res: Response) => {
  const term = String(req.query.q ?? '').trim();
  const page = Math.max(1, Number(req.query.page) || 1);
  const results = await repository${n}.search(term, page);
  res.json({ page, results });
});

export class ItemRepository${n} {
  private readonly cache = new Map<string, Item${n}[]>();

  constructor(private readonly db: Pool, private readonly logger: Logger) {}

  async search(term: string, page: number): Promise<Item${n}[]> {
    const key = \`\${term}:\${page}\`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const { rows } = await this.db.query<Item${n}>(
      'SELECT id, title, price FROM items WHERE title ILIKE $1 ORDER BY id LIMIT 20 OFFSET $2',
      [\`%\${term}%\`, (page - 1) * 20],
    );
    this.cache.set(key, rows);
    return rows;
  }

  async archive(ids: readonly number[], dir: string): Promise<string> {
    const target = path.join(dir, \`archive-${n}.json\`);
    const rows = await this.db.query('SELECT * FROM items WHERE id = ANY($1)', [ids]);
    await fs.promises.writeFile(target, JSON.stringify(rows.rows));
    this.logger.info(\`archived \${ids.length} items to \${target}\`);
    return target;
  }
}

@Controller('orders-${n}')
export class OrdersController${n} {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id')
  async find(@Param('id', ParseIntPipe) id: number): Promise<OrderDto> {
    const order = await this.orders.findOne(id);
    if (!order) throw new NotFoundException();
    return order;
  }

  @Post()
  async create(@Body() dto: CreateOrderDto): Promise<OrderDto> {
    return this.orders.create({ ...dto, status: 'new' });
  }
}

export function formatPrice${n}(cents: number, currency = 'EUR'): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
}

export function groupBy${n}<T, K extends string>(list: readonly T[], keyOf: (entry: T) => K): Record<K, T[]> {
  const groups = {} as Record<K, T[]>;
  for (const entry of list) {
    const k = keyOf(entry);
    (groups[k] ??= []).push(entry);
  }
  return groups;
}
`;
}

/** And in Python: Flask views, a service class with SQL and subprocess, helpers. */
function pyChunk(n) {
  return `

@app.route("/items/${n}/<int:item_id>")
def get_item_${n}(item_id):
    row = db.execute("SELECT * FROM items WHERE id = ? AND owner = ?", (item_id, g.user.id)).fetchone()
    if row is None:
        abort(404)
    return jsonify(dict(row))


@app.route("/search/${n}")
def search_${n}():
    term = request.args.get("q", "").strip()
    page = max(1, request.args.get("page", 1, type=int))
    rows = db.execute(
        "SELECT id, title, price FROM items WHERE title LIKE ? ORDER BY id LIMIT 20 OFFSET ?",
        (f"%{term}%", (page - 1) * 20),
    ).fetchall()
    return jsonify(page=page, results=[dict(r) for r in rows])


@app.route("/items/${n}", methods=["POST"])
def create_item_${n}():
    payload = request.get_json(force=True) or {}
    title = str(payload.get("title", ""))[:200]
    if not title:
        return jsonify(error="title"), 400
    item = Item(title=title, price=int(payload.get("price", 0)), owner_id=g.user.id)
    session.add(item)
    session.commit()
    return jsonify(id=item.id), 201


class ReportService${n}:
    def __init__(self, db, logger):
        self.db = db
        self.logger = logger
        self.cache = {}

    def monthly(self, year, month):
        key = f"{year}-{month}"
        if key in self.cache:
            return self.cache[key]
        rows = self.db.execute(
            "SELECT category, SUM(amount) AS total FROM sales WHERE year = %s AND month = %s GROUP BY category",
            (year, month),
        ).fetchall()
        report = [{"category": r[0], "total": float(r[1])} for r in rows]
        self.cache[key] = report
        return report

    def export_csv(self, report, directory):
        target = os.path.join(directory, f"report-${n}.csv")
        with open(target, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["category", "total"])
            for row in report:
                writer.writerow([row["category"], row["total"]])
        self.logger.info("wrote %s", target)
        return target

    def compress(self, target):
        subprocess.run(["gzip", "-9", target], check=True)
        return target + ".gz"


def format_price_${n}(cents, currency="EUR"):
    value = cents / 100
    return f"{value:,.2f} {currency}"


def group_by_${n}(items, key_of):
    groups = {}
    for item in items:
        groups.setdefault(key_of(item), []).append(item)
    return groups
`;
}

const headers = {
  javascript: `'use strict';
const express = require('express');
const fs = require('fs');
const path = require('path');
const { execFile } = require('child_process');
const { pool } = require('./db');
const Item = require('./models/item');
const escapeRegExp = require('lodash/escapeRegExp');
`,
  typescript: `import { Router, type NextFunction, type Request, type Response } from 'express';
import { Body, Controller, Get, NotFoundException, Param, ParseIntPipe, Post } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { pool } from './db';
import { repository } from './repository';
import type { CreateOrderDto, OrderDto, OrdersService } from './orders';
`,
  python: `import csv
import os
import subprocess

from flask import Flask, abort, g, jsonify, request

from .db import db, session
from .models import Item

app = Flask(__name__)
`,
};
const chunks = { javascript: chunk, typescript: tsChunk, python: pyChunk };

/** Whole modules until the file has at least `lines` lines: cutting one in the middle would leave a syntax error, and error recovery can turn the whole tree into one ERROR node. */
function syntheticFile(language, lines) {
  let text = headers[language];
  for (let n = 0; text.split('\n').length < lines; n++) text += chunks[language](n);
  return text;
}

const inputs = files.length
  ? files.map((f) => ({ name: path.basename(f), language: engine.languageOfPath(f), text: fs.readFileSync(f, 'utf8'), path: path.basename(f) }))
  : [['javascript', 'js', 'src/app.js'], ['typescript', 'ts', 'src/app.ts'], ['python', 'py', 'app/views.py']]
      .filter(([, short]) => !only || only === short)
      .map(([language, short, rel]) => ({ name: `synthetic ${short}`, language, text: syntheticFile(language, 5000), path: rel }));
const analyzer = engine.createAnalyzer(engine.defaultOptions);
if (saveDir) {
  fs.mkdirSync(saveDir, { recursive: true });
  for (const input of inputs) fs.writeFileSync(path.join(saveDir, path.basename(input.path)), input.text);
  process.exit(0);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** CPU milliseconds of this process: on a busy machine wall time mostly measures the neighbours. */
function cpu() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

async function timeParse(input) {
  const wall = performance.now();
  const start = cpu();
  const doc = await engine.ParsedDocument.create(input.language, input.text);
  const result = { cpu: cpu() - start, wall: performance.now() - wall };
  doc.dispose();
  return result;
}

async function timeParseAndRules(input, facts, using = analyzer) {
  const wall = performance.now();
  const start = cpu();
  const doc = await engine.ParsedDocument.create(input.language, input.text);
  const analysis = using.analyze(doc, facts);
  const result = { cpu: cpu() - start, wall: performance.now() - wall, findings: analysis.findings.length };
  doc.dispose();
  return result;
}

/** The grammar's named node types, once per language: the floor walk asks for all of them. */
const namedTypes = new Map();
function namedTypesOf(language) {
  let types = namedTypes.get(language);
  if (!types) {
    types = new Set();
    for (let id = 0; id < language.nodeTypeCount; id++) if (language.nodeTypeIsNamed(id) && language.nodeTypeForId(id)) types.add(language.nodeTypeForId(id));
    namedTypes.set(language, (types = [...types]));
  }
  return types;
}

/** Parse, then what the floor `kind` costs: 'search' (one in-wasm search for call nodes) or 'read' (every named node's type, read once). */
async function timeFloor(input, kind) {
  const wall = performance.now();
  const start = cpu();
  const doc = await engine.ParsedDocument.create(input.language, input.text);
  const root = doc.tree.rootNode;
  let seen = 0;
  if (kind === 'search') seen = root.descendantsOfType(input.language === 'python' ? 'call' : 'call_expression').length;
  // typeId, not type: the engine memoises `type` per node object, and the floor should carry no cost of ours.
  else for (const node of root.descendantsOfType(namedTypesOf(doc.tree.language))) seen += node.typeId > 0 ? 1 : 0;
  const result = { cpu: cpu() - start, wall: performance.now() - wall, seen };
  doc.dispose();
  return result;
}

console.log(`| language | input | lines | rules | clock | parse (median ms) | parse + one search | parse + read every node | parse + rules (median ms) | ratio | findings |`);
console.log(`| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const input of inputs) {
  const facts = engine.fileFacts(input.path, input.language);
  const check = await engine.ParsedDocument.create(input.language, input.text);
  const broken = check.tree.rootNode.hasError;
  check.dispose();
  // Rules skip what does not parse: timing them on a broken file would measure less than they do.
  if (broken) throw new Error(`${input.name} has a syntax error: fix the input before timing it`);
  // Warm up: WASM instantiation, JIT.
  for (let i = 0; i < 3; i++) { await timeParse(input); await timeParseAndRules(input, facts); }
  const parse = [];
  const search = [];
  const read = [];
  const full = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    parse.push(await timeParse(input));
    search.push(await timeFloor(input, 'search'));
    read.push(await timeFloor(input, 'read'));
    const r = await timeParseAndRules(input, facts);
    full.push(r);
    findings = r.findings;
  }
  const family = input.language === 'python' ? 'python' : 'javascript';
  const rules = new Set(engine.detectors.filter((d) => d.family === family).map((d) => d.id)).size;
  const lines = input.text.split('\n').length - 1;
  for (const clock of ['cpu', 'wall']) {
    const p = median(parse.map((r) => r[clock]));
    const f = median(full.map((r) => r[clock]));
    const floor = (samples) => { const m = median(samples.map((r) => r[clock])); return `${m.toFixed(1)} (${(m / p).toFixed(2)}×)`; };
    console.log(`| ${input.language} | ${input.name} | ${lines} | ${rules} | ${clock} | ${p.toFixed(1)} | ${floor(search)} | ${floor(read)} | ${f.toFixed(1)} | ${(f / p).toFixed(2)}× | ${findings} |`);
  }
}

/** Each rule alone: an analyzer with every other rule off, against one with every rule off (the engine's own cost). */
async function measurePerRule(input, facts) {
  const family = input.language === 'python' ? 'python' : 'javascript';
  const ids = [...new Set(engine.detectors.filter((d) => d.family === family).map((d) => d.id))];
  const analyzerWith = (on) => engine.createAnalyzer({ ...engine.defaultOptions, rules: Object.fromEntries(ids.filter((id) => id !== on).map((id) => [id, 'off'])) });
  const time = async (using) => {
    for (let i = 0; i < 2; i++) await timeParseAndRules(input, facts, using);
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push((await timeParseAndRules(input, facts, using)).cpu);
    return median(samples);
  };
  const none = await time(analyzerWith(undefined));
  const costs = [];
  for (const id of ids) costs.push([id, (await time(analyzerWith(id))) - none]);
  costs.sort((a, b) => b[1] - a[1]);
  console.log(`\n${input.name}: parse + no rule ${none.toFixed(1)} ms CPU; each rule alone adds (ms CPU):`);
  for (const [id, cost] of costs) console.log(`  ${id.padEnd(28)} ${cost.toFixed(1)}`);
}

if (perRule) for (const input of inputs) await measurePerRule(input, engine.fileFacts(input.path, input.language));
