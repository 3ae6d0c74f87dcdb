// Owns reading SQL text around an inserted value: does the string read as SQL, and does a hole sit in a value, an identifier or a whole clause.
import type { Hole } from './built-strings';

const sqlStatement = /\b(select\b[\s\S]*?\bfrom\b|insert\s+(or\s+\w+\s+)?into\b|update\b[\s\S]+?\bset\b|delete\s+from\b|replace\s+into\b|(create|drop|alter|truncate)\s+(temporary\s+|temp\s+|unique\s+)?(table|index|view|database|schema|user|trigger)\b|pragma\s+\w|\bexec(ute)?\s+\w|\bcall\s+\w+\s*\()/i;
const sqlFragment = /(\bwhere\b|\band\b|\bor\b|\border\s+by\b|\bgroup\s+by\b|\bhaving\b|\blimit\b)[\s\S]*?([=<>]|\blike\b|\bin\s*\(|\u0000)/i;

/** True when the literal text (holes as `\u0000`) reads as a SQL statement or a WHERE-style fragment. */
export function looksLikeSql(text: string, fragmentsToo = false): boolean {
  return sqlStatement.test(text) || (fragmentsToo && sqlFragment.test(text));
}

/** A condition or ordering with a value inserted: `name = '\u0000'`, `age > \u0000`, `\u0000 DESC`, `id IN (\u0000)`. */
export function looksLikeSqlFragment(text: string): boolean {
  return /[\w."`\]]\s*(=|<>|!=|<=|>=|<|>|\blike\b|\bilike\b|\bin\b)\s*\(?\s*'?%?\u0000/i.test(text) || /\u0000\s+(asc|desc)\b/i.test(text) || looksLikeSql(text, true);
}

export type SqlPosition = 'quoted' | 'value' | 'identifier' | 'clause';

const identifierBefore = /\b(from|join|into|update|table|exists|index|view|database|schema|by|as|distinct|select|alter|drop|truncate|describe|pragma|column)\s*$/i;
const valueBefore = /(=|<>|!=|<|>|\blike|\bilike|\bglob|\bregexp|\bin\s*\(|\bbetween|\blimit|\boffset|\bvalues\s*\(|\bis(\s+not)?|[+\-*/|]|\bthen|\belse|\bwhen)\s*$/i;

/** Where a value lands in the SQL: inside a quoted literal, as a bare value, as a table/column name, or as a whole clause. */
export function sqlPosition(hole: Hole): SqlPosition {
  const before = hole.before;
  const singles = (before.match(/'/g) ?? []).length;
  if (singles % 2 === 1) return 'quoted';
  const doubles = (before.match(/"/g) ?? []).length;
  if (doubles % 2 === 1) {
    // "..." is a string in MySQL and SQLite, an identifier after FROM/JOIN/... in standard SQL.
    const head = before.slice(0, before.lastIndexOf('"'));
    return identifierBefore.test(head) || /[.,]\s*$/.test(head) ? 'identifier' : 'quoted';
  }
  if (/^[.`\]]/.test(hole.after) || /[.`[]$/.test(before)) return 'identifier';
  if (/,\s*$/.test(before)) return /\b(values|in)\s*\([^)]*$/i.test(before) ? 'value' : 'identifier';
  if (identifierBefore.test(before)) return 'identifier';
  if (/\bin\s*\(\s*$/i.test(before)) return 'value';
  if (before.trim() === '' || /(\bwhere|\band|\bor|\bhaving|\bon|\bset|\bnot|\()\s*$/i.test(before)) return 'clause';
  if (valueBefore.test(before)) return 'value';
  return 'clause';
}

const numericConversion = /^([diouxXeEfFgGc]|(!\w)?:.*[dnbcoxXeEfFgG%])$/;

/** `%d`, `{:d}`, `{:.2f}`: the value is formatted as a number, which raises rather than inject. */
export function isNumericFormat(spec: string): boolean {
  return numericConversion.test(spec);
}
