// app/api/auth/callback/route.ts and pages/api of a Next.js app.
import { NextRequest, NextResponse } from 'next/server';
import type { NextApiRequest, NextApiResponse } from 'next';

// Vulnerable: callback route redirects to ?next=.
export async function GET(request: NextRequest) {
  const next = request.nextUrl.searchParams.get('next') ?? '/';
  // expect: open-redirect
  return NextResponse.redirect(new URL(next, request.url));
}

// Fixed: same-origin check.
export async function POST(request: NextRequest) {
  const next = request.nextUrl.searchParams.get('next') ?? '/';
  const dest = new URL(next, request.url);
  if (dest.origin !== request.nextUrl.origin) return NextResponse.redirect(new URL('/', request.url));
  // ok: open-redirect
  return NextResponse.redirect(dest);
}

// Vulnerable: pages API route.
export function goHandler(req: NextApiRequest, res: NextApiResponse) {
  // expect: open-redirect
  res.redirect(307, req.query.url as string);
}

// Vulnerable: SSRF in an API route fetching an avatar URL.
export async function avatarHandler(req: NextApiRequest, res: NextApiResponse) {
  // expect: ssrf
  const r = await fetch(req.query.avatar as string);
  res.setHeader('content-type', r.headers.get('content-type') ?? 'image/png');
  res.send(Buffer.from(await r.arrayBuffer()));
}

// Fixed: fixed origin, only the path comes from the query.
export async function avatarHandler2(req: NextApiRequest, res: NextApiResponse) {
  const id = encodeURIComponent(String(req.query.id));
  // ok: ssrf
  const r = await fetch(`https://avatars.example.com/u/${id}.png`);
  res.send(Buffer.from(await r.arrayBuffer()));
}
