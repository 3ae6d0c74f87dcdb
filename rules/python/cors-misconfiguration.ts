// cors-misconfiguration for Python: any origin (or a reflected one) allowed together with credentials in flask-cors, Starlette/FastAPI, django-cors-headers and hand-written headers.
import { defineDetector, type RuleContext, type SyntaxNode } from '../api';
import { flagValue } from './lib/flag-values';
import { enclosingFunction, resolveCallee, resolveName } from './lib/scope';
import { calleeLastName, keywordArgument, positionalArguments } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

const anyOriginPattern = /^(\^?\.\*\$?|\^?\.\+\$?|\^?https?:\/\/\.\*\$?|\*)$/;
const allowAllSettings = new Set(['CORS_ALLOW_ALL_ORIGINS', 'CORS_ORIGIN_ALLOW_ALL']);
/** A check of the request's Origin against something before it is echoed. */
const originGuard = /\borigin\w*\s+(not\s+)?in\b|\bin\s+\w*origins?\b|==\s*\w*origin|\borigin\w*\s*(==|!=)|\.(startswith|endswith|fullmatch|match)\(|\bre\.(fullmatch|match|search)\(|allowed|whitelist|allowlist/i;

const reflectRisk = 'any website can then read responses made with the visitor\'s cookies';

export default defineDetector({
  id: 'cors-misconfiguration',
  family: 'python',
  triggers: /CORS|cors|cross_origin|Access-Control-Allow-Origin|access-control-allow-origin/,
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context);
        if (last !== 'CORS' && last !== 'cross_origin' && last !== 'add_middleware' && last !== 'Middleware' && last !== 'CORSMiddleware') return;
        const args = node.childForFieldName('arguments');
        if (args?.type !== 'argument_list') return;
        if (last === 'CORS' || last === 'cross_origin') checkFlaskCors(context, node, args, last);
        else checkStarlette(context, node, args, last);
      },
      assignment(node: SyntaxNode) {
        const left = node.childForFieldName('left');
        if (!left || !/CORS_|Access-Control-Allow-Origin/i.test(left.text)) return;
        const right = node.childForFieldName('right');
        if (!right) return;
        if (left.type === 'identifier' && allowAllSettings.has(left.text)) {
          if (flagValue(right, context) !== true || !moduleSettingIsTrue('CORS_ALLOW_CREDENTIALS', node, context)) return;
          context.report({ node, message: `${left.text} = True with CORS_ALLOW_CREDENTIALS = True makes django-cors-headers answer every origin with credentials allowed, so ${reflectRisk}; list trusted origins in CORS_ALLOWED_ORIGINS instead.` });
          return;
        }
        if (left.type === 'subscript' && literalText(left.childForFieldName('subscript'))?.toLowerCase() === 'access-control-allow-origin') checkReflectedHeader(context, node, right);
      },
    };
  },
});

/** flask-cors: origins default to '*', and with supports_credentials it echoes each request's Origin back. */
function checkFlaskCors(context: RuleContext, node: SyntaxNode, args: SyntaxNode, name: string): void {
  const callee = node.childForFieldName('function');
  const resolved = callee ? resolveCallee(callee, context) : undefined;
  if (!resolved?.startsWith('flask_cors')) return;
  const credentials = flagValue(keywordArgument(args, 'supports_credentials'), context) === true;
  const resources = keywordArgument(args, 'resources');
  const origins = keywordArgument(args, 'origins') ?? (name === 'cross_origin' ? positionalArguments(args)[0] : undefined);
  let open = origins ? anyOrigin(origins, context) : !resources || resourcesOpen(resources, context);
  let withCredentials = credentials;
  if (resources?.type === 'dictionary') {
    for (const pair of resources.namedChildren) {
      const options = pair?.type === 'pair' ? pair.childForFieldName('value') : undefined;
      if (options?.type !== 'dictionary') continue;
      const resourceOrigins = dictValue(options, 'origins');
      const resourceCredentials = dictValue(options, 'supports_credentials');
      const resourceOpen = resourceOrigins ? anyOrigin(resourceOrigins, context) : !origins || open;
      const resourceWithCredentials = resourceCredentials ? flagValue(resourceCredentials, context) === true : credentials;
      if (resourceOpen && resourceWithCredentials) open = withCredentials = true;
    }
  }
  if (!open || !withCredentials) return;
  // A multi-line call is reported where it opens the origins (the line its fix changes).
  context.report({ node: origins && anyOrigin(origins, context) ? origins : node, message: `${name}() allows every origin with supports_credentials=True, so flask-cors echoes back whatever Origin asks and ${reflectRisk}; pass origins=[...] with the sites you trust.` });
}

/** Starlette's CORSMiddleware echoes the Origin for credentialed requests when allow_origins is ["*"] or the regex matches anything. */
function checkStarlette(context: RuleContext, node: SyntaxNode, args: SyntaxNode, name: string): void {
  if (name !== 'CORSMiddleware') {
    const middleware = positionalArguments(args)[0];
    if (!middleware || !/(^|\.)CORSMiddleware$/.test(middleware.text)) return;
  }
  if (flagValue(keywordArgument(args, 'allow_credentials'), context) !== true) return;
  const origins = keywordArgument(args, 'allow_origins');
  const regex = keywordArgument(args, 'allow_origin_regex');
  const open = (origins && anyOrigin(origins, context)) || (regex && anyOriginPattern.test(literalText(regex) ?? ''));
  if (!open) return;
  context.report({ node: (origins && anyOrigin(origins, context) ? origins : regex) ?? node, message: `CORSMiddleware allows ${origins && anyOrigin(origins, context) ? 'every origin' : 'any origin through its regex'} with allow_credentials=True, so Starlette echoes the caller's Origin and ${reflectRisk}; list trusted origins in allow_origins.` });
}

/** `response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin")` with credentials allowed and no check in between. */
function checkReflectedHeader(context: RuleContext, node: SyntaxNode, value: SyntaxNode): void {
  if (!isRequestOrigin(value, context)) return;
  const scope = enclosingFunction(node);
  if (!scope || !/Access-Control-Allow-Credentials['"]\s*\]?\s*[=,]\s*['"]?true/i.test(scope.text)) return;
  for (let n = node.parent; n && !n.equals(scope); n = n.parent) {
    if (n.type === 'if_statement' && /origin/i.test(n.childForFieldName('condition')?.text ?? '')) return;
  }
  if (originGuard.test(scope.text.replace(/Access-Control-Allow-Origin/gi, ''))) return;
  context.report({ node, message: `Echoing the request's Origin into Access-Control-Allow-Origin while allowing credentials trusts every website, so ${reflectRisk}; compare the Origin with an allow-list before echoing it.` });
}

/** `request.headers.get("Origin")`, `request.META["HTTP_ORIGIN"]`, or a local name holding one. */
function isRequestOrigin(node: SyntaxNode, context: RuleContext, depth = 0): boolean {
  if (depth > 2) return false;
  if (node.type === 'identifier') {
    const { bindings, scope } = resolveName(node.text, node, context);
    return scope === 'local' && bindings.length > 0 && bindings.every((b) => b.kind === 'assignment' && !!b.value && isRequestOrigin(b.value, context, depth + 1));
  }
  const text = node.text;
  return /\b(headers|META|environ)\b/.test(text) && /["'](Origin|HTTP_ORIGIN|origin)["']/.test(text) && /request|req\b|environ/.test(text);
}

function anyOrigin(node: SyntaxNode, context: RuleContext): boolean {
  const text = literalText(node);
  if (text !== undefined) return anyOriginPattern.test(text);
  if (node.type === 'list' || node.type === 'tuple' || node.type === 'set') return node.namedChildren.some((e) => !!e && anyOriginPattern.test(literalText(e) ?? ''));
  if (node.type === 'identifier') {
    const { bindings } = resolveName(node.text, node, context);
    return bindings.length === 1 && bindings[0].kind === 'assignment' && !!bindings[0].value && bindings[0].value.type !== 'identifier' && anyOrigin(bindings[0].value, context);
  }
  return false;
}

/** `resources=r"/api/*"` (a path pattern, origins default to all) or a dict whose entries name no origins. */
function resourcesOpen(resources: SyntaxNode, context: RuleContext): boolean {
  if (resources.type !== 'dictionary') return literalText(resources) !== undefined;
  return resources.namedChildren.some((pair) => {
    const options = pair?.type === 'pair' ? pair.childForFieldName('value') : undefined;
    if (options?.type !== 'dictionary') return false;
    const origins = dictValue(options, 'origins');
    return !origins || anyOrigin(origins, context);
  });
}

function dictValue(dict: SyntaxNode, key: string): SyntaxNode | undefined {
  for (const pair of dict.namedChildren) {
    if (pair?.type === 'pair' && literalText(pair.childForFieldName('key')) === key) return pair.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** A module-level `NAME = True` elsewhere in the file (module-level assignments are part of every unit's key). */
function moduleSettingIsTrue(name: string, at: SyntaxNode, context: RuleContext): boolean {
  const { bindings } = resolveName(name, at, context);
  return bindings.some((b) => b.kind === 'assignment' && flagValue(b.value, context) === true);
}
