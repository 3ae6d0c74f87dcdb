// Owns cheap whole-file text tests, computed once per syntax tree: a necessary condition a rule can check before resolving anything.
import { moduleFact, type SyntaxNode } from '../../api';

const names = new Map<RegExp, string>();

/**
 * True when the file's text matches `pattern` somewhere: a necessary condition a rule can check before resolving
 * anything. A module fact (see moduleFact): a cached finding that relied on it is redone when the answer changes.
 */
export function fileMentions(node: SyntaxNode, pattern: RegExp): boolean {
  let name = names.get(pattern);
  if (!name) names.set(pattern, (name = `python/file-mentions/${pattern.flags}/${pattern.source}`));
  return moduleFact(node, name, (root) => pattern.test(root.text));
}
