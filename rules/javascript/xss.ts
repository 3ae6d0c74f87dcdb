// xss for JavaScript/TypeScript: untrusted or unescaped data written as HTML (innerHTML, document.write, jQuery .html, dangerouslySetInnerHTML, res.send of request data, Handlebars SafeString).
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { htmlText } from '../models/javascript-sinks';
import { constantString, unwrap } from './lib/constant-strings';
import { lookupBinding } from './lib/scope-bindings';
import { constantTextOf, piecesOf } from './lib/built-strings';
import { allValidated, assessValue, enclosingFunction, isHarmless, onePerLine, sameNode, shorten } from './lib/injection-assessment';
import { argumentsOf, lastNameOf, propertyValue, shapeOf } from './lib/sink-calls';
import { functionTextBefore } from './lib/validation-guards';

const hazard = 'xss';
const htmlProperties = /^(innerHTML|outerHTML|srcdoc)$/;
const jqueryReceiver = /^(\$|jQuery)\s*\(|^\$\w*$|^(\$el|el|element|container|target|wrapper|node|root|this\.\$el)$/;
const responseReceiver = /^(res|response|resp|reply)\b/;
const htmlContentType = /['"]content-type['"]\s*:\s*['"]text\/html/i;
const plainContentType = /\.(type|contentType)\(\s*['"](text|txt|json|application\/json|text\/plain|text\/csv|csv)['"]|['"]Content-Type['"]\s*,\s*['"](text\/plain|application\/json|text\/csv)/i;

export default defineDetector({
  id: hazard,
  family: 'javascript',
  // HTML properties, `ctx.body`, Handlebars' SafeString, dangerouslySetInnerHTML, and the HTML-writing methods of `htmlMethods`.
  // Or markup whose attribute value is spliced in: `'<a href="' + href`, `` `<img src="${src}">` ``.
  triggers: /=\\?["']['"`]?\s*\+|=\\?["']\$\{|bypassSecurityTrust|text\/html|\$\s*\(|jQuery|innerHTML|outerHTML|srcdoc|\.\s*body|SafeString|dangerouslySetInnerHTML|\.\s*(?:insertAdjacentHTML|write|writeln|createContextualFragment|html|append|prepend|after|before|replaceWith|send|end)(?![\w$])/,
  create(context) {
    return {
      assignment_expression: (node: SyntaxNode) => checkAssignment(context, node),
      augmented_assignment_expression(node: SyntaxNode) {
        checkAssignment(context, node);
        const right = node.childForFieldName('right');
        if (right && (right.type === 'binary_expression' || right.type === 'template_string')) checkAttributeSplice(context, right, true);
      },
      binary_expression(node: SyntaxNode) {
        // Concatenation only (the operator is the node's middle child): `a === "x"` builds no markup.
        if (node.childForFieldName('operator')?.type !== '+') return;
        if (node.parent?.type !== 'binary_expression' && node.parent?.type !== 'augmented_assignment_expression') checkAttributeSplice(context, node, false);
      },
      template_string(node: SyntaxNode) {
        // A tagged template (lit's and htm's html`…`) hands its parts to the tag, which escapes them.
        if (node.parent?.type === 'call_expression') return;
        if (node.parent?.type !== 'augmented_assignment_expression') checkAttributeSplice(context, node, false);
      },
      call_expression: (node: SyntaxNode) => checkCall(context, node),
      // A Lambda result `{ headers: { 'Content-Type': 'text/html' }, body: html }`.
      pair(node: SyntaxNode) {
        if (!/^['"]?body['"]?$/.test(node.childForFieldName('key')?.text ?? '')) return;
        const value = node.childForFieldName('value');
        const object = node.parent;
        if (!value || object?.type !== 'object' || !htmlContentType.test(object.text)) return;
        checkHtml(context, value, node, 'an HTML response body', { structural: false, needsHtmlText: true });
      },
      new_expression(node: SyntaxNode) {
        const ctor = node.childForFieldName('constructor');
        // `new Response(html, { headers: { 'Content-Type': 'text/html' } })` in route handlers and workers.
        if (ctor?.text === 'Response' || ctor?.text === 'NextResponse') {
          const [body, init] = argumentsOf(node);
          if (body && init && htmlContentType.test(init.text)) checkHtml(context, body, node, `new ${ctor.text}`, { structural: false, needsHtmlText: true });
          return;
        }
        if (!ctor || lastNameOf(ctor) !== 'SafeString') return;
        const value = argumentsOf(node)[0];
        if (value) checkHtml(context, value, node, 'Handlebars.SafeString', { structural: true });
      },
      jsx_attribute(node: SyntaxNode) {
        if (node.namedChildren[0]?.text !== 'dangerouslySetInnerHTML') return;
        const expression = node.namedChildren[1];
        const object = expression?.type === 'jsx_expression' ? expression.namedChildren[0] : undefined;
        const value = object ? propertyValue(object, '__html') : undefined;
        if (value) checkDangerous(context, value, node);
      },
    };
  },
});

function checkAssignment(context: RuleContext, node: SyntaxNode): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (left?.type !== 'member_expression' || !right) return;
  const property = left.childForFieldName('property')?.text ?? '';
  if (htmlProperties.test(property)) {
    checkHtml(context, right, node, property, { structural: true, textFix: node.type === 'assignment_expression' ? left.childForFieldName('property') ?? undefined : undefined });
  } else if (property === 'body' && /^(ctx|context|this)$/.test(left.childForFieldName('object')?.text ?? '')) {
    // Koa: ctx.body = `<p>${ctx.query.name}</p>`
    checkHtml(context, right, node, 'ctx.body', { structural: false, needsHtmlText: true });
  }
}

/** Angular's DomSanitizer escape hatches: the value is trusted as markup, script, style or URL as it is. */
const angularBypass = /^bypassSecurityTrust(Html|Script|Style|Url|ResourceUrl)$/;

/** `this.sanitizer.bypassSecurityTrustHtml(value)` with anything but a constant. */
function checkBypass(context: RuleContext, node: SyntaxNode, method: string): void {
  const value = unwrap(argumentsOf(node)[0]);
  if (!value || constantString(value) !== undefined || context.isTestCode(node)) return;
  if (/sanitiz|purif|escape/i.test(value.text)) return;
  const source = context.taint.sourceOf(value, hazard);
  context.report({
    node: value,
    confidence: source ? 'high' : 'medium',
    message: `${source ? `Data from ${source.label}` : shorten(value.text)} is marked trusted with ${method}, so Angular inserts it without sanitizing and markup in it runs; bind it normally (Angular sanitizes [innerHTML]) or sanitize it with DOMPurify first.`,
  });
}

const htmlMethods = new Set(['insertAdjacentHTML', 'write', 'writeln', 'createContextualFragment', 'html', 'append', 'prepend', 'after', 'before', 'replaceWith', 'send', 'end']);

function checkCall(context: RuleContext, node: SyntaxNode): void {
  const shape = shapeOf(node);
  if (shape.callee?.type === 'identifier' && /^(\$|jQuery)$/.test(shape.callee.text)) return checkSelector(context, node);
  const method = shape.name ?? '';
  if (angularBypass.test(method) && shape.receiverText !== undefined) return checkBypass(context, node, method);
  if (!htmlMethods.has(method) || shape.receiverText === undefined) return;
  const receiver = shape.receiverText;
  const args = argumentsOf(node);
  switch (method) {
    case 'insertAdjacentHTML':
      if (args[1]) checkHtml(context, args[1], node, method, { structural: true });
      return;
    case 'write':
    case 'writeln':
      if (/^(window\.)?document$/.test(receiver) && args[0]) checkHtml(context, args[0], node, `document.${method}`, { structural: true });
      else if (responseReceiver.test(receiver) && args[0]) checkResponse(context, args[0], node, `res.${method}`, true);
      return;
    case 'createContextualFragment':
      if (args[0]) checkHtml(context, args[0], node, method, { structural: true });
      return;
    case 'html':
    case 'append':
    case 'prepend':
    case 'after':
    case 'before':
    case 'replaceWith':
      if (args.length === 1 && jqueryReceiver.test(receiver)) checkHtml(context, args[0], node, `.${method}()`, { structural: true, needsHtmlText: method !== 'html' });
      return;
    case 'send':
    case 'end':
      if (responseReceiver.test(receiver) && args[0]) checkResponse(context, args[0], node, `res.${method}`, method === 'end');
      return;
    default:
  }
}

interface HtmlOptions {
  /** Report HTML built from unescaped non-constant parts even without a known source. */
  readonly structural: boolean;
  /** Only when the constant text contains a tag (jQuery `.append`, Koa `ctx.body`). */
  readonly needsHtmlText?: boolean;
  /** `el.innerHTML = x` can become `el.textContent = x` when x is not markup. */
  readonly textFix?: SyntaxNode;
}

function checkHtml(context: RuleContext, value: SyntaxNode, at: SyntaxNode, sink: string, options: HtmlOptions): void {
  if (constantString(value) !== undefined || context.isTestCode(at)) return;
  const assessment = assessValue(context, value, hazard);
  const text = constantTextOf(assessment.pieces);
  const looksHtml = htmlText.test(text);
  if (options.needsHtmlText && !looksHtml) return;
  const fix = options.textFix && !looksHtml
    ? { title: 'Insert it as text with textContent (markup in the value is shown, not parsed)', edits: [{ range: context.rangeOf(options.textFix), newText: 'textContent' }], preservesBehaviour: false }
    : undefined;
  const tainted = assessment.risky.map((part) => ({ part, source: context.taint.sourceOf(part, hazard) })).filter((t) => t.source);
  if (tainted.length === 0 && assessment.source && !assessment.built) tainted.push({ part: value, source: assessment.source });
  if (tainted.length) {
    for (const { part, source } of onePerLine(tainted)) {
      context.report({
        node: reportNode(part, value, at),
        confidence: 'high',
        message: `Data from ${source!.label} is written as HTML through ${sink}; insert it as text (textContent) or sanitize it with DOMPurify first.`,
        fix,
      });
    }
    return;
  }
  if (options.structural && !assessment.built && assessment.risky.length === 1) {
    reportParameter(context, assessment.risky[0], value, at, sink, fix);
    return;
  }
  if (!options.structural || !assessment.built || !looksHtml || assessment.risky.length === 0 || allValidated(assessment.risky, at)) return;
  for (const { part } of onePerLine(assessment.risky.map((part) => ({ part })))) {
    context.report({
      node: reportNode(part, value, at),
      confidence: 'medium',
      message: `${shorten(part.text)} is spliced into HTML for ${sink} without escaping, so markup in it runs as part of the page; escape it or build the elements with textContent.`,
    });
  }
}

/** `await res.json()`, `await fetch(…)`, `await axios.get(…)`: what another service answered. */
const responseRead = /^await\s+(?:[\w$.]+\.(?:json|text)\(\s*\)|(?:fetch|axios(?:\.\w+)?|got|ky(?:\.\w+)?|\$\.(?:get|getJSON|ajax))\s*\()/;

/**
 * A value read from a network response in the same function (`const profile = await res.json(); … profile.bio`): API
 * data often holds what other users wrote, so written as HTML it is stored XSS.
 */
function fromResponse(part: SyntaxNode): boolean {
  let root = unwrap(part);
  while (root?.type === 'member_expression') root = unwrap(root.childForFieldName('object'));
  if (root?.type !== 'identifier') return false;
  const binding = lookupBinding(root);
  const init = binding?.declarator?.childForFieldName('value');
  if (!init || !sameNode(enclosingFunction(binding!.declarator!), enclosingFunction(part))) return false;
  return responseRead.test(init.text);
}

/** Names that say the markup was already made safe, or is the page's own: `safeHtml`, `sanitized`, `trustedMarkup`. */
const widgetOption = /^this\.(options|opts|_options|config|_config|settings|_settings|props)\.[\w$]+$/;
const vouchedName = /safe|sanitiz|escaped|trusted|purif|clean|static/i;

/**
 * A DOM sink fed whole by a parameter of the enclosing function (`el.innerHTML = html`, `$(el).html(options.content)`):
 * whoever calls it decides the markup, which in UI libraries and widgets is often user data. Low confidence: the caller
 * may pass trusted markup.
 */
function reportParameter(context: RuleContext, part: SyntaxNode, value: SyntaxNode, at: SyntaxNode, sink: string, fix: Fix | undefined): void {
  if (vouchedName.test(part.text) || allValidated([part], at)) return;
  // A widget's options (`this.options.title`, `this._config.content`, `this.props.html`) are its constructor's parameters.
  const option = widgetOption.test(part.text) ? { label: part.text.split('.').slice(0, 2).join('.') } : fromResponse(part) ? { label: 'a network response' } : undefined;
  const flow = option ? undefined : context.taint.flowOf(part, hazard, { parameters: true });
  if (!option && (!flow || flow.sanitized || !flow.source.parameter)) return;
  context.report({
    node: reportNode(part, value, at),
    confidence: 'low',
    message: `${shorten(part.text)} comes from ${option?.label === 'a network response' ? option.label : `the caller (${option ? option.label : flow!.source.label})`} and is written as HTML through ${sink}, so markup in it runs as part of the page; insert it as text (textContent) or sanitize it with DOMPurify first.`,
    fix,
  });
}

/**
 * `$(location.hash)`: jQuery parses a string that looks like markup as HTML, so a selector from the page's URL or a
 * message becomes elements with event handlers. Only for a known source.
 */
function checkSelector(context: RuleContext, node: SyntaxNode): void {
  const args = argumentsOf(node);
  const value = unwrap(args[0]);
  if (args.length !== 1 || !value || constantString(value) !== undefined || context.isTestCode(node)) return;
  if (value.type === 'call_expression' || value.type === 'this' || value.type === 'arrow_function' || value.type === 'function_expression') return;
  const source = context.taint.sourceOf(value, hazard);
  if (!source) return;
  context.report({
    node: value,
    confidence: 'high',
    message: `jQuery receives ${shorten(value.text)} from ${source.label}, and a string that looks like markup is parsed as HTML, so the input can add elements with script handlers; look the element up with document.getElementById or $.find, or pass it through $(document).find(…).`,
  });
}

/** React's escape hatch: anything but a constant, an imported asset, JSON for a script tag or sanitized markup. */
function checkDangerous(context: RuleContext, value: SyntaxNode, at: SyntaxNode): void {
  const inner = unwrap(value);
  if (!inner || constantString(inner) !== undefined || context.isTestCode(at)) return;
  if (isTrustedMarkup(inner, 0)) return;
  const source = context.taint.sourceOf(inner, hazard);
  const assessment = assessValue(context, inner, hazard);
  if (!source && assessment.risky.length === 0 && assessment.pieces.some((p) => p.node)) return;
  context.report({
    node: inner,
    confidence: source ? 'high' : 'medium',
    message: source
      ? `Data from ${source.label} is rendered as HTML through dangerouslySetInnerHTML; render it as text or sanitize it with DOMPurify.sanitize first.`
      : `${shorten(inner.text)} is rendered as HTML through dangerouslySetInnerHTML without sanitizing; render it as text or pass it through DOMPurify.sanitize first.`,
  });
}

function isTrustedMarkup(node: SyntaxNode, depth: number): boolean {
  if (depth > 3) return false;
  if (node.type === 'call_expression') {
    const name = lastNameOf(node.childForFieldName('function') ?? node) ?? '';
    return /^(stringify|sanitize|purify|escape\w*|clean|xss|filterXSS|sanitizeHtml|renderToStaticMarkup|renderToString)$/i.test(name) || /sanitiz|purif|escape/i.test(name);
  }
  if (node.type === 'identifier') {
    const binding = lookupBinding(node);
    if (binding?.kind === 'import') return true;
    if (binding?.value && (binding.kind === 'const' || binding.kind === 'let')) return isTrustedMarkup(unwrap(binding.value) ?? binding.value, depth + 1);
    return false;
  }
  return false;
}

/** Express/Node responses: request data sent back as a string is served as text/html unless the type says otherwise. */
function checkResponse(context: RuleContext, value: SyntaxNode, at: SyntaxNode, sink: string, needsHtmlText: boolean): void {
  const inner = unwrap(value);
  if (!inner || inner.type === 'object' || inner.type === 'array' || constantString(inner) !== undefined || context.isTestCode(at)) return;
  if (/^JSON\.stringify\(/.test(inner.text)) return;
  const before = functionTextBefore(at);
  if (plainContentType.test(before) || plainContentType.test(at.text)) return;
  checkHtml(context, inner, at, sink, { structural: false, needsHtmlText });
}

/** An attribute value just opened in a tag: `<a href="`, or (appended to markup) ` title="`. */
const openAttribute = /<[a-zA-Z][\w-]*(?:\s[^<>]*)?\s[\w:-]+\s*=\s*["']$/;
const appendedAttribute = /^\s+[\w:-]+\s*=\s*["']$/;

/**
 * A markup helper that splices its caller's value into an attribute unescaped (`'<a href="' + href + '"'`): a quote
 * in it ends the attribute and adds an event handler, and a `javascript:` URL runs. Only the caller's values: request
 * data reaches a response sink, which reports it.
 */
function checkAttributeSplice(context: RuleContext, node: SyntaxNode, appended: boolean): void {
  if (!/=\s*\\?["']/.test(node.text) || context.isTestCode(node)) return;
  let before = '';
  for (const piece of piecesOf(node)) {
    if (piece.text !== undefined) {
      before += piece.text;
      continue;
    }
    const part = piece.node;
    // An open attribute starts at the last `<` (the pattern allows no `<` or `>` after it): only that tail is tested,
    // or a long concatenation would be read again for every piece.
    const tail = before.slice(Math.max(0, before.lastIndexOf('<')));
    const inAttribute = openAttribute.test(tail) || (appended && appendedAttribute.test(before));
    before += '\u0000';
    if (!part || !inAttribute || isHarmless(part, hazard, context, 0) || vouchedName.test(part.text)) continue;
    const flow = context.taint.flowOf(part, hazard, { parameters: true });
    if (!flow || flow.sanitized || !flow.source.parameter || allValidated([part], node)) continue;
    context.report({
      node: part,
      confidence: 'low',
      message: `${shorten(part.text)} comes from the caller and is spliced into an HTML attribute without escaping, so a quote in it closes the attribute and adds script (and a javascript: URL runs); escape it for attributes (and allow only http(s) URLs in href/src).`,
    });
    return;
  }
}

function reportNode(part: SyntaxNode, value: SyntaxNode, at: SyntaxNode): SyntaxNode {
  return sameNode(enclosingFunction(part), enclosingFunction(at)) ? part : value;
}
