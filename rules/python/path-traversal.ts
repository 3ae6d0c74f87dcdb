// path-traversal for Python: client-controlled paths reaching open/os/shutil/send_file/FileResponse/pathlib, and tar archives extracted without a member filter.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { pythonSinks } from '../models/python-sinks';
import { builtAbove, describeSource, reportFlow } from './lib/flow-findings';
import { importedName } from './lib/import-edits';
import { isConstant } from './lib/constant-strings';
import { enclosingFunction, resolveName } from './lib/scope';
import { callTriggers, calleeLastName, calleeNames, keywordArgument, matchSinks, positionalArguments, type SinkMatch } from './lib/sink-calls';
import { inputOf, mayReadInput } from './lib/value-origins';
import { joinedParameter } from './lib/joined-paths';
import { quietInTests } from './lib/test-code';

const hazard = 'path-traversal';
const specs = pythonSinks[hazard];
const sinkNames = new Set(specs.map((s) => s.callee.replace(/^[.*]/, '').split('.').pop()!));
/** pathlib methods that read, write or delete the file their receiver names. */
const pathMethods = new Set(['read_text', 'read_bytes', 'write_text', 'write_bytes', 'unlink', 'rmdir', 'touch', 'mkdir', 'iterdir', 'rename', 'replace', 'open', 'symlink_to', 'hardlink_to']);
const tarNames = /^(tar|tarball|tf|tar_?file|tar_?obj|tar_?ref|tar_?archive)$/i;
const archiveSource = /\.(namelist|infolist)\(\)/;

export default defineDetector({
  id: hazard,
  family: 'python',
  triggers: callTriggers([...sinkNames, ...pathMethods, 'extractall', 'extract', 'unpack_archive']),
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context) ?? '';
        if (last === 'extractall' || last === 'extract') {
          checkTarExtraction(node, last, context);
          return;
        }
        if (last === 'unpack_archive') {
          checkUnpackArchive(node, context);
          return;
        }
        const isPathMethod = pathMethods.has(last) && node.childForFieldName('function')?.type === 'attribute';
        if (!sinkNames.has(last) && !isPathMethod) return;
        for (const match of matchSinks(node, specs, context)) if (checkPath(match, context)) return;
        if (isPathMethod) checkPathMethod(node, last, context);
      },
    };
  },
});

/** A file named on the command line or typed at a prompt is the user's own choice, not a traversal. */
const localUser = /^(sys\.argv|input\(|raw_input\()/;

function checkPath(match: SinkMatch, context: RuleContext): boolean {
  const source = inputOf(match.argument, hazard, context);
  if (!source) return checkJoinedParameter(match, context);
  if (localUser.test(source.label) || containedBefore(match.call, [match.argument.text])) return false;
  const fromArchive = archiveSource.test(source.label);
  reportFlow(context, {
    sink: match.call,
    holes: builtAbove(match.argument, context),
    confidence: fromArchive ? 'medium' : 'high',
    message: fromArchive
      ? `${match.callee}() writes to a path built from archive member names (\`${source.label}\`), so an entry named ../../x lands outside the target (Zip Slip); resolve each path and check it stays under the target directory, or use ZipFile.extractall.`
      : `${match.callee}() uses a file path built from ${describeSource(source.label, false)}, so ../ or an absolute path reaches files outside the intended directory; reduce it to a file name (werkzeug's secure_filename, os.path.basename) or resolve it and check it stays under the base directory.`,
    fix: pathFix(match, context),
  });
  return true;
}

/**
 * Library code that serves or deletes files by a name its caller passes: `open(os.path.join(self.root, filename))`.
 * A bare path parameter is the caller's business; one joined under the function's own base directory is the shape of
 * most path-traversal advisories in Python packages (static-file helpers, storage backends, artifact stores).
 */
function checkJoinedParameter(match: SinkMatch, context: RuleContext): boolean {
  if (match.spec.callee === '.save') return false;
  const joined = joinedParameter(match.argument, context);
  if (!joined || containedBefore(match.call, [match.argument.text, joined.name])) return false;
  reportFlow(context, {
    sink: match.call,
    holes: builtAbove(match.argument, context),
    confidence: 'medium',
    message: `${match.callee}() uses a path that joins the parameter \`${joined.name}\` under ${joined.base}, so a caller that passes on a name like ../../etc/passwd reaches files outside it; reduce the name with os.path.basename, or resolve the path and check it stays under the base directory.`,
    fix: pathFix(match, context, joined.name),
  });
  return true;
}

// Not missing-authorization's inputGuard: this asks whether a line confines a path (a bare realpath or a regex match does not).
const containmentCheck = /\.startswith\((?!\s*[rbuf]?["'][^"']*["']\s*\))|\bcommonpath\(|\bis_relative_to\(|\.relative_to\(|['"]\.\.['"]\s+(not\s+)?in\b/;

/**
 * A line before the call (in the same function) that checks the path or the name it came from for containment:
 * `if not os.path.abspath(full).startswith(root)`, `if ".." in filename: raise`. Checks on a path joined before them
 * are out of the taint engine's sight (the name was joined first), so the text decides.
 */
function containedBefore(call: SyntaxNode, names: readonly string[]): boolean {
  const fn = enclosingFunction(call);
  const words = names.filter((n) => /^[A-Za-z_]\w*$/.test(n));
  if (!fn || !words.length) return false;
  const mention = new RegExp(`\\b(${words.join('|')})\\b`);
  return fn.text.slice(0, call.startIndex - fn.startIndex).split('\n').some((line) => containmentCheck.test(line) && mention.test(line));
}

/** `(UPLOADS / name).read_text()`, `Path(request.args["f"]).unlink()`. */
function checkPathMethod(call: SyntaxNode, method: string, context: RuleContext): void {
  const receiver = call.childForFieldName('function')?.childForFieldName('object');
  if (!receiver || !looksLikePath(receiver, context)) return;
  const source = mayReadInput(call) ? inputOf(receiver, hazard, context) : undefined;
  if (!source) {
    // `(self.root / path).read_bytes()`: a file-name parameter joined under the object's own base directory.
    const joined = joinedParameter(receiver, context);
    // `self._path.joinpath(filename)` in a package-metadata reader: a base named just "path" is the object's own location.
    if (joined && !/(^|\.)_?path$/.test(joined.base)) {
      context.report({
        node: call,
        confidence: 'medium',
        message: `Path.${method}() acts on a path that joins the parameter \`${joined.name}\` under ${joined.base}, so a caller that passes on a name like ../../etc/passwd reaches files outside it; check path.resolve().is_relative_to(base) first, or reduce the name with os.path.basename.`,
      });
    }
    return;
  }
  if (localUser.test(source.label)) return;
  context.report({
    node: call,
    confidence: 'high',
    message: `Path.${method}() acts on a path built from ${describeSource(source.label, false)}, so ../ or an absolute path reaches files outside the intended directory; reduce it to a file name or check path.resolve().is_relative_to(base) first.`,
  });
}

/** A pathlib expression: `Path(...)`, `base / name`, `x.with_suffix(...)`, or a name bound to one. */
function looksLikePath(node: SyntaxNode, context: RuleContext, depth = 0): boolean {
  if (depth > 3) return false;
  if (node.type === 'parenthesized_expression') return !!node.namedChildren[0] && looksLikePath(node.namedChildren[0], context, depth + 1);
  if (node.type === 'binary_operator') return node.childForFieldName('operator')?.text === '/';
  if (node.type === 'call') {
    const last = calleeLastName(node, context) ?? '';
    return /^(Path|PurePath|PosixPath|WindowsPath|joinpath|with_suffix|with_name|resolve|absolute)$/.test(last);
  }
  if (node.type === 'identifier') {
    const { bindings } = resolveName(node.text, node, context);
    return bindings.some((b) => b.value && looksLikePath(b.value, context, depth + 1));
  }
  return false;
}

/**
 * `send_file(os.path.join(DIR, name))` → `send_from_directory(DIR, name)`; `open(os.path.join(BASE, name))` →
 * `open(os.path.join(BASE, os.path.basename(name)))`.
 */
function pathFix(match: SinkMatch, context: RuleContext, parameter?: string): Fix | undefined {
  const join = match.argument;
  if (join.type !== 'call' || !/^(os\.path|posixpath)\.join$/.test(context.resolveCallee(join.childForFieldName('function')!) ?? join.childForFieldName('function')!.text)) return undefined;
  const parts = positionalArguments(join.childForFieldName('arguments'));
  if (parts.length !== 2 || inputOf(parts[0], hazard, context)) return undefined;
  if (parameter ? parts[1].text !== parameter : !inputOf(parts[1], hazard, context)) return undefined;
  const resolved = calleeNames(match.call, context)?.resolved ?? '';
  if (/^(flask(\.helpers)?)\.send_file$/.test(resolved) && positionalArguments(match.call.childForFieldName('arguments')).length === 1) {
    const serve = importedName(match.call, context, 'flask', 'send_from_directory', 'from');
    const callee = match.call.childForFieldName('function')!;
    return {
      title: 'Serve with send_from_directory (a path that leaves the directory gets a 404)',
      edits: [
        { range: context.rangeOf(callee), newText: serve.expression },
        { range: context.rangeOf(join), newText: `${parts[0].text}, ${parts[1].text}` },
        ...serve.edits,
      ],
      preservesBehaviour: false,
    };
  }
  if (parts[1].type === 'call' && /basename|secure_filename/.test(parts[1].text)) return undefined;
  const basename = importedName(match.call, context, 'os', 'path', 'module');
  return {
    title: 'Keep only the file name with os.path.basename (sub-directories in the name are dropped)',
    edits: [{ range: context.rangeOf(parts[1]), newText: `${basename.expression}.basename(${parts[1].text})` }, ...basename.edits],
    preservesBehaviour: false,
  };
}

/** `tar.extractall(dest)` without `filter=` (or a `members=` selection): members named ../x or /etc/x, or links, escape dest. */
function checkTarExtraction(call: SyntaxNode, method: string, context: RuleContext): void {
  const callee = call.childForFieldName('function');
  const receiver = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
  const args = call.childForFieldName('arguments');
  if (!receiver || args?.type !== 'argument_list' || !isTarArchive(receiver, context)) return;
  if (keywordArgument(args, 'filter')) return;
  const members = keywordArgument(args, 'members');
  if (members && !/\.getmembers\(\)$/.test(members.text)) return;
  if (method === 'extractall' && positionalArguments(args).length >= 2 && !/\.getmembers\(\)$/.test(positionalArguments(args)[1].text)) return;
  if (context.isTestCode(call) || hasMemberCheck(call)) return;
  const closing = args.lastChild;
  const hasArgs = args.namedChildren.some((a) => a && a.type !== 'comment');
  const insertAt = closing?.type === ')' ? context.rangeOf(closing).start : undefined;
  context.report({
    node: call,
    confidence: 'high',
    message: `TarFile.${method}() without filter= writes members wherever their names and links point, so an archive entry like ../../.bashrc or /etc/cron.d/x escapes the target; pass filter="data" (Python 3.12+, backported to 3.8–3.11) or check every member's resolved path.`,
    fix: insertAt
      ? {
        title: 'Extract with filter="data" (refuses members and links that would land outside the target; needs Python 3.12+ or a 3.8–3.11 security release)',
        edits: [{ range: { start: insertAt, end: insertAt }, newText: hasArgs ? ', filter="data"' : 'filter="data"' }],
        preservesBehaviour: false,
      }
      : undefined,
  });
}

/**
 * `shutil.unpack_archive(archive, dest)` without `filter=`: a tar archive is extracted with TarFile.extractall and no
 * filter, so its members and links may land outside dest (CVE-2007-4559 in every package that unpacks downloads this way).
 */
function checkUnpackArchive(call: SyntaxNode, context: RuleContext): void {
  const resolved = calleeNames(call, context)?.resolved;
  const args = call.childForFieldName('arguments');
  if (resolved !== 'shutil.unpack_archive' || args?.type !== 'argument_list' || keywordArgument(args, 'filter')) return;
  if (context.isTestCode(call) || hasMemberCheck(call)) return;
  // Zip archives are unpacked by zipfile, which already drops `..` and absolute names: only tar archives can escape.
  const positional = args.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment' && a.type !== 'keyword_argument');
  const format = (keywordArgument(args, 'format') ?? positional[2])?.text;
  const archive = positional[0];
  if ((format && /^['"]zip['"]$/.test(format)) || (archive && /\.zip['"]\)?$/i.test(archive.text))) return;
  // An archive shipped with the code (a constant path) is as trusted as the code; one from a caller, an upload or a
  // download is not.
  const fromOutside = !!archive && !isConstant(archive, context);
  const closing = args.lastChild;
  const insertAt = closing?.type === ')' ? context.rangeOf(closing).start : undefined;
  context.report({
    node: call,
    confidence: fromOutside ? 'high' : 'medium',
    message: 'shutil.unpack_archive() without filter= extracts a tar archive\'s members wherever their names and links point, so an entry like ../../.bashrc escapes the target; pass filter="data" (Python 3.12+, backported to 3.8–3.11) or check every member\'s resolved path.',
    fix: insertAt && args.namedChildren.some((a) => a && a.type !== 'comment')
      ? {
        title: 'Unpack with filter="data" (refuses members and links that would land outside the target; needs Python 3.12+ or a 3.8–3.11 security release)',
        edits: [{ range: { start: insertAt, end: insertAt }, newText: ', filter="data"' }],
        preservesBehaviour: false,
      }
      : undefined,
  });
}

function isTarArchive(receiver: SyntaxNode, context: RuleContext): boolean {
  if (/\btarfile\b|\bTarFile\b/.test(receiver.text)) return true;
  if (receiver.type !== 'identifier') return false;
  if (tarNames.test(receiver.text)) return true;
  const { bindings } = resolveName(receiver.text, receiver, context);
  if (bindings.some((b) => b.value && /\btarfile\.|\bTarFile\b/.test(b.value.text))) return true;
  // `with tarfile.open(path) as archive:` binds through a with item, which carries no value in scope bindings.
  for (let n: SyntaxNode | null = receiver.parent; n; n = n.parent) {
    if (n.type !== 'with_statement') continue;
    for (const item of n.descendantsOfType('with_item')) {
      const value = item?.childForFieldName('value');
      if (value?.type === 'as_pattern' && value.childForFieldName('alias')?.text === receiver.text && /\btarfile\.|\bTarFile\b/.test(value.namedChildren[0]?.text ?? '')) return true;
    }
  }
  return false;
}

/** A loop or helper nearby that already vets members: `os.path.commonpath`, `is_relative_to`, `realpath(...).startswith`. */
function hasMemberCheck(call: SyntaxNode): boolean {
  let scope: SyntaxNode | null = call.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  const text = scope?.text ?? '';
  return /commonpath|is_relative_to|is_within_directory|safe_members|(realpath|abspath|resolve)\([^)]*\)[\s\S]{0,200}startswith/.test(text);
}
