// Blind set: SSRF in Next.js route handlers and NestJS services.
import { NextRequest, NextResponse } from 'next/server';
import type { NextApiRequest, NextApiResponse } from 'next';
import { Controller, Get, Query } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import got from 'got';

export async function GET(request: NextRequest) {
  const target = request.nextUrl.searchParams.get('url')!;
  // expect: ssrf
  const upstream = await fetch(target);
  return new NextResponse(upstream.body, { status: upstream.status });
}

const ALLOWED = ['https://api.github.com/', 'https://registry.npmjs.org/'];

export async function GETfixed(request: NextRequest) {
  const target = request.nextUrl.searchParams.get('url')!;
  if (!ALLOWED.some((prefix) => target.startsWith(prefix))) return new NextResponse('forbidden', { status: 403 });
  // ok: ssrf
  const upstream = await fetch(target);
  return new NextResponse(upstream.body, { status: upstream.status });
}

export default async function preview(req: NextApiRequest, res: NextApiResponse) {
  // expect: ssrf
  const html = await got(req.query.link as string).text();
  res.json({ title: /<title>(.*?)<\/title>/i.exec(html)?.[1] });
}

@Controller('unfurl')
export class UnfurlController {
  constructor(private readonly http: HttpService) {}

  @Get()
  async unfurl(@Query('url') url: string) {
    // expect: ssrf
    const res = await this.http.axiosRef.get(url);
    return { status: res.status };
  }
}
