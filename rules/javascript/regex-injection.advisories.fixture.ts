// Blind set: ReDoS literals and RegExp from input in TypeScript modules and a NestJS controller.
import { Controller, Get, Query } from '@nestjs/common';

// color parser (vulnerable release)
export function parseRgb(input: string): number[] | null {
  // expect: regex-injection
  const m = /^rgba?\(\s*((?:\d+\s*,?\s*)+)+\)$/.exec(input);
  return m ? m[1].split(',').map(Number) : null;
}

export function parseRgbFixed(input: string): number[] | null {
  // ok: regex-injection
  const m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(input);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

// URL validator
// expect: regex-injection
const URL_RE = /^(https?:\/\/)?([\da-z.-]+)\.([a-z.]{2,6})([\/\w .-]*)*\/?$/;
// ok: regex-injection
const URL_RE_FIXED = /^(https?:\/\/)?([\da-z.-]+)\.([a-z.]{2,6})(\/[\w.-]*)*\/?$/;

export function isUrl(s: string): boolean {
  return URL_RE.test(s) || URL_RE_FIXED.test(s);
}

// semver-like range parser
export function parseRange(range: string): string[] {
  // expect: regex-injection
  return range.split(/\s*\|\|\s*/).filter((r) => /^(\s*[<>=~^]*\s*\d+(\.\d+)*\s*)+$/.test(r));
}

export function routeToRegExp(route: string): RegExp {
  // expect: regex-injection
  return new RegExp('^' + route.replace(/:(\w+)/g, '([^/]+)') + '$');
}

export function routeToRegExpFixed(route: string): RegExp {
  const escaped = route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // ok: regex-injection
  return new RegExp('^' + escaped.replace(/:(\w+)/g, '([^/]+)') + '$');
}

@Controller('users')
export class UsersController {
  private readonly names = ['ann', 'bob'];

  @Get('find')
  find(@Query('name') name: string) {
    // expect: regex-injection
    return this.names.filter((n) => new RegExp(name).test(n));
  }

  @Get('find-safe')
  findSafe(@Query('name') name: string) {
    const safe = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // ok: regex-injection
    return this.names.filter((n) => new RegExp(safe).test(n));
  }
}
