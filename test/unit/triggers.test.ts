// Proves rule triggers never hide a finding: every fixture and fixed file (whole and cut up) and every probe, analysed with and without triggers, and with and without anchoring the visitors at trigger matches, must report the same.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer, defaultOptions, DependencyIndex, detectors, fileFacts, languageOfPath, metas, ParsedDocument, type Detector, type Finding, type LanguageId } from '../../server/engine';

const repo = path.resolve(__dirname, '..', '..', '..');
const rulesDir = path.join(repo, 'rules');

const withTriggers = new Analyzer(metas, detectors, defaultOptions);
const withoutTriggers = new Analyzer(metas, detectors.map((d): Detector => ({ ...d, triggers: undefined })), defaultOptions);
/** Triggers gate the units, but every rule's visitors see every node of their types (`Detector.anchored` off). */
const withoutAnchors = new Analyzer(metas, detectors.map((d): Detector => ({ ...d, anchored: undefined, anchors: undefined })), defaultOptions);

/** Everything a finding says, in a form `deepEqual` can compare and a failure message can show. */
function describeFindings(findings: readonly Finding[]): string[] {
  return findings.map((f) => {
    const { start, end } = f.range;
    const fix = f.fix ? ` fix ${JSON.stringify(f.fix)}` : '';
    return `${start.line + 1}:${start.character}-${end.line + 1}:${end.character} ${f.ruleId} ${f.severity}/${f.confidence} ${f.message}${fix}`;
  });
}

async function compare(label: string, language: LanguageId, text: string, relPath = label): Promise<string[]> {
  const manifestDir = path.join(repo, relPath.replace(/\.(fixture|fixed)\.[a-z]+$/, '.manifest'));
  const project = fs.existsSync(manifestDir) ? new DependencyIndex().projectOf(path.join(manifestDir, path.basename(relPath)), language, manifestDir)?.facts : undefined;
  const facts = { ...fileFacts(relPath, language), ...(project ? { project } : {}) };
  const document = await ParsedDocument.create(language, text);
  try {
    const gated = withTriggers.analyze(document, facts);
    const walked = withoutAnchors.analyze(document, facts);
    const full = withoutTriggers.analyze(document, facts);
    assert.deepEqual(walked.failures.map((f) => f.ruleId), full.failures.map((f) => f.ruleId), `${label}: the same rules fail`);
    assert.deepEqual(gated.failures.map((f) => f.ruleId), walked.failures.map((f) => f.ruleId), `${label}: the same rules fail with anchoring`);
    const expected = describeFindings(full.findings);
    assert.deepEqual(describeFindings(walked.findings), expected, `${label}: a trigger hid a finding (or showed one)`);
    assert.deepEqual(describeFindings(gated.findings), expected, `${label}: anchoring at trigger matches hid a finding (or showed one)`);
    return expected;
  } finally {
    document.dispose();
  }
}

/** The bodies of a pattern's lookbehind groups, `(?<=…)` and `(?<!…)`, outermost first. */
function lookbehinds(source: string): string[] {
  const found: string[] = [];
  const open: { start: number; behind: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') open.push({ start: i, behind: source.startsWith('(?<=', i) || source.startsWith('(?<!', i) });
    else if (c === ')') {
      const group = open.pop();
      if (group?.behind) found.push(source.slice(group.start, i + 1));
    }
  }
  return found;
}

describe('rule triggers', () => {
  it('every detector trigger is a plain RegExp or { text, imports } without global state', () => {
    const problems: string[] = [];
    for (const d of detectors) {
      const t = typeof d.triggers === 'function' ? d.triggers({ text: '', bindings: [] }) : d.triggers;
      if (!t) continue;
      const patterns = t instanceof RegExp ? [t] : [t.text, ...(t.imports ? [t.imports] : [])];
      if (!patterns.every((p) => p instanceof RegExp)) problems.push(`${d.family}/${d.id}: triggers must be RegExps`);
      if (patterns.some((p) => p.global || p.sticky)) problems.push(`${d.family}/${d.id}: a global or sticky trigger keeps state between tests`);
      if (d.anchors && !(d.anchors instanceof RegExp)) problems.push(`${d.family}/${d.id}: anchors must be a RegExp`);
    }
    assert.deepEqual(problems, []);
  });

  it('no trigger looks behind across a lazy any-text (backtracks over the whole file at every candidate: minutes on a bundle full of comments)', () => {
    const problems: string[] = [];
    for (const d of detectors) {
      const t = typeof d.triggers === 'function' ? d.triggers({ text: '', bindings: [] }) : d.triggers;
      if (!t) continue;
      for (const p of t instanceof RegExp ? [t] : [t.text, ...(t.imports ? [t.imports] : [])]) {
        for (const behind of lookbehinds(p.source)) if (/\[\^\]\*\?|\.\*\?/.test(behind)) problems.push(`${d.family}/${d.id}: ${behind.slice(0, 120)}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  for (const family of ['javascript', 'python']) {
    const dir = path.join(rulesDir, family);
    const files = fs.readdirSync(dir).filter((f) => /\.(fixture|fixed)\.[a-z]+$/.test(f)).sort();
    for (const name of files) {
      // Whole, and cut up: without its imports, and each statement alone, so a trigger that leans on words from
      // elsewhere in the file (a module named only in an import, a constant declared above) shows.
      it(`report the same on rules/${family}/${name}, whole and statement by statement`, async () => {
        const relPath = `rules/${family}/${name}`;
        const language = languageOfPath(relPath);
        assert.ok(language);
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        await compare(relPath, language, text);
        const document = await ParsedDocument.create(language, text);
        const statements = document.syntax.rootNode.namedChildren.map((n) => n?.text ?? '');
        document.dispose();
        const isImport = (s: string): boolean => /^(import\b|from\s+\S+\s+import\b|(const|let|var)\s[^=]*=\s*require\()/.test(s);
        await compare(`${relPath} without imports`, language, statements.filter((s) => !isImport(s)).join('\n\n') + '\n', relPath);
        for (const [i, statement] of statements.entries()) {
          if (!isImport(statement)) await compare(`${relPath} statement ${i + 1} alone`, language, statement + '\n', relPath);
        }
      });
    }
  }

  it('anchored rules see fewer nodes than a walk hands them (the equivalence above is not vacuous)', async () => {
    const text = "const db = require('./db');\n\nasync function show(req, res) {\n  const rows = await db.query('SELECT * FROM t WHERE id = ?', [req.params.id]);\n  res.json(rows.map((r) => r.name).filter(Boolean));\n  console.log(String(rows.length));\n}\n";
    const visits = async (anchoring: boolean): Promise<number> => {
      let count = 0;
      const counting = detectors.filter((d) => d.id === 'sql-injection' && d.family === 'javascript').map((d): Detector => ({
        ...d,
        ...(anchoring ? {} : { anchored: undefined, anchors: undefined }),
        create(context) {
          const visitors = d.create(context);
          return Object.fromEntries(Object.entries(visitors).map(([type, visit]) => [type, (node) => { count++; visit(node); }]));
        },
      }));
      const document = await ParsedDocument.create('javascript', text);
      try {
        new Analyzer(metas, counting, defaultOptions).analyze(document, fileFacts('src/show.js', 'javascript'));
      } finally {
        document.dispose();
      }
      return count;
    };
    const walked = await visits(false);
    const anchored = await visits(true);
    // The walk hands the rule all six calls; anchoring only `db.query(…)`.
    assert.equal(walked, 6);
    assert.equal(anchored, 1);
  });

  // Findings that reach a rule only through an import alias or an escape, where the unit never spells the trigger word.
  const probes: { name: string; path: string; language: LanguageId; text: string; rule: string }[] = [
    {
      name: 'a Python sink imported under another name',
      path: 'app/views.py', language: 'python', rule: 'command-injection',
      text: 'from flask import request\nfrom os import system as run_it\n\n\ndef ping():\n    run_it("ping -c 1 " + request.args["host"])\n',
    },
    {
      name: 'a hash package imported under another name',
      path: 'src/accounts.js', language: 'javascript', rule: 'weak-hash',
      text: "const md = require('js-md5');\n\nfunction storeLogin(user, password) {\n  return { user, password: md(password) };\n}\n",
    },
    {
      name: 'a sink of a module the file requires in another statement',
      path: 'src/jobs.js', language: 'javascript', rule: 'command-injection',
      text: "const cmd = require('node-cmd');\n\nfunction listing(req, res) {\n  cmd.get('ls -la ' + req.query.dir, (err, data) => res.send(data));\n}\n",
    },
    {
      name: 'a promisified sink declared in another statement',
      path: 'src/archive.js', language: 'javascript', rule: 'command-injection',
      text: "const util = require('util');\nconst execAsync = util.promisify(require('child_process').exec);\n\nasync function archive(req, res) {\n  await execAsync(`tar -czf out.tgz ${req.body.folder}`);\n  res.sendStatus(204);\n}\n",
    },
    {
      name: 'a rule path beside the sink table (render options from the request)',
      path: 'src/pages.js', language: 'javascript', rule: 'template-injection',
      text: "const express = require('express');\nconst app = express();\n\napp.get('/page', (req, res) => {\n  res.render('page', req.query);\n});\n",
    },
    {
      name: 'a URL whose slashes are escaped (JSON style)',
      path: 'src/users.js', language: 'javascript', rule: 'cleartext-transport',
      text: "async function getUser(id) {\n  const res = await fetch('http:\\/\\/users-service.prod.company.com/api/users/' + id);\n  return res.json();\n}\n",
    },
    {
      name: 'a credential name spelled with escapes',
      path: 'src/config.js', language: 'javascript', rule: 'hardcoded-secret',
      text: "const settings = {\n  'db\\x50assword': 'Tr0ub4dor&3-horse',\n};\n",
    },
  ];
  for (const probe of probes) {
    it(`report the same on a probe: ${probe.name}`, async () => {
      const findings = await compare(probe.path, probe.language, probe.text);
      assert.ok(findings.some((f) => f.includes(` ${probe.rule} `)), `the probe must produce ${probe.rule} to prove anything: ${findings.join('\n')}`);
    });
  }
});
