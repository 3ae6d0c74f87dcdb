// Owns recognising request-handler classes that write the response body themselves (Tornado's RequestHandler, http.server's handlers) and whether a handler method declared a non-HTML content type.
import type { SyntaxNode } from '../../api';
import { enclosingFunction } from './scope';

export interface HandlerKind {
  /** The base classes, as written in the class statement, of this kind of handler. */
  readonly bases: RegExp;
  /** A header call in the method that declares a content type other than text/html. */
  readonly nonHtmlType: RegExp;
}

/** Tornado: `self.write(text)` in a `RequestHandler`, typed with `self.set_header("Content-Type", …)`. */
export const tornadoHandler: HandlerKind = {
  bases: /\b(RequestHandler|tornado\.web\.\w+)\b/,
  nonHtmlType: /set_header\(\s*["']Content-Type["']\s*,\s*["'](?!text\/html)/i,
};

/** http.server: `self.wfile.write(data)` in a `BaseHTTPRequestHandler`, typed with `self.send_header("Content-Type", …)`. */
export const httpServerHandler: HandlerKind = {
  bases: /\b(BaseHTTPRequestHandler|SimpleHTTPRequestHandler|CGIHTTPRequestHandler)\b/,
  nonHtmlType: /send_header\(\s*["']Content-[Tt]ype["']\s*,\s*["'](?!text\/html)/,
};

/** Whether `call` is in a handler class of `kind` whose method did not declare a non-HTML type: what it writes is served as HTML. */
export function servesHtmlFromHandler(call: SyntaxNode, kind: HandlerKind): boolean {
  let cls: SyntaxNode | null = call.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  if (!cls || !kind.bases.test(cls.childForFieldName('superclasses')?.text ?? '')) return false;
  return !kind.nonHtmlType.test(enclosingFunction(call)?.text ?? '');
}
