// nosql-injection for Python: pymongo/motor filters that take JSON values or whole objects from the client ($ne/$gt operator injection), and $where JavaScript built from values.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type TaintSource } from '../api';
import { mongoFilterMethods } from '../models/python-sinks';
import { builtStrings } from './lib/built-strings';
import { describeSource } from './lib/flow-findings';
import { enclosingFunction, resolveName } from './lib/scope';
import { callTriggers, argumentAt, calleeLastName } from './lib/sink-calls';
import { inputOf, holeOrigin } from './lib/value-origins';
import { quietInTests } from './lib/test-code';

const hazard = 'nosql-injection';
const filterMethods = new Set(mongoFilterMethods);
/** Sources that hand back parsed JSON, whose values may be objects like {"$ne": null} rather than strings. */
const structuredSource = /\b(json|get_json|json_body|media|get_media|body|data|loads)\b/;
const collectionReceiver = /(\bdb\b|database|collection|\bcoll\b|\bcol\b|mongo)/i;
const javascriptOperators = new Set(['$where', '$function', '$accumulator', '$expr']);

export default defineDetector({
  id: hazard,
  family: 'python',
  triggers: callTriggers(filterMethods),
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    const usesMongo = context.bindings.some((b) => /^(pymongo|motor|mongoengine|flask_pymongo|bson|mongomock)\b/.test(b.module));
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context) ?? '';
        if (!filterMethods.has(last)) return;
        const callee = node.childForFieldName('function');
        const receiver = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
        const args = node.childForFieldName('arguments');
        if (!receiver || args?.type !== 'argument_list' || !(usesMongo || collectionReceiver.test(receiver.text))) return;
        if (/^(self\.)?request\b|^(str|re|os|json)$/.test(receiver.text)) return;
        const filter = argumentAt(args, 0, last === 'aggregate' ? 'pipeline' : 'filter');
        if (!filter) return;
        checkFilter(node, callee!.text, filter, context);
        if (updateMethods.has(last)) checkUpdate(node, callee!.text, argumentAt(args, 1, 'update'), context);
      },
    };
  },
});

/** Methods whose second argument is an update document (`$set`, `$unset`, `$rename` operators). */
const updateMethods = new Set(['update_one', 'update_many', 'find_one_and_update', 'update']);

/** `update_one({"_id": id}, request.json)`: the client writes the update operators, so it sets any field (a role, a balance). */
function checkUpdate(call: SyntaxNode, callee: string, update: SyntaxNode | undefined, context: RuleContext): void {
  if (!update || dictionaryOf(update, context) || update.type === 'list') return;
  const source = inputOf(update, hazard, context);
  if (!source || !isWholeDocument(update, context)) return;
  context.report({
    node: call,
    confidence: 'high',
    message: `${callee}() applies an update document taken whole from ${describeSource(source.label, false)}, so the client picks the operators and fields ($set on a role or a balance, $unset, $rename); build {"$set": {...}} from the fields it may change.`,
  });
}

function checkFilter(call: SyntaxNode, callee: string, filter: SyntaxNode, context: RuleContext): void {
  const literal = dictionaryOf(filter, context);
  if (!literal) {
    // The whole filter from the client: `find(request.json)`, `find(json.loads(request.args["q"]))`, `find(request.args.to_dict())`.
    const source = inputOf(filter, hazard, context);
    if (!source || filter.type === 'list' || !isWholeDocument(filter, context)) return;
    context.report({
      node: call,
      confidence: 'high',
      message: `${callee}() runs a query document taken whole from ${describeSource(source.label, false)}, so the client picks the operators ($ne, $gt, $where) and can match every record; build the filter from named fields and force each value to the type you expect.`,
    });
    return;
  }
  const found = findInjection(literal, context, 0);
  if (!found) return;
  if (found.kind === 'where') {
    context.report({
      node: call,
      confidence: found.source ? 'high' : 'medium',
      message: `${callee}() runs ${found.operator} JavaScript built from ${found.source ? describeSource(found.source.label, found.source.parameter) : 'values that are not constants'}, so quotes in them inject code into the database's JavaScript engine; replace ${found.operator} with query operators ($eq, $regex with re.escape) and plain values.`,
    });
    return;
  }
  context.report({
    node: call,
    confidence: 'high',
    message: `${callee}() puts a JSON value from ${describeSource(found.source.label, false)} into the filter, so an object like {"$ne": null} or {"$gt": ""} there matches every record (for example logs in without a password); force the value to a string with str() or reject non-strings first.`,
    fix: stringFix(operatorValues(literal, context, 0), context),
  });
}

/** Every filter value that is unconverted JSON from the client, nested conditions included, for the fix. */
function operatorValues(dict: SyntaxNode, context: RuleContext, depth: number): SyntaxNode[] {
  if (depth > 6) return [];
  const out: SyntaxNode[] = [];
  for (const pair of dict.namedChildren) {
    const value = pair?.type === 'pair' ? pair.childForFieldName('value') : undefined;
    if (!value || javascriptOperators.has(pair!.childForFieldName('key')?.text.replace(/^[a-zA-Z]*["']|["']$/g, '') ?? '')) continue;
    if (value.type === 'dictionary') out.push(...operatorValues(value, context, depth + 1));
    else if (value.type === 'list') for (const c of value.namedChildren) { if (c?.type === 'dictionary') out.push(...operatorValues(c, context, depth + 1)); }
    else if (structuredInput(value, context)) out.push(value);
  }
  return out;
}

type Injection =
  | { readonly kind: 'where'; readonly operator: string; readonly source?: TaintSource }
  | { readonly kind: 'operator'; readonly source: TaintSource };

function findInjection(dict: SyntaxNode, context: RuleContext, depth: number): Injection | undefined {
  if (depth > 6) return undefined;
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    if (!key || !value) continue;
    const name = key.type === 'string' ? key.text.replace(/^[a-zA-Z]*["']|["']$/g, '') : '';
    if (javascriptOperators.has(name)) {
      const where = javascriptCode(value, context);
      if (where) return { kind: 'where', operator: name, source: where.source };
      continue;
    }
    const nested = value.type === 'dictionary' ? [value] : value.type === 'list' ? value.namedChildren.filter((c): c is SyntaxNode => c?.type === 'dictionary') : [];
    if (nested.length) {
      for (const inner of nested) {
        const found = findInjection(inner, context, depth + 1);
        if (found) return found;
      }
      continue;
    }
    const source = structuredInput(value, context);
    if (source) return { kind: 'operator', source };
  }
  return undefined;
}

/** `$where` code built from values (or taken from the client): anything not constant can break out of the JavaScript string. */
function javascriptCode(value: SyntaxNode, context: RuleContext): { source?: TaintSource } | undefined {
  const built = builtStrings(value, context);
  if (!built.length) {
    const source = inputOf(value, hazard, context);
    return source ? { source } : undefined;
  }
  for (const b of built) {
    for (const hole of b.holes) {
      const origin = holeOrigin(hole, hazard, context);
      if (origin) return { source: origin.source };
    }
  }
  return undefined;
}

/** A value from parsed JSON (or a route parameter typed dict/Any), not cast to str: it may be an operator object. */
function structuredInput(value: SyntaxNode, context: RuleContext): TaintSource | undefined {
  const source = inputOf(value, hazard, context);
  if (!source) return undefined;
  if (structuredSource.test(source.label) || /json\.loads|loads\(|\.to_dict\(\)$/.test(value.text)) return source;
  const route = /^route parameter (\w+)$/.exec(source.label);
  if (route) {
    const fn = enclosingFunction(value);
    const parameter = fn?.childForFieldName('parameters')?.namedChildren.find((p) => (p?.childForFieldName('name')?.text ?? p?.namedChildren[0]?.text) === route[1]);
    const type = parameter?.childForFieldName('type')?.text ?? '';
    if (/^(dict|Dict|Any|Mapping|Json)\b/.test(type) || /Body\(/.test(parameter?.text ?? '')) return source;
  }
  return undefined;
}

/** The dict literal a filter is, or that the name it uses was last assigned. */
function dictionaryOf(node: SyntaxNode, context: RuleContext): SyntaxNode | undefined {
  if (node.type === 'dictionary') return node;
  if (node.type !== 'identifier') return undefined;
  const { bindings } = resolveName(node.text, node, context);
  const values = bindings.filter((b) => b.kind === 'assignment' && b.value && b.value.startIndex < node.startIndex);
  const last = values[values.length - 1]?.value;
  return last?.type === 'dictionary' ? last : undefined;
}

function stringFix(values: readonly SyntaxNode[], context: RuleContext): Fix | undefined {
  if (!values.length || values.some((v) => v.type !== 'subscript' && v.type !== 'call' && v.type !== 'identifier')) return undefined;
  return {
    title: 'Force the values to strings with str() (an operator object can no longer match; non-string values such as numbers stop matching)',
    edits: values.map((v) => ({ range: context.rangeOf(v), newText: `str(${v.text})` })),
    preservesBehaviour: false,
  };
}

/** `request.json`, `json.loads(...)`, `args.to_dict()`: a whole mapping, not one field read out of it (`data["name"]`). */
function isWholeDocument(node: SyntaxNode, context: RuleContext, depth = 0): boolean {
  if (node.type === 'subscript') return false;
  if (node.type === 'call') {
    const method = node.childForFieldName('function')?.childForFieldName('attribute')?.text ?? '';
    return !/^(get|getlist|pop|strip|lower|upper)$/.test(method);
  }
  if (node.type === 'identifier' && depth < 3) {
    const { bindings } = resolveName(node.text, node, context);
    const value = bindings.filter((b) => b.kind === 'assignment' && b.value && b.value.startIndex < node.startIndex).pop()?.value;
    return value ? isWholeDocument(value, context, depth + 1) : true;
  }
  return true;
}
