// Detects Python imports of third-party modules that no manifest of the file's project declares.
import { defineDetector, type SyntaxNode, type Visitors } from '../api';
import { distributionsOf, isPythonImportDeclared, isPythonStdlib } from '../packages/package-names';
import { isGuardedImport, pythonImportsOf } from './lib/module-imports';

export default defineDetector({
  id: 'undeclared-dependency',
  family: 'python',
  triggers: /\bimport\b/,
  create(context): Visitors {
    const project = context.file.project;
    if (!project || project.ecosystem !== 'pypi' || !project.complete || context.file.isTest) return {};
    const visit = (node: SyntaxNode): void => {
      for (const { node: name, dotted, top } of pythonImportsOf(node)) {
        if (top === '__future__' || isPythonStdlib(top) || project.isLocal(top)) continue;
        if (isPythonImportDeclared(dotted, project.declared)) continue;
        if (isGuardedImport(node) || context.isTestCode(node)) continue;
        const distribution = distributionsOf(top)[0];
        const provider = distribution === top.toLowerCase() ? '' : ` (distribution \`${distribution}\`)`;
        context.report({
          node: name,
          message: `\`${top}\`${provider} is imported but no requirements, pyproject.toml, Pipfile or setup.cfg of this project declares it, so nobody has vetted or pinned it; declare it with a version, or remove the import.`,
        });
      }
    };
    return { import_statement: visit, import_from_statement: visit };
  },
});
