// unsafe-deserialization for Python: pickle and its relatives, marshal, jsonpickle, yaml without a safe loader, torch/joblib/numpy/pandas loaders that unpickle.
import { defineDetector, type Confidence, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { enclosingFunction, resolveCallee } from './lib/scope';
import { calleeLastName, keywordArgument, positionalArguments } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

const hazard = 'unsafe-deserialization';

/** Modules whose load/loads run code from the data (pickle's `__reduce__`, marshal's code objects). */
const pickleLike = /^(pickle|cPickle|_pickle|dill|cloudpickle|marshal|pickle5|compress_pickle)\.(load|loads|Unpickler)$/;
const yamlUnsafeLoaders = new Set(['Loader', 'UnsafeLoader', 'CLoader', 'CUnsafeLoader']);
const yamlFullLoaders = new Set(['FullLoader', 'CFullLoader']);
const candidateNames = new Set([
  'load', 'loads', 'Unpickler', 'load_all', 'unsafe_load', 'unsafe_load_all', 'full_load', 'full_load_all', 'decode', 'read_pickle', 'open', 'YAML',
]);

export default defineDetector({
  id: hazard,
  family: 'python',
  triggers: {
    // Function-local imports spell the module; module-level ones are followed by name.
    text: /pickle|marshal|yaml|dill|joblib|torch|shelve/,
    imports: /^(?:pickle|cPickle|_pickle|dill|cloudpickle|marshal|yaml|ruamel|jsonpickle|joblib|torch|numpy|pandas|shelve|sklearn|compress_pickle|pickle5)(?:\.|$)/,
  },
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context);
        if (!last || !candidateNames.has(last)) return;
        const callee = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        if (!callee || args?.type !== 'argument_list') return;
        const resolved = resolveCallee(callee, context);
        if (!resolved) return;
        if (pickleLike.test(resolved)) checkPickle(context, node, args, resolved);
        else if (/^(yaml|ruamel\.yaml)\.(load|load_all|unsafe_load|unsafe_load_all|full_load|full_load_all)$/.test(resolved)) checkYaml(context, node, callee, args, resolved);
        else if (/^ruamel\.yaml\.(main\.)?YAML$/.test(resolved)) checkRuamel(context, node, args);
        else if (resolved === 'jsonpickle.decode' || resolved === 'jsonpickle.unpickler.decode') {
          report(context, node, positionalArguments(args)[0], 'jsonpickle.decode()', 'rebuilds arbitrary Python objects named in the JSON, so whoever controls it can run code; parse plain JSON with json.loads and build objects explicitly.');
        } else if (resolved === 'torch.load') checkTorch(context, node, args);
        else if (resolved === 'joblib.load' || resolved === 'sklearn.externals.joblib.load') {
          report(context, node, positionalArguments(args)[0] ?? keywordArgument(args, 'filename'), 'joblib.load()', 'unpickles the file, so a model file from anyone else can run code when loaded; load only files you produced and verify them (a signature or hash), or use a data-only format such as skops or ONNX.', 'medium');
        } else if (resolved === 'numpy.load') {
          const allow = keywordArgument(args, 'allow_pickle');
          if (allow?.type !== 'true') return;
          report(context, node, positionalArguments(args)[0], 'numpy.load(allow_pickle=True)', 'unpickles object arrays, so a crafted .npy file can run code; keep allow_pickle=False and store plain numeric arrays.', 'medium',
            { title: 'Refuse pickled object arrays (files holding Python objects will no longer load)', edits: [{ range: context.rangeOf(allow), newText: 'False' }], preservesBehaviour: false });
        } else if (resolved === 'pandas.read_pickle') {
          report(context, node, positionalArguments(args)[0], 'pandas.read_pickle()', 'unpickles the file, so a crafted one can run code; exchange data frames as Parquet, CSV or JSON instead.', 'medium');
        } else if (resolved === 'shelve.open') checkShelve(context, node, args);
      },
    };
  },
});

function checkPickle(context: RuleContext, node: SyntaxNode, args: SyntaxNode, resolved: string): void {
  const [module, method] = resolved.split('.');
  const data = positionalArguments(args)[0];
  // pickle.loads(pickle.dumps(x)): the deep-copy idiom reads back what it has just written.
  if (data?.type === 'call' && /^dumps?$/.test(calleeLastName(data, context) ?? '')) return;
  // marshal's everyday use is loading .pyc code objects the interpreter wrote: only data from outside counts.
  if (module === 'marshal' && !(data && context.taint.sourceOf(data, hazard))) return;
  // An explicit opt-in the caller must pass (`if not allow_pickle: raise`), as numpy and pydantic do.
  const scope = enclosingFunction(node);
  if (scope && /\ballow_pickle\b|\btrusted\b|\ballow_unsafe\b/.test(scope.text) && !(data && context.taint.sourceOf(data, hazard))) return;
  // The fix this rule suggests: the bytes' HMAC is checked (compare_digest, a signer's loads/unsign) before they are loaded.
  if (scope && verifiedBefore(scope, node)) return;
  const what = method === 'Unpickler' ? `${module}.Unpickler` : `${module}.${method}()`;
  const predicate = module === 'marshal'
    ? 'reads code objects and is not safe against crafted data, so a crafted file can crash or subvert the interpreter; use json for data you did not write yourself.'
    : 'runs code chosen by whoever wrote the data (pickle calls any importable function while loading), so untrusted bytes mean remote code execution; use json or another data-only format, or sign the data with HMAC and verify it before loading.';
  // Without a visible source the bytes may well be the program's own (a cache it wrote): worth a look, not certain.
  report(context, node, data, what, predicate, 'medium');
}

const signatureCheck = /\bcompare_digest\s*\(|\.unsign\s*\(|\bverify_signature\s*\(|\.verify\s*\(\s*\w+\s*,/;

/** A signature check written in the function before the load. */
function verifiedBefore(scope: SyntaxNode, node: SyntaxNode): boolean {
  const before = scope.text.slice(0, node.startIndex - scope.startIndex);
  return signatureCheck.test(before);
}

function checkYaml(context: RuleContext, node: SyntaxNode, callee: SyntaxNode, args: SyntaxNode, resolved: string): void {
  const method = resolved.split('.').pop()!;
  const data = positionalArguments(args)[0] ?? keywordArgument(args, 'stream');
  if (method.startsWith('unsafe_load') || method.startsWith('full_load')) {
    const full = method.startsWith('full_load');
    const fix = renameFix(context, callee, method.replace(/^(unsafe|full)_/, 'safe_'));
    report(context, node, data, `yaml.${method}()`, full
      ? `accepts Python-specific tags and has let crafted documents run code in several PyYAML releases; use yaml.safe_load for untrusted or shared YAML.`
      : `builds any Python object a document names (!!python/object/apply runs functions), so a crafted file runs code; use yaml.safe_load.`,
    full ? 'medium' : undefined, fix);
    return;
  }
  const loader = keywordArgument(args, 'Loader') ?? positionalArguments(args)[1];
  if (!loader) {
    // ruamel.yaml's old module-level load() defaults to its unsafe loader too, with a warning.
    report(context, node, data, `yaml.${method}() without a Loader`, `uses a loader that builds arbitrary Python objects in PyYAML before 6.0 (and fails after it), so a crafted document runs code; use yaml.safe_${method}().`,
      undefined, resolved.startsWith('yaml.') ? renameFix(context, callee, `safe_${method}`) : undefined);
    return;
  }
  const loaderName = loader.type === 'attribute' ? loader.childForFieldName('attribute')?.text ?? '' : loader.text;
  const bare = loader.type === 'identifier' ? context.bindings.find((b) => b.local === loader.text) : undefined;
  const fromYaml = loader.type === 'attribute' ? /^(yaml|ruamel\.yaml)(\.|$)/.test(resolveCallee(loader.childForFieldName('object')!, context) ?? '') : bare?.module === 'yaml';
  if (!fromYaml) return;
  const name = bare?.imported ?? loaderName;
  const unsafe = yamlUnsafeLoaders.has(name);
  if (!unsafe && !yamlFullLoaders.has(name)) return;
  const safeName = name.startsWith('C') ? 'CSafeLoader' : 'SafeLoader';
  const fix: Fix | undefined = loader.type === 'attribute'
    ? { title: safeTitle, edits: [{ range: context.rangeOf(loader.childForFieldName('attribute')!), newText: safeName }], preservesBehaviour: false }
    : undefined;
  // Reported at the loader: in a multi-line call that is the line a fix changes.
  report(context, loader.parent?.type === 'keyword_argument' ? loader.parent : loader, data, `yaml.${method}() with ${loader.text}`, unsafe
    ? `builds any Python object a document names (!!python/object/apply runs functions), so a crafted document runs code; use yaml.SafeLoader (or yaml.safe_load).`
    : `accepts Python-specific tags and has let crafted documents run code in several PyYAML releases; use yaml.SafeLoader (or yaml.safe_load).`,
  unsafe ? undefined : 'medium', fix);
}

/** ruamel.yaml's YAML(typ='unsafe') instance loads arbitrary objects. */
function checkRuamel(context: RuleContext, node: SyntaxNode, args: SyntaxNode): void {
  const typ = keywordArgument(args, 'typ');
  if (literalText(typ) !== 'unsafe') return;
  report(context, node, undefined, "ruamel.yaml's YAML(typ='unsafe')", "builds any Python object a document names, so a crafted document runs code; use typ='safe'.");
}

/** torch.load unpickles the checkpoint unless weights_only=True (the default only from PyTorch 2.6). */
function checkTorch(context: RuleContext, node: SyntaxNode, args: SyntaxNode): void {
  const weightsOnly = keywordArgument(args, 'weights_only');
  if (weightsOnly && weightsOnly.type !== 'false') return;
  if (args.namedChildren.some((a) => a?.type === 'dictionary_splat')) return;
  const fix: Fix | undefined = weightsOnly
    ? { title: weightsTitle, edits: [{ range: context.rangeOf(weightsOnly), newText: 'True' }], preservesBehaviour: false }
    : appendKeywordFix(context, args, 'weights_only=True', weightsTitle);
  report(context, node, positionalArguments(args)[0] ?? keywordArgument(args, 'f'), 'torch.load()', 'unpickles the checkpoint unless weights_only=True, so a model file from anyone else can run code when loaded; pass weights_only=True (or use safetensors).', 'medium', fix);
}

/** shelve stores pickles: opening a shelf at a path the client chooses lets it load a planted one. */
function checkShelve(context: RuleContext, node: SyntaxNode, args: SyntaxNode): void {
  const path = positionalArguments(args)[0] ?? keywordArgument(args, 'filename');
  const source = path && context.taint.sourceOf(path, hazard);
  if (!source) return;
  context.report({ node, confidence: 'medium', message: `shelve.open() unpickles whatever shelf sits at a path taken from ${source.label}, so a planted file runs code; keep shelves at fixed paths the application owns, or store the data as JSON.` });
}

const safeTitle = 'Use yaml.SafeLoader (documents with Python-object tags such as !!python/object will be rejected)';
const weightsTitle = 'Load weights only (checkpoints that pickle other Python objects will be refused)';

/**
 * Confidence is high when the data comes from a request or another untrusted source, else as given (high by default);
 * the message then names the source.
 */
function report(context: RuleContext, node: SyntaxNode, data: SyntaxNode | undefined, subject: string, predicate: string, confidence?: Confidence, fix?: Fix): void {
  const source = data ? context.taint.sourceOf(data, hazard) : undefined;
  context.report({
    node,
    confidence: source ? 'high' : confidence ?? 'high',
    message: source ? `${subject} here reads data from ${source.label} and ${predicate}` : `${subject} ${predicate}`,
    ...(fix ? { fix } : {}),
  });
}

function renameFix(context: RuleContext, callee: SyntaxNode, method: string): Fix | undefined {
  if (callee.type !== 'attribute') return undefined;
  const attribute = callee.childForFieldName('attribute');
  if (!attribute) return undefined;
  return { title: `Use yaml.${method} (documents with Python-object tags such as !!python/object will be rejected)`, edits: [{ range: context.rangeOf(attribute), newText: method }], preservesBehaviour: false };
}

function appendKeywordFix(context: RuleContext, args: SyntaxNode, text: string, title: string): Fix | undefined {
  const close = args.lastChild;
  if (close?.type !== ')') return undefined;
  const items = args.namedChildren.filter((a) => a && a.type !== 'comment');
  const lastItem = items[items.length - 1];
  if (!lastItem) return undefined;
  const at = context.rangeOf(lastItem).end;
  return { title, edits: [{ range: { start: at, end: at }, newText: `, ${text}` }], preservesBehaviour: false };
}
