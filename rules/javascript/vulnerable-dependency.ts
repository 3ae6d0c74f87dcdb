// Detects JS/TS imports of packages whose locked or pinned version has published advisories (OSV).
import { defineDetector, type SyntaxNode } from '../api';
import { describeAdvisories, severityOfAdvisories } from '../packages/advisories';
import { npmPackageOf } from '../packages/package-names';
import { moduleImportNodeTypes, moduleImportOf } from './lib/module-imports';

export default defineDetector({
  id: 'vulnerable-dependency',
  family: 'javascript',
  create(context) {
    const { packages, project } = context.file;
    if (!packages || !project || project.ecosystem !== 'npm') return {};
    const visit = (node: SyntaxNode): void => {
      const found = moduleImportOf(node);
      const name = found && npmPackageOf(found.specifier);
      if (!found || !name || found.typeOnly || project.isLocal(name)) return;
      const version = project.versionOf?.(name);
      if (!version) return;
      const advisories = packages.advisoriesOf('npm', name, version);
      if (!advisories.length) return;
      const severity = severityOfAdvisories(advisories);
      context.report({ node: found.node, message: describeAdvisories(name, version, advisories), ...(severity ? { severity } : {}) });
    };
    return Object.fromEntries(moduleImportNodeTypes.map((t) => [t, visit]));
  },
});
