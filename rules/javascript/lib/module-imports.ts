// Owns finding where a JS/TS file names a module: `import`, `export … from`, `require('x')`, `import('x')` with a literal.
import type { SyntaxNode } from '../../api';

export interface ModuleImport {
  /** The string literal node, quotes included. */
  readonly node: SyntaxNode;
  readonly specifier: string;
  /** `import type …` / `export type … from`: erased at run time. */
  readonly typeOnly: boolean;
}

/** Node types whose visitors call `moduleImportOf`. */
export const moduleImportNodeTypes = ['import_statement', 'export_statement', 'call_expression'] as const;

export function moduleImportOf(node: SyntaxNode): ModuleImport | undefined {
  if (node.type === 'import_statement' || node.type === 'export_statement') {
    const source = node.childForFieldName('source');
    if (source?.type !== 'string') return undefined;
    const typeOnly = node.children.some((c) => c?.type === 'type') || /^(import|export)\s+type\b/.test(node.text);
    return literal(source, typeOnly);
  }
  if (node.type === 'call_expression') {
    const callee = node.childForFieldName('function');
    if (callee?.type !== 'import' && !(callee?.type === 'identifier' && callee.text === 'require')) return undefined;
    const args = node.childForFieldName('arguments');
    const first = args?.namedChildren[0];
    if (!first || args!.namedChildren.length !== 1) return undefined;
    return literal(first, false);
  }
  return undefined;
}

function literal(node: SyntaxNode, typeOnly: boolean): ModuleImport | undefined {
  if (node.type !== 'string' && !(node.type === 'template_string' && !node.namedChildren.some((c) => c?.type === 'template_substitution'))) return undefined;
  const specifier = node.text.slice(1, -1);
  return { node, specifier, typeOnly };
}

/** Inside `try { … } catch` at any depth: the import is optional, the code copes with its absence. */
export function isGuardedImport(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'statement_block' && n.parent?.type === 'try_statement' && n.parent.childForFieldName('body')?.id === n.id) return true;
  }
  return false;
}
