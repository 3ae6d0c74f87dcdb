// Taint analysis: sources, propagation, sanitizers, allow-list checks and helpers, through a probe rule that reports `sink(x)`.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Analyzer, defaultOptions, fileFacts, metas, ParsedDocument, type Detector, type LanguageFamily, type LanguageId, type TaintOptions } from '../../server/engine';

function probe(family: LanguageFamily, hazard = 'sql-injection', options?: TaintOptions): Detector {
  return {
    id: 'probe',
    family,
    create: (context) => ({
      [family === 'python' ? 'call' : 'call_expression'](node) {
        if (node.childForFieldName('function')?.text !== 'sink') return;
        const arg = node.childForFieldName('arguments')?.namedChildren[0];
        const flow = arg && context.taint.flowOf(arg, hazard, options);
        const source = arg && context.taint.sourceOf(arg, hazard, options);
        assert.equal(!!source, !!flow && !flow.sanitized, 'sourceOf and flowOf agree');
        if (flow) context.report({ node, message: `${flow.sanitized ? 'sanitized ' : ''}from ${flow.source.label}` });
      },
    }),
  };
}

async function sinks(language: LanguageId, text: string, hazard?: string, options?: TaintOptions): Promise<string[]> {
  const family: LanguageFamily = language === 'python' ? 'python' : 'javascript';
  const analyzer = new Analyzer([{ ...metas[0], id: 'probe' }], [probe(family, hazard, options)], defaultOptions);
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
    assert.deepEqual(found, ['3: sanitized from request.params', '6: sanitized from request.query', '8: sanitized from request.query', '9: from request.query']);
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

  it('reads shorthand properties, URL parsing and new URL() as carrying their data', async () => {
    const found = await sinks('javascript', [
      "app.post('/login', (req, res) => {",
      '  const { username } = req.body;',
      '  sink({ username });',
      '  const u = new URL(req.query.next, "https://example.com");',
      '  sink(u.searchParams.get("x"));',
      '  sink(url.parse(req.url).pathname);',
      '  const local = "alice";',
      '  sink({ local });',
      '});',
    ].join('\n'));
    assert.deepEqual(found, ['3: from req.body', '5: from req.query', '6: from req.url']);
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
    assert.deepEqual(found, ['4: from request.args', '5: from request.args', '6: from request.args', '7: from request.args', '9: sanitized from request.args', '11: from request.GET']);
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
    assert.deepEqual(found, ['3: from route parameter item_id', '11: from sys.argv', '15: sanitized from input("name: ")']);
  });
});

describe('taint: Python frameworks and checks', () => {
  it('reads class-based views, Tornado and Falcon handlers, and Django URL parameters', async () => {
    const found = await sinks('python', [
      'from django.views import View',
      'class Search(View):',
      '    def get(self, request, slug):',
      '        sink(self.request.GET.get("q"))',
      '        sink(slug)',
      'class Handler(tornado.web.RequestHandler):',
      '    def get(self):',
      '        sink(self.get_argument("path"))',
      'def on_get(req, resp):',
      '    sink(req.get_param("id"))',
      'def helper(value):',
      '    sink(value)',
    ].join('\n'));
    assert.deepEqual(found, ['4: from self.request.GET', '5: from route parameter slug', '8: from self.get_argument("path")', '10: from req.get_param("id")']);
  });

  it('follows comprehensions element by element, and their filters', async () => {
    const found = await sinks('python', [
      'def view(request):',
      '    ids = request.GET.getlist("id")',
      '    sink([i for i in ids])',
      '    sink(",".join("%s" for _ in ids))',
      '    sink([str(int(i)) for i in ids])',
      '    sink({k: 1 for k in request.json})',
      '    sink([c for c in ids if c in ALLOWED])',
      '    sink(request.args.get("page", type=int))',
    ].join('\n'));
    assert.deepEqual(found, ['3: from request.GET', '5: sanitized from request.GET', '6: from request.json', '7: sanitized from request.GET']);
  });

  it('is cleared by prefix checks, host allow-lists, format checks, named validators and boolean combinations', async () => {
    const found = await sinks('python', [
      'def view(request):',
      '    path = os.path.realpath(os.path.join(ROOT, request.args["f"]))',
      '    if not path.startswith(ROOT):',
      '        abort(404)',
      '    sink(path)',
      '    url = request.args.get("url")',
      '    if urlparse(url).netloc not in ALLOWED_HOSTS:',
      '        abort(400)',
      '    sink(url)',
      '    nxt = request.args.get("next")',
      '    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):',
      '        nxt = "/"',
      '    sink(nxt)',
      '    name = request.args.get("name")',
      '    if not name or not name.isalnum():',
      '        abort(400)',
      '    sink(name)',
      '    size = request.args.get("size")',
      '    if len(size) != 2:',
      '        abort(400)',
      '    sink(size)',
    ].join('\n'));
    assert.deepEqual(found, ['5: sanitized from request.args', '9: sanitized from request.args', '13: sanitized from request.args', '17: sanitized from request.args', '21: from request.args']);
  });

  it('reads deny checks for path syntax: startswith("/") and ".." in name', async () => {
    const found = await sinks('python', [
      'def unpack(request):',
      '    for info in zf.infolist():',
      '        name = info.filename',
      '        if name.startswith("/") or ".." in name:',
      '            continue',
      '        sink(name)',
      '    other = request.args["p"]',
      '    if other.startswith(("/", "..")):',
      '        sink(other)',
    ].join('\n'));
    assert.deepEqual(found, ['6: sanitized from zf.infolist()', '9: from request.args']);
  });

  it('reads a leading "/" check and an absolute-URL check as clearing redirects only', async () => {
    const text = [
      'def go(request):',
      '    target = request.args.get("next", "/")',
      '    if not target.startswith("/") or target.startswith("//"):',
      '        target = "/"',
      '    sink(target)',
      '    other = request.args["to"]',
      '    if urlparse(other).netloc:',
      '        other = url_for("index")',
      '    sink(other)',
    ].join('\n');
    assert.deepEqual(await sinks('python', text, 'open-redirect'), ['5: sanitized from request.args', '9: sanitized from request.args']);
    assert.deepEqual(await sinks('python', text, 'path-traversal'), ['5: from request.args', '9: from request.args']);
  });

  it('survives generated expressions nested thousands deep', async () => {
    const chain = Array.from({ length: 6000 }, () => 'q').join(' + ');
    const found = await sinks('python', ['def view(request):', '    q = request.args["q"]', `    big = ${chain}`, '    sink(q)', '    sink(big)'].join('\n'));
    assert.deepEqual(found, ['4: from request.args', '5: from request.args']);
  });

  it('clears a str-only isinstance check for NoSQL operators only', async () => {
    const text = [
      'def login(request):',
      '    user = request.json.get("user")',
      '    if not isinstance(user, str):',
      '        abort(400)',
      '    sink(user)',
    ].join('\n');
    assert.deepEqual(await sinks('python', text, 'nosql-injection'), ['5: sanitized from request.json']);
    assert.deepEqual(await sinks('python', text, 'sql-injection'), ['5: from request.json']);
  });

  it('treats parameters as sources on request, except self, numbers and flags', async () => {
    const text = [
      'def run(self, name, count=3, verbose=False, limit: int = 5, *args, **kwargs):',
      '    sink(name)',
      '    sink(count)',
      '    sink(verbose)',
      '    sink(limit)',
      '    sink(self)',
      '    sink(kwargs)',
      '    sink(shlex.quote(name))',
    ].join('\n');
    assert.deepEqual(await sinks('python', text, 'command-injection'), []);
    assert.deepEqual(await sinks('python', text, 'command-injection', { parameters: true }), [
      '2: from parameter name', '7: from parameter kwargs', '8: sanitized from parameter name',
    ]);
  });
});
