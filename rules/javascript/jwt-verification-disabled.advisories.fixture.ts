// Blind set: JWTs accepted without proper verification.
import jwt from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

const SECRET = process.env.JWT_SECRET as string;
const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY as string;

export function authenticate(req: Request, res: Response, next: NextFunction) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  // expect: jwt-verification-disabled
  const payload = jwt.decode(token) as { sub: string } | null;
  if (!payload) return res.sendStatus(401);
  (req as any).userId = payload.sub;
  next();
}

export function authenticateFixed(req: Request, res: Response, next: NextFunction) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  try {
    // ok: jwt-verification-disabled
    const payload = jwt.verify(token, SECRET, { algorithms: ['HS256'] }) as { sub: string };
    (req as any).userId = payload.sub;
    next();
  } catch {
    res.sendStatus(401);
  }
}

export function verifyAny(token: string) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256', 'HS256', 'none'] });
}

export function verifyRs(token: string) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, PUBLIC_KEY);
}

export function verifyRsFixed(token: string) {
  // ok: jwt-verification-disabled
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });
}

export function verifyLenient(token: string) {
  // expect: jwt-verification-disabled
  return jwt.verify(token, SECRET, { algorithms: ['HS256'], ignoreExpiration: true });
}

export function issueUnsigned(sub: string) {
  // expect: jwt-verification-disabled
  return jwt.sign({ sub }, '', { algorithm: 'none' });
}
