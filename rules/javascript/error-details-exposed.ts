// error-details-exposed for JavaScript/TypeScript: stack traces, exception messages and raw error objects from catch blocks and error middleware sent in HTTP responses.
import { defineDetector, type RuleContext, type SyntaxNode, type TextEdit } from '../api';
import { assignmentTargetText } from './lib/assignment-targets';
import { callArgumentsOf, callPartsOf } from './lib/call-parts';
import { constantNumber } from './lib/object-keys';
import { unwrap } from './lib/constant-strings';
import { isDevelopmentOnly } from './lib/environment-guards';
import { isFunction } from './lib/surrounding-names';

const responseReceiver = /^(res|response|resp|reply|this\.res|ctx\.res)$/;
const responseMethods = new Set(['send', 'json', 'end', 'write', 'jsonp', 'render']);
/** Conditions that limit what reaches the client: client errors, errors marked safe to expose, development only. */
const safeCondition = /expose|isOperational|isClientError|isPublic|instanceof|status(Code)?\s*(<|<=)\s*500|status(Code)?\s*={2,3}\s*4\d\d|\.name\s*={2,3}|\.code\s*={2,3}|NODE_ENV|isDev|isProd|isProduction|isDevelopment|ZodError|ValidationError|HttpError|AppError|ApiError|UserError/;
const nestServerErrors = /^(InternalServerErrorException|HttpException|ServiceUnavailableException|BadGatewayException)$/;

type Leak = 'stack' | 'message' | 'object';

export default defineDetector({
  id: 'error-details-exposed',
  family: 'javascript',
  triggers: /^(?=[^]*?(?:send|json|end|write|Response|Exception|body|formatError|customFormatErrorFn))(?=[^]*?(?:catch|err|Err|Exception|\b(?:e|ex|exc|exception|reason|cause|failure|problem)\b))/,
  anchors: /send|json|end|write|Response|Exception|body|formatError|customFormatErrorFn/,
  create(context) {
    const check = (at: SyntaxNode, values: readonly SyntaxNode[], statusHint: number | undefined): void => {
      const clientError = statusHint !== undefined && statusHint >= 400 && statusHint < 500;
      const leaks = values.flatMap((v) => findLeaks(v)).filter((leak) =>
        // A 4xx answer usually carries a message written for the client (validation); a stack trace or a raw caught error
        // object (whose enumerable fields carry driver details: SQL text, hosts) never is.
        !(clientError && leak.kind === 'message') && !(leak.kind !== 'stack' && isGuarded(leak.node)) && !isDevelopmentOnly(leak.node));
      if (!leaks.length || context.isTestCode(at)) return;
      // One finding per line, its fix covering every leak on that line.
      const byLine = new Map<number, Found[]>();
      for (const leak of leaks) byLine.set(leak.node.startPosition.row, [...(byLine.get(leak.node.startPosition.row) ?? []), leak]);
      for (const group of byLine.values()) {
        const first = group.find((l) => l.kind === 'stack') ?? group[0];
        const edits = group.flatMap((l) => (l.replaceable ? [editFor(l, context)] : []));
        context.report({
          node: first.node,
          confidence: first.kind === 'stack' ? 'high' : 'medium',
          message: messageFor(first.kind, first.node.text),
          ...(edits.length === group.length ? { fix: { title: 'Send a generic message instead (log the error on the server)', edits, preservesBehaviour: false } } : {}),
        });
      }
    };
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name: method } = callPartsOf(node);
        if (callee?.type !== 'member_expression' || !method || !responseMethods.has(method)) return;
        const args = callArgumentsOf(node);
        if (!args.length) return;
        // `NextResponse.json({ error: err.message }, { status: 500 })`, `Response.json(…)`
        if (method === 'json' && /^(NextResponse|Response)$/.test(callee.childForFieldName('object')?.text ?? '')) {
          check(node, [args[0]], constantNumber(statusOption(args[1])));
          return;
        }
        if (responseMethods.has(method)) {
          const status = statusOfChain(unwrap(callee.childForFieldName('object')));
          if (status !== null) check(node, args, status);
        }
      },
      new_expression(node: SyntaxNode) {
        const ctor = callPartsOf(node).name ?? '';
        if (ctor !== 'Response' && !nestServerErrors.test(ctor)) return;
        const args = callArgumentsOf(node);
        if (!args.length) return;
        if (ctor === 'Response') return check(node, [args[0]], constantNumber(statusOption(args[1])));
        // NestJS sends an HttpException's message to the client.
        if (nestServerErrors.test(ctor) && node.parent?.type === 'throw_statement') {
          const status = ctor === 'HttpException' ? constantNumber(args[1]) : 500;
          check(node, [args[0]], status);
        }
      },
      pair(node: SyntaxNode) {
        // GraphQL servers: `formatError: (err) => ({ message: err.message, stack: err.stack })` sends every stack to the client.
        const key = node.childForFieldName('key')?.text;
        if (key !== 'formatError' && key !== 'customFormatErrorFn') return;
        const fn = unwrap(node.childForFieldName('value'));
        if (!fn || !isFunction(fn)) return;
        const param = parametersOf(fn)[0];
        const body = fn.childForFieldName('body');
        if (!param || !body || !body.text.includes('.stack')) return;
        const stack = body.descendantsOfType('member_expression').find((m) => m?.childForFieldName('property')?.text === 'stack' && (m.childForFieldName('object')?.text ?? '').split('.')[0] === param);
        if (!stack || isDevelopmentOnly(stack) || isGuarded(stack) || context.isTestCode(node)) return;
        context.report({ node: stack, confidence: 'high', message: messageFor('stack', stack.text) });
      },
      assignment_expression(node: SyntaxNode) {
        // Koa: `ctx.body = { error: err.message }`
        const left = assignmentTargetText(node);
        if (left !== 'ctx.body' && left !== 'this.body' && left !== 'context.body') return;
        const right = node.childForFieldName('right');
        if (right) check(node, [right], undefined);
      },
    };
  },
});

/** A message becomes 'Internal Server Error'; a stack or raw error property is removed from the object; a whole argument is replaced. */
function editFor(leak: Found, context: RuleContext): TextEdit {
  const pair = leak.node.parent?.type === 'pair' ? leak.node.parent : undefined;
  if (pair && leak.kind !== 'message') return removePair(pair, context);
  return { range: context.rangeOf(leak.node), newText: "'Internal Server Error'" };
}

function removePair(pair: SyntaxNode, context: RuleContext): TextEdit {
  const previous = pair.previousNamedSibling;
  const next = pair.nextNamedSibling;
  const close = pair.parent?.lastChild;
  const ownLine = (!previous || previous.endPosition.row < pair.startPosition.row) && (!next || next.startPosition.row > pair.endPosition.row)
    && !!close && close.startPosition.row > pair.endPosition.row;
  if (ownLine) return { range: { start: { line: pair.startPosition.row, character: 0 }, end: { line: pair.endPosition.row + 1, character: 0 } }, newText: '' };
  if (next) return { range: { start: context.rangeOf(pair).start, end: context.rangeOf(next).start }, newText: '' };
  if (previous) return { range: { start: context.rangeOf(previous).end, end: context.rangeOf(pair).end }, newText: '' };
  return { range: context.rangeOf(pair), newText: '' };
}

function messageFor(kind: Leak, text: string): string {
  switch (kind) {
    case 'stack':
      return `Sending ${text} to the client reveals file paths, library versions and code structure an attacker can use; log it on the server and send a generic message with a request id.`;
    case 'message':
      return `Sending ${text} to the client can reveal SQL, file paths, hostnames or internal state from whatever threw; log it on the server and send a generic message (or only messages from errors you created for the client).`;
    case 'object':
      return `Sending the raw error ${text} to the client can expose its message, stack or driver details (SQL text, hosts); log it on the server and send a generic message.`;
  }
}

/** The status set earlier in a `res.status(500).json(…)` chain; null when the receiver is not a response at all. */
function statusOfChain(object: SyntaxNode | undefined): number | undefined | null {
  if (!object) return null;
  if (responseReceiver.test(object.text.replace(/\s/g, ''))) return undefined;
  if (object.type === 'call_expression') {
    const fn = object.childForFieldName('function');
    if (fn?.type !== 'member_expression') return null;
    const inner = statusOfChain(unwrap(fn.childForFieldName('object')));
    if (inner === null) return null;
    const method = fn.childForFieldName('property')?.text ?? '';
    if (method === 'status' || method === 'code') {
      const arg = object.childForFieldName('arguments')?.namedChildren[0];
      return constantNumber(arg) ?? inner;
    }
    return /^(set|header|type|cookie|clearCookie|vary|append|location|links|headers)$/.test(method) ? inner : null;
  }
  return null;
}

function statusOption(options: SyntaxNode | undefined): SyntaxNode | undefined {
  const object = unwrap(options);
  if (object?.type !== 'object') return undefined;
  for (const pair of object.namedChildren) if (pair?.type === 'pair' && pair.childForFieldName('key')?.text === 'status') return pair.childForFieldName('value') ?? undefined;
  return undefined;
}

interface Found {
  readonly kind: Leak;
  readonly node: SyntaxNode;
  /** The leaking expression is the whole argument or an object property value, so a constant can take its place. */
  readonly replaceable: boolean;
}

/** Every leak in a response value: each property of an object literal on its own, or the value as a whole. */
function findLeaks(value: SyntaxNode, depth = 0): Found[] {
  const node = unwrap(value);
  if (!node || depth > 3) return [];
  if (node.type !== 'object') {
    const found = findLeak(node, depth);
    return found ? [found] : [];
  }
  const out: Found[] = [];
  for (const pair of node.namedChildren) {
    if (pair?.type === 'pair') out.push(...findLeaks(pair.childForFieldName('value')!, depth + 1));
    else if (pair?.type === 'shorthand_property_identifier' && isErrorValue(pair)) out.push({ kind: 'object', node: pair, replaceable: false });
    else if (pair?.type === 'spread_element') out.push(...findLeaks(pair.namedChildren[0]!, depth + 1));
  }
  return out;
}

/** An error's stack, message or the error itself inside a response value (object literals, templates, concatenation, String()). */
function findLeak(value: SyntaxNode, depth = 0): Found | undefined {
  const node = unwrap(value);
  if (!node || depth > 4) return undefined;
  switch (node.type) {
    case 'member_expression': {
      const property = node.childForFieldName('property')?.text;
      const object = unwrap(node.childForFieldName('object'));
      if ((property === 'stack' || property === 'message' || property === 'sqlMessage' || property === 'sql') && object && isErrorValue(object)) {
        return { kind: property === 'stack' ? 'stack' : 'message', node, replaceable: isReplaceable(node) };
      }
      return undefined;
    }
    case 'identifier':
      return isErrorValue(node) && isReplaceable(node) ? { kind: 'object', node, replaceable: true } : undefined;
    case 'object':
      // Handled by findLeaks, which reports each property.
      return undefined;
    case 'template_string':
      for (const part of node.namedChildren) {
        if (part?.type !== 'template_substitution') continue;
        const inner = unwrap(part.namedChildren[0]);
        const found = inner && (inner.type === 'identifier' && isErrorValue(inner) ? { kind: 'message' as const, node: inner, replaceable: false } : findLeak(inner, depth + 1));
        if (found) return { ...found, replaceable: false };
      }
      return undefined;
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.type !== '+') return undefined;
      for (const side of [node.childForFieldName('left'), node.childForFieldName('right')]) {
        const inner = unwrap(side);
        if (!inner) continue;
        const found = inner.type === 'identifier' && isErrorValue(inner) ? { kind: 'message' as const, node: inner, replaceable: false } : findLeak(inner, depth + 1);
        if (found) return { ...found, replaceable: false };
      }
      return undefined;
    }
    case 'call_expression': {
      // `String(err)`, `err.toString()`, `util.inspect(err)`
      const fn = node.childForFieldName('function');
      const arg = unwrap(node.childForFieldName('arguments')?.namedChildren[0]);
      if (fn?.text === 'String' || /(^|\.)inspect$/.test(fn?.text ?? '')) {
        return arg?.type === 'identifier' && isErrorValue(arg) ? { kind: /inspect/.test(fn?.text ?? '') ? 'stack' : 'message', node, replaceable: isReplaceable(node) } : undefined;
      }
      if (fn?.type === 'member_expression' && fn.childForFieldName('property')?.text === 'toString') {
        const object = unwrap(fn.childForFieldName('object'));
        return object?.type === 'identifier' && isErrorValue(object) ? { kind: 'message', node, replaceable: isReplaceable(node) } : undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Directly an argument of the response call, or a property value of the object literal passed to it. */
function isReplaceable(node: SyntaxNode): boolean {
  const parent = node.parent;
  return parent?.type === 'arguments' || (parent?.type === 'pair' && parent.childForFieldName('value')?.equals(node)) || parent?.type === 'assignment_expression';
}

/** Names errors are caught under; anything else is not looked up (a walk to the binding costs more than the whole check). */
const errorName = /^(e|err|error|ex|exc|exception|reason|cause|failure|problem|\w*(Error|Err|Exception))$/;

/** An identifier bound as a caught error: a catch parameter, error middleware's first parameter, a `.catch()` callback's or a Node-style callback's `err`. */
function isErrorValue(identifier: SyntaxNode): boolean {
  const name = identifier.text;
  if (!errorName.test(name)) return false;
  for (let n = identifier.parent; n; n = n.parent) {
    if (n.type === 'catch_clause') {
      const parameter = n.childForFieldName('parameter');
      if (parameter?.text === name) return true;
      continue;
    }
    if (!isFunction(n)) continue;
    const params = parametersOf(n);
    const index = params.indexOf(name);
    if (index === -1) continue;
    if (index !== 0) return false;
    if (params.length === 4 && /^(req|request)$/.test(params[1])) return true;
    const call = n.parent?.type === 'arguments' ? n.parent.parent : undefined;
    const callee = call?.childForFieldName('function');
    if (callee?.type === 'member_expression' && callee.childForFieldName('property')?.text === 'catch') return true;
    return !!call && /^(err|error|e|ex|exception)$/.test(name) && params.length >= 1;
  }
  return false;
}

function parametersOf(fn: SyntaxNode): string[] {
  const single = fn.childForFieldName('parameter');
  if (single) return [single.text];
  const params = fn.childForFieldName('parameters');
  return (params?.namedChildren ?? []).map((p) => {
    if (!p) return '';
    const pattern = p.type === 'required_parameter' || p.type === 'optional_parameter' ? p.childForFieldName('pattern') : p;
    return pattern?.type === 'identifier' ? pattern.text : '';
  });
}

/** Inside a condition that limits what reaches the client (`err.expose ? err.message : …`, `if (err instanceof ValidationError)`). */
function isGuarded(node: SyntaxNode): boolean {
  let child = node;
  for (let n = node.parent; n && !isFunction(n); child = n, n = n.parent) {
    if (n.type === 'if_statement' && n.childForFieldName('consequence')?.equals(child)) {
      if (safeCondition.test(n.childForFieldName('condition')?.text ?? '')) return true;
    } else if (n.type === 'ternary_expression' && !n.childForFieldName('condition')?.equals(child)) {
      if (safeCondition.test(n.childForFieldName('condition')?.text ?? '')) return true;
    } else if (n.type === 'binary_expression' && n.childForFieldName('operator')?.type === '&&' && n.childForFieldName('right')?.equals(child)) {
      if (safeCondition.test(n.childForFieldName('left')?.text ?? '')) return true;
    }
  }
  return false;
}

