// Detects JS/TS imports of npm packages whose name is a near miss of a popular package (a typosquat or a hallucinated name).
import { defineDetector, type SyntaxNode } from '../api';
import { npmPackageOf } from '../packages/package-names';
import { popularLookalikeOf } from '../packages/typosquats';
import { moduleImportNodeTypes, moduleImportOf } from './lib/module-imports';

export default defineDetector({
  id: 'typosquat-package',
  family: 'javascript',
  triggers: /\bimport\b|\brequire\b|\bfrom\s*['\"`]/,
  anchored: true,
  create(context) {
    const project = context.file.project;
    const visit = (node: SyntaxNode): void => {
      const found = moduleImportOf(node);
      const name = found && npmPackageOf(found.specifier);
      if (!found || !name || project?.isLocal(name)) return;
      const popular = popularLookalikeOf(name, 'npm');
      if (!popular) return;
      const start = context.rangeOf(found.node).start;
      const range = { start: { line: start.line, character: start.character + 1 }, end: { line: start.line, character: start.character + 1 + name.length } };
      context.report({
        node: found.node,
        message: `\`${name}\` is a near miss of the popular package \`${popular}\`, a spelling attackers register to run code on install; import \`${popular}\` if that is what you meant.`,
        fix: { title: `Did you mean \`${popular}\`?`, edits: [{ range, newText: popular }], preservesBehaviour: false },
      });
    };
    return Object.fromEntries(moduleImportNodeTypes.map((t) => [t, visit]));
  },
});
