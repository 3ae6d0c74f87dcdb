// Owns the CLI's three output formats: text for people, JSON for scripts, SARIF 2.1.0 for code scanning.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, RuleMeta } from '../engine';

export interface FileReport {
  readonly path: string;
  readonly findings: readonly Finding[];
  /** The file's text, for fingerprints. */
  readonly text: string;
  /** Fingerprints computed before findings were filtered out (baseline, --diff), so the kept ones keep theirs. */
  readonly fingerprints?: readonly string[];
}

export interface ScanReport {
  readonly files: readonly FileReport[];
  readonly skipped: readonly { path: string; reason: string }[];
  readonly filesScanned: number;
  readonly lines: number;
  readonly toolVersion: string;
  readonly rules: readonly RuleMeta[];
  /** Findings left out because the --baseline accepted them. */
  readonly baselined?: number;
}

const active = (f: Finding): boolean => !f.suppression;

export function formatText(report: ScanReport, color: boolean): string {
  const paint = (code: number, s: string): string => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const severityColor = { error: 31, warning: 33, info: 36 } as const;
  const out: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings.filter(active)) {
      const where = `${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      out.push(`${paint(1, where)}  ${paint(severityColor[f.severity], f.severity)}  ${f.ruleId}  ${f.message} [${f.cwe.join(', ')}]`);
    }
  }
  for (const s of report.skipped) out.push(`${s.path}: ${s.reason}`);
  out.push(...ruleSummary(report));
  out.push(summaryLine(report));
  return out.join('\n') + '\n';
}

/** Counts per rule and severity, most severe first, then most frequent: where a team should start. */
export function ruleSummary(report: ScanReport): string[] {
  const counts = new Map<string, { ruleId: string; severity: Finding['severity']; count: number }>();
  for (const f of report.files.flatMap((file) => file.findings).filter(active)) {
    const key = `${f.ruleId}\0${f.severity}`;
    const entry = counts.get(key) ?? { ruleId: f.ruleId, severity: f.severity, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  if (!counts.size) return [];
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const rows = [...counts.values()].sort((a, b) => rank[a.severity] - rank[b.severity] || b.count - a.count || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const width = Math.max(...rows.map((r) => r.ruleId.length));
  return ['', ...rows.map((r) => `  ${r.ruleId.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.count}`)];
}

export function summaryLine(report: ScanReport): string {
  const all = report.files.flatMap((f) => f.findings);
  const shown = all.filter(active);
  const count = (sev: string): number => shown.filter((f) => f.severity === sev).length;
  const suppressed = all.length - shown.length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(shown.length, 'finding')} (${count('error')} error, ${count('warning')} warning, ${count('info')} info) in ${plural(report.filesScanned, 'file')}, ${report.lines.toLocaleString('en-US')} lines` +
    (suppressed ? `; ${suppressed} suppressed` : '') + (report.baselined ? `; ${report.baselined} in baseline` : '') + (report.skipped.length ? `; ${report.skipped.length} skipped` : '');
}

/** `findings` holds only what is not suppressed, so scripts can count it; suppressed ones are listed apart, with their reasons. */
export function formatJson(report: ScanReport): string {
  const all = report.files.flatMap((file) => file.findings.map((f) => ({
    path: file.path,
    ruleId: f.ruleId,
    severity: f.severity,
    confidence: f.confidence,
    cwe: f.cwe,
    owasp: f.owasp,
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    range: f.range,
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.suppression ? { suppression: { reason: f.suppression.reason } } : {}),
  })));
  const findings = all.filter((f) => !f.suppression);
  const suppressed = all.filter((f) => f.suppression);
  return JSON.stringify({
    tool: 'skeptic',
    version: report.toolVersion,
    findings,
    suppressed,
    skipped: report.skipped,
    summary: { files: report.filesScanned, lines: report.lines, findings: findings.length, suppressed: suppressed.length, skipped: report.skipped.length, ...(report.baselined !== undefined ? { baselined: report.baselined } : {}) },
  }, null, 2) + '\n';
}

const sarifLevel = { error: 'error', warning: 'warning', info: 'note' } as const;
const securitySeverity = { error: '8.0', warning: '5.5', info: '3.0' } as const;

export function formatSarif(report: ScanReport, docsText: (id: string) => string | undefined): string {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const cwes = [...new Set(report.rules.flatMap((r) => r.cwe))].sort((a, b) => cweNumber(a) - cweNumber(b));
  const rules = report.rules.map((r) => {
    // GitHub code scanning requires help text for every rule; the rule's message stands in where its doc is missing.
    const help = docsText(r.id) ?? `${r.title}\n\n${r.message}`;
    return {
      id: r.id,
      name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: { text: r.title },
      fullDescription: { text: r.message },
      help: { text: help, markdown: help },
      defaultConfiguration: { level: sarifLevel[r.severity] },
      properties: {
        tags: ['security', ...r.cwe.map((c) => `external/cwe/cwe-${cweNumber(c)}`), `owasp-${r.owasp.slice(0, 3).toLowerCase()}`],
        precision: r.confidence === 'high' ? 'high' : r.confidence === 'medium' ? 'medium' : 'low',
        'security-severity': securitySeverity[r.severity],
      },
      relationships: r.cwe.map((c) => ({
        target: { id: String(cweNumber(c)), toolComponent: { name: 'CWE' } },
        kinds: ['superset'],
      })),
    };
  });
  const results = report.files.flatMap((file) => {
    const fingerprints = file.fingerprints ?? fingerprintsOf(file);
    return file.findings.map((f, i) => ({
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: sarifLevel[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(file.path), uriBaseId: '%SRCROOT%' }, region: sarifRegion(f.range) } }],
      partialFingerprints: { 'skepticFingerprint/v1': fingerprints[i] },
      ...(f.fix ? {
        fixes: [{
          description: { text: f.fix.title },
          artifactChanges: [{ artifactLocation: { uri: encodeUri(file.path), uriBaseId: '%SRCROOT%' }, replacements: f.fix.edits.map((e) => ({ deletedRegion: sarifRegion(e.range), insertedContent: { text: e.newText } })) }],
        }],
      } : {}),
      ...(f.suppression ? { suppressions: [{ kind: 'inSource', justification: f.suppression.reason || undefined }] } : {}),
    }));
  });
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Skeptic', semanticVersion: report.toolVersion, version: report.toolVersion, rules, supportedTaxonomies: [{ name: 'CWE', index: 0 }] } },
      taxonomies: [{ name: 'CWE', organization: 'MITRE', shortDescription: { text: 'The MITRE Common Weakness Enumeration' }, taxa: cwes.map((c) => ({ id: String(cweNumber(c)) })) }],
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + path.sep).href } },
      // Skipped files (too large, binary) are the run's notes, not results: nothing was found in them.
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: report.skipped.map((s) => ({
          level: 'note',
          message: { text: s.reason },
          locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(s.path), uriBaseId: '%SRCROOT%' } } }],
        })),
      }],
      results,
    }],
  }, null, 2) + '\n';
}

function sarifRegion(range: Finding['range']): Record<string, number> {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function cweNumber(cwe: string): number {
  return Number(cwe.replace(/^CWE-/i, ''));
}

function encodeUri(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/**
 * Rule, path and the finding's line with whitespace squeezed: stable when lines above move. Findings that share all three
 * (two on one line, or the same line repeated) are told apart by their order, as code scanning would otherwise merge them.
 */
export function fingerprintsOf(file: FileReport): string[] {
  const lines = file.text.split('\n');
  const seen = new Map<string, number>();
  return file.findings.map((f) => {
    const line = (lines[f.range.start.line] ?? '').replace(/\s+/g, ' ').trim();
    const hash = createHash('sha256').update(`${f.ruleId}\0${file.path}\0${line}`).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
