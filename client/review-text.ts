// Owns the text that leaves the review panel — the "Copy as review comment" markdown and the language model prompt — and its redaction.
import type { ReviewQuestion, ReviewResult } from '../shared/protocol';
import { redactSecrets } from '../server/engine/review/redaction';
import type { Answer } from './review-answers';

/** A reviewed snippet as the panel holds it. Pure data: no VS Code types, so the text built from it is unit-tested. */
export interface ReviewedSnippet {
  /** For people: the workspace-relative path (or the file name of an untitled document). */
  readonly file: string;
  readonly languageId: string;
  /** The document's text of `review.range`, unredacted: only this module's functions let it out, redacted. */
  readonly text: string;
  readonly review: ReviewResult;
  /** The answer to each of `review.questions`, in the same order. */
  readonly answers: readonly (Answer | undefined)[];
}

const stateLabels = { answered: 'Answered', 'not-applicable': 'Not applicable', 'needs-work': 'Needs work' } as const;

/** Any text that may carry a credential in a known format (a behaviour's code, a user's note). */
function redactFree(text: string): string {
  return redactSecrets(text, []);
}

/** The snippet with the review's secret ranges and every known credential format replaced by `[REDACTED]`. */
export function redactedSnippet(snippet: ReviewedSnippet): string {
  return redactSecrets(snippet.text, snippet.review.secrets, snippet.review.range.start);
}

/** "lines 9–14" or "line 9" (1-based, as editors show them). */
export function describeLines(snippet: ReviewedSnippet): string {
  const { start, end } = snippet.review.range;
  const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return last > start.line ? `lines ${start.line + 1}–${last + 1}` : `line ${start.line + 1}`;
}

function fenceLanguage(languageId: string): string {
  return ({ javascriptreact: 'jsx', typescriptreact: 'tsx' } as Record<string, string>)[languageId] ?? languageId;
}

/** A code fence longer than any run of backticks inside `text`. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function withLineNumbers(text: string, firstLine: number): string {
  return text.split('\n').map((line, i) => `${firstLine + i + 1}: ${line}`).join('\n');
}

function isDone(answer: Answer | undefined): boolean {
  return answer?.state === 'answered' || answer?.state === 'not-applicable';
}

/** Counts for people: "2 of 5 answered". Not applicable counts as settled. */
export function progressOf(snippet: ReviewedSnippet): string {
  return `${snippet.answers.filter(isDone).length} of ${snippet.review.questions.length} settled`;
}

/** The markdown summary "Copy as review comment" puts on the clipboard: for a pull request, secrets redacted. */
export function formatReviewComment(snippet: ReviewedSnippet): string {
  const { review } = snippet;
  const line = (r: { start: { line: number } }): number => r.start.line + 1;
  const out: string[] = [`**Skeptic review** of \`${snippet.file}\`, ${describeLines(snippet)}`, ''];
  if (review.behaviours.length > 0) {
    out.push('**What it does**', ...review.behaviours.map((b) => `- Line ${line(b.range)}: ${redactFree(b.description)}`), '');
  }
  if (review.flows.length > 0) {
    out.push('**Untrusted data flows**', ...review.flows.map((f) =>
      `- \`${redactFree(f.source.label)}\` (line ${line(f.source.range)}) → ${f.sink.description} (line ${line(f.sink.range)}): ${f.hazard}${f.sanitized ? ', sanitized on the way' : ''}`), '');
  }
  if (review.findings.length > 0) {
    out.push('**Findings**', ...review.findings.map((f) =>
      `- Line ${line(f.range)}: **${f.ruleId}** (${f.severity}${f.cwe.length > 0 ? `, ${f.cwe.join(', ')}` : ''}) ${redactFree(f.message)}`), '');
  }
  if (review.packages.length > 0) {
    out.push('**Packages**', ...review.packages.map((p) =>
      `- \`${p.name}\` (${p.ecosystem}): ${p.status}${p.lookalikeOf ? `, looks like \`${p.lookalikeOf}\`` : ''}`), '');
  }
  if (review.questions.length > 0) {
    out.push(`**Questions** (${progressOf(snippet)})`);
    review.questions.forEach((q: ReviewQuestion, i) => {
      const answer = snippet.answers[i];
      out.push(`- [${isDone(answer) ? 'x' : ' '}] ${redactFree(q.text)}`);
      if (answer?.state || answer?.note.trim()) {
        const note = redactFree(answer.note.trim()).replace(/\n/g, '\n  ');
        out.push(`  _${answer.state ? stateLabels[answer.state] : 'Note'}_${note ? `: ${note}` : ''}`);
      }
    });
    out.push('');
  } else {
    out.push('No security questions: the snippet does nothing that raises one.', '');
  }
  const code = redactedSnippet(snippet);
  const fence = fenceFor(code);
  out.push('<details><summary>Snippet</summary>', '', `${fence}${fenceLanguage(snippet.languageId)}`, code, fence, '', '</details>', '');
  return out.join('\n');
}

/**
 * The one message sent to a language model for "Ask a language model": the snippet with line numbers, the findings,
 * what it does and the questions — secrets redacted. The panel shows this exact text before anything is sent.
 */
export function buildLanguageModelPrompt(snippet: ReviewedSnippet): string {
  const { review } = snippet;
  const line = (r: { start: { line: number } }): number => r.start.line + 1;
  const code = withLineNumbers(redactedSnippet(snippet), review.range.start.line);
  const fence = fenceFor(code);
  const out = [
    'You are a senior application security reviewer. Critique the code snippet below for security.',
    'Answer each numbered question with what the code shows and what should change, then name any other security problem you see.',
    'Cite line numbers. Be concise and concrete; do not repeat the code. Values shown as [REDACTED] were removed on purpose.',
    '',
    `File: ${snippet.file} (${snippet.languageId}), ${describeLines(snippet)}:`,
    `${fence}${fenceLanguage(snippet.languageId)}`, code, fence,
  ];
  if (review.findings.length > 0) {
    out.push('', 'Static analysis findings:', ...review.findings.map((f) => `- line ${line(f.range)}, ${f.ruleId}: ${redactFree(f.message)}`));
  }
  if (review.behaviours.length > 0) {
    out.push('', 'What the code does:', ...review.behaviours.map((b) => `- line ${line(b.range)}: ${redactFree(b.description)}`));
  }
  if (review.flows.length > 0) {
    out.push('', 'Untrusted data flows:', ...review.flows.map((f) =>
      `- ${redactFree(f.source.label)} (line ${line(f.source.range)}) reaches ${f.sink.description} (line ${line(f.sink.range)}): ${f.hazard}${f.sanitized ? ' (sanitized)' : ''}`));
  }
  if (review.packages.length > 0) {
    out.push('', 'Packages it imports:', ...review.packages.map((p) => `- ${p.name} (${p.ecosystem}): ${p.status}${p.lookalikeOf ? `, looks like ${p.lookalikeOf}` : ''}`));
  }
  out.push('', 'Questions:', ...(review.questions.length > 0
    ? review.questions.map((q, i) => `${i + 1}. ${redactFree(q.text)}`)
    : ['1. Static analysis raised no question. Is there anything security-relevant it missed?']));
  return out.join('\n');
}
