// Measures edit latency — didChange → diagnostics for that version — on ~5,000-line JS, TS and Python files: Skeptic's server vs the ESLint language server.
// Usage: node scripts/bench/edit-latency.bench.mjs [--edits 200] [--warmup 20] [--only js|ts|py] [--no-eslint] [--profile]
// (build first: node scripts/build.mjs). --profile writes the Skeptic server's CPU profiles to .bench/profiles.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const { values: args } = parseArgs({
  options: {
    edits: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    only: { type: 'string' },
    'no-eslint': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const editCount = Number(args.edits);
const warmupCount = Number(args.warmup);
const serverPath = path.join(root, 'dist', 'server.js');
const eslintServerPath = path.join(root, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');
if (!fs.existsSync(serverPath)) {
  console.error('edit-latency: dist/server.js is missing; run `node scripts/build.mjs` first.');
  process.exit(1);
}

// ---------------------------------------------------------------- deterministic source generators

/** mulberry32: a small seeded PRNG, so every run measures the same files. */
function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const entities = ['invoice', 'customer', 'order', 'shipment', 'payment', 'account', 'session', 'report', 'product', 'coupon', 'ticket', 'webhook'];
const fields = ['region', 'status', 'currency', 'channel', 'plan', 'owner'];
const capital = (s) => s[0].toUpperCase() + s.slice(1);

/**
 * Builds a file from weighted block templates until it reaches `targetLines`. Each template returns its lines and
 * `anchor`, a pattern naming a line inside a function body (mid-body where the body has several lines) to edit at.
 */
function generate(seed, targetLines, header, templates) {
  const random = createRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const lines = [...header];
  const anchors = [];
  const total = templates.reduce((sum, t) => sum + t.weight, 0);
  for (let i = 0; lines.length < targetLines; i++) {
    let roll = random() * total;
    const template = templates.find((t) => (roll -= t.weight) < 0) ?? templates[0];
    const entity = pick(entities);
    const block = template.make({ i, entity, Entity: capital(entity), table: `${entity}s`, field: pick(fields), n: 10 + Math.floor(random() * 90) });
    const at = block.lines.findIndex((l) => block.anchor.test(l));
    if (at >= 0) anchors.push({ line: lines.length + at, text: block.lines[at] });
    lines.push(...block.lines, '');
  }
  return { text: lines.join('\n') + '\n', lines: lines.length + 1, anchors };
}

function javascriptTemplates(typed) {
  const t = (plain, annotated) => (typed ? annotated : plain);
  return [
    { weight: 30, make: ({ i, entity, table }) => ({ anchor: /SELECT/, lines: [
      `router.get('/api/${table}/:id${i}', async (req${t('', ': Request')}, res${t('', ': Response')}, next${t('', ': NextFunction')}) => {`,
      '  try {',
      '    const id = Number.parseInt(req.params.id, 10);',
      '    if (!Number.isInteger(id) || id <= 0) {',
      "      return res.status(400).json({ error: 'invalid id' });",
      '    }',
      `    const { rows } = await pool.query('SELECT * FROM ${table} WHERE id = $1', [id]);`,
      '    if (rows.length === 0) {',
      `      return res.status(404).json({ error: '${entity} not found' });`,
      '    }',
      '    res.json(rows[0]);',
      '  } catch (err) {',
      '    next(err);',
      '  }',
      '});',
    ] }) },
    { weight: 25, make: ({ i, Entity, field, n }) => ({ anchor: /'unknown'/, lines: [
      `export function summarize${Entity}${i}(items${t('', ': LineItem[]')}, options${t('', ': { limit?: number }')} = {})${t('', ': Summary[]')} {`,
      `  const limit = options.limit ?? ${n};`,
      `  const totals = new Map${t('', '<string, number>')}();`,
      '  for (const item of items.slice(0, limit)) {',
      `    const key = item.${field} ?? 'unknown';`,
      '    totals.set(key, (totals.get(key) ?? 0) + item.amount);',
      '  }',
      '  return [...totals.entries()]',
      '    .sort((a, b) => b[1] - a[1])',
      '    .map(([key, amount]) => ({ key, amount: Math.round(amount * 100) / 100 }));',
      '}',
    ] }) },
    { weight: 20, make: ({ i, entity, Entity, table }) => ({ anchor: /SELECT/, lines: [
      `export class ${Entity}Service${i} {`,
      `  ${t('', 'private readonly cache = new Map<number, unknown>();\n  ')}constructor(${t('db', 'private readonly db: Pool')}) {`,
      `    ${t('this.db = db;\n    this.cache = new Map();', 'this.cache.clear();')}`,
      '  }',
      '',
      `  async find(id${t('', ': number')}) {`,
      '    if (this.cache.has(id)) return this.cache.get(id);',
      `    const { rows } = await this.db.query('SELECT * FROM ${table} WHERE id = $1', [id]);`,
      '    this.cache.set(id, rows[0]);',
      '    return rows[0];',
      '  }',
      '',
      `  async rename(id${t('', ': number')}, name${t('', ': string')}) {`,
      `    if (typeof name !== 'string' || name.length > 120) throw new Error('invalid ${entity} name');`,
      `    await this.db.query('UPDATE ${table} SET name = $1 WHERE id = $2', [name, id]);`,
      '    this.cache.delete(id);',
      '  }',
      '}',
    ].flatMap((l) => l.split('\n')) }) },
    { weight: 10, make: ({ i, Entity }) => ({ anchor: /sha256/, lines: [
      `export function fingerprint${Entity}${i}(payload${t('', ': string')}) {`,
      "  const digest = crypto.createHash('sha256').update(payload).digest('hex');",
      '  return digest.slice(0, 16);',
      '}',
    ] }) },
    // Hazards an assistant writes: weak hashing, eval, string-built SQL, shell commands.
    { weight: 5, make: ({ i, Entity }) => ({ anchor: /md5/, lines: [
      `export function hash${Entity}Password${i}(password${t('', ': string')}) {`,
      "  return crypto.createHash('md5').update(password).digest('hex');",
      '}',
    ] }) },
    { weight: 3, make: ({ i, table }) => ({ anchor: /eval\(/, lines: [
      `router.post('/api/${table}/formula${i}', (req${t('', ': Request')}, res${t('', ': Response')}) => {`,
      '  const result = eval(req.body.expression);',
      '  res.json({ result });',
      '});',
    ] }) },
    { weight: 4, make: ({ i, Entity, table }) => ({ anchor: /SELECT/, lines: [
      `export async function find${Entity}ByName${i}(name${t('', ': string')}) {`,
      `  const { rows } = await pool.query("SELECT * FROM ${table} WHERE name = '" + name + "'");`,
      '  return rows;',
      '}',
    ] }) },
    { weight: 3, make: ({ i, Entity }) => ({ anchor: /exec\(/, lines: [
      `export function archive${Entity}${i}(folder${t('', ': string')}) {`,
      '  return new Promise((resolve, reject) => {',
      '    exec(`tar -czf ${folder}.tgz ${folder}`, (err, stdout) => (err ? reject(err) : resolve(stdout)));',
      '  });',
      '}',
    ] }) },
  ];
}

function generateJavaScript() {
  return generate(1, 5000, [
    "'use strict';",
    "const crypto = require('crypto');",
    "const express = require('express');",
    "const { Pool } = require('pg');",
    "const { exec } = require('child_process');",
    '',
    'const router = express.Router();',
    'const pool = new Pool({ connectionString: process.env.DATABASE_URL });',
    '',
  ], javascriptTemplates(false));
}

function generateTypeScript() {
  return generate(2, 5000, [
    "import crypto from 'node:crypto';",
    "import { exec } from 'node:child_process';",
    "import express, { type NextFunction, type Request, type Response } from 'express';",
    "import { Pool } from 'pg';",
    '',
    'interface LineItem { region?: string; status?: string; currency?: string; channel?: string; plan?: string; owner?: string; amount: number }',
    'interface Summary { key: string; amount: number }',
    '',
    'export const router = express.Router();',
    'const pool = new Pool({ connectionString: process.env.DATABASE_URL });',
    '',
  ], javascriptTemplates(true));
}

function generatePython() {
  return generate(3, 5000, [
    'import hashlib',
    'import subprocess',
    '',
    'from flask import Flask, abort, jsonify, request',
    '',
    'from .db import get_db',
    '',
    'app = Flask(__name__)',
    '',
  ], [
    { weight: 30, make: ({ i, entity, table }) => ({ anchor: /SELECT/, lines: [
      `@app.route("/api/${table}/<int:item_id>/v${i}")`,
      `def get_${entity}_${i}(item_id):`,
      '    db = get_db()',
      `    row = db.execute("SELECT * FROM ${table} WHERE id = ?", (item_id,)).fetchone()`,
      '    if row is None:',
      '        abort(404)',
      '    return jsonify(dict(row))',
      '',
    ] }) },
    { weight: 25, make: ({ i, entity, field, n }) => ({ anchor: /"unknown"/, lines: [
      `def summarize_${entity}_${i}(items, limit=${n}):`,
      '    totals = {}',
      '    for item in items[:limit]:',
      `        key = item.get("${field}") or "unknown"`,
      '        totals[key] = totals.get(key, 0) + item["amount"]',
      '    ranked = sorted(totals.items(), key=lambda pair: pair[1], reverse=True)',
      '    return [{"key": key, "amount": round(amount, 2)} for key, amount in ranked]',
      '',
    ] }) },
    { weight: 20, make: ({ i, entity, Entity, table }) => ({ anchor: /SELECT/, lines: [
      `class ${Entity}Repository${i}:`,
      '    def __init__(self, db):',
      '        self.db = db',
      '        self.cache = {}',
      '',
      '    def find(self, item_id):',
      '        if item_id in self.cache:',
      '            return self.cache[item_id]',
      `        row = self.db.execute("SELECT * FROM ${table} WHERE id = ?", (item_id,)).fetchone()`,
      '        self.cache[item_id] = row',
      '        return row',
      '',
      '    def rename(self, item_id, name):',
      '        if not isinstance(name, str) or len(name) > 120:',
      `            raise ValueError("invalid ${entity} name")`,
      `        self.db.execute("UPDATE ${table} SET name = ? WHERE id = ?", (name, item_id))`,
      '        self.cache.pop(item_id, None)',
      '',
    ] }) },
    { weight: 10, make: ({ i, entity }) => ({ anchor: /sha256/, lines: [
      `def fingerprint_${entity}_${i}(payload):`,
      '    digest = hashlib.sha256(payload.encode()).hexdigest()',
      '    return digest[:16]',
      '',
    ] }) },
    { weight: 5, make: ({ i, entity }) => ({ anchor: /md5/, lines: [
      `def hash_${entity}_password_${i}(password):`,
      '    return hashlib.md5(password.encode()).hexdigest()',
      '',
    ] }) },
    { weight: 3, make: ({ i, table }) => ({ anchor: /eval\(/, lines: [
      `@app.post("/api/${table}/formula/${i}")`,
      `def evaluate_formula_${i}():`,
      '    expression = request.get_json()["expression"]',
      '    return jsonify(result=eval(expression))',
      '',
    ] }) },
    { weight: 4, make: ({ i, entity, table }) => ({ anchor: /SELECT/, lines: [
      `def find_${entity}_by_name_${i}(name):`,
      `    return get_db().execute(f"SELECT * FROM ${table} WHERE name = '{name}'").fetchall()`,
      '',
    ] }) },
    { weight: 3, make: ({ i, entity }) => ({ anchor: /subprocess/, lines: [
      `def archive_${entity}_${i}(folder):`,
      '    return subprocess.run(f"tar -czf {folder}.tgz {folder}", shell=True, check=True)',
      '',
    ] }) },
  ]);
}

// ---------------------------------------------------------------- a minimal LSP client

function startServer(command, commandArgs, { cwd, onRequest }) {
  const child = spawn(command, commandArgs, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = [];
  child.stderr.on('data', (c) => stderr.push(String(c)));
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const listeners = new Set();
  connection.onNotification((method, params) => { for (const l of listeners) l(method, params); });
  // vscode-jsonrpc keeps $/logTrace for its own tracer unless a handler for it is registered.
  connection.onNotification('$/logTrace', (params) => { for (const l of listeners) l('$/logTrace', params); });
  const onNotification = (handler) => listeners.add(handler);
  connection.onRequest((method, params) => onRequest(method, params));
  connection.listen();
  return {
    connection,
    stderr,
    onNotification,
    /** Resolves with the first notification satisfying `test`. */
    next(test, what, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { listeners.delete(listener); reject(new Error(`timed out waiting for ${what}\n${stderr.join('')}`)); }, timeoutMs);
        const listener = (method, params) => {
          if (!test(method, params)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(params);
        };
        listeners.add(listener);
      });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch { /* already gone */ }
      setTimeout(() => child.kill(), 1000).unref();
      connection.dispose();
    },
  };
}

const clientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true },
    diagnostic: { dynamicRegistration: false },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
};

async function initialize(server, folder, initializationOptions) {
  const uri = pathToFileURL(folder).toString();
  await server.connection.sendRequest('initialize', {
    processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: path.basename(folder) }], capabilities: clientCapabilities, initializationOptions,
  });
  await server.connection.sendNotification('initialized', {});
}

/**
 * The edit sequence, at anchors spread over the file: insert a statement line above the anchor line then delete it,
 * and type a character into the line (inside its first string, else before its first call) then delete it. Every
 * second edit restores the text, so the file keeps its size.
 */
function planEdits(file, count, language) {
  const step = Math.max(1, Math.floor(file.anchors.length / 8));
  const anchors = file.anchors.filter((_, i) => i % step === 0).slice(0, 8);
  const statement = language === 'python' ? 'audit_stamp = time.time()' : 'const auditStamp = Date.now();';
  const edits = [];
  for (let k = 0; k < count; k++) {
    const pair = Math.floor(k / 2);
    const anchor = anchors[Math.floor(pair / 2) % anchors.length];
    const removing = k % 2 === 1;
    if (pair % 2 === 0) {
      const at = { line: anchor.line, character: 0 };
      const indent = /^\s*/.exec(anchor.text)[0];
      edits.push(removing
        ? { range: { start: at, end: { line: anchor.line + 1, character: 0 } }, text: '' }
        : { range: { start: at, end: at }, text: `${indent}${statement}\n` });
    } else {
      const quote = anchor.text.search(/['"`]/);
      const character = quote >= 0 ? quote + 1 : anchor.text.indexOf('(');
      const at = { line: anchor.line, character };
      edits.push(removing
        ? { range: { start: at, end: { line: anchor.line, character: character + 1 } }, text: '' }
        : { range: { start: at, end: at }, text: 'x' });
    }
  }
  return edits;
}

/**
 * Sends the edits one at a time and times each from didChange to its diagnostics: `published(version)` waits for a
 * push (subscribed before sending), `pull()` asks after sending, as an editor does for pull diagnostics.
 */
async function measure(server, uri, edits, { published, pull }) {
  const samples = [];
  let version = 1;
  for (let k = 0; k < edits.length; k++) {
    version++;
    const started = performance.now();
    const pushed = published?.(version);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edits[k]] });
    await (pushed ?? pull());
    if (k >= warmupCount) samples.push(performance.now() - started);
  }
  return summarize(samples);
}

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1), mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

// ---------------------------------------------------------------- the two servers

async function measureSkeptic(folder, name, file, languageId, language) {
  const profile = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, '.bench', 'profiles')}`] : [];
  const server = startServer(process.execPath, [...profile, '--max-semi-space-size=32', serverPath, '--stdio'], {
    cwd: folder,
    onRequest: (method, params) => (method === 'workspace/configuration' ? params.items.map(() => ({ debounceMs: 0 })) : null),
  });
  try {
    await initialize(server, folder, { workspaceTrusted: true });
    // The server traces each analysis with its CPU time: what it cost, whatever else the machine is doing.
    const cpuByVersion = new Map();
    server.onNotification((method, params) => {
      const match = method === '$/logTrace' && /^analysed \S+ v(\d+) in [\d.]+ ms \(cpu ([\d.]+) ms[,)]/.exec(params.message);
      if (match) cpuByVersion.set(Number(match[1]), Number(match[2]));
    });
    await server.connection.sendNotification('$/setTrace', { value: 'messages' });
    const uri = pathToFileURL(path.join(folder, name)).toString();
    const published = (version) => server.next((m, p) => m === 'textDocument/publishDiagnostics' && p.uri === uri && p.version === version, `skeptic diagnostics v${version}`);
    const opened = published(1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: file.text } });
    const first = await opened;
    const stats = await measure(server, uri, planEdits(file, editCount + warmupCount, language), { published });
    const cpu = summarize([...cpuByVersion].filter(([version]) => version > 1 + warmupCount).map(([, ms]) => ms));
    return { ...stats, cpuP50: cpu.p50, cpuP95: cpu.p95, findings: first.diagnostics.length };
  } finally {
    await server.stop();
  }
}

async function measureEslint(folder, name, file) {
  const folderUri = pathToFileURL(folder).toString();
  const settings = {
    validate: 'on', packageManager: 'npm', useESLintClass: false, useFlatConfig: true, experimental: { useFlatConfig: false },
    codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
    codeActionOnSave: { mode: 'all' }, format: false, quiet: false, onIgnoredFiles: 'off', options: {}, rulesCustomizations: [],
    run: 'onType', problems: { shortenToSingleLine: false }, nodePath: null, workspaceFolder: { name: path.basename(folder), uri: folderUri },
  };
  const server = startServer(process.execPath, [eslintServerPath, '--stdio'], {
    cwd: folder,
    onRequest: (method, params) => (method === 'workspace/configuration' ? params.items.map(() => settings) : null),
  });
  try {
    await initialize(server, folder);
    const uri = pathToFileURL(path.join(folder, name)).toString();
    // The ESLint server answers pull diagnostics: an editor asks right after each change.
    const pull = () => server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: file.text } });
    const first = await pull();
    if (first.items.length === 0) throw new Error(`the ESLint server reported nothing on ${name}; is eslint-plugin-security loaded?\n${server.stderr.join('')}`);
    const stats = await measure(server, uri, planEdits(file, editCount + warmupCount, 'javascript'), { pull });
    return { ...stats, findings: first.items.length };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------- run

const folder = path.join(root, '.bench', 'edit-latency-workspace');
fs.rmSync(folder, { recursive: true, force: true });
fs.mkdirSync(folder, { recursive: true });
// Inside the repository so the ESLint server resolves eslint and eslint-plugin-security from its node_modules.
fs.writeFileSync(path.join(folder, 'eslint.config.mjs'), "import security from 'eslint-plugin-security';\n\nexport default [security.configs.recommended];\n");
const files = [
  { name: 'service.js', languageId: 'javascript', language: 'javascript', file: generateJavaScript(), eslint: true },
  { name: 'service.ts', languageId: 'typescript', language: 'typescript', file: generateTypeScript(), eslint: false },
  { name: 'service.py', languageId: 'python', language: 'python', file: generatePython(), eslint: false },
];
for (const entry of files) fs.writeFileSync(path.join(folder, entry.name), entry.file.text);
const results = [];
for (const entry of files.filter((f) => !args.only || f.name.endsWith(`.${args.only}`))) {
  process.stderr.write(`edit-latency: ${entry.name}…\n`);
  const ours = await measureSkeptic(folder, entry.name, entry.file, entry.languageId, entry.language);
  const eslint = entry.eslint && !args['no-eslint'] ? await measureEslint(folder, entry.name, entry.file) : undefined;
  results.push({ file: entry.name, lines: entry.file.lines, skeptic: ours, eslint });
}

const ms = (x) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);
const rows = results.map((r) => `| ${r.file} | ${r.lines} | ${ms(r.skeptic.p50)} | ${ms(r.skeptic.p95)} | ${ms(r.skeptic.max)} | ${ms(r.skeptic.cpuP50)} / ${ms(r.skeptic.cpuP95)} | ${r.skeptic.findings} | ${ms(r.eslint?.p50)} | ${ms(r.eslint?.p95)} | ${r.eslint?.findings ?? '—'} | ${r.eslint ? `${(r.eslint.p95 / r.skeptic.p95).toFixed(1)}×` : '—'} |`);
const [load1] = os.loadavg();
console.log(`### Edit latency: didChange → diagnostics (${editCount} edits after ${warmupCount} warm-up, debounce 0)

| file | lines | Skeptic p50 | Skeptic p95 | Skeptic max | Skeptic server CPU p50 / p95 | Skeptic findings | ESLint LS p50 | ESLint LS p95 | ESLint findings | ESLint p95 / Skeptic p95 |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Budget: Skeptic p95 ≤ 15 ms. Times are wall-clock in the client, didChange sent → diagnostics for that version received;
server CPU is what the server's process spent on each analysis (from its trace). Machine: ${os.cpus().length} CPUs, load average ${load1.toFixed(1)} at the end.
ESLint LS = vscode-langservers-extracted's ESLint server with eslint-plugin-security (recommended config), timed didChange →
pull-diagnostics response; JavaScript only (no TypeScript parser for ESLint is installed, and ESLint has no Python).`);
const out = path.join(root, '.bench', 'edit-latency.json');
fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), edits: editCount, warmup: warmupCount, results }, null, 2) + '\n');
console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
budgetCheck();

function budgetCheck() {
  const over = results.filter((r) => r.skeptic.p95 > 15);
  if (over.length) console.log(`\nOver budget: ${over.map((r) => `${r.file} p95 ${ms(r.skeptic.p95)}`).join(', ')}`);
}
