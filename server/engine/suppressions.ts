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
    const node = document.tree.rootNode.descendantForIndex(at);
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
