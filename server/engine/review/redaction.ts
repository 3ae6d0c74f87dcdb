// Owns redacting secrets from text that leaves the review panel: hardcoded-secret findings' ranges and known credential formats.
import type { Position, Range } from '../../../rules/api';

/** Findings whose range holds a credential. */
export const secretRuleIds: ReadonlySet<string> = new Set(['hardcoded-secret', 'hardcoded-session-secret']);

export const redactionMark = '[REDACTED]';

/** Shapes that are credentials wherever they appear, even where no rule flagged them (a snippet built from parts). */
const credentialFormats: readonly RegExp[] = [
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{50,}/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g,
  /\bxox[abposr]-\d+-[A-Za-z0-9-]{8,}/g,
  /\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}/g,
  /\bwhsec_[A-Za-z0-9]{24,}/g,
  /\bsk-(?:ant-|proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g,
  /\bAIza[0-9A-Za-z_-]{35}/g,
  /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\bhf_[A-Za-z0-9]{30,}\b/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];
/** `scheme://user:password@host`: the password part. */
const urlPassword = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`]+:)([^\s@'"`]+)(@)/gi;

/**
 * `text` with secrets replaced by `[REDACTED]`. `text` starts at `origin` in the document the findings' ranges
 * refer to (a selection's start), so the client can redact a copied snippet with the review's `secrets` ranges.
 * Inside a flagged range only the quoted string contents go, so the code around them stays readable.
 */
export function redactSecrets(text: string, secrets: readonly Range[] | readonly { ruleId: string; range: Range }[], origin: Position = { line: 0, character: 0 }): string {
  const ranges = (secrets as readonly (Range | { ruleId: string; range: Range })[])
    .flatMap((s) => ('ruleId' in s ? (secretRuleIds.has(s.ruleId) ? [s.range] : []) : [s]));
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offsetOf = (p: Position): number | undefined => {
    const line = p.line - origin.line;
    if (line < 0) return 0;
    if (line >= lineStarts.length) return undefined;
    return Math.min(lineStarts[line] + p.character - (line === 0 ? origin.character : 0), text.length);
  };
  const spans: [number, number][] = [];
  for (const range of ranges) {
    const start = Math.max(0, offsetOf(range.start) ?? text.length);
    const end = offsetOf(range.end) ?? text.length;
    if (end <= start) continue;
    const piece = text.slice(start, end);
    let quoted = false;
    for (const m of piece.matchAll(/(['"`])((?:\\.|(?!\1)[^\\])+)\1/g)) {
      quoted = true;
      spans.push([start + m.index! + 1, start + m.index! + 1 + m[2].length]);
    }
    if (!quoted) spans.push([start, end]);
  }
  for (const format of credentialFormats) for (const m of text.matchAll(format)) spans.push([m.index!, m.index! + m[0].length]);
  for (const m of text.matchAll(urlPassword)) { const at = m.index! + m[1].length; spans.push([at, at + m[2].length]); }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    if (start < at) { at = end; continue; }
    out += text.slice(at, start) + redactionMark;
    at = end;
  }
  return out + text.slice(at);
}
