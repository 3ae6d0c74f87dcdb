// Owns analysing one file from disk start to finish, releasing its tree: the CLI's and workspace scans' unit of work.
import * as fs from 'node:fs';
import type { LanguageId, PackageIntel, ProjectFacts } from '../../rules/api';
import type { AnalysisResult, Analyzer } from './analyzer';
import { ParsedDocument, ParseTimeoutError } from './document';
import { fileFacts, skipReason } from './files';
import { languageOfPath } from './languages';
import { patternOf } from './propagation';

export type FileOutcome =
  | {
    readonly kind: 'analysed'; readonly path: string; readonly lines: number; readonly result: AnalysisResult; readonly text: string;
    /** With `withPatterns`: each finding's shape key (`patternOf`), computed while the tree is still there. */
    readonly patterns?: readonly string[];
  }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: string };

/**
 * Reads, checks, parses and analyses one file; the tree is freed before returning (the wasm heap never shrinks).
 * `projectOf` supplies the file's dependency manifests (a `DependencyIndex`), for the dependency rules; `packages` the
 * networked checks' answers, when the user turned them on.
 */
export async function scanFile(
  absolutePath: string, displayPath: string, analyzer: Analyzer, projectOf?: (absolutePath: string, language: LanguageId) => ProjectFacts | undefined,
  packages?: PackageIntel, withPatterns = false,
): Promise<FileOutcome | undefined> {
  const language = languageOfPath(absolutePath);
  if (!language) return undefined;
  const content = fs.readFileSync(absolutePath);
  const reason = skipReason(content, analyzer.options.maxFileSize);
  if (reason) return { kind: 'skipped', path: displayPath, reason };
  const text = content.toString('utf8');
  let document: ParsedDocument;
  try {
    document = await ParsedDocument.create(language, text);
  } catch (error) {
    if (error instanceof ParseTimeoutError) return { kind: 'skipped', path: displayPath, reason: `Skeptic skipped this file: ${error.message}.` };
    throw error;
  }
  try {
    const project = projectOf?.(absolutePath, language);
    const result = analyzer.analyze(document, { ...fileFacts(displayPath, language), ...(project ? { project } : {}), ...(packages ? { packages } : {}) });
    const patterns = withPatterns ? result.findings.map((f) => patternOf(document, f)) : undefined;
    return { kind: 'analysed', path: displayPath, lines: document.lineCount, result, text, ...(patterns ? { patterns } : {}) };
  } finally {
    document.dispose();
  }
}
