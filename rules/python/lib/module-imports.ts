// Owns finding where a Python file imports a module by absolute name: `import a.b`, `import a as x`, `from a.b import c`.
import type { SyntaxNode } from '../../api';

export interface PythonImport {
  /** The dotted_name node of the module. */
  readonly node: SyntaxNode;
  /** `google.cloud.storage`. */
  readonly dotted: string;
  readonly top: string;
}

export function pythonImportsOf(node: SyntaxNode): PythonImport[] {
  const names: SyntaxNode[] = [];
  if (node.type === 'import_statement') {
    for (const child of node.namedChildren) {
      if (child?.type === 'dotted_name') names.push(child);
      else if (child?.type === 'aliased_import') { const n = child.childForFieldName('name'); if (n) names.push(n); }
    }
  } else if (node.type === 'import_from_statement') {
    const module = node.childForFieldName('module_name');
    if (module?.type === 'dotted_name') names.push(module); // relative_import (`from . import x`) is the project's own
  }
  return names.map((n) => ({ node: n, dotted: n.text.replace(/\s+/g, ''), top: n.text.split('.')[0].trim() }));
}

/** Inside `try:` whose handler catches ImportError / ModuleNotFoundError (or everything): an optional dependency. */
export function isGuardedImport(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type !== 'block' || n.parent?.type !== 'try_statement' || n.parent.childForFieldName('body')?.id !== n.id) continue;
    const handlers = n.parent.namedChildren.filter((c) => c?.type === 'except_clause');
    if (handlers.some((h) => { const caught = h!.namedChildren.find((c) => c?.type !== 'block'); return !caught || /ImportError|ModuleNotFoundError|Exception/.test(caught.text); })) return true;
  }
  return false;
}
