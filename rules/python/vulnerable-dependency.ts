// Detects Python imports of distributions whose pinned version has published advisories (OSV).
import { defineDetector, type SyntaxNode, type Visitors } from '../api';
import { describeAdvisories, severityOfAdvisories } from '../packages/advisories';
import { distributionsOf, isPythonStdlib, normalizeDistribution } from '../packages/package-names';
import { pythonImportsOf } from './lib/module-imports';

export default defineDetector({
  id: 'vulnerable-dependency',
  family: 'python',
  create(context): Visitors {
    const { packages, project } = context.file;
    if (!packages || !project || project.ecosystem !== 'pypi') return {};
    const visit = (node: SyntaxNode): void => {
      for (const { node: name, top } of pythonImportsOf(node)) {
        if (top === '__future__' || isPythonStdlib(top) || project.isLocal(top)) continue;
        const base = normalizeDistribution(top);
        const candidates = [...distributionsOf(top), base, `python-${base}`, `py${base}`];
        const distribution = candidates.find((c) => project.declares(c) && project.versionOf?.(c));
        const version = distribution && project.versionOf?.(distribution);
        if (!distribution || !version) continue;
        const advisories = packages.advisoriesOf('pypi', distribution, version);
        if (!advisories.length) continue;
        const severity = severityOfAdvisories(advisories);
        context.report({ node: name, message: describeAdvisories(distribution, version, advisories), ...(severity ? { severity } : {}) });
      }
    };
    return { import_statement: visit, import_from_statement: visit };
  },
});
