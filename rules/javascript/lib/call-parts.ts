// Owns the parts of a call every rule reads first — its callee, the callee's last name and its arguments — read once per node and shared by all rules the engine hands that node to.
import type { SyntaxNode } from '../../api';

export interface CallParts {
  /** The function (call) or constructor (new) expression. */
  readonly callee: SyntaxNode | undefined;
  /** `exec` for `cp.exec(…)` and `exec(…)`; undefined for computed callees. */
  readonly name: string | undefined;
}

// The engine dispatches one node object to every interested rule, so a WeakMap keyed by it saves each rule
// reading the same fields again.
const parts = new WeakMap<SyntaxNode, CallParts>();
const args = new WeakMap<SyntaxNode, SyntaxNode[]>();

export function callPartsOf(call: SyntaxNode): CallParts {
  let found = parts.get(call);
  if (!found) {
    const callee = (call.type === 'new_expression' ? call.childForFieldName('constructor') : call.childForFieldName('function')) ?? undefined;
    let name: string | undefined;
    if (callee?.type === 'identifier') name = callee.text;
    else if (callee?.type === 'member_expression') name = callee.childForFieldName('property')?.text;
    found = { callee, name };
    parts.set(call, found);
  }
  return found;
}

/** The call's arguments without comments (none for a tagged template). */
export function callArgumentsOf(call: SyntaxNode): SyntaxNode[] {
  let found = args.get(call);
  if (!found) {
    const list = call.childForFieldName('arguments');
    found = list && list.type !== 'template_string' ? list.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment') : [];
    args.set(call, found);
  }
  return found;
}
