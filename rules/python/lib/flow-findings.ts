// Owns what Python injection rules share: their call visitor, how loud a value's origin is, and where a finding lands (the sink call, and the line that built the string when that is far from it).
import type { Confidence, Fix, RuleContext, Severity, SyntaxNode, Visitors } from '../../api';
import type { Hole } from './built-strings';
import { enclosingFunction, resolveName } from './scope';
import { calleeLastName } from './sink-calls';
import { quietInTests } from './test-code';
import type { Origin } from './value-origins';

/**
 * The visitors of an injection rule: quiet in test code, each call handed over with its callee's last name ('' when it
 * has none), plus whatever other visitors `more` makes with the same quiet context.
 */
export function sinkCallVisitors(
  rawContext: RuleContext, onCall: (call: SyntaxNode, last: string, context: RuleContext) => void, more?: (context: RuleContext) => Visitors,
): Visitors {
  const context = quietInTests(rawContext);
  return { ...more?.(context), call: (node: SyntaxNode) => onCall(node, calleeLastName(node, context) ?? '', context) };
}

/** The last names of sinks' callees (`.execute`, `*render_template_string`, `os.system` → execute, render_template_string, system): a call ending otherwise matches none. */
export function sinkNamesOf(specs: readonly { readonly callee: string }[]): Set<string> {
  return new Set(specs.map((s) => s.callee.replace(/^[.*]/, '').split('.').pop()!));
}

/** A value spliced into a dangerous string, and where it comes from. */
export interface FlaggedHole {
  readonly hole: Hole;
  readonly origin: Origin;
}

const originRank: Readonly<Record<Origin['kind'], number>> = { input: 3, parameter: 2, unknown: 1 };

/** The flagged value whose origin speaks loudest, for the finding's message and confidence: client input, then a parameter, then unknown. */
export function loudestOf<T extends { readonly origin: Origin }>(flagged: readonly T[]): T {
  return flagged.reduce((a, b) => (originRank[b.origin.kind] > originRank[a.origin.kind] ? b : a));
}

export interface FlowFinding {
  /** The call that runs the query, command, template... */
  readonly sink: SyntaxNode;
  /** The values inserted into the string, in source order; the first one far from the sink gets a finding of its own. */
  readonly holes?: readonly SyntaxNode[];
  readonly message: string;
  readonly confidence?: Confidence;
  readonly severity?: Severity;
  readonly fix?: Fix;
}

/**
 * Reports at the sink. When the string was built more than a line away (`sql = "..." % name` ten lines up), the line
 * that built it gets the same finding: that is the line a fix changes, and the one a reviewer reads first.
 */
export function reportFlow(context: RuleContext, finding: FlowFinding): void {
  const sinkLine = finding.sink.startPosition.row;
  context.report({ node: finding.sink, message: finding.message, confidence: finding.confidence, severity: finding.severity, fix: finding.fix });
  const lines = new Set<number>();
  for (const hole of finding.holes ?? []) {
    const line = hole.startPosition.row;
    if (Math.abs(line - sinkLine) <= 1 || lines.has(line)) continue;
    // A wrapped call's later lines count too: the fix rewrites the argument lines, and a reviewer points at them.
    // One finding per building statement: the first far hole of each line.
    if ([...lines].some((l) => Math.abs(l - line) <= 1)) continue;
    lines.add(line);
    context.report({ node: hole, message: finding.message, confidence: finding.confidence, severity: finding.severity });
  }
}

/**
 * The expression a sink's argument name was assigned once in the same function (`path = os.path.join(BASE, name)`
 * lines above `open(path)`): as a "hole" for reportFlow, so the line that built the value carries the finding too.
 */
export function builtAbove(argument: SyntaxNode, context: RuleContext): SyntaxNode[] {
  if (argument.type !== 'identifier') return [];
  const { bindings } = resolveName(argument.text, argument, context);
  if (bindings.length !== 1 || bindings[0].kind !== 'assignment' || !bindings[0].value) return [];
  const value = bindings[0].value;
  if (!buildsValue(value) || value.startIndex > argument.startIndex) return [];
  const fn = enclosingFunction(argument);
  return fn && enclosingFunction(value)?.equals(fn) ? [value] : [];
}

/** A value put together here (a join, a concatenation, an f-string), not one read as is (`request.args["url"]`). */
function buildsValue(value: SyntaxNode): boolean {
  if (value.type === 'binary_operator' || value.type === 'concatenated_string') return true;
  if (value.type === 'string') return value.namedChildren.some((c) => c?.type === 'interpolation');
  if (value.type !== 'call') return false;
  const callee = value.childForFieldName('function');
  const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
  return /^(join|format|joinpath|Path|urljoin|realpath|abspath|normpath|resolve)$/.test(name ?? '') || /(^|\.)path\.join$/.test(callee?.text ?? '');
}

/** Describes a taint source for a message: "request data (request.args)", "parameter `name`". */
export function describeSource(label: string | undefined, parameter: boolean | undefined): string {
  if (!label) return 'a value that is not a constant';
  if (parameter) return `the parameter \`${label.replace(/^parameter /, '')}\``;
  if (label.startsWith('route parameter')) return `the URL (${label.replace(/^route parameter /, 'route parameter `')}\`)`;
  return `request or user input (\`${label}\`)`;
}
