// Owns "Ask a language model" for a review: whether it may be offered (setting, Workspace Trust, a model) and streaming one critique, cancellably.
import * as vscode from 'vscode';

export const languageModelSetting = 'skeptic.review.languageModel';

export type LanguageModelStatus =
  | { readonly available: true; readonly model: vscode.LanguageModelChat }
  | { readonly available: false; readonly reason: string };

/**
 * Whether "Ask a language model" may be offered. Only on the user's say-so (`skeptic.review.languageModel`, which a
 * workspace cannot set in Restricted Mode), in a trusted workspace, and when VS Code's Language Model API offers a model.
 * Asking for the models sends nothing.
 */
export async function languageModelStatus(): Promise<LanguageModelStatus> {
  if (!vscode.workspace.getConfiguration().get<boolean>(languageModelSetting, false)) {
    return { available: false, reason: `Off: turn on the setting ${languageModelSetting} to ask a language model for a critique.` };
  }
  if (!vscode.workspace.isTrusted) return { available: false, reason: 'Not in Restricted Mode: trust this workspace to ask a language model.' };
  // Absent in editors that lack the Language Model API (VS Code before 1.90, some forks).
  const lm = (vscode as Partial<typeof vscode>).lm;
  if (!lm) return { available: false, reason: 'This editor has no Language Model API.' };
  try {
    const [model] = await lm.selectChatModels();
    if (model) return { available: true, model };
  } catch {
    // No provider answered: the same as no model.
  }
  return { available: false, reason: 'No language model is available in this editor (install or sign in to one, e.g. GitHub Copilot).' };
}

/**
 * Sends `prompt` (already redacted, and shown to the user) as one user message and passes each piece of the answer to
 * `onText`. Resolves when the answer is complete or `token` cancelled it; rejects with the model's error.
 */
export async function streamCritique(model: vscode.LanguageModelChat, prompt: string, token: vscode.CancellationToken,
  onText: (text: string) => void): Promise<void> {
  const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(prompt)], {
    justification: 'Skeptic sends the snippet you chose to review (secrets redacted) with its findings and questions, for a security critique.',
  }, token);
  // Stop means stop now, even when the model is slow to notice the cancellation or sends nothing more.
  const cancelled = new Promise<undefined>((resolve) => {
    if (token.isCancellationRequested) resolve(undefined);
    token.onCancellationRequested(() => resolve(undefined));
  });
  const pieces = response.text[Symbol.asyncIterator]();
  for (;;) {
    const next = await Promise.race([pieces.next(), cancelled]);
    if (!next || token.isCancellationRequested) {
      void pieces.return?.().catch(() => undefined);
      return;
    }
    if (next.done) return;
    onText(next.value);
  }
}
