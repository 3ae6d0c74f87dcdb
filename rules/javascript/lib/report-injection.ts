// Owns the common shape of a built-string injection finding: tainted parts (high confidence) or, where a rule allows, unescaped non-constant parts (medium), one per line.
import type { Fix, RuleContext, SyntaxNode } from '../../api';
import { constantTextOf, piecesOf } from './built-strings';
import { lookupBinding } from './scope-bindings';
import { allValidated, assessValue, enclosingFunction, onePerLine, sameNode, shorten } from './injection-assessment';

export interface InjectionOptions {
  readonly hazard: string;
  /** Report built strings with unescaped non-constant parts even without a known source. */
  readonly structural: boolean;
  /** The constant text must look like this language (an LDAP filter, an XPath predicate). */
  readonly looksLike?: RegExp;
  /** A character the value's source text (or its initializer's) must contain to be worth assessing: `[` for XPath. */
  readonly hint?: RegExp;
  /** One sentence for a tainted part, given the source label and the part's text. */
  readonly tainted: (source: string, part: string) => string;
  /** One sentence for an unescaped part without a known source. */
  readonly untainted?: (part: string) => string;
  readonly fix?: Fix;
}

/** Reports the parts of `value` (reaching a sink at `at`) that carry an injection; returns whether it reported. */
export function reportInjection(context: RuleContext, value: SyntaxNode, at: SyntaxNode, options: InjectionOptions): boolean {
  if (context.isTestCode(at)) return false;
  // The text checks first: they need no data flow, and most calls of generic names (`find`, `search`) fail them.
  if (options.hint && !options.hint.test(value.text)) {
    const init = value.type === 'identifier' || value.type === 'shorthand_property_identifier' ? lookupBinding(value)?.value : undefined;
    if (!init || !options.hint.test(init.text)) return false;
  }
  const pieces = piecesOf(value);
  if (options.looksLike && !options.looksLike.test(constantTextOf(pieces))) return false;
  const assessment = assessValue(context, value, options.hazard, pieces);
  const tainted = assessment.risky.map((part) => ({ part, source: context.taint.sourceOf(part, options.hazard) })).filter((t) => t.source);
  const where = (part: SyntaxNode): SyntaxNode => (sameNode(enclosingFunction(part), enclosingFunction(at)) ? part : value);
  if (tainted.length) {
    for (const { part, source } of onePerLine(tainted)) {
      context.report({ node: where(part), confidence: 'high', message: options.tainted(source!.label, shorten(part.text)), fix: options.fix });
    }
    return true;
  }
  if (!options.structural || !options.untainted || !assessment.built || assessment.risky.length === 0 || allValidated(assessment.risky, at)) return false;
  for (const { part } of onePerLine(assessment.risky.map((part) => ({ part })))) {
    context.report({ node: where(part), confidence: 'medium', message: options.untainted(shorten(part.text)), fix: options.fix });
  }
  return true;
}
