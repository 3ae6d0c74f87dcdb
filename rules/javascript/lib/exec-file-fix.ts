// Owns the command-injection fix: `exec(`git clone ${url}`)` → `execFile('git', ['clone', url])`, when the command line is simple enough to split without a shell.
import type { Fix, RuleContext, SyntaxNode, TextEdit } from '../../api';
import { unwrap } from './constant-strings';
import { piecesOf, sameNode, type Piece } from './built-strings';
import type { SinkMatch } from './sink-calls';

/** Characters with a meaning to the shell: a command using them needs the shell, so no fix is offered. */
const shellSyntax = /[|&;<>()$`\\*?[\]{}~!#\n]/;

export function execFileFix(context: RuleContext, match: SinkMatch, command: SyntaxNode): Fix | undefined {
  const sync = match.spec.callee === 'child_process.execSync';
  if (match.spec.callee !== 'child_process.exec' && !sync) return undefined;
  const value = unwrap(command);
  if (!value || (value.type !== 'template_string' && value.type !== 'binary_expression') || !sameNode(value, unwrap(match.value))) return undefined;
  const pieces = piecesOf(value);
  if (pieces.some((p) => p.node && (p.node.startIndex < value.startIndex || p.node.endIndex > value.endIndex))) return undefined;
  const tokens = tokenize(pieces);
  if (!tokens || tokens.length < 2) return undefined;
  const [program, ...args] = tokens;
  if (program.length !== 1 || program[0].text === undefined) return undefined;
  const callee = unwrap(match.call.childForFieldName('function'));
  if (!callee) return undefined;
  const newName = sync ? 'execFileSync' : 'execFile';
  const edits: TextEdit[] = [];
  if (callee.type === 'member_expression') {
    const property = callee.childForFieldName('property');
    if (!property) return undefined;
    edits.push({ range: context.rangeOf(property), newText: newName });
  } else if (callee.type === 'identifier') {
    edits.push({ range: context.rangeOf(callee), newText: newName });
    const importEdit = addNamedImport(context, callee, newName);
    if (importEdit === undefined) return undefined;
    if (importEdit) edits.push(importEdit);
  } else return undefined;
  const list = args.map(renderToken).join(', ');
  edits.push({ range: context.rangeOf(command), newText: `${quote(program[0].text)}, [${list}]` });
  return {
    title: `Run ${program[0].text} with ${newName} and an argument array (no shell: pipes, globs and $VARIABLES are no longer expanded)`,
    edits,
    preservesBehaviour: false,
  };
}

type Token = Piece[];

/** Splits a command line into argv words; undefined when it uses shell syntax or quotes that do not wrap a whole word. */
function tokenize(pieces: readonly Piece[]): Token[] | undefined {
  const tokens: Token[] = [];
  let current: Token = [];
  let quoteChar: string | undefined;
  const flush = (): void => {
    if (current.length) tokens.push(current);
    current = [];
  };
  for (const piece of pieces) {
    if (piece.node) {
      current.push(piece);
      continue;
    }
    let text = '';
    for (const ch of piece.text) {
      if (quoteChar) {
        if (ch === quoteChar) {
          quoteChar = undefined;
          if (text) current.push({ text });
          text = '';
        } else text += ch;
        continue;
      }
      if (ch === '"' || ch === "'") {
        if (text) current.push({ text });
        text = '';
        quoteChar = ch;
        continue;
      }
      if (shellSyntax.test(ch)) return undefined;
      if (/\s/.test(ch)) {
        if (text) current.push({ text });
        text = '';
        flush();
      } else text += ch;
    }
    if (text) current.push({ text });
  }
  if (quoteChar) return undefined;
  flush();
  return tokens;
}

function renderToken(token: Token): string {
  if (token.length === 1 && token[0].node) {
    const node = unwrap(token[0].node)!;
    // `${args.join(' ')}` was several words: spread them.
    const callee = node.type === 'call_expression' ? node.childForFieldName('function') : undefined;
    if (callee?.type === 'member_expression' && callee.childForFieldName('property')?.text === 'join') {
      return `...${callee.childForFieldName('object')?.text}`;
    }
    return node.type === 'identifier' || node.type === 'member_expression' || node.type === 'call_expression' ? node.text : `String(${node.text})`;
  }
  if (token.every((p) => p.text !== undefined)) return quote(token.map((p) => p.text).join(''));
  return `\`${token.map((p) => (p.text !== undefined ? p.text.replace(/[`\\]|\$\{/g, (m) => `\\${m}`) : `\${${p.node!.text}}`)).join('')}\``;
}

function quote(text: string): string {
  return `'${text.replace(/[\\']/g, (m) => `\\${m}`)}'`;
}

/**
 * Makes `name` available beside the imported `exec`: '' when it already is, an edit adding it to the same
 * `import { exec } from 'child_process'` or `const { exec } = require('child_process')`, undefined when neither fits.
 */
function addNamedImport(context: RuleContext, callee: SyntaxNode, name: string): TextEdit | '' | undefined {
  const binding = context.bindings.find((b) => b.local === callee.text);
  if (!binding || binding.module !== 'child_process' || binding.imported !== callee.text) return undefined;
  if (context.bindings.some((b) => b.local === name && b.module === 'child_process' && b.imported === name)) return '';
  let root = callee;
  while (root.parent) root = root.parent;
  for (const statement of root.namedChildren) {
    if (!statement || !/import_statement|lexical_declaration|variable_declaration/.test(statement.type)) continue;
    if (!/child_process/.test(statement.text)) continue;
    for (const spec of statement.descendantsOfType(['import_specifier', 'shorthand_property_identifier_pattern'])) {
      if (spec && spec.text === callee.text) return { range: context.rangeOf(spec), newText: `${spec.text}, ${name}` };
    }
  }
  return undefined;
}
