// mass-assignment for JavaScript/TypeScript: the whole request body written into a model or table (create, update, new Model, Object.assign, Prisma data, $set).
import { defineDetector, type RuleContext, type SyntaxNode } from '../api';
import { massAssignmentMethods } from '../models/javascript-sinks';
import { unwrap } from './lib/constant-strings';
import { lookupBinding } from './lib/scope-bindings';
import { argumentsOf, propertyValue, shapeOf } from './lib/sink-calls';
import { shorten } from './lib/injection-assessment';

const wholeBody = /^(req|request|ctx\.request|ctx|context|event|this\.request)\.(body|payload)$/;
const notModels = /^(Object|Array|Promise|JSON|Math|Reflect|Map|Set|WeakMap|Buffer|URLSearchParams|FormData|Headers|Date|Error|String|Number|Boolean|RegExp|Proxy|Symbol|console|crypto|hash|hmac|cipher|decipher|res|response|reply|cache|this\.cache|map|headers|params|form|state|store|this\.store|localStorage|sessionStorage|cookies|session|req\.session|request\.session|ctx\.session|url|searchParams|qs|_|lodash)$/;
/** `crypto.createHmac(…).update(req.body)` feeds a digest, not a record. */
const cryptoChain = /create(Hash|Hmac|Cipher\w*|Decipher\w*|Sign|Verify)\(|\b(hash|hmac|cipher|decipher|signer|verifier|md5|sha\d*|digest)\b/i;
const genericMethods = /^(update|save|set|merge|assign)$/;
const modelish = /^[A-Z]|[mM]odel\b|Model$|[rR]epo(sitory)?$|prisma\.|\bdb\.|knex|sequelize|[cC]ollection|\)$|^(user|doc|document|entity|record|instance|account|profile|post|product|order|item|existing|found|model|row)$/;
/** lodash's copies of one object's keys into another. */
const lodashCopyNames = ['merge', 'mergeWith', 'extend', 'assign', 'assignIn', 'defaults', 'defaultsDeep'];
const lodashCopies = new RegExp(`^(${lodashCopyNames.join('|')})$`);
const builtins = /^(Error|TypeError|RangeError|URL|Date|Map|Set|WeakMap|Promise|Proxy|Response|Request|Headers|Blob|File|FormData|URLSearchParams|Buffer|RegExp|Array|Object|Function|Worker|Event|CustomEvent|AbortController|Intl\.\w+|Uint8Array|ArrayBuffer)$/;

export default defineDetector({
  id: 'mass-assignment',
  family: 'javascript',
  // Every finding is the request body: `req.body`, `ctx.request.payload`, `await req.json()`, a NestJS `@Body()` parameter.
  triggers: /body|payload|json\(\)/i,
  // Each visited call names its write method (a model's, Object.assign, or lodash's copies); each `new Model(…)` says `new`.
  anchors: new RegExp(`(?<![\\w$])(?:new|${[...new Set(['assign', ...Object.keys(massAssignmentMethods), ...lodashCopyNames])].join('|')})(?![\\w$])`),
  create(context) {
    return {
      call_expression(node: SyntaxNode) {
        const shape = shapeOf(node);
        const method = shape.name ?? '';
        if (shape.receiverText === undefined || (massAssignmentMethods[method] === undefined && method !== 'assign' && !lodashCopies.test(method))) return;
        const receiver = shape.receiverText.replace(/\s+/g, '');
        const args = argumentsOf(node);
        if (/^(_|lodash)$/.test(receiver) && lodashCopies.test(method)) {
          // _.merge(user, req.body), _.extend(doc, ctx.request.body): the same write as Object.assign.
          if (args[0] && unwrap(args[0])?.type !== 'object') for (const a of args.slice(1)) check(context, a, node, `${receiver}.${method}`);
          return;
        }
        if (receiver === 'Object' && method === 'assign') {
          // Object.assign(user, req.body): a fresh `{}` target is a copy, not a write into a record.
          if (args[0] && unwrap(args[0])?.type !== 'object') for (const a of args.slice(1)) check(context, a, node, 'Object.assign');
          return;
        }
        const index = massAssignmentMethods[method];
        if (index === undefined || index < 0 || notModels.test(receiver) || cryptoChain.test(receiver)) return;
        if (genericMethods.test(method) && !modelish.test(receiver) && !(method === 'set' && args.length === 1)) return;
        // `update` takes the values first (Sequelize, knex) or second (TypeORM, Mongoose): either may be the body.
        const arg = method === 'update' ? args.slice(0, 2).find((a) => bodyIn(unwrap(a) ?? a, 0)) ?? args[0] : args[index];
        if (!arg) return;
        const label = `${receiver.length > 24 ? '…' : receiver}.${method}`;
        const object = unwrap(arg);
        // Prisma `create({ data: req.body })`, Mongo `updateOne(filter, { $set: req.body })`.
        const nested = object?.type === 'object' ? propertyValue(object, 'data') ?? propertyValue(object, '$set') ?? propertyValue(object, 'values') : undefined;
        check(context, nested ?? arg, node, label);
      },
      new_expression(node: SyntaxNode) {
        const ctor = node.childForFieldName('constructor')?.text ?? '';
        if (!/^[A-Z]\w*$/.test(ctor) || builtins.test(ctor)) return;
        const arg = argumentsOf(node)[0];
        if (arg) check(context, arg, node, `new ${ctor}`);
      },
    };
  },
});

function check(context: RuleContext, value: SyntaxNode, at: SyntaxNode, sink: string): void {
  const body = bodyIn(unwrap(value) ?? value, 0);
  if (!body || context.isTestCode(at)) return;
  context.report({
    node: value,
    message: `The whole request body (${shorten(body)}) is written through ${sink}, so a client can also set fields such as role, isAdmin, ownerId or price; pick the allowed fields explicitly or validate with a schema that strips unknown keys.`,
  });
}

/** The request body expression when `node` is the body as sent: directly, spread into an object, or through a variable. */
function bodyIn(node: SyntaxNode, depth: number): string | undefined {
  if (depth > 3) return undefined;
  if ((node.type === 'member_expression' || node.type === 'subscript_expression') && wholeBody.test(node.text.replace(/\[['"](body|payload)['"]\]$/, '.$1'))) return node.text;
  if (node.type === 'await_expression' && /^(req|request)\.json\(\)$/.test(node.namedChildren[0]?.text ?? '')) return node.text;
  if (node.type === 'object') {
    for (const child of node.namedChildren) {
      if (child?.type === 'spread_element') {
        const inner = unwrap(child.namedChildren[0]);
        const found = inner && bodyIn(inner, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }
  if (node.type === 'identifier') {
    const binding = lookupBinding(node);
    if (binding?.kind === 'parameter') return nestBody(node);
    if (!binding?.declarator || binding.declarator.childForFieldName('name')?.type !== 'identifier') return undefined;
    const init = unwrap(binding.value);
    return init ? bodyIn(init, depth + 1) : undefined;
  }
  return undefined;
}

/** NestJS `@Body() body: any` (or untyped): the raw body, unlike a DTO class validated with whitelisting. */
function nestBody(identifier: SyntaxNode): string | undefined {
  for (let n = identifier.parent; n; n = n.parent) {
    if (n.type !== 'method_definition' && !/function|arrow_function/.test(n.type)) continue;
    for (const p of n.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p || (p.childForFieldName('pattern')?.text ?? p.text) !== identifier.text && !p.text.includes(` ${identifier.text}`)) continue;
      const decorator = p.namedChildren.find((c) => c?.type === 'decorator')?.text ?? '';
      if (!/^@Body\(\s*\)$/.test(decorator)) return undefined;
      const type = p.childForFieldName('type')?.text.replace(/^:\s*/, '') ?? '';
      return !type || /^(any|object|Record<.*>|\{.*\})$/.test(type) ? `@Body() ${identifier.text}` : undefined;
    }
    return undefined;
  }
  return undefined;
}
