// Blind set (more): OAuth state, invite codes, CSRF tokens, file names for private uploads.
import { randomBytes, randomUUID } from 'node:crypto';

export function oauthState(): string {
  // expect: insecure-random
  return Math.random().toString(36).substring(2, 15) + Math.random().toString(36).substring(2, 15);
}

export function oauthStateFixed(): string {
  // ok: insecure-random
  return randomBytes(16).toString('hex');
}

export function inviteCode(): string {
  let code = '';
  // expect: insecure-random
  while (code.length < 8) code += '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'[Math.floor(Math.random() * 32)];
  return code;
}

export const csrfToken = (): string =>
  // expect: insecure-random
  [...Array(32)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');

export const csrfTokenFixed = (): string =>
  // ok: insecure-random
  randomBytes(16).toString('hex');

export function privateUploadName(ext: string): string {
  // todo-expect: insecure-random
  return `private/${Date.now()}-${Math.round(Math.random() * 1e9)}${ext}`;
}

export function privateUploadNameFixed(ext: string): string {
  // ok: insecure-random
  return `private/${randomUUID()}${ext}`;
}

export function shuffle<T>(items: T[]): T[] {
  // ok: insecure-random
  return items.map((v) => [Math.random(), v] as const).sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}
