// Blind set (more): tokens and API keys digested with SHA-1/MD5, hash libraries.
import crypto from 'node:crypto';
import md5 from 'md5';
import sha1 from 'sha1';

export function apiKeyDigest(apiKey: string): string {
  // expect: weak-hash
  return sha1(apiKey);
}

export function apiKeyDigestFixed(apiKey: string): string {
  // ok: weak-hash
  return crypto.createHash('sha256').update(apiKey).digest('hex');
}

export function signUrl(url: string, secret: string): string {
  // expect: weak-hash
  const sig = md5(url + secret);
  return `${url}&sig=${sig}`;
}

export function signUrlFixed(url: string, secret: string): string {
  // ok: weak-hash
  const sig = crypto.createHmac('sha256', secret).update(url).digest('hex');
  return `${url}&sig=${sig}`;
}

export function etag(body: string): string {
  // ok: weak-hash
  return '"' + crypto.createHash('sha1').update(body).digest('base64') + '"';
}
