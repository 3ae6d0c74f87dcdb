// Owns telling where a URL points: local, private, documentation and namespace hosts versus the open network.
const privateIpv4 = /^(127\.|10\.|192\.168\.|169\.254\.|0\.0\.0\.0$|172\.(1[6-9]|2\d|3[01])\.)/;
const localSuffix = /(^|\.)(localhost|local|internal|lan|home|test|example|invalid|localdomain|intranet|corp|svc|cluster\.local)$/;
const documentationHost = /(^|\.)(example\.(com|org|net)|w3\.org|xmlsoap\.org|purl\.org|json-schema\.org|openxmlformats\.org|schemas\.microsoft\.com|schemas\.android\.com|ns\.adobe\.com|xmlns\.com|apache\.org|opengis\.net|docbook\.org|ogc\.org)$/;

export interface ParsedUrl {
  readonly scheme: string;
  readonly host: string;
}

/** Scheme and host of a constant URL text (`http://api.acme.io/v1` → http, api.acme.io); undefined when it is not one or the host is a placeholder. */
export function parseUrl(text: string): ParsedUrl | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/\s]*@)?(\[[^\]]+\]|[^/:?#\s]*)/i.exec(text.trim());
  if (!match) return undefined;
  const host = match[2].toLowerCase();
  if (!host || /[${}<>%*]/.test(host)) return undefined;
  return { scheme: match[1].toLowerCase(), host };
}

/** Loopback, private networks, single-label service names (`http://api:3000` inside Docker), `.local`/`.internal`, documentation and XML namespace hosts. */
export function isLocalOrReserved(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  if (h === '::1' || h === 'localhost' || privateIpv4.test(h)) return true;
  if (!h.includes('.')) return true;
  if (/^(fc|fd)[0-9a-f]{2}:/i.test(h)) return true;
  if (h === 'host.docker.internal' || localSuffix.test(h) || documentationHost.test(h)) return true;
  return false;
}
