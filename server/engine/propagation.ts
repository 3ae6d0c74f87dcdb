// Owns a finding's code shape: its rule plus the normalized text of its statement, so copies of one insecure pattern can be counted across files.
import { createHash } from 'node:crypto';
import { ownString, rememberText, type Range, type SyntaxNode } from '../../rules/api';
import type { ParsedDocument } from './document';
import type { Finding } from './findings';
import { familyOf } from './languages';

/** Statements of JavaScript/TypeScript and Python that are not named `*_statement`. */
const statementTypes = new Set([
  'lexical_declaration', 'variable_declaration', 'function_declaration', 'generator_function_declaration', 'class_declaration',
  'method_definition', 'public_field_definition', 'field_definition', 'decorated_definition', 'function_definition', 'class_definition',
]);
/** Bodies that stand for `{…}` when the finding is not inside them: a callback's body is not part of a `pool.query(…)` call's shape. */
const blockTypes = new Set(['statement_block', 'class_body', 'block']);
const numberTypes = new Set(['number', 'integer', 'float']);

/**
 * The shape key of a finding: equal for two findings of one rule whose statements read the same once identifiers,
 * literals, comments and whitespace are set aside — `crypto.createHash('md5').update(password)` and
 * `crypto.createHash('sha1').update(body)` share one. Hashed: it is compared, never shown.
 */
export function patternOf(document: ParsedDocument, finding: Finding): string {
  const statement = statementAround(document, finding.range);
  // The shape is a function of the statement's text and where in it the finding is: remembered, since an open
  // document asks again for every finding after each edit, and reading the shape walks every node of the statement.
  const key = statement ? shapeKey(document, finding, statement) : undefined;
  const known = key === undefined ? undefined : patterns.get(key);
  if (known) return known;
  const shape = statement ? normalizedShape(statement, document, finding.range) : '';
  const pattern = createHash('sha256').update(`${finding.ruleId}\0${familyOf(document.language)}\0${shape}`).digest('hex').slice(0, 24);
  if (key !== undefined) rememberText(patterns, key, pattern, 5000);
  return pattern;
}

/** Shape key → pattern, for every document (keys are copies: a slice would keep its document's text alive). */
const patterns = new Map<string, string>();

function shapeKey(document: ParsedDocument, finding: Finding, statement: SyntaxNode): string {
  const base = statement.startIndex;
  const from = document.offsetAt(finding.range.start) - base;
  const to = document.offsetAt(finding.range.end) - base;
  return ownString(`${finding.ruleId}\0${document.language}\0${from}\0${to}\0${statement.text}`);
}

/** The normalized text of a node: what `patternOf` hashes (exported for tests and for people debugging a count). */
export function normalizedShape(node: SyntaxNode, document: ParsedDocument, keep: Range): string {
  const tokens: string[] = [];
  const start = document.offsetAt(keep.start);
  const end = document.offsetAt(keep.end);
  const visit = (n: SyntaxNode): void => {
    const type = n.type;
    if (type === 'comment') return;
    if (blockTypes.has(type) && !(n.startIndex <= start && n.endIndex >= end)) {
      tokens.push('{…}');
      return;
    }
    if (type === 'identifier' || type.endsWith('_identifier') || type.endsWith('_identifier_pattern')) { tokens.push('$'); return; }
    if (numberTypes.has(type)) { tokens.push('0'); return; }
    if (type === 'regex') { tokens.push('/#/'); return; }
    if (type === 'jsx_text') { tokens.push('#'); return; }
    if (type === 'string' || type === 'template_string') {
      // A plain string is one literal; of an interpolated one only what is interpolated counts (where injection lives), not the text around it.
      const holes = n.namedChildren.filter((c): c is SyntaxNode => !!c && (c.type === 'template_substitution' || c.type === 'interpolation'));
      if (holes.length === 0) { tokens.push('"#"'); return; }
      tokens.push('"');
      for (const hole of holes) visit(hole);
      tokens.push('"');
      return;
    }
    if (n.childCount === 0) {
      const text = n.text.trim();
      if (text) tokens.push(text);
      return;
    }
    for (const child of n.children) if (child) visit(child);
  };
  visit(node);
  return tokens.join(' ');
}

/** The innermost statement holding the range (a declaration, a class member, an expression statement…), or the top-level node. */
function statementAround(document: ParsedDocument, range: Range): SyntaxNode | undefined {
  const root = document.syntax.rootNode;
  let node: SyntaxNode | null = root.descendantForIndex(document.offsetAt(range.start), Math.max(document.offsetAt(range.start), document.offsetAt(range.end) - 1));
  let topLevel: SyntaxNode | undefined;
  for (; node && node.id !== root.id; node = node.parent) {
    if (node.type.endsWith('_statement') || statementTypes.has(node.type)) return node;
    topLevel = node;
  }
  return topLevel;
}
