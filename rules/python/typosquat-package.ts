// Detects Python imports whose module name is a near miss of a popular PyPI distribution (a typosquat or a hallucinated name).
import { defineDetector, type SyntaxNode, type Visitors } from '../api';
import { hasKnownDistribution, importNameOf, isPythonStdlib, normalizeDistribution } from '../packages/package-names';
import { isKnownPackage, popularLookalikeOf } from '../packages/typosquats';
import { pythonImportsOf } from './lib/module-imports';

export default defineDetector({
  id: 'typosquat-package',
  family: 'python',
  triggers: /\bimport\b/,
  create(context): Visitors {
    const project = context.file.project;
    // Python imports name local modules as plainly as packages (`import schemas`): without the project's folders to
    // tell them apart, a near miss of `schema` is as likely a sibling file as a typo, so stay quiet.
    if (!project || project.ecosystem !== 'pypi') return {};
    const visit = (node: SyntaxNode): void => {
      for (const { node: name, top } of pythonImportsOf(node)) {
        if (isPythonStdlib(top) || project.isLocal(top) || hasKnownDistribution(top)) continue;
        const distribution = normalizeDistribution(top);
        if (project.declares(distribution) && isKnownPackage(distribution, 'pypi')) continue;
        const popular = popularLookalikeOf(distribution, 'pypi');
        if (!popular) continue;
        const module = importNameOf(popular);
        const start = context.rangeOf(name).start;
        const importEdit = { range: { start, end: { line: start.line, character: start.character + top.length } }, newText: module };
        // `import reqeusts` binds the misspelt name: the fix renames its uses too, or the corrected import breaks them.
        const uses = bindsTopName(name) ? usesOf(name, top).map((use) => ({ range: context.rangeOf(use), newText: module })) : [];
        context.report({
          node: name,
          message: `\`${top}\` is a near miss of the popular package \`${popular}\`, a spelling attackers register to run code on install; use \`${popular}\` if that is what you meant.`,
          fix: { title: `Did you mean \`${module}\`?`, edits: [importEdit, ...uses], preservesBehaviour: false },
        });
      }
    };
    return { import_statement: visit, import_from_statement: visit };
  },
});

/** Whether the import binds the module's top name in the file: `import a.b` does, `import a as x` and `from a import b` do not. */
function bindsTopName(name: SyntaxNode): boolean {
  return name.parent?.type === 'import_statement';
}

/** The file's references to `top` as a name: identifiers read as values, not attribute names, keyword names or the import itself. */
function usesOf(imported: SyntaxNode, top: string): SyntaxNode[] {
  let root: SyntaxNode = imported;
  while (root.parent) root = root.parent;
  return root.descendantsOfType('identifier').filter((node): node is SyntaxNode => {
    if (!node || node.text !== top) return false;
    const parent = node.parent;
    if (!parent || parent.type === 'dotted_name' || parent.type === 'aliased_import') return false;
    if (parent.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id) return false;
    if (parent.type === 'keyword_argument' && parent.childForFieldName('name')?.id === node.id) return false;
    return true;
  });
}
