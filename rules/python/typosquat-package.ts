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
        context.report({
          node: name,
          message: `\`${top}\` is a near miss of the popular package \`${popular}\`, a spelling attackers register to run code on install; use \`${popular}\` if that is what you meant.`,
          fix: {
            title: `Did you mean \`${module}\`?`,
            edits: [{ range: { start, end: { line: start.line, character: start.character + top.length } }, newText: module }],
            preservesBehaviour: false,
          },
        });
      }
    };
    return { import_statement: visit, import_from_statement: visit };
  },
});
