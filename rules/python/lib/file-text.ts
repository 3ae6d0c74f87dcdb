// Owns cheap whole-file text tests, computed once per syntax tree: a necessary condition a rule can check before resolving anything.
import type { SyntaxNode } from '../../api';

const memo = new WeakMap<object, Map<RegExp, boolean>>();

/**
 * True when the file's text matches `pattern` somewhere. Use it only as a necessary condition for a finding whose
 * evidence lives in this unit or in module-level statements (whose text is part of every unit's cache key), so that
 * cached results stay right when other units change.
 */
export function fileMentions(node: SyntaxNode, pattern: RegExp): boolean {
  let perTree = memo.get(node.tree);
  if (!perTree) memo.set(node.tree, (perTree = new Map()));
  let known = perTree.get(pattern);
  if (known === undefined) perTree.set(pattern, (known = pattern.test(node.tree.rootNode.text)));
  return known;
}
