// sql-injection for JavaScript/TypeScript: SQL text built from non-constant parts reaching a driver, query builder or ORM raw query.
import { type Fix, type RuleContext, type SyntaxNode } from '../api';
import { unwrap } from './lib/constant-strings';
import { constantTextOf, piecesOf, type Piece } from './lib/built-strings';
import { allValidated, assessValue, enclosingFunction, onePerLine, sameNode, shorten, sinkLabel } from './lib/injection-assessment';
import { argumentsOf, firstSinkDetector, propertyValue, type SinkMatch } from './lib/sink-calls';
import { sqlParameterFix } from './lib/sql-parameter-fix';
import { withHelperFlows } from './lib/helper-flows';
import { sqlFragment } from '../models/javascript-sinks';

const hazard = 'sql-injection';
/** Placeholders of the common drivers: `?`, `$1`, `:name`, `@name`. */
const placeholders = /\?|\$\d+|(^|[\s(,=])[:@][a-zA-Z_]\w*/;
const valuesName = /^(params|parameters|values|args|bindings|binds|replacements|vals|data|inputs?)$/i;

/** Also a query helper of the file (`function run(sql) { return pool.query(sql) }`) called with SQL built from request data. */
export default withHelperFlows(firstSinkDetector(hazard, check), {
  hazard,
  accepts: (match, leaf) => sameNode(unwrap(match.value), leaf),
  message: (source, argument, sink) => `${argument} (from ${source}) becomes the SQL text of ${sink.helper}(), which runs it through ${sinkLabel(sink.match)}; pass the value as a bound parameter (a placeholder plus a values array) instead of splicing it into the query.`,
});

function check(context: RuleContext, match: SinkMatch): void {
  let value = match.value;
  // `connection.query({ sql, values })`, `client.query({ text, values })`
  const object = unwrap(value);
  if (object?.type === 'object') {
    const text = propertyValue(object, 'sql') ?? propertyValue(object, 'text') ?? propertyValue(object, 'query');
    if (!text) return;
    value = text;
  }
  if (context.isTestCode(match.call)) return;
  // The text check first: it needs no data flow, and most `.get`/`.all`/`.where` calls fail it.
  const pieces = piecesOf(value);
  const text = constantTextOf(pieces);
  if (match.spec.looksLike === sqlFragment) {
    if (!pieces.some((p) => p.node && sqlFragment.test(textBefore(pieces, p.node)))) return;
  } else if (match.spec.looksLike && !match.spec.looksLike.test(text)) return;
  const assessment = assessValue(context, value, hazard, pieces);
  const { risky } = assessment;
  if (match.spec.looksLike === sqlFragment && !risky.some((part) => sqlFragment.test(textBefore(pieces, part)))) return;
  const parameterized = !!match.spec.parameterizedBy && placeholders.test(text) && passesValues(match);
  const label = sinkLabel(match);
  // Built only for a finding: most sinks are parameterised or constant.
  let fixed: { fix?: Fix } | undefined;
  const fix = (): Fix | undefined => (fixed ??= { fix: sqlParameterFix(context, match, hazard) }).fix;
  const tainted = risky.map((part) => ({ part, source: context.taint.sourceOf(part, hazard) })).filter((t) => t.source);
  if (tainted.length === 0 && assessment.source && !assessment.built) tainted.push({ part: value, source: assessment.source });
  if (tainted.length > 0) {
    for (const { part, source } of onePerLine(tainted)) {
      context.report({
        node: reportNode(part, value, match.call),
        confidence: 'high',
        message: `SQL built from ${source!.label} reaches ${label}; pass the value as a bound parameter (a placeholder plus a values array) instead of splicing it into the query.`,
        fix: fix(),
      });
    }
    return;
  }
  // Without a source, identifiers and SQL fragments composed by name (`${tableName}`, `${whereClause}`) are the query
  // builder's business; values spliced into quotes or comparisons are not.
  // Schema statements (ALTER, CREATE, PRAGMA…) are built from the application's own metadata.
  if (ddl.test(text)) return;
  const suspicious = risky.filter((part) => !composesSql(pieces, part));
  if (!assessment.built || suspicious.length === 0 || parameterized || allValidated(suspicious, match.call)) return;
  for (const { part } of onePerLine(suspicious.map((part) => ({ part })))) {
    context.report({
      node: reportNode(part, value, match.call),
      confidence: 'medium',
      message: `SQL built from ${shorten(part.text)} reaches ${label}, so quotes or SQL in that value change the query; pass it as a bound parameter (a placeholder plus a values array).`,
      fix: fix(),
    });
  }
}

const identifierName = /(^|[._])(table|tableName|tbl|schema|schemaName|column|columnName|columns|col|cols|database|dbName|index|indexName|constraint\w*|view|viewName|alias|wrapped\w*|quoted\w*|identifier|sequence\w*|collation|type|columnType|dataType)$/i;
const ddl = /^\s*(alter|create|drop|truncate|pragma|comment\s+on|grant|revoke|rename|analyze|vacuum|reindex|attach|detach)\b/i;
const fragmentName = /(^|[._])(sql|query|subQuery|subquery|clause|\w*Clause|where\w*|join\w*|select\w*|fields|columns|conditions?|fragment|statement|expression|values?Sql)$/i;

/** An identifier by name (`tableName`), or an unquoted SQL fragment by name (`${whereClause}`): composition, not data. */
function composesSql(pieces: readonly Piece[], part: SyntaxNode): boolean {
  // `ids.join(',')` is named by what is joined; `this.quoteTable(t)` by the function.
  const callee = part.type === 'call_expression' ? part.childForFieldName('function') : undefined;
  const name = callee?.type === 'member_expression' && /^(join|map|trim|replace|toString)$/.test(callee.childForFieldName('property')?.text ?? '')
    ? callee.childForFieldName('object')?.text ?? ''
    : callee ? callee.text : part.text;
  if (identifierName.test(name)) return true;
  const before = textBefore(pieces, part);
  return fragmentName.test(name.replace(/\.(trim|replace)\(.*$/, '')) && !/['"%]\s*$/.test(before);
}

/** The constant text right before a dynamic part: `name = '` for `"name = '" + name`. */
function textBefore(pieces: readonly Piece[], part: SyntaxNode): string {
  let text = '';
  for (const piece of pieces) {
    if (piece.node && sameNode(piece.node, part)) return text;
    text = piece.text !== undefined ? text + piece.text : '';
  }
  return text;
}

/** A values argument after the query: an array, `{ replacements }`/`{ bind }`, or a variable named like one. */
function passesValues(match: SinkMatch): boolean {
  const args = argumentsOf(match.call);
  const index = args.findIndex((a) => sameNode(a, match.value));
  const next = unwrap(args[index + 1] ?? (unwrap(args[0])?.type === 'object' ? args[0] : undefined));
  if (!next) return false;
  if (next.type === 'array') return true;
  if (next.type === 'object') return /\b(replacements|bind|values|params|parameters)\b/.test(next.text);
  if (next.type === 'identifier') return valuesName.test(next.text);
  return next.type !== 'arrow_function' && next.type !== 'function_expression';
}

function reportNode(part: SyntaxNode | undefined, value: SyntaxNode, call: SyntaxNode): SyntaxNode {
  const fn = enclosingFunction(call);
  if (part && sameNode(enclosingFunction(part), fn)) return part;
  return value;
}
