// Fix-all's choice of edits: only behaviour-preserving fixes of unsuppressed findings, never two that overlap.
import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Finding } from '../../server/engine';
import { fixAllAction } from '../../server/lsp/code-actions';

const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

function finding(ruleId: string, line: number, from: number, to: number, preservesBehaviour: boolean, suppressed = false): Finding {
  return {
    ruleId, title: ruleId, severity: 'warning', confidence: 'high', cwe: ['CWE-1'], owasp: 'A03:2021-Injection', message: 'm',
    range: at(line, from, to),
    fix: { title: `fix ${ruleId}`, edits: [{ range: at(line, from, to), newText: ruleId }], preservesBehaviour },
    ...(suppressed ? { suppression: { range: at(line - 1, 0, 10), reason: 'r' } } : {}),
  };
}

it('takes preserving fixes of unsuppressed findings and skips one overlapping an earlier fix', () => {
  const action = fixAllAction([
    finding('first', 1, 4, 10, true),
    finding('overlapping', 1, 8, 12, true),
    finding('touching', 1, 10, 14, true),
    finding('changes-behaviour', 2, 0, 3, false),
    finding('suppressed', 3, 0, 3, true, true),
  ], 'file:///a.js', 7, true);
  assert.equal(action?.kind, 'source.fixAll.skeptic');
  const [change] = action!.edit!.documentChanges as { textDocument: { version: number }; edits: { newText: string }[] }[];
  assert.equal(change.textDocument.version, 7);
  assert.deepEqual(change.edits.map((e) => e.newText), ['first', 'touching']);
});

it('offers nothing when no fix keeps behaviour', () => {
  assert.equal(fixAllAction([finding('changes-behaviour', 2, 0, 3, false)], 'file:///a.js', 1, false), undefined);
});
