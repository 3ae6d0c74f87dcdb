// Owns "Question this snippet" in VS Code: the command, the review webview panel (one per snippet), its answers, copying and the optional language model.
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import {
  questionSnippetCommand, ReviewRequest, type QuestionSnippetArguments, type ReviewResult,
} from '../shared/protocol';
import { questionKey, ReviewAnswers, snippetKey, type Answer, type AnswerState } from './review-answers';
import { languageModelSetting, languageModelStatus, streamCritique } from './review-lm';
import { buildLanguageModelPrompt, describeLines, formatReviewComment, progressOf, redactedSnippet, type ReviewedSnippet } from './review-text';
import { isSupportedLanguage, type ServerClient } from './server-client';

/** What the command resolves with, and what the extension's API reports of an open review. */
export interface ReviewSummary {
  readonly snippetKey: string;
  readonly file: string;
  readonly lines: string;
  readonly review: ReviewResult;
  /** The key and answer of each question, in the review's order. */
  readonly questions: readonly { readonly text: string; readonly key: string; readonly answer?: Answer }[];
}

/** Part of the extension's exported API: reviews and their answers, for other extensions and the tests. */
export interface ReviewApi {
  /** The reviews open in panels. */
  openReviews(): ReviewSummary[];
  /** The stored answers of a snippet (by the key in a summary). */
  answersOf(snippetKey: string): Readonly<Record<string, Answer>>;
  /** Records an answer, as the panel does; open panels of that snippet show it. */
  answer(snippetKey: string, questionKey: string, state: AnswerState | undefined, note: string): Promise<void>;
}

/** Messages the panel's script posts (media/review.js). */
type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; index: number; of: 'behaviour' | 'finding' | 'question' | 'flow-source' | 'flow-sink' | 'package' }
  | { type: 'answer'; index: number; state?: AnswerState; note: string }
  | { type: 'copy' }
  | { type: 'refresh' }
  | { type: 'lm-prepare' }
  | { type: 'lm-send' }
  | { type: 'lm-cancel' };

const viewType = 'skeptic.review';

/**
 * `insertedBlockAt`: the range of the tracked AI-suggested (or pasted) block at a position, if any — with no selection,
 * "Question this snippet" reviews that block before falling back to the statement around the cursor.
 */
export function registerReviewPanel(
  server: ServerClient, context: vscode.ExtensionContext, insertedBlockAt: (uri: vscode.Uri, position: vscode.Position) => vscode.Range | undefined = () => undefined,
): ReviewApi {
  const answers = new ReviewAnswers(context.workspaceState);
  const panels = new Map<string, ReviewPanel>();
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');

  const open = async (args?: QuestionSnippetArguments): Promise<ReviewSummary | undefined> => {
    const target = await targetOf(args, insertedBlockAt);
    if (!target) return undefined;
    const snippet = await requestReview(server, target.document, target.range);
    if (!snippet) return undefined;
    const id = `${target.document.uri.toString()}#${snippetKey(snippet.text)}`;
    let panel = panels.get(id);
    if (panel) {
      panel.update(snippet, target.column);
    } else {
      panel = new ReviewPanel(snippet, target.document.uri, target.column, media, answers, server);
      panels.set(id, panel);
      panel.onDidDispose(() => panels.delete(id));
    }
    server.output.info(`Question this snippet: ${snippet.file} ${describeLines(snippet)}, ${snippet.review.questions.length} question(s), ${snippet.review.findings.length} finding(s).`);
    return panel.summary();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(questionSnippetCommand, (args?: QuestionSnippetArguments) => open(isArguments(args) ? args : undefined)),
    answers.onDidChange((key) => { for (const panel of panels.values()) if (panel.key === key) panel.postAnswers(); }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(languageModelSetting)) for (const panel of panels.values()) panel.postReview();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => { for (const panel of panels.values()) panel.postReview(); }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      for (const panel of panels.values()) if (panel.uri.toString() === e.document.uri.toString() && e.contentChanges.length > 0) panel.markStale();
    }),
    { dispose: () => { for (const panel of [...panels.values()]) panel.dispose(); } },
  );

  return {
    openReviews: () => [...panels.values()].map((p) => p.summary()),
    answersOf: (key) => answers.answersOf(key),
    answer: (key, question, state, note) => answers.answer(key, question, state, note),
  };
}

/** A code action's arguments, or (from the palette, a menu or a keybinding) whatever VS Code passes: ignored. */
function isArguments(value: unknown): value is QuestionSnippetArguments {
  const v = value as QuestionSnippetArguments | undefined;
  return typeof v?.uri === 'string' && typeof v.range?.start?.line === 'number' && typeof v.range?.end?.line === 'number';
}

interface Target {
  readonly document: vscode.TextDocument;
  readonly range: vscode.Range;
  /** The editor column the snippet is shown in: revealing a line goes there, the panel beside it. */
  readonly column: vscode.ViewColumn;
}

/**
 * The code action's range; else the active editor's selection; else the inserted block at the cursor; else the cursor
 * (the server reviews the statement around it).
 */
async function targetOf(
  args: QuestionSnippetArguments | undefined, insertedBlockAt: (uri: vscode.Uri, position: vscode.Position) => vscode.Range | undefined,
): Promise<Target | undefined> {
  if (args) {
    const uri = vscode.Uri.parse(args.uri);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const document = editor?.document ?? await vscode.workspace.openTextDocument(uri);
    const { start, end } = args.range;
    return { document, range: new vscode.Range(start.line, start.character, end.line, end.character), column: editor?.viewColumn ?? vscode.ViewColumn.One };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isSupportedLanguage(editor.document.languageId)) {
    void vscode.window.showInformationMessage('Skeptic: open a JavaScript, TypeScript or Python file and select the code to question.');
    return undefined;
  }
  const selection = editor.selection;
  const range = !selection.isEmpty ? selection
    : insertedBlockAt(editor.document.uri, selection.active) ?? new vscode.Range(selection.active, selection.active);
  return { document: editor.document, range, column: editor.viewColumn ?? vscode.ViewColumn.One };
}

async function requestReview(server: ServerClient, document: vscode.TextDocument, range: vscode.Range): Promise<ReviewedSnippet | undefined> {
  const { client } = server;
  if (!client.isRunning()) {
    void vscode.window.showErrorMessage('Skeptic: the language server is not running, so it cannot review the snippet.', 'Restart Server')
      .then((choice) => { if (choice) void vscode.commands.executeCommand('skeptic.restartServer'); });
    return undefined;
  }
  let review: ReviewResult;
  try {
    review = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Skeptic: reviewing the snippet' }, () =>
      client.sendRequest(ReviewRequest.type, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) }, range: client.code2ProtocolConverter.asRange(range) }));
  } catch (error) {
    // The message names the document and what went wrong, never the snippet's text.
    server.output.error(`Question this snippet failed: ${(error as Error)?.message ?? String(error)}`);
    void vscode.window.showErrorMessage(`Skeptic could not review the snippet: ${(error as Error)?.message ?? String(error)}`);
    return undefined;
  }
  const { start, end } = review.range;
  const text = document.getText(new vscode.Range(start.line, start.character, end.line, end.character));
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const file = folder ? path.posix.relative(folder.uri.path, document.uri.path) : path.posix.basename(document.uri.path);
  return { file, languageId: document.languageId, text, review, answers: [] };
}

/** One snippet's review in a webview panel. */
class ReviewPanel {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private snippet!: ReviewedSnippet;
  private questionKeys: string[] = [];
  private stale = false;
  private critique?: { text: string; state: 'streaming' | 'done' | 'cancelled' | 'failed'; model: string; error?: string };
  private cancel?: vscode.CancellationTokenSource;

  constructor(snippet: ReviewedSnippet, readonly uri: vscode.Uri, private column: vscode.ViewColumn, private readonly media: vscode.Uri,
    private readonly answers: ReviewAnswers, private readonly server: ServerClient) {
    this.panel = vscode.window.createWebviewPanel(viewType, 'Skeptic review', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    this.disposables.push(this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m)));
    this.panel.onDidDispose(() => {
      this.cancel?.cancel();
      for (const d of this.disposables) d.dispose();
    });
    this.setSnippet(snippet);
    this.panel.webview.html = this.html();
  }

  get key(): string {
    return snippetKey(this.snippet.text);
  }

  onDidDispose(listener: () => void): void {
    this.panel.onDidDispose(listener);
  }

  dispose(): void {
    this.panel.dispose();
  }

  update(snippet: ReviewedSnippet, column: vscode.ViewColumn): void {
    this.column = column;
    this.setSnippet(snippet);
    this.postReview();
    this.panel.reveal(undefined, false);
  }

  markStale(): void {
    if (this.stale) return;
    this.stale = true;
    void this.panel.webview.postMessage({ type: 'stale' });
  }

  summary(): ReviewSummary {
    const { review } = this.snippet;
    const stored = this.answers.answersOf(this.key);
    return {
      snippetKey: this.key, file: this.snippet.file, lines: describeLines(this.snippet), review,
      questions: review.questions.map((q, i) => ({ text: q.text, key: this.questionKeys[i], answer: stored[this.questionKeys[i]] })),
    };
  }

  private setSnippet(snippet: ReviewedSnippet): void {
    this.snippet = snippet;
    this.stale = false;
    this.questionKeys = snippet.review.questions.map((q) => questionKey(q.text, snippet.review.range.start.line));
    this.panel.title = `Review: ${path.posix.basename(snippet.file)} ${describeLines(snippet).replace(/^lines? /, '')}`;
  }

  /** The snippet with its current answers: what the text that leaves the panel is built from. */
  private current(): ReviewedSnippet {
    const stored = this.answers.answersOf(this.key);
    return { ...this.snippet, answers: this.questionKeys.map((k) => stored[k]) };
  }

  /** Sends the whole view to the script (on load, after a re-review and when the language model setting changes). */
  postReview(): void {
    const snippet = this.current();
    const { review } = snippet;
    const at = (r: { start: { line: number } }): number => r.start.line + 1;
    const lmEnabled = vscode.workspace.getConfiguration().get<boolean>(languageModelSetting, false);
    void this.panel.webview.postMessage({
      type: 'review',
      file: snippet.file,
      lines: describeLines(snippet),
      firstLine: review.range.start.line + 1,
      // Shown redacted too: the panel may end up in a screenshot or a screen share.
      code: redactedSnippet(snippet).split('\n'),
      behaviours: review.behaviours.map((b) => ({ description: b.description, line: at(b.range), kind: b.kind })),
      flows: review.flows.map((f) => ({ source: f.source.label, sourceLine: at(f.source.range), sink: f.sink.description, sinkLine: at(f.sink.range), hazard: f.hazard, sanitized: f.sanitized })),
      findings: review.findings.map((f) => ({ ruleId: f.ruleId, title: f.title, severity: f.severity, message: f.message, cwe: f.cwe, line: at(f.range), fix: f.fix?.title })),
      packages: review.packages.map((p) => ({ name: p.name, ecosystem: p.ecosystem, status: p.status, lookalikeOf: p.lookalikeOf, line: at(p.range) })),
      questions: review.questions.map((q, i) => ({ text: q.text, topic: q.topic, line: at(q.range), state: snippet.answers[i]?.state, note: snippet.answers[i]?.note ?? '' })),
      progress: progressOf(snippet),
      stale: this.stale,
      languageModel: lmEnabled,
      critique: this.critique,
    });
  }

  postAnswers(): void {
    const snippet = this.current();
    void this.panel.webview.postMessage({
      type: 'answers',
      answers: snippet.answers.map((a) => ({ state: a?.state, note: a?.note ?? '' })),
      progress: progressOf(snippet),
    });
  }

  private async receive(message: FromWebview): Promise<void> {
    try {
      switch (message.type) {
        case 'ready': return this.postReview();
        case 'reveal': return await this.reveal(message);
        case 'answer': {
          const key = this.questionKeys[message.index];
          if (key === undefined) return;
          return await this.answers.answer(this.key, key, message.state, String(message.note ?? ''));
        }
        case 'copy': {
          await vscode.env.clipboard.writeText(formatReviewComment(this.current()));
          void this.panel.webview.postMessage({ type: 'status', text: 'Copied the review comment (secrets redacted) to the clipboard.' });
          return;
        }
        case 'refresh': {
          const { start, end } = this.snippet.review.range;
          const args: QuestionSnippetArguments = { uri: this.uri.toString(), range: { start, end } };
          await vscode.commands.executeCommand(questionSnippetCommand, args);
          return;
        }
        case 'lm-prepare': return await this.prepareCritique();
        case 'lm-send': return await this.sendCritique();
        case 'lm-cancel': this.cancel?.cancel(); return;
      }
    } catch (error) {
      this.server.output.error(`Review panel: ${message.type} failed: ${(error as Error)?.message ?? String(error)}`);
      void this.panel.webview.postMessage({ type: 'status', text: `That did not work: ${(error as Error)?.message ?? String(error)}` });
    }
  }

  private async reveal(message: Extract<FromWebview, { type: 'reveal' }>): Promise<void> {
    const { review } = this.snippet;
    const ranges = {
      behaviour: review.behaviours, finding: review.findings, question: review.questions, package: review.packages,
      'flow-source': review.flows.map((f) => f.source), 'flow-sink': review.flows.map((f) => f.sink),
    } as const;
    const range = ranges[message.of]?.[message.index]?.range;
    if (!range) return;
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const editor = await vscode.window.showTextDocument(this.uri, { viewColumn: this.column, selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async prepareCritique(): Promise<void> {
    const status = await languageModelStatus();
    if (!status.available) {
      void this.panel.webview.postMessage({ type: 'lm-unavailable', reason: status.reason });
      return;
    }
    void this.panel.webview.postMessage({ type: 'lm-preview', model: status.model.name, prompt: buildLanguageModelPrompt(this.current()) });
  }

  /** Sends exactly the previewed prompt (rebuilt from the same data) after the user pressed Send; never on its own. */
  private async sendCritique(): Promise<void> {
    const status = await languageModelStatus();
    if (!status.available) {
      void this.panel.webview.postMessage({ type: 'lm-unavailable', reason: status.reason });
      return;
    }
    this.cancel?.cancel();
    const cancel = new vscode.CancellationTokenSource();
    this.cancel = cancel;
    const critique = { text: '', state: 'streaming' as 'streaming' | 'done' | 'cancelled' | 'failed', model: status.model.name, error: undefined as string | undefined };
    this.critique = critique;
    const post = (): Thenable<boolean> => this.panel.webview.postMessage({ type: 'critique', critique });
    void post();
    try {
      await streamCritique(status.model, buildLanguageModelPrompt(this.current()), cancel.token, (text) => {
        critique.text += text;
        void this.panel.webview.postMessage({ type: 'critique-text', text });
      });
      critique.state = cancel.token.isCancellationRequested ? 'cancelled' : 'done';
    } catch (error) {
      critique.state = cancel.token.isCancellationRequested ? 'cancelled' : 'failed';
      if (critique.state === 'failed') critique.error = error instanceof vscode.LanguageModelError ? `${error.message} (${error.code})` : (error as Error)?.message ?? String(error);
    } finally {
      cancel.dispose();
      if (this.cancel === cancel) this.cancel = undefined;
    }
    void post();
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'review.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'review.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Skeptic review</title>
</head>
<body>
<main id="review" aria-busy="true"><p>Loading the review…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }
}
