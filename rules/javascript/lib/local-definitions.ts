// Owns pointing a finding at where a local value was made: `const iv = Buffer.alloc(16)` rather than the call that later uses `iv`.
import type { SyntaxNode } from '../../api';
import { findBinding, unwrap } from './constant-strings';
import { enclosingFunction } from './surrounding-names';

/**
 * The initializer of the `const`/`let`/`var` an identifier names, when it is declared inside the function around the use
 * (the line a fix changes, and inside the same analysis unit); at module level undefined, and the finding stays on the use.
 */
export function localDefinitionOf(node: SyntaxNode): SyntaxNode | undefined {
  const value = unwrap(node);
  if (value?.type !== 'identifier') return undefined;
  const binding = findBinding(value);
  if (!binding?.declarator || !binding.value || !/^(const|let|var)$/.test(binding.kind)) return undefined;
  // The scope walk found it around the use, so a declaration inside a function is in the use's function or one enclosing it.
  if (!enclosingFunction(binding.declarator)) return undefined;
  return binding.value;
}
