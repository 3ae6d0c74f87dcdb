// Owns Skeptic's code actions: a rule's fix, "Ignore on this line" with a reason to type, "Show documentation", and fix-all.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { StaleSyntaxTreeError, type Finding, type LanguageId, type ParsedDocument, type SyntaxNode } from '../engine';
import { fixAllKind, selectRangeCommand, showDocumentationCommand, type DiagnosticData, type SelectRangeArguments, type ShowDocumentationArguments } from '../../shared/protocol';

export interface CodeActionContext {
  readonly uri: string;
  readonly version: number;
  readonly language: LanguageId;
  readonly document: ParsedDocument;
  /** The client applies LSP 3.18 snippet edits (the reason placeholder becomes a tab stop). */
  readonly snippetEdits: boolean;
  /** The client implements `skeptic.selectRange`. */
  readonly selectRange: boolean;
  /** The client takes versioned `documentChanges` (else plain `changes`). */
  readonly documentChanges: boolean;
}

/** The quick fixes for one Skeptic diagnostic. */
export function quickFixesFor(diagnostic: Diagnostic & { code: string; data: DiagnosticData }, context: CodeActionContext): CodeAction[] {
  const ruleId = diagnostic.code;
  const actions: CodeAction[] = [];
  const { fix, version } = diagnostic.data;
  // A fix computed on another version has stale ranges; it comes back when diagnostics catch up.
  if (fix && version === context.version) {
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: fix.preservesBehaviour,
      edit: versionedEdit(context.uri, context.version, [...fix.edits], context.documentChanges),
    });
  }
  actions.push(ignoreAction(diagnostic, ruleId, context));
  actions.push({
    title: `Show documentation for ${ruleId}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: `Show documentation for ${ruleId}`, command: showDocumentationCommand, arguments: [{ ruleId } satisfies ShowDocumentationArguments] },
  });
  return actions;
}

/** "Ignore <rule> on this line": a suppression comment on its own line above the finding, the reason left for the user. */
function ignoreAction(diagnostic: Diagnostic, ruleId: string, context: CodeActionContext): CodeAction {
  const { document } = context;
  const line = diagnostic.range.start.line;
  const lineText = document.lineText(line);
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
  const [open, close] = context.language === 'python' ? ['# ', ''] : isJsxChildLine(document, line) ? ['{/* ', ' */}'] : ['// ', ''];
  const before = `${open}skeptic-ignore ${ruleId} -- `;
  const placeholder = 'reason';
  const at: Range = { start: { line, character: 0 }, end: { line, character: 0 } };
  const title = `Ignore ${ruleId} on this line`;
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
  if (context.snippetEdits) {
    const snippet = `${escapeSnippet(indent + before)}\${1:${placeholder}}${escapeSnippet(close + eol)}`;
    const edit: TextDocumentEdit = {
      textDocument: { uri: context.uri, version: context.version },
      edits: [{ range: at, snippet: { kind: 'snippet', value: snippet } }],
    };
    action.edit = { documentChanges: [edit] };
    return action;
  }
  action.edit = versionedEdit(context.uri, context.version, [{ range: at, newText: `${indent}${before}${placeholder}${close}${eol}` }], context.documentChanges);
  if (context.selectRange) {
    const start = indent.length + before.length;
    const args: SelectRangeArguments = { uri: context.uri, range: { start: { line, character: start }, end: { line, character: start + placeholder.length } } };
    action.command = { title: 'Select the reason', command: selectRangeCommand, arguments: [args] };
  }
  return action;
}

/** Every behaviour-preserving fix of the document, skipping any that overlaps one already taken. */
export function fixAllAction(findings: readonly Finding[], uri: string, version: number, documentChanges: boolean): CodeAction | undefined {
  const edits: TextEdit[] = [];
  const taken: Range[] = [];
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix?.preservesBehaviour || finding.suppression) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(t, e.range)))) continue;
    for (const e of fix.edits) {
      edits.push({ range: e.range, newText: e.newText });
      taken.push(e.range);
    }
  }
  if (edits.length === 0) return undefined;
  return { title: 'Fix all Skeptic problems that keep behaviour', kind: fixAllKind, edit: versionedEdit(uri, version, edits, documentChanges) };
}

/**
 * Whether a line sits among JSX children, where only `{/* … *\/}` is a comment. Decided by the tree: the outermost
 * node starting at the line's first character is a child of a JSX element (not its opening or closing tag).
 */
export function isJsxChildLine(document: ParsedDocument, line: number): boolean {
  if (document.language === 'python' || document.language === 'typescript') return false;
  const lineText = document.lineText(line);
  const column = lineText.search(/\S/);
  if (column < 0) return false;
  const offset = document.offsetAt({ line, character: column });
  let node: SyntaxNode | null;
  try {
    node = document.syntax.rootNode.descendantForIndex(offset);
  } catch (error) {
    // The document is being re-parsed after an edit: this version's actions are stale anyway (their edits carry the
    // version, which the editor refuses once it moved on).
    if (error instanceof StaleSyntaxTreeError) return false;
    throw error;
  }
  while (node?.parent && node.parent.startIndex === node.startIndex) node = node.parent;
  const parent = node?.parent;
  return !!node && parent?.type === 'jsx_element' && node.type !== 'jsx_opening_element' && node.type !== 'jsx_closing_element';
}

function versionedEdit(uri: string, version: number, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  return documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

function overlaps(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character <= q.character);
}

/** Snippet syntax treats `$`, `}` and `\` specially; everything but the placeholder is literal. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}
