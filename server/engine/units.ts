// Owns the unit of analysis: a file splits into top-level statements, with class members as units of their own.
import type { LanguageFamily, SyntaxNode } from '../../rules/api';

export interface Unit {
  readonly node: SyntaxNode;
  /** Text outside the unit that rules may read through ancestors (a class header); part of the cache key. */
  readonly context: string;
  /** Child nodes analysed as units of their own, skipped when walking this one. Keys from `nodeKey`. */
  readonly skip: ReadonlySet<string>;
}

export function nodeKey(node: { startIndex: number; endIndex: number; type: string }): string {
  return `${node.startIndex}:${node.endIndex}:${node.type}`;
}

const jsClassTypes = new Set(['class_declaration', 'abstract_class_declaration', 'class']);

/** Splits a tree into units. Each top-level statement is one, except classes, whose members are units too. */
export function splitUnits(root: SyntaxNode, family: LanguageFamily): Unit[] {
  const units: Unit[] = [];
  for (const statement of root.namedChildren) {
    if (!statement || statement.type === 'comment') continue;
    const classNode = family === 'python' ? pythonClass(statement) : jsClass(statement);
    const body = classNode?.childForFieldName('body');
    if (!classNode || !body) {
      units.push({ node: statement, context: '', skip: new Set() });
      continue;
    }
    const header = classNode.text.slice(0, body.startIndex - classNode.startIndex);
    const skip = new Set<string>();
    for (const member of body.namedChildren) {
      if (!member || member.type === 'comment' || !isMember(member, family)) continue;
      skip.add(nodeKey(member));
      units.push({ node: member, context: header, skip: new Set() });
    }
    units.push({ node: statement, context: '', skip });
  }
  return units;
}

function jsClass(statement: SyntaxNode): SyntaxNode | undefined {
  if (jsClassTypes.has(statement.type)) return statement;
  if (statement.type === 'export_statement') {
    const declaration = statement.childForFieldName('declaration');
    if (declaration && jsClassTypes.has(declaration.type)) return declaration;
  }
  return undefined;
}

function pythonClass(statement: SyntaxNode): SyntaxNode | undefined {
  if (statement.type === 'class_definition') return statement;
  if (statement.type === 'decorated_definition') {
    const definition = statement.childForFieldName('definition');
    if (definition?.type === 'class_definition') return definition;
  }
  return undefined;
}

function isMember(member: SyntaxNode, family: LanguageFamily): boolean {
  if (family === 'python') return member.type === 'function_definition' || member.type === 'decorated_definition';
  return member.type !== 'decorator';
}
