// Owns the cheap first look at an assignment: the text of its target, sliced from the source instead of read from the tree, shared by the rules that listen to assignments.
import type { SyntaxNode } from '../../api';

const targets = new WeakMap<SyntaxNode, string>();

/** `process.env.NODE_ENV` for `process.env.NODE_ENV = 'development'`, without spaces; '' when the target is not a plain chain. */
export function assignmentTargetText(assignment: SyntaxNode): string {
  let target = targets.get(assignment);
  if (target === undefined) {
    const head = assignment.text.slice(0, 160);
    const match = /^([\w$.[\]'"\s?]+?)\s*(?:=(?!=)|\+=)/.exec(head);
    target = match ? match[1].replace(/\s/g, '') : '';
    targets.set(assignment, target);
  }
  return target;
}
