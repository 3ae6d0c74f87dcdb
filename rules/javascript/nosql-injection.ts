// nosql-injection for JavaScript/TypeScript: request data used as a MongoDB/Mongoose filter or operator ($ne, $gt, $where) without a type check.
import { defineDetector, type RuleContext, type SyntaxNode, type TaintSource } from '../api';
import { nosqlFilterMethods } from '../models/javascript-sinks';
import { literalText, unwrap } from './lib/constant-strings';
import { lookupBinding } from './lib/scope-bindings';
import { assessValue, shorten } from './lib/injection-assessment';
import { argumentsOf, propertyValue, shapeOf } from './lib/sink-calls';
import { isValidatedBefore } from './lib/validation-guards';

const hazard = 'nosql-injection';
/** Receivers that hold a Mongoose model or a MongoDB collection, not an array or a lodash wrapper. */
const modelReceiver = /^[A-Z]\w*$|^this\.\w*(model|Model|collection|Collection|repo|Repo|repository|Repository)\w*$|(^|\.)(\w*[mM]odel|\w*[cC]ollection|models\.\w+|db\.\w+)$|\.collection\([^)]*\)$|\.model\([^)]*\)$|^(collection|coll|users|db\.collection\(.*\))$/;
const notModel = /^(Object|Array|Promise|Math|JSON|Reflect|Date|Number|String|_|R|lodash|document|window|\$)$/;
/** Route parameters and headers are strings in Express/Koa; query strings and bodies can be objects. */
const stringOnlySources = /^(req|request|ctx|context)\.(params|headers|path|url|originalUrl|hostname)\b|^@Param\b|^@Headers\b|^route parameter/;
const typeChecked = /typeof\s+[\w.$[\]'"]+\s*[!=]==?\s*['"]string['"]|\b(isString|isMongoId|isValidObjectId|isEmail|isAlphanumeric)\b|\bObjectId\.isValid\b|instanceof\s+ObjectId/;

export default defineDetector({
  id: hazard,
  family: 'javascript',
  // The callee's property is a filter method: `User.find(…)`, `users.updateOne(…)`.
  // Or a `$where` clause built anywhere (a helper returning the criteria object).
  triggers: new RegExp(`(?<![\\w$])(?:${Object.keys(nosqlFilterMethods).join('|')})(?![\\w$])|\\$where`),
  anchored: true,
  create(context) {
    return {
      // `const criteria = () => ({ $where: `this.stocks > '${threshold}'` })`: the clause runs wherever the object goes.
      pair(node: SyntaxNode) {
        const key = node.childForFieldName('key');
        const value = unwrap(node.childForFieldName('value'));
        if (!value || (key?.type === 'property_identifier' ? key.text : literalText(key)) !== '$where' || context.isTestCode(node)) return;
        checkWhere(context, value, node);
      },
      call_expression(node: SyntaxNode) {
        const shape = shapeOf(node);
        const index = nosqlFilterMethods[shape.name ?? ''];
        if (index === undefined || shape.receiverText === undefined) return;
        const receiver = shape.receiverText;
        if (notModel.test(receiver) || !(modelReceiver.test(receiver.replace(/\s+/g, '')) || isInjectedModel(node, receiver))) return;
        const args = argumentsOf(node);
        const filter = unwrap(args[index]);
        if (!filter || context.isTestCode(node)) return;
        // Sequelize and TypeORM take `{ where: … }` options (`Model.update(values, { where })`): SQL, not a Mongo filter.
        if (args.some((a) => propertyValue(a, 'where'))) return;
        if (shape.name === 'aggregate') {
          // The pipeline: `$match` stages filter like `find`.
          if (filter.type === 'array') for (const stage of filter.namedChildren) if (stage && unwrap(stage)?.type === 'object') checkObject(context, unwrap(stage)!, node, 0);
          return;
        }
        if (filter.type === 'object') checkObject(context, filter, node, 0);
        else checkWhole(context, filter, node);
      },
    };
  },
});

/** NestJS: `constructor(@InjectModel('User') private readonly users: Model<UserDoc>)` makes `this.users` a model. */
function isInjectedModel(call: SyntaxNode, receiver: string): boolean {
  const field = /^this\.([\w$]+)$/.exec(receiver)?.[1];
  if (!field) return false;
  for (let n = call.parent; n; n = n.parent) {
    if (n.type !== 'class_declaration' && n.type !== 'class') continue;
    const body = n.childForFieldName('body');
    const ctor = body?.namedChildren.find((m) => m?.type === 'method_definition' && m.childForFieldName('name')?.text === 'constructor');
    const params = ctor?.childForFieldName('parameters')?.text ?? '';
    return new RegExp(`\\b${field.replace(/\$/g, '\\$')}\\s*:\\s*(Model|Collection|MongoRepository)\\s*<`).test(params);
  }
  return false;
}

/** `User.find(req.query)`: the whole filter from the request. */
function checkWhole(context: RuleContext, filter: SyntaxNode, call: SyntaxNode): void {
  if (filter.type !== 'identifier' && filter.type !== 'member_expression' && filter.type !== 'subscript_expression') return;
  const source = directSource(context, filter);
  if (!source) return;
  context.report({
    node: filter,
    confidence: 'high',
    message: `The query filter is ${shorten(filter.text)} from ${source.label}, so a client can send operators like {"$ne": null} or {"$where": …}; build the filter from named fields cast to strings.`,
  });
}

function checkObject(context: RuleContext, object: SyntaxNode, call: SyntaxNode, depth: number): void {
  if (depth > 3) return;
  for (const pair of object.namedChildren) {
    if (!pair) continue;
    if (pair.type === 'shorthand_property_identifier') {
      checkValue(context, pair, call, pair.text);
      continue;
    }
    if (pair.type !== 'pair') continue;
    const keyNode = pair.childForFieldName('key');
    const key = keyNode?.type === 'property_identifier' ? keyNode.text : literalText(keyNode) ?? '';
    const value = unwrap(pair.childForFieldName('value'));
    if (!value) continue;
    if (key === '$where' || key === '$function' || key === '$accumulator') {
      checkWhere(context, value, call);
      continue;
    }
    // `{ $regex: req.query.q }`: the client's pattern runs on the database server (ReDoS) and `.*` matches every record.
    if (key === '$regex') {
      checkRegex(context, value, call);
      continue;
    }
    // `{ $match: req.body.filter }` in an aggregation stage is a whole filter.
    if (key === '$match' && value.type !== 'object') {
      checkWhole(context, value, call);
      continue;
    }
    // `{ $eq: value }` compares literally; `$in`/`$nin` want arrays and are the author's choice.
    if (key.startsWith('$') && key !== '$or' && key !== '$and' && key !== '$nor' && key !== '$match') continue;
    if (value.type === 'object') checkObject(context, value, call, depth + 1);
    else if (value.type === 'array') {
      for (const element of value.namedChildren) if (element && unwrap(element)?.type === 'object') checkObject(context, unwrap(element)!, call, depth + 1);
    } else checkValue(context, value, call, key);
  }
}

function checkValue(context: RuleContext, value: SyntaxNode, call: SyntaxNode, key: string): void {
  const source = directSource(context, value);
  if (!source || isValidatedBefore(value, call, typeChecked)) return;
  context.report({
    node: value,
    confidence: 'high',
    message: `${shorten(value.text)} comes from ${source.label} and may be an object such as {"$ne": null}, which turns the "${key}" match into an operator; cast it with String() or compare with {$eq: …}.`,
    fix: {
      title: 'Compare with $eq so operators in the value are matched literally',
      edits: [{ range: context.rangeOf(value), newText: value.type === 'shorthand_property_identifier' ? `${value.text}: { $eq: ${value.text} }` : `{ $eq: ${value.text} }` }],
      preservesBehaviour: true,
    },
  });
}

/** `$regex` with request data that is not escaped: the pattern is the client's. */
function checkRegex(context: RuleContext, value: SyntaxNode, call: SyntaxNode): void {
  const source = context.taint.sourceOf(value, 'regex-injection');
  if (!source || /escape|quote|\$&/i.test(value.text)) return;
  context.report({
    node: value,
    confidence: 'high',
    message: `The $regex pattern is ${shorten(value.text)} from ${source.label}, so the client's pattern runs on the database (a catastrophic one stalls it, ".*" matches every record); escape it (lodash escapeRegExp) or match exact values.`,
  });
}

/** `$where` runs JavaScript inside MongoDB: anything but a constant built from input is code injection. */
function checkWhere(context: RuleContext, value: SyntaxNode, call: SyntaxNode): void {
  if (value.type === 'arrow_function' || value.type === 'function_expression' || value.type === 'function') return;
  const assessment = assessValue(context, value, hazard);
  const source = assessment.source;
  if (!source && (!assessment.built || assessment.risky.length === 0)) return;
  context.report({
    node: value,
    confidence: source ? 'high' : 'medium',
    message: `A $where clause built from ${source ? source.label : shorten(assessment.risky[0].text)} runs as JavaScript inside MongoDB; express the condition with query operators on named fields instead.`,
  });
}

/**
 * The request source when the value is request data as parsed (not cast, not built into a string): `req.body.user`,
 * or a name destructured or assigned from it.
 */
function directSource(context: RuleContext, value: SyntaxNode): TaintSource | undefined {
  const node = value.type === 'shorthand_property_identifier' ? value : unwrap(value);
  if (!node || !isDirect(node, 0)) return undefined;
  const source = context.taint.sourceOf(node, hazard);
  if (!source || stringOnlySources.test(source.label)) return undefined;
  // NestJS: a DTO class validated by the pipe holds the types it declares; an untyped, `any` or record body holds raw JSON.
  if (/^@/.test(source.label) && !(/^@(Body|Query)\(\s*\)/.test(source.label) && untypedParameter(node, source.label.replace(/^@\w+\(\s*\)\s*/, '')))) return undefined;
  return source;
}

function isDirect(node: SyntaxNode, depth: number): boolean {
  if (depth > 4) return false;
  if (node.type === 'member_expression' || node.type === 'subscript_expression') return true;
  if (node.type !== 'identifier' && node.type !== 'shorthand_property_identifier') return false;
  const binding = lookupBinding(node);
  if (!binding) return false;
  if (binding.kind === 'parameter' || !binding.declarator) return true;
  const target = binding.declarator.childForFieldName('name');
  const value = unwrap(binding.declarator.childForFieldName('value'));
  if (!value) return false;
  if (target?.type === 'object_pattern' || target?.type === 'array_pattern') return true;
  if (value.type === 'identifier' || value.type === 'member_expression' || value.type === 'subscript_expression') return isDirect(value, depth + 1);
  if (value.type === 'await_expression') return /\.(json|body)\(\)$/.test(value.text);
  return false;
}

/** Whether the enclosing method's parameter `name` has no type, or one that holds any JSON (`any`, `object`, `Record<…>`). */
function untypedParameter(at: SyntaxNode, name: string): boolean {
  for (let n = at.parent; n; n = n.parent) {
    if (n.type !== 'method_definition' && !/function|arrow_function/.test(n.type)) continue;
    for (const p of n.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!p || (p.childForFieldName('pattern')?.text ?? '') !== name) continue;
      const type = p.childForFieldName('type')?.text.replace(/^:\s*/, '') ?? '';
      return !type || /^(any|unknown|object|Record<.*>|\{.*\})$/.test(type);
    }
    return false;
  }
  return false;
}
