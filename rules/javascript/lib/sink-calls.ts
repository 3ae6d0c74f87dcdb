// Owns matching JavaScript calls to the injection sinks of rules/models/javascript-sinks.ts: callee resolution (imports, local requires, promisify) and the argument that carries the hazard.
import { defineDetector, statementFact, type Detector, type RuleContext, type SyntaxNode, type TriggerFile, type Triggers } from '../../api';
import { javascriptSinks, type SinkSpec } from '../../models/javascript-sinks';
import { literalText, unwrap } from './constant-strings';
import { lookupBinding } from './scope-bindings';

export interface SinkMatch {
  readonly spec: SinkSpec;
  readonly call: SyntaxNode;
  /** The expression carrying the hazard. */
  readonly value: SyntaxNode;
  /** How the callee reads, for messages: `child_process.exec`, `db.query`. */
  readonly label: string;
}

interface SinkIndex {
  readonly byName: ReadonlyMap<string, readonly SinkSpec[]>;
  /** Lower-cased sink names, to spot aliases like `execAsync` cheaply. */
  readonly names: readonly string[];
  /** Some sink name followed by a call: a call whose text lacks it cannot be a sink (no syntax-tree access needed). */
  readonly mention: RegExp;
  /** Modules whose default export is a sink (`cross-spawn`, `axios`, `got`): imported under any local name. */
  readonly defaultModules: ReadonlySet<string>;
}

/** TypeScript type arguments between a callee and its call (`pool.query<User>(…)`), one level of nesting deep, and an optional call (`?.(`). */
const typeArguments = String.raw`(?:<[^<>()]*(?:<[^<>()]*>[^<>()]*)*>\s*)?(?:\?\.\s*)?`;

const defaultLocalsCache = new WeakMap<object, Map<SinkIndex, RegExp | undefined>>();

/** `import run from 'cross-spawn'`: a pattern for calls through the file's local names of default-exported sinks. */
function defaultLocals(context: RuleContext, index: SinkIndex): RegExp | undefined {
  if (index.defaultModules.size === 0) return undefined;
  let perIndex = defaultLocalsCache.get(context.bindings);
  if (!perIndex) {
    perIndex = new Map();
    defaultLocalsCache.set(context.bindings, perIndex);
  }
  if (perIndex.has(index)) return perIndex.get(index);
  const locals = context.bindings.filter((b) => !b.imported && index.defaultModules.has(b.module)).map((b) => b.local.replace(/\$/g, '\\$'));
  const pattern = locals.length ? new RegExp(`^(?:new\\s+)?(?:${locals.join('|')})\\s*${typeArguments}[(.]`) : undefined;
  perIndex.set(index, pattern);
  return pattern;
}

const indexes = new Map<string, SinkIndex>();

function indexOf(hazard: string): SinkIndex {
  let index = indexes.get(hazard);
  if (index) return index;
  const byName = new Map<string, SinkSpec[]>();
  const add = (name: string, spec: SinkSpec): void => {
    const list = byName.get(name) ?? [];
    list.push(spec);
    byName.set(name, list);
  };
  for (const spec of javascriptSinks[hazard] ?? []) {
    if (spec.callee.startsWith('.')) add(spec.callee.slice(1), spec);
    else if (spec.callee.includes('.')) add(spec.callee.split('.').pop()!, spec);
    else {
      // A global (`fetch`) by its name; a default export (`cross-spawn`, `axios`) may be imported under any name: '*'.
      add(spec.callee, spec);
      add('*', spec);
    }
  }
  const keys = [...byName.keys()].filter((n) => n !== '*');
  const alternatives = keys.map((n) => n.replace(/[$.*+?^(){}|[\]\\-]/g, '\\$&')).join('|');
  index = {
    byName,
    names: keys.filter((n) => n.length >= 4).map((n) => n.toLowerCase()),
    // Aliases (`execAsync`, `readFilePromise`) contain a sink name, hence no word boundary after the name.
    mention: new RegExp(`(?:^|[^\\w$])(?:${alternatives})[\\w$]*\\s*${typeArguments}[(\`]`, 'i'),
    defaultModules: new Set((byName.get('*') ?? []).map((spec) => spec.callee)),
  };
  indexes.set(hazard, index);
  return index;
}

/**
 * How a sink name can be reached: as a method on any receiver (or a module's, when the file names the module), as a
 * global or default export (called bare or on `window`), or as a method of receivers like the spec's.
 */
interface NameReach {
  anywhere: boolean;
  global: boolean;
  readonly receivers: string[];
  readonly heads: Set<string>;
}

/** Whitespace and comments, which may separate a receiver from `.method`. */
const gap = String.raw`(?:\s|\/\/[^\n]*|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/)*`;

const escapeRegExp = (text: string): string => text.replace(/[$.*+?^(){}|[\]\\/-]/g, '\\$&');

/** A pattern every text matching `pattern` contains: its `^` and `$` anchors dropped (undefined when case-insensitive). */
function unanchored(pattern: RegExp): string | undefined {
  if (pattern.flags.includes('i')) return undefined;
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.source.length; i++) {
    const c = pattern.source[i];
    if (c === '\\') {
      out += c + (pattern.source[++i] ?? '');
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '^' || c === '$') continue;
    out += c;
  }
  return out;
}

/** The first name of every module chain a sink table calls (`child_process`, `fs`, `next/navigation`). */
const moduleHeads = new Set(Object.values(javascriptSinks).flat().filter((s) => !s.callee.startsWith('.') && s.callee.includes('.')).map((s) => s.callee.split('.')[0]));
/** Any head as a word; one that starts with a letter after a word boundary, faster than a lookbehind (`$fs` counting is harmless). */
const headPattern = ((): RegExp => {
  const letters = [...moduleHeads].filter((h) => /^[A-Za-z]/.test(h)).map(escapeRegExp);
  const others = [...moduleHeads].filter((h) => !/^[A-Za-z]/.test(h)).map(escapeRegExp);
  const parts = [...(letters.length ? [`\\b(?:${letters.join('|')})`] : []), ...(others.length ? [`(?<![\\w$])(?:${others.join('|')})`] : [])];
  return new RegExp(`(?:${parts.join('|')})(?![\\w$])`, 'g');
})();
/** Each analysis's answer, by its statements (every sink rule asks). */
const mentionedIn = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * The module heads a file mentions as a word: a call resolves to `child_process.exec` only through an import or require
 * of 'child_process' (or `fs-extra`, `node:fs`, `mz/fs` for fs), or an unbound `child_process` identifier, all of which
 * spell it. Escapes could hide one, so a file with `\x`/`\u` escapes mentions every head.
 */
function headsMentioned(file: TriggerFile): ReadonlySet<string> {
  const known = file.statements ? mentionedIn.get(file.statements) : undefined;
  if (known) return known;
  const heads = new Set<string>();
  for (const found of statementHeads(file)) for (const head of found) heads.add(head);
  if (file.statements) mentionedIn.set(file.statements, heads);
  return heads;
}

/** The heads one statement mentions (every head when it has escapes). */
const statementHeads = statementFact((text): readonly string[] => (/\\[xu]/.test(text) ? [...moduleHeads] : [...new Set(text.match(headPattern))]));

/**
 * Triggers for a rule whose findings come from `matchSinks` on these hazards (and `extra`, case-sensitive), built per file. A call
 * matches only when its callee's last name is a sink's: a method on any receiver (`.query`), on receivers like the
 * spec's (`db.get`, not `router.get`), a global (`fetch`), or a module's (`node-cmd.get`, only in files that name that
 * module); or a promisified alias of a global's or module's (`execAsync`); or the callee is the file's local name for a
 * default-exported sink (`import run from 'cross-spawn'`), which may be anything.
 */
/**
 * The detector of a hazard whose whole work is the first sink of that hazard each call matches: `check` judges it.
 * Triggers come from the hazard's sinks.
 */
export function firstSinkDetector(hazard: string, check: (context: RuleContext, match: SinkMatch) => void): Detector {
  return defineDetector({
    id: hazard,
    family: 'javascript',
    triggers: sinkTriggers([hazard]),
    // A sink call names its sink (or the file's local name for it) in its callee.
    anchored: 'innermost',
    create(context) {
      return {
        call_expression(node: SyntaxNode) {
          const [match] = matchSinks(context, node, hazard);
          if (match) check(context, match);
        },
      };
    },
  });
}

/** Like `firstSinkDetector`, for sinks with several hazardous arguments (`fs.rename(from, to)`): the first sink per argument position. */
export function perArgumentSinkDetector(hazard: string, check: (context: RuleContext, match: SinkMatch) => void): Detector {
  return firstSinkDetector(hazard, (context, first) => {
    const seen = new Set<string>([String(first.spec.arg)]);
    check(context, first);
    for (const match of matchSinks(context, first.call, hazard)) {
      if (seen.has(String(match.spec.arg))) continue;
      seen.add(String(match.spec.arg));
      check(context, match);
    }
  });
}

export function sinkTriggers(hazards: readonly string[], extra?: RegExp): (file: TriggerFile) => Triggers {
  const reach = new Map<string, NameReach>();
  const modules = new Set<string>();
  for (const hazard of hazards) {
    const index = indexOf(hazard);
    for (const module of index.defaultModules) modules.add(module);
    for (const spec of javascriptSinks[hazard] ?? []) {
      const name = spec.callee.split('.').pop()!;
      let entry = reach.get(name);
      if (!entry) reach.set(name, (entry = { anywhere: false, global: false, receivers: [], heads: new Set() }));
      if (spec.callee.startsWith('.')) {
        const receiver = spec.receiver && unanchored(spec.receiver);
        if (receiver) entry.receivers.push(receiver);
        else entry.anywhere = true;
      } else if (spec.callee.includes('.')) entry.heads.add(spec.callee.split('.')[0]);
      else entry.global = true;
    }
  }
  const imports = modules.size ? new RegExp(`^(?:${[...modules].map(escapeRegExp).join('|')})$`) : undefined;
  const suffixes = 'Async|Promise|Promised|P|Cb|Sync';
  const built = new Map<string, RegExp>();
  // The triggers depend on the file only through which of these heads it mentions: built once per combination.
  const heads = [...new Set([...reach.values()].flatMap((entry) => [...entry.heads]))];
  const byHeads = new Map<string, Triggers>();
  return (file) => {
    const mentioned = headsMentioned(file);
    const headsKey = heads.filter((h) => mentioned.has(h)).join(',');
    const known = byHeads.get(headsKey);
    if (known) return known;
    const anywhere: string[] = [];
    const globals: string[] = [];
    const stems: string[] = [];
    const byReceiver = new Map<string, string[]>();
    for (const [name, entry] of reach) {
      const open = entry.anywhere || [...entry.heads].some((h) => mentioned.has(h));
      if (open) anywhere.push(name);
      else {
        if (entry.global) globals.push(name);
        for (const receiver of entry.receivers) byReceiver.set(receiver, [...(byReceiver.get(receiver) ?? []), escapeRegExp(name)]);
      }
      // `mentionsSinkName`: a promisify-style alias of a global's or module's sink, its stem compared case-insensitively.
      if ((open || entry.global) && name.length >= 4) stems.push(name);
    }
    const parts: string[] = [];
    // Names starting with a letter are found after a word boundary, far faster than behind a lookbehind.
    const letters = anywhere.filter((n) => /^[A-Za-z]/.test(n)).map(escapeRegExp);
    const others = anywhere.filter((n) => !/^[A-Za-z]/.test(n)).map(escapeRegExp);
    if (letters.length) parts.push(`\\b(?:${letters.join('|')})(?![\\w$])`);
    if (others.length) parts.push(`(?<![\\w$])(?:${others.join('|')})(?![\\w$])`);
    // A global (`fetch`) or default export resolves only when called bare or on the global object, not as `res.send`.
    if (globals.length) {
      const names = globals.map(escapeRegExp).join('|');
      // A word boundary, then no `.` or `$` before the name (checked behind it): scanning stays fast.
      parts.push(`\\b(?:${names})(?![\\w$])(?<![.$](?:${names}))|(?:window|globalThis|global|self)${gap}\\??\\.${gap}(?:${names})(?![\\w$])`);
    }
    // The alias read forwards from its stem: tried after a word boundary, not at every `P`, `Sync` or `Cb` of the file.
    const caseless = (names: string[]): string => names.map((n) => escapeRegExp(n).replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`)).join('|');
    const letterStems = stems.filter((n) => /^[A-Za-z]/.test(n));
    const otherStems = stems.filter((n) => !/^[A-Za-z]/.test(n));
    if (letterStems.length) parts.push(`\\b(?<!\\$)(?:${caseless(letterStems)})(?:${suffixes})(?![\\w$])`);
    if (otherStems.length) parts.push(`(?<![\\w$])(?:${caseless(otherStems)})(?:${suffixes})(?![\\w$])`);
    // A method that only sinks on some receivers: the receiver's text comes right before `.name`, maybe with comments
    // between. The name is matched first and the receiver looked for behind it, which is far cheaper than the reverse.
    for (const [receiver, names] of byReceiver) {
      const alternatives = names.join('|');
      parts.push(`(?:${alternatives})(?![\\w$])(?<=(?:${receiver})${gap}\\??\\.${gap}(?:${alternatives}))`);
    }
    if (extra) parts.push(extra.source);
    const key = parts.join('\n');
    let text = built.get(key);
    if (!text) built.set(key, (text = parts.length ? new RegExp(parts.join('|')) : /(?!)/));
    const triggers = imports ? { text, imports } : { text };
    byHeads.set(headsKey, triggers);
    return triggers;
  };
}

/** The name a callee ends in: `exec` for `cp.exec`, `fetch` for `fetch`. */
export function lastNameOf(callee: SyntaxNode): string | undefined {
  const node = unwrap(callee);
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'member_expression') return node.childForFieldName('property')?.text;
  return undefined;
}

export interface CallShape {
  readonly callee?: SyntaxNode;
  readonly name?: string;
  readonly head?: string;
  readonly receiverText?: string;
  /** Resolved lazily, once per call whatever the number of rules asking. */
  resolved?: string | null;
}

/** Call shapes are shared by every rule asking about the same call in the same tree. */
const shapesByTree = new WeakMap<object, Map<number, CallShape>>();

/** The callee, its last name and receiver of a call or `new`, computed once per call for all rules. */
export function shapeOf(call: SyntaxNode): CallShape {
  const tree = call.tree;
  let map = shapesByTree.get(tree);
  if (!map) {
    map = new Map();
    shapesByTree.set(tree, map);
  }
  // Node ids are unique per tree (chained calls share a start, not an id) and free to read.
  const key = call.id;
  let shape = map.get(key);
  if (shape) return shape;
  const callee = unwrap(call.childForFieldName('function') ?? call.childForFieldName('constructor'));
  if (callee?.type === 'identifier') shape = { callee, name: callee.text, head: callee.text };
  else if (callee?.type === 'member_expression') {
    const receiver = unwrap(callee.childForFieldName('object'));
    shape = { callee, name: callee.childForFieldName('property')?.text, head: receiver ? headIdentifier(receiver) : undefined, receiverText: receiver?.text };
  } else shape = {};
  map.set(key, shape);
  return shape;
}

/** Sinks of `hazard` this call or `new` expression matches, each with the argument that carries the hazard. */
export function matchSinks(context: RuleContext, call: SyntaxNode, hazard: string): SinkMatch[] {
  const index = indexOf(hazard);
  const text = calleeText(call);
  if (!index.mention.test(text) && !defaultLocals(context, index)?.test(text)) return [];
  const shape = shapeOf(call);
  const { callee, name, head, receiverText } = shape;
  if (!callee || !name) return [];
  const named = index.byName.get(name) ?? [];
  const imported = !!head && context.bindings.some((b) => b.local === head);
  const defaults = imported ? index.byName.get('*') ?? [] : [];
  if (named.length === 0 && defaults.length === 0 && !(mentionsSinkName(index, name) && aliasCandidate(callee))) return [];
  if (shape.resolved === undefined) shape.resolved = resolveTarget(context, callee) ?? null;
  const resolved = shape.resolved ?? undefined;
  const candidates = resolved ? [...(index.byName.get(resolved.split('.').pop()!) ?? []), ...named, ...defaults] : named;
  const out: SinkMatch[] = [];
  const seen = new Set<SinkSpec>();
  for (const spec of candidates) {
    if (seen.has(spec)) continue;
    seen.add(spec);
    if (spec.callee.startsWith('.')) {
      if (name !== spec.callee.slice(1) || receiverText === undefined) continue;
      if (spec.receiver && !spec.receiver.test(receiverText)) continue;
      if (spec.notReceiver?.test(receiverText)) continue;
      // A resolved import that is some other module's method is not this generic sink (`path.join`, not a db).
      if (resolved && isModuleChain(resolved) && !spec.receiver) continue;
    } else if (resolved !== spec.callee) continue;
    const value = valueOf(call, spec);
    if (value) out.push({ spec, call, value, label: resolved ?? (unwrap(callee)?.text ?? callee.text) });
  }
  return out;
}

const calleeTexts = new WeakMap<SyntaxNode, string>();

/**
 * A call's text up to and including the opening of its arguments (`db.query<Row>(`, `` sql` ``): what the name tests
 * read. The whole call's text would hold every call nested in its arguments, read again for each of them and each hazard.
 */
function calleeText(call: SyntaxNode): string {
  let text = calleeTexts.get(call);
  if (text === undefined) {
    const args = call.childForFieldName('arguments');
    text = args ? call.text.slice(0, args.startIndex - call.startIndex + 1) : call.text;
    calleeTexts.set(call, text);
  }
  return text;
}

/** `execAsync`, `execP`, `readFilePromise`: a sink name with a promisify-style suffix. */
function mentionsSinkName(index: SinkIndex, name: string): boolean {
  const match = /^(.{4,}?)(Async|Promise|Promised|P|Cb|Sync)$/.exec(name);
  return !!match && index.names.includes(match[1].toLowerCase());
}

function headIdentifier(callee: SyntaxNode): string | undefined {
  let node = unwrap(callee);
  while (node?.type === 'member_expression') node = unwrap(node.childForFieldName('object'));
  return node?.type === 'identifier' ? node.text : undefined;
}

function isModuleChain(resolved: string): boolean {
  return /^(path|url|util|querystring|crypto|os|events|assert|lodash|underscore|ramda|moment|dayjs|date-fns|chalk|fs|child_process)\b/.test(resolved);
}

/** A callee that is a locally declared name (`const run = promisify(exec)`), which may alias a sink. */
function aliasCandidate(callee: SyntaxNode): boolean {
  const node = unwrap(callee);
  if (node?.type !== 'identifier') return false;
  const binding = lookupBinding(node);
  const value = unwrap(binding?.value);
  return !!value && (value.type === 'call_expression' || value.type === 'member_expression' || value.type === 'await_expression');
}

/**
 * The module chain a callee refers to: `cp.exec` → 'child_process.exec' through imports and module-level requires
 * (the engine's resolveCallee), requires inside functions, `promisify(exec)` wrappers; a global (`fetch`, `RegExp`) by its name.
 */
export function resolveTarget(context: RuleContext, callee: SyntaxNode, depth = 0): string | undefined {
  const node = unwrap(callee);
  if (!node || depth > 4) return undefined;
  const fromEngine = context.resolveCallee(node);
  if (fromEngine) return normalizeChain(fromEngine);
  if (node.type === 'member_expression') {
    const object = unwrap(node.childForFieldName('object'));
    const property = node.childForFieldName('property')?.text;
    if (!object || !property) return undefined;
    if (object.type === 'identifier' && /^(window|globalThis|global|self)$/.test(object.text) && !lookupBinding(object)) return property;
    const head = resolveTarget(context, object, depth + 1);
    return head ? `${head}.${property}` : undefined;
  }
  if (node.type === 'call_expression') {
    const fn = node.childForFieldName('function');
    const arg = node.childForFieldName('arguments')?.namedChildren[0];
    if (fn?.text === 'require' && arg) {
      const module = literalText(arg);
      return module ? normalizeChain(module.replace(/^node:/, '')) : undefined;
    }
    return undefined;
  }
  if (node.type !== 'identifier') return undefined;
  const binding = lookupBinding(node);
  if (!binding) return context.bindings.some((b) => b.local === node.text) ? undefined : node.text;
  const declarator = binding.declarator;
  if (!declarator) return undefined;
  const value = unwrap(declarator.childForFieldName('value'));
  const target = declarator.childForFieldName('name');
  if (!value || !target) return undefined;
  const inner = value.type === 'await_expression' ? unwrap(value.namedChildren[0]) : value;
  if (!inner) return undefined;
  let base: string | undefined;
  if (inner.type === 'call_expression' && /^(util\.)?promisify$|^require\(['"]util['"]\)\.promisify$/.test(inner.childForFieldName('function')?.text ?? '')) {
    const wrapped = inner.childForFieldName('arguments')?.namedChildren[0];
    base = wrapped ? resolveTarget(context, wrapped, depth + 1) : undefined;
  } else if (inner.type === 'call_expression' || inner.type === 'member_expression') {
    base = resolveTarget(context, inner, depth + 1);
  } else if (inner.type === 'identifier' && inner.text !== node.text) {
    base = resolveTarget(context, inner, depth + 1);
  }
  if (!base) return undefined;
  if (target.type === 'identifier') return base;
  if (target.type === 'object_pattern') {
    for (const prop of target.namedChildren) {
      if (prop?.type === 'shorthand_property_identifier_pattern' && prop.text === node.text) return `${base}.${prop.text}`;
      if (prop?.type === 'pair_pattern' && prop.childForFieldName('value')?.text === node.text) return `${base}.${prop.childForFieldName('key')?.text}`;
    }
  }
  return undefined;
}

/** `fs/promises`, `fs-extra`, `graceful-fs` read as `fs`; `lodash/template` as `lodash.template`. */
function normalizeChain(chain: string): string {
  return chain
    .replace(/^(fs-extra|graceful-fs|mz\/fs|fs-extra\/esm)(?=\.|$)/, 'fs')
    .replace(/^fs\/promises(?=\.|$)/, 'fs.promises')
    .replace(/^fs\.promises\.default(?=\.|$)/, 'fs.promises')
    .replace(/^(lodash|lodash-es)\/(\w+)/, 'lodash.$2')
    .replace(/^lodash-es(?=\.|$)/, 'lodash')
    .replace(/^fs\.default(?=\.|$)/, 'fs');
}

/** The arguments of a call, without comments. */
export function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  // A tagged template (`sql\`…\``) has the template itself as its arguments.
  if (args.type === 'template_string') return [];
  return args.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment');
}

function valueOf(call: SyntaxNode, spec: SinkSpec): SyntaxNode | undefined {
  const args = argumentsOf(call);
  const arg = spec.arg === 'last' ? args[args.length - 1] : args[spec.arg];
  if (!arg) return undefined;
  if (!spec.property) return arg;
  return propertyValue(arg, spec.property);
}

/** The value of `key` in an object literal, following a local `const options = {…}`. */
export function propertyValue(node: SyntaxNode, key: string): SyntaxNode | undefined {
  let object = unwrap(node);
  if (object?.type === 'identifier') {
    const binding = lookupBinding(object);
    object = binding?.kind === 'const' ? unwrap(binding.value) : undefined;
  }
  if (object?.type !== 'object') return undefined;
  for (const pair of object.namedChildren) {
    if (pair?.type === 'pair') {
      const k = pair.childForFieldName('key');
      const name = k?.type === 'property_identifier' ? k.text : literalText(k);
      if (name === key) return pair.childForFieldName('value') ?? undefined;
    } else if (pair?.type === 'shorthand_property_identifier' && pair.text === key) return pair;
  }
  return undefined;
}

/** Whether some options argument turns on `shell` (anything but a literal false). */
export function usesShell(call: SyntaxNode): boolean {
  for (const arg of argumentsOf(call)) {
    const value = propertyValue(arg, 'shell');
    if (value && !/^(false|undefined|null|0|'')$/.test(value.text)) return true;
  }
  return false;
}
