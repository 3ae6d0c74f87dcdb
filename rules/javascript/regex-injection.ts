// regex-injection for JavaScript/TypeScript: input compiled with new RegExp() unescaped, and regular expressions with exponential backtracking.
import { defineDetector, type RuleContext, type SyntaxNode, type TaintSource } from '../api';
import { constantString, unwrap } from './lib/constant-strings';
import { lookupBinding } from './lib/scope-bindings';
import { assessValue, onePerLine, sameNode, enclosingFunction, shorten } from './lib/injection-assessment';
import { argumentsOf } from './lib/sink-calls';
import { backtrackingOf, javascriptRegex } from '../lib/regex-backtracking';

const hazard = 'regex-injection';
/** Names that by convention hold text a user typed: a search box, a filter, a query. */
const userTextName = /^(search|searchTerm|searchText|searchQuery|searchString|query|queryText|q|term|keyword|keywords|filterText|needle|userInput)$/i;
const escapeIdiom = /\.replace\(\s*\/\[[^\]]*\\\]?[^/]*\/g\s*,\s*['"`]\\\\\$&['"`]\s*\)/;

export default defineDetector({
  id: hazard,
  family: 'javascript',
  // The RegExp constructor, or a literal with a repeated group (`)+`, `)*`, `){2,}`), which exponential backtracking
  // needs, or a run of a class, class escape or `.` (`\s+`, `[^,]*`, `.*`, `\p{L}+`), which polynomial backtracking needs.
  triggers: /RegExp|\)[*+]|\)\{\d+,|\.\s*(?:match|matchAll)\s*\(|(?:\\[sSdDwWpP]|[.\]}])(?:[*+]|\{\d+,)/,
  anchored: true,
  create(context) {
    const visitConstructor = (node: SyntaxNode): void => {
      const callee = unwrap(node.childForFieldName('function') ?? node.childForFieldName('constructor'));
      if (callee?.type !== 'identifier' || callee.text !== 'RegExp' || lookupBinding(callee)) return;
      const [pattern, flags] = argumentsOf(node);
      if (!pattern) return;
      const constant = constantString(pattern);
      if (constant !== undefined) {
        const kind = backtrackingOf(constant, javascriptRegex(constantString(flags) ?? ''))?.kind;
        if (kind && !context.isTestCode(node)) reportBacktracking(context, pattern, constant, kind);
        return;
      }
      checkInput(context, pattern, node);
    };
    return {
      new_expression: visitConstructor,
      call_expression(node: SyntaxNode) {
        visitConstructor(node);
        checkStringMatch(context, node);
      },
      regex(node: SyntaxNode) {
        const pattern = node.childForFieldName('pattern')?.text ?? '';
        const flags = node.childForFieldName('flags')?.text ?? '';
        const kind = backtrackingOf(pattern, javascriptRegex(flags))?.kind;
        if (kind && !context.isTestCode(node)) reportBacktracking(context, node, pattern, kind);
      },
    };
  },
});

function reportBacktracking(context: RuleContext, node: SyntaxNode, pattern: string, kind: 'exponential' | 'polynomial'): void {
  context.report({
    node,
    // Quadratic time hurts only on long inputs an attacker controls, which the pattern alone does not show.
    confidence: kind === 'exponential' ? 'medium' : 'low',
    message: kind === 'exponential'
      ? `The pattern /${shorten(pattern)}/ repeats a group that can match the same text in many ways, so a crafted string takes exponential time (ReDoS); make the repetitions unambiguous or bound the input length.`
      : `The pattern /${shorten(pattern)}/ has runs that can split the same characters in many ways (or a trailing run retried at every position), so a long crafted string takes quadratic time or worse (ReDoS); make adjacent runs exclude each other, anchor the pattern, or bound the input length.`,
  });
}

function checkInput(context: RuleContext, pattern: SyntaxNode, call: SyntaxNode): void {
  if (context.isTestCode(call)) return;
  const assessment = assessValue(context, pattern, hazard);
  const risky = assessment.risky.filter((part) => !escapeIdiom.test(part.text) && !isEscapedVariable(part));
  if (risky.length === 0) return;
  const tainted = risky.map((part) => ({ part, source: context.taint.sourceOf(part, hazard) })).filter((t) => t.source);
  const named = risky.filter((part) => userTextName.test(lastName(part)));
  const findings: { part: SyntaxNode; source?: TaintSource }[] = tainted.length ? tainted : named.map((part) => ({ part, source: undefined }));
  if (findings.length === 0 && assessment.built) findings.push(...parameterParts(context, risky));
  for (const { part, source } of onePerLine(findings)) {
    const at = sameNode(enclosingFunction(part), enclosingFunction(call)) ? part : pattern;
    context.report({
      node: at,
      confidence: source?.parameter ? 'low' : source ? 'high' : 'medium',
      message: `${shorten(part.text)}${source ? ` (from ${source.parameter ? 'the caller' : source.label})` : ''} is compiled as a regular expression, so its metacharacters change the pattern and a crafted one can hang the process (ReDoS); escape it first, e.g. with lodash's escapeRegExp.`,
      fix: {
        title: `Escape regular-expression characters in ${shorten(part.text)} (it then matches literally)`,
        edits: [{ range: context.rangeOf(part), newText: `String(${part.text}).replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&')` }],
        preservesBehaviour: false,
      },
    });
  }
}

/** The name a value is known by: `query`, `opts.filter`, or the `filter` in `filter.split(' ').join('|')`. */
function lastName(node: SyntaxNode): string {
  let n = unwrap(node);
  while (n?.type === 'call_expression') {
    const callee = n.childForFieldName('function');
    n = callee?.type === 'member_expression' ? unwrap(callee.childForFieldName('object')) : undefined;
  }
  if (n?.type === 'identifier') return n.text;
  if (n?.type === 'member_expression') return n.childForFieldName('property')?.text ?? '';
  return '';
}

/** `route.replace(…).trim()` → `route`: string methods that keep the text's metacharacters. */
function receiverOfStringMethods(node: SyntaxNode | undefined): SyntaxNode | undefined {
  let n = node;
  while (n?.type === 'call_expression') {
    const callee = n.childForFieldName('function');
    if (callee?.type !== 'member_expression' || !/^(replace|replaceAll|trim|trimStart|trimEnd|toLowerCase|toUpperCase)$/.test(callee.childForFieldName('property')?.text ?? '')) return n;
    n = unwrap(callee.childForFieldName('object'));
  }
  return n;
}

/** `const safe = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')` */
function isEscapedVariable(node: SyntaxNode): boolean {
  const n = unwrap(node);
  if (n?.type !== 'identifier') return false;
  const binding = lookupBinding(n);
  return !!binding?.value && escapeIdiom.test(binding.value.text);
}

/** Names under which a caller hands over a pattern on purpose: compiling it is the function's contract, not a slip. */
const patternName = /pattern|regex|regexp|^re$|^rx$|source|glob|expr|matcher|^src$/i;
const optionsName = /^(opts|options|config|settings)$/;

/**
 * Parameters spliced into a pattern with regex syntax around them (`new RegExp('^' + name + '$')`): the constant parts
 * show the author meant the value literally, so its metacharacters are a bug and a crafted one a ReDoS.
 */
function parameterParts(context: RuleContext, risky: readonly SyntaxNode[]): { part: SyntaxNode; source: TaintSource }[] {
  const out: { part: SyntaxNode; source: TaintSource }[] = [];
  for (const raw of risky) {
    // The parameter itself (`'^' + name + '$'`, or `route.replace(/:(\w+)/g, '([^/]+)')` when the replacement only
    // adds syntax): a property of an object parameter (`node.raw[0]`) is the program's data.
    let part = receiverOfStringMethods(unwrap(raw));
    // `'^' + options.prefix + '.*$'`: a field of an options parameter is the caller's value just the same.
    if (part?.type === 'member_expression' && optionsName.test(part.childForFieldName('object')?.text ?? '')) {
      if (patternName.test(part.childForFieldName('property')?.text ?? '')) continue;
      part = unwrap(part.childForFieldName('object') ?? undefined);
    } else if (part?.type !== 'identifier' || patternName.test(part.text)) continue;
    if (part?.type !== 'identifier') continue;
    // `const literals = map(items, (d) => escapeRegExp(d.text)).join('|')`: escaped element by element.
    const init = part.type === 'identifier' ? lookupBinding(part)?.value : undefined;
    if (init && /escape|quote/i.test(init.text)) continue;
    const flow = context.taint.flowOf(part, hazard, { parameters: true });
    if (flow && !flow.sanitized && flow.source.parameter) out.push({ part, source: flow.source });
  }
  return out;
}

/**
 * `line.match(req.query.pattern)`: String's match and matchAll compile a string argument into a regular
 * expression. Only for request data: a library passing its caller's pattern does so on purpose.
 */
function checkStringMatch(context: RuleContext, call: SyntaxNode): void {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'member_expression' || !/^(match|matchAll)$/.test(callee.childForFieldName('property')?.text ?? '')) return;
  const args = argumentsOf(call);
  const pattern = unwrap(args[0]);
  if (args.length !== 1 || !pattern || /^(regex|new_expression|object|array|arrow_function|function_expression)$/.test(pattern.type) || constantString(pattern) !== undefined) return;
  if (escapeIdiom.test(pattern.text) || /escape|quote/i.test(pattern.text) || context.isTestCode(call)) return;
  // `.match(x)` is everywhere: ask the data flow only where the function mentions some input at all.
  if (!mentionsInput(outermostFunction(call))) return;
  const source = context.taint.sourceOf(pattern, hazard);
  if (!source) return;
  context.report({
    node: pattern,
    confidence: 'high',
    message: `${shorten(pattern.text)} (from ${source.label}) is compiled as a regular expression by .${callee.childForFieldName('property')?.text}(), so its metacharacters change the match and a crafted one can hang the process (ReDoS); compare with includes() or escape it first.`,
  });
}

/** Words without which no request, page, message or command-line source appears in a function. */
const inputWords = /\b(req|request|ctx|context|event|evt|location|document|argv|params|query|body|payload|message|msg|data|socket|ws|prompt|URLSearchParams|useSearchParams|searchParams|window|app|router|fastify|server|handler)\b|@(Body|Query|Param|Headers)\b/;

// Once per outermost function and tree: in a bundle wrapped in one function, that function is the whole file.
const inputMentions = new WeakMap<object, Map<string, boolean>>();

function mentionsInput(fn: SyntaxNode): boolean {
  let perTree = inputMentions.get(fn.tree);
  if (!perTree) inputMentions.set(fn.tree, (perTree = new Map()));
  const key = `${fn.startIndex}:${fn.type}`;
  let mentions = perTree.get(key);
  if (mentions === undefined) perTree.set(key, (mentions = inputWords.test(fn.text)));
  return mentions;
}

function outermostFunction(node: SyntaxNode): SyntaxNode {
  let top = node;
  for (let n = enclosingFunction(node); n; n = enclosingFunction(n)) top = n;
  return top;
}
