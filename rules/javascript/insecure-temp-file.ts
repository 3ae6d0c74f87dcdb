// insecure-temp-file for JavaScript/TypeScript: files written, and directories made with recursive mkdir, at predictable names in the shared temporary directory (/tmp/…, os.tmpdir() + a fixed, timestamp or pid name) without exclusive creation.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { callArgumentsOf, callPartsOf } from './lib/call-parts';
import { constantString, findBinding, literalText, unwrap } from './lib/constant-strings';
import { objectLiteralOf, propertyOf } from './lib/object-keys';
import { localDefinitionOf } from './lib/local-definitions';
import { resolveTarget } from './lib/sink-calls';

/** fs calls that create or write a file at their first argument, with the index of their flags (string or `{ flag }`). */
const writers: ReadonlyMap<string, number> = new Map(Object.entries({
  writeFile: 2, writeFileSync: 2, appendFile: 2, appendFileSync: 2, createWriteStream: 1, open: 1, openSync: 1, outputFile: 2, outputFileSync: 2,
  outputJson: 2, outputJsonSync: 2, writeJson: 2, writeJsonSync: 2, copyFile: -1, copyFileSync: -1,
}));
const directoryMakers = /^(mkdir|mkdirSync|ensureDir|ensureDirSync|mkdirp|mkdirpSync|mkdirs|mkdirsSync)$/;
const sharedTmp = /^(\/tmp|\/var\/tmp|\/dev\/shm)(\/|$)/;
/** Name parts an attacker can predict: none at all, the time, the process id, a counter, Math.random. */
const predictablePart = /^(Date\.now\(\)|new Date\(\)\.(getTime|toISOString)\(\)|process\.pid|Math\.random\(\)[\w.()]*|\w*(count|counter|index|idx|seq|i|n|id|name|filename|fileName|ext|suffix|prefix)|Math\.floor\(Math\.random\(\)[^)]*\))$/;
const unpredictable = /randomBytes|randomUUID|uuid|nanoid|mkdtemp|crypto\.|tmpName|tmp\.file|tmp\.dir|createTempDir|getRandomValues/;

export default defineDetector({
  id: 'insecure-temp-file',
  family: 'javascript',
  triggers: /writeFile|appendFile|createWriteStream|\bopen(?:Sync)?\b|outputFile|outputJson|writeJson|copyFile|mkdir|ensureDir/,
  anchored: true,
  create(context) {
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name } = callPartsOf(node);
        if (name && directoryMakers.test(name)) return checkDirectory(node, callee, name, context);
        const flagIndex = name === undefined ? undefined : writers.get(name);
        if (!callee || !name || flagIndex === undefined) return;
        const target = resolveTarget(context, callee);
        if (!target || !/^fs\.(promises\.)?\w+$/.test(target)) return;
        const args = callArgumentsOf(node);
        const pathArg = name.startsWith('copyFile') ? args[1] : args[0];
        if (!pathArg || isExclusive(args[flagIndex])) return;
        const where = predictableTempPath(pathArg, 0);
        if (!where || context.isTestCode(node)) return;
        context.report({
          // Where the predictable name is made, when that is a local of this function: the line a fix changes.
          node: localDefinitionOf(pathArg) ?? pathArg,
          message: `${where[0].toUpperCase()}${where.slice(1)} is a predictable file name in the shared temporary directory, so another local user can create it first or plant a symlink there and read or redirect what this writes; create a private directory with fs.mkdtemp() and write inside it.`,
          fix: exclusiveFix(name, args, context),
        });
      },
    };
  },
});

/**
 * `fs.mkdirSync(path.join(os.tmpdir(), 'mytool-cache'), { recursive: true })`, fs-extra's `ensureDir`: a directory at a
 * predictable name in the shared temporary directory, accepted as it is when another local user created it first (with
 * their own permissions, or as a symlink). Without `recursive` mkdir fails on an existing directory instead.
 */
function checkDirectory(node: SyntaxNode, callee: SyntaxNode | undefined, name: string, context: RuleContext): void {
  if (!callee) return;
  const target = resolveTarget(context, callee);
  if (!target || !/^fs\.(promises\.)?\w+$/.test(target)) return;
  const args = callArgumentsOf(node);
  const pathArg = args[0];
  if (!pathArg) return;
  if (/^mkdir(Sync)?$/.test(name)) {
    const options = objectLiteralOf(args[1]);
    if (!options || !/^true$/.test(propertyOf(options, 'recursive')?.text ?? '')) return;
  }
  const where = predictableTempPath(pathArg, 0);
  if (!where || context.isTestCode(node)) return;
  context.report({
    node: localDefinitionOf(pathArg) ?? pathArg,
    message: `${where[0].toUpperCase()}${where.slice(1)} is a predictable directory in the shared temporary directory, and ${name}() accepts it when another local user created it first, who can then read or replace what is stored in it; create a private directory with fs.mkdtemp() (or use a per-user cache directory).`,
  });
}

/** `'wx'`, `{ flag: 'wx' }`, `fs.constants.O_EXCL`: creation fails if the file already exists. */
function isExclusive(arg: SyntaxNode | undefined): boolean {
  if (!arg) return false;
  const options = objectLiteralOf(arg);
  const flag = options ? propertyOf(options, 'flag') ?? propertyOf(options, 'flags') : arg;
  if (!flag) return false;
  return /x/.test(constantString(flag) ?? '') || /O_EXCL/.test(flag.text);
}

/** A description of the path when it sits directly in /tmp (or os.tmpdir()) under a name made only of predictable parts. */
function predictableTempPath(node: SyntaxNode, depth: number): string | undefined {
  const value = unwrap(node);
  if (!value || depth > 3) return undefined;
  if (unpredictable.test(value.text)) return undefined;
  if (value.type === 'identifier') {
    const binding = findBinding(value);
    if (!binding?.value || binding.kind === 'parameter') return undefined;
    const inner = predictableTempPath(binding.value, depth + 1);
    return inner ? `The path in '${value.text}' (${inner})` : undefined;
  }
  const constant = constantString(value);
  if (constant !== undefined) return sharedTmp.test(constant) && constant.replace(sharedTmp, '').split('/').filter(Boolean).length === 1 ? `'${constant}'` : undefined;
  // `path.join(os.tmpdir(), 'report.pdf')`, `path.join('/tmp', `${Date.now()}.png`)`
  if (value.type === 'call_expression' && /^(path\.)?(join|resolve)$/.test(value.childForFieldName('function')?.text ?? '')) {
    const parts = value.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a) ?? [];
    if (parts.length !== 2 || !isTmpBase(parts[0])) return undefined;
    return isPredictableName(parts[1]) ? describe(value) : undefined;
  }
  // `/tmp/${name}` and `os.tmpdir() + '/upload-' + Date.now()`
  if (value.type === 'template_string' || value.type === 'binary_expression') {
    const pieces = flatten(value);
    const first = pieces[0];
    if (!first) return undefined;
    const firstText = typeof first === 'string' ? first : undefined;
    const base = firstText !== undefined ? sharedTmp.test(firstText) : isTmpBase(first as SyntaxNode);
    if (!base) return undefined;
    const rest = pieces.slice(1);
    const joined = (firstText ?? '') + rest.map((p) => (typeof p === 'string' ? p : '\u0000')).join('');
    // Only one level below the shared directory: `/tmp/x/y` sits in a directory someone created.
    if (joined.replace(/^\/(tmp|var\/tmp|dev\/shm)/, '').split('/').filter(Boolean).length > 1) return undefined;
    return rest.every((p) => typeof p === 'string' || isPredictablePart(p)) ? describe(value) : undefined;
  }
  return undefined;
}

function isTmpBase(node: SyntaxNode): boolean {
  const value = unwrap(node);
  if (!value) return false;
  if (/^(os\.)?tmpdir\(\)$|^os\.tmpDir\(\)$|^process\.env\.(TMPDIR|TMP|TEMP)$/.test(value.text.replace(/\s/g, ''))) return true;
  const constant = constantString(value);
  return constant !== undefined && /^(\/tmp|\/var\/tmp|\/dev\/shm)\/?$/.test(constant);
}

function isPredictableName(node: SyntaxNode): boolean {
  const value = unwrap(node);
  if (!value) return false;
  if (constantString(value) !== undefined) return !constantString(value)!.includes('/');
  if (value.type === 'template_string' || value.type === 'binary_expression') return flatten(value).every((p) => typeof p === 'string' || isPredictablePart(p));
  return isPredictablePart(value);
}

function isPredictablePart(node: SyntaxNode): boolean {
  const text = unwrap(node)?.text.replace(/\s/g, '') ?? '';
  return predictablePart.test(text) && !unpredictable.test(text);
}

/** Constant text and dynamic parts of a template or `+` chain. */
function flatten(node: SyntaxNode): (string | SyntaxNode)[] {
  const value = unwrap(node);
  if (!value) return [];
  if (value.type === 'template_string') return value.namedChildren.map((c) => (c?.type === 'template_substitution' ? c.namedChildren[0]! : c?.text ?? ''));
  if (value.type === 'binary_expression' && value.childForFieldName('operator')?.type === '+') return [...flatten(value.childForFieldName('left')!), ...flatten(value.childForFieldName('right')!)];
  const text = literalText(value);
  return [text ?? value];
}

function describe(node: SyntaxNode): string {
  const flat = node.text.replace(/\s+/g, ' ');
  return flat.length <= 50 ? flat : 'this path';
}

/** `fs.writeFileSync(p, data)` → `fs.writeFileSync(p, data, { flag: 'wx', mode: 0o600 })`. */
function exclusiveFix(name: string, args: SyntaxNode[], context: RuleContext): Fix | undefined {
  if (!/^(writeFile|writeFileSync|appendFile|appendFileSync)$/.test(name) || args.length !== 2) return undefined;
  const end = context.rangeOf(args[1]).end;
  return {
    title: "Create the file exclusively, readable only by its owner (writing fails if the file already exists)",
    edits: [{ range: { start: end, end }, newText: `, { flag: '${name.startsWith('append') ? 'ax' : 'wx'}', mode: 0o600 }` }],
    preservesBehaviour: false,
  };
}
