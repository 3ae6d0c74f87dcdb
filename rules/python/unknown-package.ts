// Detects Python imports whose distribution PyPI says does not exist (a hallucinated name anyone could register).
import { defineDetector, type SyntaxNode, type Visitors } from '../api';
import { distributionsOf, isPythonStdlib, normalizeDistribution } from '../packages/package-names';
import { pythonImportsOf } from './lib/module-imports';

export default defineDetector({
  id: 'unknown-package',
  family: 'python',
  create(context): Visitors {
    const { packages, project } = context.file;
    // Python imports name local modules as plainly as packages: without the project's folders known, stay quiet.
    // A project that also installs from another index: PyPI's 404 proves nothing (and no name is sent).
    if (!packages || !project || project.ecosystem !== 'pypi' || project.privatePackage?.('')) return {};
    const visit = (node: SyntaxNode): void => {
      for (const { node: name, dotted, top } of pythonImportsOf(node)) {
        if (top === '__future__' || isPythonStdlib(top) || project.isLocal(top)) continue;
        // The declared distribution that provides the module, else the one the module's name says.
        const candidates = [...distributionsOf(top), normalizeDistribution(dotted)];
        const distribution = candidates.find((c) => project.declares(c)) ?? distributionsOf(top)[0];
        if (!packages.isMissing('pypi', distribution)) continue;
        context.report({
          node: name,
          message: `No distribution \`${distribution}\` exists on PyPI for \`import ${top}\`, so the name was likely made up and anyone can register it to run code on install; remove the import or use the package you meant.`,
        });
      }
    };
    return { import_statement: visit, import_from_statement: visit };
  },
});
