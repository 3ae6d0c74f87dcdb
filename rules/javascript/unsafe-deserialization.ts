// unsafe-deserialization for JavaScript/TypeScript: node-serialize, funcster, cryo, serialize-to-js, js-yaml with JavaScript types, BSON evalFunctions, v8.deserialize of input, and eval-based parsing.
import { defineDetector, statementsMatch, type RuleContext, type SyntaxNode } from '../api';
import { callArgumentsOf, callPartsOf } from './lib/call-parts';
import { constantString, literalText, unwrap } from './lib/constant-strings';
import { nameOf } from './lib/name-words';
import { constantBoolean, objectLiteralOf, propertyOf } from './lib/object-keys';
import { resolveTarget } from './lib/sink-calls';

const hazard = 'unsafe-deserialization';

/** Deserializers that rebuild functions from the data, so reading the data runs it. */
const codeRunning: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  'node-serialize.unserialize': "node-serialize's unserialize()",
  'funcster.deepDeserialize': "funcster's deepDeserialize()",
  'funcster.deserialize': "funcster's deserialize()",
  'cryo.parse': "cryo's parse()",
  'serialize-to-js.deserialize': "serialize-to-js's deserialize()",
});
/** Modules whose `parse`/`load`/`deserialize` `resolveTarget` may lead to (the text of an import or require names them). */
const deserializerModules = /node-serialize|funcster|cryo|serialize-to-js|js-yaml|\bv8\b|bson|mongodb/;
const withLibraries = /\beval\b|\bFunction\b|serialize|\bparse\b|\bload(?:All)?\b/;
const yamlLoads = new Set(['js-yaml.load', 'js-yaml.loadAll', 'js-yaml.default.load', 'js-yaml.default.loadAll']);

export default defineDetector({
  id: hazard,
  family: 'javascript',
  // eval and the Function constructor anywhere; the libraries' method names only in files that name one of them.
  triggers: (file) => (statementsMatch(file, deserializerModules) ? withLibraries : /\beval\b|\bFunction\b|unserialize/),
  anchored: true,
  create(context) {
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name = '' } = callPartsOf(node);
        if (!callee) return;
        if (!/^(unserialize|deserialize|deepDeserialize|parse|load|loadAll|eval)$/.test(name)) {
          // `new Function('return ' + text)()` and `Function(…)()`: the callee is itself a call.
          if (callee.type === 'call_expression' || callee.type === 'new_expression' || callee.type === 'parenthesized_expression') checkFunctionConstructor(node, context);
          return;
        }
        const args = callArgumentsOf(node);
        if (name === 'eval') {
          if (isGlobalEval(callee)) checkEval(node, args[0], context);
          return;
        }
        const target = resolveTarget(context, callee) ?? (/^(serialize|nodeSerialize|serializer)\.unserialize$/.test(callee.text.replace(/\s/g, '')) ? 'node-serialize.unserialize' : undefined);
        if (!target) return;
        const data = args[0];
        if (!data || constantString(data) !== undefined || context.isTestCode(node)) return;
        const source = context.taint.sourceOf(data, hazard);
        const label = codeRunning[target];
        if (label) {
          context.report({
            node,
            message: source
              ? `${label} runs functions embedded in its input, and ${source.label} reaches it, so a client can run code on the server; parse JSON with JSON.parse and validate it instead.`
              : `${label} runs functions embedded in the data it reads, so whoever can write that data can run code in this process; parse JSON with JSON.parse and validate it instead.`,
            confidence: 'high',
          });
          return;
        }
        if (yamlLoads.has(target)) return checkYaml(node, callee, args, source?.label, context);
        if (target === 'v8.deserialize' && source) {
          context.report({ node, message: `v8.deserialize() of ${source.label} rebuilds whatever object graph the client sends and can crash or confuse the process; accept JSON and validate it instead.`, confidence: 'medium' });
          return;
        }
        if (/^(bson|mongodb)\.(BSON\.)?deserialize$/.test(target) && evaluatesFunctions(args[1])) {
          context.report({ node, message: 'BSON deserialization with evalFunctions: true turns stored code strings into running functions; leave evalFunctions off.', confidence: 'high' });
        }
      },
    };
  },
});

/** js-yaml: a JavaScript-types schema always; a bare `load()` of request data in case the project is still on js-yaml 3, where load() is unsafe. */
function checkYaml(call: SyntaxNode, callee: SyntaxNode, args: SyntaxNode[], source: string | undefined, context: RuleContext): void {
  const options = objectLiteralOf(args[1]);
  const schema = options ? propertyOf(options, 'schema') : undefined;
  const method = nameOf(callee) ?? 'load';
  if (schema && /DEFAULT_FULL_SCHEMA|js-types|jsTypes|JS_SCHEMA|extend\(\s*\[?\s*(jsTypes|types)/.test(schema.text + ' ' + schema.text)) {
    context.report({
      node: schema.parent ?? call,
      message: 'A YAML schema with JavaScript types builds functions and regular expressions from tags like !!js/function, so loading untrusted YAML can run code; load with the default schema (js-yaml 4) or safeLoad (js-yaml 3).',
      confidence: source ? 'high' : 'medium',
    });
    return;
  }
  if (schema) return;
  // The project's locked js-yaml decides when known: 4 made load() safe, 3 runs !!js/function from any document.
  const major = jsYamlMajor(context);
  if (major !== undefined && major >= 4) return;
  const parameter = !source && major === undefined ? context.taint.sourceOf(args[0], hazard, { parameters: true }) : undefined;
  // A file the user points at (a CLI's --config) is theirs: without a known version it stays quiet, as js-yaml 4 is safe.
  if (!source && major === undefined && !parameter) return;
  const from = source ?? (parameter ? `${parameter.label.replace(/^parameter /, "the caller's ")}` : 'The document');
  const property = callee.type === 'member_expression' ? callee.childForFieldName('property') : undefined;
  context.report({
    node: call,
    message: `${from} reaches js-yaml's ${method}(), which in js-yaml 3 builds functions from !!js/function tags and so runs code from the document; use safeLoad (js-yaml 3) or upgrade to js-yaml 4, where load() is safe.`,
    confidence: source || major !== undefined ? 'medium' : 'low',
    ...(property && method === 'load'
      ? { fix: { title: 'Use safeLoad (js-yaml 3 only: rejects !!js/* tags; js-yaml 4 removed safeLoad)', edits: [{ range: context.rangeOf(property), newText: 'safeLoad' }], preservesBehaviour: false } }
      : {}),
  });
}

/** The major version of js-yaml the project locks or pins, when its manifests say. */
function jsYamlMajor(context: RuleContext): number | undefined {
  const version = context.file.project?.versionOf?.('js-yaml');
  const major = version ? /^\D*(\d+)/.exec(version)?.[1] : undefined;
  return major === undefined ? undefined : Number(major);
}

function evaluatesFunctions(options: SyntaxNode | undefined): boolean {
  const object = objectLiteralOf(options);
  return !!object && constantBoolean(propertyOf(object, 'evalFunctions')) === true;
}

/** `eval('(' + text + ')')`: the JSON-by-eval idiom, parsing data by running it. */
function checkEval(call: SyntaxNode, arg: SyntaxNode | undefined, context: RuleContext): void {
  if (!arg || !isParenthesizedData(arg) || context.isTestCode(call)) return;
  context.report({
    node: call,
    message: 'Parsing data with eval() runs any code inside it, so whoever can influence the text runs JavaScript here; use JSON.parse, which only accepts data.',
    confidence: context.taint.sourceOf(arg, hazard) ? 'high' : 'medium',
  });
}

/** `new Function('return ' + text)()` and `Function('return (' + text + ')')()`: the same idiom through the Function constructor. */
function checkFunctionConstructor(call: SyntaxNode, context: RuleContext): void {
  const inner = unwrap(call.childForFieldName('function'));
  if (!inner || (inner.type !== 'new_expression' && inner.type !== 'call_expression')) return;
  const ctor = inner.childForFieldName(inner.type === 'new_expression' ? 'constructor' : 'function');
  if (ctor?.text !== 'Function') return;
  const args = inner.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a) ?? [];
  const body = args[args.length - 1];
  if (!body || args.length !== 1 || !startsWithReturn(body) || constantString(body) !== undefined || context.isTestCode(call)) return;
  context.report({
    node: call,
    message: 'Parsing data by compiling it with the Function constructor runs any code inside it; use JSON.parse, which only accepts data.',
    confidence: context.taint.sourceOf(body, hazard) ? 'high' : 'medium',
  });
}

function isGlobalEval(callee: SyntaxNode): boolean {
  return callee.type === 'identifier' || /^(window|globalThis|global|self)\.eval$/.test(callee.text.replace(/\s/g, ''));
}

/** Names that say the text is code (a function or expression to run), which is code-injection's concern, not parsing. */
const codeNames = /expr|expression|func|function|code|script|source|src|fn|callback|handler|body_?js|snippet|formula/i;

function namesCode(node: SyntaxNode): boolean {
  const ids = node.type === 'identifier' ? [node] : node.descendantsOfType(['identifier', 'property_identifier']).filter((n): n is SyntaxNode => !!n).slice(0, 12);
  return ids.some((id) => codeNames.test(id.text));
}

function isParenthesizedData(arg: SyntaxNode): boolean {
  const value = unwrap(arg);
  if (!value) return false;
  if (value.type === 'template_string') {
    const parts = value.namedChildren;
    return parts.length >= 2 && /^\s*\(\s*$/.test(parts[0]?.type === 'string_fragment' ? parts[0].text : '') && parts[1]?.type === 'template_substitution' && !namesCode(parts[1]);
  }
  if (value.type !== 'binary_expression') return false;
  let left: SyntaxNode | undefined = value;
  while (left?.type === 'binary_expression') left = unwrap(left.childForFieldName('left'));
  return /^\s*\(\s*$/.test(literalText(left) ?? '') && constantString(value) === undefined && !namesCode(value);
}

function startsWithReturn(node: SyntaxNode): boolean {
  let left: SyntaxNode | undefined = unwrap(node);
  while (left?.type === 'binary_expression') left = unwrap(left.childForFieldName('left'));
  const text = left?.type === 'template_string' ? left.text.slice(1) : literalText(left) ?? '';
  // `'return ' + text`, not `'return require("' + name + '")'`: only the data follows the return.
  return /^\s*return\s*\(?\s*$/.test(text) && !namesCode(node);
}
