// Fixture for jwt-verification-disabled: Express auth middleware, token helpers and a Next.js middleware, with the decode/verify mix-ups assistants make.
import jwt from 'jsonwebtoken';
import jwtSimple from 'jwt-simple';
import { jwtDecode } from 'jwt-decode';
import { decodeJwt, jwtVerify } from 'jose';
import fs from 'node:fs';
import jws from 'jws';
import { expressjwt } from 'express-jwt';
import type { Request, Response, NextFunction } from 'express';

const JWT_SECRET = process.env.JWT_SECRET!;
const PUBLIC_KEY = fs.readFileSync('./keys/public.pem');

// ---- Tokens trusted without a proper check: reported. ----

export function authenticate(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return res.status(401).json({ error: 'Missing token' });
  // expect: jwt-verification-disabled
  const payload = jwt.decode(token) as { sub: string; role: string } | null;
  if (!payload) return res.status(401).json({ error: 'Invalid token' });
  (req as Request & { user?: unknown }).user = payload;
  next();
}

export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  // expect: jwt-verification-disabled
  const claims = jwtDecode<{ role: string }>(String(req.cookies.token));
  if (claims.role !== 'admin') return res.sendStatus(403);
  next();
}

export async function protect(req: Request, res: Response, next: NextFunction) {
  // expect: jwt-verification-disabled
  const { sub } = decodeJwt(req.headers.authorization!.slice(7));
  res.locals.userId = sub;
  next();
}

export function verifyToken(token: string) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, JWT_SECRET, { algorithms: ['HS256', 'none'] });
}

export function issueGuestToken(userId: string) {
  // expect: jwt-verification-disabled
  return jwt.sign({ sub: userId }, '', { algorithm: 'none' });
}

export function verifySession(token: string) {
  return jwt.verify(token, JWT_SECRET, {
    algorithms: ['HS256'],
    // expect: jwt-verification-disabled
    ignoreExpiration: true,
  });
}

export function authMiddleware(req: Request, res: Response, next: NextFunction) {
  const token = String(req.headers['x-access-token']);
  // expect: jwt-verification-disabled
  jwt.verify(token, JWT_SECRET, (err, decoded) => {
    (req as Request & { user?: unknown }).user = decoded;
    next();
  });
}

export function readLegacyToken(token: string) {
  // expect: jwt-verification-disabled
  return jwtSimple.decode(token, JWT_SECRET, true);
}

export function verifyPartnerToken(token: string) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, PUBLIC_KEY);
}

export const jwtOptions = {
  secretOrKey: JWT_SECRET,
  // expect: jwt-verification-disabled
  algorithms: ['none'],
};

export function checkJwt(req: Request, res: Response, next: NextFunction) {
  const bearer = req.headers.authorization ?? '';
  // expect: jwt-verification-disabled
  const decoded = jwt.decode(bearer.replace('Bearer ', '')) as { permissions?: string[] } | null;
  if (!decoded?.permissions?.includes('write')) return res.sendStatus(403);
  next();
}

export function verifySignature(token: string): boolean {
  // expect: jwt-verification-disabled
  return jws.verify(token, PUBLIC_KEY.toString());
}

// expect: jwt-verification-disabled
export const isAuthorized = expressjwt({ secret: PUBLIC_KEY } as any);

// ---- Verified tokens, or decode used where nothing is trusted: quiet. ----

export function authenticateProperly(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return res.sendStatus(401);
  try {
    // ok: jwt-verification-disabled
    (req as Request & { user?: unknown }).user = jwt.verify(token, JWT_SECRET, { algorithms: ['HS256'] });
    next();
  } catch {
    res.sendStatus(401);
  }
}

// Reading the header to pick the key, then verifying.
export async function verifyWithKeySet(token: string, keys: Map<string, Buffer>) {
  // ok: jwt-verification-disabled
  const { header } = jwt.decode(token, { complete: true }) ?? {};
  const key = keys.get(String(header?.kid));
  if (!key) throw new Error('unknown key');
  return jwt.verify(token, key, { algorithms: ['RS256'] });
}

// In the browser: reading the expiry to schedule a refresh; the server verifies.
export function msUntilExpiry(token: string): number {
  // ok: jwt-verification-disabled
  const { exp } = jwtDecode<{ exp: number }>(token);
  return exp * 1000 - Date.now();
}

export function displayName(token: string): string {
  // ok: jwt-verification-disabled
  const claims = decodeJwt(token);
  return String(claims.name ?? 'there');
}

export async function verifyWithJose(token: string, secret: Uint8Array) {
  // ok: jwt-verification-disabled
  const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
  return payload;
}

export function verifyRsa(token: string) {
  // ok: jwt-verification-disabled
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });
}

export function authCallback(req: Request, res: Response, next: NextFunction) {
  // ok: jwt-verification-disabled
  jwt.verify(String(req.query.token), JWT_SECRET, { algorithms: ['HS256'] }, (err, decoded) => {
    if (err) return res.sendStatus(401);
    (req as Request & { user?: unknown }).user = decoded;
    next();
  });
}

export function readTokenSimple(token: string) {
  // ok: jwt-verification-disabled
  return jwtSimple.decode(token, JWT_SECRET, false, 'HS256');
}

export const signOptions = {
  // ok: jwt-verification-disabled
  algorithm: 'HS256',
  expiresIn: '15m',
};

export function verifySignatureStrict(token: string): boolean {
  // ok: jwt-verification-disabled
  return jws.verify(token, 'RS256', PUBLIC_KEY.toString());
}

// ok: jwt-verification-disabled
export const requireJwt = expressjwt({ secret: PUBLIC_KEY, algorithms: ['RS256'] });

describe('tokens', () => {
  it('accepts an unsigned token only in tests of the rejecting code', () => {
    // ok: jwt-verification-disabled
    const unsigned = jwt.sign({ sub: '1' }, '', { algorithm: 'none' });
    expect(() => verifyToken(unsigned)).toThrow();
  });
});

declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => void): void;
declare function expect(value: unknown): { toThrow(): void };
