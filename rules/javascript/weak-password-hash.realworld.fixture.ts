// Real-world shapes for weak-password-hash: fast or unsalted hashes of passwords, and the KDF fixes that replace them.
import * as crypto from 'crypto';
import bcrypt from 'bcryptjs';
import CryptoJS from 'crypto-js';

interface UserRow { id: number; password_hash: string }
declare const db: { query(sql: string, args: unknown[]): Promise<UserRow[]> };

export async function register(username: string, password: string): Promise<void> {
  // expect: weak-password-hash
  const hashed = crypto.createHash('sha256').update(password).digest('hex');
  await db.query('INSERT INTO users (username, password_hash) VALUES ($1, $2)', [username, hashed]);
}

export async function registerFixed(username: string, password: string): Promise<void> {
  // ok: weak-password-hash
  const hashed = await bcrypt.hash(password, 12);
  await db.query('INSERT INTO users (username, password_hash) VALUES ($1, $2)', [username, hashed]);
}

export async function login(username: string, password: string): Promise<boolean> {
  const [user] = await db.query('SELECT * FROM users WHERE username = $1', [username]);
  // expect: weak-password-hash
  return !!user && user.password_hash === crypto.createHash('sha512').update(password).digest('hex');
}

export async function loginFixed(username: string, password: string): Promise<boolean> {
  const [user] = await db.query('SELECT * FROM users WHERE username = $1', [username]);
  // ok: weak-password-hash
  return !!user && (await bcrypt.compare(password, user.password_hash));
}

export function hashWithSalt(password: string, salt: string): string {
  // expect: weak-password-hash
  return crypto.createHash('sha256').update(salt + password).digest('hex');
}

export function hashWithSaltFixed(password: string, salt: string): string {
  // ok: weak-password-hash
  return crypto.scryptSync(password, salt, 64).toString('hex');
}

export function deriveKey(password: string, salt: Buffer): Buffer {
  // expect: weak-password-hash
  return crypto.pbkdf2Sync(password, salt, 1000, 32, 'sha256');
}

export function deriveKeyFixed(password: string, salt: Buffer): Buffer {
  // ok: weak-password-hash
  return crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256');
}

export async function weakRounds(password: string): Promise<string> {
  // expect: weak-password-hash
  return bcrypt.hash(password, 4);
}

export function peppered(user: { password: string }, pepper: string): string {
  // expect: weak-password-hash
  return crypto.createHmac('sha256', pepper).update(user.password).digest('hex');
}

// crypto-js PBKDF2 with its old defaults (one iteration of SHA-1, CVE-2023-46233).
export function deriveCryptoJs(password: string, salt: string): string {
  // expect: weak-password-hash
  return CryptoJS.PBKDF2(password, salt, { keySize: 256 / 32 }).toString();
}

export function deriveCryptoJsFixed(password: string, salt: string): string {
  // ok: weak-password-hash
  return CryptoJS.PBKDF2(password, salt, { keySize: 256 / 32, iterations: 600000, hasher: CryptoJS.algo.SHA256 }).toString();
}

// Not a password: a content digest, a token stored hashed (high-entropy input, a fast hash is right).
export function contentDigest(body: Buffer): string {
  // ok: weak-password-hash
  return crypto.createHash('sha256').update(body).digest('hex');
}

export function storeResetToken(token: string): string {
  // ok: weak-password-hash
  return crypto.createHash('sha256').update(token).digest('hex');
}
