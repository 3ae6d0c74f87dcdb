// sensitive-data-logged for JavaScript/TypeScript: passwords, tokens, secrets, keys and card data passed to console or logger calls, and whole request bodies of login routes, request headers or process.env.
import { defineDetector, type ModuleBinding, type SyntaxNode } from '../api';
import { callArgumentsOf, callPartsOf } from './lib/call-parts';
import { findBinding, literalText, unwrap } from './lib/constant-strings';
import { nameOf } from './lib/name-words';
import { sensitiveKindOf, type SensitiveKind } from './lib/sensitive-names';
import { enclosingFunction, isFunction } from './lib/surrounding-names';

const consoleMethods = /^(log|info|warn|error|debug|trace|dir|table)$/;
const loggerMethods = /^(log|info|warn|warning|error|debug|trace|fatal|verbose|silly|http|notice|critical|crit|alert|emerg)$/;
const loggerReceiver = /^(logger|log|logging|winston|pino|bunyan|signale|consola|Logger|fastify\.log|app\.log|server\.log|req\.log|request\.log|ctx\.log|this\.log|this\.logger|this\._logger|this\.#logger|\w*[Ll]ogger)$/;
/** Calls a value goes through unchanged on its way into a log line. */
const passThrough = /^(JSON\.stringify|String|util\.inspect|inspect|util\.format|format|Object\.assign)$/;
/** Routes whose request body carries a password or a card. */
const credentialRoute = /login|log-in|signin|sign-in|signup|sign-up|register|password|auth(\/|$)|token|credential|payment|checkout|card/i;

const describe: Readonly<Record<SensitiveKind, string>> = {
  password: 'a password', secret: 'a secret', token: 'a token', key: 'a secret key', session: 'a session id', card: 'card or identity data',
  code: 'a one-time code', credential: 'a credential',
};

export default defineDetector({
  id: 'sensitive-data-logged',
  family: 'javascript',
  triggers: /console|[lL]og|winston|pino|bunyan|signale|consola|debug|dbg|trace|verbose/,
  anchored: true,
  create(context) {
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name: method } = callPartsOf(node);
        if (callee?.type === 'identifier') {
          // The debug package, as libraries log: `const debug = require('debug')('app:auth'); debug('token %s', token)`.
          if (!debugLoggers.has(callee.text) || !isDebugLogger(callee, context.bindings)) return;
        } else {
          if (callee?.type !== 'member_expression' || !method || !(consoleMethods.test(method) || loggerMethods.test(method))) return;
          const receiver = unwrap(callee.childForFieldName('object'))?.text.replace(/\s/g, '') ?? '';
          const isConsole = receiver === 'console' && consoleMethods.test(method);
          if (!isConsole && !(loggerMethods.test(method) && loggerReceiver.test(receiver))) return;
        }
        const args = callArgumentsOf(node);
        if (!args.length || context.isTestCode(node)) return;
        const lines = new Set<number>();
        for (const arg of args) {
          for (const found of sensitiveValues(arg, 0)) {
            if (lines.has(found.node.startPosition.row)) continue;
            lines.add(found.node.startPosition.row);
            context.report({ node: found.node, message: found.message, confidence: found.confidence });
          }
        }
      },
    };
  },
});

/** Names a debug-package logger is kept under. */
const debugLoggers = new Set(['debug', 'dbg', 'log', 'trace', 'verbose']);

/** `debug` bound to `require('debug')('ns')`, or to a call of the default import of 'debug' (`createDebug('ns')`). */
function isDebugLogger(identifier: SyntaxNode, bindings: readonly ModuleBinding[]): boolean {
  const value = unwrap(findBinding(identifier)?.value);
  if (value?.type !== 'call_expression') return false;
  const fn = unwrap(value.childForFieldName('function'));
  if (!fn) return false;
  if (/^require\(\s*['"]debug['"]\s*\)$/.test(fn.text)) return true;
  return fn.type === 'identifier' && bindings.some((b) => b.local === fn.text && b.module === 'debug' && !b.imported);
}

interface Found {
  readonly node: SyntaxNode;
  readonly message: string;
  readonly confidence: 'high' | 'medium';
}

function found(node: SyntaxNode, kind: SensitiveKind): Found {
  return {
    node,
    confidence: 'high',
    message: `${shorten(node.text)} (${describe[kind]}) is written to the log, where everyone with access to logs and log services can read and reuse it; log an identifier or a redacted value instead.`,
  };
}

/** Sensitive values that reach the log line as they are: names, object properties, template parts, concatenations. */
function sensitiveValues(value: SyntaxNode, depth: number): Found[] {
  const node = unwrap(value);
  if (!node || depth > 4) return [];
  switch (node.type) {
    case 'identifier':
    case 'member_expression':
    case 'subscript_expression': {
      const whole = wholeObject(node);
      if (whole) return [whole];
      const name = node.type === 'identifier' ? node.text : nameOf(node);
      const kind = name ? loggedKindOf(name) : undefined;
      if (!kind || namesAConstant(node) || isLexicalToken(node, kind)) return [];
      return [found(node, kind)];
    }
    case 'shorthand_property_identifier': {
      const kind = loggedKindOf(node.text);
      return kind ? [found(node, kind)] : [];
    }
    case 'object':
      return node.namedChildren.flatMap((p) => {
        if (!p) return [];
        if (p.type === 'shorthand_property_identifier') return sensitiveValues(p, depth + 1);
        if (p.type === 'spread_element') return sensitiveValues(p.namedChildren[0]!, depth + 1);
        if (p.type !== 'pair') return [];
        const v = p.childForFieldName('value');
        const key = nameOf(p.childForFieldName('key'));
        // `{ password: user.password }` or `{ token: t }`: the key names the value.
        const kind = key ? loggedKindOf(key) : undefined;
        const inner = unwrap(v);
        if (kind && inner && isPlainValue(inner)) return [found(p, kind)];
        return v ? sensitiveValues(v, depth + 1) : [];
      });
    case 'template_string':
      return node.namedChildren.flatMap((c) => (c?.type === 'template_substitution' && c.namedChildren[0] ? sensitiveValues(c.namedChildren[0], depth + 1) : []));
    case 'binary_expression':
      if (node.childForFieldName('operator')?.type !== '+') return [];
      return [...sensitiveValues(node.childForFieldName('left')!, depth + 1), ...sensitiveValues(node.childForFieldName('right')!, depth + 1)];
    case 'call_expression': {
      const fn = node.childForFieldName('function')?.text.replace(/\s/g, '') ?? '';
      if (!passThrough.test(fn)) return [];
      const first = node.childForFieldName('arguments')?.namedChildren[0];
      return first ? sensitiveValues(first, depth + 1) : [];
    }
    case 'array':
      return node.namedChildren.flatMap((c) => (c ? sensitiveValues(c, depth + 1) : []));
    default:
      return [];
  }
}

/**
 * Session ids are left out: `sessionId` names debugger, database and protocol sessions as often as logins,
 * and a log line saying which session did something is usually the point.
 */
/** Database and broker URLs carry the login in them: `DATABASE_URL`, `mongoUri`, `connectionString`. */
const connectionUrlName = /^(database|db|mongo(db)?|postgres(ql)?|pg|mysql|maria(db)?|redis|amqp|rabbit(mq)?|broker)[_-]?(url|uri|dsn)$|^connection[_-]?(string|str|url|uri)$|^dsn$/i;

function loggedKindOf(name: string): SensitiveKind | undefined {
  if (connectionUrlName.test(name)) return 'credential';
  const kind = sensitiveKindOf(name);
  return kind === 'session' ? undefined : kind;
}

/** `EnvVarNames.MSI_SECRET`, `Headers.AUTHORIZATION`: a constant on an enum-like object names a setting rather than holding a secret. */
function namesAConstant(node: SyntaxNode): boolean {
  if (node.type !== 'member_expression') return false;
  const object = unwrap(node.childForFieldName('object'));
  const objectName = object?.type === 'member_expression' ? nameOf(object) : object?.text;
  return !!objectName && /^[A-Z][a-z]\w*$/.test(objectName) && /^[A-Z][A-Z0-9_]*$/.test(nameOf(node) ?? '');
}

/** A lexer or parser token (`token.type`, `token.value` read in the same function) rather than a credential. */
function isLexicalToken(node: SyntaxNode, kind: SensitiveKind): boolean {
  if (kind !== 'token' || node.type !== 'identifier') return false;
  let fn: SyntaxNode | null = node.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  if (!fn) return false;
  return new RegExp(`\\b${node.text.replace(/\$/g, '\\$')}\\??\\.(type|kind|value|text|start|end|line|loc|range|pos|offset|source|tokenType|image)\\b`).test(fn.text.slice(0, 8000));
}

/** A value carried as it is, not a length, a flag or a constant: `{ password: '***' }` and `{ token: token.length }` are fine. */
function isPlainValue(node: SyntaxNode): boolean {
  if (node.type === 'identifier' || node.type === 'subscript_expression') return true;
  if (node.type === 'member_expression') return !/^(length|size|type|kind|id|exp|expiresAt|iat)$/.test(nameOf(node) ?? '');
  return false;
}

/** `req.body` in a login route, `req.headers`, `process.env`: whole objects that carry credentials. */
function wholeObject(node: SyntaxNode): Found | undefined {
  const text = node.text.replace(/\s/g, '');
  if (text === 'process.env') {
    return { node, confidence: 'high', message: 'Logging process.env writes every secret in the environment (database passwords, API keys) to the log; log only the settings you need, by name.' };
  }
  if (/^(req|request)\.headers$/.test(text)) {
    return { node, confidence: 'medium', message: `${text} includes the Authorization header and session cookies, which then sit in the log for anyone with access to reuse; log selected headers instead.` };
  }
  if (/^(req|request|ctx\.request)\.body$/.test(text)) {
    const route = routePathAround(node);
    if (route && credentialRoute.test(route)) {
      return { node, confidence: 'high', message: `${text} of the ${route} route carries the user's password or card data, which then sits in the log in plain text; log the fields you need (such as the email) instead.` };
    }
    // Any handler that reads a password, token or card field out of the same body: `const { email, password } = req.body`.
    const handler = enclosingFunction(node);
    const body = handler?.text.slice(0, 20000) ?? '';
    const field = new RegExp(`\\b${text.replace(/\./g, '\\.')}\\??\\.(password|passwd|newPassword|currentPassword|token|accessToken|refreshToken|secret|apiKey|cardNumber|cvv|ssn)\\b|\\{[^}]*\\b(password|passwd|newPassword|token|secret|apiKey|cardNumber|cvv|ssn)\\b[^}]*\\}\\s*=\\s*${text.replace(/\./g, '\\.')}\\b`);
    const read = field.exec(body);
    if (read) {
      return { node, confidence: 'high', message: `${text} holds the ${read[1] ?? read[2]} this handler reads from it, which then sits in the log in plain text; log the fields you need instead.` };
    }
  }
  return undefined;
}

/** The path of the route whose inline handler encloses the node: `'/login'` for `app.post('/login', (req, res) => …)`. */
function routePathAround(node: SyntaxNode): string | undefined {
  let fn: SyntaxNode | null = node.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  if (!fn || fn.parent?.type !== 'arguments') return undefined;
  const first = fn.parent.namedChildren[0];
  const path = first && !first.equals(fn) ? literalText(first) : undefined;
  return path?.startsWith('/') ? path : undefined;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= 40 ? flat : `${flat.slice(0, 37)}...`;
}
