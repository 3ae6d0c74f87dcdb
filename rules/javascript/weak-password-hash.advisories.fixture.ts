// Blind set: passwords hashed with fast or unsalted functions.
import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';
import md5 from 'md5';

export function hashPassword(password: string): string {
  // expect: weak-password-hash
  return crypto.createHash('sha256').update(password).digest('hex');
}

export async function hashPasswordFixed(password: string): Promise<string> {
  // ok: weak-password-hash
  return bcrypt.hash(password, 12);
}

export function checkPassword(user: { passwordHash: string }, password: string): boolean {
  // expect: weak-password-hash
  return user.passwordHash === crypto.createHash('sha512').update(user.passwordHash.slice(0, 8) + password).digest('hex');
}

export async function register(db: any, email: string, password: string) {
  // md5 is weak-hash's: weak-password-hash covers what weak-hash does not flag (never both ids on one line).
  // expect: weak-hash
  await db.users.insert({ email, password: md5(password) });
}

export async function registerFixed(db: any, email: string, password: string) {
  // ok: weak-password-hash
  await db.users.insert({ email, password: await bcrypt.hash(password, 12) });
}

export function derive(password: string, salt: Buffer): Buffer {
  // expect: weak-password-hash
  return crypto.pbkdf2Sync(password, salt, 1, 32, 'sha256');
}

export function deriveFixed(password: string, salt: Buffer): Buffer {
  // ok: weak-password-hash
  return crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256');
}
