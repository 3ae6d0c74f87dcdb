// xss for Python: Markup/mark_safe/SafeString over unescaped values, HTML responses built from request data (Flask returns, HttpResponse, HTMLResponse), Jinja2 autoescape off, |safe in inline templates.
import { defineDetector, type Visitors, type Fix, type RuleContext, type SyntaxNode, type TextEdit } from '../api';
import { builtStrings, holeMark, type BuiltString, type Hole } from './lib/built-strings';
import { describeSource, type FlaggedHole, loudestOf, reportFlow, sinkCallVisitors } from './lib/flow-findings';
import { httpServerHandler, servesHtmlFromHandler, tornadoHandler } from './lib/handler-classes';
import { importedName } from './lib/import-edits';
import { plainQuote } from './lib/rebuild-literal';
import { enclosingFunction, resolveName } from './lib/scope';
import { calleeLastName, calleeNames, callTriggers, keywordArgument, positionalArguments } from './lib/sink-calls';
import { inputOf, mayReadInput, holeOrigin } from './lib/value-origins';

const hazard = 'xss';
/** Calls that declare a string to be safe HTML: whatever reaches them is sent unescaped. */
const markSafe = /^(markupsafe\.Markup|flask\.Markup|jinja2\.Markup|jinja2\.utils\.Markup|django\.utils\.safestring\.mark_safe|django\.utils\.safestring\.SafeString|django\.utils\.safestring\.SafeText|Markup|mark_safe|SafeString)$/;
/** Responses whose body is served as HTML unless told otherwise. */
const htmlResponses = /^(django\.http\.HttpResponse|django\.http\.response\.HttpResponse|flask\.make_response|flask\.Response|werkzeug\.wrappers\.Response|werkzeug\.Response|starlette\.responses\.HTMLResponse|fastapi\.responses\.HTMLResponse|aiohttp\.web\.Response)$/;
/** Values that are already markup-safe or carry no markup: translations, reversed URLs, other safe HTML. */
const safeHtmlCalls = /^(_|gettext|gettext_lazy|ugettext|ugettext_lazy|pgettext|ngettext|render_to_string|render_template|mark_safe|Markup|format_html|format_html_join|escape|conditional_escape|escapejs|urlencode|reverse|reverse_lazy|url_for|static|csrf_token|linebreaks|linebreaksbr|strip_tags|json_script|bleach\.clean|clean|nh3\.clean|html\.escape|markupsafe\.escape|escape_html|sanitize_html)$/;
const templateSinks = /(^|\.)(render_template_string|Template|from_string)$/;
const interesting = /^(format_html|Markup|mark_safe|SafeString|SafeText|HttpResponse|make_response|Response|HTMLResponse|Environment|render_template_string|Template|from_string|write|finish)$/;
/** Calls a view returns that build a response or JSON themselves (their own sinks are checked where they apply). */
const framed = /^(jsonify|render_template|render|redirect|make_response|Response|send_file|send_from_directory|abort|url_for|HttpResponse|JsonResponse|escape|Markup|render_template_string|stream_with_context|dumps)$/;
/** Returned expressions that can be a page built from request data (not dicts, numbers, framework responses...). */
const returnable = /^(string|concatenated_string|binary_operator|call|identifier|subscript|attribute|conditional_expression|boolean_operator|parenthesized_expression)$/;

export default defineDetector({
  id: hazard,
  family: 'python',
  // The calls `interesting` accepts, and (in Flask files) returns from views, whose route decorator is in the unit.
  triggers: callTriggers(interesting.source.replace(/^\^\(|\)\$$/g, '').split('|'), /\.(?:route|get|post|put|patch|delete)\(/),
  create(rawContext) {
    const flask = rawContext.bindings.some((b) => /^(flask|quart|bottle|fastapi)\b/.test(b.module));
    // In Flask files, views' returns too.
    const returns = (context: RuleContext): Visitors => (flask ? { return_statement: (node) => checkFlaskReturn(node, context) } : {});
    return sinkCallVisitors(rawContext, (node, last, context) => {
      if (!interesting.test(last)) return;
      const names = calleeNames(node, context);
      const resolved = names?.resolved ?? names?.text ?? '';
      if (/^(Markup|mark_safe|SafeString|SafeText)$/.test(last) && markSafe.test(resolved)) return checkMarkSafe(node, last, context);
      if (last === 'format_html' && /^(django\.utils\.html\.)?format_html$/.test(resolved)) return checkMarkSafe(node, last, context);
      if (/^(HttpResponse|make_response|Response|HTMLResponse)$/.test(last) && htmlResponses.test(resolved)) return checkResponse(node, last, context);
      if (last === 'Environment' && /^jinja2\b/.test(resolved)) return checkEnvironment(node, context);
      if (last === 'write' || last === 'finish') return checkTornadoWrite(node, last, context);
      if (templateSinks.test(last)) checkInlineTemplate(node, context);
    }, returns);
  },
});

function judge(hole: Hole, context: RuleContext, inputOnly: boolean): FlaggedHole | undefined {
  if (isSafeHtml(hole.value)) return undefined;
  const origin = holeOrigin(hole, hazard, context);
  if (!origin || (inputOnly && origin.kind !== 'input')) return undefined;
  return { hole, origin };
}

function isSafeHtml(node: SyntaxNode): boolean {
  if (node.type !== 'call') return false;
  const callee = node.childForFieldName('function');
  return !!callee && safeHtmlCalls.test(callee.text.replace(/^(django\.utils\.html|markupsafe|flask|html)\./, ''));
}

/**
 * `mark_safe(value)` in a template filter, `Markup(comment.body)` in a formatter: a parameter (or a field of one) is
 * declared safe HTML whole, so whatever text the caller passes (a user's bio, a stored comment) renders as markup.
 */
function markedParameter(call: SyntaxNode, name: string, arg: SyntaxNode, context: RuleContext): void {
  if (isSafeHtml(arg) || /^__\w+__$/.test(enclosingFunction(call)?.childForFieldName('name')?.text ?? '')) return;
  const flow = context.taint.flowOf(arg, hazard, { parameters: true });
  if (!flow || flow.sanitized || !flow.source.parameter) return;
  context.report({
    node: call,
    confidence: 'medium',
    message: `${name}() marks ${describeSource(flow.source.label, true)} as safe HTML without escaping it, so markup in what callers pass (a stored comment, a profile field) runs in the page; escape it (escape(), format_html) or clean it with an HTML sanitizer such as bleach or nh3.`,
  });
}

/** `mark_safe(f"<a href='{url}'>{name}</a>")`, `Markup("<b>%s</b>" % name)`: the values are marked safe unescaped. */
function checkMarkSafe(call: SyntaxNode, name: string, context: RuleContext): void {
  const arg = positionalArguments(call.childForFieldName('arguments'))[0];
  if (!arg || context.isTestCode(call)) return;
  const built = builtStrings(arg, context);
  if (!built.length) {
    const source = inputOf(arg, hazard, context);
    if (!source) {
      markedParameter(call, name, arg, context);
      return;
    }
    context.report({
      node: call,
      confidence: 'high',
      message: `${name}() marks ${describeSource(source.label, false)} as safe HTML, so any <script> in it runs in the page; escape it (escape(), format_html) or clean it with an HTML sanitizer such as bleach or nh3.`,
    });
    return;
  }
  const flagged = built.flatMap((b) => b.holes.map((h) => judge(h, context, false)).filter((f): f is FlaggedHole => !!f));
  if (!flagged.length) return;
  const worst = loudestOf(flagged);
  const from = worst.origin.kind === 'unknown' ? 'values that are not escaped' : `${describeSource(worst.origin.source?.label, worst.origin.kind === 'parameter')} without escaping`;
  reportFlow(context, {
    sink: call,
    holes: flagged.map((f) => f.hole.value),
    confidence: worst.origin.kind === 'input' ? 'high' : 'medium',
    message: name === 'format_html'
      ? `format_html() escapes only its arguments, but ${from.replace(/ without escaping$/, '')} went into the format string itself, so markup in it runs in the page; pass each value as an argument: format_html("<b>{}</b>", value).`
      : `${name}() marks HTML built from ${from} as safe, so markup in them runs in the page; build it with format_html() or Markup("...{}").format(...), which escape each value.`,
    fix: built.length === 1 && built[0].node.equals(arg) ? formatHtmlFix(call, name, built[0], context) : undefined,
  });
}

/** `mark_safe(f"<b>{x}</b>")` → `format_html("<b>{}</b>", x)`; `Markup(f"<b>{x}</b>")` → `Markup("<b>{}</b>").format(x)`. */
function formatHtmlFix(call: SyntaxNode, name: string, built: BuiltString, context: RuleContext): Fix | undefined {
  if (built.kind === 'join' || built.kind === 'value' || built.holes.some((h) => h.spec && h.spec !== 's')) return undefined;
  const quote = plainQuote(built.node);
  const pieces = built.text.split(holeMark);
  if (!quote || pieces.some((p) => /[{}]/.test(p) || p.includes(quote) || /\\$/.test(p))) return undefined;
  const template = `${quote}${pieces.join('{}')}${quote}`;
  const values = built.holes.map((h) => h.value.text).join(', ');
  const title = 'Build the HTML with format_html (each inserted value is HTML-escaped)';
  if (name === 'Markup') {
    return { title: 'Build the HTML with Markup(...).format (each inserted value is HTML-escaped)', edits: [{ range: context.rangeOf(call), newText: `${call.childForFieldName('function')!.text}(${template}).format(${values})` }], preservesBehaviour: false };
  }
  const formatHtml = importedName(call, context, 'django.utils.html', 'format_html', 'from');
  return { title, edits: [{ range: context.rangeOf(call), newText: `${formatHtml.expression}(${template}, ${values})` }, ...formatHtml.edits], preservesBehaviour: false };
}

/** `HttpResponse(f"<p>{request.GET['q']}</p>")`: request data in an HTML body. */
function checkResponse(call: SyntaxNode, name: string, context: RuleContext): void {
  const args = call.childForFieldName('arguments');
  const body = positionalArguments(args)[0] ?? keywordArgument(args, 'content') ?? keywordArgument(args, 'response') ?? keywordArgument(args, 'text') ?? keywordArgument(args, 'body');
  const type = keywordArgument(args, 'content_type') ?? keywordArgument(args, 'mimetype') ?? keywordArgument(args, 'media_type');
  if (!body || (type && !/html/.test(type.text)) || context.isTestCode(call)) return;
  if (name === 'Response' && !type && /aiohttp/.test(calleeNames(call, context)?.resolved ?? '')) return; // aiohttp's default is text/plain
  reportHtmlBody(call, body, `${call.childForFieldName('function')!.text}()`, context);
}

/** Tornado's `self.write(text)` in a RequestHandler: a str body is served as text/html (a dict becomes JSON). */
function checkTornadoWrite(call: SyntaxNode, name: string, context: RuleContext): void {
  if (call.childForFieldName('function')?.text === 'self.wfile.write') return checkHandlerWrite(call, context);
  if (call.childForFieldName('function')?.text !== `self.${name}`) return;
  const body = positionalArguments(call.childForFieldName('arguments'))[0];
  if (!body || !mayReadInput(call) || isDataStructure(body, context) || !servesHtmlFromHandler(call, tornadoHandler)) return;
  reportHtmlBody(call, body, `self.${name}()`, context);
}

/** `self.wfile.write(("<p>%s</p>" % name).encode())` in an `http.server` handler that did not declare a non-HTML type. */
function checkHandlerWrite(call: SyntaxNode, context: RuleContext): void {
  let body = positionalArguments(call.childForFieldName('arguments'))[0];
  if (!body || !mayReadInput(call) || !servesHtmlFromHandler(call, httpServerHandler)) return;
  // `(...).encode()`, `bytes(text, "utf-8")`: the text before it became bytes.
  for (let i = 0; i < 3 && body; i++) {
    if (body.type === 'parenthesized_expression') body = body.namedChildren[0] ?? body;
    else if (body.type === 'call' && /\.encode$/.test(body.childForFieldName('function')?.text ?? '')) body = body.childForFieldName('function')?.childForFieldName('object') ?? body;
    else if (body.type === 'call' && /^(bytes|str\.encode)$/.test(body.childForFieldName('function')?.text ?? '')) body = positionalArguments(body.childForFieldName('arguments'))[0] ?? body;
  }
  if (body) reportHtmlBody(call, body, 'self.wfile.write()', context);
}

/** A Flask/Quart/Bottle view returning a str: it is served as text/html. */
function checkFlaskReturn(node: SyntaxNode, context: RuleContext): void {
  let value: SyntaxNode | null | undefined = node.firstNamedChild;
  if (value?.type === 'tuple' || value?.type === 'expression_list') value = value.firstNamedChild;
  if (!value || !returnable.test(value.type) || (value.type === 'call' && framed.test(calleeLastName(value, context) ?? ''))) return;
  if (!mayReadInput(node) || isDataStructure(value, context)) return;
  const fn = enclosingFunction(node);
  if (!fn || !isFlaskView(fn, context)) return;
  reportHtmlBody(node, value, 'This view', context, true);
}

/** Dicts and lists returned from a view become JSON, which the browser does not render as HTML. */
function isDataStructure(node: SyntaxNode, context: RuleContext): boolean {
  const structural = /^(dictionary|list|set|tuple|dictionary_comprehension|list_comprehension)$/;
  if (structural.test(node.type)) return true;
  if (node.type !== 'identifier') return false;
  const { bindings } = resolveName(node.text, node, context);
  return bindings.some((b) => !!b.value && structural.test(b.value.type));
}

const views = new WeakMap<object, Map<number, boolean>>();

/** Decorated with `@app.route(...)`/`@bp.get(...)` of a Flask-style app, or a FastAPI route declared to answer HTML. */
function isFlaskView(fn: SyntaxNode, context: RuleContext): boolean {
  let perTree = views.get(fn.tree);
  if (!perTree) views.set(fn.tree, (perTree = new Map()));
  let answer = perTree.get(fn.startIndex);
  if (answer === undefined) perTree.set(fn.startIndex, (answer = readFlaskView(fn, context)));
  return answer;
}

function readFlaskView(fn: SyntaxNode, context: RuleContext): boolean {
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  return !!decorated?.namedChildren.some((d) => {
    // Not web-views' route decorators: websocket and api_route (FastAPI) routes never answer a str as an HTML page.
    if (d?.type !== 'decorator' || !/\.(route|get|post|put|patch|delete)\(/.test(d.text)) return false;
    const app = /^@\s*(\w+)\./.exec(d.text)?.[1];
    if (!app) return true;
    const binding = resolveName(app, d, context).bindings.find((b) => b.value);
    // FastAPI returns JSON unless the route declares an HTML response: `@app.get("/", response_class=HTMLResponse)`.
    if (/\bresponse_class\s*=\s*HTMLResponse\b/.test(d.text)) return true;
    if (binding?.value) return !/\b(FastAPI|APIRouter)\(/.test(binding.value.text);
    // An app made elsewhere (`app = create_app()`, `from .main import app`): a file that imports FastAPI and not Flask is
    // a FastAPI module, whose string returns are JSON.
    return !(context.bindings.some((b) => /^fastapi\b/.test(b.module)) && !context.bindings.some((b) => /^(flask|quart|bottle)\b/.test(b.module)));
  });
}

function reportHtmlBody(sink: SyntaxNode, body: SyntaxNode, what: string, context: RuleContext, isReturn = false): void {
  const built = builtStrings(body, context);
  if (!built.length) {
    const source = isReflected(body, context, 0) ? inputOf(body, hazard, context) : undefined;
    if (!source) return;
    context.report({
      node: sink,
      confidence: 'high',
      message: `${what} ${isReturn ? 'returns' : 'sends'} ${describeSource(source.label, false)} as an HTML page, so a link carrying <script> runs in the victim's browser (reflected XSS); escape it with markupsafe.escape/html.escape or render a template.`,
    });
    return;
  }
  const flagged = built.flatMap((b) => b.holes.map((h) => judge(h, context, true)).filter((f): f is FlaggedHole => !!f && isReflected(f.hole.value, context, 0)));
  if (!flagged.length) return;
  const source = flagged[0].origin.source;
  reportFlow(context, {
    sink,
    holes: flagged.map((f) => f.hole.value),
    confidence: 'high',
    message: `${what} ${isReturn ? 'returns' : 'sends'} HTML built from ${describeSource(source?.label, false)} without escaping, so a link carrying <script> runs in the victim's browser (reflected XSS); escape each value with markupsafe.escape/html.escape or render a template.`,
    fix: escapeFix(sink, flagged, context),
  });
}

/** String methods that keep a request value the client's own text. */
const textMethods = new Set(['get', 'getlist', 'strip', 'lstrip', 'rstrip', 'lower', 'upper', 'title', 'capitalize', 'replace', 'decode', 'format', 'join', 'get_json', 'get_data']);

/**
 * The request's own text echoed back (`request.args["q"]`, a route parameter, `name.strip()`), not something computed
 * from it: the body of a URL fetched from client input is a different finding (ssrf).
 */
function isReflected(node: SyntaxNode, context: RuleContext, depth: number): boolean {
  if (depth > 7) return false;
  switch (node.type) {
    case 'identifier': {
      const { bindings } = resolveName(node.text, node, context);
      if (bindings.some((b) => b.kind === 'parameter')) return true;
      return bindings.some((b) => !!b.value && b.kind !== 'loop' && isReflected(b.value, context, depth + 1));
    }
    case 'attribute':
    case 'subscript': {
      let root: SyntaxNode | null = node;
      while (root && (root.type === 'attribute' || root.type === 'subscript')) root = root.firstNamedChild;
      return !!root && (/^(request|req|self)$/.test(root.text) || ((root.type === 'identifier' || root.type === 'call') && isReflected(root, context, depth + 1)));
    }
    case 'call': {
      const callee = node.firstChild;
      // Query strings decoded and split keep the client's text: parse_qs(urlparse(self.path).query), unquote(q).
      if (callee && /^((urllib\.)?parse\.)?(unquote|unquote_plus|parse_qs|parse_qsl|urlparse|urlsplit)$/.test(callee.text)) {
        const first = node.lastChild?.firstNamedChild;
        return !!first && isReflected(first, context, depth + 1);
      }
      if (callee?.type === 'attribute') {
        const method = callee.lastChild?.text ?? '';
        const receiver = callee.firstNamedChild;
        // Tornado's self.get_argument("q") hands back the client's text as it came.
        if (receiver?.text === 'self' && /^get_(query_|body_)?argument$/.test(method)) return true;
        return textMethods.has(method) && !!receiver && isReflected(receiver, context, depth + 1);
      }
      const arg = node.lastChild?.firstNamedChild;
      return callee?.text === 'str' && !!arg && isReflected(arg, context, depth + 1);
    }
    case 'boolean_operator':
    case 'conditional_expression':
    case 'parenthesized_expression':
      return node.namedChildren.some((c) => !!c && isReflected(c, context, depth + 1));
    default:
      return false;
  }
}

/** Wraps each request value in markupsafe's escape (Flask ships it), imported when missing. */
function escapeFix(at: SyntaxNode, flagged: readonly FlaggedHole[], context: RuleContext): Fix | undefined {
  if (flagged.some((f) => f.hole.spec && f.hole.spec !== 's')) return undefined;
  const flaskEscape = context.bindings.find((b) => b.imported === 'escape' && /^(markupsafe|flask|html)$/.test(b.module));
  const escape = flaskEscape ? { expression: flaskEscape.local, edits: [] as TextEdit[] } : importedName(at, context, 'markupsafe', 'escape', 'from');
  return {
    title: 'HTML-escape the inserted values with markupsafe.escape (markup in them is shown as text)',
    edits: [...flagged.map((f) => ({ range: context.rangeOf(f.hole.value), newText: `${escape.expression}(${f.hole.value.text})` })), ...escape.edits],
    preservesBehaviour: false,
  };
}

/** `jinja2.Environment(autoescape=False)`, or an Environment with a loader and no autoescape (Jinja2's default is off). */
function checkEnvironment(call: SyntaxNode, context: RuleContext): void {
  const args = call.childForFieldName('arguments');
  const autoescape = keywordArgument(args, 'autoescape');
  const loader = keywordArgument(args, 'loader');
  if (context.isTestCode(call)) return;
  if (autoescape?.type === 'false') {
    context.report({
      node: call,
      confidence: 'high',
      message: 'This Jinja2 environment turns autoescaping off, so any value rendered into its HTML templates can inject markup and scripts; use autoescape=select_autoescape() (or True) and mark trusted markup with Markup.',
      fix: { title: 'Turn autoescaping on (values rendered into templates are HTML-escaped)', edits: [{ range: context.rangeOf(autoescape), newText: 'True' }], preservesBehaviour: false },
    });
    return;
  }
  if (autoescape || !loader || !/Loader\(/.test(loader.text) || /\.(txt|sql|ya?ml|j2|md|cfg|ini|sh|py|tex)\b/.test(loader.text)) return;
  const closing = args?.lastChild;
  const at = closing?.type === ')' ? context.rangeOf(closing).start : undefined;
  context.report({
    node: call,
    confidence: 'medium',
    message: 'Jinja2 environments do not autoescape unless asked, so values rendered into HTML templates loaded here can inject markup and scripts; pass autoescape=select_autoescape() (or True).',
    fix: at ? { title: 'Turn autoescaping on (values rendered into templates are HTML-escaped)', edits: [{ range: { start: at, end: at }, newText: ', autoescape=True' }], preservesBehaviour: false } : undefined,
  });
}

/** `render_template_string("{{ bio|safe }}", bio=...)`, `{% autoescape false %}`: escaping switched off inside the template. */
function checkInlineTemplate(call: SyntaxNode, context: RuleContext): void {
  const source = positionalArguments(call.childForFieldName('arguments'))[0];
  if (source?.type !== 'string' && source?.type !== 'concatenated_string') return;
  const text = source.text;
  const unsafe = /\{\{[^}]*\|\s*safe\b[^}]*\}\}|\{%-?\s*autoescape\s+(false|off)\b/.exec(text);
  if (!unsafe || context.isTestCode(call)) return;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (!args.some((a) => a?.type === 'keyword_argument' || a?.type === 'dictionary_splat')) return;
  context.report({
    node: call,
    confidence: 'medium',
    message: `The template turns escaping off (${unsafe[0].replace(/\s+/g, ' ').slice(0, 40)}), so markup in the value rendered there runs in the page; drop |safe (or autoescape off), or clean the value with an HTML sanitizer first.`,
  });
}
