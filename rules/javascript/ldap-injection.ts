// ldap-injection for JavaScript/TypeScript: LDAP search filters and bind DNs built from unescaped non-constant parts (ldapjs and compatible clients).
import { defineDetector, type SyntaxNode } from '../api';
import { unwrap } from './lib/constant-strings';
import { sinkLabel } from './lib/injection-assessment';
import { matchSinks, sinkTriggers } from './lib/sink-calls';
import { reportInjection } from './lib/report-injection';

const hazard = 'ldap-injection';

export default defineDetector({
  id: hazard,
  family: 'javascript',
  triggers: sinkTriggers([hazard]),
  // Every call it judges names a sink in its callee (matchSinks).
  anchored: 'innermost',
  create(context) {
    return {
      call_expression(node: SyntaxNode) {
        for (const match of matchSinks(context, node, hazard)) {
          const value = unwrap(match.value);
          if (!value || value.type === 'object') continue;
          const what = match.spec.callee === '.bind' ? 'bind DN' : 'search filter';
          const reported = reportInjection(context, value, node, {
            hazard,
            structural: true,
            looksLike: match.spec.looksLike,
            hint: /[(=]/,
            tainted: (source, part) => `An LDAP ${what} built from ${source} (${part}) reaches ${sinkLabel(match)}, so characters like *, ( and ) change the query (e.g. "*)(uid=*" matches every entry); escape the value for LDAP first.`,
            untainted: (part) => `An LDAP ${what} is built from ${part} without escaping, so *, ( and ) in it change which entries ${sinkLabel(match)} matches; escape it first (ldap-escape's filter\`\` tag or an escapeFilter helper).`,
          });
          if (reported) return;
        }
      },
    };
  },
});
