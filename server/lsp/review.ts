// Owns `skeptic/review` ("Question this snippet") over LSP, and the code action that asks the client to open it for a diagnostic.
import { CodeActionKind, ErrorCodes, LSPErrorCodes, ResponseError, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { buildReview, overlaps, snippetAround, StaleSyntaxTreeError, type FileFacts, type Finding, type ParsedDocument } from '../engine';
import { questionSnippetCommand, type QuestionSnippetArguments, type ReviewParams, type ReviewResult } from '../../shared/protocol';

/** What the session knows of a document at one version: its tree, facts and unsuppressed findings. */
export interface ReviewBasis {
  readonly version: number;
  readonly findings: readonly Finding[];
  readonly document?: ParsedDocument;
  readonly file?: FileFacts;
}

/**
 * Answers `skeptic/review` from the session's evaluation of the document (no second analysis). `evaluate` resolves
 * undefined when an edit superseded the run; a few retries reach a stable version while the user keeps typing.
 */
export async function reviewDocument(params: ReviewParams, evaluate: () => Promise<ReviewBasis | undefined> | undefined): Promise<ReviewResult> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const run = evaluate();
    if (!run) throw new ResponseError(ErrorCodes.InvalidParams, `Skeptic has no open document ${params.textDocument.uri} to review.`);
    const basis = await run;
    if (!basis) continue;
    if (!basis.document || !basis.file) {
      const { range } = params;
      // Disabled, ignored or skipped (too large, binary): nothing was analysed, so there is nothing to say.
      return { version: basis.version, range, behaviours: [], flows: [], findings: [], packages: [], questions: [], secrets: [] };
    }
    // An empty range is a cursor ("Question this snippet" with nothing selected): review the statement around it.
    const range = isEmpty(params.range) ? snippetAround(basis.document, params.range) : params.range;
    let review: ReturnType<typeof buildReview>;
    try {
      review = buildReview(basis.document, basis.file, range, basis.findings.filter((f) => overlaps(f.range, range)));
    } catch (error) {
      // An edit arrived after the evaluation and is being parsed: its tree is not there yet. Evaluate again.
      if (error instanceof StaleSyntaxTreeError) continue;
      throw error;
    }
    return { version: basis.version, ...review };
  }
  throw new ResponseError(LSPErrorCodes.ContentModified, 'The document kept changing; ask for the review again.');
}

function isEmpty(range: ReviewParams['range']): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character;
}

/** "Question this snippet" on a Skeptic diagnostic: the client's command opens the review of the statement around it. */
export function questionSnippetAction(diagnostic: Diagnostic, uri: string, document: ParsedDocument): CodeAction {
  const args: QuestionSnippetArguments = { uri, range: snippetAround(document, diagnostic.range) };
  return {
    title: 'Question this snippet',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Question this snippet', command: questionSnippetCommand, arguments: [args] },
  };
}
