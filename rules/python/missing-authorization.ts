// missing-authorization for Python: a state-changing Flask/FastAPI route or Django/DRF view with no authentication or authorization, in a module whose sibling views have it.
import { defineDetector, type Range, type RuleContext, type SyntaxNode } from '../api';
import { importsWebFramework } from './lib/settings-modules';
import { positionalArguments, keywordArgument } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { decoratorName, isRouteDecorator } from './lib/web-views';

/** Decorators and dependencies that authenticate or authorize, by name. */
const authName = /login_required|auth|jwt|token|permission|roles?_(required|accepted)|has_role|require_role|requires_|admin|superuser|staff|protected|authenticated|verify|api_?key|signed_in|logged_in|user_passes_test|owner|acl|scope|current_\w*user|get_\w*user|oauth|principal|credentials|security/i;
/** Names that contain such a word but are not access control. */
const notAuthName = /csrf|limit|cache|cors|cross_origin|validat|swag|marshal|expects|retry|throttle|^require_(POST|GET|safe|http_methods)$|never_cache|transaction|atomic|get_db|get_session|db_session/i;
/** An access check inside the view itself, read as text. */
const inlineCheck = /current_user\.(is_authenticated|is_admin|is_anonymous|is_staff|has_role|has_permission|role|can\w*|id\b|pk\b)|\bnot\s+current_user\b|request\.user\.(is_authenticated|is_staff|is_superuser|has_perm|is_anonymous|id\b|pk\b)|\bsession\.get\(\s*['"](user|user_id|uid|logged_in|username|account_id)|['"](user_id|user|logged_in|uid)['"]\s+(not\s+)?in\s+session|get_jwt_identity\(|verify_jwt_in_request\(|abort\(\s*40[13]|status_code\s*=\s*40[13]|HTTP_40[13]|PermissionDenied|\bUnauthorized\w*|\bForbidden\b|\bg\.user\b|check_auth\w*\(|verify_token\(|decode_token\(|jwt\.decode\(|request\.headers(\.get\(|\[)\s*['"](Authorization|X-API-Key|X-Api-Key)|has_permission\(|has_perm\(|is_admin\(|check_permission\w*\(|require_\w*(login|auth|admin|user|permission)\w*\(/;
/** Paths and view names that are public by nature: signing in, recovery, webhooks, callbacks, health checks, public forms. */
const publicName = /login|log[-_]in|signin|sign[-_]in|signup|sign[-_]up|register|logout|log[-_]out|signout|sign[-_]out|forgot|reset|recover|verif|confirm|activat|webhook|hooks?(\/|$)|callback|oauth|(^|\/)auth(\/|$)|(^|\/|_)(token|refresh)(\/|$|_)|refresh[-_]?token|public|health|ping|ready|live|contact|subscribe|newsletter|feedback|track|beacon|csp[-_]report|magic|otp|2fa|mfa|invit|unsubscribe|graphql|stripe|paypal|ipn|twilio|sendgrid|slack|github|notify|waitlist/i;
const stateChangingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const inlineLabel = 'a check in the view';
/** Django and DRF class-based views that change data. */
const writingViewBases = /\b(CreateView|UpdateView|DeleteView|FormView|ModelViewSet|CreateAPIView|UpdateAPIView|DestroyAPIView|ListCreateAPIView|RetrieveUpdateDestroyAPIView|RetrieveUpdateAPIView|RetrieveDestroyAPIView|CreateModelMixin|UpdateModelMixin|DestroyModelMixin)\b/;
const viewBases = /\b(View|ViewSet|APIView|GenericAPIView|\w+View|\w+ViewSet)\b/;
const protectingBases = /\b(LoginRequiredMixin|PermissionRequiredMixin|UserPassesTestMixin|StaffRequiredMixin|SuperuserRequiredMixin|AccessMixin|\w*Auth\w*Mixin)\b/;

interface View {
  /** Router object for Flask/FastAPI (`admin_bp`, `router`), 'django' for Django and DRF views. */
  readonly group: string;
  readonly statement: SyntaxNode;
  readonly label: string;
  readonly methods: readonly string[];
  readonly protectedBy?: string;
  readonly isPublic: boolean;
  /** A DRF view without permission_classes: protected by DEFAULT_PERMISSION_CLASSES when the project sets it. */
  readonly drfDefault: boolean;
}

export default defineDetector({
  id: 'missing-authorization',
  family: 'python',
  create() {
    return {};
  },
  checkFile(root: SyntaxNode, context: RuleContext) {
    if (context.file.isTest || !importsWebFramework(context)) return;
    // Uncached on every analysis: one text search decides whether the module declares views at all.
    const text = root.text;
    if (!/@\w+\.(route|get|post|put|patch|delete|api_route)\(|def \w+\(\s*request\b|View\b|ViewSet\b/.test(text)) return;
    const routerAuth = routerDependencies(root);
    checkOpenViewSets(root, context);
    const views = collectViews(root, routerAuth);
    if (views.length < 2) return;
    // A module that opens some DRF views with AllowAny has a restrictive default: views that say nothing inherit it.
    const restrictiveDefault = /\bAllowAny\b/.test(text);
    const groups = new Map<string, View[]>();
    for (const view of views) groups.set(view.group, [...(groups.get(view.group) ?? []), view]);
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      // Public views (sign-in, webhooks) may check credentials themselves; they say nothing about the module's convention.
      const guarded = group.filter((v) => v.protectedBy && !v.isPublic);
      // The convention must be clear: a decorator or dependency on two views or on one that changes data, or checks
      // written out in two views.
      const declared = guarded.filter((v) => v.protectedBy !== inlineLabel);
      const clear = declared.length >= 2 || declared.some((v) => v.methods.some((m) => stateChangingMethods.has(m))) || guarded.length - declared.length >= 2;
      if (!clear) continue;
      for (const view of group) {
        if (view.protectedBy || view.isPublic || !view.methods.some((m) => stateChangingMethods.has(m))) continue;
        if (view.drfDefault && restrictiveDefault) continue;
        const how = (declared[0] ?? guarded[0]).protectedBy!;
        context.report({
          range: firstLine(view.statement, context),
          confidence: declared.length >= 2 && !view.drfDefault ? 'high' : 'medium',
          message: `${view.label} changes data without the authentication or authorization the other views in this module use (${how}), so anyone can call it; add the same check.`,
        });
      }
    }
  },
});

function collectViews(root: SyntaxNode, routerAuth: ReadonlySet<string>): View[] {
  const views: View[] = [];
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const decorators = statement.type === 'decorated_definition'
      ? statement.namedChildren.filter((c): c is SyntaxNode => c?.type === 'decorator').map((d) => d.namedChildren[0]).filter((e): e is SyntaxNode => !!e)
      : [];
    if (definition?.type === 'function_definition') {
      const view = routeView(statement, definition, decorators, routerAuth) ?? djangoFunctionView(statement, definition, decorators);
      if (view) views.push(view);
    } else if (definition?.type === 'class_definition') {
      const view = classView(statement, definition, decorators);
      if (view) views.push(view);
    }
  }
  return views;
}

/** `@bp.route("/x", methods=["POST"])`, `@router.delete("/x")` on a top-level function. */
function routeView(statement: SyntaxNode, fn: SyntaxNode, decorators: SyntaxNode[], routerAuth: ReadonlySet<string>): View | undefined {
  const route = decorators.find(isRouteDecorator);
  if (!route) return undefined;
  const callee = route.childForFieldName('function')!;
  const group = callee.childForFieldName('object')?.text ?? '';
  const kind = decoratorName(route);
  const args = route.childForFieldName('arguments');
  const path = literalText(positionalArguments(args)[0] ?? keywordArgument(args, 'path') ?? keywordArgument(args, 'rule')) ?? '';
  let methods: string[];
  if (kind === 'route' || kind === 'api_route') {
    const list = keywordArgument(args, 'methods');
    methods = list ? list.namedChildren.map((m) => literalText(m)?.toUpperCase() ?? '').filter(Boolean) : ['GET'];
  } else methods = [kind.toUpperCase()];
  const name = fn.childForFieldName('name')?.text ?? '';
  const protectedBy = routerAuth.has(group) ? `${group}'s dependencies`
    : authDecorator(decorators.filter((d) => d !== route)) ?? dependencyAuth(args, fn) ?? inlineAuth(fn);
  return {
    group,
    statement,
    label: `${methods.filter((m) => stateChangingMethods.has(m))[0] ?? methods[0]} ${path || name}`,
    methods,
    protectedBy,
    isPublic: publicName.test(path) || publicName.test(name),
    drfDefault: false,
  };
}

/** A top-level Django function view: first parameter `request`. */
function djangoFunctionView(statement: SyntaxNode, fn: SyntaxNode, decorators: SyntaxNode[]): View | undefined {
  const parameters = fn.childForFieldName('parameters')?.namedChildren.filter((p): p is SyntaxNode => !!p && p.type !== 'comment') ?? [];
  const first = parameters[0];
  const firstName = first?.type === 'identifier' ? first.text : first?.childForFieldName('name')?.text;
  if (firstName !== 'request') return undefined;
  const name = fn.childForFieldName('name')?.text ?? '';
  const body = fn.childForFieldName('body')?.text ?? '';
  const apiView = decorators.find((d) => decoratorName(d) === 'api_view');
  let methods: string[] = ['GET'];
  const restriction = decorators.find((d) => /^(require_POST|require_http_methods|api_view)$/.test(decoratorName(d)));
  if (restriction) {
    if (decoratorName(restriction) === 'require_POST') methods = ['POST'];
    else {
      const list = positionalArguments(restriction.childForFieldName('arguments'))[0];
      methods = list ? list.namedChildren.map((m) => literalText(m)?.toUpperCase() ?? '').filter(Boolean) : ['GET'];
    }
  } else if (/request\.method\s*==\s*['"](POST|PUT|PATCH|DELETE)['"]|request\.POST\b/.test(body) && /\.(save|delete|create|update|bulk_create|set_password|remove|add)\(/.test(body)) {
    methods = ['GET', 'POST'];
  }
  const permissions = decorators.find((d) => decoratorName(d) === 'permission_classes');
  const allowAny = !!permissions && /AllowAny/.test(permissions.text);
  const protectedBy = allowAny ? undefined : (permissions ? `@permission_classes` : undefined) ?? authDecorator(decorators) ?? (hasInlineCheck(body) ? inlineLabel : undefined);
  return {
    group: 'django',
    statement,
    label: `The view ${name}`,
    methods,
    protectedBy,
    isPublic: allowAny || publicName.test(name),
    drfDefault: !!apiView && !permissions,
  };
}

/** Django class-based views and DRF API views and viewsets. */
function classView(statement: SyntaxNode, cls: SyntaxNode, decorators: SyntaxNode[]): View | undefined {
  const bases = cls.childForFieldName('superclasses')?.text ?? '';
  if (!viewBases.test(bases)) return undefined;
  const name = cls.childForFieldName('name')?.text ?? '';
  const body = cls.childForFieldName('body')?.text ?? '';
  const writes = writingViewBases.test(bases) || /def\s+(post|put|patch|delete|create|update|destroy|partial_update)\s*\(/.test(body);
  const permissions = /permission_classes\s*=\s*([^\n]+)/.exec(body);
  const allowAny = !!permissions && /AllowAny/.test(permissions[1]);
  const drf = /APIView|ViewSet|GenericAPIView/.test(bases);
  const protectedBy = allowAny ? undefined
    : protectingBases.exec(bases)?.[0]
      ?? (permissions && !/^\(\s*\)|^\[\s*\]/.test(permissions[1].trim()) ? 'permission_classes' : undefined)
      ?? authDecorator(decorators.flatMap((d) => (decoratorName(d) === 'method_decorator' ? positionalArguments(d.childForFieldName('arguments')).slice(0, 1) : [d])))
      ?? (hasInlineCheck(body) ? inlineLabel : undefined);
  return {
    group: 'django',
    statement,
    label: `The view ${name}`,
    methods: writes ? ['POST'] : ['GET'],
    protectedBy,
    isPublic: allowAny || publicName.test(name),
    drfDefault: drf && !permissions,
  };
}

/** DRF views that update and delete any object: a full ModelViewSet, or the update/destroy generics and mixins. */
const destructiveBases = /\b(ModelViewSet|DestroyAPIView|UpdateAPIView|RetrieveUpdateDestroyAPIView|RetrieveUpdateAPIView|RetrieveDestroyAPIView|DestroyModelMixin|UpdateModelMixin)\b/;

/**
 * `permission_classes = [AllowAny]` on a DRF view that updates and deletes: anyone, signed in or not, can change or
 * delete every object it serves, whatever the other views do. Reported at the permission_classes line.
 */
function checkOpenViewSets(root: SyntaxNode, context: RuleContext): void {
  if (!/\bAllowAny\b/.test(root.text)) return;
  for (const statement of root.namedChildren) {
    const cls = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (cls?.type !== 'class_definition') continue;
    const name = cls.childForFieldName('name')?.text ?? '';
    if (!destructiveBases.test(cls.childForFieldName('superclasses')?.text ?? '') || publicName.test(name)) continue;
    const body = cls.childForFieldName('body');
    if (!body || /http_method_names|def\s+(destroy|update|partial_update|get_permissions)\s*\(/.test(body.text)) continue;
    for (const member of body.namedChildren) {
      const assignment = member?.type === 'expression_statement' ? member.namedChildren[0] : undefined;
      if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== 'permission_classes') continue;
      const right = assignment.childForFieldName('right');
      const open = right && (/^[[(]\s*[\])]$/.test(right.text) || (/\bAllowAny\b/.test(right.text) && right.namedChildren.length === 1));
      if (!open) continue;
      context.report({
        node: assignment,
        confidence: 'medium',
        message: `The view ${name} lets anyone, signed in or not, update and delete every object it serves (permission_classes allows any caller); require IsAuthenticated plus an ownership or role check, or make the view read-only.`,
      });
    }
  }
}

/** The first decorator that authenticates or authorizes, as written. */
function authDecorator(decorators: SyntaxNode[]): string | undefined {
  for (const d of decorators) {
    const name = d.type === 'call' ? d.childForFieldName('function')?.text ?? '' : d.text;
    if (authName.test(name) && !notAuthName.test(name.split('.').pop() ?? name)) return `@${name}`;
  }
  return undefined;
}

/** FastAPI: `dependencies=[Depends(verify_token)]` on the route, or a parameter defaulting to `Depends(get_current_user)`/`Security(...)`. */
function dependencyAuth(args: SyntaxNode | null, fn: SyntaxNode): string | undefined {
  const dependencies = keywordArgument(args, 'dependencies');
  if (dependencies && authName.test(dependencies.text) && !notAuthName.test(dependencies.text)) return 'dependencies=[Depends(...)]';
  for (const parameter of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!parameter) continue;
    const text = parameter.text;
    const depends = /\b(Depends|Security)\(\s*([\w.]*)/.exec(text);
    if (depends && (depends[1] === 'Security' || authName.test(depends[2]) && !notAuthName.test(depends[2]))) return `Depends(${depends[2]})`;
    const type = parameter.childForFieldName('type')?.text ?? '';
    if (/^(Current\w*|\w*UserDep|AuthUser|AdminUser|Authenticated\w*|Principal|\w*TokenDep)$/.test(type)) return type;
  }
  return undefined;
}

/** Status codes alone: a view answers 403 to a path that leaves its directory or a value it refuses as well. */
const statusOnly = /abort\(\s*40[13]|status_code\s*=\s*40[13]|HTTP_40[13]/g;
// Not path-traversal's containmentCheck: this asks whether a 403 may answer a bad path or value (realpath, abspath, regex matches count).
const inputGuard = /commonpath|is_relative_to|realpath|abspath|\.startswith\(|['"]\.\.['"]\s+in\b|\bre\.(fullmatch|match)\(/;

/** An access check in a view's body; a bare abort(403) counts only where no path or input guard could be what it answers. */
function hasInlineCheck(body: string): boolean {
  if (!inlineCheck.test(body)) return false;
  return inlineCheck.test(body.replace(statusOnly, '')) || !inputGuard.test(body);
}

function inlineAuth(fn: SyntaxNode): string | undefined {
  const body = fn.childForFieldName('body')?.text ?? '';
  return hasInlineCheck(body.slice(0, 20000)) ? inlineLabel : undefined;
}

/** Routers created with `APIRouter(dependencies=[Depends(auth)])` or guarded by `@bp.before_request` functions that check the user. */
function routerDependencies(root: SyntaxNode): Set<string> {
  const out = new Set<string>();
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type === 'assignment') {
      const right = assignment.childForFieldName('right');
      const left = assignment.childForFieldName('left');
      if (right?.type === 'call' && left?.type === 'identifier' && /(APIRouter|FastAPI)$/.test(right.childForFieldName('function')?.text ?? '')) {
        const dependencies = keywordArgument(right.childForFieldName('arguments'), 'dependencies');
        if (dependencies && authName.test(dependencies.text)) out.add(left.text);
      }
    }
    if (statement.type === 'decorated_definition') {
      for (const decorator of statement.namedChildren) {
        const expression = decorator?.type === 'decorator' ? decorator.namedChildren[0] : undefined;
        if (expression?.type !== 'attribute' || expression.childForFieldName('attribute')?.text !== 'before_request') continue;
        const fn = statement.childForFieldName('definition');
        const text = fn?.text ?? '';
        if (inlineCheck.test(text) || /return\s+redirect\(|abort\(|login/.test(text)) out.add(expression.childForFieldName('object')?.text ?? '');
      }
    }
  }
  return out;
}

/** The statement's first line: the route decorator, the `def` or the `class` line a reader looks at. */
function firstLine(statement: SyntaxNode, context: RuleContext): Range {
  const range = context.rangeOf(statement);
  const firstLineLength = statement.text.split('\n')[0].length;
  return { start: range.start, end: { line: range.start.line, character: range.start.character + firstLineLength } };
}
