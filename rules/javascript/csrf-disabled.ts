// csrf-disabled for JavaScript/TypeScript: CSRF checks switched off in framework config (lusca, Sails, AdonisJS, SvelteKit, Astro, Angular), csurf ignoring unsafe methods, and state-changing routes left out of the CSRF middleware their siblings use.
import { defineDetector, type RuleContext, type SyntaxNode, type TopLevel } from '../api';
import { callPartsOf } from './lib/call-parts';
import { constantString, unwrap } from './lib/constant-strings';
import { constantBoolean, keyNameOf, propertyOf } from './lib/object-keys';
import { groupsOf, readRouteTable, stateChangingMethods, type Route } from './lib/route-registrations';

const offWhenFalse = /^(csrf|csrfProtection|enableCsrf|csrfEnabled|xsrf|enableXsrf|checkCsrf|verifyCsrf|csrfPrevention)$/;
const offWhenTrue = /^(disableCsrf|skipCsrf|csrfDisabled|noCsrf|ignoreCsrf)$/;
const csrfMiddleware = /csrf|csurf|xsrf/i;
/** Endpoints that must not use cookie-based CSRF tokens: they authenticate by signature or token. */
const exemptPath = /webhook|hooks?(\/|$)|callback|oauth|ipn|stripe|paypal|twilio|slack|github|sendgrid|csp-report|beacon/i;

export default defineDetector({
  id: 'csrf-disabled',
  family: 'javascript',
  triggers: /csrf|xsrf|csurf|checkOrigin/i,
  create(context) {
    return {
      pair(node: SyntaxNode) {
        const key = keyNameOf(node);
        if (!key) return;
        const value = node.childForFieldName('value');
        if (!value) return;
        const bool = constantBoolean(value);
        let off = (offWhenFalse.test(key) && bool === false) || (offWhenTrue.test(key) && bool === true);
        // AdonisJS `csrf: { enabled: false }`, SvelteKit `csrf: { checkOrigin: false }`, Astro `security: { checkOrigin: false }`.
        if (!off && (key === 'enabled' || key === 'checkOrigin') && bool === false) {
          const owner = node.parent?.parent;
          const ownerKey = owner?.type === 'pair' ? keyNameOf(owner) : undefined;
          const declared = owner?.type === 'variable_declarator' ? owner.childForFieldName('name')?.text : undefined;
          off = /^(csrf|xsrf)$/i.test(ownerKey ?? '') || /csrf|xsrf/i.test(declared ?? '') || (key === 'checkOrigin' && ownerKey === 'security');
        }
        if (!off || context.isTestCode(node)) return;
        context.report({
          node,
          message: `${node.text.replace(/\s+/g, ' ')} turns off CSRF protection, so any site a logged-in user visits can submit forms and state-changing requests as them; keep it on and exempt only routes that do not rely on cookies.`,
          fix: {
            title: 'Turn CSRF protection back on (forms and requests must then carry the CSRF token or a same-origin Origin header)',
            edits: [{ range: context.rangeOf(value), newText: bool ? 'false' : 'true' }],
            preservesBehaviour: false,
          },
        });
      },
      // koa-csrf: `new CSRF({ excludedMethods: [...] })`.
      new_expression: (node: SyntaxNode) => checkCall(node),
      call_expression: (node: SyntaxNode) => checkCall(node),
    };
    function checkCall(node: SyntaxNode): void {
      const { callee, name } = callPartsOf(node);
      if (!callee || !name || !/^(disable|withNoXsrfProtection)$|csrf|csurf|xsrf/i.test(name)) return;
      const text = callee.text.replace(/\s/g, '');
      // Angular: `HttpClientXsrfModule.disable()`, `provideHttpClient(withNoXsrfProtection())`.
      if (text === 'HttpClientXsrfModule.disable' || text === 'withNoXsrfProtection') {
        if (!context.isTestCode(node)) context.report({ node, message: "Disabling Angular's XSRF support stops the app sending the CSRF token, so the server's protection is off or every state-changing request breaks; keep HttpClientXsrfModule enabled." });
        return;
      }
      // csurf: `csrf({ ignoreMethods: ['GET', 'HEAD', 'OPTIONS', 'POST'] })`
      if (!csrfMiddleware.test(text)) return;
      const options = unwrap(node.childForFieldName('arguments')?.namedChildren[0]);
      const ignore = options?.type === 'object' ? unwrap(propertyOf(options, 'ignoreMethods') ?? propertyOf(options, 'excludedMethods')) : undefined;
      if (ignore?.type !== 'array') return;
      const unsafe = ignore.namedChildren.find((m) => m && stateChangingMethods.has((constantString(m) ?? '').toLowerCase()));
      if (unsafe && !context.isTestCode(node)) {
        context.report({ node: unsafe, message: `Listing ${unsafe.text} in ${keyNameOf(ignore.parent!) ?? 'ignoreMethods'} exempts state-changing requests from the CSRF check; ignore only GET, HEAD and OPTIONS.` });
      }
    }
  },
  checkFile(root: SyntaxNode, context: RuleContext, top: TopLevel) {
    if (context.file.isTest) return;
    const table = readRouteTable(root, top);
    for (const [group, routes] of groupsOf(table.routes)) {
      const covered = (route: Route): SyntaxNode | undefined => {
        const own = route.fact('csrf', (r) => r.middleware.findIndex(isCsrf));
        if (own >= 0) return route.middleware[own];
        for (const use of table.uses) {
          if (use.group !== group || use.order >= route.order || (use.path !== undefined && !(route.path ?? '').startsWith(use.path))) continue;
          const found = use.fact('csrf', (u) => u.middleware.findIndex(isCsrf));
          if (found >= 0) return use.middleware[found];
        }
        return undefined;
      };
      const cover = routes.map(covered);
      const example = cover.find(Boolean);
      if (!example) continue;
      for (const [i, route] of routes.entries()) {
        if (!stateChangingMethods.has(route.method) || cover[i] || (route.path !== undefined && exemptPath.test(route.path))) continue;
        if (context.isTestCode(route.at)) continue;
        const handler = route.handler;
        const label = route.path ? `${route.method.toUpperCase()} ${route.path}` : `This ${route.method.toUpperCase()} route`;
        context.report({
          range: firstLine(route.at, context),
          confidence: 'medium',
          message: `${label} changes data but skips the CSRF check (${shorten(example.text)}) the other routes here use, so another site can submit it with the user's cookies; add the same middleware.`,
          ...(handler && example.type === 'identifier' && route.at.type === 'call_expression' && route.at.childForFieldName('arguments') && handler.parent?.equals(route.at.childForFieldName('arguments')!)
            ? { fix: { title: `Add ${example.text} to this route (requests must carry the CSRF token)`, edits: [{ range: { start: context.rangeOf(handler).start, end: context.rangeOf(handler).start }, newText: `${example.text}, ` }], preservesBehaviour: false } }
            : {}),
        });
      }
    }
  },
});

function isCsrf(node: SyntaxNode): boolean {
  const value = unwrap(node);
  if (!value) return false;
  const text = value.type === 'call_expression' ? value.childForFieldName('function')?.text ?? '' : value.text;
  return csrfMiddleware.test(text) && value.text.length < 120;
}

function firstLine(node: SyntaxNode, context: RuleContext) {
  const range = context.rangeOf(node);
  if (range.start.line === range.end.line) return range;
  return { start: range.start, end: { line: range.start.line, character: range.start.character + node.text.split('\n')[0].length } };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= 30 ? flat : `${flat.slice(0, 27)}...`;
}
