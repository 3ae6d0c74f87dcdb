// xpath-injection for Python: lxml xpath()/XPath() and ElementTree find*() expressions built from untrusted values instead of XPath variables.
import { defineDetector, type Fix, type RuleContext } from '../api';
import { pythonSinks } from '../models/python-sinks';
import { builtStrings, holeMark, literalTextOf, type BuiltString, type Hole } from './lib/built-strings';
import { describeSource, type FlaggedHole, loudestOf, reportFlow, sinkCallVisitors, sinkNamesOf } from './lib/flow-findings';
import { plainQuote } from './lib/rebuild-literal';
import { callTriggers, matchSinks, positionalArguments, type SinkMatch } from './lib/sink-calls';
import { holeOrigin } from './lib/value-origins';

const hazard = 'xpath-injection';
const specs = pythonSinks[hazard];
const sinkNames = sinkNamesOf(specs);
const xpathShape = /\[\s*@|\/\/|\[\s*[\w:-]+\s*=|text\(\)|contains\(|\[\s*\u0000\s*\]/;

export default defineDetector({
  id: hazard,
  family: 'python',
  triggers: callTriggers(sinkNames),
  anchored: true,
  create(rawContext) {
    return sinkCallVisitors(rawContext, (node, last, context) => {
      if (!sinkNames.has(last)) return;
      const match = matchSinks(node, specs, context)[0];
      if (match) check(match, context);
    });
  },
});

function isQuoted(hole: Hole): boolean {
  return ((hole.before.match(/'/g) ?? []).length % 2 === 1) || ((hole.before.match(/"/g) ?? []).length % 2 === 1);
}

function check(match: SinkMatch, context: RuleContext): void {
  const built = builtStrings(match.argument, context);
  if (!built.length || !xpathShape.test(literalTextOf(built))) return;
  const flagged: FlaggedHole[] = [];
  for (const b of built) {
    for (const hole of b.holes) {
      const origin = holeOrigin(hole, hazard, context);
      if (origin && (origin.kind === 'input' || (origin.kind === 'parameter' && isQuoted(hole)))) flagged.push({ hole, origin });
    }
  }
  if (!flagged.length) return;
  const worst = loudestOf(flagged);
  reportFlow(context, {
    sink: match.call,
    holes: flagged.map((f) => f.hole.value),
    confidence: worst.origin.kind === 'input' ? 'high' : 'medium',
    message: `${match.callee}() evaluates an XPath expression built from ${describeSource(worst.origin.source?.label, worst.origin.kind === 'parameter')}, so a quote in it can rewrite the predicate (' or '1'='1 matches every node); keep the expression constant and pass the value as an XPath variable ($name).`,
    fix: built.length === 1 && built[0].node.equals(match.argument) ? variableFix(match, built[0], context) : undefined,
  });
}

/** `root.xpath(f"//user[@name='{name}']")` → `root.xpath("//user[@name=$name]", name=name)`. */
function variableFix(match: SinkMatch, built: BuiltString, context: RuleContext): Fix | undefined {
  if (match.spec.callee !== '.xpath' || positionalArguments(match.call.childForFieldName('arguments')).length !== 1) return undefined;
  const quote = plainQuote(built.node);
  if (!quote) return undefined;
  const pieces = built.text.split(holeMark);
  let text = pieces[0];
  const used = new Set<string>();
  const variables: string[] = [];
  for (let i = 0; i < built.holes.length; i++) {
    const hole = built.holes[i];
    let after = pieces[i + 1];
    const q = text[text.length - 1];
    if (hole.spec || (q !== "'" && q !== '"') || after[0] !== q) return undefined;
    let name = hole.value.type === 'identifier' ? hole.value.text : `value${i + 1}`;
    if (!/^[A-Za-z_][\w]*$/.test(name) || used.has(name)) name = `value${i + 1}`;
    used.add(name);
    variables.push(`${name}=${hole.value.text}`);
    text = `${text.slice(0, -1)}$${name}`;
    after = after.slice(1);
    text += after;
  }
  if (text.includes(quote) || /\\$/.test(text)) return undefined;
  return {
    title: 'Pass the values as XPath variables',
    edits: [{ range: context.rangeOf(built.node), newText: `${quote}${text}${quote}, ${variables.join(', ')}` }],
    preservesBehaviour: true,
  };
}
