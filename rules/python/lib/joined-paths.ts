// Owns spotting a function parameter joined under a base directory (`open(os.path.join(self.root, filename))`): the file-serving shape of library path traversal.
import type { RuleContext, SyntaxNode } from '../../api';
import { builtStrings } from './built-strings';
import { isConstant } from './constant-strings';
import { enclosingFunction, resolveName } from './scope';

/** Parameter names that carry a name or path chosen outside the function: what a caller forwards from a request, a URL, an archive. */
const fileParameterName = /^(file_?name|fname|path|file_?path|rel(ative)?_?path|sub_?path|resource|resource_?name|page|page_?name|doc|doc_?name|document|asset|asset_?name|template_?name|image|image_?name|attachment|upload|url_?path|requested(_?path)?|request_?path|req_?path|member|entry|artifact_?path|file|object_?name|blob_?name|static_?path|media_?path)$/i;
/** Names of a base directory: attributes or names like `self.root`, `STATIC_DIR`, `settings.MEDIA_ROOT`, `upload_folder`. */
const baseName = /(root|base|dir|directory|folder|storage|location|home|static|media|uploads?|cache|repo|repository|prefix|path)s?$/i;
/** Parameter names of a directory files are served or read from by name (not a generic `path` or `dir`). */
const servingDirectoryParameter = /^(base_?dir|root_?dir|template_?(dir|folder|root)|templates_?(dir|folder|path)|upload_?(dir|folder|root)|uploads_?(dir|folder)|static_?(dir|root|folder)|media_?(dir|root)|serve_?dir|web_?root|doc(ument)?_?root|files_?dir|storage_?dir|public_?dir)$/i;
const joinCallee = /^(os\.path\.join|posixpath\.join|ntpath\.join|path\.join|join|safe_join_unchecked)$/;

export interface JoinedParameter {
  /** The parameter's name. */
  readonly name: string;
  /** The base directory as written. */
  readonly base: string;
}

/**
 * The parameter of the enclosing function that `node` joins under a base directory, when the parameter's name says it
 * is a file name or path from outside and the base is a directory the code fixed (a constant, an attribute, a config
 * value). Undefined for a bare path parameter (`open(path)`: the caller's business) and for names built here.
 */
export function joinedParameter(node: SyntaxNode, context: RuleContext, depth = 0): JoinedParameter | undefined {
  if (depth > 3) return undefined;
  switch (node.type) {
    case 'parenthesized_expression':
      return node.namedChildren[0] ? joinedParameter(node.namedChildren[0], context, depth + 1) : undefined;
    case 'identifier': {
      const resolution = resolveName(node.text, node, context);
      if (resolution.scope !== 'local') return undefined;
      const values = resolution.bindings.filter((b) => b.value && b.value.startIndex < node.startIndex);
      if (values.length !== 1 || resolution.bindings.some((b) => b.kind === 'parameter')) return undefined;
      return joinedParameter(values[0].value!, context, depth + 1);
    }
    case 'call': {
      const callee = node.childForFieldName('function');
      const text = callee?.type === 'attribute' ? `${callee.childForFieldName('object')?.text.split('.').pop()}.${callee.childForFieldName('attribute')?.text}` : callee?.text ?? '';
      const resolved = callee ? context.resolveCallee(callee) ?? text : text;
      const args = node.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment') ?? [];
      if (/^(Path|pathlib\.Path|PurePath)$/.test(resolved) && args.length >= 2) return underBase(args[0], args.slice(1), context);
      if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'joinpath') {
        const receiver = callee.childForFieldName('object');
        return receiver ? underBase(receiver, args, context) : undefined;
      }
      if (!joinCallee.test(resolved) && !joinCallee.test(text)) return undefined;
      if (args.length < 2 || args.some((a) => a.type === 'keyword_argument' || a.type === 'list_splat')) return undefined;
      return underBase(args[0], args.slice(1), context);
    }
    case 'binary_operator': {
      const operator = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (operator === '/' && left && right) return underBase(left, [right], context);
      break;
    }
    default:
      break;
  }
  // `root + "/" + name`, f"{STATIC}/{name}", "%s/%s" % (base, name): a base first, a separator, then the parameter.
  for (const built of builtStrings(node, context)) {
    const [first, ...rest] = built.holes;
    if (!first) continue;
    const startsWithBase = first.before === '' ? isBase(first.value, context) : /^[/\w.~-]*\/$/.test(first.before) || /^[/\w.~-]*\/[/\w.~-]*$/.test(first.before);
    if (!startsWithBase) continue;
    const candidates = first.before === '' ? rest : built.holes;
    for (const hole of candidates) {
      if (!/\/$/.test(hole.before)) continue;
      const found = fileParameter(hole.value, context);
      if (found) return { name: found, base: first.before === '' ? first.value.text : JSON.stringify(first.before) };
    }
  }
  return undefined;
}

/** A base that can only be a directory of files handed out by name: `self.template_dir`, `MEDIA_ROOT`, `upload_folder`. */
const directoryBase = /(root|dir|directory|folder|static|media|uploads?|templates?)s?$/i;

function underBase(base: SyntaxNode, parts: readonly SyntaxNode[], context: RuleContext): JoinedParameter | undefined {
  if (!isBase(base, context)) return undefined;
  const last = base.type === 'attribute' ? base.childForFieldName('attribute')?.text ?? '' : base.type === 'identifier' ? base.text : '';
  const generic = directoryBase.test(last);
  for (const part of parts) {
    const name = fileParameter(part, context, generic);
    if (name) return { name, base: base.text };
  }
  return undefined;
}

/** A directory the code fixed: a constant, an UPPER_CASE name, an attribute (`self.root`, `settings.MEDIA_ROOT`), a config lookup. */
function isBase(node: SyntaxNode, context: RuleContext): boolean {
  if (isConstant(node, context)) return true;
  if (node.type === 'attribute') return baseName.test(node.childForFieldName('attribute')?.text ?? '') || /^(settings|config|conf|app\.config)\b/.test(node.text);
  if (node.type === 'subscript') return /^(app\.config|current_app\.config|settings|config|self\.config)\b/.test(node.text);
  if (node.type === 'call') {
    // Path(ROOT), os.path.dirname(__file__), os.path.abspath(BASE_DIR): still the fixed directory.
    const args = node.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment') ?? [];
    return /^(Path|pathlib\.Path|os\.path\.(dirname|abspath|realpath|expanduser|normpath)|str)$/.test(node.childForFieldName('function')?.text ?? '') && args.length === 1 && isBase(args[0], context);
  }
  if (node.type === 'identifier') {
    if (/^_?[A-Z][A-Z0-9_]*$/.test(node.text) || node.text === '__file__') return true;
    const resolution = resolveName(node.text, node, context);
    // `def read_template(template_dir, name)`: a parameter named as the directory files are served from is the base
    // the caller fixes; the file name is what it forwards.
    if (resolution.bindings.some((b) => b.kind === 'parameter')) return servingDirectoryParameter.test(node.text);
    const values = resolution.bindings.filter((b) => b.value);
    return baseName.test(node.text) && values.length > 0 && values.every((b) => isBase(b.value!, context));
  }
  return false;
}

/** The name of the enclosing function's parameter `node` is (or carries, through `name + ".html"`, `name.strip()`), when its name says file. */
function fileParameter(node: SyntaxNode, context: RuleContext, generic = false): string | undefined {
  const flow = context.taint.flowOf(node, 'path-traversal', { parameters: true });
  if (!flow || flow.sanitized || !flow.source.parameter) return undefined;
  const name = flow.source.label.replace(/^parameter /, '');
  // Under a directory base, a bare `name` is a file name too: `os.path.join(self.template_dir, name)`.
  if (!fileParameterName.test(name) && !(generic && /^(name|template|filename)$/i.test(name))) return undefined;
  // Only the function's own parameter: a closure's outer parameter is the outer function's business.
  const fn = enclosingFunction(node);
  const own = fn?.childForFieldName('parameters')?.namedChildren.some((p) => p && (p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text) === name);
  return own ? name : undefined;
}
