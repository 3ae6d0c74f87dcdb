// The CLI over a small JavaScript + Python service: rules of both families, default severities, exit code and config per rule.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createProject, type JsonFinding, type Project } from './lib/temp-project';

// Credentials are assembled here so that this test file itself holds no secret-shaped literal.
const stripeKey = ['sk', 'live', '51HqLyjWDarjtT1zdp7dcXkzXWpKqZ2aBcDeFgHiJkLmNoPq'].join('_');
const awsSecret = ['q8Zr2LmT0vXe7NbKcY4u', 'Pw9HsD1fGj6AoE3iRtUy'].join('');

const files = {
  'api/calc.js': `const express = require('express');

const router = express.Router();

router.post('/calc', (req, res) => {
  const result = eval(req.body.expression);
  res.json({ result });
});

module.exports = router;
`,
  'api/config.js': `module.exports = {
  port: process.env.PORT || 3000,
  stripeSecretKey: '${stripeKey}',
  databaseUrl: process.env.DATABASE_URL,
};
`,
  'app/views.py': `from flask import Flask, request, jsonify

app = Flask(__name__)


@app.route("/calc", methods=["POST"])
def calc():
    expression = request.form["expression"]
    return jsonify(result=eval(expression))
`,
  'app/settings.py': `import os

DEBUG = os.environ.get("DEBUG") == "1"
AWS_SECRET_ACCESS_KEY = "${awsSecret}"
DATABASE_URL = os.environ["DATABASE_URL"]
`,
  // Safe counterparts an assistant also writes: constants, environment lookups, JSON parsing.
  'api/parse.js': "module.exports = (body) => JSON.parse(body);\n",
  'app/safe.py': 'import ast\nimport os\n\nTOKEN = os.environ["API_TOKEN"]\n\n\ndef parse(text):\n    return ast.literal_eval(text)\n',
};

const where = (f: JsonFinding): string => `${f.ruleId} ${f.path}:${f.line}:${f.column} ${f.severity}`;

describe('skeptic scan on a JavaScript + Python service', () => {
  let project: Project;
  before(() => { project = createProject(files, { git: true }); });
  after(() => project.remove());

  it('reports code injection and hard-coded secrets in both languages, and nothing in the safe files', () => {
    const { run, report } = project.runJson(['scan']);
    assert.equal(run.status, 1, 'error-severity findings fail the default threshold');
    assert.deepEqual(report.findings.map(where), [
      'code-injection api/calc.js:6:18 error',
      'hardcoded-secret api/config.js:3:20 error',
      'hardcoded-secret app/settings.py:4:25 error',
      'code-injection app/views.py:9:27 error',
    ]);
    for (const f of report.findings) {
      assert.equal(f.message.split(/\. (?=[A-Z])/).length, 1, `one sentence: ${f.message}`);
      assert.ok(!f.message.includes(stripeKey) && !f.message.includes(awsSecret), 'a message never repeats the secret');
    }
    assert.equal(report.summary.files, 6);
  });

  it('the secret never appears in any output format', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const out = project.run(['scan', '--format', format]).stdout;
      assert.ok(!out.includes(stripeKey) && !out.includes(awsSecret), `${format} output leaks a secret`);
    }
  });

  it('a per-rule setting in .skeptic.yml applies to both languages', () => {
    project.write('.skeptic.yml', 'rules:\n  hardcoded-secret: off\n  code-injection: warning\n');
    try {
      const { run, report } = project.runJson(['scan']);
      assert.equal(run.status, 0);
      assert.deepEqual(report.findings.map(where), ['code-injection api/calc.js:6:18 warning', 'code-injection app/views.py:9:27 warning']);
    } finally {
      project.write('.skeptic.yml', '');
    }
  });

  it('scanning one language folder reports only that folder', () => {
    assert.deepEqual(project.runJson(['scan', 'app']).report.findings.map((f) => f.path), ['app/settings.py', 'app/views.py']);
  });
});
