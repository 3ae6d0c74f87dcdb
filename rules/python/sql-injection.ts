// sql-injection for Python: SQL built with f-strings, %, format or + from non-constant values reaching DB-API execute, Django raw/extra/RawSQL, SQLAlchemy text, pandas read_sql.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { pythonSinks } from '../models/python-sinks';
import { builtStrings, holeMark, isPlaceholderList, literalTextOf, type BuiltString, type Hole } from './lib/built-strings';
import { describeSource, type FlaggedHole, loudestOf, reportFlow, sinkCallVisitors, sinkNamesOf } from './lib/flow-findings';
import { callTriggers, keywordArgument, matchSinks, positionalArguments, type SinkMatch } from './lib/sink-calls';
import { isNumericFormat, looksLikeSql, looksLikeSqlFragment, sqlPosition, type SqlPosition } from './lib/sql-text';
import { inputOf, holeOrigin } from './lib/value-origins';
import { resolveName } from './lib/scope';

const hazard = 'sql-injection';
const specs = pythonSinks[hazard];
const sinkNames = sinkNamesOf(specs);
/** Receivers that hold a database handle, for a query passed whole (no literal text to read). */
const databaseReceiver = /(^|[._])(cursor|cur|conn|connection|db|database|session|engine|con|sqlite|pg|mysql|client|pool|tx|transaction)s?$/i;

interface Flagged extends FlaggedHole {
  readonly position: SqlPosition;
}

export default defineDetector({
  id: hazard,
  family: 'python',
  triggers: callTriggers(sinkNames),
  anchored: true,
  create(rawContext) {
    return sinkCallVisitors(rawContext, (node, name, context) => {
      if (!sinkNames.has(name)) return;
      const matches = matchSinks(node, specs, context);
      if (!matches.length) return;
      for (const match of matches) if (checkSink(match, context)) return;
    });
  },
});

/** Reports the sink when its query is built from unsafe values or is client input itself; true when it reported. */
function checkSink(match: SinkMatch, context: RuleContext): boolean {
  const queries = expand(match.argument);
  for (const query of queries) {
    const built = builtStrings(query, context);
    const fragment = match.spec.shape === 'sql-fragment';
    if (!built.length) {
      if (!fragment && checkWholeQuery(match, query, context)) return true;
      continue;
    }
    if (match.spec.shape === 'sql' && !looksLikeSql(literalTextOf(built), match.spec.callee === '.extra')) continue;
    if (fragment && !looksLikeSqlFragment(literalTextOf(built))) continue;
    const flagged = built.flatMap((b) => b.holes.map((hole) => judgeHole(hole, context)).filter((f): f is Flagged => !!f));
    if (!flagged.length) continue;
    const worst = loudestOf(flagged);
    reportFlow(context, {
      sink: match.call,
      holes: flagged.map((f) => f.hole.value),
      message: messageFor(worst, match.callee, built),
      // A caller's value as a column or clause (`ORDER BY {sort}`) is a hazard when the caller forwards client input,
      // which this function does not show: low. Spliced as a value, medium.
      confidence: worst.origin.kind === 'input' ? 'high' : worst.position === 'quoted' || worst.position === 'value' ? 'medium' : 'low',
      fix: queries.length === 1 && built.length === 1 && built[0].node.equals(query) ? parameterFix(match, built[0], context) : undefined,
    });
    return true;
  }
  return false;
}

/** Django's extra(where=[...], select={...}) take lists and dicts of SQL fragments. */
function expand(argument: SyntaxNode): SyntaxNode[] {
  if (argument.type === 'list' || argument.type === 'tuple') return argument.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  if (argument.type === 'dictionary') return argument.namedChildren.flatMap((p) => (p?.type === 'pair' && p.childForFieldName('value') ? [p.childForFieldName('value')!] : []));
  return [argument];
}

/** `cursor.execute(request.args["q"])`: the client writes the whole query. */
function checkWholeQuery(match: SinkMatch, query: SyntaxNode, context: RuleContext): boolean {
  const source = inputOf(query, hazard, context);
  if (!source) return false;
  if (match.spec.shape === 'sql') {
    const receiver = match.call.childForFieldName('function')?.childForFieldName('object');
    if (!receiver || !databaseReceiver.test(receiver.text)) return false;
  }
  context.report({
    node: match.call,
    confidence: 'high',
    message: `${match.callee}() runs SQL text that comes from ${describeSource(source.label, false)}; never accept SQL from clients: pick from fixed queries and pass values as parameters.`,
  });
  return true;
}

/**
 * Parameters whose names say a client picks them: a list API's `sort`/`order_by`/`filter`, a search `where` clause.
 * Library code that splices them in as a column or clause is the shape of most ORDER BY injection advisories; other
 * parameters in those positions (a table the code names, a schema) are the program's own identifiers.
 */
const clientShapedParameter = /^parameter (sort(_?by|_?dir|_?order|_?field|_?column|_?key)?|order(_?by|ing)?|direction|\w*_column|column|columns|field|fields|where(_?clause)?|conditions?|filters?|filter_?by|criteria|search)$/i;

function judgeHole(hole: Hole, context: RuleContext): Flagged | undefined {
  if (isNumericFormat(hole.spec) || isPlaceholderValue(hole.value, context)) return undefined;
  const origin = holeOrigin(hole, hazard, context);
  if (!origin) return undefined;
  const position = sqlPosition(hole);
  if (origin.kind === 'input') return { hole, origin, position };
  if (origin.kind === 'parameter') return position === 'quoted' || position === 'value' || clientShapedParameter.test(origin.source?.label ?? '') ? { hole, origin, position } : undefined;
  return position === 'quoted' ? { hole, origin, position } : undefined;
}

/** `", ".join(["%s"] * len(ids))` inline or through a local name: placeholders, not data. */
function isPlaceholderValue(node: SyntaxNode, context: RuleContext, depth = 0): boolean {
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    if (callee?.type !== 'attribute' || callee.childForFieldName('attribute')?.text !== 'join') return false;
    const args = node.childForFieldName('arguments');
    const iterable = args?.type === 'argument_list' ? args.namedChildren[0] : args;
    return !!iterable && isPlaceholderList(iterable);
  }
  if (node.type === 'identifier' && depth < 2) {
    const { bindings } = resolveName(node.text, node, context);
    return bindings.length > 0 && bindings.every((b) => b.value && isPlaceholderValue(b.value, context, depth + 1));
  }
  return false;
}

function messageFor(worst: Flagged, callee: string, built: readonly BuiltString[]): string {
  const how = built.map((b) => b.kind).find((k) => k !== 'literal') ?? 'formatting';
  const verb = how === 'f-string' ? 'an f-string' : how === 'percent' ? '% formatting' : how === 'format' ? 'str.format' : how === 'join' ? 'join' : 'concatenation';
  const alternative = worst.position === 'identifier' || worst.position === 'clause'
    ? 'map the input to an allow-listed name or fixed fragment, and pass values as query parameters'
    : `pass the values as query parameters (${parameterHint(callee)})`;
  if (worst.origin.kind === 'unknown') {
    return `${callee}() runs SQL with a value quoted into it by ${verb}, so a quote in the value rewrites the query; ${alternative} instead.`;
  }
  return `${callee}() runs SQL built by ${verb} from ${describeSource(worst.origin.source?.label, worst.origin.kind === 'parameter')}, which can rewrite the query; ${alternative} instead.`;
}

function parameterHint(callee: string): string {
  const name = callee.split('.').pop() ?? callee;
  if (name === 'text') return 'text("... WHERE x = :x") with a dict of values';
  if (name === 'RawSQL') return 'RawSQL(sql, params)';
  if (name === 'extra') return 'a queryset filter, or extra(where=[...], params=[...])';
  if (name === 'raw') return 'raw(sql, params) with %s placeholders';
  return `${callee}(sql, params) with placeholders`;
}

/** The driver's placeholder, read from the file's imports: sqlite3 → '?', psycopg/MySQL drivers → '%s'. */
function placeholderStyle(context: RuleContext): '?' | '%s' | undefined {
  const modules = context.bindings.map((b) => b.module);
  const qmark = modules.some((m) => /^(sqlite3|aiosqlite|pysqlite2|pyodbc|duckdb)\b/.test(m));
  const format = modules.some((m) => /^(psycopg2|psycopg|pymysql|MySQLdb|mysql\.connector|mysql|aiomysql|pgdb|django\.db)\b/.test(m));
  if (qmark === format) return undefined;
  return qmark ? '?' : '%s';
}

/**
 * `cursor.execute(f"... WHERE name = '{name}'")` → `cursor.execute("... WHERE name = ?", (name,))`, for queries whose
 * every inserted value is a plain value (quoted or not) and whose text has no `%` or braces the rewrite would disturb.
 */
function parameterFix(match: SinkMatch, built: BuiltString, context: RuleContext): Fix | undefined {
  const args = match.call.childForFieldName('arguments');
  if (positionalArguments(args).length !== 1 || keywordArgument(args, 'params') || keywordArgument(args, 'parameters')) return undefined;
  if (match.spec.callee !== '.execute' && match.spec.callee !== '.executemany' && match.spec.callee !== '.read_sql' && match.spec.callee !== '.read_sql_query') return undefined;
  if (!match.argument.equals(built.node) || !built.holes.length) return undefined;
  const placeholder = placeholderStyle(context);
  if (!placeholder) return undefined;
  const delimiters = literalDelimiters(built.node);
  if (!delimiters) return undefined;
  const pieces = built.text.split(holeMark);
  if (pieces.some((p) => /[{}]/.test(p) || (placeholder === '%s' && p.includes('%')) || /\\$/.test(p))) return undefined;
  let text = pieces[0];
  for (let i = 0; i < built.holes.length; i++) {
    const hole = built.holes[i];
    const position = sqlPosition(hole);
    if ((hole.spec && hole.spec !== 's') || (position !== 'quoted' && position !== 'value')) return undefined;
    let after = pieces[i + 1];
    if (position === 'quoted') {
      // The value must fill the whole quoted literal: '...{x}...' stays a pattern the rewrite cannot express.
      if (!/['"]$/.test(text) || after[0] !== text[text.length - 1]) return undefined;
      text = text.slice(0, -1);
      after = after.slice(1);
    }
    text += placeholder + after;
  }
  const values = built.holes.map((h) => h.value.text);
  const params = values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`;
  return {
    title: 'Pass the values as query parameters',
    edits: [{ range: context.rangeOf(built.node), newText: `${delimiters.open}${text}${delimiters.close}, ${params}` }],
    preservesBehaviour: true,
  };
}

/** The quotes of the literal(s) a built string came from, when they agree and carry no raw or bytes prefix. */
function literalDelimiters(node: SyntaxNode): { open: string; close: string } | undefined {
  const literals: SyntaxNode[] = [];
  // Only the literals that make up the text: operands of `+` and implicit concatenation, never the inserted values.
  const collect = (n: SyntaxNode): void => {
    if (n.type === 'string') literals.push(n);
    else if (n.type === 'concatenated_string' || n.type === 'parenthesized_expression') for (const c of n.namedChildren) { if (c) collect(c); }
    else if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '+') {
      for (const side of [n.childForFieldName('left'), n.childForFieldName('right')]) if (side) collect(side);
    }
  };
  const template = node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '%' ? node.childForFieldName('left') : node.type === 'call' ? node.childForFieldName('function')?.childForFieldName('object') : node;
  if (!template) return undefined;
  collect(template);
  if (!literals.length) return undefined;
  const opens = literals.map((l) => l.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '');
  const quote = opens[0].replace(/^[a-zA-Z]*/, '');
  if (opens.some((o) => o.replace(/^[a-zA-Z]*/, '') !== quote || /[rRbBuU]/.test(o.replace(/["']+$/, '')))) return undefined;
  return { open: quote, close: quote };
}
