// Owns recognising Python web views: Flask/FastAPI route decorators, Django function and class-based views, DRF views, error handlers.
import type { SyntaxNode } from '../../api';

/** Decorator method names that register a route: `@app.route`, `@bp.post`, `@router.get`, `@app.api_route`. */
export const routeDecoratorMethods = new Set(['route', 'get', 'post', 'put', 'patch', 'delete', 'api_route', 'websocket', 'head', 'options']);
/** Decorators that mark a function as a view without a route: DRF's `@api_view`, Django's method restrictions. */
const viewDecorators = /^(api_view|require_POST|require_GET|require_http_methods|require_safe|action|login_required|permission_required|csrf_exempt|view_config)$/;
/** Base classes of class-based views, whose HTTP-method members are views. */
const viewBases = /\b(View|APIView|ViewSet|GenericViewSet|ModelViewSet|MethodView|Resource|RequestHandler|HTTPEndpoint|GenericAPIView|\w+Mixin)\b/;
const httpMethodNames = /^(get|post|put|patch|delete|head|options|dispatch|list|create|retrieve|update|partial_update|destroy)$/;

/** The decorator expressions of a function (or class) definition, if it is decorated. */
export function decoratorsOf(definition: SyntaxNode): SyntaxNode[] {
  const parent = definition.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren.filter((c): c is SyntaxNode => c?.type === 'decorator').map((d) => d.namedChildren[0]).filter((e): e is SyntaxNode => !!e);
}

/** The called name of a decorator expression: `app.route(...)` → route, `login_required` → login_required. */
export function decoratorName(expression: SyntaxNode): string {
  const callee = expression.type === 'call' ? expression.childForFieldName('function') : expression;
  if (!callee) return '';
  return callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : callee.text;
}

/** True for a route decorator: `@app.route("/x")`, `@router.post("/x")` (a method call on an app, blueprint or router). */
export function isRouteDecorator(expression: SyntaxNode): boolean {
  if (expression.type !== 'call') return false;
  const callee = expression.childForFieldName('function');
  return callee?.type === 'attribute' && routeDecoratorMethods.has(callee.childForFieldName('attribute')?.text ?? '');
}

/** Error handlers send their result to the client too: `@app.errorhandler(500)`, `@app.exception_handler(Exception)`. */
export function isErrorHandler(fn: SyntaxNode): boolean {
  return decoratorsOf(fn).some((d) => /^(errorhandler|exception_handler|app_errorhandler|register_error_handler)$/.test(decoratorName(d)));
}

/**
 * True when a function is a web view: it has a route or view decorator, is an error handler, takes `request` first
 * (Django), or is an HTTP-method member of a class-based view.
 */
export function isViewFunction(fn: SyntaxNode): boolean {
  const decorators = decoratorsOf(fn);
  if (decorators.some((d) => isRouteDecorator(d) || viewDecorators.test(decoratorName(d)))) return true;
  if (isErrorHandler(fn)) return true;
  const parameters = fn.childForFieldName('parameters')?.namedChildren.filter((p): p is SyntaxNode => !!p) ?? [];
  const names = parameters.map((p) => (p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text ?? ''));
  const classNode = fn.parent?.type === 'block' ? fn.parent.parent : fn.parent?.parent?.type === 'block' ? fn.parent.parent.parent : undefined;
  if (classNode?.type === 'class_definition') {
    const bases = classNode.childForFieldName('superclasses')?.text ?? '';
    return viewBases.test(bases) && httpMethodNames.test(fn.childForFieldName('name')?.text ?? '');
  }
  return names[0] === 'request' && !fn.parent?.parent?.type.includes('function');
}

/** The nearest enclosing function that is a web view, or undefined. */
export function enclosingView(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return isViewFunction(n) ? n : undefined;
  }
  return undefined;
}
