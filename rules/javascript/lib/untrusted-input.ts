// Owns recognising, without taint analysis, expressions that plainly read request, page or process input.
import type { SyntaxNode } from '../../api';
import { findBinding, unwrap } from './constant-strings';

const inputReads = [
  /\b(req|request)\.(body|query|params|headers|cookies|files?|rawBody)\b/,
  /\bctx\.(request|query|params)\b/,
  /\bevent\.(body|queryStringParameters|pathParameters|multiValueQueryStringParameters)\b/,
  /\b(event|evt|e|message|msg)\.data\b/,
  /\blocation\.(hash|search|href)\b/,
  /\bdocument\.(cookie|URL|documentURI|referrer)\b/,
  /\bwindow\.name\b/,
  /\bprocess\.argv\b/,
  /\bsearchParams\b|\bURLSearchParams\b/,
  /\b(localStorage|sessionStorage)\b/,
  /\w*(input|Input|field|Field|textarea|Textarea|editor|Editor)\w*\.value\b/,
  /\b(querySelector|getElementById|getElementsByName)\([^)]*\)\.value\b/,
  /\bprompt\(/,
];

/**
 * True when the expression reads input a user controls: it mentions `req.body`, `location.hash`, `event.data`…,
 * or is a name initialised from such an expression (followed a few steps).
 */
export function readsUntrustedInput(node: SyntaxNode, depth = 0): boolean {
  if (depth > 3) return false;
  if (inputReads.some((pattern) => pattern.test(node.text))) return true;
  const identifiers = node.type === 'identifier' ? [node] : node.descendantsOfType('identifier').filter((n): n is SyntaxNode => !!n).slice(0, 8);
  for (const identifier of identifiers) {
    const binding = findBinding(identifier);
    const source = unwrap(binding?.value ?? binding?.declarator?.childForFieldName('value'));
    if (source && readsUntrustedInput(source, depth + 1)) return true;
  }
  return false;
}
