// Owns module-level bindings: which local names come from which imported modules, per language family.
import type { LanguageFamily, ModuleBinding, SyntaxNode } from '../../rules/api';

/** Collects imports and requires at module level. Their text is part of every unit's cache key. */
export function collectBindings(root: SyntaxNode, family: LanguageFamily): { bindings: ModuleBinding[]; key: string } {
  const bindings: ModuleBinding[] = [];
  const keyParts: string[] = [];
  for (const statement of root.namedChildren) {
    if (!statement) continue;
    const before = bindings.length;
    if (family === 'python') collectPython(statement, bindings);
    else collectJavaScript(statement, bindings);
    if (bindings.length !== before) keyParts.push(statement.text);
  }
  return { bindings, key: keyParts.join('\n') };
}

export function normalizeModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

function collectJavaScript(statement: SyntaxNode, out: ModuleBinding[]): void {
  if (statement.type === 'import_statement') {
    const source = stringValue(statement.childForFieldName('source'));
    if (source === undefined) return;
    const module = normalizeModule(source);
    const clause = statement.namedChildren.find((c) => c?.type === 'import_clause');
    for (const part of clause?.namedChildren ?? []) {
      if (!part) continue;
      if (part.type === 'identifier') out.push({ local: part.text, module });
      else if (part.type === 'namespace_import') {
        const name = part.namedChildren.find((c) => c?.type === 'identifier');
        if (name) out.push({ local: name.text, module });
      } else if (part.type === 'named_imports') {
        for (const spec of part.namedChildren) {
          if (spec?.type !== 'import_specifier') continue;
          const imported = spec.childForFieldName('name')?.text;
          const alias = spec.childForFieldName('alias')?.text;
          if (imported) out.push({ local: alias ?? imported, module, imported });
        }
      }
    }
    return;
  }
  if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
    for (const declarator of statement.namedChildren) {
      if (declarator?.type !== 'variable_declarator') continue;
      const value = declarator.childForFieldName('value');
      const target = declarator.childForFieldName('name');
      if (!value || !target) continue;
      const required = requiredModule(value);
      if (!required) continue;
      if (target.type === 'identifier') out.push({ local: target.text, module: required.module, imported: required.member });
      else if (target.type === 'object_pattern') {
        for (const prop of target.namedChildren) {
          if (prop?.type === 'shorthand_property_identifier_pattern') out.push({ local: prop.text, module: required.module, imported: prop.text });
          else if (prop?.type === 'pair_pattern') {
            const key = prop.childForFieldName('key')?.text;
            const local = prop.childForFieldName('value');
            if (key && local?.type === 'identifier') out.push({ local: local.text, module: required.module, imported: key });
          }
        }
      }
    }
  }
}

/** `require('m')`, `require('m').x`, `await import('m')`. */
function requiredModule(value: SyntaxNode): { module: string; member?: string } | undefined {
  let node = value;
  if (node.type === 'await_expression') node = node.namedChildren[0] ?? node;
  if (node.type === 'member_expression') {
    const inner = requiredModule(node.childForFieldName('object') ?? node);
    const member = node.childForFieldName('property')?.text;
    return inner && !inner.member && member ? { module: inner.module, member } : undefined;
  }
  if (node.type !== 'call_expression') return undefined;
  const callee = node.childForFieldName('function');
  if (callee?.text !== 'require' && callee?.type !== 'import') return undefined;
  const arg = node.childForFieldName('arguments')?.namedChildren[0];
  const specifier = stringValue(arg ?? null);
  return specifier === undefined ? undefined : { module: normalizeModule(specifier) };
}

function collectPython(statement: SyntaxNode, out: ModuleBinding[]): void {
  if (statement.type === 'import_statement') {
    for (const name of statement.namedChildren) {
      if (name?.type === 'dotted_name') out.push({ local: name.text.split('.')[0], module: name.text.split('.')[0] });
      else if (name?.type === 'aliased_import') {
        const module = name.childForFieldName('name')?.text;
        const alias = name.childForFieldName('alias')?.text;
        if (module && alias) out.push({ local: alias, module });
      }
    }
  } else if (statement.type === 'import_from_statement') {
    const module = statement.childForFieldName('module_name')?.text;
    if (!module) return;
    for (const name of statement.childrenForFieldName('name')) {
      if (name?.type === 'dotted_name') out.push({ local: name.text, module, imported: name.text });
      else if (name?.type === 'aliased_import') {
        const imported = name.childForFieldName('name')?.text;
        const alias = name.childForFieldName('alias')?.text;
        if (imported && alias) out.push({ local: alias, module, imported });
      }
    }
  } else if (statement.type === 'try_statement' || statement.type === 'if_statement') {
    // `try: import x except ImportError: ...` guards are common at module level.
    for (const child of statement.namedChildren) {
      if (child?.type === 'block') for (const inner of child.namedChildren) if (inner) collectPython(inner, out);
      else if (child && /clause$/.test(child.type)) {
        for (const block of child.namedChildren) if (block?.type === 'block') for (const inner of block.namedChildren) if (inner) collectPython(inner, out);
      }
    }
  }
}

/** The value of a string literal node without quotes, or undefined when it is not a plain literal. */
export function stringValue(node: SyntaxNode | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') {
    const fragments = node.namedChildren.filter((c) => c && c.type !== 'string_start' && c.type !== 'string_end');
    if (fragments.some((c) => c?.type === 'interpolation')) return undefined;
    const text = node.text;
    const quote = /^[rRbBuU]*("""|'''|"|')/.exec(text);
    if (quote) return text.slice(quote[0].length, text.length - quote[1].length);
    return undefined;
  }
  if (node.type === 'template_string') {
    if (node.namedChildren.some((c) => c?.type === 'template_substitution')) return undefined;
    return node.text.slice(1, -1);
  }
  return undefined;
}
