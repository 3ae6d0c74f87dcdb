// Owns the unit of analysis: a file splits into top-level statements, with class members as units of their own.
import type { LanguageFamily, SyntaxNode } from '../../rules/api';

export interface Unit {
  readonly node: SyntaxNode;
  /** The unit's text, when the caller already read it. */
  readonly text?: string;
  /**
   * Text outside the unit that rules may read through ancestors (a class header); part of the cache key. A class
   * statement's members are units of their own: the analyzer hands each node to the innermost unit around it.
   */
  readonly context: string;
}

const jsClassTypes = new Set(['class_declaration', 'abstract_class_declaration', 'class']);

/** Splits a tree into units. Each top-level statement is one, except classes, whose members are units too. */
export function splitUnits(statements: readonly SyntaxNode[], family: LanguageFamily, texts?: readonly string[]): Unit[] {
  const units: Unit[] = [];
  statements.forEach((statement, i) => {
    // With the text at hand, most statements are settled without decoding their children.
    if (texts && !mayHoldClass.test(texts[i])) {
      if (!/^(\/\/|\/\*|#)/.test(texts[i])) units.push({ node: statement, context: '', text: texts[i] });
      return;
    }
    const type = statement.type;
    if (type === 'comment') return;
    const classNode = classTypes.has(type) ? (family === 'python' ? pythonClass(statement) : jsClass(statement)) : undefined;
    const body = classNode?.childForFieldName('body');
    if (!classNode || !body) {
      units.push({ node: statement, context: '', ...(texts ? { text: texts[i] } : {}) });
      return;
    }
    const header = classNode.text.slice(0, body.startIndex - classNode.startIndex);
    for (const member of body.namedChildren) {
      if (!member || member.type === 'comment' || !isMember(member, family)) continue;
      units.push({ node: member, context: header });
    }
    units.push({ node: statement, context: '', ...(texts ? { text: texts[i] } : {}) });
  });
  return units;
}

/** Top-level statement types that may hold a class (checked before touching children: reading them decodes them). */
const mayHoldClass = /^(\/\/|\/\*|#)|^(export\s+)?(default\s+)?(declare\s+)?(abstract\s+)?class\b|^@/;
const classTypes = new Set(['class_declaration', 'abstract_class_declaration', 'class', 'export_statement', 'class_definition', 'decorated_definition']);

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
