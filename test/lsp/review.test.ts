// Over the wire: `skeptic/review` on an open document (behaviours, flows, findings, packages, questions), and the "Question this snippet" code action.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Command } from 'vscode-languageserver-protocol';
import { questionSnippetCommand, ReviewRequest, type QuestionSnippetArguments, type ReviewParams, type ReviewResult } from '../../shared/protocol';
import { LspClient, Workspace } from './lsp-client';

const handler = `const express = require('express');
const { pool } = require('./db');
const app = express();

app.get('/orders', async (req, res) => {
  try {
    const { rows } = await pool.query("SELECT * FROM orders WHERE customer = '" + req.query.customer + "'");
    res.json(rows);
  } catch (err) {
    res.status(500).send(err.stack);
  }
});
`;

const flask = `from flask import Flask, request
import yaml

app = Flask(__name__)

@app.route("/import", methods=["POST"])
def import_config():
    config = yaml.load(request.data)
    return {"keys": list(config)}
`;

describe('skeptic/review over stdio', () => {
  let workspace: Workspace;
  let client: LspClient;
  // The test client has no generic request helper; its connection is the real JSON-RPC one.
  const review = (params: ReviewParams): Promise<ReviewResult> => client['connection'].sendRequest(ReviewRequest.type, params);

  before(async () => {
    workspace = new Workspace({ 'package.json': JSON.stringify({ name: 'shop', dependencies: { express: '^4.19.0' } }) });
    client = await LspClient.start({ folder: workspace.folder, settings: { debounceMs: 0 }, initializationOptions: { clientCommands: [questionSnippetCommand] } });
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('reviews a selected Express handler: flow, finding with fix data, packages against package.json, line-tied questions', async () => {
    const uri = workspace.uri('src/orders.js');
    await client.open(uri, handler);
    const result = await review({ textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 11, character: 3 } } });
    assert.equal(result.version, 1);
    assert.deepEqual([...new Set(result.behaviours.map((b) => b.kind))].sort(), ['database', 'error-response', 'untrusted-input']);
    assert.deepEqual(result.flows.map((f) => [f.source.label, f.hazard, f.sink.range.start.line]), [['req.query.customer', 'sql-injection', 6]]);
    assert.ok(result.findings.some((f) => f.ruleId === 'sql-injection' && f.range.start.line === 6));
    assert.deepEqual(result.packages.map((p) => [p.name, p.status]), [['express', 'declared']]);
    const texts = result.questions.map((q) => q.text);
    assert.ok(texts.includes('Line 7 builds a SQL query from `req.query.customer`: is it validated, and why not a parameterized query?'), texts.join('\n'));
    assert.ok(texts.some((t) => t.startsWith('Line 10 returns the exception\'s details to the client')), texts.join('\n'));
    assert.deepEqual(result.questions.find((q) => q.text.startsWith('Line 7'))!.range.start.line, 6);
  });

  it('reviews the current version after an edit', async () => {
    const uri = workspace.uri('src/edited.js');
    await client.open(uri, handler);
    // Replace the string-built query by a parameterized one: the SQL question goes away.
    const line = handler.split('\n')[6];
    const version = await client.change(uri, [{
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: line.length } },
      text: "    const { rows } = await pool.query('SELECT * FROM orders WHERE customer = $1', [req.query.customer]);",
    }]);
    const result = await review({ textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 11, character: 3 } } });
    assert.equal(result.version, version);
    assert.ok(!result.findings.some((f) => f.ruleId === 'sql-injection'));
    assert.ok(!result.questions.some((q) => /builds a SQL query/.test(q.text)));
  });

  it('reviews Python: unsafe deserialization of the request body', async () => {
    const uri = workspace.uri('app.py');
    await client.open(uri, flask, 'python');
    const result = await review({ textDocument: { uri }, range: { start: { line: 5, character: 0 }, end: { line: 8, character: 0 } } });
    assert.deepEqual(result.flows.map((f) => [f.source.label, f.hazard, f.sink.range.start.line]), [['request.data', 'unsafe-deserialization', 7]]);
    assert.ok(result.questions.some((q) => q.text.startsWith('Line 8 deserializes `request.data`')), result.questions.map((q) => q.text).join('\n'));
  });

  it('reviews the statement around the cursor when the range is empty', async () => {
    const uri = workspace.uri('src/cursor.js');
    await client.open(uri, handler);
    const result = await review({ textDocument: { uri }, range: { start: { line: 7, character: 4 }, end: { line: 7, character: 4 } } });
    assert.deepEqual(result.range, { start: { line: 4, character: 0 }, end: { line: 11, character: 3 } });
    assert.ok(result.questions.some((q) => q.text.startsWith('Line 7 builds a SQL query')), result.questions.map((q) => q.text).join('\n'));
  });

  it('answers an error for a document that is not open', async () => {
    await assert.rejects(review({ textDocument: { uri: workspace.uri('nowhere.js') }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }), /no open document/);
  });

  it('offers "Question this snippet" on a diagnostic, with the statement around it, when the client implements the command', async () => {
    const uri = workspace.uri('src/actions.js');
    await client.open(uri, handler);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const sql = diagnostics.find((d) => d.code === 'sql-injection')!;
    const actions = (await client.codeActions(uri, sql.range, [sql])) as (CodeAction | Command)[];
    const action = actions.find((a) => a.title === 'Question this snippet') as CodeAction | undefined;
    assert.ok(action?.command, actions.map((a) => a.title).join(', '));
    assert.equal(action.command.command, questionSnippetCommand);
    const args = action.command.arguments?.[0] as QuestionSnippetArguments;
    assert.deepEqual(args, { uri, range: { start: { line: 4, character: 0 }, end: { line: 11, character: 3 } } });
  });
});
