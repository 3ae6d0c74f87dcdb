// Owns recognising a URL whose host was checked through a variable: `host = urlparse(url).hostname` then `if host not in ALLOWED: abort()`.
import type { SyntaxNode } from '../../api';
import { enclosingFunction } from './scope';

/**
 * True when the function holding `use` parses `name` as a URL into a variable (`parsed = urlparse(name)`,
 * `host = urlsplit(name).hostname`) and an `if` compares that variable's host against something (`in`, `==`,
 * `endswith`, `startswith`) or hands it to a checking helper (`is_allowed(host)`). Text-level and cheap; it answers
 * only for the plain name reaching the sink, which is what the real-world fixes check.
 */
export function hostCheckedBefore(name: string, use: SyntaxNode): boolean {
  const fn = enclosingFunction(use);
  if (!fn || !/^[A-Za-z_]\w*$/.test(name)) return false;
  const before = fn.text.slice(0, use.startIndex - fn.startIndex);
  const parse = new RegExp(`(\\w+)\\s*=\\s*(?:[\\w.]*\\.)?url(?:parse|split)\\(\\s*${name}\\s*\\)(\\.(?:hostname|netloc|host))?`, 'g');
  for (const match of before.matchAll(parse)) {
    const variable = match[1];
    const host = match[2] ? variable : `${variable}\\.(?:hostname|netloc|host)`;
    const check = new RegExp(`\\b(?:if|elif|assert)\\b[^\\n]*\\b${host}\\b(?:[^\\n]*(?:\\bin\\b|==|!=|\\.endswith\\(|\\.startswith\\())|\\b(?:if|elif)\\b[^\\n]*\\w*(?:allow|valid|safe|trust|permit|public)\\w*\\([^\\n]*\\b${host}\\b`);
    if (check.test(before)) return true;
  }
  return false;
}

/**
 * True when the function holding `use` parses `name` into a variable (`parsed = urlparse(name)`) and an `if` before
 * `use` tests that variable's netloc or scheme (`if parsed.netloc or parsed.scheme: name = "/"`): the redirect fix that
 * keeps only relative paths. Only for redirects: an SSRF check needs the host compared with something.
 */
export function relativeOnlyBefore(name: string, use: SyntaxNode): boolean {
  const fn = enclosingFunction(use);
  if (!fn || !/^[A-Za-z_]\w*$/.test(name)) return false;
  const before = fn.text.slice(0, use.startIndex - fn.startIndex);
  const parse = new RegExp(`(\\w+)\\s*=\\s*(?:[\\w.]*\\.)?url(?:parse|split)\\(\\s*${name}\\s*\\)\\s*$`, 'gm');
  for (const match of before.matchAll(parse)) {
    if (new RegExp(`\\b(?:if|elif)\\b[^\\n]*\\b${match[1]}\\.(?:netloc|scheme)\\b`).test(before.slice(match.index))) return true;
  }
  return false;
}
