// Owns rewriting a built string back into one plain literal for a fix: its quote, and whether the text survives the move.
import type { SyntaxNode } from '../../api';

/**
 * The quote of the literal(s) a built string came from (f-string, `%`/`.format` receiver, `+` operands), when they are all
 * plain or f-strings with the same quote; undefined for raw or bytes literals, whose text would change meaning.
 */
export function plainQuote(node: SyntaxNode): string | undefined {
  const literals: SyntaxNode[] = [];
  const collect = (n: SyntaxNode): void => {
    if (n.type === 'string') literals.push(n);
    else if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '+') {
      for (const side of [n.childForFieldName('left'), n.childForFieldName('right')]) if (side) collect(side);
    } else if (n.type === 'parenthesized_expression' || n.type === 'concatenated_string') for (const c of n.namedChildren) { if (c) collect(c); }
  };
  const template = node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '%'
    ? node.childForFieldName('left')
    : node.type === 'call' ? node.childForFieldName('function')?.childForFieldName('object') : node;
  if (!template) return undefined;
  collect(template);
  const opens = literals.map((l) => l.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '');
  if (!opens.length) return undefined;
  const quote = opens[0].replace(/^[a-zA-Z]*/, '');
  return opens.every((o) => /^[fFuU]?["']+$/.test(o) && o.replace(/^[a-zA-Z]*/, '') === quote) ? quote : undefined;
}
