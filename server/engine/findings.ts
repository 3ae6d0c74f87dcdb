// Owns the Finding: what the engine hands every face (LSP, CLI, reviews), with range arithmetic for cached results.
import type { Confidence, Fix, OwaspCategory, Position, Range, Severity, SyntaxNode } from '../../rules/api';

export interface Suppression {
  /** The comment's range. */
  readonly range: Range;
  /** The text after `--`, trimmed; empty when the comment gives none. */
  readonly reason: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly cwe: readonly string[];
  readonly owasp: OwaspCategory;
  /** One sentence: the hazard and the safer alternative. */
  readonly message: string;
  readonly range: Range;
  readonly fix?: Fix;
  /** Set when a `skeptic-ignore` comment silences the finding; faces hide it (SARIF records it). */
  readonly suppression?: Suppression;
}

const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank[severity] >= severityRank[threshold];
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || a.ruleId.localeCompare(b.ruleId);
}

/** Re-expresses a range relative to an origin, so a cached unit's findings survive the unit moving. */
export function relativeRange(range: Range, origin: Position): Range {
  return { start: relativePosition(range.start, origin), end: relativePosition(range.end, origin) };
}

export function absoluteRange(range: Range, origin: Position): Range {
  return { start: absolutePosition(range.start, origin), end: absolutePosition(range.end, origin) };
}

function relativePosition(p: Position, origin: Position): Position {
  return p.line === origin.line
    ? { line: 0, character: p.character - origin.character }
    : { line: p.line - origin.line, character: p.character };
}

function absolutePosition(p: Position, origin: Position): Position {
  return p.line === 0
    ? { line: origin.line, character: origin.character + p.character }
    : { line: origin.line + p.line, character: p.character };
}

/** Moves a finding (and its fix) between coordinate systems with `move`. */
export function mapFinding(finding: Finding, move: (range: Range) => Range): Finding {
  const fix = finding.fix && {
    ...finding.fix,
    edits: finding.fix.edits.map((edit) => ({ ...edit, range: move(edit.range) })),
  };
  return { ...finding, range: move(finding.range), ...(fix ? { fix } : {}) };
}

export function rangeOf(node: SyntaxNode): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}
