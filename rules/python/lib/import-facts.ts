// Owns questions about a file's module-level imports ("does it import an HTTP client?"), answered once per analysis.
import type { ModuleBinding, RuleContext } from '../../api';

const memo = new WeakMap<readonly ModuleBinding[], Map<RegExp, boolean>>();

/** True when some module-level import's module path matches `pattern`; rules ask this in create(), once per unit. */
export function importsModule(context: RuleContext, pattern: RegExp): boolean {
  let perFile = memo.get(context.bindings);
  if (!perFile) memo.set(context.bindings, (perFile = new Map()));
  let known = perFile.get(pattern);
  if (known === undefined) perFile.set(pattern, (known = context.bindings.some((b) => pattern.test(b.module))));
  return known;
}
