// Owns how known advisories read in a finding: the ids people search for (GHSA, CVE), what is wrong, the version that fixes it, and how severe.
import type { Advisory, Severity } from '../api';

/** One sentence: the package and version, up to three advisories with their CVE, and the fixed version when known. */
export function describeAdvisories(name: string, version: string, advisories: readonly Advisory[]): string {
  const shown = advisories.slice(0, 3).map((a) => {
    const cve = a.aliases.find((alias) => alias.startsWith('CVE-'));
    const summary = a.summary.replace(/[.\s]+$/, '');
    return `${a.id}${cve ? ` (${cve})` : ''}${summary ? `: ${summary}` : ''}`;
  });
  const more = advisories.length > 3 ? `, and ${advisories.length - 3} more` : '';
  const fixes = advisories.map((a) => a.fixed).filter((f): f is string => !!f);
  const fixed = fixes.length === advisories.length && fixes.length > 0 ? highest(fixes) : undefined;
  const advice = fixed ? `upgrade to ${fixed} or later` : fixes.length ? `upgrade to a fixed version (${[...new Set(fixes)].slice(0, 3).join(', ')} fix some of them)` : 'no fixed version is published, so replace the package or check the advisories for a workaround';
  return `\`${name}\` ${version} has known ${advisories.length === 1 ? 'vulnerability' : 'vulnerabilities'} ${shown.join('; ')}${more}; ${advice}.`;
}

/** Error when an advisory is rated high or critical, else the rule's default. */
export function severityOfAdvisories(advisories: readonly Advisory[]): Severity | undefined {
  return advisories.some((a) => a.severity === 'high' || a.severity === 'critical') ? 'error' : undefined;
}

function highest(versions: readonly string[]): string {
  return [...versions].sort((a, b) => {
    const pa = a.split('.').map((p) => parseInt(p, 10) || 0);
    const pb = b.split('.').map((p) => parseInt(p, 10) || 0);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pb[i] ?? 0) - (pa[i] ?? 0);
    return 0;
  })[0];
}
