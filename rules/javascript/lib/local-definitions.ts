// Owns pointing a finding at where a local value was made: `const iv = Buffer.alloc(16)` rather than the call that later uses `iv`.
import type { SyntaxNode } from '../../api';
import { findBinding, unwrap } from './constant-strings';
import { enclosingFunction } from './surrounding-names';

/**
 * The initializer of the `const`/`let` an identifier names, when it is declared in the same function as the use (the
 * line a fix changes, and inside the same analysis unit); otherwise undefined, and the finding stays on the use.
 */
export function localDefinitionOf(node: SyntaxNode): SyntaxNode | undefined {
  const value = unwrap(node);
  if (value?.type !== 'identifier') return undefined;
  const binding = findBinding(value);
  if (!binding?.declarator || !binding.value || !/^(const|let|var)$/.test(binding.kind)) return undefined;
  const home = enclosingFunction(binding.declarator);
  const here = enclosingFunction(value);
  if (!home || !here || !home.equals(here)) return undefined;
  return binding.value;
}
