// Owns keeping rules quiet on test-only code, checked when a finding is reported rather than on every visited node.
import type { RuleContext } from '../../api';

/**
 * The same context, except that reports on test-only code (test files, `def test_*`, `class Test*`) are dropped. Asking
 * at report time costs one ancestor walk per finding instead of one per candidate call.
 */
export function quietInTests(context: RuleContext): RuleContext {
  return {
    ...context,
    report(report) {
      if (context.file.isTest || (report.node && context.isTestCode(report.node))) return;
      context.report(report);
    },
  };
}
