// Owns the dependency findings that sit on manifest lines: declarations of packages the registry does not know, and of versions with advisories.
import type { PackageIntel, RuleMeta } from '../../../rules/api';
import { describeAdvisories, severityOfAdvisories } from '../../../rules/packages/advisories';
import type { RuleSetting } from '../config';
import type { Finding } from '../findings';
import type { DeclaredDependency } from './manifests';
import type { ManifestFile, ProjectDependencies } from './project-index';

/** Specs that do not name a registry package (`file:`, `link:`, `workspace:`, git and URLs, npm aliases). */
const nonRegistrySpec = /^(file:|link:|workspace:|portal:|patch:|npm:|git|github:|gitlab:|bitbucket:|https?:|@\s*\S|[\w.-]+\/[\w.-]+(#.*)?$)/;

/**
 * Findings of `unknown-package` and `vulnerable-dependency` on the declarations of each manifest of the project (keyed
 * by manifest path), by what `intel` knows now: asking it also queues the questions it cannot answer yet.
 */
export function manifestFindings(
  project: ProjectDependencies, intel: PackageIntel, metas: readonly RuleMeta[], rules: Readonly<Record<string, RuleSetting>>,
): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  const unknownMeta = metas.find((m) => m.id === 'unknown-package');
  const vulnerableMeta = metas.find((m) => m.id === 'vulnerable-dependency');
  const registry = project.facts.ecosystem === 'npm' ? 'the npm registry' : 'PyPI';
  for (const manifest of project.manifests) {
    const findings: Finding[] = [];
    for (const dependency of manifest.parsed.dependencies) {
      if (dependency.spec && nonRegistrySpec.test(dependency.spec.trim())) continue;
      if (project.facts.isLocal(dependency.name)) continue;
      const ecosystem = project.facts.ecosystem;
      if (unknownMeta && rules[unknownMeta.id] !== 'off' && !project.facts.privatePackage?.(dependency.name) && intel.isMissing(ecosystem, dependency.name)) {
        findings.push(findingOf(unknownMeta, rules, manifest, dependency,
          `\`${dependency.name}\` does not exist on ${registry}, so the name was likely made up and anyone can register it to run code on install; remove the declaration or use the package you meant.`));
      }
      const version = project.versions.get(dependency.name);
      if (vulnerableMeta && rules[vulnerableMeta.id] !== 'off' && version) {
        const advisories = intel.advisoriesOf(ecosystem, dependency.name, version);
        if (advisories.length) findings.push(findingOf(vulnerableMeta, rules, manifest, dependency, describeAdvisories(dependency.name, version, advisories), severityOfAdvisories(advisories)));
      }
    }
    byFile.set(manifest.file, findings);
  }
  return byFile;
}

function findingOf(
  meta: RuleMeta, rules: Readonly<Record<string, RuleSetting>>, manifest: ManifestFile, dependency: DeclaredDependency, message: string,
  severity?: Finding['severity'],
): Finding {
  const setting = rules[meta.id];
  return {
    ruleId: meta.id,
    title: meta.title,
    severity: setting && setting !== 'off' ? setting : severity ?? meta.severity,
    confidence: meta.confidence,
    cwe: meta.cwe,
    owasp: meta.owasp,
    message,
    range: { start: { line: dependency.line, character: dependency.start }, end: { line: dependency.line, character: dependency.end } },
  };
}
