// Owns the sql-injection fix: quoted values spliced into an inline query become placeholders bound through the driver's values argument.
import type { Fix, RuleContext, SyntaxNode, TextEdit } from '../../api';
import { unwrap } from './constant-strings';
import { piecesOf, sameNode } from './built-strings';
import { isHarmless } from './injection-assessment';
import { argumentsOf, type SinkMatch } from './sink-calls';

type Style = { readonly placeholder: (n: number) => string; readonly wrap: (values: string) => string };

const positional: Style = { placeholder: () => '?', wrap: (v) => `[${v}]` };
const numbered: Style = { placeholder: (n) => `$${n}`, wrap: (v) => `[${v}]` };
const replacements: Style = { placeholder: () => '?', wrap: (v) => `{ replacements: [${v}] }` };

/** How the file's driver spells placeholders, from its imports; undefined when it cannot be told. */
function styleOf(context: RuleContext, match: SinkMatch): Style | undefined {
  const method = match.spec.callee;
  const modules = new Set(context.bindings.map((b) => b.module.replace(/\/.*$/, '')));
  if (/^\.(raw|whereRaw|orWhereRaw|andWhereRaw|havingRaw|orderByRaw|groupByRaw|joinRaw|fromRaw|selectRaw)$/.test(method)) return modules.has('knex') || method !== '.raw' ? positional : undefined;
  if (method === '.query' && /sequelize/i.test(match.label)) return modules.has('pg') ? undefined : replacements;
  if (!/^\.(query|execute|run|all|get|each)$/.test(method)) return undefined;
  const pg = modules.has('pg') || modules.has('postgres') || modules.has('@vercel') || modules.has('pg-pool');
  const positionalDriver = modules.has('mysql') || modules.has('mysql2') || modules.has('sqlite3') || modules.has('sqlite');
  if (pg === positionalDriver) return undefined;
  if (pg && !/^\.(query)$/.test(method)) return undefined;
  return pg ? numbered : positional;
}

type Item = { readonly ch: string } | { readonly node: SyntaxNode };

/** The fix, when every risky part sits inside a quoted SQL string literal of an inline query and the call takes no values yet. */
export function sqlParameterFix(context: RuleContext, match: SinkMatch, hazard: string): Fix | undefined {
  const value = unwrap(match.value);
  if (!value || (value.type !== 'template_string' && value.type !== 'binary_expression')) return undefined;
  const args = argumentsOf(match.call);
  if (!sameNode(args[0], match.value)) return undefined;
  const rest = args.slice(1);
  if (rest.length > 1 || (rest.length === 1 && !/function|arrow_function/.test(rest[0].type))) return undefined;
  const style = styleOf(context, match);
  if (!style) return undefined;
  if (style === replacements && rest.length) return undefined;
  const pieces = piecesOf(value);
  if (pieces.some((p) => p.node && (p.node.startIndex < value.startIndex || p.node.endIndex > value.endIndex))) return undefined;
  const items: Item[] = pieces.flatMap((p): Item[] => (p.text !== undefined ? [...p.text].map((ch) => ({ ch })) : [{ node: p.node! }]));
  const quotes = style === numbered ? ["'"] : ["'", '"'];
  const segments: ({ readonly raw: string } | { readonly kept: string })[] = [];
  const params: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if ('node' in item) {
      if (!isHarmless(item.node, hazard, context, 0)) return undefined;
      segments.push({ kept: item.node.text });
      continue;
    }
    if (!quotes.includes(item.ch)) {
      segments.push({ raw: item.ch });
      continue;
    }
    // A quoted SQL literal: find its end and see whether data was spliced into it.
    let j = i + 1;
    const inside: Item[] = [];
    while (j < items.length && !isChar(items[j], item.ch)) inside.push(items[j++]);
    if (j >= items.length) return undefined;
    if (j + 1 < items.length && isChar(items[j + 1], item.ch)) return undefined; // '' escapes: leave it
    if (!inside.some((x) => 'node' in x)) {
      segments.push({ raw: item.ch + inside.map((x) => (x as { ch: string }).ch).join('') + item.ch });
    } else {
      const only = inside.length === 1 ? inside[0] : undefined;
      params.push(only && 'node' in only ? only.node.text : `\`${inside.map((x) => ('node' in x ? `\${${x.node.text}}` : escapeTemplateText(x.ch))).join('')}\``);
      segments.push({ raw: style.placeholder(params.length) });
    }
    i = j;
  }
  if (params.length === 0) return undefined;
  const raw = segments.map((s) => ('raw' in s ? s.raw : '')).join('');
  const query = segments.some((s) => 'kept' in s) || raw.includes('\n')
    ? `\`${segments.map((s) => ('raw' in s ? escapeTemplateText(s.raw) : `\${${s.kept}}`)).join('')}\``
    : `'${raw.replace(/[\\']/g, (m) => `\\${m}`)}'`;
  const edits: TextEdit[] = [{ range: context.rangeOf(match.value), newText: `${query}, ${style.wrap(params.join(', '))}` }];
  return { title: `Bind ${params.length === 1 ? params[0] : `${params.length} values`} as query parameters`, edits, preservesBehaviour: true };
}

function isChar(item: Item | undefined, ch: string): boolean {
  return !!item && 'ch' in item && item.ch === ch;
}

function escapeTemplateText(text: string): string {
  return text.replace(/[`\\]|\$(?=\{)/g, (m) => `\\${m}`);
}
