// Detects JS/TS imports of npm packages the registry says do not exist (a hallucinated name anyone could register).
import { defineDetector, type SyntaxNode } from '../api';
import { npmPackageOf } from '../packages/package-names';
import { moduleImportNodeTypes, moduleImportOf } from './lib/module-imports';

export default defineDetector({
  id: 'unknown-package',
  family: 'javascript',
  create(context) {
    const { packages, project } = context.file;
    // Only with the registry check on, and with the project known: without its package.json and tsconfig, a bare
    // specifier may be a baseUrl folder (`import x from 'utils/x'`) that no registry has.
    if (!packages || !project || project.ecosystem !== 'npm') return {};
    const visit = (node: SyntaxNode): void => {
      const found = moduleImportOf(node);
      const name = found && npmPackageOf(found.specifier);
      if (!found || !name || project.isLocal(name) || project.isLocal(found.specifier.split('/')[0])) return;
      // A scope with a registry of its own: the public registry's 404 proves nothing (and the name is not sent).
      if (project.privatePackage?.(name) || !packages.isMissing('npm', name)) return;
      context.report({
        node: found.node,
        message: `\`${name}\` does not exist on the npm registry, so the name was likely made up and anyone can register it to run code on install; remove the import or use the package you meant.`,
      });
    };
    return Object.fromEntries(moduleImportNodeTypes.map((t) => [t, visit]));
  },
});
