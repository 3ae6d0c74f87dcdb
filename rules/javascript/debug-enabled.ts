// debug-enabled for JavaScript/TypeScript: development error pages and debug switches left on outside development (errorhandler, Apollo debug/stack traces, next({ dev: true }), Express env forced to development, Electron DevTools).
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type Visitors } from '../api';
import { assignmentTargetText } from './lib/assignment-targets';
import { callArgumentsOf, callPartsOf } from './lib/call-parts';
import { constantString, unwrap } from './lib/constant-strings';
import { enclosingConditions, isDevelopmentFile, isDevelopmentOnly } from './lib/environment-guards';
import { constantBoolean, keyNameOf, ownerCallOf } from './lib/object-keys';

const serverModules = /^(express|koa|fastify|@nestjs\/core|next|http|https|@hapi\/hapi|@apollo\/server|apollo-server(-express)?|electron)$/;
const devExpression = "process.env.NODE_ENV !== 'production'";

export default defineDetector({
  id: 'debug-enabled',
  family: 'javascript',
  // The error page is found by what it resolves to (`const eh = require('errorhandler')`), so its local names open the gate too.
  triggers: { text: /errorHandler|\benv\b|showStackError|verbose errors|openDevTools|\bdebug\b|includeStacktraceInErrorResponses|\bdev\b|NODE_ENV/, imports: /^errorhandler$/ },
  anchored: true,
  create(context): Visitors {
    if (isDevelopmentFile(context.file.path)) return {};
    const quiet = (node: SyntaxNode): boolean => context.isTestCode(node) || isDevelopmentOnly(node);
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name } = callPartsOf(node);
        if (!callee || !name || !/^(use|set|enable|openDevTools)$/.test(name)) return;
        const args = callArgumentsOf(node);
        // `app.set('env', …)`: a setting name; `map.set(key, value)` is the common case and needs no further look.
        if ((name === 'set' || name === 'enable') && args[0]?.type !== 'string') return;
        if (name === 'use' && args.length) {
          // `app.use(errorhandler())`, `app.use(express.errorHandler({ showStack: true }))`
          const middleware = unwrap(args[args.length - 1]);
          const inner = middleware?.type === 'call_expression' ? middleware.childForFieldName('function') : undefined;
          const resolved = inner ? context.resolveCallee(inner) : undefined;
          if (inner && (resolved === 'errorhandler' || /^(express\.)?errorHandler$/.test(inner.text) && /express/.test(inner.text)) && !quiet(node)) {
            context.report({
              node: middleware!,
              message: `${inner.text}() is a development error page that sends stack traces and source details to whoever triggers an error; register it only when NODE_ENV is 'development'.`,
              fix: guardStatementFix(node, context),
            });
          }
          return;
        }
        if ((name === 'set' || name === 'enable') && callee.type === 'member_expression') {
          const setting = constantString(args[0]);
          const on = name === 'enable' || constantBoolean(args[1]) === true;
          if (setting === 'env' && /^dev(elopment)?$/.test(constantString(args[1]) ?? '') && !quiet(node)) {
            context.report({ node, message: "Forcing Express's env to 'development' turns on its development behaviour, including stack traces in error responses, wherever this runs; let NODE_ENV decide." });
          } else if ((setting === 'showStackError' || setting === 'verbose errors') && on && !quiet(node)) {
            context.report({ node, message: `The '${setting}' setting sends stack traces to clients; enable it only in development.` });
          }
          return;
        }
        if (name === 'openDevTools' && !quiet(node) && !/isDev|isPackaged|NODE_ENV|DEBUG|debug/.test(enclosingConditions(node))) {
          context.report({ node, message: 'Opening DevTools unconditionally ships a debugger that exposes the app\'s internals and lets anyone run code in it; open it only when !app.isPackaged or in development.' });
        }
      },
      pair(node: SyntaxNode) {
        const key = keyNameOf(node);
        if (key !== 'debug' && key !== 'includeStacktraceInErrorResponses' && key !== 'dev') return;
        const value = node.childForFieldName('value');
        if (!value || constantBoolean(value) !== true) return;
        const owner = ownerCallOf(node);
        const ownerName = owner ? (owner.childForFieldName('constructor') ?? owner.childForFieldName('function'))?.text ?? '' : '';
        let message: string | undefined;
        if (key === 'dev' && /^(next|Nuxt|nuxt|createNuxt)$/.test(ownerName) && node.parent?.parent?.type === 'arguments') {
          message = `${ownerName}({ dev: true }) runs the framework in development mode, with its error overlay, stack traces and unoptimized builds, wherever this server starts; use dev: ${devExpression}.`;
        } else if (key !== 'dev' && /ApolloServer|apolloServer|createYoga|graphqlHTTP|createHandler/.test(ownerName)) {
          message = `${key}: true makes the GraphQL server include stack traces in error responses; use ${key}: ${devExpression}.`;
        }
        if (!message || quiet(node) || !bindsServerModule(context)) return;
        context.report({
          node,
          message,
          fix: { title: `Enable ${key} only outside production`, edits: [{ range: context.rangeOf(value), newText: devExpression }], preservesBehaviour: false },
        });
      },
      assignment_expression(node: SyntaxNode) {
        // `process.env.NODE_ENV = 'development'` in server code.
        const left = assignmentTargetText(node);
        if (left !== 'process.env.NODE_ENV' && left !== "process.env['NODE_ENV']") return;
        if (!/^dev(elopment)?$/.test(constantString(node.childForFieldName('right')) ?? '') || quiet(node) || !bindsServerModule(context)) return;
        context.report({ node, message: "Setting NODE_ENV to 'development' in server code turns on development error pages and stack traces in every environment; set NODE_ENV outside the code." });
      },
    };
  },
});

function bindsServerModule(context: RuleContext): boolean {
  return context.bindings.some((b) => serverModules.test(b.module));
}

/** `app.use(errorhandler());` → `if (process.env.NODE_ENV === 'development') app.use(errorhandler());` */
function guardStatementFix(call: SyntaxNode, context: RuleContext): Fix | undefined {
  const statement = call.parent;
  if (statement?.type !== 'expression_statement') return undefined;
  const start = context.rangeOf(statement).start;
  return {
    title: 'Register the error page only in development (production errors get Express\'s plain response)',
    edits: [{ range: { start, end: start }, newText: "if (process.env.NODE_ENV === 'development') " }],
    preservesBehaviour: false,
  };
}

