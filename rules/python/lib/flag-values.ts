// Owns reading switch values in Python configuration: a literal True/False (or 0/1, "false"), directly or through a name bound only to one.
import type { RuleContext, SyntaxNode } from '../../api';
import { resolveName } from './scope';
import { literalText } from './string-literals';

/**
 * The boolean a switch is set to when the source fixes it: `False`, `0` (`"false"` with `strings`), or a name whose every binding in
 * reach is one of those (`VERIFY_SSL = False` … `verify=VERIFY_SSL`). Undefined when it depends on anything else.
 */
export function flagValue(node: SyntaxNode | null | undefined, context: RuleContext, options: { strings?: boolean } = {}, depth = 0): boolean | undefined {
  if (!node || depth > 3) return undefined;
  switch (node.type) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'integer':
      return node.text === '0' ? false : node.text === '1' ? true : undefined;
    case 'string': {
      if (!options.strings) return undefined;
      const text = literalText(node)?.toLowerCase();
      if (text === 'false' || text === '0' || text === 'no' || text === 'off') return false;
      if (text === 'true' || text === '1' || text === 'yes' || text === 'on') return true;
      return undefined;
    }
    case 'parenthesized_expression':
      return flagValue(node.namedChildren[0], context, options, depth + 1);
    case 'identifier': {
      const { bindings } = resolveName(node.text, node, context);
      if (bindings.length === 0 || bindings.some((b) => b.kind !== 'assignment' || !b.value)) return undefined;
      const values = new Set(bindings.map((b) => flagValue(b.value, context, options, depth + 1)));
      return values.size === 1 ? [...values][0] : undefined;
    }
    default:
      return undefined;
  }
}

/** The literal node that fixes a flag: the argument itself, or the value of the single assignment a name resolves to. */
export function flagLiteral(node: SyntaxNode, context: RuleContext): SyntaxNode | undefined {
  if (node.type !== 'identifier') return node;
  const { bindings } = resolveName(node.text, node, context);
  return bindings.length === 1 && bindings[0].kind === 'assignment' ? bindings[0].value : undefined;
}
