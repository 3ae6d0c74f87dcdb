// Taint analysis: sources, propagation, sanitizers, allow-list checks and helpers, through a probe rule that reports `sink(x)`.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Analyzer, defaultOptions, fileFacts, metas, ParsedDocument, type Detector, type LanguageFamily, type LanguageId } from '../../server/engine';

function probe(family: LanguageFamily): Detector {
  return {
    id: 'probe',
    family,
    create: (context) => ({
      [family === 'python' ? 'call' : 'call_expression'](node) {
        if (node.childForFieldName('function')?.text !== 'sink') return;
        const arg = node.childForFieldName('arguments')?.namedChildren[0];
        const source = arg && context.taint.sourceOf(arg, 'sql-injection');
        if (source) context.report({ node, message: `from ${source.label}` });
      },
    }),
  };
}

async function sinks(language: LanguageId, text: string): Promise<string[]> {
  const family: LanguageFamily = language === 'python' ? 'python' : 'javascript';
  const analyzer = new Analyzer([{ ...metas[0], id: 'probe' }], [probe(family)], defaultOptions);
  const doc = await ParsedDocument.create(language, text);
  try {
    const result = analyzer.analyze(doc, fileFacts(language === 'python' ? 'app.py' : 'app.ts', language));
    assert.deepEqual(result.failures, []);
    return result.findings.map((f) => `${f.range.start.line + 1}: ${f.message}`);
  } finally {
    doc.dispose();
  }
}

describe('taint: JavaScript', () => {
  it('follows request data through assignments, templates, concatenation and destructuring', async () => {
    const found = await sinks('typescript', [
      "app.get('/users', async (req, res) => {",
      '  const { id, name: n } = req.query;',
      '  const sql = `SELECT * FROM users WHERE id = ${id}`;',
      '  sink(sql);',
      "  let q = 'SELECT ' + n;",
      '  q = q.trim();',
      '  sink(q);',
      '  sink(req.body.filter);',
      "  sink('constant');",
      '});',
    ].join('\n'));
    assert.deepEqual(found, ['4: from req.query', '7: from req.query', '8: from req.body']);
  });

  it('is cleared by numeric casts, sanitizers and allow-list checks', async () => {
    const found = await sinks('javascript', [
      'router.post("/orders", (request, response) => {',
      '  const id = parseInt(request.params.id, 10);',
      '  sink(id);',
      '  const sort = request.query.sort;',
      "  if (!['asc', 'desc'].includes(sort)) return response.status(400).end();",
      '  sink(sort);',
      '  const other = request.query.other;',
      '  sink(escape(other));',
      '  sink(other);',
      '});',
    ].join('\n'));
    assert.deepEqual(found, ['9: from request.query']);
  });

  it('treats the first parameter of a route handler as the request, whatever its name', async () => {
    const found = await sinks('javascript', "app.post('/x', (r, s) => { sink('a' + r.body.x); });\nfunction other(r) { sink(r.body.x); }\n");
    assert.deepEqual(found, ['1: from r.body']);
  });

  it("follows returns of the file's own helpers, and NestJS parameter decorators", async () => {
    const found = await sinks('typescript', [
      'function buildQuery(name: string) { return "SELECT * FROM t WHERE n = \'" + name + "\'"; }',
      'function constant(name: string) { return "SELECT 1"; }',
      'export class UsersController {',
      '  find(@Query() q: string, @Param("id") id: string) {',
      '    sink(buildQuery(q));',
      '    sink(constant(id));',
      '    sink(id);',
      '  }',
      '}',
    ].join('\n'));
    assert.deepEqual(found, ['5: from @Query() q', '7: from @Param() id']);
  });
});

describe('taint: Python', () => {
  it('follows Flask and Django request data through f-strings, % and format', async () => {
    const found = await sinks('python', [
      'from flask import request',
      'def search():',
      '    term = request.args.get("q")',
      '    sink(f"SELECT * FROM items WHERE name = \'{term}\'")',
      '    sink("SELECT %s" % term)',
      '    sink("SELECT {}".format(term))',
      '    sink(", ".join([term]))',
      '    n = int(request.args["n"])',
      '    sink("LIMIT %d" % n)',
      'def view(request):',
      '    sink(request.GET["id"])',
    ].join('\n'));
    assert.deepEqual(found, ['4: from request.args', '5: from request.args', '6: from request.args', '7: from request.args', '11: from request.GET']);
  });

  it('treats FastAPI route parameters as untrusted except trusted types and int path converters', async () => {
    const found = await sinks('python', [
      '@app.get("/items/{item_id}")',
      'def read(item_id: str, db: Session = Depends(get_db), limit: int = 10):',
      '    sink(item_id)',
      '    sink(db)',
      '    sink(limit)',
      '@bp.route("/u/<int:uid>")',
      'def user(uid):',
      '    sink(uid)',
      'def cli():',
      '    import sys',
      '    sink(sys.argv[1])',
      '    x = input("name: ")',
      '    if x not in ALLOWED:',
      '        raise ValueError(x)',
      '    sink(x)',
    ].join('\n'));
    assert.deepEqual(found, ['3: from route parameter item_id', '11: from sys.argv']);
  });
});
