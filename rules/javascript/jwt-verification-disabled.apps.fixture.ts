// src/auth/auth.service.ts and middleware: JWT, passwords, reset tokens, logging.
import jwt from 'jsonwebtoken';
import crypto from 'crypto';
import bcrypt from 'bcrypt';
import { Request, Response, NextFunction } from 'express';

// expect: hardcoded-secret
const JWT_SECRET = 'my-super-secret-jwt-key-2019';
// ok: hardcoded-secret
const JWT_SECRET_ENV = process.env.JWT_SECRET as string;

export function sign(user: { id: string; role: string }) {
  return jwt.sign({ sub: user.id, role: user.role }, JWT_SECRET_ENV, { expiresIn: '1h', algorithm: 'HS256' });
}

// Vulnerable: decode used instead of verify.
export function authenticate(req: Request, res: Response, next: NextFunction) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  // expect: jwt-verification-disabled
  const payload = jwt.decode(token) as any;
  if (!payload) return res.sendStatus(401);
  (req as any).user = payload;
  next();
}

// Vulnerable: verify accepting the "none" algorithm.
export function authenticateNone(token: string) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, JWT_SECRET, { algorithms: ['HS256', 'none'] });
}

// Vulnerable: verify with ignoreExpiration.
export function authenticateLax(token: string) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, JWT_SECRET_ENV, { ignoreExpiration: true });
}

// Fixed.
export function authenticateSafe(token: string) {
  // ok: jwt-verification-disabled
  return jwt.verify(token, JWT_SECRET_ENV, { algorithms: ['HS256'] });
}

// Vulnerable: reset token from Math.random.
export function makeResetToken() {
  // expect: insecure-random
  return Math.random().toString(36).substring(2, 15) + Math.random().toString(36).substring(2, 15);
}

// Fixed.
export function makeResetTokenSafe() {
  // ok: insecure-random
  return crypto.randomBytes(32).toString('hex');
}

// Vulnerable: session id / api key generation.
export function newApiKey() {
  let key = '';
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // expect: insecure-random
  for (let i = 0; i < 32; i++) key += chars.charAt(Math.floor(Math.random() * chars.length));
  return key;
}

// Not a security value: jitter.
export function backoff(attempt: number) {
  // ok: insecure-random
  return Math.min(30000, 2 ** attempt * 100) + Math.floor(Math.random() * 100);
}

// Vulnerable: passwords hashed with md5 / sha256.
export function hashPassword(password: string) {
  // expect: weak-hash
  return crypto.createHash('md5').update(password).digest('hex');
}
export function hashPassword2(password: string) {
  // expect: weak-password-hash
  return crypto.createHash('sha256').update(password).digest('hex');
}

// Fixed.
export async function hashPasswordSafe(password: string) {
  // ok: weak-password-hash
  return bcrypt.hash(password, 12);
}

// Vulnerable: logging the credentials.
export async function login(req: Request, res: Response) {
  const { email, password } = req.body;
  // expect: sensitive-data-logged
  console.log(`login attempt for ${email} with password ${password}`);
  // ok: sensitive-data-logged
  console.log(`login attempt for ${email}`);
  const token = sign({ id: email, role: 'user' });
  // expect: sensitive-data-logged
  console.info('issued token', token);
  res.json({ token });
}
