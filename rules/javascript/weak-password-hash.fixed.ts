// Fixture for weak-password-hash: user services, signup handlers and auth utilities hashing passwords, beside digests that are fine as they are.
import crypto, { createHash, createHmac, pbkdf2Sync, scryptSync, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcrypt';
import CryptoJS from 'crypto-js';
import { sha256 } from 'js-sha256';
import type { Request, Response } from 'express';

interface User {
  id: string;
  email: string;
  password: string;
  passwordHash: string;
}

// ---- Passwords through fast or unsalted hashing: reported. ----

export function hashPassword(password: string): string {
  // expect: weak-password-hash
  return crypto.createHash('sha256').update(password).digest('hex');
}

export async function register(req: Request, res: Response): Promise<void> {
  const { email, password } = req.body as { email: string; password: string };
  const salt = crypto.randomBytes(16).toString('hex');
  // expect: weak-password-hash
  const passwordHash = createHash('sha512').update(salt + password).digest('hex');
  await saveUser({ email: String(email), passwordHash, salt });
  res.status(201).end();
}

export function checkLogin(user: User, attempt: string): boolean {
  // expect: weak-password-hash
  const digest = createHash('SHA256').update(attempt).digest('hex');
  return digest === user.passwordHash;
}

export class PasswordService {
  private readonly pepper = process.env.PASSWORD_PEPPER!;

  encryptPassword(plain: string): string {
    // expect: weak-password-hash
    return createHmac('sha256', this.pepper).update(plain).digest('base64');
  }
}

export function clientSideHash(password: string): string {
  // expect: weak-password-hash
  return CryptoJS.SHA256(password).toString();
}

export function legacyHash(user: { password: string }): string {
  // expect: weak-password-hash
  return sha256(user.password);
}

export async function browserPasswordDigest(password: string): Promise<ArrayBuffer> {
  // expect: weak-password-hash
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(password));
}

export async function hashWithLowCost(password: string): Promise<string> {
  // expect: weak-password-hash
  return bcrypt.hash(password, 12);
}

export function deriveWithFewIterations(password: string, salt: Buffer): Buffer {
  // expect: weak-password-hash
  return pbkdf2Sync(password, salt, 600_000, 64, 'sha512');
}

export function scryptWithFixedSalt(password: string): string {
  // expect: weak-password-hash
  return scryptSync(password, 'salt', 64).toString('hex');
}

const APP_SALT = 'f0c1b2a3';
export function pbkdf2WithAppSalt(newPassword: string): string {
  // expect: weak-password-hash
  return pbkdf2Sync(newPassword, APP_SALT, 310_000, 32, 'sha256').toString('hex');
}

export function hashPasswordStepwise(password: string): string {
  // expect: weak-password-hash
  const hash = createHash('sha384');
  hash.update(password);
  return hash.digest('hex');
}

// ---- Slow password hashing, or fast hashing of things that are not passwords: quiet. ----

export async function hashPasswordProperly(password: string): Promise<string> {
  // ok: weak-password-hash
  return bcrypt.hash(password, 12);
}

export function scryptProperly(password: string): string {
  const salt = crypto.randomBytes(16);
  // ok: weak-password-hash
  return `${salt.toString('hex')}:${scryptSync(password, salt, 64).toString('hex')}`;
}

export function pbkdf2Properly(password: string, salt: Buffer): Buffer {
  // ok: weak-password-hash
  return pbkdf2Sync(password, salt, 600_000, 64, 'sha512');
}

// Reset tokens are long and random: a fast hash is the right way to store them.
export function hashResetToken(resetToken: string): string {
  // ok: weak-password-hash
  return createHash('sha256').update(resetToken).digest('hex');
}

export function hashApiKey(apiKey: string): string {
  // ok: weak-password-hash
  return crypto.createHash('sha256').update(apiKey).digest('hex');
}

export function fileChecksum(contents: Buffer): string {
  // ok: weak-password-hash
  return createHash('sha256').update(contents).digest('hex');
}

// Hashing both sides only so timingSafeEqual gets equal lengths; nothing is stored.
export function isAdminPassword(candidate: string): boolean {
  // ok: weak-password-hash
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(process.env.ADMIN_PASSWORD ?? '').digest();
  return timingSafeEqual(a, b);
}

export function sessionFingerprint(user: User): string {
  // ok: weak-password-hash
  return createHash('sha256').update(`${user.id}:${user.passwordHash}`).digest('hex');
}

// Node's documentation example: a key from a constant passphrase, not a user's password.
// ok: weak-password-hash
export const demoKey = scryptSync('password', 'salt', 24);

// MD5 and SHA-1 of passwords are weak-hash's findings; this rule stays out of them.
export function md5Password(password: string): string {
  // expect: weak-hash
  // ok: weak-password-hash
  return createHash('md5').update(password).digest('hex');
}

export function passwordPolicyVersion(policyText: string): string {
  // ok: weak-password-hash
  return createHash('sha256').update(policyText).digest('hex').slice(0, 8);
}

declare function saveUser(user: { email: string; passwordHash: string; salt: string }): Promise<void>;
describe('hashPassword', () => {
  it('is stable', () => {
    // ok: weak-password-hash
    expect(createHash('sha256').update('hunter2').digest('hex')).toHaveLength(64);
  });
});
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => void): void;
declare function expect(value: unknown): { toHaveLength(n: number): void };
