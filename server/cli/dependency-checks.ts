// Owns the CLI's dependency pass: the opt-in networked checks (`--check-registry`, `--check-vulnerabilities`) asked between two scans, findings on manifest lines, and manifests that cannot be read.
import * as path from 'node:path';
import {
  DependencyIndex, languageOfPath, manifestFindings, metas, PackageChecks,
  type AnalysisOptions, type PackageCheckSettings, type ProjectDependencies,
} from '../engine';
import { countLines, type PackageAnswers, type ScanResult, type ScanTask } from './scan-pool';

export interface DependencyPass {
  readonly tasks: ScanTask[];
  readonly results: ScanResult[];
}

/**
 * After a first scan: asks what the rules and the manifests raised (once per question, cache first), scans again the
 * files whose questions got an answer that changes findings, and appends the manifests with findings as files of the
 * report. Manifests that cannot be read are reported on standard error (they turn the dependency rules off for their
 * project, they are not findings).
 */
export async function runDependencyPass(
  tasks: readonly ScanTask[], results: readonly ScanResult[], options: AnalysisOptions, settings: PackageCheckSettings | undefined, checks: PackageChecks | undefined,
  rescan: (tasks: readonly ScanTask[], packages: PackageAnswers) => Promise<ScanResult[]>,
  write: (line: string) => void,
): Promise<DependencyPass> {
  const outTasks = [...tasks];
  const outResults = [...results];
  const projects = projectsOf(tasks);
  for (const project of projects) {
    for (const manifest of project.manifests) {
      for (const problem of manifest.parsed.problems) write(`skeptic: ${display(manifest.file)}:${problem.line + 1}:${problem.character + 1}: ${problem.message} (dependency rules are off for this project)`);
    }
  }
  if (!settings || !checks) return { tasks: outTasks, results: outResults };
  const intel = checks.intel(settings);
  if (!intel) return { tasks: outTasks, results: outResults };
  for (const result of results) if (result?.kind === 'analysed') for (const question of result.questions ?? []) checks.enqueue(settings, question);
  for (const project of projects) manifestFindings(project, intel, metas, options.rules);
  if (await checks.settle()) {
    const again = tasks.map((task, i) => ({ task, i })).filter(({ i }) => { const r = results[i]; return r?.kind === 'analysed' && !!r.questions?.length; });
    const rescanned = await rescan(again.map(({ task }) => task), { settings, answers: checks.exportAnswers() });
    again.forEach(({ i }, k) => { outResults[i] = rescanned[k]; });
  }
  const seen = new Set<string>();
  for (const project of projects) {
    const findings = manifestFindings(project, intel, metas, options.rules);
    for (const manifest of project.manifests) {
      const list = findings.get(manifest.file) ?? [];
      if (seen.has(manifest.file) || !list.length) continue;
      seen.add(manifest.file);
      outTasks.push({ file: manifest.file, display: display(manifest.file) });
      outResults.push({ kind: 'analysed', path: display(manifest.file), lines: countLines(manifest.text), text: manifest.text, findings: list, failures: [] });
    }
  }
  return { tasks: outTasks, results: outResults };
}

/** The distinct projects (by their manifests) of the scanned files. */
function projectsOf(tasks: readonly ScanTask[]): ProjectDependencies[] {
  const index = new DependencyIndex({ fixed: true });
  const projects = new Map<string, ProjectDependencies>();
  for (const { file } of tasks) {
    const language = languageOfPath(file);
    const project = language && index.projectOf(file, language);
    if (project) projects.set(project.manifests.map((m) => m.file).join('\0'), project);
  }
  return [...projects.values()];
}

function display(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/') || file;
}
