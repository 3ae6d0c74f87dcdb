// Owns "Question this snippet": what a range of code does that matters for security, its flows, findings, packages and the questions they raise.
import type { FileFacts, LanguageFamily, ModuleBinding, Range, SyntaxNode } from '../../../rules/api';
import type { BehaviourKind, BehaviourModel, BehaviourPattern } from '../../../rules/models/behaviour-model';
import { javascriptBehaviours } from '../../../rules/models/javascript-behaviours';
import { javascriptModel } from '../../../rules/models/javascript';
import { pythonBehaviours } from '../../../rules/models/python-behaviours';
import { pythonModel } from '../../../rules/models/python';
import { isPythonImportDeclared, isPythonStdlib, npmPackageOf, typesPackageOf } from '../../../rules/packages/package-names';
import { popularLookalikeOf } from '../../../rules/packages/typosquats';
import { moduleImportOf } from '../../../rules/javascript/lib/module-imports';
import { pythonImportsOf } from '../../../rules/python/lib/module-imports';
import { resolveCallee, type Analyzer } from '../analyzer';
import { collectBindings } from '../bindings';
import type { ParsedDocument } from '../document';
import { rangeOf, type Finding } from '../findings';
import { familyOf } from '../languages';
import { TaintAnalysis } from '../taint';
import { redactSecrets, secretRuleIds } from './redaction';

export type { BehaviourKind } from '../../../rules/models/behaviour-model';

export interface Behaviour {
  readonly kind: BehaviourKind;
  /** For people: "runs a shell command (`exec`)", "reads untrusted input from `req.query.id`". */
  readonly description: string;
  readonly range: Range;
  /** The call or expression as written (shortened, secrets redacted). */
  readonly code: string;
}

export interface Flow {
  /** Where the untrusted data enters, e.g. `req.query.id`. */
  readonly source: { readonly label: string; readonly range: Range };
  readonly sink: { readonly kind: BehaviourKind; readonly description: string; readonly range: Range; readonly code: string };
  /** The hazard (rule id) the flow is about. */
  readonly hazard: string;
  /** A sanitizer or allow-list check for the hazard cleared the data on the way. */
  readonly sanitized: boolean;
}

export type PackageStatus = 'builtin' | 'local' | 'declared' | 'undeclared' | 'unknown';

export interface ReviewPackage {
  /** npm package or Python top-level module. */
  readonly name: string;
  readonly ecosystem: 'npm' | 'pypi';
  /** `unknown` when no manifest of the project was found (or it could not be read in full). */
  readonly status: PackageStatus;
  /** Where the snippet imports it; for packages only used (imported elsewhere in the file), the first use. */
  readonly range: Range;
  /** A popular package this name looks like a typo of. */
  readonly lookalikeOf?: string;
}

export type QuestionTopic =
  | 'trust-boundary' | 'validation' | 'authorization' | 'sensitive-data' | 'error-handling' | 'logging' | 'dependency' | 'finding';

export interface ReviewQuestion {
  /** Cites 1-based line numbers, as editors show them. */
  readonly text: string;
  readonly topic: QuestionTopic;
  /** 0-based, like every range here. */
  readonly range: Range;
}

export interface Review {
  readonly range: Range;
  readonly behaviours: readonly Behaviour[];
  readonly flows: readonly Flow[];
  /** Unsuppressed findings inside the range, with their fixes. */
  readonly findings: readonly Finding[];
  readonly packages: readonly ReviewPackage[];
  readonly questions: readonly ReviewQuestion[];
  /** Ranges holding credentials: the client redacts them from anything it copies or sends (`redactSecrets`). */
  readonly secrets: readonly Range[];
}

const destructiveSql = /\b(delete\s+from|drop\s+(table|database)|truncate\s+(table\s+)?\w)/i;

const publicRoute = /log-?in|sign-?in|sign-?up|register|log-?out|auth|token|password|forgot|reset|verify|webhook|health/i;

const behaviourModels: Record<LanguageFamily, BehaviourModel> = { javascript: javascriptBehaviours, python: pythonBehaviours };
const taintModels = { javascript: javascriptModel, python: pythonModel };

/** Reviews `range` of a parsed document: the analyzer's findings in it, plus behaviours, flows, packages and questions. */
export function reviewRange(document: ParsedDocument, file: FileFacts, range: Range, analyzer: Analyzer): Review {
  const findings = analyzer.analyze(document, file).findings.filter((f) => !f.suppression && overlaps(f.range, range));
  return buildReview(document, file, range, findings);
}

/** The review from findings already computed (the LSP server has them): nothing is analysed twice. */
export function buildReview(document: ParsedDocument, file: FileFacts, range: Range, findingsInRange: readonly Finding[]): Review {
  const family = familyOf(document.language);
  const model = behaviourModels[family];
  const root = document.syntax.rootNode;
  const statements = root.namedChildren;
  const { bindings } = collectBindings(statements, family);
  const resolve = (n: SyntaxNode): string | undefined => resolveCallee(n, bindings);
  const taint = new TaintAnalysis(family, bindings, resolve, () => undefined);
  const secrets = findingsInRange.filter((f) => secretRuleIds.has(f.ruleId)).map((f) => f.range);
  const codeOf = (node: SyntaxNode): string => shorten(redactSecrets(node.text, secrets, rangeOf(node).start));
  const inRange = (n: SyntaxNode): boolean => contains(range, rangeOf(n));
  const nodes = nodesIn(root, range);

  const behaviours: Behaviour[] = [];
  const flows: Flow[] = [];
  const calls: { node: SyntaxNode; pattern: BehaviourPattern }[] = [];
  const inputs = untrustedInputs(nodes, family, inRange);
  const labelOf = (source: { label: string; range: Range }): string =>
    inputs.find((i) => contains(rangeOf(i.node), source.range) && i.label.startsWith(source.label))?.label ?? source.label;
  const callType = family === 'python' ? 'call' : 'call_expression';
  for (const node of nodes) {
    if (node.type !== callType || !inRange(node)) continue;
    const matched = matchCall(node, model, resolve);
    if (!matched) continue;
    // `db.query('DELETE FROM …')` deletes as surely as `repo.delete(id)`.
    const pattern = matched.kind === 'database' && destructiveSql.test(argumentsOf(node, [0])[0]?.text ?? '') ? { ...matched, does: 'deletes records', destructive: true } : matched;
    calls.push({ node, pattern });
    const name = calleeText(node);
    behaviours.push({ kind: pattern.kind, description: `${pattern.does} (\`${name}\`)`, range: rangeOf(node), code: codeOf(node) });
    if (!pattern.hazard) continue;
    for (const arg of argumentsOf(node, pattern.args)) {
      const flow = safely(() => taint.flowOf(arg, pattern.hazard!));
      if (!flow || flow.source.parameter) continue;
      if (!flows.some((f) => sameRange(f.sink.range, rangeOf(node)) && f.source.label === flow.source.label)) {
        flows.push({
          source: { label: labelOf(flow.source), range: flow.source.range },
          sink: { kind: pattern.kind, description: pattern.does, range: rangeOf(node), code: codeOf(node) },
          hazard: pattern.hazard, sanitized: flow.sanitized,
        });
      }
    }
  }
  for (const input of inputs) behaviours.push({ kind: 'untrusted-input', description: `reads untrusted input from \`${input.label}\``, range: rangeOf(input.node), code: codeOf(input.node) });
  const routes = routeHandlers(nodes, family, model, inRange);
  for (const route of routes) behaviours.push({ kind: 'untrusted-input', description: `handles HTTP requests (${route.label})`, range: rangeOf(route.node), code: shorten(route.label) });
  const errorLeaks = errorResponses(nodes, family, inRange);
  for (const leak of errorLeaks) behaviours.push({ kind: 'error-response', description: 'returns an exception\'s details to the client', range: rangeOf(leak), code: codeOf(leak) });
  const secretReads = secretUses(nodes, family, model, inRange);
  for (const read of secretReads) behaviours.push({ kind: 'secrets', description: `reads the secret \`${read.name}\``, range: rangeOf(read.node), code: codeOf(read.node) });
  for (const f of findingsInRange) {
    if (secretRuleIds.has(f.ruleId)) behaviours.push({ kind: 'secrets', description: 'holds a credential in source code', range: f.range, code: shorten(redactSecrets(document.text.slice(document.offsetAt(f.range.start), document.offsetAt(f.range.end)), [f.range], f.range.start)) });
  }
  behaviours.sort((a, b) => compareRanges(a.range, b.range));
  flows.sort((a, b) => compareRanges(a.sink.range, b.sink.range));

  const packages = packagesIn(nodes, family, file, bindings, inRange);
  const handlerText = routes.map((r) => r.handlerText).join('\n');
  const authChecked = model.authCheck.test(handlerText) || model.authCheck.test(nodes.length ? rangeText(document, range) : '');
  const questions = askQuestions({ behaviours, flows, calls, findings: findingsInRange, packages, errorLeaks, routes, inputs, authChecked, secretReads });
  return { range, behaviours: dedupeBehaviours(behaviours), flows, findings: findingsInRange, packages, questions, secrets };
}

// ---------------------------------------------------------------------------------------------------------------
// Behaviours

function matchCall(node: SyntaxNode, model: BehaviourModel, resolve: (n: SyntaxNode) => string | undefined): BehaviourPattern | undefined {
  const callee = node.childForFieldName('function');
  if (!callee) return undefined;
  const resolved = resolve(callee);
  const text = callee.text;
  const isMember = callee.type === 'member_expression' || callee.type === 'attribute';
  const method = isMember ? callee.childForFieldName(callee.type === 'attribute' ? 'attribute' : 'property')?.text : undefined;
  const receiver = isMember ? callee.childForFieldName('object')?.text.replace(/\s+/g, '') : undefined;
  // Database receivers (`client`, capitalised model names) are the loosest patterns: any other behaviour that matches wins.
  const ordered = [...model.calls.filter((p) => p.kind !== 'database'), ...model.calls.filter((p) => p.kind === 'database')];
  for (const p of ordered) {
    if (p.callee.startsWith('.')) {
      if (method === p.callee.slice(1) && receiver !== undefined && (!p.receiver || p.receiver.test(receiver))) return p;
    } else if (p.callee.endsWith('.*')) {
      const prefix = p.callee.slice(0, -1);
      if (resolved?.startsWith(prefix) || (!resolved && /^[\w.]+$/.test(text) && text.startsWith(prefix))) return p;
    } else if (resolved === p.callee || (!resolved && text === p.callee) || (resolved && resolved.replace(/\.default$/, '') === p.callee)) {
      return p;
    }
  }
  return undefined;
}

function argumentsOf(call: SyntaxNode, positions: readonly number[] | undefined): SyntaxNode[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  const list = args.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment');
  const positional = list.map((a) => (a.type === 'keyword_argument' ? a.childForFieldName('value') ?? a : a));
  return positions ? positions.map((i) => positional[i]).filter((a): a is SyntaxNode => !!a) : positional;
}

interface Input { readonly node: SyntaxNode; readonly label: string }

/** `req.query.id`, `request.args.get('id')`, `process.argv`: the outermost such expression, labelled as written. */
function untrustedInputs(nodes: readonly SyntaxNode[], family: LanguageFamily, inRange: (n: SyntaxNode) => boolean): Input[] {
  const model = taintModels[family];
  const fields = `(${[...model.requestFields].join('|')})`;
  const request = new RegExp(`^(${model.requestNames.join('|')})\\.${fields}\\b`);
  const methodCall = new RegExp(`^(${model.requestNames.join('|')})\\.(${model.requestMethods.join('|')})\\(`);
  const chains = new Set(model.sourceChains);
  const memberType = family === 'python' ? 'attribute' : 'member_expression';
  const found: Input[] = [];
  for (const node of nodes) {
    if (node.type !== memberType || !inRange(node)) continue;
    const text = node.text.replace(/\s+/g, '');
    const head = text.split('.').slice(0, 2).join('.');
    const isSource = request.test(text) && text.split('.').length === 2 || chains.has(text) || (methodCall.test(`${text}(`) && node.parent?.type === (family === 'python' ? 'call' : 'call_expression'));
    if (!isSource) continue;
    // Take the expression the program reads: `req.query.id`, `request.args.get('id')`, `request.files['f']`.
    let outer: SyntaxNode = node;
    for (let i = 0; i < 3; i++) {
      const parent: SyntaxNode | null = outer.parent;
      if (!parent) break;
      if (parent.type === memberType && parent.childForFieldName('object')?.id === outer.id) outer = parent;
      else if (parent.type === 'subscript' || parent.type === 'subscript_expression') { if (parent.childForFieldName(family === 'python' ? 'value' : 'object')?.id === outer.id) outer = parent; else break; }
      else if ((parent.type === 'call' || parent.type === 'call_expression') && parent.childForFieldName('function')?.id === outer.id) outer = parent;
      else break;
    }
    if (found.some((f) => f.node.startIndex <= outer.startIndex && f.node.endIndex >= outer.endIndex)) continue;
    found.push({ node: outer, label: shorten(outer.text.replace(/\s+/g, ' '), 50) || head });
  }
  return found;
}

interface Route { readonly node: SyntaxNode; readonly label: string; readonly method: string; readonly handlerText: string }

/** `app.delete('/users/:id', requireAuth, handler)`, `@app.route('/x', methods=['POST'])`. */
function routeHandlers(nodes: readonly SyntaxNode[], family: LanguageFamily, model: BehaviourModel, inRange: (n: SyntaxNode) => boolean): Route[] {
  const routes: Route[] = [];
  for (const node of nodes) {
    if (!inRange(node)) continue;
    if (family === 'javascript' && node.type === 'call_expression') {
      const callee = node.childForFieldName('function');
      if (callee?.type !== 'member_expression') continue;
      const method = callee.childForFieldName('property')?.text ?? '';
      const receiver = callee.childForFieldName('object')?.text ?? '';
      if (!/^(get|post|put|patch|delete|all)$/.test(method) || !model.routeReceiver.test(receiver)) continue;
      const args = node.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a) ?? [];
      const path = args[0];
      if (!path || !/^(string|template_string)$/.test(path.type) || !args.slice(1).some((a) => /function|arrow_function|identifier|call_expression|member_expression/.test(a.type))) continue;
      routes.push({ node, label: `${method.toUpperCase()} ${path.text.slice(1, -1)}`, method: method.toUpperCase(), handlerText: args.slice(1).map((a) => a.text).join('\n') });
    } else if (family === 'python' && node.type === 'decorator') {
      const text = node.text;
      const m = /^@\s*([\w.]+)\.(route|get|post|put|patch|delete|api_route)\s*\(\s*(['"])([^'"]*)\3/.exec(text);
      if (!m || !model.routeReceiver.test(m[1])) continue;
      const methods = /methods\s*=\s*\[([^\]]*)\]/.exec(text)?.[1].replace(/['"\s]/g, '').split(',').filter(Boolean);
      const method = m[2] === 'route' || m[2] === 'api_route' ? (methods?.join('/') || 'GET') : m[2].toUpperCase();
      const definition = node.parent;
      routes.push({ node, label: `${method.toUpperCase()} ${m[4]}`, method: method.toUpperCase(), handlerText: definition?.text ?? text });
    }
  }
  return routes;
}

/** Responses built from a caught exception: `res.status(500).send(err.message)`, `return jsonify(error=str(e)), 500`. */
function errorResponses(nodes: readonly SyntaxNode[], family: LanguageFamily, inRange: (n: SyntaxNode) => boolean): SyntaxNode[] {
  const leaks: SyntaxNode[] = [];
  // The catch clause may start above the selection; the response inside it is what must be selected.
  for (const node of nodes) {
    let name: string | undefined;
    let body: SyntaxNode | null = null;
    if (family === 'javascript' && node.type === 'catch_clause') {
      name = node.childForFieldName('parameter')?.text;
      body = node.childForFieldName('body');
    } else if (family === 'python' && node.type === 'except_clause') {
      name = /\bas\s+(\w+)/.exec(node.text.split('\n')[0])?.[1];
      body = node.namedChildren.find((c) => c?.type === 'block') ?? null;
    }
    if (!name || !body) continue;
    const uses = new RegExp(`(^|[^\\w.])${name}(\\.(message|stack|args|detail|toString\\(\\))|\\b(?!\\s*\\.))`);
    const respond = family === 'javascript'
      ? body.descendantsOfType('call_expression').filter((c): c is SyntaxNode => !!c && /^(res|response|reply|ctx)\b[\w.()0-9\s]*\.(send|json|end|write|body)$/.test(c.childForFieldName('function')?.text.replace(/\s+/g, '') ?? ''))
      : body.descendantsOfType('return_statement').filter((c): c is SyntaxNode => !!c);
    for (const r of respond) {
      const args = family === 'javascript' ? r.childForFieldName('arguments')?.text ?? '' : r.text.replace(/^return\s*/, '');
      if (inRange(r) && uses.test(args) && !leaks.some((l) => l.id === r.id)) leaks.push(r);
    }
  }
  return leaks;
}

interface SecretUse { readonly node: SyntaxNode; readonly name: string }

/** `process.env.JWT_SECRET`, `os.environ['SECRET_KEY']`, `os.getenv('API_TOKEN')`, `app.config['SECRET_KEY']`. */
function secretUses(nodes: readonly SyntaxNode[], family: LanguageFamily, model: BehaviourModel, inRange: (n: SyntaxNode) => boolean): SecretUse[] {
  const uses: SecretUse[] = [];
  const pattern = family === 'javascript'
    ? /^process\.env(?:\.(\w+)|\[\s*['"`](\w+)['"`]\s*\])$/
    : /^(?:os\.environ(?:\.get)?|os\.getenv|(?:app\.)?config(?:\.get)?)\s*[[(]\s*['"](\w+)['"]/;
  const types = family === 'javascript' ? /^(member_expression|subscript_expression)$/ : /^(subscript|call)$/;
  for (const node of nodes) {
    if (!types.test(node.type) || !inRange(node)) continue;
    const m = pattern.exec(node.text.replace(/\s+/g, ''));
    const name = m?.[1] ?? m?.[2];
    if (name && model.secretName.test(name) && !uses.some((u) => u.name === name)) uses.push({ node, name });
  }
  return uses;
}

// ---------------------------------------------------------------------------------------------------------------
// Packages

function packagesIn(
  nodes: readonly SyntaxNode[], family: LanguageFamily, file: FileFacts, bindings: readonly ModuleBinding[], inRange: (n: SyntaxNode) => boolean,
): ReviewPackage[] {
  const packages = new Map<string, ReviewPackage>();
  const project = file.project;
  const ecosystem = family === 'python' ? 'pypi' : 'npm';
  const known = project && project.ecosystem === ecosystem && project.complete ? project : undefined;
  const add = (specifier: string, at: Range, typeOnly = false): void => {
    let name: string | undefined;
    let status: PackageStatus;
    if (family === 'javascript') {
      name = npmPackageOf(specifier);
      if (!name) {
        if (/^[./#~]|^@\//.test(specifier)) return; // the project's own files
        name = specifier.replace(/^node:/, '').split('/')[0];
        status = 'builtin';
      } else if (project?.isLocal(name) || project?.isLocal(specifier.split('/')[0])) status = 'local';
      else if (!known) status = 'unknown';
      else status = known.declares(name) || ((typeOnly || name === 'vscode') && known.declares(typesPackageOf(name))) ? 'declared' : 'undeclared';
    } else {
      name = specifier.split('.')[0];
      if (!name || name === '__future__') return;
      if (isPythonStdlib(name)) status = 'builtin';
      else if (project?.isLocal(name)) status = 'local';
      else if (!known) status = 'unknown';
      else status = isPythonImportDeclared(specifier, known.declared) ? 'declared' : 'undeclared';
    }
    if (packages.has(name)) return;
    const lookalike = status === 'builtin' || status === 'local' || status === 'declared' ? undefined : popularLookalikeOf(name, ecosystem);
    packages.set(name, { name, ecosystem, status, range: at, ...(lookalike ? { lookalikeOf: lookalike } : {}) });
  };
  for (const node of nodes) {
    if (!inRange(node)) continue;
    if (family === 'javascript') {
      const found = moduleImportOf(node);
      if (found) add(found.specifier, rangeOf(found.node), found.typeOnly);
    } else if (node.type === 'import_statement' || node.type === 'import_from_statement') {
      for (const i of pythonImportsOf(node)) add(i.dotted, rangeOf(i.node));
    }
  }
  // Modules imported outside the selection that the selection uses: they come with the snippet too.
  for (const node of nodes) {
    if (node.type !== 'identifier' || !inRange(node)) continue;
    const binding = bindings.find((b) => b.local === node.text);
    if (binding && !packages.has(binding.module.split(/[./]/)[0])) add(binding.module, rangeOf(node));
  }
  return [...packages.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// Questions

interface QuestionInputs {
  readonly behaviours: readonly Behaviour[];
  readonly flows: readonly Flow[];
  readonly calls: readonly { node: SyntaxNode; pattern: BehaviourPattern }[];
  readonly findings: readonly Finding[];
  readonly packages: readonly ReviewPackage[];
  readonly errorLeaks: readonly SyntaxNode[];
  readonly routes: readonly Route[];
  readonly inputs: readonly Input[];
  readonly authChecked: boolean;
  readonly secretReads: readonly SecretUse[];
}

const flowQuestions: Record<string, (line: number, source: string) => [string, QuestionTopic]> = {
  'sql-injection': (l, s) => [`Line ${l} builds a SQL query from \`${s}\`: is it validated, and why not a parameterized query?`, 'validation'],
  'nosql-injection': (l, s) => [`Line ${l} puts \`${s}\` into a database query: can a client send an object (\`{"$ne": null}\`) instead of a value, and which fields may it set?`, 'validation'],
  'command-injection': (l, s) => [`Line ${l} runs a command containing \`${s}\`: which values are allowed, and can it pass an argument array without a shell instead?`, 'validation'],
  'path-traversal': (l, s) => [`Line ${l} uses a file path built from \`${s}\`: what keeps it inside the intended directory (\`../\`, absolute paths)?`, 'validation'],
  ssrf: (l, s) => [`Line ${l} fetches a URL taken from \`${s}\`: which hosts may it reach, and can it reach internal addresses or cloud metadata?`, 'trust-boundary'],
  'open-redirect': (l, s) => [`Line ${l} redirects to a location from \`${s}\`: which destinations are allowed?`, 'validation'],
  xss: (l, s) => [`Line ${l} puts \`${s}\` into the response: where is it escaped for HTML?`, 'validation'],
  'template-injection': (l, s) => [`Line ${l} builds a template from \`${s}\`: why not pass it as data to a fixed template?`, 'validation'],
  'unsafe-deserialization': (l, s) => [`Line ${l} deserializes \`${s}\`: can an attacker-controlled payload create objects or run code, and why not a data-only format (JSON, \`yaml.safe_load\`)?`, 'trust-boundary'],
  'sensitive-data-logged': (l, s) => [`Line ${l} logs \`${s}\`: can it forge log lines or record personal data or credentials?`, 'logging'],
};

function askQuestions(q: QuestionInputs): ReviewQuestion[] {
  const questions: ReviewQuestion[] = [];
  const ask = (text: string, topic: QuestionTopic, range: Range): void => {
    if (!questions.some((x) => x.text === text)) questions.push({ text, topic, range });
  };
  const line = (r: Range): number => r.start.line + 1;
  for (const flow of q.flows) {
    if (flow.sanitized) continue;
    const make = flowQuestions[flow.hazard];
    if (!make) continue;
    const [text, topic] = make(line(flow.sink.range), flow.source.label);
    ask(text, topic, flow.sink.range);
  }
  const inHandler = q.routes.length > 0 || q.inputs.length > 0;
  for (const { node, pattern } of q.calls) {
    const r = rangeOf(node);
    const l = line(r);
    const name = calleeText(node);
    const flowed = q.flows.some((f) => sameRange(f.sink.range, r));
    if (pattern.kind === 'database' && pattern.destructive && inHandler && !q.authChecked) {
      ask(`This handler deletes records (line ${l}, \`${name}\`): where is the caller's permission to delete them checked?`, 'authorization', r);
    } else if (pattern.kind === 'database' && pattern.destructive && inHandler) {
      ask(`Line ${l} deletes records: is the check that the caller may delete this particular record (not just any authenticated user) done before it?`, 'authorization', r);
    } else if (pattern.kind === 'database' && inHandler && !q.authChecked && q.inputs.length > 0 && !flowed) {
      ask(`Line ${l} queries the database with request data: which records may this caller see or change, and where is that checked?`, 'authorization', r);
    } else if (pattern.kind === 'shell' && !flowed && !isConstantCall(node)) {
      ask(`Line ${l} starts a process with a computed command (\`${name}\`): where do its parts come from, and is a shell involved?`, 'validation', r);
    } else if (pattern.kind === 'outbound' && pattern.hazard === 'ssrf' && !flowed && !isConstantCall(node)) {
      ask(`Line ${l} makes an outbound request to a computed URL: where does the URL come from, and which hosts may it reach?`, 'trust-boundary', r);
    } else if (pattern.kind === 'auth' && (/decodes a JWT without/.test(pattern.does) || (/JWT/.test(pattern.does) && /verify_signature["']?\s*:\s*False|verify\s*=\s*False/.test(node.childForFieldName('arguments')?.text ?? '')))) {
      ask(`Line ${l} decodes a JWT without verifying its signature: is anything in it trusted afterwards?`, 'authorization', r);
    } else if (pattern.kind === 'auth' && /verifies a JWT|decodes a JWT/.test(pattern.does)) {
      const args = node.childForFieldName('arguments')?.text ?? '';
      const algorithms = /algorithms/.test(args) ? '' : 'which algorithms are accepted (no `algorithms` list is given), and ';
      ask(`Line ${l} verifies a JWT: ${algorithms}are expiry, issuer and audience checked?`, 'authorization', r);
    } else if (pattern.kind === 'auth' && /issues a JWT/.test(pattern.does)) {
      const args = node.childForFieldName('arguments')?.text ?? '';
      const expiry = /expiresIn|exp\b|expires/.test(args) ? '' : ' how long is it valid (no expiry is set), and';
      ask(`Line ${l} issues a JWT:${expiry} where is the signing key kept and rotated?`, 'sensitive-data', r);
    } else if (pattern.kind === 'files' && /upload/.test(pattern.does)) {
      ask(`Line ${l} accepts uploaded files: what limits their size, type and name, and where are they stored?`, 'validation', r);
    } else if (pattern.kind === 'deserialize' && !flowed) {
      ask(`Line ${l} ${pattern.does} (\`${name}\`): can the data ever come from outside the application?`, 'trust-boundary', r);
    }
  }
  if (q.inputs.some((i) => /files?\b|FILES/.test(i.label)) && !q.calls.some((c) => /upload/.test(c.pattern.does))) {
    const upload = q.inputs.find((i) => /files?\b|FILES/.test(i.label))!;
    ask(`Line ${line(rangeOf(upload.node))} handles an uploaded file (\`${upload.label}\`): what limits its size, type and name, and where is it stored?`, 'validation', rangeOf(upload.node));
  }
  for (const leak of q.errorLeaks) {
    ask(`Line ${line(rangeOf(leak))} returns the exception's details to the client: can they reveal internals (stack traces, SQL, file paths)?`, 'error-handling', rangeOf(leak));
  }
  for (const route of q.routes) {
    // Sign-in, sign-up and token routes are meant to be called by anyone: who may call them is not the question.
    if (!q.authChecked && /DELETE|PUT|PATCH|POST/.test(route.method) && !publicRoute.test(route.label) && !q.calls.some((c) => c.pattern.destructive)) {
      ask(`Line ${line(rangeOf(route.node))} registers \`${route.label}\`, which changes state: who may call it, and where is that checked?`, 'authorization', rangeOf(route.node));
    }
  }
  for (const read of q.secretReads) {
    ask(`Line ${line(rangeOf(read.node))} reads \`${read.name}\`: what happens when it is unset, and is it kept out of logs and responses?`, 'sensitive-data', rangeOf(read.node));
  }
  for (const f of q.findings) {
    if (secretRuleIds.has(f.ruleId)) {
      ask(`Line ${line(f.range)} holds a credential in the source: has it been rotated, and why not read it from the environment or a secret manager?`, 'sensitive-data', f.range);
    } else if (f.ruleId === 'undeclared-dependency' || f.ruleId === 'typosquat-package') {
      continue; // asked about under packages
    } else if (!questions.some((x) => x.range.start.line === f.range.start.line)) {
      ask(`Line ${line(f.range)} is flagged as ${f.title.toLowerCase()} (\`${f.ruleId}\`): ${f.fix ? `does the suggested fix ("${f.fix.title}") fit here` : 'how is it handled'}, or why is it safe in this context?`, 'finding', f.range);
    }
  }
  for (const p of q.packages) {
    if (p.lookalikeOf) ask(`\`${p.name}\` (line ${line(p.range)}) looks like \`${p.lookalikeOf}\`: is it the package you mean?`, 'dependency', p.range);
    else if (p.status === 'undeclared') ask(`\`${p.name}\` (line ${line(p.range)}) is not declared in the project's manifest: is it the package you mean, and who vetted and pinned it?`, 'dependency', p.range);
  }
  return questions.sort((a, b) => compareRanges(a.range, b.range));
}

// ---------------------------------------------------------------------------------------------------------------
// Tree and range helpers

/** Every node overlapping `range`, parents first. */
function nodesIn(root: SyntaxNode, range: Range): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const pending = [root];
  while (pending.length) {
    const node = pending.pop()!;
    if (!overlaps(rangeOf(node), range)) continue;
    out.push(node);
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return out;
}

function calleeText(call: SyntaxNode): string {
  return shorten((call.childForFieldName('function')?.text ?? call.text).replace(/\s+/g, ''), 40);
}

/** Every argument is a literal without substitutions: `exec('git status')`, `fetch('https://api.example.com/x')`. */
function isConstantCall(call: SyntaxNode): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a) ?? [];
  const first = args[0];
  if (!first) return true;
  const value = first.type === 'keyword_argument' ? first.childForFieldName('value') : first;
  if (!value) return true;
  if (value.type === 'string') return !value.namedChildren.some((c) => c?.type === 'interpolation');
  if (value.type === 'template_string') return !value.namedChildren.some((c) => c?.type === 'template_substitution');
  if (value.type === 'array' || value.type === 'list') return value.namedChildren.every((c) => c?.type === 'string');
  return false;
}

function rangeText(document: ParsedDocument, range: Range): string {
  return document.text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
}

function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

function shorten(text: string, max = 80): string {
  const one = text.replace(/\s*\n\s*/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function dedupeBehaviours(list: Behaviour[]): Behaviour[] {
  return list.filter((b, i) => list.findIndex((c) => c.kind === b.kind && c.description === b.description && sameRange(c.range, b.range)) === i);
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function overlaps(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start)) || sameRange(a, b);
}

function contains(outer: Range, inner: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/** The snippet a finding belongs to, for "Question this snippet" on a diagnostic: its top-level statement, whole lines. */
export function snippetAround(document: ParsedDocument, range: Range): Range {
  const offset = document.offsetAt(range.start);
  const statement = document.syntax.rootNode.namedChildren.find((s) => !!s && s.startIndex <= offset && s.endIndex >= offset);
  const start = statement ? Math.min(statement.startPosition.row, range.start.line) : range.start.line;
  const end = statement ? Math.max(statement.endPosition.row, range.end.line) : range.end.line;
  return { start: { line: start, character: 0 }, end: { line: end, character: document.lineText(end).length } };
}
