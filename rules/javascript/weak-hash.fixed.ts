// Fixture for weak-hash: auth services, webhook handlers, caching and asset helpers in TypeScript, as assistants write them.
import crypto, { createHash, createHmac } from 'node:crypto';
import md5 from 'md5';
import CryptoJS from 'crypto-js';
import sha1 from 'sha1';
import type { Request, Response } from 'express';

interface User {
  id: string;
  email: string;
  passwordHash: string;
}

// ---- Security depends on the digest: reported. ----

export function hashPassword(password: string): string {
  // expect: weak-hash
  return crypto.createHash('md5').update(password).digest('hex');
}

export async function login(db: Db, email: string, pass: string): Promise<User | null> {
  const user = await db.users.findOne({ email });
  // expect: weak-hash
  if (user && md5(pass) === user.passwordHash) return user;
  return null;
}

export class AuthService {
  createResetToken(user: User): string {
    // expect: weak-hash
    return createHash('sha256').update(`${user.id}:${Date.now()}:${user.email}`).digest('hex');
  }

  signPayload(payload: object, secret: string): string {
    // expect: weak-hash
    const hmac = createHmac('sha256', secret);
    hmac.update(JSON.stringify(payload));
    return hmac.digest('base64');
  }
}

export function verifyWebhook(req: Request, res: Response): void {
  // expect: weak-hash
  const expected = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET!).update(req.body).digest('hex');
  if (expected !== req.headers['x-signature']) res.status(401).end();
}

export function verifyDownload(file: Buffer, publishedChecksum: string): boolean {
  // expect: weak-hash
  const actual = createHash('SHA256').update(file).digest('hex');
  return actual === publishedChecksum;
}

export function sessionIdFor(userId: string, issuedAt: number): string {
  // expect: weak-hash
  return CryptoJS.MD5(`${userId}:${issuedAt}`).toString();
}

export function apiKeyDigest(apiKey: string): string {
  // expect: weak-hash
  return sha1(apiKey);
}

export function signRelease(privateKeyPem: string, manifest: string): string {
  // expect: weak-hash
  const signer = crypto.createSign('RSA-SHA256');
  signer.update(manifest);
  return signer.sign(privateKeyPem, 'base64');
}

export async function integrityOf(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  // expect: weak-hash
  return crypto.subtle.digest('SHA-256', bytes);
}

const LEGACY_ALGORITHM = 'md5';
export function legacyTokenHash(token: string): string {
  // expect: weak-hash
  return createHash(LEGACY_ALGORITHM).update(token).digest('hex');
}

// An assistant's helper, judged where it is called; the helper itself is only a question (low confidence).
// expect: weak-hash
const md5Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

export function registerUser(req: Request): { email: string; password: string } {
  // expect: weak-hash
  return { email: req.body.email, password: md5Hex(req.body.password) };
}

// Neither clearly security nor clearly not: reported with medium confidence.
export function digestOf(data: string): string {
  // expect: weak-hash
  return createHash('sha256').update(data).digest('hex');
}

export function hashRecord(record: Record<string, unknown>): string {
  // expect: weak-hash
  return CryptoJS.SHA1(JSON.stringify(record)).toString();
}

// Known miss, kept visible: WebCrypto HMAC keys name their hash in the algorithm object.
export async function importWebhookKey(raw: ArrayBuffer): Promise<CryptoKey> {
  // todo-expect: weak-hash
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign', 'verify']);
}

// ---- Not security: quiet. ----

export function etagFor(body: string): string {
  // ok: weak-hash
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

export function sendWithEtag(res: Response, body: string): void {
  // ok: weak-hash
  res.set('ETag', crypto.createHash('md5').update(body).digest('base64'));
  res.send(body);
}

export function gravatarUrl(email: string): string {
  // ok: weak-hash
  return `https://www.gravatar.com/avatar/${md5(email.trim().toLowerCase())}?d=identicon`;
}

export function cacheKeyFor(url: string, params: URLSearchParams): string {
  // ok: weak-hash
  const cacheKey = 'resp:' + createHash('sha1').update(url + params.toString()).digest('hex');
  return cacheKey;
}

export function shardFor(customerId: string, shards: number): number {
  // ok: weak-hash
  const digest = createHash('md5').update(customerId).digest();
  return digest.readUInt32BE(0) % shards;
}

export function colorForLabel(label: string): string {
  // ok: weak-hash
  return '#' + md5(label).slice(0, 6);
}

export function contentFingerprint(source: string): string {
  // ok: weak-hash
  const fingerprint = createHash('md5').update(source).digest('hex').slice(0, 8);
  return fingerprint;
}

export function websocketAccept(key: string): string {
  // The handshake value RFC 6455 prescribes: SHA-1 is the protocol, not a choice.
  // ok: weak-hash
  return createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
}

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
export function acceptKey(secWebSocketKey: string): string {
  // ok: weak-hash
  return createHash('sha1').update(secWebSocketKey + WEBSOCKET_GUID).digest('base64');
}

export function oauth1Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  // OAuth 1.0a fixes HMAC-SHA1 for every provider that speaks it.
  // ok: weak-hash
  return createHmac('sha1', `${consumerSecret}&${tokenSecret}`).update(baseString).digest('base64');
}

export function totpCode(secret: Buffer, counter: Buffer): number {
  // Authenticator apps only implement HMAC-SHA1 (RFC 6238).
  // ok: weak-hash
  const hmac = createHmac('sha1', secret).update(counter).digest();
  return hmac.readUInt32BE(hmac[19] & 0xf) % 1_000_000;
}

export function hashPasswordSafely(password: string, salt: Buffer): string {
  // ok: weak-hash
  return crypto.scryptSync(password, salt, 64).toString('hex');
}

export function tokenDigest(token: string): string {
  // ok: weak-hash
  return createHash('sha256').update(token).digest('hex');
}

export function chosenAlgorithm(algorithm: string, data: string): string {
  // ok: weak-hash
  return createHash(algorithm).update(data).digest('hex');
}

describe('hashPassword', () => {
  it('matches the legacy fixture digest', () => {
    // ok: weak-hash
    expect(crypto.createHash('md5').update('hunter2').digest('hex')).toHaveLength(32);
  });
});

type Db = { users: { findOne(q: object): Promise<User | null> } };
