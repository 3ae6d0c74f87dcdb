// Owns reading Python string literals: their text without quotes and prefixes, with f-string holes marked.
import type { SyntaxNode } from '../../api';

/** Stands for an f-string interpolation in `literalText(node, { holes: true })`: never part of a real literal. */
export const hole = '\u0000';

/**
 * The source text inside a string literal's quotes (escapes are left as written), or undefined when the node is not a
 * string literal or, unless `holes` is set, has interpolations. Implicit concatenation ("a" "b") is joined.
 */
export function literalText(node: SyntaxNode | null | undefined, options: { holes?: boolean } = {}): string | undefined {
  if (!node) return undefined;
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.map((c) => literalText(c, options));
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  let text = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content') text += child.text;
    else if (child.type === 'interpolation') {
      if (!options.holes) return undefined;
      text += hole;
    }
  }
  return text;
}

/** True for a docstring: a string that is a statement of its own. */
export function isDocstring(node: SyntaxNode): boolean {
  let n = node;
  if (n.parent?.type === 'concatenated_string') n = n.parent;
  return n.parent?.type === 'expression_statement' && n.parent.namedChildren.length === 1;
}

/** The string's prefix letters, lowercased: 'b', 'rb', 'f', ''. */
export function stringPrefix(node: SyntaxNode): string {
  const start = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '';
  return start.replace(/["']+$/, '').toLowerCase();
}

/** Rewrites a literal's content, keeping its prefix and quotes: used by fixes that swap an algorithm name. */
export function replaceLiteralContent(node: SyntaxNode, content: string): string {
  const start = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '"';
  const end = node.namedChildren.find((c) => c?.type === 'string_end')?.text ?? '"';
  return `${start}${content}${end}`;
}
