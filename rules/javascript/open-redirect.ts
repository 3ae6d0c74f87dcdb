// open-redirect for JavaScript/TypeScript: redirects (res.redirect, ctx.redirect, Location headers, NextResponse.redirect, location.href) to a location from the request.
import { defineDetector, type RuleContext, type SyntaxNode } from '../api';
import { unwrap } from './lib/constant-strings';
import { lookupBinding } from './lib/scope-bindings';
import { piecesOf } from './lib/built-strings';
import { shorten } from './lib/injection-assessment';
import { argumentsOf, matchSinks, propertyValue, shapeOf } from './lib/sink-calls';
import { incompleteUrlCheck, isCheckedThroughParse, isValidatedBefore, isValidatingTernary } from './lib/validation-guards';

const hazard = 'open-redirect';
const locationTargets = /^(window\.location|document\.location|location|window\.location\.href|location\.href|document\.location\.href|window\.top\.location(\.href)?|top\.location(\.href)?)$/;
const responseReceiver = /^(res|response|resp|reply|this\.res)$/;

export default defineDetector({
  id: hazard,
  family: 'javascript',
  // Every sink is a redirect or a Location (`.assign`/`.replace` only on a location receiver); `writeHead` may take its headers from a const.
  triggers: /redirect|location|writeHead/i,
  anchored: true,
  create(context) {
    return {
      call_expression(node: SyntaxNode) {
        const match = matchSinks(context, node, hazard)[0];
        if (match) return check(context, match.value, node, match.label.replace(/^next\/(navigation|server)\./, ''));
        const shape = shapeOf(node);
        const method = shape.name ?? '';
        if (!/^(setHeader|set|header|append|writeHead)$/.test(method) || !responseReceiver.test(shape.receiverText ?? '')) return;
        const args = argumentsOf(node);
        // res.setHeader('Location', url), res.set('Location', url), res.writeHead(302, { Location: url })
        if (/^(setHeader|set|header|append)$/.test(method) && /^['"]location['"]$/i.test(args[0]?.text ?? '') && args[1]) check(context, args[1], node, `res.${method}('Location')`);
        else if (method === 'writeHead' && args[1]) {
          const location = propertyValue(args[1], 'Location') ?? propertyValue(args[1], 'location');
          if (location) check(context, location, node, 'res.writeHead Location');
        }
      },
      // A Lambda or Next.js result: `{ statusCode: 302, headers: { Location: next } }`.
      pair(node: SyntaxNode) {
        const key = node.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '') ?? '';
        const value = node.childForFieldName('value');
        if (!/^location$/i.test(key) || !value) return;
        const headers = node.parent?.parent;
        if (headers?.type !== 'pair' || !/^['"]?headers['"]?$/.test(headers.childForFieldName('key')?.text ?? '')) return;
        check(context, value, node, 'the Location header');
      },
      assignment_expression(node: SyntaxNode) {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (left && right && locationTargets.test(left.text)) check(context, right, node, left.text);
      },
      // NestJS: a handler decorated `@Redirect()` redirects to the `url` it returns.
      method_definition(node: SyntaxNode) {
        if (!redirectDecorated(node)) return;
        for (const ret of node.childForFieldName('body')?.descendantsOfType('return_statement') ?? []) {
          const value = ret && unwrap(ret.namedChildren[0]);
          const url = value?.type === 'object' ? propertyValue(value, 'url') : undefined;
          if (url) check(context, url, ret!, '@Redirect()');
        }
      },
    };
  },
});

/** `@Redirect()` among the decorators before a class method (tree-sitter keeps them as the method's preceding siblings). */
function redirectDecorated(method: SyntaxNode): boolean {
  for (let n = method.previousNamedSibling; n && n.type === 'decorator'; n = n.previousNamedSibling) if (/^@Redirect\b/.test(n.text)) return true;
  return method.namedChildren.some((c) => c?.type === 'decorator' && /^@Redirect\b/.test(c.text));
}

function check(context: RuleContext, raw: SyntaxNode, at: SyntaxNode, sink: string): void {
  let value = unwrap(raw);
  if (!value || context.isTestCode(at)) return;
  // `new URL(next, req.url)`: an absolute `next` replaces the base entirely.
  if (value.type === 'new_expression' && value.childForFieldName('constructor')?.text === 'URL') {
    const first = argumentsOf(value)[0];
    if (!first) return;
    value = unwrap(first) ?? first;
  }
  if (fixesHost(value) || isValidatingTernary(value)) return;
  // A constant (`'/dashboard'`, `path.join(__dirname, 'x')` spelled out) carries nothing: skip the data flow.
  if (piecesOf(value).every((p) => p.text !== undefined)) return;
  const source = context.taint.sourceOf(value, hazard);
  const redirectChecks = /^\s*!?\s*[\w.]+\s*\.\s*startsWith\(\s*['"]\/['"]\s*\)|new URL\(|\.host(name)?\b|\.origin\b/;
  if (!source || isValidatedBefore(value, at, redirectChecks, incompleteUrlCheck)) return;
  if (isCheckedThroughParse(value, at, /^(new\s+URL|(url\.)?parse|URL\.parse)\s*\(/, /\b(host|hostname|origin)\b/)) return;
  // `target.pathname + target.search` after `if (target.origin !== base) return`: the parsed URL was checked as a whole.
  const roots = value.descendantsOfType('member_expression').map((m) => m && unwrap(m.childForFieldName('object')))
    .filter((r): r is SyntaxNode => r?.type === 'identifier' && /^new\s+URL\s*\(/.test(lookupBinding(r)?.value?.text ?? ''));
  if (roots.some((r) => isValidatedBefore(r, at, /\.(origin|host|hostname)\b/))) return;
  context.report({
    node: value,
    message: `The redirect target comes from ${source.label} (${shorten(value.text)}), so a link can send users to any site via ${sink}; redirect only to relative paths or to hosts on an allow-list.`,
  });
}

/** A constant start that pins the destination: `/users/…` (not `/` alone, which allows `//evil.com`) or `https://host/…`. */
function fixesHost(value: SyntaxNode): boolean {
  const first = piecesOf(value)[0];
  if (!first || first.text === undefined) return false;
  const text = first.text;
  if (/^\/[^/\\]/.test(text)) return true;
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+[/?#]/i.test(text);
}
