// Owns module-level bindings: which local names come from which imported modules, per language family.
import { createHash } from 'node:crypto';
import { ownString, rememberText, statementMemo, type LanguageFamily, type ModuleBinding, type SyntaxNode } from '../../rules/api';

export interface StatementBindings {
  readonly bindings: readonly ModuleBinding[];
  /** What of this statement goes into every unit's cache key (its text when it binds names rules may read). */
  readonly keyPart?: string;
  /**
   * The module-level names the statement declares (not imports), when it declares some: its `keyPart` then goes only
   * into the keys of units that mention one of them (see `ModuleNames`).
   */
  readonly names?: readonly string[];
}

/** A module-level declaration that is not an import: the names it declares and what of it goes into a cache key. */
export interface ModuleName {
  readonly names: readonly string[];
  readonly keyPart: string;
}

/** Statement text that can bind a module: an import, or a declaration that requires or imports one. */
const mayBind: Record<LanguageFamily, RegExp> = {
  javascript: /^(?:import\b|(?:const|let|var)\b[^]*\b(?:require|import)\b)/,
  python: /^(?:import|from|try|if)\b/,
};

/**
 * Collects imports and requires at module level; their text is part of every unit's cache key. With `texts` (the
 * statements' texts, an array the analysis shares with its other per-statement readers), a statement's contribution
 * is remembered by its text (a pure function of it), so an edit elsewhere re-reads nothing. Without `keyed` (no cache
 * to key), only the bindings are wanted: statements whose text cannot bind are not read.
 */
export function collectBindings(
  statements: readonly SyntaxNode[], family: LanguageFamily, texts?: readonly string[], keyed = true,
): { bindings: ModuleBinding[]; key: string; moduleNames: ModuleName[] } {
  const bindings: ModuleBinding[] = [];
  const keyParts: string[] = [];
  const moduleNames: ModuleName[] = [];
  if (!keyed) {
    statements.forEach((statement, i) => {
      if (texts && !mayBind[family].test(texts[i])) return;
      if (family === 'python') collectPython(statement, bindings);
      else collectJavaScript(statement, bindings);
    });
    return { bindings, key: '', moduleNames };
  }
  const facts = statements.map((statement, i) => (texts ? bindingFacts[family](texts, i, () => ownedBindings(statement, family)) : statementBindings(statement, family)));
  for (const fact of facts) {
    bindings.push(...fact.bindings);
    if (fact.keyPart === undefined) continue;
    if (fact.names?.length) moduleNames.push({ names: fact.names, keyPart: fact.keyPart });
    else keyParts.push(fact.keyPart);
  }
  return { bindings, key: keyParts.join('\n'), moduleNames };
}

/** A statement's bindings, remembered by its text, per family. */
const bindingFacts: Record<LanguageFamily, ReturnType<typeof statementMemo<StatementBindings>>> = {
  javascript: statementMemo<StatementBindings>(),
  python: statementMemo<StatementBindings>(),
};

/** Copies, not slices: the memo outlives the document, and a slice would keep that version's whole text alive. */
function ownedBindings(statement: SyntaxNode, family: LanguageFamily): StatementBindings {
  return JSON.parse(JSON.stringify(statementBindings(statement, family))) as StatementBindings;
}

const word = /[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*/g;
/** Text → the words in it, shared by every document (a pure function of the text). */
const wordsMemo = new Map<string, readonly string[]>();

function wordsOf(text: string): readonly string[] {
  let words = wordsMemo.get(text);
  if (!words) {
    const own = ownString(text);
    rememberText(wordsMemo, own, (words = [...new Set(own.match(word) ?? [])]));
  }
  return words;
}



/**
 * A file's module-level declarations by name, for unit cache keys: a unit's analysis can read a declaration outside it
 * only through a name it mentions (an identifier rules look up), or a name such a declaration's keyed text mentions
 * (`const ALGO = PREFIX + 'md5'`). So a unit's key holds only those declarations, and an edit that adds a top-level
 * function re-analyses the units that mention its name, not every unit. A unit whose text has a `\u` escape (an
 * identifier may spell a name with one) is keyed on every declaration.
 */
export class ModuleNames {
  private readonly byName = new Map<string, number[]>();
  private all: string | undefined;
  /** What `keyOf` answered in this analysis, by its texts; the next analysis reuses what its changes cannot reach. */
  private readonly answered = new Map<string, string>();
  /** The key parts declared under each name, in file order. */
  private readonly partsByName = new Map<string, string>();
  private readonly earlier: ReadonlyMap<string, string> | undefined;
  /** Names whose declarations differ from the previous analysis's (added, removed, or keyed differently). */
  private readonly changed: ReadonlySet<string> = new Set();

  /**
   * `previous`: the same file's last analysis. Its answer for a text still holds when no changed name is among the
   * words of the text or of the answer: the answer holds the key parts of every declaration the text reaches, so a
   * change it could reach is named in one or the other.
   */
  constructor(private readonly declarations: readonly ModuleName[], previous?: ModuleNames) {
    declarations.forEach((d, i) => {
      for (const name of d.names) {
        const list = this.byName.get(name);
        if (list) list.push(i);
        else this.byName.set(name, [i]);
        const parts = this.partsByName.get(name);
        this.partsByName.set(name, parts === undefined ? d.keyPart : `${parts}\n${d.keyPart}`);
      }
    });
    if (!previous) return;
    const changed = new Set<string>();
    for (const [name, parts] of this.partsByName) if (previous.partsByName.get(name) !== parts) changed.add(name);
    for (const name of previous.partsByName.keys()) if (!this.partsByName.has(name)) changed.add(name);
    // Many changes (a paste of a whole module): checking each answer would cost about what answering again does.
    if (changed.size > 64) return;
    this.changed = changed;
    this.earlier = previous.answered;
  }

  /** The key parts of the declarations a unit with these texts (its own, its class header) may read. */
  keyOf(texts: readonly string[]): string {
    if (this.declarations.length === 0) return '';
    const asked = texts.length === 1 ? texts[0] : texts.join('\0');
    let key = this.answered.get(asked) ?? this.stillTrue(asked, texts);
    if (key === undefined) key = this.pick(texts);
    this.answered.set(asked, key);
    return key;
  }

  private stillTrue(asked: string, texts: readonly string[]): string | undefined {
    const before = this.earlier?.get(asked);
    if (before === undefined || this.changed.size === 0) return before;
    // A text with a `\u` escape is keyed on every declaration: any change reaches it.
    if (texts.some((t) => t.includes('\\u'))) return undefined;
    if (texts.some((text) => wordsOf(text).some((w) => this.changed.has(w)))) return undefined;
    // The answer's words read without the memo: answers can be long, and are not worth keeping.
    for (const match of before.matchAll(word)) if (this.changed.has(match[0])) return undefined;
    return before;
  }

  private pick(texts: readonly string[]): string {
    if (texts.some((t) => t.includes('\\u'))) return (this.all ??= this.declarations.map((d) => d.keyPart).join('\n'));
    const picked = new Set<number>();
    const pending = [...texts];
    while (pending.length) {
      for (const w of wordsOf(pending.pop()!)) {
        const found = this.byName.get(w);
        if (!found) continue;
        for (const i of found) {
          if (picked.has(i)) continue;
          picked.add(i);
          pending.push(this.declarations[i].keyPart);
        }
      }
    }
    return [...picked].sort((a, b) => a - b).map((i) => this.declarations[i].keyPart).join('\n');
  }
}

function statementBindings(statement: SyntaxNode, family: LanguageFamily): StatementBindings {
  const found: ModuleBinding[] = [];
  if (family === 'python') collectPython(statement, found);
  else collectJavaScript(statement, found);
  if (found.length) return { bindings: found, keyPart: statement.text };
  const key = family === 'python' ? pythonModuleNameKey(statement) : javascriptModuleNameKey(statement);
  return { bindings: found, ...(key ? { keyPart: key.keyPart, ...(key.names.length ? { names: key.names } : {}) } : {}) };
}

/** The identifiers in a declaration's target (`a`, `{ a, b: c }`, `self.x, y`), as names it may declare. */
function targetNames(text: string | undefined): string[] {
  return text ? [...wordsOf(text)] : [];
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

/**
 * Rules may read module-level names from other units (a constant `CODE = "..."`, a `def compile` shadowing the builtin),
 * so those bindings are part of the cache key. Only the shape of a value that cannot be a constant string is keyed
 * (`ROUTES = <dictionary>`), so typing inside a big module-level literal does not invalidate every unit.
 */
function pythonModuleNameKey(statement: SyntaxNode): { keyPart: string; names: string[] } | undefined {
  const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
  if (definition?.type === 'function_definition' || definition?.type === 'class_definition') {
    const name = definition.childForFieldName('name')?.text;
    return { keyPart: `def ${name}`, names: targetNames(name) };
  }
  const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
  if (assignment?.type !== 'assignment') return undefined;
  const value = assignment.childForFieldName('right');
  const keyedTypes = ['string', 'concatenated_string', 'binary_operator', 'parenthesized_expression', 'identifier', 'conditional_expression', 'call', 'assignment'];
  const left = assignment.childForFieldName('left')?.text;
  // A chained assignment (`a = b = 'x'`) declares every target: keyed by its whole text, so under every word in it.
  const names = value?.type === 'assignment' ? targetNames(statement.text) : targetNames(left);
  return { keyPart: value && !keyedTypes.includes(value.type) ? `${left} = <${value.type}>` : statement.text, names };
}

/**
 * JavaScript rules read module-level declarations from other units too (`const ALGORITHM = 'md5'` used in a function,
 * a file's own `md5()` helper, a local `eval`), so their bindings are part of the cache key. Values that can be a
 * constant string and small object literals (`const CONFIG = { algorithm: 'md5' }`) are keyed by their text, functions
 * (helpers whose bodies rules follow calls into) by a digest of it; anything else only by name and shape. A unit's key holds only the
 * declarations it names, so typing inside a function re-analyses the units that call it, not every unit.
 */
function javascriptModuleNameKey(statement: SyntaxNode): { keyPart: string; names: string[] } | undefined {
  const declaration = statement.type === 'export_statement' ? statement.childForFieldName('declaration') : statement;
  if (!declaration) return undefined;
  if (/^(function_declaration|generator_function_declaration)$/.test(declaration.type)) {
    // Keyed by a digest of its text: rules follow a call into the file's own helper (lib/helper-flows.ts), so a unit that
    // names the helper must be analysed again when the helper changes (only units that name it, see `ModuleNames`). A
    // digest, not the text, so that the key does not pull in every name the body mentions in turn (a bundle's call graph).
    const name = declaration.childForFieldName('name')?.text;
    return { keyPart: `${declaration.type} ${name} ${textDigest(declaration.text)}`, names: targetNames(name) };
  }
  if (/^(class_declaration|abstract_class_declaration)$/.test(declaration.type)) {
    const name = declaration.childForFieldName('name')?.text;
    return { keyPart: `${declaration.type} ${name}`, names: targetNames(name) };
  }
  if (declaration.type !== 'lexical_declaration' && declaration.type !== 'variable_declaration') return undefined;
  const keyedTypes = ['string', 'template_string', 'binary_expression', 'number', 'identifier', 'member_expression', 'parenthesized_expression', 'as_expression', 'satisfies_expression'];
  const parts: string[] = [declaration.child(0)?.type ?? ''];
  const names: string[] = [];
  for (const declarator of declaration.namedChildren) {
    if (declarator?.type !== 'variable_declarator') continue;
    const name = declarator.childForFieldName('name')?.text;
    const value = declarator.childForFieldName('value');
    const small = value?.type === 'object' && value.text.length <= 400;
    // `const run = (cmd) => exec(cmd)`: a helper, keyed by a digest of its text as function declarations are.
    const helper = value?.type === 'arrow_function' || value?.type === 'function_expression' || value?.type === 'function';
    names.push(...targetNames(name));
    parts.push(!value ? `${name}` : keyedTypes.includes(value.type) || small ? declarator.text : `${name} = <${value.type}${helper ? ` ${textDigest(value.text)}` : ''}>`);
  }
  return { keyPart: parts.join(' '), names };
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

/** A short digest of a declaration's text, for cache keys that must change with it without holding (or reading) it. */
function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('base64').slice(0, 22);
}
