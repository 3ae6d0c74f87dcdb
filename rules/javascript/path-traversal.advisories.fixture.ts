// Blind set: path traversal in Next.js API routes, Koa and a TypeScript asset loader.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { NextApiRequest, NextApiResponse } from 'next';
import Koa from 'koa';
import Router from '@koa/router';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const slug = req.query.slug as string;
  // expect: path-traversal
  const content = await fs.readFile(path.join(process.cwd(), 'posts', `${slug}.md`), 'utf8');
  res.status(200).json({ content });
}

export async function handlerFixed(req: NextApiRequest, res: NextApiResponse) {
  const slug = req.query.slug as string;
  if (!/^[a-z0-9-]+$/.test(slug)) return res.status(400).end();
  // ok: path-traversal
  const content = await fs.readFile(path.join(process.cwd(), 'posts', `${slug}.md`), 'utf8');
  res.status(200).json({ content });
}

const router = new Router();

router.get('/assets/:file', async (ctx) => {
  // expect: path-traversal
  ctx.body = await fs.readFile(path.resolve(__dirname, 'assets', ctx.params.file));
});

router.get('/assets-safe/:file', async (ctx) => {
  const base = path.resolve(__dirname, 'assets');
  const file = path.resolve(base, ctx.params.file);
  if (path.relative(base, file).startsWith('..')) ctx.throw(403);
  // ok: path-traversal
  ctx.body = await fs.readFile(file);
});

router.post('/logs', async (ctx) => {
  const { name } = ctx.request.body as { name: string };
  // expect: path-traversal
  await fs.writeFile(`/var/log/app/${name}`, 'rotated');
  ctx.status = 204;
});

export const app = new Koa().use(router.routes());

export class LocaleLoader {
  constructor(private readonly dir: string) {}

  async load(locale: string): Promise<Record<string, string>> {
    // todo-expect: path-traversal
    const raw = await fs.readFile(path.join(this.dir, locale + '.json'), 'utf8');
    return JSON.parse(raw);
  }

  async loadFixed(locale: string): Promise<Record<string, string>> {
    if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(locale)) throw new Error('bad locale');
    // ok: path-traversal
    const raw = await fs.readFile(path.join(this.dir, locale + '.json'), 'utf8');
    return JSON.parse(raw);
  }
}
