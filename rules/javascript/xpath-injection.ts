// xpath-injection for JavaScript/TypeScript: XPath expressions with predicates built from unescaped non-constant parts (xpath package, document.evaluate, libxmljs find/get).
import { unwrap } from './lib/constant-strings';
import { sinkLabel } from './lib/injection-assessment';
import { firstSinkDetector } from './lib/sink-calls';
import { reportInjection } from './lib/report-injection';

const hazard = 'xpath-injection';

export default firstSinkDetector(hazard, (context, match) => {
  const value = unwrap(match.value);
  if (!value) return;
  reportInjection(context, value, match.call, {
    hazard,
    structural: true,
    looksLike: match.spec.looksLike,
    hint: /\[/,
    tainted: (source, part) => `An XPath expression built from ${source} (${part}) reaches ${sinkLabel(match)}, so a quote in it rewrites the predicate (e.g. "' or '1'='1" selects every node); pass the value as an XPath variable or allow only safe characters.`,
    untainted: (part) => `An XPath expression is built from ${part} without escaping, so a quote in it rewrites the predicate ${sinkLabel(match)} evaluates; pass the value as an XPath variable or allow only safe characters.`,
  });
});
