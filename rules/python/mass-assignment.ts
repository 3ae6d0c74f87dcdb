// mass-assignment for Python: request data spread into models (Model(**data), objects.create/update, query.update, setattr loops, __dict__.update) and ModelForm/ModelSerializer fields = "__all__".
import { defineDetector, type RuleContext, type SyntaxNode } from '../api';
import { modelWriteMethods } from '../models/python-sinks';
import { describeSource } from './lib/flow-findings';
import { enclosingFunction, resolveName } from './lib/scope';
import { callTriggers, calleeLastName, positionalArguments } from './lib/sink-calls';
import { inputOf } from './lib/value-origins';
import type { TaintSource } from '../api';
import { quietInTests } from './lib/test-code';

const hazard = 'mass-assignment';
const writeMethods = new Set(modelWriteMethods);
/** Classes that take keyword data without storing it on a model. */
const notModels = /^(dict|Response|HttpResponse|JsonResponse|StreamingHttpResponse|TemplateResponse|Template|Context|Markup|Exception|ValueError|Q|F|OrderedDict|defaultdict|Counter|SimpleNamespace|namedtuple|Decimal|Path|Request|Headers|Form|\w*Form|\w*Serializer|\w*Schema|\w*Error|\w*Exception|\w*Event|\w*Message|\w*Config|\w*Settings|\w*Options|\w*Params|\w*Filter|\w*Query)$/;
const modelishReceiver = /(objects|query|session|db|repo|repository|model|crud|manager|table|collection)\b|^[A-Z]/;
const formBases = /\b(ModelForm|ModelSerializer|HyperlinkedModelSerializer)\b/;

export default defineDetector({
  id: hazard,
  family: 'python',
  // `setattr`/`update` calls, `**data` into a model, `fields = '__all__'`.
  triggers: callTriggers(['setattr', 'update'], /\*\*|__all__/),
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context) ?? '';
        if (last !== 'setattr' && last !== 'update') return;
        const args = node.childForFieldName('arguments');
        if (args?.type !== 'argument_list') return;
        if (last === 'setattr') checkSetattr(node, args, context);
        else if (!args.namedChildren.some((a) => a?.type === 'dictionary_splat')) checkUpdate(node, args, context);
      },
      dictionary_splat(node: SyntaxNode) {
        // Few calls spread a dict: visiting the `**x` itself spares a look at every call's arguments.
        const call = node.parent?.type === 'argument_list' ? node.parent.parent : undefined;
        if (call?.type === 'call') checkSplat(call, calleeLastName(call, context) ?? '', node, context);
      },
      class_definition(node: SyntaxNode) {
        if (node.childForFieldName('name')?.text !== 'Meta') return;
        const body = node.childForFieldName('body');
        if (!body || !body.text.includes('__all__')) return;
        for (const statement of body.namedChildren) {
          const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
          if (assignment?.type === 'assignment') checkAllFields(assignment, context);
        }
      },
    };
  },
});

/** `User(**request.json)`, `Article.objects.create(**request.POST.dict())`, `Order.objects.filter(pk=pk).update(**data)`. */
function checkSplat(call: SyntaxNode, last: string, splat: SyntaxNode, context: RuleContext): void {
  const callee = call.childForFieldName('function');
  if (!callee) return;
  const isClass = /^[A-Z]/.test(last) && !notModels.test(last);
  const receiver = callee.type === 'attribute' ? callee.childForFieldName('object')?.text ?? '' : '';
  const isWrite = writeMethods.has(last) && modelishReceiver.test(receiver) && !/^(self\.)?request\b/.test(receiver);
  if (!isClass && !isWrite) return;
  const data = splat.namedChildren[0];
  const source = data && keysFromInput(data, context);
  if (!source || isSchemaParameter(source, call, context) || context.isTestCode(call)) return;
  context.report({
    node: call,
    confidence: 'high',
    message: `${callee.text}(**...) takes every field from ${describeSource(source.label, false)}, so a client can also set fields the form never showed, such as is_admin, owner_id or balance; pass an explicit allow-list of fields, or validate through a form or serializer that declares them.`,
  });
}

/** `Model.query.filter_by(id=x).update(request.json)`, `obj.__dict__.update(data)`, `vars(obj).update(data)`. */
function checkUpdate(call: SyntaxNode, args: SyntaxNode, context: RuleContext): void {
  const receiver = call.childForFieldName('function')?.childForFieldName('object');
  const data = positionalArguments(args)[0];
  if (!receiver || !data) return;
  const target = receiver.text;
  const isObjectState = /\.__dict__$/.test(target) || /^vars\(.+\)$/.test(target);
  const isQuery = /\.(query|objects)\b.*\.(filter|filter_by|where|all)\(|^(select|update)\(/.test(target);
  if (!isObjectState && !isQuery) return;
  const source = keysFromInput(data, context);
  if (!source || context.isTestCode(call)) return;
  context.report({
    node: call,
    confidence: 'high',
    message: `${target}.update() writes every key of ${describeSource(source.label, false)} into the ${isQuery ? 'matching rows' : 'object'}, so a client can set any field, such as is_admin or owner_id; copy an allow-list of fields instead.`,
  });
}

/** `for key, value in request.json.items(): setattr(user, key, value)` without checking key against an allow-list. */
function checkSetattr(call: SyntaxNode, args: SyntaxNode, context: RuleContext): void {
  const [target, key] = positionalArguments(args);
  // The name comes from a loop over the data (`for key, value in data.items()`), not from code (`action.dest`).
  if (!target || key?.type !== 'identifier') return;
  if (!resolveName(key.text, key, context).bindings.some((b) => b.kind === 'loop' || b.kind === 'unpack')) return;
  const source = inputOf(key, hazard, context);
  if (!source || context.isTestCode(call)) return;
  context.report({
    node: call,
    confidence: 'high',
    message: `setattr() with attribute names from ${describeSource(source.label, false)} lets a client set any attribute of ${target.text}, such as is_admin or password_hash; check each name against an allow-list of editable fields first.`,
  });
}

/**
 * Client input whose keys become the fields: the data itself, or a dict comprehension whose keys come from it. A dict
 * literal or `dict(name=...)` names its keys in the code, so it is safe whatever its values.
 */
function keysFromInput(node: SyntaxNode, context: RuleContext, depth = 0): TaintSource | undefined {
  if (depth > 3) return undefined;
  if (node.type === 'dictionary') return undefined;
  if (node.type === 'dictionary_comprehension') {
    const key = node.childForFieldName('body')?.childForFieldName('key');
    if (!key) return undefined;
    if (key.type !== 'identifier') return inputOf(key, hazard, context);
    // `{k: v for k, v in data.items()}`: the keys are the iterable's, unless an `if k in ALLOWED` filter picks them.
    const filtered = node.namedChildren.some((c) => c?.type === 'if_clause' && new RegExp(`\\b${key.text}\\b\\s+in\\b`).test(c.text));
    const loop = node.namedChildren.find((c) => c?.type === 'for_in_clause' && new RegExp(`\\b${key.text}\\b`).test(c.childForFieldName('left')?.text ?? ''));
    const iterable = loop?.childForFieldName('right');
    return filtered || !iterable ? undefined : inputOf(iterable, hazard, context);
  }
  if (node.type === 'call' && node.childForFieldName('function')?.text === 'dict') {
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    if (args.every((a) => a?.type === 'keyword_argument')) return undefined;
  }
  if (node.type === 'identifier') {
    const { bindings } = resolveName(node.text, node, context);
    const values = bindings.filter((b) => b.kind === 'assignment' && b.value && b.value.startIndex < node.startIndex);
    if (values.length && values.every((b) => b.value!.type === 'dictionary' || b.value!.type === 'dictionary_comprehension')) {
      for (const b of values) {
        const found = keysFromInput(b.value!, context, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
  }
  return inputOf(node, hazard, context);
}

/** A FastAPI body parameter typed with a Pydantic model: its fields are declared, so `**item.dict()` is an allow-list. */
function isSchemaParameter(source: TaintSource, at: SyntaxNode, context: RuleContext): boolean {
  const match = /^route parameter (\w+)$/.exec(source.label);
  if (!match) return false;
  const fn = enclosingFunction(at);
  const parameter = fn?.childForFieldName('parameters')?.namedChildren.find((p) => p?.childForFieldName('name')?.text === match[1] || p?.namedChildren[0]?.text === match[1]);
  const type = parameter?.childForFieldName('type')?.text ?? '';
  void context;
  return /^[A-Z]\w*$/.test(type) && !/^(Dict|Any|Mapping|Request|Json)$/.test(type);
}

/** `fields = "__all__"` in the Meta of a ModelForm or ModelSerializer: every model field becomes writable. */
function checkAllFields(node: SyntaxNode, context: RuleContext): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (left?.text !== 'fields' || !right || !/^["']__all__["']$/.test(right.text)) return;
  const meta = node.parent?.parent?.parent;
  if (meta?.type !== 'class_definition' || meta.childForFieldName('name')?.text !== 'Meta') return;
  const owner = meta.parent?.parent;
  const bases = owner?.type === 'class_definition' ? owner.childForFieldName('superclasses')?.text ?? '' : '';
  if (!formBases.test(bases) || context.isTestCode(node)) return;
  context.report({
    node,
    confidence: 'medium',
    message: `fields = "__all__" makes every model field writable through ${owner!.childForFieldName('name')?.text}, including ones added later such as is_staff or owner; list the editable fields explicitly.`,
  });
}
