// Owns keeping rules quiet on test-only code, checked when a finding is reported rather than on every visited node.
import type { RuleContext, SyntaxNode } from '../../api';
import { isRouteDecorator } from './web-views';


/**
 * The same context, except that reports on test-only code (test files, `def test_*`, `class Test*`) are dropped. Asking
 * at report time costs one ancestor walk per finding instead of one per candidate call. A `def test_*` that a route
 * decorator serves (`@app.route("/webhook/test") def test_webhook():`) is an endpoint, not a test.
 */
export function quietInTests(context: RuleContext): RuleContext {
  return {
    ...context,
    report(report) {
      if (context.file.isTest || (report.node && context.isTestCode(report.node) && !servedAsRoute(report.node))) return;
      context.report(report);
    },
  };
}

/** True when the innermost `test_*` function around `node` is a route handler (and no `class Test*` encloses it). */
function servedAsRoute(node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node.parent; n; n = n.parent) {
    if (n.type === 'class_definition' && /^Test/.test(n.childForFieldName('name')?.text ?? '')) return false;
    if (n.type !== 'function_definition' || !/^test(_|$)/.test(n.childForFieldName('name')?.text ?? '')) continue;
    const decorated = n.parent?.type === 'decorated_definition' ? n.parent : undefined;
    if (!decorated?.namedChildren.some((d) => d?.type === 'decorator' && !!d.namedChildren[0] && isRouteDecorator(d.namedChildren[0]))) return false;
    // A test_* route inside a test_* function is still a test.
    for (let m: SyntaxNode | null = decorated.parent; m; m = m.parent) {
      if (m.type === 'function_definition' && /^test(_|$)/.test(m.childForFieldName('name')?.text ?? '')) return false;
      if (m.type === 'class_definition' && /^Test/.test(m.childForFieldName('name')?.text ?? '')) return false;
    }
    return true;
  }
  return false;
}
