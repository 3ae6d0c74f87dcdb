// regex-injection for JavaScript/TypeScript: input compiled with new RegExp() unescaped, and regular expressions with exponential backtracking.
import { defineDetector, type RuleContext, type SyntaxNode } from '../api';
import { constantString, unwrap } from './lib/constant-strings';
import { lookupBinding } from './lib/scope-bindings';
import { assessValue, onePerLine, sameNode, enclosingFunction, shorten } from './lib/injection-assessment';
import { argumentsOf } from './lib/sink-calls';
import { hasCatastrophicBacktracking } from './lib/regex-backtracking';

const hazard = 'regex-injection';
/** Names that by convention hold text a user typed: a search box, a filter, a query. */
const userTextName = /^(search|searchTerm|searchText|searchQuery|searchString|query|queryText|q|term|keyword|keywords|filterText|needle|userInput)$/i;
const escapeIdiom = /\.replace\(\s*\/\[[^\]]*\\\]?[^/]*\/g\s*,\s*['"`]\\\\\$&['"`]\s*\)/;

export default defineDetector({
  id: hazard,
  family: 'javascript',
  // The RegExp constructor, or a literal with a repeated group (`)+`, `)*`, `){2,}`), which backtracking needs.
  triggers: /RegExp|\)[*+]|\)\{\d+,/,
  anchored: true,
  create(context) {
    const visitConstructor = (node: SyntaxNode): void => {
      const callee = unwrap(node.childForFieldName('function') ?? node.childForFieldName('constructor'));
      if (callee?.type !== 'identifier' || callee.text !== 'RegExp' || lookupBinding(callee)) return;
      const [pattern, flags] = argumentsOf(node);
      if (!pattern) return;
      const constant = constantString(pattern);
      if (constant !== undefined) {
        if (hasCatastrophicBacktracking(constant, constantString(flags) ?? '') && !context.isTestCode(node)) reportBacktracking(context, pattern, constant);
        return;
      }
      checkInput(context, pattern, node);
    };
    return {
      new_expression: visitConstructor,
      call_expression: visitConstructor,
      regex(node: SyntaxNode) {
        const pattern = node.childForFieldName('pattern')?.text ?? '';
        const flags = node.childForFieldName('flags')?.text ?? '';
        if (hasCatastrophicBacktracking(pattern, flags) && !context.isTestCode(node)) reportBacktracking(context, node, pattern);
      },
    };
  },
});

function reportBacktracking(context: RuleContext, node: SyntaxNode, pattern: string): void {
  context.report({
    node,
    confidence: 'medium',
    message: `The pattern /${shorten(pattern)}/ repeats a group that can match the same text in many ways, so a crafted string takes exponential time (ReDoS); make the repetitions unambiguous or bound the input length.`,
  });
}

function checkInput(context: RuleContext, pattern: SyntaxNode, call: SyntaxNode): void {
  if (context.isTestCode(call)) return;
  const assessment = assessValue(context, pattern, hazard);
  const risky = assessment.risky.filter((part) => !escapeIdiom.test(part.text) && !isEscapedVariable(part));
  if (risky.length === 0) return;
  const tainted = risky.map((part) => ({ part, source: context.taint.sourceOf(part, hazard) })).filter((t) => t.source);
  const named = risky.filter((part) => userTextName.test(lastName(part)));
  const findings = tainted.length ? tainted : named.map((part) => ({ part, source: undefined }));
  for (const { part, source } of onePerLine(findings)) {
    const at = sameNode(enclosingFunction(part), enclosingFunction(call)) ? part : pattern;
    context.report({
      node: at,
      confidence: source ? 'high' : 'medium',
      message: `${shorten(part.text)}${source ? ` (from ${source.label})` : ''} is compiled as a regular expression, so its metacharacters change the pattern and a crafted one can hang the process (ReDoS); escape it first, e.g. with lodash's escapeRegExp.`,
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

/** `const safe = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')` */
function isEscapedVariable(node: SyntaxNode): boolean {
  const n = unwrap(node);
  if (n?.type !== 'identifier') return false;
  const binding = lookupBinding(n);
  return !!binding?.value && escapeIdiom.test(binding.value.text);
}
