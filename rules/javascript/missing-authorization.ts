// missing-authorization for JavaScript/TypeScript: a state-changing route with no authentication or authorization, in a module whose sibling routes have it.
import { defineDetector, type RuleContext, type SyntaxNode, type TopLevel } from '../api';
import { unwrap } from './lib/constant-strings';
import { groupsOf, readRouteTable, stateChangingMethods, type Route, type RouteTable } from './lib/route-registrations';

/** Middleware, guards and wrappers that authenticate or authorize, by name: `requireAuth`, `passport.authenticate('jwt')`, `@UseGuards(JwtAuthGuard)`, `isAdmin`. */
const authName = /auth|login|logged|signed_?in|signedin|jwt|passport|guard|protect|permission|permit|role|admin|owner|acl|rbac|abac|policy|policies|polic|restrict|allowonly|requireuser|currentuser|withuser|session|bearer|apikey|api_key|verify(token|user|jwt|access|key|signature|webhook|session|id)|checktoken|checkjwt|ensure(user|logged|authenticated|authorized)|can[A-Z_]|^can$|scope|clerk|kinde|supabase|firebaseauth|firebase\.auth|cognito|keycloak|okta|auth0|lucia|nextauth|iron/i;
/** Names that contain an auth word but are not access control. */
const notAuthName = /csrf|csurf|xsrf|ratelimit|rate_limit|limiter|throttle|cors|helmet|upload|multer|validat|sanitiz|parse|logger|morgan|cache|compress|^(express-?)?session$|^cookie-?session$|^passport\.(initialize|session)$|(router|routes|controller)$/i;
/** An access check written inside the handler itself. */
const inlineCheck = /!\s*(req|request|ctx|context)\.(user|auth|currentUser|session\s*(\?\.|\.)\s*(user|userId|uid|account|passport)|state\.(user|auth))\b|\b(req|request)\.isAuthenticated\s*\(|!\s*res\.locals\.(user|auth|session)\b|\b(getServerSession|getSession|getServerAuthSession|auth|currentUser|getCurrentUser|requireUser|requireAuth|requireSession|requireAdmin|verifyToken|verifyJwt|verifyIdToken|verifyAccessToken|getAuth|getToken|checkAuth|isAuthenticated|isAuthorized|authorize|assertCan|ensureAuth\w*|validateSession|getUserFromRequest|getAuthUser|getLoggedInUser|authenticate)\s*\(|\bjwt\.verify\s*\(|\bsupabase\.auth\.|\bstatus\(\s*40[13]\s*\)|sendStatus\(\s*40[13]\s*\)|\bstatus:\s*40[13]\b|\bUnauthorized\w*|\bForbidden\w*|\bheaders\.(authorization|get\(\s*['"]authorization)|\bheaders\[\s*['"](authorization|x-api-key)['"]\s*\]/i;
/** Paths that are public by nature: signing in, account recovery, webhooks (verified by signature), OAuth callbacks, health checks. */
const publicPath = /login|log-in|signin|sign-in|signup|sign-up|register|logout|log-out|signout|sign-out|forgot|reset|recover|verif|confirm|activat|webhook|hooks?(\/|$)|callback|oauth|(^|\/)auth(\/|$)|(^|\/)(token|refresh|session|sessions)(\/|$)|refresh[-_]?token|public|health|ping|ready|live|contact|subscribe|newsletter|feedback|track|beacon|analytics|csp-report|magic|otp|2fa|mfa|invit|unsubscribe|graphql|stripe|paypal|ipn|twilio|sendgrid|slack|github|notify|waitlist|lead|inquir|enquir/i;

export default defineDetector({
  id: 'missing-authorization',
  family: 'javascript',
  create() {
    return {};
  },
  checkFile(root: SyntaxNode, context: RuleContext, top: TopLevel) {
    if (context.file.isTest) return;
    const table = readRouteTable(root, top);
    if (table.routes.length < 2) return;
    const groups = groupsOf(table.routes);
    for (const [group, routes] of groups) {
      if (routes.length < 2) continue;
      // A login handler answering 401 to a wrong password is not an access check on the module's other routes.
      const protectedRoutes = routes.filter((r) => !(r.path !== undefined && publicPath.test(r.path)) && isProtected(r, group, table));
      if (protectedRoutes.length === 0) continue;
      // Precision: siblings must show the module's convention clearly, through a state-changing route or two routes.
      if (protectedRoutes.length < 2 && !protectedRoutes.some((r) => stateChangingMethods.has(r.method))) continue;
      for (const route of routes) {
        if (!stateChangingMethods.has(route.method) || protectedRoutes.includes(route) || route.markedPublic) continue;
        if (route.path !== undefined && publicPath.test(route.path)) continue;
        if (isRegistration(route, context.file.path)) continue;
        if (handlerChecksAccess(route, table)) continue;
        if (context.isTestCode(route.at)) continue;
        const label = route.path !== undefined && route.path !== '' ? `${route.method.toUpperCase()} ${route.path}` : `This ${route.method.toUpperCase()} handler`;
        const how = example(protectedRoutes[0]);
        context.report({
          range: reportRange(route, context),
          confidence: protectedRoutes.length >= 2 ? 'high' : 'medium',
          message: `${label} changes data without the authentication or authorization the other routes in this module use${how ? ` (${how})` : ''}, so anyone can call it; add the same check.`,
        });
      }
    }
  },
});

const usersCollection = /^\/?(api\/)?(v\d+\/)?(users?|accounts?|members?|customers?|people|persons?|registrations?|signups?)\/?$/i;
const usersModule = /user|account|member|customer|people|person|registration|signup/i;

/** `POST /users` (or `POST /` in a users router): creating an account is how a visitor signs up. */
function isRegistration(route: Route, path: string): boolean {
  if (route.method !== 'post' || route.path === undefined) return false;
  if (usersCollection.test(route.path) && route.path.replace(/\//g, '') !== '') return true;
  return /^\/?$/.test(route.path) && (usersModule.test(path.split('/').pop() ?? '') || usersModule.test(route.group.split(':').pop() ?? ''));
}

function isProtected(route: Route, group: string, table: RouteTable): boolean {
  if (route.fact('auth-before-handler', protectedBeforeHandler)) return true;
  // `router.use(auth)` covers routes registered after it, on the same router and under its path.
  for (const use of table.uses) {
    if (use.group !== group || use.order > route.order) continue;
    if (use.path !== undefined && route.path !== undefined && !route.path.startsWith(use.path)) continue;
    if (use.fact('auth', (u) => u.middleware.some(isAuthMiddleware))) return true;
  }
  return handlerChecksAccess(route, table);
}

/** Auth middleware in the registration, or a handler wrapped in one: `app.post('/x', withAuth(async (req, res) => …))`. */
function protectedBeforeHandler(route: Route): boolean {
  if (route.middleware.some(isAuthMiddleware)) return true;
  const handler = unwrap(route.handler);
  return handler?.type === 'call_expression' && isAuthMiddleware(handler);
}

function isAuthMiddleware(node: SyntaxNode): boolean {
  const value = unwrap(node);
  if (!value) return false;
  // Decorators: `@UseGuards(JwtAuthGuard)`, `@Roles('admin')`, `@Auth()`.
  const target = value.type === 'decorator' ? value.namedChildren[0] : value;
  if (!target) return false;
  let text: string;
  if (target.type === 'call_expression') {
    // `requireRole('admin')`, `passport.authenticate('jwt', …)`, `UseGuards(AuthGuard('jwt'))`: the callee and its arguments' names.
    const callee = target.childForFieldName('function')?.text ?? '';
    if (/^UseGuards$|\.UseGuards$/.test(callee)) return true;
    text = callee + ' ' + (target.childForFieldName('arguments')?.text ?? '').slice(0, 200);
  } else if (target.type === 'identifier' || target.type === 'member_expression') {
    text = target.text;
  } else return false;
  return authName.test(text) && !notAuthName.test(text.split(/[\s(]/)[0]);
}

/** The handler's own code checks the caller (`if (!req.user) return res.sendStatus(401)`, `await getServerSession()`); read as text, never walked. */
function handlerChecksAccess(route: Route, table: RouteTable): boolean {
  const own = route.fact('handler-checks-access', (r) => {
    const handler = unwrap(r.handler);
    // A handler registered by name: its declaration is another statement, read below, never remembered with this one.
    return handler?.type === 'identifier' ? handler.text : checksAccess(handler);
  });
  if (typeof own === 'boolean') return own;
  return checksAccess(table.functions.get(own));
}

function checksAccess(handler: SyntaxNode | undefined): boolean {
  if (handler?.type === 'call_expression') handler = handler.childForFieldName('arguments')?.namedChildren.find((a) => a && /function/.test(a.type)) ?? undefined;
  if (!handler || !/function|method_definition/.test(handler.type)) return false;
  const body = handler.childForFieldName('body');
  return !!body && inlineCheck.test(body.text.slice(0, 20000));
}

function example(route: Route): string | undefined {
  const auth = route.middleware.find(isAuthMiddleware);
  if (!auth) return undefined;
  const text = auth.text.replace(/\s+/g, ' ');
  return text.length <= 40 ? text : undefined;
}

/** The registration's first line: `app.delete('/users/:id'` rather than the whole handler. */
function reportRange(route: Route, context: RuleContext) {
  const range = context.rangeOf(route.at);
  if (range.start.line === range.end.line) return range;
  const firstArg = route.at.childForFieldName('arguments')?.namedChildren[0];
  const end = firstArg && firstArg.endPosition.row === route.at.startPosition.row ? context.rangeOf(firstArg).end : { line: range.start.line, character: range.start.character + route.at.text.split('\n')[0].length };
  return { start: range.start, end };
}
