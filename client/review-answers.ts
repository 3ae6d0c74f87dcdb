// Owns the answers to a review's questions: keyed by the snippet's content (not its place in the file) and kept in the workspace's state.
import { createHash } from 'node:crypto';

export type AnswerState = 'answered' | 'not-applicable' | 'needs-work';
export const answerStates: readonly AnswerState[] = ['answered', 'not-applicable', 'needs-work'];

export interface Answer {
  readonly state?: AnswerState;
  readonly note: string;
  /** ISO time of the last change. */
  readonly updated: string;
}

/** The part of `vscode.Memento` the store needs (workspaceState or globalState). */
export interface AnswerMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
  keys(): readonly string[];
}

/** The memento key prefix; one entry per snippet. */
export const answersKeyPrefix = 'skeptic.review.answers/';

/**
 * The snippet's text as its identity: line endings, trailing white space, surrounding blank lines and the common
 * indentation do not count, so re-indenting it or moving it in the file keeps its answers.
 */
export function normalizeSnippet(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const indents = lines.filter((l) => l !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join('\n');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The key of a snippet's answers: a hash of its normalized text (the text itself is never stored). */
export function snippetKey(text: string): string {
  return sha256(normalizeSnippet(text)).slice(0, 32);
}

/**
 * The key of a question within its snippet. Questions cite 1-based file lines ("Line 12 builds…", "(line 17, …)"); those are made
 * relative to the snippet's first line (0-based `snippetStartLine`), so an edit above the snippet keeps the answer.
 */
export function questionKey(text: string, snippetStartLine: number): string {
  const relative = text.replace(/\b([Ll]ines?) (\d+)\b/g, (_, word: string, n: string) => `${word} +${Number(n) - 1 - snippetStartLine}`);
  return sha256(relative).slice(0, 16);
}

/** Answers per snippet in a memento. */
export class ReviewAnswers {
  private readonly listeners = new Set<(snippet: string) => void>();

  constructor(private readonly memento: AnswerMemento) {}

  /** The answers of one snippet, by question key. */
  answersOf(snippet: string): Readonly<Record<string, Answer>> {
    return this.memento.get<Record<string, Answer>>(answersKeyPrefix + snippet) ?? {};
  }

  /** Records (or, with no state and an empty note, forgets) the answer to one question, and tells the listeners. */
  async answer(snippet: string, question: string, state: AnswerState | undefined, note: string): Promise<void> {
    if (state !== undefined && !answerStates.includes(state)) throw new Error(`unknown answer state "${String(state)}"`);
    const answers = { ...this.answersOf(snippet) };
    if (state === undefined && note.trim() === '') delete answers[question];
    else answers[question] = { ...(state ? { state } : {}), note, updated: new Date().toISOString() };
    await this.memento.update(answersKeyPrefix + snippet, Object.keys(answers).length > 0 ? answers : undefined);
    for (const listener of this.listeners) listener(snippet);
  }

  /** Calls `listener` with the snippet key whenever an answer changes. */
  onDidChange(listener: (snippet: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
