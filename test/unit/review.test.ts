// "Question this snippet" at engine level: behaviours, flows, packages and line-tied questions for realistic JS/TS and Python snippets, and redaction.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createAnalyzer, defaultOptions, fileFacts, ParsedDocument, redactSecrets, reviewRange, snippetAround,
  type LanguageId, type ProjectFacts, type Range, type Review,
} from '../../server/engine';

const analyzer = createAnalyzer(defaultOptions);

function lines(text: string): Range {
  const count = text.split('\n').length;
  return { start: { line: 0, character: 0 }, end: { line: count - 1, character: 0 } };
}

async function review(language: LanguageId, text: string, options: { range?: Range; path?: string; project?: ProjectFacts } = {}): Promise<Review> {
  const document = await ParsedDocument.create(language, text);
  try {
    const path = options.path ?? (language === 'python' ? 'app/views.py' : 'src/routes.ts');
    const file = { ...fileFacts(path, language), ...(options.project ? { project: options.project } : {}) };
    return reviewRange(document, file, options.range ?? lines(text), analyzer);
  } finally {
    document.dispose();
  }
}

function npmProject(declared: string[]): ProjectFacts {
  const set = new Set(declared);
  return { ecosystem: 'npm', manifests: ['/p/package.json'], declared: set, declares: (n) => set.has(n), isLocal: () => false, complete: true, key: declared.join(',') };
}

const kinds = (r: Review): string[] => [...new Set(r.behaviours.map((b) => b.kind))].sort();
const questionLines = (r: Review): number[] => r.questions.map((q) => q.range.start.line);

const expressDelete = `import express from 'express';
import { pool } from './db';

const router = express.Router();

router.delete('/users/:id', async (req, res) => {
  try {
    const id = req.params.id;
    await pool.query("DELETE FROM users WHERE id = " + id);
    res.status(204).end();
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});
`;

describe('review of JavaScript and TypeScript snippets', () => {
  it('an Express delete handler: input, database, the flow, and questions on lines 9 and 12', async () => {
    const r = await review('typescript', expressDelete, { project: npmProject(['express']) });
    assert.deepEqual(kinds(r), ['database', 'error-response', 'untrusted-input']);
    assert.ok(r.behaviours.some((b) => b.kind === 'untrusted-input' && /req\.params\.id/.test(b.description) && b.range.start.line === 7));
    assert.equal(r.flows.length, 1);
    assert.deepEqual([r.flows[0].source.label, r.flows[0].hazard, r.flows[0].sink.range.start.line, r.flows[0].sanitized], ['req.params.id', 'sql-injection', 8, false]);
    assert.ok(r.findings.some((f) => f.ruleId === 'sql-injection' && f.range.start.line === 8));
    const texts = r.questions.map((q) => q.text);
    assert.ok(texts.includes('Line 9 builds a SQL query from `req.params.id`: is it validated, and why not a parameterized query?'), texts.join('\n'));
    assert.ok(texts.some((t) => /^This handler deletes records \(line 9, `pool\.query`\): where is the caller's permission to delete them checked\?$/.test(t)), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('Line 12 returns the exception\'s details to the client')), texts.join('\n'));
    assert.deepEqual(r.packages.map((p) => [p.name, p.status]), [['express', 'declared']]);
  });

  it('an authorization middleware turns "where is it checked" into the ownership question', async () => {
    const text = expressDelete.replace("'/users/:id', async", "'/users/:id', requireAuth, async");
    const r = await review('typescript', text);
    const texts = r.questions.map((q) => q.text).join('\n');
    assert.doesNotMatch(texts, /where is the caller's permission/);
    assert.match(texts, /Line 9 deletes records: is the check that the caller may delete this particular record/);
  });

  it('outbound fetch of a request URL, a shell command, and a file upload', async () => {
    const text = `const express = require('express');
const multer = require('multer');
const { exec } = require('child_process');
const axios = require('axios');
const app = express();
const upload = multer({ dest: 'uploads/' });

app.get('/preview', async (req, res) => {
  const page = await axios.get(req.query.url);
  res.send(page.data);
});

app.post('/thumb', upload.single('image'), (req, res) => {
  exec('convert ' + req.file.path + ' -resize 64x64 thumb.png', (error) => {
    if (error) return res.sendStatus(500);
    res.sendFile('thumb.png', { root: __dirname });
  });
});
`;
    const r = await review('javascript', text, { project: npmProject(['express', 'axios']) });
    assert.deepEqual(kinds(r), ['files', 'outbound', 'shell', 'untrusted-input']);
    const flows = r.flows.map((f) => `${f.source.label} -> ${f.hazard}@${f.sink.range.start.line + 1}`);
    assert.deepEqual(flows, ['req.query.url -> ssrf@9', 'req.file.path -> command-injection@14']);
    const texts = r.questions.map((q) => q.text);
    assert.ok(texts.some((t) => t.startsWith('Line 9 fetches a URL taken from `req.query.url`: which hosts may it reach')), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('Line 14 runs a command containing `req.file.path`')), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('Line 13 accepts uploaded files')), texts.join('\n'));
    const statuses = Object.fromEntries(r.packages.map((p) => [p.name, p.status]));
    assert.deepEqual(statuses, { express: 'declared', multer: 'undeclared', child_process: 'builtin', axios: 'declared' });
    assert.ok(texts.some((t) => t.startsWith('`multer` (line 2) is not declared')), texts.join('\n'));
  });

  it('JWT handling: a sign without expiry and a verify without algorithms', async () => {
    const text = `import jwt from 'jsonwebtoken';

export function issue(user: { id: string }) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET!);
}

export function check(token: string) {
  return jwt.verify(token, process.env.JWT_SECRET!);
}
`;
    const r = await review('typescript', text);
    assert.deepEqual(kinds(r), ['auth', 'secrets']);
    const texts = r.questions.map((q) => q.text);
    assert.ok(texts.includes('Line 4 issues a JWT: how long is it valid (no expiry is set), and where is the signing key kept and rotated?'), texts.join('\n'));
    assert.ok(texts.includes('Line 8 verifies a JWT: which algorithms are accepted (no `algorithms` list is given), and are expiry, issuer and audience checked?'), texts.join('\n'));
    assert.ok(texts.some((t) => /^Line 4 reads `JWT_SECRET`/.test(t)));
  });

  it('a login route that logs the request body: the logging question, not "who may call it"', async () => {
    const text = `app.post('/login', (req, res) => {\n  logger.info('login attempt', req.body);\n  res.cookie('sid', createSession(req.body.email), { httpOnly: true });\n});\n`;
    const r = await review('javascript', text);
    assert.deepEqual(kinds(r), ['auth', 'logging', 'untrusted-input']);
    assert.deepEqual(r.questions.map((q) => q.text), ['Line 2 logs `req.body`: can it forge log lines or record personal data or credentials?']);
  });

  it('only the selected range is reviewed', async () => {
    const r = await review('typescript', expressDelete, { range: { start: { line: 10, character: 0 }, end: { line: 12, character: 0 } } });
    assert.deepEqual(kinds(r), ['error-response']);
    assert.deepEqual(questionLines(r), [11]);
    assert.equal(r.flows.length, 0);
  });

  it('a pure computation gets no behaviours and no questions', async () => {
    const text = `export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const formatPrice = (cents: number) => \`$\${(cents / 100).toFixed(2)}\`;
`;
    const r = await review('typescript', text);
    assert.deepEqual(r.behaviours, []);
    assert.deepEqual(r.flows, []);
    assert.deepEqual(r.questions, []);
    assert.deepEqual(r.findings, []);
  });

  it('an HTTP client named like a database client is an outbound request', async () => {
    const r = await review('typescript', `export async function load(httpClient: Http, id: string) {\n  return httpClient.get(\`/api/items/\${id}\`);\n}\n`);
    assert.deepEqual(kinds(r), ['outbound']);
  });

  it('constant commands and URLs raise no questions', async () => {
    const text = `const { execSync } = require('child_process');
const sha = execSync('git rev-parse HEAD').toString().trim();
fetch('https://api.github.com/repos/acme/app/releases/latest').then((r) => r.json());
`;
    const r = await review('javascript', text);
    assert.deepEqual(kinds(r), ['outbound', 'shell']);
    assert.deepEqual(r.questions, []);
  });
});

const flaskApp = `import os
import subprocess
import jwt
import requests
from flask import Flask, request, jsonify

app = Flask(__name__)
SECRET = os.environ["JWT_SECRET"]

@app.route("/convert", methods=["POST"])
def convert():
    f = request.files["doc"]
    name = request.form.get("name")
    f.save(os.path.join("/srv/uploads", f.filename))
    subprocess.run("convert /srv/uploads/" + name + " out.pdf", shell=True)
    return jsonify(ok=True)

@app.route("/me")
def me():
    token = request.headers.get("Authorization", "").split(" ")[-1]
    try:
        claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    except Exception as e:
        return jsonify(error=str(e)), 401
    avatar = requests.get(request.args.get("avatar_url"), timeout=5)
    return jsonify(claims)

@app.route("/notes/<int:note_id>", methods=["DELETE"])
def delete_note(note_id):
    db.session.delete(Note.query.get_or_404(note_id))
    db.session.commit()
    return "", 204

def mean(values):
    return sum(values) / len(values) if values else 0.0
`;

describe('review of Python snippets', () => {
  it('a Flask upload and subprocess handler', async () => {
    const r = await review('python', flaskApp, { range: { start: { line: 9, character: 0 }, end: { line: 16, character: 0 } } });
    assert.deepEqual(kinds(r), ['files', 'shell', 'untrusted-input']);
    assert.ok(r.behaviours.some((b) => b.description === 'handles HTTP requests (POST /convert)'));
    const flows = r.flows.map((f) => `${f.source.label} -> ${f.hazard}@${f.sink.range.start.line + 1}`);
    assert.deepEqual(flows, ['request.files["doc"] -> path-traversal@14', 'request.form.get("name") -> command-injection@15']);
    const texts = r.questions.map((q) => q.text);
    assert.ok(texts.some((t) => t.startsWith('Line 15 runs a command containing `request.form.get("name")`')), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('Line 14 uses a file path built from `request.files["doc"]`')), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('Line 14 accepts uploaded files')), texts.join('\n'));
    assert.ok(r.questions.every((q) => q.range.start.line >= 9 && q.range.start.line <= 15));
  });

  it('JWT decoding, an exception returned to the client and a fetch of a request URL', async () => {
    const r = await review('python', flaskApp, { range: { start: { line: 17, character: 0 }, end: { line: 26, character: 0 } } });
    assert.deepEqual(kinds(r), ['auth', 'error-response', 'outbound', 'untrusted-input']);
    const texts = r.questions.map((q) => q.text);
    assert.ok(texts.includes('Line 22 verifies a JWT: are expiry, issuer and audience checked?'), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('Line 24 returns the exception\'s details to the client: can they reveal internals')), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('Line 25 fetches a URL taken from `request.args.get("avatar_url")`')), texts.join('\n'));
    assert.deepEqual(r.packages.map((p) => [p.name, p.status]).sort(), [['flask', 'unknown'], ['jwt', 'unknown'], ['requests', 'unknown']]);
  });

  it('a JWT decoded with signature verification turned off', async () => {
    const r = await review('python', `import jwt\nfrom flask import request\n\ndef current_user_id():\n    claims = jwt.decode(request.headers["X-Token"], options={"verify_signature": False})\n    return claims["sub"]\n`);
    assert.deepEqual(r.questions.map((q) => [q.text, q.range.start.line]).filter(([t]) => /JWT/.test(String(t))), [
      ['Line 5 decodes a JWT without verifying its signature: is anything in it trusted afterwards?', 4],
    ]);
  });

  it('a delete route without an authorization check', async () => {
    const r = await review('python', flaskApp, { range: { start: { line: 27, character: 0 }, end: { line: 32, character: 0 } } });
    const texts = r.questions.map((q) => q.text);
    assert.ok(texts.some((t) => /^This handler deletes records \(line 30, `db\.session\.delete`\): where is the caller's permission/.test(t)), texts.join('\n'));
  });

  it('dictionary and config lookups are not database queries', async () => {
    const text = `DEFAULTS = {"page_size": 20}

def setting(config, name):
    value = config.get(name, DEFAULTS.get(name))
    return cache.get(name) or value
`;
    const r = await review('python', text);
    assert.deepEqual([r.behaviours, r.questions], [[], []]);
  });

  it('a pure function gets nothing alarming', async () => {
    const r = await review('python', flaskApp, { range: { start: { line: 33, character: 0 }, end: { line: 35, character: 0 } } });
    assert.deepEqual([r.behaviours, r.flows, r.questions, r.packages], [[], [], [], []]);
  });
});

describe('secrets in a snippet', () => {
  const text = `const stripe = require('stripe')('sk_live_51HqLyjWDarjtT1zdp7dcXz9Qb3kL0vNm');
const dbUrl = 'postgres://admin:hunter2secret@db.internal:5432/app';
`;

  it('the review reports the credential, and its code and questions never repeat it', async () => {
    const r = await review('javascript', text);
    assert.ok(r.secrets.length >= 1, JSON.stringify(r.findings.map((f) => f.ruleId)));
    assert.ok(r.behaviours.some((b) => b.kind === 'secrets'));
    assert.ok(r.questions.some((q) => /^Line 1 holds a credential in the source/.test(q.text)));
    const out = JSON.stringify([r.behaviours, r.flows, r.questions]);
    assert.doesNotMatch(out, /sk_live_51HqLy|hunter2secret/);
  });

  it('redactSecrets removes flagged ranges and known key formats from copied text, relative to its origin', () => {
    const findings = [{ ruleId: 'hardcoded-secret', range: { start: { line: 3, character: 10 }, end: { line: 3, character: 22 } } }];
    const copied = 'const k = "abcdefghij";\nconst t = "ghp_0123456789abcdefghijABCDEFGHIJ012345";\nconst u = "postgres://u:pw123@h/db";';
    const redacted = redactSecrets(copied, findings, { line: 3, character: 0 });
    assert.equal(redacted, 'const k = "[REDACTED]";\nconst t = "[REDACTED]";\nconst u = "postgres://u:[REDACTED]@h/db";');
    assert.equal(redactSecrets('const answer = 42;', findings), 'const answer = 42;');
    // Findings of other rules are not secrets.
    assert.equal(redactSecrets('x = "abc"', [{ ruleId: 'weak-hash', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } } }]), 'x = "abc"');
  });
});

describe('snippetAround', () => {
  it('widens a finding to its top-level statement, whole lines', async () => {
    const document = await ParsedDocument.create('typescript', expressDelete);
    try {
      assert.deepEqual(snippetAround(document, { start: { line: 8, character: 10 }, end: { line: 8, character: 20 } }), {
        start: { line: 5, character: 0 }, end: { line: 13, character: 3 },
      });
    } finally {
      document.dispose();
    }
  });
});
