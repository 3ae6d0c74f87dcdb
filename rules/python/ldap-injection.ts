// ldap-injection for Python: python-ldap and ldap3 search filters and bind DNs built from unescaped non-constant values.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type TextEdit } from '../api';
import { pythonSinks } from '../models/python-sinks';
import { builtStrings, literalTextOf, type Hole } from './lib/built-strings';
import { describeSource, type FlaggedHole, loudestOf, reportFlow, sinkCallVisitors, sinkNamesOf } from './lib/flow-findings';
import { importedName } from './lib/import-edits';
import { callTriggers, matchSinks, type SinkMatch } from './lib/sink-calls';
import { isNumericFormat } from './lib/sql-text';
import { holeOrigin } from './lib/value-origins';

const hazard = 'ldap-injection';
const filterSpecs = pythonSinks[hazard];
const dnSpecs = pythonSinks['ldap-dn'];
const sinkNames = sinkNamesOf([...filterSpecs, ...dnSpecs]);
const filterShape = /\(\s*[&|!]?\s*\(?\s*([A-Za-z][\w.;-]*|\u0000)\s*[~<>]?=/;
const dnShape = /^\s*[A-Za-z][\w.-]*\s*=/;

export default defineDetector({
  id: hazard,
  family: 'python',
  triggers: callTriggers(sinkNames),
  anchored: true,
  create(rawContext) {
    return sinkCallVisitors(rawContext, (node, last, context) => {
      if (!sinkNames.has(last)) return;
      for (const match of matchSinks(node, filterSpecs, context)) if (check(match, 'filter', context)) return;
      for (const match of matchSinks(node, dnSpecs, context)) if (check(match, 'dn', context)) return;
    });
  },
});

/** In a filter, `(attr=VALUE)`; in a DN, `uid=VALUE,ou=people`: whether the hole is a value or an attribute name. */
function isValuePosition(hole: Hole, kind: 'filter' | 'dn'): boolean {
  const before = hole.before;
  if (kind === 'dn') return /=[^,=+]*$/.test(before);
  const open = before.lastIndexOf('(');
  return open !== -1 && before.slice(open).includes('=');
}

function check(match: SinkMatch, kind: 'filter' | 'dn', context: RuleContext): boolean {
  const built = builtStrings(match.argument, context);
  if (!built.length) return false;
  const text = literalTextOf(built);
  if (kind === 'filter' ? !filterShape.test(text) : !dnShape.test(text)) return false;
  const flagged: FlaggedHole[] = [];
  for (const b of built) {
    for (const hole of b.holes) {
      if (isNumericFormat(hole.spec)) continue;
      const origin = holeOrigin(hole, hazard, context);
      if (!origin) continue;
      const value = isValuePosition(hole, kind);
      if (origin.kind === 'input' || (value && (origin.kind === 'parameter' || (origin.kind === 'unknown' && kind === 'filter')))) flagged.push({ hole, origin });
    }
  }
  if (!flagged.length) return false;
  const worst = loudestOf(flagged);
  const from = worst.origin.kind === 'unknown' ? 'a value that is not escaped' : `${describeSource(worst.origin.source?.label, worst.origin.kind === 'parameter')} without escaping`;
  reportFlow(context, {
    sink: match.call,
    holes: flagged.map((f) => f.hole.value),
    confidence: worst.origin.kind === 'input' ? 'high' : 'medium',
    message: kind === 'filter'
      ? `${match.callee}() searches with an LDAP filter built from ${from}, so * ( ) or \\ in it can widen the search, for example to every account; escape each value with escape_filter_chars or build the filter with filter_format.`
      : `${match.callee}() binds with a DN built from ${from}, so , = + or \\ in it can name another entry; escape the value with escape_dn_chars (python-ldap) or escape_rdn (ldap3).`,
    fix: escapeFix(match.call, flagged, kind, context),
  });
  return true;
}

/** Wraps each value in escape_filter_chars/escape_dn_chars/escape_rdn, imported from the LDAP library the file uses. */
function escapeFix(call: SyntaxNode, flagged: readonly FlaggedHole[], kind: 'filter' | 'dn', context: RuleContext): Fix | undefined {
  const ldap3 = context.bindings.some((b) => b.module === 'ldap3' || b.module.startsWith('ldap3.'));
  const pythonLdap = context.bindings.some((b) => b.module === 'ldap' || b.module.startsWith('ldap.'));
  if (ldap3 === pythonLdap) return undefined;
  if (flagged.some((f) => !isValuePosition(f.hole, kind) || (f.hole.spec && f.hole.spec !== 's'))) return undefined;
  const [module, name] = kind === 'filter'
    ? (ldap3 ? ['ldap3.utils.conv', 'escape_filter_chars'] : ['ldap.filter', 'escape_filter_chars'])
    : (ldap3 ? ['ldap3.utils.dn', 'escape_rdn'] : ['ldap.dn', 'escape_dn_chars']);
  const escape = importedName(call, context, module, name, 'from');
  const edits: TextEdit[] = flagged.map((f) => ({ range: context.rangeOf(f.hole.value), newText: `${escape.expression}(${f.hole.value.text})` }));
  return {
    title: `Escape the values with ${name} (a *, parenthesis or backslash in them is then matched literally)`,
    edits: [...edits, ...escape.edits],
    preservesBehaviour: false,
  };
}
