// insecure-temp-file for Python: tempfile.mktemp, and files or directories opened at predictable names in /tmp, /var/tmp or /dev/shm.
import { defineDetector, type RuleContext, type SyntaxNode } from '../api';
import { fileMentions } from './lib/file-text';
import { resolveCallee, resolveName } from './lib/scope';
import { calleeLastName, callTriggers, keywordArgument, positionalArguments } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

const sharedDirectory = /^(\/tmp|\/var\/tmp|\/dev\/shm)(\/|$)/;
/** A name with a random part cannot be guessed in advance, even in a shared directory. */
const randomPart = /uuid4|uuid1|token_hex|token_urlsafe|token_bytes|urandom|randbits|mkdtemp|mkstemp|NamedTemporaryFile|TemporaryDirectory/;
/** Calls whose argument `index` (or keyword) is a path they create, open or write. */
const pathSinks: Record<string, { index: number; keyword?: string; resolved?: RegExp }> = {
  open: { index: 0, keyword: 'file', resolved: /^(open|io\.open|codecs\.open|os\.open)$/ },
  makedirs: { index: 0, keyword: 'name', resolved: /^os\.makedirs$/ },
  mkdir: { index: 0, keyword: 'path', resolved: /^os\.mkdir$/ },
  copy: { index: 1, keyword: 'dst', resolved: /^shutil\.copy$/ },
  copy2: { index: 1, keyword: 'dst', resolved: /^shutil\.copy2$/ },
  copyfile: { index: 1, keyword: 'dst', resolved: /^shutil\.copyfile$/ },
  move: { index: 1, keyword: 'dst', resolved: /^shutil\.move$/ },
  FileHandler: { index: 0, keyword: 'filename', resolved: /^logging\.(handlers\.)?\w*FileHandler$/ },
  RotatingFileHandler: { index: 0, keyword: 'filename', resolved: /^logging\.handlers\.RotatingFileHandler$/ },
  connect: { index: 0, keyword: 'database', resolved: /^sqlite3\.connect$/ },
  save: { index: 0, keyword: 'dst' }, // an upload's FileStorage.save(path), Image.save(path)
  urlretrieve: { index: 1, keyword: 'filename', resolved: /^urllib\.request\.urlretrieve$/ },
};
/** pathlib methods that create or write the file the receiver names. */
const pathMethods = new Set(['write_text', 'write_bytes', 'touch', 'mkdir', 'open']);

export default defineDetector({
  id: 'insecure-temp-file',
  family: 'python',
  triggers: callTriggers(['mktemp', ...Object.keys(pathSinks), ...pathMethods]),
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context);
        if (!last || (last !== 'mktemp' && !pathSinks[last] && !pathMethods.has(last))) return;
        const callee = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        if (!callee || args?.type !== 'argument_list') return;
        if (last === 'mktemp') {
          if (resolveCallee(callee, context) !== 'tempfile.mktemp') return;
          // A Windows pipe name, or a name inside a directory the caller chose (often its own mkdtemp()), is not a shared-/tmp race.
          const prefix = (keywordArgument(args, 'prefix') ?? positionalArguments(args)[1])?.text ?? '';
          const dir = keywordArgument(args, 'dir') ?? positionalArguments(args)[2];
          if (/\\pipe\\/i.test(prefix) || (dir && !sharedTempPath(dir, context, 0) && !isTempDirectory(dir, context))) return;
          context.report({ node, confidence: 'high', message: 'tempfile.mktemp() only returns a name, and another local user can create a file or symlink there before this process opens it; use tempfile.mkstemp(), NamedTemporaryFile() or mkdtemp(), which create it atomically.' });
          return;
        }
        // Fixed names in a shared directory need one of these somewhere in the file (a module constant, or this call).
        if (last !== 'mktemp' && !fileMentions(node, sharedDirectoryText)) return;
        const sink = pathSinks[last];
        if (sink) {
          const resolved = resolveCallee(callee, context) ?? (callee.type === 'identifier' ? callee.text : undefined);
          const matches = sink.resolved ? !!resolved && sink.resolved.test(resolved) : callee.type === 'attribute';
          if (matches) {
            const path = positionalArguments(args)[sink.index] ?? (sink.keyword ? keywordArgument(args, sink.keyword) : undefined);
            // O_EXCL refuses an existing file or symlink, which is what makes a fixed name safe to create.
            if (!path || (resolved === 'os.open' && /O_EXCL/.test(args.text))) return;
            const literal = sharedTempPath(path, context, 0);
            if (literal) report(context, node, literal);
            return;
          }
        }
        if (pathMethods.has(last) && callee.type === 'attribute') {
          const receiver = callee.childForFieldName('object');
          const literal = receiver ? pathObject(receiver, context, 0) : undefined;
          if (literal) report(context, node, literal);
        }
      },
    };
  },
});

/** A shared temporary directory named anywhere in the file: one text search per tree instead of resolving every path. */
const sharedDirectoryText = /\/tmp\b|\/var\/tmp|\/dev\/shm|gettempdir|tempfile\.tempdir/;

function report(context: RuleContext, node: SyntaxNode, path: string): void {
  context.report({
    node,
    message: `"${shorten(path)}" is a predictable name in a directory every local user can write, so another user can create it first or plant a symlink there and read or redirect what this writes; use tempfile.mkstemp(), NamedTemporaryFile() or mkdtemp() instead.`,
  });
}

/** `"/tmp/"` → /tmp, `tempfile.gettempdir()` as written: the directory part of a path in a message. */
function directoryText(node: SyntaxNode): string {
  return literalText(node)?.replace(/\/+$/, '') ?? node.text;
}

/** The shared-directory path an expression always names with no random part, as text for messages; else undefined. */
function sharedTempPath(node: SyntaxNode, context: RuleContext, depth: number): string | undefined {
  if (depth > 4 || randomPart.test(node.text)) return undefined;
  switch (node.type) {
    case 'string': {
      const text = literalText(node, { holes: true });
      return text !== undefined && sharedDirectory.test(text) && text.length > 5 && !/^\/(tmp|var\/tmp|dev\/shm)\/?$/.test(text) ? text.replaceAll('\u0000', '{…}') : undefined;
    }
    case 'concatenated_string':
      return sharedTempPath(node.namedChildren[0]!, context, depth + 1);
    case 'binary_operator': {
      // "/tmp/" + name, tempfile.gettempdir() + "/x", Path("/tmp") / "x"
      const left = node.childForFieldName('left');
      if (!left) return undefined;
      if (isTempDirectory(left, context)) return `${directoryText(left)}/…`;
      return sharedTempPath(left, context, depth + 1) ?? pathObject(left, context, depth + 1);
    }
    case 'call': {
      const callee = node.childForFieldName('function');
      const resolved = callee ? resolveCallee(callee, context) : undefined;
      const args = positionalArguments(node.childForFieldName('arguments'));
      if ((resolved === 'os.path.join' || resolved === 'posixpath.join' || /^(pathlib\.)?(Pure)?(Posix)?Path$/.test(resolved ?? '')) && args.length >= 2) {
        if (isTempDirectory(args[0], context)) return `${directoryText(args[0])}/${args.slice(1).map((a) => literalText(a) ?? '…').join('/')}`;
        return sharedTempPath(args[0], context, depth + 1);
      }
      if (/^(pathlib\.)?(Pure)?(Posix)?Path$/.test(resolved ?? '') && args.length === 1) return sharedTempPath(args[0], context, depth + 1);
      return undefined;
    }
    case 'identifier': {
      const { bindings } = resolveName(node.text, node, context);
      if (bindings.length === 0 || bindings.some((b) => b.kind !== 'assignment' || !b.value)) return undefined;
      const paths = bindings.map((b) => sharedTempPath(b.value!, context, depth + 1));
      return paths.every((p) => p !== undefined) ? paths[0] : undefined;
    }
    case 'parenthesized_expression':
      return sharedTempPath(node.namedChildren[0]!, context, depth + 1);
    default:
      return undefined;
  }
}

/** The receiver of write_text/open/mkdir: a Path(...) of a shared-directory path, or a name bound to one. */
function pathObject(node: SyntaxNode, context: RuleContext, depth: number): string | undefined {
  if (node.type === 'call' || node.type === 'binary_operator' || node.type === 'identifier' || node.type === 'parenthesized_expression') {
    if (node.type === 'call') {
      const resolved = resolveCallee(node.childForFieldName('function')!, context);
      if (!/^(pathlib\.)?(Pure)?(Posix)?Path$/.test(resolved ?? '')) return undefined;
    }
    return sharedTempPath(node, context, depth);
  }
  return undefined;
}

/** "/tmp", "/var/tmp", tempfile.gettempdir(), tempfile.tempdir, Path("/tmp"): the shared directory itself. */
function isTempDirectory(node: SyntaxNode, context: RuleContext): boolean {
  const text = literalText(node);
  if (text !== undefined) return /^\/(tmp|var\/tmp|dev\/shm)\/?$/.test(text);
  if (node.type === 'attribute') return resolveCallee(node, context) === 'tempfile.tempdir';
  if (node.type !== 'call') return false;
  const resolved = resolveCallee(node.childForFieldName('function')!, context) ?? '';
  if (resolved === 'tempfile.gettempdir') return true;
  // Path("/tmp"), Path(tempfile.gettempdir())
  const args = positionalArguments(node.childForFieldName('arguments'));
  return /^(pathlib\.)?(Pure)?(Posix)?Path$/.test(resolved) && args.length === 1 && isTempDirectory(args[0], context);
}

function shorten(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}
