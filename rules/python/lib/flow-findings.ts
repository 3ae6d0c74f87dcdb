// Owns where an injection finding lands: on the sink call, and also on the line that built the string when that is far from it.
import type { Confidence, Fix, RuleContext, SyntaxNode } from '../../api';

export interface FlowFinding {
  /** The call that runs the query, command, template... */
  readonly sink: SyntaxNode;
  /** The values inserted into the string, in source order; the first one far from the sink gets a finding of its own. */
  readonly holes?: readonly SyntaxNode[];
  readonly message: string;
  readonly confidence?: Confidence;
  readonly fix?: Fix;
}

/**
 * Reports at the sink. When the string was built more than a line away (`sql = "..." % name` ten lines up), the line
 * that built it gets the same finding: that is the line a fix changes, and the one a reviewer reads first.
 */
export function reportFlow(context: RuleContext, finding: FlowFinding): void {
  const sinkLine = finding.sink.startPosition.row;
  context.report({ node: finding.sink, message: finding.message, confidence: finding.confidence, fix: finding.fix });
  const lines = new Set<number>();
  for (const hole of finding.holes ?? []) {
    const line = hole.startPosition.row;
    if (Math.abs(line - sinkLine) <= 1 || lines.has(line)) continue;
    // Inside the sink's own call only a long string literal earns a second finding; a wrapped argument list does not.
    if (within(hole, finding.sink) && !inLongLiteral(hole)) continue;
    // One finding per building statement: the first far hole of each line.
    if ([...lines].some((l) => Math.abs(l - line) <= 1)) continue;
    lines.add(line);
    context.report({ node: hole, message: finding.message, confidence: finding.confidence });
  }
}

/** Describes a taint source for a message: "request data (request.args)", "parameter `name`". */
export function describeSource(label: string | undefined, parameter: boolean | undefined): string {
  if (!label) return 'a value that is not a constant';
  if (parameter) return `the parameter \`${label.replace(/^parameter /, '')}\``;
  if (label.startsWith('route parameter')) return `the URL (${label.replace(/^route parameter /, 'route parameter `')}\`)`;
  return `request or user input (\`${label}\`)`;
}

function within(node: SyntaxNode, outer: SyntaxNode): boolean {
  return node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
}

/** An f-string hole in a literal spanning several lines (a multi-line query or command). */
function inLongLiteral(hole: SyntaxNode): boolean {
  const literal = hole.parent?.type === 'interpolation' ? hole.parent.parent : undefined;
  return !!literal && literal.type === 'string' && literal.endPosition.row - literal.startPosition.row >= 2;
}
