// path-traversal for JavaScript/TypeScript: request data (or archive entry names) reaching fs calls, res.sendFile and res.download without a containment check.
import { type Detector, type Fix, type RuleContext, type SyntaxNode, type TriggerFile } from '../api';
import { unwrap } from './lib/constant-strings';
import { lookupBinding } from './lib/scope-bindings';
import { declaredInFunctionAround, piecesOf } from './lib/built-strings';
import { enclosingFunction, sameNode, shorten } from './lib/injection-assessment';
import { argumentsOf, perArgumentSinkDetector, propertyValue, type SinkMatch } from './lib/sink-calls';
import { isCheckedThroughParse, isValidatedBefore } from './lib/validation-guards';
import { withHelperFlows, type HelperSink } from './lib/helper-flows';

const hazard = 'path-traversal';
/** Checks that keep a path inside a directory, beyond the generic validators. */
const containment = /\.\.|\bpath\.(relative|normalize|resolve)\b|\bisAbsolute\b|\brealpath|\bisInside|\bisSubPath|\bwithin|startsWith/;
/** Archive entries whose names are attacker-chosen (zip slip): unzipper, adm-zip, yauzl, tar-stream, jszip. */
const entryName = /^(entry|file|zipEntry|header|item|f|e)\.(path|fileName|filename|entryName|name)$/;
const uploadedPath = /^(req|request)\.(file|files(\[[^\]]+\]|\.\w+)*)\.(path|destination|filename)$/;
const writeSinks = /\.(createWriteStream|writeFile|writeFileSync|outputFile|outputFileSync|mkdir|mkdirSync|mkdirp|copyFile|rename)$/;

/** Both paths of a rename or copy are sinks. Also multer's `filename` callback (see `withUploadNames`). */
export default withUploadNames(withHelperFlows(perArgumentSinkDetector(hazard, check), {
  hazard,
  guarded: (match, leaf) => isValidatedBefore(leaf, match.call, containment) || isValidatedBefore(match.value, match.call, containment),
  message: (source, argument, sink) => `${argument} (from ${source}) becomes a file path in ${sink.helper}(), which passes it to ${sink.match.label.replace(/^fs\.(promises\.)?/, 'fs.')}, so "../" or an absolute path reads or writes outside the intended directory; reduce it with path.basename or resolve it and check it starts with the base directory.`,
  fix: (context, sink) => helperBasenameFix(context, sink),
  ignoresSource: (label) => commandLine.test(label),
}));

/**
 * A command-line tool reading or writing the files its user names (`fs.readFileSync(process.argv[2])`) crosses no trust
 * boundary: the user could open those files anyway.
 */
const commandLine = /^process\.argv\b/;

/**
 * multer's `diskStorage({ filename: (req, file, cb) => cb(null, file.originalname) })`: the client's file name is joined
 * under the destination as it is, so "../../app.js" writes outside it.
 */
function withUploadNames(detector: Detector): Detector {
  const extended = new WeakMap<RegExp, RegExp>();
  const extend = (re: RegExp): RegExp => {
    let out = extended.get(re);
    if (!out) extended.set(re, (out = new RegExp(`${re.source}|originalname`, re.flags.replace('g', ''))));
    return out;
  };
  return {
    ...detector,
    triggers: (file: TriggerFile) => {
      const own = typeof detector.triggers === 'function' ? detector.triggers(file) : detector.triggers;
      if (!own) return /[^]/;
      return own instanceof RegExp ? extend(own) : { ...own, text: extend(own.text) };
    },
    create(context) {
      const visitors = detector.create(context);
      return { ...visitors, pair: (node: SyntaxNode) => { visitors.pair?.(node); checkUploadName(context, node); } };
    },
  };
}

function checkUploadName(context: RuleContext, pair: SyntaxNode): void {
  if (pair.childForFieldName('key')?.text.replace(/['"]/g, '') !== 'filename') return;
  const fn = unwrap(pair.childForFieldName('value'));
  if (!fn || !/^(arrow_function|function_expression|function)$/.test(fn.type)) return;
  const call = pair.parent?.parent?.type === 'arguments' ? pair.parent.parent.parent : undefined;
  if (!call || !/(^|\.)diskStorage$/.test(call.childForFieldName('function')?.text ?? '') || context.isTestCode(pair)) return;
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).map((p) => p?.text ?? '');
  const [, file, cb] = params;
  if (!file || !cb) return;
  for (const done of fn.descendantsOfType('call_expression')) {
    if (done?.childForFieldName('function')?.text !== cb) continue;
    const name = argumentsOf(done)[1];
    const text = name?.text.replace(/\b(path\.)?extname\([^()]*\)/g, '') ?? '';
    if (!name || !text.includes(`${file}.originalname`) || /basename|sanitiz|slug|filenamify|replace\(/i.test(text)) continue;
    context.report({
      node: name,
      confidence: 'medium',
      message: `multer stores the upload under ${shorten(name.text)}, the client's own file name, so a name like "../../server.js" writes outside the upload directory; generate the name (a random id plus path.extname) or reduce it with path.basename.`,
    });
  }
}

function check(context: RuleContext, match: SinkMatch): void {
  const { call, spec } = match;
  const value = unwrap(match.value);
  if (!value || context.isTestCode(call)) return;
  if (spec.safeWithOption && argumentsOf(call).slice(1).some((a) => propertyValue(a, spec.safeWithOption!))) return;
  // A constant (`'/dashboard'`, `path.join(__dirname, 'x')` spelled out) carries nothing: skip the data flow.
  if (piecesOf(value).every((p) => p.text !== undefined)) return;
  // multer's `req.file.path` is where the server stored the upload, under a name it generated.
  if (uploadedPath.test(value.text)) return;
  const source = context.taint.sourceOf(value, hazard);
  const label = match.label.replace(/^fs\.(promises\.)?/, 'fs.');
  if (source && commandLine.test(source.label)) return;
  if (source) {
    if (isValidatedBefore(value, call, containment) || relativeChecked(value, call)) return;
    context.report({
      node: value,
      confidence: 'high',
      message: `A file path built from ${source.label} reaches ${label}, so "../" or an absolute path reads or writes outside the intended directory; reduce it with path.basename or resolve it and check it starts with the base directory.`,
      fix: basenameFix(context, value),
    });
    return;
  }
  const writes = writeSinks.test(`.${match.label.split('.').pop()}`);
  const served = writes ? dispositionName(value) : undefined;
  if (served && !isValidatedBefore(value, call, containment)) {
    context.report({
      node: value,
      confidence: 'medium',
      message: `${shorten(served.text)} is the file name the server sent in Content-Disposition, and it decides where ${label} writes, so a name like "../../.bashrc" escapes the download directory; keep only path.basename of it, or resolve the path and check it stays under the destination.`,
    });
    return;
  }
  const entry = writes ? archiveEntryIn(value) : undefined;
  if (entry && !isValidatedBefore(value, call, containment) && !validatedWhereDeclared(value, call)) {
    context.report({
      node: value,
      confidence: 'medium',
      message: `The archive entry name ${shorten(entry.text)} decides where ${label} writes, so an entry named "../../x" escapes the target directory (zip slip); resolve the path and check it stays under the destination.`,
    });
  }
}

/**
 * `const rel = path.relative(root, target); if (rel.startsWith('..') || path.isAbsolute(rel)) return …; fs.readFile(target)`:
 * the containment check is made on the relative path computed from the value.
 */
function relativeChecked(value: SyntaxNode, call: SyntaxNode): boolean {
  return isCheckedThroughParse(value, call, /^path\.relative\(/, containment, 'last');
}

const disposition = /content-disposition/i;

/** `path.join(dest, name)` with `name` parsed, in this function, from a response's Content-Disposition header. */
function dispositionName(value: SyntaxNode): SyntaxNode | undefined {
  const parts = value.type === 'call_expression' && /^path\.(join|resolve)$/.test(value.childForFieldName('function')?.text ?? '') ? argumentsOf(value).slice(1) : [value];
  for (const part of parts) {
    const id = unwrap(part);
    if (id?.type !== 'identifier') continue;
    const binding = lookupBinding(id);
    if (binding?.declarator && declaredAround(binding.declarator, id) && disposition.test(binding.value?.text ?? '') && !/basename/.test(binding.value?.text ?? '')) return id;
  }
  return undefined;
}

/** An archive entry's name used in the path: directly, or through `path.join(dest, entry.path)` in the same function. */
function archiveEntryIn(value: SyntaxNode, depth = 0): SyntaxNode | undefined {
  if (depth > 3) return undefined;
  if (value.type === 'member_expression' && entryName.test(value.text)) return value;
  if (value.type === 'identifier') {
    const binding = lookupBinding(value);
    const init = unwrap(binding?.value);
    // Declared in the sink's function or one around it: `const dest = path.join(out, entry.fileName)` read in a callback.
    return init && binding?.declarator && declaredAround(binding.declarator, value) ? archiveEntryIn(init, depth + 1) : undefined;
  }
  if (value.type === 'call_expression' && /^path\.(join|resolve)$/.test(value.childForFieldName('function')?.text ?? '')) {
    for (const arg of argumentsOf(value)) {
      const found = archiveEntryIn(unwrap(arg) ?? arg, depth + 1);
      if (found) return found;
    }
  }
  if (value.type === 'template_string' || value.type === 'binary_expression') {
    for (const d of value.descendantsOfType('member_expression')) if (d && entryName.test(d.text)) return d;
  }
  return undefined;
}

/** `const dest = path.resolve(root, entry.fileName); if (!dest.startsWith(root)) throw …` in the function around a callback that writes `dest`. */
function validatedWhereDeclared(value: SyntaxNode, call: SyntaxNode): boolean {
  const declarator = value.type === 'identifier' ? lookupBinding(value)?.declarator : undefined;
  const home = declarator && enclosingFunction(declarator);
  if (!home) return false;
  for (let fn = enclosingFunction(call), hops = 0; fn && hops < 4; fn = enclosingFunction(fn), hops++) {
    const outer = enclosingFunction(fn);
    if (outer && sameNode(outer, home)) return isValidatedBefore(value, fn, containment);
  }
  return false;
}

/** Declared in the function of `use` or one of the three around it. */
function declaredAround(declarator: SyntaxNode, use: SyntaxNode): boolean {
  return declaredInFunctionAround(declarator, enclosingFunction(use), 4);
}

/** `path.join(root, req.params.name)` → `path.join(root, path.basename(req.params.name))`. */
function basenameFix(context: RuleContext, value: SyntaxNode): Fix | undefined {
  let call = value;
  if (call.type === 'identifier') {
    const binding = lookupBinding(call);
    const init = unwrap(binding?.value);
    if (!init || !binding?.declarator || !sameNode(enclosingFunction(binding.declarator), enclosingFunction(value))) return undefined;
    call = init;
  }
  if (call.type !== 'call_expression' || !/^path\.(join|resolve)$/.test(call.childForFieldName('function')?.text ?? '')) return undefined;
  const args = argumentsOf(call);
  const tainted = args.filter((a) => context.taint.sourceOf(a, hazard));
  if (tainted.length !== 1 || sameNode(tainted[0], args[0])) return undefined;
  const arg = tainted[0];
  return {
    title: `Keep only the file name of ${shorten(arg.text)} with path.basename (subdirectories in it are dropped)`,
    edits: [{ range: context.rangeOf(arg), newText: `path.basename(${arg.text})` }],
    preservesBehaviour: false,
  };
}

/** In the helper: `path.join(root, name)` → `path.join(root, path.basename(name))`, where `name` is the parameter. */
function helperBasenameFix(context: RuleContext, sink: HelperSink): Fix | undefined {
  const join = sink.leaf.parent?.parent;
  if (sink.leaf.parent?.type !== 'arguments' || join?.type !== 'call_expression' || !/^path\.(join|resolve)$/.test(join.childForFieldName('function')?.text ?? '')) return undefined;
  if (sameNode(argumentsOf(join)[0], sink.leaf) || !context.bindings.some((b) => b.local === 'path' && b.module.replace(/^node:/, '') === 'path')) return undefined;
  return {
    title: `Keep only the file name of ${shorten(sink.leaf.text)} in ${sink.helper}() with path.basename (subdirectories in it are dropped)`,
    edits: [{ range: context.rangeOf(sink.leaf), newText: `path.basename(${sink.leaf.text})` }],
    preservesBehaviour: false,
  };
}
