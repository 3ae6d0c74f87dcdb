// Owns the import side of a fix: naming an imported function and adding the import when the module lacks it.
import type { RuleContext, SyntaxNode, TextEdit } from '../../api';

export interface ImportedName {
  /** How the code refers to it after the fix: `shlex.quote`, `quote`, `format_html`. */
  readonly expression: string;
  /** The import to add, or none when one is in place. */
  readonly edits: readonly TextEdit[];
}

/**
 * Refers to `module.name` the way the file already imports it, or adds an import: `import module` (then `module.name`)
 * when `style` is 'module', `from module import name` when it is 'from'.
 */
export function importedName(at: SyntaxNode, context: RuleContext, module: string, name: string, style: 'module' | 'from'): ImportedName {
  const direct = context.bindings.find((b) => b.module === module && b.imported === name);
  if (direct) return { expression: direct.local, edits: [] };
  const namespace = context.bindings.find((b) => b.module === module && b.imported === undefined);
  if (namespace) return { expression: `${namespace.local}.${name}`, edits: [] };
  const line = importInsertionLine(at);
  const text = style === 'module' ? `import ${module}\n` : `from ${module} import ${name}\n`;
  const edit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: text };
  return { expression: style === 'module' ? `${module}.${name}` : name, edits: [edit] };
}

/** The line after the last module-level import, else after the module docstring, else the first line. */
function importInsertionLine(node: SyntaxNode): number {
  let root = node;
  while (root.parent) root = root.parent;
  let line = 0;
  const statements = root.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  statements.forEach((statement, i) => {
    const isImport = statement.type === 'import_statement' || statement.type === 'import_from_statement' || statement.type === 'future_import_statement';
    const isDocstring = i === 0 && statement.type === 'expression_statement' && statement.namedChildren[0]?.type === 'string';
    if (isImport || isDocstring) line = statement.endPosition.row + 1;
  });
  return line;
}
