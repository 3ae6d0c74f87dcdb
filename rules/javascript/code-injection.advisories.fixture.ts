// Blind set: code injection in TypeScript: filter expressions, plugin hooks, Next.js route.
import vm from 'node:vm';
import type { NextApiRequest, NextApiResponse } from 'next';

export function buildFilter(expr: string): (row: Record<string, unknown>) => boolean {
  // expect: code-injection
  return new Function('row', `with (row) { return (${expr}); }`) as (row: Record<string, unknown>) => boolean;
}

export function buildFilterFixed(field: string, value: unknown): (row: Record<string, unknown>) => boolean {
  // ok: code-injection
  return (row) => row[field] === value;
}

export function runHook(source: string, context: object): unknown {
  const sandbox = vm.createContext({ ...context });
  // expect: code-injection
  return vm.runInContext(source, sandbox);
}

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const { formula } = req.body as { formula: string };
  // expect: code-injection
  const value = vm.runInThisContext(`(function(){ return ${formula}; })()`);
  res.json({ value });
}

export function handlerFixed(req: NextApiRequest, res: NextApiResponse) {
  const { formula } = req.body as { formula: string };
  const n = Number(formula);
  // ok: code-injection
  const value = Number.isFinite(n) ? vm.runInThisContext(`(function(){ return ${n}; })()`) : null;
  res.json({ value });
}
