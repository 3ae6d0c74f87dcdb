// Owns `skeptic-ignore` comments: one syntax in every language and face, on the finding's line or the line above.
import type { Range } from '../../rules/api';
import type { ParsedDocument } from './document';
import type { Finding, Suppression } from './findings';

/** `skeptic-ignore rule-a, rule-b -- reason`; the comment markers around it (`//`, `#`, `/* *\/`, `{/* *\/}`) do not matter. */
const pattern = /skeptic-ignore[ \t]+([a-z0-9-]+(?:[ \t]*,[ \t]*[a-z0-9-]+)*)(?:[ \t]+--[ \t]*(.*?))?[ \t]*(?:\*\/[ \t]*\}?)?[ \t]*$/;

export interface SuppressionComment extends Suppression {
  readonly ruleIds: readonly string[];
  /** Lines (0-based) whose findings it silences. */
  readonly lines: readonly number[];
}

/** Finds every suppression comment; text that merely looks like one inside a string is ignored. */
export function findSuppressions(document: ParsedDocument): SuppressionComment[] {
  const text = document.text;
  const found: SuppressionComment[] = [];
  for (let at = text.indexOf('skeptic-ignore'); at !== -1; at = text.indexOf('skeptic-ignore', at + 1)) {
    const node = document.syntax.rootNode.descendantForIndex(at);
    if (!node || !node.type.includes('comment')) continue;
    const position = document.positionAt(at);
    const lineText = document.lineText(position.line);
    const match = pattern.exec(lineText.slice(position.character));
    if (!match) continue;
    const ownLine = /^\s*(\/\/|#|\/\*\*?|\{\s*\/\*)?\s*$/.test(lineText.slice(0, position.character));
    const range: Range = { start: { line: position.line, character: position.character }, end: { line: position.line, character: lineText.length } };
    found.push({
      ruleIds: match[1].split(',').map((id) => id.trim()),
      reason: (match[2] ?? '').trim(),
      range,
      lines: ownLine ? [position.line, position.line + 1] : [position.line],
    });
  }
  return found;
}

export function applySuppressions(findings: readonly Finding[], document: ParsedDocument): Finding[] {
  if (!document.text.includes('skeptic-ignore')) return [...findings];
  const comments = findSuppressions(document);
  return findings.map((finding) => {
    const comment = comments.find((c) => c.ruleIds.includes(finding.ruleId) && c.lines.includes(finding.range.start.line));
    return comment ? { ...finding, suppression: { range: comment.range, reason: comment.reason } } : finding;
  });
}

/** Why a suppression comment silences nothing. */
export type WithheldWhy = 'unconfirmed' | 'no-reason';

export interface SuppressionPolicy {
  /** Lines (0-based) of suppression comments that arrived inside inserted code and no person has edited or confirmed. */
  readonly unconfirmedLines: ReadonlySet<number>;
  /** Whether a suppression on this line needs a reason (it is inside AI-suggested code). */
  readonly reasonRequired: (line: number) => boolean;
}

/** A finding whose suppression comment the policy did not honour: it stands, and says why. */
export interface WithheldFinding extends Finding {
  readonly withheld?: Suppression & { readonly why: WithheldWhy };
}

/**
 * Applies the editor's provenance policy to findings from `applySuppressions`: a suppression an assistant wrote
 * silences nothing until a person edits or confirms it, and inside AI-suggested code a suppression needs a reason.
 */
export function withholdSuppressions(findings: readonly Finding[], policy: SuppressionPolicy): WithheldFinding[] {
  return findings.map((finding) => {
    const suppression = finding.suppression;
    if (!suppression) return finding;
    const line = suppression.range.start.line;
    const why: WithheldWhy | undefined = policy.unconfirmedLines.has(line) ? 'unconfirmed' : !suppression.reason && policy.reasonRequired(line) ? 'no-reason' : undefined;
    if (!why) return finding;
    const { suppression: _dropped, ...rest } = finding;
    return { ...rest, withheld: { ...suppression, why } };
  });
}
