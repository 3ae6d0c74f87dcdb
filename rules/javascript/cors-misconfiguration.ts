// cors-misconfiguration for JavaScript/TypeScript: credentialed CORS that reflects any origin, allows '*', 'null' or an unanchored pattern (cors, NestJS, socket.io, Fastify options, hand-written headers).
import { defineDetector, type RuleContext, type SyntaxNode } from '../api';
import { callArgumentsOf, callPartsOf } from './lib/call-parts';
import { constantString, findBinding, literalText, unwrap } from './lib/constant-strings';
import { constantBoolean, keyNameOf, propertyOf } from './lib/object-keys';
import { enclosingFunction } from './lib/surrounding-names';

/** Reads of the request's Origin header: `req.headers.origin`, `req.header('Origin')`, `ctx.get('origin')`, `request.headers.get('origin')`. */
const originRead = /\b(req|request|ctx|context|event)\b[\w.?]*?(\.headers(\??\.)(origin\b|\[\s*['"]origin['"]\s*\]|get\(\s*['"]origin['"]\s*\))|\.(header|get|getHeader)\(\s*['"]origin['"]\s*\)|\.origin\b)/i;
/** An allow-list check on the origin before it is echoed. */
const originChecked = /\b\w*(allow|white|trusted|permitted|valid|whitelist|allowlist|origins|ORIGINS|domains)\w*\s*(\.\s*(includes|has|indexOf|some|find|test)\s*\(|\[\s*origin\s*\])|\.(test|match)\(\s*(origin|requestOrigin|reqOrigin)\b|\borigin\s*(===|!==|==|!=)\s*['"`]|\b(origin|requestOrigin)\??\.(endsWith|startsWith)\(|\bisAllowed\w*\(|\bisTrusted\w*\(|\bisValidOrigin\w*\(|\bcheckOrigin\w*\(/i;
/** Substring tests of the origin that `example.com.attacker.net` or `evilexample.com` also pass. */
const weakOriginCheck = /\b(origin|requestOrigin|reqOrigin)\??\.(includes|indexOf|search|match)\(\s*['"`]|\b(origin|requestOrigin|reqOrigin)\??\.endsWith\(\s*['"`](?!\.|https?:\/\/)/;
const credentialsHeader = /['"]access-control-allow-credentials['"]\s*,\s*(['"]true['"]|true)/i;

export default defineDetector({
  id: 'cors-misconfiguration',
  family: 'javascript',
  triggers: /credentials|access-control-allow-origin/i,
  anchored: true,
  create(context) {
    return {
      pair(node: SyntaxNode) {
        const key = keyNameOf(node);
        if (key === 'credentials') return checkCorsOptions(node, context);
        if (key && key.toLowerCase() === 'access-control-allow-origin') return checkHeaderObject(node, context);
      },
      call_expression(node: SyntaxNode) {
        const { callee, name } = callPartsOf(node);
        if (callee?.type !== 'member_expression' || !name || !/^(setHeader|header|set|append)$/.test(name)) return;
        const args = callArgumentsOf(node);
        if (args.length < 2 || args[0].type !== 'string' || (literalText(args[0]) ?? '').toLowerCase() !== 'access-control-allow-origin') return;
        const fn = enclosingFunction(node);
        const scope = fn?.text.slice(0, 20000) ?? '';
        if (!credentialsHeader.test(scope) || context.isTestCode(node)) return;
        const verdict = judgeOriginValue(args[1], scope);
        if (verdict) context.report({ node, message: messageFor(verdict) });
      },
    };
  },
});

type Verdict = 'reflect' | 'wildcard' | 'null' | 'pattern';

function messageFor(verdict: Verdict): string {
  switch (verdict) {
    case 'reflect':
      return 'Echoing the request\'s Origin back with Access-Control-Allow-Credentials: true lets any website make logged-in requests to this API and read the responses; compare the origin against an explicit allow-list first.';
    case 'wildcard':
      return "Allowing origin '*' together with credentials asks browsers to share logged-in responses with every website (and some proxies or libraries reflect it); list the trusted origins instead.";
    case 'null':
      return "Trusting the 'null' origin with credentials lets sandboxed iframes and local files on any site read logged-in responses; list the trusted origins instead.";
    case 'pattern':
      return 'This origin check is not anchored at the end, so a look-alike host such as example.com.attacker.net also gets credentialed access; anchor it (/^https:\\/\\/(www\\.)?example\\.com$/) or list exact origins.';
  }
}

/** `{ origin: true, credentials: true }` and its variants, reported on the origin. */
function checkCorsOptions(credentials: SyntaxNode, context: RuleContext): void {
  if (constantBoolean(credentials.childForFieldName('value')) !== true) return;
  const object = credentials.parent;
  const origin = object ? propertyOf(object, 'origin') : undefined;
  if (!origin || origin.type === 'shorthand_property_identifier') return;
  const verdict = judgeCorsOrigin(origin);
  if (!verdict || context.isTestCode(credentials)) return;
  context.report({ node: origin.parent ?? origin, message: messageFor(verdict), confidence: verdict === 'pattern' ? 'medium' : 'high' });
}

function judgeCorsOrigin(origin: SyntaxNode): Verdict | undefined {
  const value = unwrap(origin);
  if (!value) return undefined;
  if (constantBoolean(value) === true) return 'reflect';
  const text = constantString(value);
  if (text === '*') return 'wildcard';
  if (text === 'null') return 'null';
  if (value.type === 'regex') return unanchored(value) ? 'pattern' : undefined;
  // The cors options delegate `(req, cb) => cb(null, { origin: req.header('Origin'), credentials: true })`.
  if ((value.type === 'member_expression' || value.type === 'call_expression' || value.type === 'subscript_expression') && originRead.test(value.text)) return 'reflect';
  if (value.type === 'array') {
    const items = value.namedChildren.filter((c): c is SyntaxNode => !!c);
    if (items.some((c) => constantString(c) === '*')) return 'wildcard';
    if (items.some((c) => constantString(c) === 'null')) return 'null';
    return items.some((c) => c.type === 'regex' && unanchored(c)) ? 'pattern' : undefined;
  }
  // `origin: (origin, callback) => callback(null, true)`: every origin allowed, with no check in between.
  if (/^(arrow_function|function_expression|function)$/.test(value.type)) {
    const body = value.childForFieldName('body')?.text ?? '';
    if (/\b\w+\(\s*null\s*,\s*(true|origin|requestOrigin)\s*\)/.test(body) && !/\bif\b|\?|&&|\|\||includes|indexOf|\.has\(|test\(|match\(|===|!==|endsWith|startsWith|some\(|find\(/.test(body)) return 'reflect';
  }
  return undefined;
}

/** A regex whose pattern can match more than the intended host: no `$` at the end. */
function unanchored(regex: SyntaxNode): boolean {
  const pattern = regex.childForFieldName('pattern')?.text ?? '';
  return pattern.length > 0 && !pattern.endsWith('$') && pattern !== '.*' ? true : pattern === '.*';
}

/** `res.set({ 'Access-Control-Allow-Origin': req.headers.origin, 'Access-Control-Allow-Credentials': 'true' })`. */
function checkHeaderObject(pair: SyntaxNode, context: RuleContext): void {
  const object = pair.parent;
  if (!object) return;
  const credentials = object.namedChildren.find((p) => p?.type === 'pair' && (keyNameOf(p) ?? '').toLowerCase() === 'access-control-allow-credentials');
  const credentialsValue = credentials?.childForFieldName('value');
  if (!credentialsValue || (constantBoolean(credentialsValue) !== true && constantString(credentialsValue) !== 'true')) return;
  const value = pair.childForFieldName('value');
  const fn = enclosingFunction(pair);
  const verdict = value ? judgeOriginValue(value, fn?.text.slice(0, 20000) ?? '') : undefined;
  if (verdict && !context.isTestCode(pair)) context.report({ node: pair, message: messageFor(verdict) });
}

/** An Access-Control-Allow-Origin header value: the request's origin echoed without an allow-list check, `*` or `null`. */
function judgeOriginValue(node: SyntaxNode, scope: string): Verdict | undefined {
  const value = unwrap(node);
  if (!value) return undefined;
  const text = constantString(value);
  if (text === '*') return 'wildcard';
  if (text === 'null') return 'null';
  if (text !== undefined) return undefined;
  let reads = originRead.test(value.text);
  if (!reads && value.type === 'identifier') {
    const bound = findBinding(value)?.value;
    reads = !!bound && originRead.test(bound.text);
  }
  if (!reads) return undefined;
  // `origin.includes('example.com')`, `origin.endsWith('example.com')`: a look-alike host passes the check.
  if (weakOriginCheck.test(scope)) return 'pattern';
  if (originChecked.test(scope)) return undefined;
  return 'reflect';
}
