// Owns translating engine findings, skipped files and `.skeptic.yml` problems into LSP diagnostics, and where rule docs live.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigProblem, Finding, Severity } from '../engine';
import { serverName, type DiagnosticData } from '../../shared/protocol';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Bundled: dist/docs beside dist/server.js. Unbundled (out/server/lsp): the sources' rules/docs. */
const docsFolders = [path.join(__dirname, 'docs'), path.join(__dirname, '..', '..', '..', 'rules', 'docs')];
const docsUris = new Map<string, string | undefined>();

/** The `file://` URI of a rule's documentation, or undefined when none ships. */
export function docsUriOf(ruleId: string): string | undefined {
  if (!docsUris.has(ruleId)) {
    const file = docsFolders.map((dir) => path.join(dir, `${ruleId}.md`)).find((f) => fs.existsSync(f));
    docsUris.set(ruleId, file && pathToFileURL(file).toString());
  }
  return docsUris.get(ruleId);
}

export function toDiagnostic(finding: Finding, version: number): Diagnostic {
  const href = docsUriOf(finding.ruleId);
  const data: DiagnosticData = {
    ...(finding.fix ? { fix: finding.fix } : {}),
    cwe: finding.cwe,
    owasp: finding.owasp,
    confidence: finding.confidence,
    version,
  };
  return {
    range: finding.range,
    severity: severities[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: serverName,
    message: finding.cwe.length ? `${finding.message} (${finding.cwe.join(', ')})` : finding.message,
    data,
  };
}

/** One informational diagnostic at the top of a file that was not analysed. */
export function skippedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: serverName,
    message: reason,
  };
}

/** A `.skeptic.yml` problem (1-based line and column) as a diagnostic on that file, spanning the rest of its line. */
export function configProblemDiagnostic(problem: ConfigProblem, text: string | undefined): Diagnostic {
  const line = Math.max(0, problem.line - 1);
  const character = Math.max(0, problem.column - 1);
  const lineText = text?.split(/\r?\n/)[line] ?? '';
  const end = Math.max(character, lineText.trimEnd().length);
  return {
    range: { start: { line, character }, end: { line, character: end } },
    severity: DiagnosticSeverity.Error,
    source: serverName,
    message: problem.message,
  };
}

/** Whether a diagnostic came from Skeptic and names a rule. */
export function isRuleDiagnostic(diagnostic: Diagnostic): diagnostic is Diagnostic & { code: string; data: DiagnosticData } {
  return diagnostic.source === serverName && typeof diagnostic.code === 'string' && typeof diagnostic.data === 'object' && diagnostic.data !== null;
}
