// permissive-file-permissions for Python: chmod modes that let every local user write a file (or read a key or credential), and umask(0).
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { wordsOf } from './lib/name-words';
import { resolveCallee } from './lib/scope';
import { calleeLastName, callTriggers, keywordArgument, positionalArguments } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

const statBits: Record<string, number> = {
  S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100, S_IRWXG: 0o070, S_IRGRP: 0o040, S_IWGRP: 0o020, S_IXGRP: 0o010,
  S_IRWXO: 0o007, S_IROTH: 0o004, S_IWOTH: 0o002, S_IXOTH: 0o001, S_ISUID: 0o4000, S_ISGID: 0o2000, S_ISVTX: 0o1000,
  S_IREAD: 0o400, S_IWRITE: 0o200, S_IEXEC: 0o100,
};
/** Path names that hold secrets: a mode readable by others leaks them. */
const secretPathWords = new Set(['key', 'keys', 'pem', 'secret', 'secrets', 'token', 'tokens', 'credential', 'credentials', 'creds', 'password', 'passwords', 'passwd', 'rsa', 'ssh', 'env', 'netrc', 'pgpass', 'keyfile', 'keystore', 'p12', 'pfx', 'kubeconfig']);
const secretPathText = /id_(rsa|dsa|ecdsa|ed25519)|\.pem\b|\.key\b|\.env\b|\.netrc|\.pgpass|private|credentials|secret|token/i;

export default defineDetector({
  id: 'permissive-file-permissions',
  family: 'python',
  // os.open's mode matters only when it creates the file: its flags name O_CREAT.
  triggers: callTriggers(['chmod', 'fchmod', 'lchmod', 'umask'], /O_CREAT/),
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context);
        if (last === 'open') return checkCreate(node, context);
        if (last !== 'chmod' && last !== 'fchmod' && last !== 'lchmod' && last !== 'umask') return;
        const callee = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        if (!callee || args?.type !== 'argument_list') return;
        const resolved = resolveCallee(callee, context);
        const positional = positionalArguments(args);
        if (last === 'umask') {
          if (resolved !== 'os.umask') return;
          const mask = modeBits(positional[0] ?? keywordArgument(args, 'mask'), context);
          if (!mask || mask.unknown || (mask.bits & 0o002) !== 0 || readsUmask(node)) return;
          context.report({ node, message: `os.umask(${positional[0]?.text ?? ''}) stops masking write access for other users, so every file and directory the process creates afterwards can be world-writable; keep a umask of at least 0o022 (0o077 for secrets).` });
          return;
        }
        // os.chmod(path, mode) or pathlib's path.chmod(mode).
        const moduleCall = resolved === `os.${last}`;
        if (!moduleCall && (callee.type !== 'attribute' || resolved)) return;
        const modeNode = moduleCall ? positional[1] ?? keywordArgument(args, 'mode') : positional[0] ?? keywordArgument(args, 'mode');
        const target = moduleCall ? positional[0] ?? keywordArgument(args, 'path') : callee.childForFieldName('object');
        const mode = modeBits(modeNode, context);
        if (!mode || !modeNode) return;
        const sticky = (mode.bits & 0o1000) !== 0;
        if ((mode.bits & 0o002) && !sticky && !removedNext(node, target, context)) {
          context.report({
            node,
            message: `Mode ${octal(mode.bits, mode.unknown)} lets every user on the machine modify this ${describeTarget(target)}, so any local process can plant code or data in it; grant write to the owner only (0o755 or 0o644, 0o700/0o600 for private files).`,
            fix: literalFix(context, modeNode, mode.bits & ~0o022, 'other users can no longer write it'),
          });
          return;
        }
        if ((mode.bits & 0o004) && target && holdsSecret(target)) {
          context.report({
            node,
            message: `Mode ${octal(mode.bits, mode.unknown)} lets every user on the machine read this ${describeTarget(target)}, which holds a key or credential; restrict it to the owner with 0o600.`,
            fix: literalFix(context, modeNode, 0o600, 'only the owner can read or write it'),
          });
        }
      },
    };
  },
});

/**
 * `os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)` in a function that writes a key or credential: the umask leaves
 * read access for others, so the new file leaks the secret (the fix asks for 0o600). World-writable create modes are
 * not reported here: 0o666 is what open() itself uses, and the umask trims it.
 */
function checkCreate(node: SyntaxNode, context: RuleContext): void {
  const callee = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!callee || args?.type !== 'argument_list' || resolveCallee(callee, context) !== 'os.open') return;
  const positional = positionalArguments(args);
  const flags = positional[1] ?? keywordArgument(args, 'flags');
  const modeNode = positional[2] ?? keywordArgument(args, 'mode');
  if (!flags?.text.includes('O_CREAT') || !modeNode) return;
  const mode = modeBits(modeNode, context);
  const target = positional[0] ?? keywordArgument(args, 'path');
  if (!mode || mode.unknown || !(mode.bits & 0o004) || !target) return;
  let fn: SyntaxNode | null = node.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  const fnName = fn?.childForFieldName('name')?.text ?? '';
  if (!holdsSecret(target) && !wordsOf(fnName).some((w) => secretPathWords.has(w))) return;
  context.report({
    node,
    message: `os.open() creates this file with mode ${octal(mode.bits, false)}, so (after the usual umask) every user on the machine can read the key or credential written to it; create it with 0o600.`,
    fix: literalFix(context, modeNode, 0o600, 'only the owner can read or write it'),
  });
}

const removers = /^(?:os\.(?:remove|unlink|rmdir|removedirs)|shutil\.rmtree)$/;

/**
 * `os.chmod(path, 0o777); os.remove(path)`: write access given so the file can be deleted (a read-only file on Windows)
 * protects nothing, as the statement run next removes the same path. An `if` around the chmod counts, so
 * `if is_windows: os.chmod(path, 0o777)` followed by the removal is read the same way.
 */
function removedNext(chmod: SyntaxNode, target: SyntaxNode | null | undefined, context: RuleContext): boolean {
  if (!target || chmod.parent?.type !== 'expression_statement') return false;
  let statement: SyntaxNode | null = chmod.parent;
  for (let level = 0; statement && level < 2; level++) {
    let next = statement.nextNamedSibling;
    while (next?.type === 'comment') next = next.nextNamedSibling;
    if (next) return removes(next, target, context);
    // The chmod ends an if's body: the statement after the if runs next.
    const block: SyntaxNode | null = statement.parent;
    statement = block?.type === 'block' && block.parent?.type === 'if_statement' && block.parent.childForFieldName('consequence')?.equals(block) ? block.parent : null;
  }
  return false;
}

function removes(statement: SyntaxNode, target: SyntaxNode, context: RuleContext): boolean {
  const call = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
  const callee = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  const args = call?.childForFieldName('arguments');
  if (!callee || args?.type !== 'argument_list') return false;
  const resolved = resolveCallee(callee, context);
  if (resolved && removers.test(resolved)) return positionalArguments(args)[0]?.text === target.text;
  // pathlib: `path.unlink()` on the path that was chmod-ed.
  return !resolved && callee.type === 'attribute' && /^(unlink|rmdir)$/.test(callee.childForFieldName('attribute')?.text ?? '') && callee.childForFieldName('object')?.text === target.text;
}

/** `old = os.umask(0); os.umask(old)`: the idiom for reading the current umask, restored on the next line. */
function readsUmask(call: SyntaxNode): boolean {
  const assignment = call.parent;
  const target = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
  if (target?.type !== 'identifier') return false;
  const block = assignment?.parent?.parent;
  return !!block && new RegExp(`umask\\(\\s*${target.text}\\s*\\)`).test(block.text);
}

interface Mode {
  /** Bits the expression is sure to set. */
  readonly bits: number;
  /** Part of the mode is not known (an existing mode OR-ed with constants). */
  readonly unknown: boolean;
}

/** The permission bits an expression sets: integer literals, stat constants, `|` and `+` of them; `&` masks add nothing. */
function modeBits(node: SyntaxNode | undefined | null, context: RuleContext): Mode | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'integer': {
      const text = node.text.replaceAll('_', '').toLowerCase();
      const value = text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : /^0[0-7]+$/.test(text) ? parseInt(text, 8) : parseInt(text, 10);
      return Number.isFinite(value) ? { bits: value, unknown: false } : undefined;
    }
    case 'attribute':
    case 'identifier': {
      const name = node.type === 'attribute' ? node.childForFieldName('attribute')?.text ?? '' : node.text;
      const bits = statBits[name];
      if (bits === undefined) return undefined;
      if (node.type === 'attribute' && resolveCallee(node, context) !== `stat.${name}` && resolveCallee(node, context) !== `os.${name}`) return undefined;
      if (node.type === 'identifier' && !context.bindings.some((b) => b.local === name && (b.module === 'stat' || b.module === 'os'))) return undefined;
      return { bits, unknown: false };
    }
    case 'parenthesized_expression':
      return modeBits(node.namedChildren[0], context);
    case 'binary_operator': {
      const operator = node.childForFieldName('operator')?.type;
      if (operator !== '|' && operator !== '+') return undefined;
      const left = modeBits(node.childForFieldName('left'), context);
      const right = modeBits(node.childForFieldName('right'), context);
      if (!left && !right) return undefined;
      return { bits: (left?.bits ?? 0) | (right?.bits ?? 0), unknown: !left || !right || left.unknown || right.unknown };
    }
    default:
      return undefined;
  }
}

function holdsSecret(target: SyntaxNode): boolean {
  const literal = literalText(target);
  if (literal !== undefined) return secretPathText.test(literal);
  return wordsOf(target.text).some((w) => secretPathWords.has(w));
}

function describeTarget(target: SyntaxNode | null | undefined): string {
  if (!target) return 'file';
  return /dir|folder/i.test(target.text) ? 'directory' : 'file';
}

function octal(bits: number, unknown: boolean): string {
  return unknown ? `with ${bitNames(bits)}` : `0o${bits.toString(8)}`;
}

function bitNames(bits: number): string {
  return Object.entries(statBits).filter(([name, b]) => !/^S_I(READ|WRITE|EXEC)$/.test(name) && (bits & b) === b && [0o007, 0o002, 0o004].includes(b)).map(([name]) => name).join(' | ') || `0o${bits.toString(8)}`;
}

function literalFix(context: RuleContext, mode: SyntaxNode, bits: number, what: string): Fix | undefined {
  if (mode.type !== 'integer') return undefined;
  const text = `0o${bits.toString(8)}`;
  return { title: `Use ${text} (${what})`, edits: [{ range: context.rangeOf(mode), newText: text }], preservesBehaviour: false };
}
