// xpath-injection for JavaScript/TypeScript: XPath expressions with predicates built from unescaped non-constant parts (xpath package, document.evaluate, libxmljs find/get).
import { defineDetector, type SyntaxNode } from '../api';
import { unwrap } from './lib/constant-strings';
import { sinkLabel } from './lib/injection-assessment';
import { matchSinks, sinkTriggers } from './lib/sink-calls';
import { reportInjection } from './lib/report-injection';

const hazard = 'xpath-injection';

export default defineDetector({
  id: hazard,
  family: 'javascript',
  triggers: sinkTriggers([hazard]),
  // Every call it judges names a sink in its callee (matchSinks).
  anchored: 'innermost',
  create(context) {
    return {
      call_expression(node: SyntaxNode) {
        const match = matchSinks(context, node, hazard)[0];
        const value = match && unwrap(match.value);
        if (!match || !value) return;
        reportInjection(context, value, node, {
          hazard,
          structural: true,
          looksLike: match.spec.looksLike,
          hint: /\[/,
          tainted: (source, part) => `An XPath expression built from ${source} (${part}) reaches ${sinkLabel(match)}, so a quote in it rewrites the predicate (e.g. "' or '1'='1" selects every node); pass the value as an XPath variable or allow only safe characters.`,
          untainted: (part) => `An XPath expression is built from ${part} without escaping, so a quote in it rewrites the predicate ${sinkLabel(match)} evaluates; pass the value as an XPath variable or allow only safe characters.`,
        });
      },
    };
  },
});
