// Detects JS/TS imports of npm packages that no manifest of the file's project declares.
import { defineDetector, type SyntaxNode } from '../api';
import { npmPackageOf, typesPackageOf } from '../packages/package-names';
import { isGuardedImport, moduleImportNodeTypes, moduleImportOf } from './lib/module-imports';

export default defineDetector({
  id: 'undeclared-dependency',
  family: 'javascript',
  triggers: /\bimport\b|\brequire\b|\bfrom\s*['\"`]/,
  create(context) {
    const project = context.file.project;
    // Without a complete npm manifest there is nothing to compare with: a lone script, a package.json that does not parse.
    if (!project || project.ecosystem !== 'npm' || !project.complete || context.file.isTest) return {};
    const visit = (node: SyntaxNode): void => {
      const found = moduleImportOf(node);
      const name = found && npmPackageOf(found.specifier);
      if (!found || !name || project.isLocal(name) || project.isLocal(found.specifier.split('/')[0])) return;
      if (project.declares(name)) return;
      // Type-only imports resolve through @types; `vscode` and similar host modules are declared that way.
      if ((found.typeOnly || name === 'vscode') && project.declares(typesPackageOf(name))) return;
      if (isGuardedImport(node) || context.isTestCode(node)) return;
      context.report({
        node: found.node,
        message: `\`${name}\` is imported but package.json does not declare it, so nobody has vetted or pinned it; check it is the package you mean and add it to dependencies with a version, or remove the import.`,
      });
    };
    return Object.fromEntries(moduleImportNodeTypes.map((t) => [t, visit]));
  },
});
