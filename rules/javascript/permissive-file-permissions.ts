// permissive-file-permissions for JavaScript/TypeScript: chmod/mkdir/writeFile/open modes that let every local user write a file (or read a key), umask(0), and chmod 777 in shell commands.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { callArgumentsOf, callPartsOf } from './lib/call-parts';
import { constantString, literalText, unwrap } from './lib/constant-strings';
import { constantNumber, objectLiteralOf, parseNumber, propertyOf } from './lib/object-keys';
import { resolveTarget } from './lib/sink-calls';
import { nameOf, wordsOf } from './lib/name-words';
import { sensitiveKindOf } from './lib/sensitive-names';
import { enclosingFunction, enclosingNames } from './lib/surrounding-names';

/** fs functions and where their mode goes: an argument index, or the `mode` property of the options argument at that index. */
const shellCalls = /^(exec|execSync|spawn|spawnSync|execa|execaCommand|\$)$/;
const modeSlots: ReadonlyMap<string, { readonly arg: number; readonly options?: boolean }> = new Map(Object.entries({
  chmod: { arg: 1 }, chmodSync: { arg: 1 }, fchmod: { arg: 1 }, fchmodSync: { arg: 1 }, lchmod: { arg: 1 }, lchmodSync: { arg: 1 },
  mkdir: { arg: 1, options: true }, mkdirSync: { arg: 1, options: true }, ensureDir: { arg: 1, options: true }, ensureDirSync: { arg: 1, options: true },
  writeFile: { arg: 2, options: true }, writeFileSync: { arg: 2, options: true }, appendFile: { arg: 2, options: true }, appendFileSync: { arg: 2, options: true },
  open: { arg: 2 }, openSync: { arg: 2 }, createWriteStream: { arg: 1, options: true }, outputFile: { arg: 2, options: true }, outputFileSync: { arg: 2, options: true },
}));
/** Paths whose contents must stay private to the owner. */
const secretPath = /\.(pem|key|p12|pfx|jks|keystore|env)\b|id_(rsa|ed25519|ecdsa|dsa)|credential|secret|token|private|\.ssh|\.aws|\.npmrc|\.netrc|\.pgpass|kubeconfig|service[-_]?account|\bkey_?(path|file)\b|\bpem\b/i;
const shellChmod = /\bchmod\s+(?:-[A-Za-z]+\s+)*(?:(0?[0-7]?[0-7]{3})|([ugoa]*[+=][rwxXst]*w[rwxXst]*))\b/;

export default defineDetector({
  id: 'permissive-file-permissions',
  family: 'javascript',
  triggers: /umask|exec|spawn|(?<![\w$])\$(?![\w$])|chmod|mkdir|ensureDir|writeFile|appendFile|\bopen(?:Sync)?\b|createWriteStream|outputFile/,
  anchored: true,
  create(context) {
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name } = callPartsOf(node);
        if (!callee || !name || !(name === 'umask' || shellCalls.test(name) || modeSlots.has(name))) return;
        const args = callArgumentsOf(node);
        if (name === 'umask') return checkUmask(node, callee, args, context);
        if (shellCalls.test(name)) return checkShell(node, args, context);
        const slot = modeSlots.get(name)!;
        const target = resolveTarget(context, callee);
        // shelljs: `shell.chmod('777', dir)`, `shell.chmod('-R', 777, dir)`
        if (name === 'chmod' && (target?.startsWith('shelljs') || /^(shell|shelljs|sh)$/.test(unwrap(callee.childForFieldName('object'))?.text ?? ''))) return checkShelljs(node, args, context);
        if (!target || !/^fs\.(promises\.)?\w+$/.test(target)) return;
        let modeNode: SyntaxNode | undefined = args[slot.arg];
        // No mode at all (absent, an encoding string, options without `mode`): the file gets 0o666 minus the umask.
        let defaultMode = !modeNode;
        if (slot.options && modeNode) {
          const options = objectLiteralOf(modeNode);
          if (options) modeNode = propertyOf(options, 'mode');
          else if (unwrap(modeNode)?.type === 'string' && !/^(chmod)/.test(name)) modeNode = undefined; // an encoding or flag string
          defaultMode = !modeNode;
        }
        if (!modeNode) {
          if (defaultMode && defaultModeWriters.test(name)) checkDefaultMode(node, args, name, context);
          return;
        }
        const mode = modeOf(modeNode);
        if (mode === undefined) return;
        // What is written, and the function writing it, also say it is a key: `writeCredentials(file, json)`, `writeFile(p, privateKeyPem)`.
        const data = /^(write|append|output)/.test(name) ? unwrap(args[1]) : undefined;
        const names = [enclosingNames(node)[0], data?.type === 'identifier' || data?.type === 'member_expression' ? nameOf(data) : undefined];
        const secret = (!!args[0] && secretPath.test(args[0].text)) || names.some((n) => !!n && !!sensitiveKindOf(n));
        checkMode(node, modeNode, mode, secret, name, context);
      },
    };
  },
});

/** A numeric mode: `0o777`, `0777`, `511`, `'755'`, `parseInt('777', 8)`. */
function modeOf(node: SyntaxNode): number | undefined {
  const value = unwrap(node);
  if (!value) return undefined;
  if (value.type === 'string') {
    const text = literalText(value) ?? '';
    return /^(0o?)?[0-7]{3,4}$/.test(text) ? parseInt(text.replace(/^0o/, ''), 8) : undefined;
  }
  if (value.type === 'call_expression' && /^(parseInt|Number\.parseInt)$/.test(value.childForFieldName('function')?.text ?? '')) {
    const [text, radix] = value.childForFieldName('arguments')?.namedChildren ?? [];
    return constantString(text) && radix?.text === '8' ? parseInt(constantString(text)!, 8) : undefined;
  }
  if (value.type === 'number') return parseNumber(value.text);
  return constantNumber(value);
}

const defaultModeWriters = /^(writeFile|writeFileSync|outputFile|outputFileSync|createWriteStream)$/;
/** File names that hold keys and credentials, inside a path's string parts. */
const secretFileName = /(credentials?|secrets?|auth)\.json\b|\.(pem|key|p12|pfx|jks|keystore)['"`]|id_(rsa|ed25519|ecdsa|dsa)\b|\.npmrc|\.netrc|\.pgpass|kubeconfig/i;

/** Whether a name says it holds or leads to a key or credentials: `credentialsPath`, `privateKeyPem`, `tokenFile`, `secrets`. */
function namesSecret(name: string | undefined): boolean {
  if (!name) return false;
  const words = wordsOf(name);
  while (words.length > 1 && /^(path|file|filename|location|dest|destination|pem|json|data|content|contents|text|str|string|buffer|buf|der)$/.test(words[words.length - 1])) words.pop();
  const last = words[words.length - 1];
  const previous = words[words.length - 2];
  if (/^(credentials?|creds|secrets?|passwords?|keyfile|keystore|keychain)$/.test(last)) return true;
  if (last === 'key' || last === 'keys') return !!previous && /^(private|secret|signing|api|ssh)$/.test(previous);
  // A bare `tokens` is as often a lexer's or a design system's: only credential tokens count.
  return (last === 'token' || last === 'tokens') && !!previous && /^(access|refresh|auth|api|bearer|id|oauth|session|github|npm|personal)$/.test(previous);
}

/**
 * `fs.writeFileSync(path.join(dir, 'credentials.json'), json)`: a key or credential file written with the default mode
 * (0o666 minus the umask, usually 0o644), so every local user can read it. Quiet when the function sets a mode with chmod.
 */
function checkDefaultMode(call: SyntaxNode, args: SyntaxNode[], name: string, context: RuleContext): void {
  const [pathNode, data] = args;
  if (!pathNode) return;
  const dataValue = unwrap(data);
  const secret = secretFileName.test(pathNode.text)
    || namesSecret(unwrap(pathNode)?.type === 'identifier' || unwrap(pathNode)?.type === 'member_expression' ? nameOf(unwrap(pathNode)) : undefined)
    || namesSecret(dataValue?.type === 'identifier' || dataValue?.type === 'member_expression' ? nameOf(dataValue) : undefined)
    || !!sensitiveKindOf(enclosingNames(call)[0] ?? '');
  if (!secret || context.isTestCode(call)) return;
  const fn = enclosingFunction(call);
  if (fn && /chmod|umask/.test(fn.text)) return;
  const end = args.length === 2 && /^(writeFile|writeFileSync|outputFile|outputFileSync)$/.test(name) ? context.rangeOf(args[1]).end : undefined;
  context.report({
    node: pathNode,
    message: `This key or credential file is written with the default mode (0o666 minus the umask, usually 0o644), so every user on the machine can read it; pass { mode: 0o600 }.`,
    ...(end ? { fix: { title: 'Create the file readable by its owner only (mode 0o600; other users lose read access)', edits: [{ range: { start: end, end }, newText: ', { mode: 0o600 }' }], preservesBehaviour: false } } : {}),
  });
}

function checkMode(call: SyntaxNode, modeNode: SyntaxNode, mode: number, secret: boolean, fn: string, context: RuleContext): void {
  const sticky = (mode & 0o1000) !== 0;
  const worldWritable = (mode & 0o002) !== 0 && !sticky;
  const exposedSecret = secret && (mode & 0o044) !== 0;
  if ((!worldWritable && !exposedSecret) || context.isTestCode(call)) return;
  const octal = `0o${(mode & 0o7777).toString(8)}`;
  const directory = /^(mkdir|ensureDir)/.test(fn);
  const safe = exposedSecret ? (directory ? 0o700 : 0o600) : mode & ~0o022;
  context.report({
    node: modeNode,
    message: exposedSecret
      ? `Mode ${octal} lets other users on the machine ${worldWritable ? 'change' : 'read'} this key or credential file; use 0o600 (0o700 for a directory).`
      : `Mode ${octal} makes this ${directory ? 'directory' : 'file'} writable by every user on the machine, so any local process can replace its contents${directory ? ' or plant files in it' : ''}; use 0o${safe.toString(8)} or tighter.`,
    fix: modeFix(modeNode, safe, context),
  });
}

function modeFix(node: SyntaxNode, safe: number, context: RuleContext, octalDigits = false): Fix | undefined {
  const value = unwrap(node);
  if (!value || (value.type !== 'number' && value.type !== 'string')) return undefined;
  const text = value.type === 'string' ? `${value.text[0]}${safe.toString(8)}${value.text[0]}` : octalDigits ? safe.toString(8) : `0o${safe.toString(8)}`;
  return { title: `Use mode ${value.type === 'string' ? safe.toString(8) : text} (other users lose the access this grants them)`, edits: [{ range: context.rangeOf(value), newText: text }], preservesBehaviour: false };
}

function checkUmask(call: SyntaxNode, callee: SyntaxNode, args: SyntaxNode[], context: RuleContext): void {
  if (!/^process\.umask$/.test(callee.text.replace(/\s/g, '')) || !args[0]) return;
  const mask = modeOf(args[0]);
  if (mask === undefined || (mask & 0o002) !== 0 || context.isTestCode(call)) return;
  context.report({ node: call, message: `umask(0o${mask.toString(8).padStart(3, '0')}) makes every file and directory this process creates world-writable by default; keep the usual 0o022 (or 0o077 for private data).` });
}

function checkShell(call: SyntaxNode, args: SyntaxNode[], context: RuleContext): void {
  const command = args[0];
  if (!command) return;
  const text = command.type === 'template_string' ? command.namedChildren.map((c) => (c?.type === 'template_substitution' ? ' x ' : c?.text ?? '')).join('') : constantString(command) ?? (unwrap(command)?.type === 'binary_expression' ? literalText(leftmost(command)) : undefined);
  if (!text) return;
  const match = shellChmod.exec(text);
  if (!match) return;
  const mode = match[1] ? parseInt(match[1], 8) : undefined;
  const symbolic = match[2];
  const worldWritable = mode !== undefined ? (mode & 0o002) !== 0 && (mode & 0o1000) === 0 : /^[oa]*[+=]|^[+=]/.test(symbolic ?? '') && /a|o|^[+=]/.test(symbolic ?? '');
  if (!worldWritable || context.isTestCode(call)) return;
  context.report({ node: command, message: `'${match[0]}' makes the target writable by every user on the machine, so any local process can replace it; grant only the owner (chmod 755 or 644, 700/600 for private data).` });
}

function checkShelljs(call: SyntaxNode, args: SyntaxNode[], context: RuleContext): void {
  // shelljs reads a number's digits as octal: `chmod(777, …)` means 0o777.
  const shellMode = (a: SyntaxNode): number | undefined => (/^[0-7]{3,4}$/.test(a.text) ? parseInt(a.text, 8) : modeOf(a));
  const modeNode = args.find((a) => shellMode(a) !== undefined);
  const mode = modeNode ? shellMode(modeNode) : undefined;
  if (!modeNode || mode === undefined || (mode & 0o002) === 0 || context.isTestCode(call)) return;
  context.report({ node: modeNode, message: `Mode ${mode.toString(8)} makes the target writable by every user on the machine; use ${(mode & ~0o022).toString(8)} or tighter.`, fix: modeFix(modeNode, mode & ~0o022, context, true) });
}

function leftmost(node: SyntaxNode): SyntaxNode {
  let n: SyntaxNode = unwrap(node) ?? node;
  while (n.type === 'binary_expression') n = unwrap(n.childForFieldName('left')) ?? n;
  return n;
}
