// The taint models are data: framework knowledge lives in rules/models, the analysis reads it, and a model edit changes what it finds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { javascriptModel } from '../../rules/models/javascript';
import { pythonModel } from '../../rules/models/python';
import type { TaintModel } from '../../rules/models/taint-model';
import { ParsedDocument, resolveCallee, type LanguageId, type SyntaxNode } from '../../server/engine';
import { TaintAnalysis } from '../../server/engine/taint';

const repo = path.resolve(__dirname, '..', '..', '..');

/** Names of frameworks, libraries and their conventions that once were code in taint.ts and now are model data. */
const frameworkNames = [
  'Body', 'UploadedFile', 'Req', 'MessageEvent', 'nextUrl', 'resolve_', 'mutate_and_get_payload', 'HttpRequest', 'starlette', 'fastapi',
  'Depends', 'Security', 'django', 'rest_framework', 'urlparse', 'netloc', 'isinstance', 'startswith', 'is_relative_to', 'relative_to',
  'fullmatch', 'is_safe_url', 'abort', 'raise_for_status', 'HttpResponseBadRequest', 'Decimal', 'bigint',
];

function codeOf(file: string): string {
  // Comments may name what a piece of code is for; only the code itself must not know frameworks.
  return fs.readFileSync(path.join(repo, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function mentions(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w])${name.replace(/\./g, '\\.')}`).test(text);
}

describe('taint models as data', () => {
  it('server/engine/taint.ts names no framework or library; rules/models does', () => {
    const analysis = codeOf('server/engine/taint.ts');
    const models = fs.readdirSync(path.join(repo, 'rules', 'models')).filter((f) => f.endsWith('.ts')).map((f) => codeOf(`rules/models/${f}`)).join('\n');
    assert.deepEqual(frameworkNames.filter((n) => mentions(analysis, n)), [], 'framework names in taint.ts: move them to rules/models');
    assert.deepEqual(frameworkNames.filter((n) => !mentions(models, n)), [], 'every name the analysis once held is in a model');
  });

  it('NestJS parameter decorators come from the model', async () => {
    const controller = [
      '@Controller("users")',
      'export class UsersController {',
      '  @Post()',
      '  create(@Body() dto: CreateUserDto, @Payload() message: string) {',
      '    sink(dto.name);',
      '    sink(message);',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(await sinkSources('typescript', controller), ['@Body() dto', undefined]);
    const decorators = { sources: ['Payload'], requests: [] };
    assert.deepEqual(await sinkSources('typescript', controller, { ...javascriptModel, parameterDecorators: decorators }), [undefined, '@Payload() message']);
    assert.deepEqual(await sinkSources('typescript', controller, { ...javascriptModel, parameterDecorators: undefined }), [undefined, undefined]);
  });

  it('FastAPI dependency defaults and GraphQL resolvers come from the model', async () => {
    const code = [
      '@app.get("/items")',
      'def items(q: str = Depends(current_query), page: str = "1"):',
      '    sink(q)',
      '    sink(page)',
      '',
      'def resolve_user(root, info, name):',
      '    sink(name)',
    ].join('\n');
    assert.deepEqual(await sinkSources('python', code), [undefined, 'route parameter page', 'GraphQL argument name']);
    const edited: TaintModel = { ...pythonModel, trustedParameterDefaults: [], resolvers: undefined };
    assert.deepEqual(await sinkSources('python', code, edited), ['route parameter q', 'route parameter page', undefined]);
  });

  it('allow-list checks and exits come from the model', async () => {
    const js = [
      "app.get('/list', (req, res) => {",
      '  const sort = req.query.sort;',
      "  if (!SORTS.includes(sort)) return res.status(400).end();",
      '  sink(sort);',
      '});',
    ].join('\n');
    assert.deepEqual(await sinkSources('javascript', js), [undefined]);
    const checks = { ...javascriptModel.checks, argumentChecks: /^has$/ };
    assert.deepEqual(await sinkSources('javascript', js, { ...javascriptModel, checks }), ['req.query']);

    const py = [
      '@app.route("/go")',
      'def go():',
      '    target = "/home"',
      '    if request.args.get("preview"):',
      '        target = request.args.get("next")',
      '        abort(400)',
      '    sink(target)',
    ].join('\n');
    assert.deepEqual(await sinkSources('python', py), [undefined]);
    assert.deepEqual(await sinkSources('python', py, { ...pythonModel, exitCalls: /^sys\.exit\b/ }), ['request.args']);
  });
});

/** The source label reaching the first argument of each `sink(…)` call, analysed with `model` (the language's own when absent). */
async function sinkSources(language: LanguageId, text: string, model?: TaintModel): Promise<(string | undefined)[]> {
  const family = language === 'python' ? 'python' : 'javascript';
  const doc = await ParsedDocument.create(language, text);
  try {
    const analysis = new TaintAnalysis(family, [], (n) => resolveCallee(n, []), () => undefined, false, model);
    const calls = doc.syntax.rootNode.descendantsOfType(family === 'python' ? 'call' : 'call_expression')
      .filter((c) => c.childForFieldName('function')?.text === 'sink');
    assert.ok(calls.length > 0, 'the code has sink calls');
    return calls.map((c) => {
      const arg = c.childForFieldName('arguments')?.namedChildren[0];
      return arg ? analysis.sourceOf(arg, 'sql-injection')?.label : undefined;
    });
  } finally {
    doc.dispose();
  }
}
