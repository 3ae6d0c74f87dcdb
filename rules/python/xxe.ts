// xxe for Python: lxml parsers that resolve entities or load DTDs, lxml parsing untrusted XML with its default parser, SAX external entities switched on, stdlib parsers fed request data.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { pythonSinks } from '../models/python-sinks';
import { describeSource } from './lib/flow-findings';
import { callTriggers, calleeLastName, calleeNames, keywordArgument, matchSinks, positionalArguments, type SinkMatch } from './lib/sink-calls';
import { inputOf, originOf } from './lib/value-origins';
import { enclosingFunction, resolveName } from './lib/scope';
import { quietInTests } from './lib/test-code';

const hazard = 'xxe';
const lxmlSpecs = pythonSinks.xxe;
const stdlibSpecs = pythonSinks['xxe-stdlib'];
const sinkNames = new Set([...lxmlSpecs, ...stdlibSpecs].map((s) => s.callee.split('.').pop()!));
const parserClasses = new Set(['XMLParser', 'XMLPullParser', 'XMLTreeBuilder', 'ETCompatXMLParser']);

export default defineDetector({
  id: hazard,
  family: 'python',
  triggers: callTriggers([...sinkNames, ...parserClasses, 'setFeature']),
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context) ?? '';
        if (parserClasses.has(last)) return checkParserOptions(node, context);
        if (last === 'setFeature') return checkSaxFeature(node, context);
        if (!sinkNames.has(last)) return;
        const lxml = matchSinks(node, lxmlSpecs, context)[0];
        if (lxml) return checkLxmlParse(lxml, context);
        const stdlib = matchSinks(node, stdlibSpecs, context)[0];
        if (stdlib) checkStdlibParse(stdlib, context);
      },
    };
  },
});

/** `etree.XMLParser(resolve_entities=True)`, `load_dtd=True` without `resolve_entities=False`, `no_network=False`. */
function checkParserOptions(call: SyntaxNode, context: RuleContext): void {
  const resolved = calleeNames(call, context)?.resolved ?? '';
  if (!/^lxml\.(etree|objectify)\./.test(resolved)) return;
  const args = call.childForFieldName('arguments');
  const resolve = keywordArgument(args, 'resolve_entities');
  const loadDtd = keywordArgument(args, 'load_dtd') ?? keywordArgument(args, 'dtd_validation');
  const network = keywordArgument(args, 'no_network');
  const huge = keywordArgument(args, 'huge_tree');
  const risky = resolve?.type === 'true'
    ? resolve
    : network?.type === 'false'
      ? network
      : loadDtd?.type === 'true' && resolve?.type !== 'false'
        ? loadDtd
        : huge?.type === 'true' && resolve?.type !== 'false' ? huge : undefined;
  if (!risky || context.isTestCode(call)) return;
  const option = risky.parent?.childForFieldName('name')?.text ?? '';
  context.report({
    node: call,
    confidence: 'high',
    message: option === 'huge_tree'
      ? 'This lxml parser sets huge_tree=True, lifting the limits that stop entity-expansion and deep-nesting attacks, while entities stay resolved; keep huge_tree off for untrusted XML or pass resolve_entities=False.'
      : `This lxml parser sets ${option}=${risky.text}, so a document's entities can read local files or fetch URLs (XXE); pass resolve_entities=False and no_network=True, or parse with defusedxml.lxml.`,
    fix: option === 'resolve_entities' ? {
      title: 'Turn entity resolution off (custom entities in documents are no longer expanded)',
      edits: [{ range: context.rangeOf(risky), newText: 'False' }],
      preservesBehaviour: false,
    } : undefined,
  });
}

/** `parser.setFeature(feature_external_ges, True)`: SAX fetches external general entities. */
function checkSaxFeature(call: SyntaxNode, context: RuleContext): void {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment') ?? [];
  if (args.length !== 2 || !/feature_external_(ges|pes)$|external-general-entities|external-parameter-entities/.test(args[0].text) || args[1].type !== 'true') return;
  if (context.isTestCode(call)) return;
  context.report({
    node: call,
    confidence: 'high',
    message: 'Turning on external entities makes the SAX parser read files and URLs that a document names (XXE); leave feature_external_ges and feature_external_pes off, or parse with defusedxml.sax.',
    fix: { title: 'Keep external entities off (documents that rely on them lose that content)', edits: [{ range: context.rangeOf(args[1]), newText: 'False' }], preservesBehaviour: false },
  });
}

/** lxml's default parser resolves entities (before lxml 5.0 external ones too): untrusted input needs a hardened parser. */
function checkLxmlParse(match: SinkMatch, context: RuleContext): void {
  // fromstring(text, parser) / parse(source, parser=p): a parser chosen on purpose, unless it is built here with
  // lxml's default entity handling (`etree.XMLParser(remove_blank_text=True)`), which resolved external entities before lxml 5.
  const args = match.call.childForFieldName('arguments');
  const parser = positionalArguments(args)[1] ?? keywordArgument(args, 'parser');
  if (parser && !keepsDefaultEntities(parser, context)) return;
  const origin = originOf(match.argument, hazard, context);
  if (!origin || origin.kind === 'unknown') return;
  if (isOwnFile(match.argument)) return;
  const from = describeSource(origin.source?.label, origin.kind === 'parameter');
  const module = match.call.childForFieldName('function')?.childForFieldName('object')?.text;
  if (parser) {
    // The parser's construction is the line to change (and the one real fixes change): report it there.
    const bound = parser.type === 'identifier' ? resolveName(parser.text, parser, context).bindings[0]?.value : undefined;
    const fn = enclosingFunction(match.call);
    const built = bound && fn && bound.startIndex >= fn.startIndex && bound.endIndex <= fn.endIndex ? bound : match.call;
    context.report({
      node: built,
      confidence: origin.kind === 'input' ? 'high' : 'medium',
      message: `This lxml parser keeps the default entity handling and parses XML from ${from} in ${match.callee}(), so (before lxml 5) a document's external entities can read local files; pass resolve_entities=False and no_network=True, or use defusedxml.lxml.`,
    });
    return;
  }
  context.report({
    node: match.call,
    confidence: origin.kind === 'input' ? 'high' : 'medium',
    message: `${match.callee}() parses XML from ${from} with lxml's default parser, which expands entities (and, before lxml 5, reads external ones), so a document can pull in local files; pass parser=etree.XMLParser(resolve_entities=False, no_network=True) or use defusedxml.lxml.`,
    fix: module ? safeParserFix(match, module, context) : undefined,
  });
}

/** An lxml XMLParser built in this function (inline or through one name) that says nothing about entities or DTDs. */
function keepsDefaultEntities(parser: SyntaxNode, context: RuleContext): boolean {
  let call: SyntaxNode | undefined = parser;
  if (parser.type === 'identifier') {
    const { bindings } = resolveName(parser.text, parser, context);
    call = bindings.length === 1 && bindings[0].kind === 'assignment' ? bindings[0].value : undefined;
  }
  if (call?.type !== 'call' || calleeLastName(call, context) !== 'XMLParser') return false;
  if (!/^lxml\.etree\.XMLParser$/.test(calleeNames(call, context)?.resolved ?? '')) return false;
  const args = call.childForFieldName('arguments');
  return !!args && !['resolve_entities', 'load_dtd', 'dtd_validation', 'no_network', 'huge_tree'].some((k) => keywordArgument(args, k)) && !args.namedChildren.some((a) => a?.type === 'dictionary_splat');
}

/** `open("config.xml")` or a literal path: the program's own file, not a document from outside. */
function isOwnFile(node: SyntaxNode): boolean {
  return node.type === 'string' || (node.type === 'call' && /^open$/.test(node.childForFieldName('function')?.text ?? '') && node.childForFieldName('arguments')?.namedChildren[0]?.type === 'string');
}

function safeParserFix(match: SinkMatch, module: string, context: RuleContext): Fix | undefined {
  const args = match.call.childForFieldName('arguments');
  const closing = args?.lastChild;
  if (closing?.type !== ')' || !/^(etree|lxml\.etree|ET|et|objectify|lxml\.objectify)$/.test(module)) return undefined;
  const at = context.rangeOf(closing).start;
  const parser = module.endsWith('objectify') ? 'objectify.makeparser(resolve_entities=False, no_network=True)' : `${module}.XMLParser(resolve_entities=False, no_network=True)`;
  return {
    title: 'Parse with a parser that resolves no entities (entity references in documents are left unexpanded)',
    edits: [{ range: { start: at, end: at }, newText: `, parser=${parser}` }],
    preservesBehaviour: false,
  };
}

/** The standard library parsers do not fetch external entities, but expand internal ones: request data deserves defusedxml. */
function checkStdlibParse(match: SinkMatch, context: RuleContext): void {
  const source = inputOf(match.argument, hazard, context);
  if (!source) return;
  context.report({
    node: match.call,
    confidence: 'medium',
    message: `${match.callee}() parses XML from ${describeSource(source.label, false)} with the standard library parser, which expands entities (billion laughs) and is not hardened for hostile input; parse it with defusedxml (same API: defusedxml.ElementTree.fromstring).`,
  });
}
