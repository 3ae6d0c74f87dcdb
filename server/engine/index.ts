// The engine's public face: what the LSP server, the CLI and tests may use. Nothing here knows LSP or VS Code.
import { detectors, metas } from '../../rules/registry';
import { Analyzer } from './analyzer';
import type { AnalysisOptions } from './config';

export * from './analyzer';
export * from './config';
export * from './dependencies';
export * from './document';
export * from './files';
export * from './findings';
export * from './heap-guard';
export * from './languages';
export * from './propagation';
export * from './suppressions';
export { StaleSyntaxTreeError } from './syntax-tree';
export { detectors, metas };
export type * from '../../rules/api';

export const knownRuleIds: ReadonlySet<string> = new Set(metas.map((m) => m.id));

export function metaOf(id: string) {
  return metas.find((m) => m.id === id);
}

/** An analyzer over the whole catalog with the given options. */
export function createAnalyzer(options: AnalysisOptions): Analyzer {
  return new Analyzer(metas, detectors, options);
}
export * from './scan-file';
export * from './walk';
export * from './review';
export * from './provenance';
