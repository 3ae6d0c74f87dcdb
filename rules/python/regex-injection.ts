// regex-injection for Python: untrusted text compiled as a regular expression (re, regex, Django __regex lookups), and constant patterns with catastrophic backtracking.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { pythonSinks } from '../models/python-sinks';
import { builtStrings, type Hole } from './lib/built-strings';
import { describeSource, type FlaggedHole, loudestOf, reportFlow, sinkCallVisitors, sinkNamesOf } from './lib/flow-findings';
import { backtrackingOf, pythonRegex } from '../lib/regex-backtracking';
import { resolveName } from './lib/scope';
import { callTriggers, argumentText, keywordArgument, matchSinks, type SinkMatch } from './lib/sink-calls';
import { literalText, stringPrefix } from './lib/string-literals';
import { inputOf, isInert, originOf } from './lib/value-origins';

const hazard = 'regex-injection';
const specs = pythonSinks[hazard];
const sinkNames = sinkNamesOf(specs);

export default defineDetector({
  id: hazard,
  family: 'python',
  // `re` functions, and Django `__regex=` lookups.
  triggers: callTriggers(sinkNames, /__i?regex\s*=/),
  anchored: true,
  create(rawContext) {
    const django = rawContext.bindings.some((b) => b.module.startsWith('django'));
    return sinkCallVisitors(rawContext, (node, last, context) => {
      if (sinkNames.has(last)) {
        const match = matchSinks(node, specs, context)[0];
        if (match) checkPattern(match, context);
      } else if (django && /__i?regex\s*=/.test(argumentText(node))) {
        const args = node.childForFieldName('arguments');
        if (args?.type === 'argument_list') checkLookups(node, args, context);
      }
    });
  },
});

function checkPattern(match: SinkMatch, context: RuleContext): void {
  const pattern = match.argument;
  const built = builtStrings(pattern, context);
  const flagged = built.flatMap((b) => b.holes.map((hole) => judgeHole(hole, context)).filter((f): f is FlaggedHole => !!f));
  if (flagged.length) {
    const worst = loudestOf(flagged);
    reportFlow(context, {
      sink: match.call,
      holes: flagged.map((f) => f.hole.value),
      confidence: worst.origin.kind === 'input' ? 'high' : 'medium',
      message: `${match.callee}() compiles a regular expression built from ${describeSource(worst.origin.source?.label, worst.origin.kind === 'parameter')}, so regex syntax in it changes what matches and (a+)+-style input can hang the process; escape the value with re.escape.`,
      fix: escapeFix(flagged.map((f) => f.hole.value), context),
    });
    return;
  }
  if (!built.length) {
    const origin = originOf(pattern, hazard, context);
    if (origin?.kind === 'input') {
      context.report({
        node: match.call,
        confidence: 'high',
        message: `${match.callee}() compiles a regular expression taken from ${describeSource(origin.source?.label, false)}, so a client can send a pattern that backtracks for minutes (ReDoS) or matches more than intended; escape it with re.escape, or match it as plain text.`,
        fix: escapeFix([pattern], context),
      });
      return;
    }
  }
  checkBacktracking(match, context);
}

function judgeHole(hole: Hole, context: RuleContext): FlaggedHole | undefined {
  // Library code builds patterns from its own arguments all the time: only client input counts here.
  const source = inputOf(hole.value, hazard, context);
  if (source) return !isInert(hole.value, hazard, context) ? { hole, origin: { kind: 'input', source } } : undefined;
  // ...but a search helper's term (`highlight(text, term)`) is what a user typed into a search box, handed on by the view.
  const origin = originOf(hole.value, hazard, context);
  return origin?.kind === 'parameter' && searchTermParameter.test(origin.source?.label ?? '') ? { hole, origin } : undefined;
}

/** Parameter names that carry a user's search text. */
const searchTermParameter = /^parameter (term|terms|search|search_?term|search_?text|query|q|keyword|keywords|needle|highlight|words?)$/i;

/** A constant pattern (inline or a name bound to a literal) whose repeated group can backtrack exponentially. */
function checkBacktracking(match: SinkMatch, context: RuleContext): void {
  const literal = constantLiteral(match.argument, context);
  if (!literal) return;
  const text = literal.text;
  const flags = keywordArgument(match.call.childForFieldName('arguments'), 'flags') ?? match.call.childForFieldName('arguments')?.namedChildren[flagsIndex(match.spec.callee)];
  const verbose = /\b(re|regex)\.(VERBOSE|X)\b/.test(flags?.text ?? '');
  const found = backtrackingOf(text, pythonRegex({ verbose, wholeInput: /fullmatch$/.test(match.spec.callee) }))?.group;
  if (!found || context.isTestCode(literal.node)) return;
  context.report({
    node: literal.node,
    confidence: 'medium',
    message: `The repeated group ${found.length > 40 ? `${found.slice(0, 37)}...` : found} can match the same text in many ways, so a long non-matching input makes the regex backtrack for seconds or minutes (ReDoS); rewrite it so each repetition must consume a distinct delimiter, or bound the input length first.`,
  });
}

function flagsIndex(callee: string): number {
  const name = callee.split('.').pop();
  return name === 'compile' ? 1 : name === 'sub' || name === 'subn' ? 4 : name === 'split' ? 3 : 2;
}

/** The literal a pattern argument is, or that the name it uses is bound to once; its regex text with Python escapes read. */
function constantLiteral(node: SyntaxNode, context: RuleContext): { node: SyntaxNode; text: string } | undefined {
  let literal: SyntaxNode | undefined = node;
  if (node.type === 'identifier') {
    const { bindings } = resolveName(node.text, node, context);
    literal = bindings.length === 1 && bindings[0].kind === 'assignment' ? bindings[0].value : undefined;
  }
  if (!literal || (literal.type !== 'string' && literal.type !== 'concatenated_string')) return undefined;
  const parts = literal.type === 'string' ? [literal] : literal.namedChildren.filter((c): c is SyntaxNode => c?.type === 'string');
  let text = '';
  for (const part of parts) {
    const raw = literalText(part);
    if (raw === undefined) return undefined;
    const prefix = stringPrefix(part);
    if (prefix.includes('b') && !prefix.includes('r')) text += unescape(raw);
    else text += prefix.includes('r') ? raw : unescape(raw);
  }
  return { node: literal, text };
}

function unescape(text: string): string {
  return text.replace(/\\(\\|n|t|r|'|"|\n)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '\n' ? '' : c));
}

/** Django `filter(name__regex=term)`: the database compiles the term as a regular expression. */
function checkLookups(call: SyntaxNode, args: SyntaxNode, context: RuleContext): void {
  for (const arg of args.namedChildren) {
    if (arg?.type !== 'keyword_argument' || !/__i?regex$/.test(arg.childForFieldName('name')?.text ?? '')) continue;
    const value = arg.childForFieldName('value');
    const origin = value && originOf(value, hazard, context);
    if (!value || origin?.kind !== 'input' || context.isTestCode(call)) continue;
    context.report({
      node: arg,
      confidence: 'high',
      message: `The ${arg.childForFieldName('name')!.text} lookup runs a regular expression from ${describeSource(origin.source?.label, false)} in the database, so a client can send a pattern that backtracks for minutes; use __icontains or escape the value with re.escape.`,
      fix: escapeFix([value], context),
    });
  }
}

function escapeFix(values: readonly SyntaxNode[], context: RuleContext): Fix | undefined {
  const direct = context.bindings.find((b) => b.module === 're' && b.imported === 'escape');
  const module = context.bindings.find((b) => b.module === 're' && b.imported === undefined);
  const escape = direct?.local ?? (module ? `${module.local}.escape` : undefined);
  if (!escape) return undefined;
  return {
    title: 'Match the text literally with re.escape (regex syntax in it stops working)',
    edits: values.map((v) => ({ range: context.rangeOf(v), newText: `${escape}(${v.text})` })),
    preservesBehaviour: false,
  };
}
