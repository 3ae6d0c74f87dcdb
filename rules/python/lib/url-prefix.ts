// Owns reading the fixed start of a URL built from parts: does the literal text before client data already pin the host or the path.
import type { Hole } from './built-strings';

export type UrlControl = 'authority' | 'path-start' | 'fixed';

/**
 * What data at `hole` controls in the URL built around it: the scheme or host (`authority`: nothing, "https://" or
 * "https://api." before it), the start of a path that can turn into `//host` ("/" before it), or only what follows a
 * fixed host or local path (`fixed`).
 */
export function urlControl(hole: Hole): UrlControl {
  const prefix = hole.before;
  // An earlier value (a configured base URL, request.host_url) starts the URL: the host is not the client's.
  if (prefix.startsWith('\u0000')) return 'fixed';
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.exec(prefix);
  const rest = scheme ? prefix.slice(scheme[0].length) : prefix;
  if (rest.startsWith('//')) return /[/?#\\]/.test(rest.slice(2)) ? 'fixed' : 'authority';
  if (scheme) return /[/?#]/.test(rest) ? 'fixed' : 'authority';
  if (rest === '') return 'authority';
  if (rest.startsWith('/')) return /^\/[^/\\]/.test(rest) ? 'fixed' : 'path-start';
  // "?next=" or "page/": relative to the current location.
  return 'fixed';
}
