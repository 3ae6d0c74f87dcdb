// prototype-pollution for JavaScript/TypeScript: recursive merges and set-by-path helpers that write `target[key]` with keys from their input and no __proto__/constructor guard.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { constantString, unwrap } from './lib/constant-strings';
import { enclosingFunction, sameNode } from './lib/built-strings';
import { factsOf, type FunctionFacts } from './lib/function-facts';
import { lookupBinding } from './lib/scope-bindings';
import { isValidatedBefore } from './lib/validation-guards';

/** Text that shows the function already refuses the dangerous keys. */
const guardText = /['"`](__proto__|constructor|prototype)['"`]|__proto__|\b(isPrototypePolluted|isSafeKey|isUnsafeKey|isValidKey|isPrototypeKey|isPolluting|isProtoKey|isForbiddenKey|isDangerousKey|isPrototypePollution\w*|forbiddenKeys|FORBIDDEN_KEYS|UNSAFE_KEYS|BLACKLIST\w*|DENYLIST\w*|blacklist\w*|denylist\w*|safeKey|validKey|specialProperties|isSpecialProperty|RESERVED\w*|reservedKeys)\b|\b(FORBIDDEN|BLOCKED|UNSAFE|DANGEROUS|special)\w*\.(has|includes)\(|\b(is|check|assert)\w*(Proto|Pollut|Unsafe|Dangerous|Forbidden)\w*\(|Object\.create\(null\)|\bin\s+Object\.prototype\b|Object\.prototype\.hasOwnProperty\.call\(\s*Object\.prototype\s*,/;
/** A check that only known keys get through: `ALLOWED.has(key)`, `ops.includes(key)`, `key === 'name'`, `switch (key)`. */
const keyAllowList = (key: string): RegExp => {
  const k = key.replace(/[.$]/g, '\\$&');
  return new RegExp(`\\.(has|includes)\\(\\s*${k}\\s*\\)|\\b${k}\\s*===?\\s*['"\`]|\\b${k}\\s+in\\s+[A-Z_][A-Z0-9_]*\\b`);
};
const counterName = /^(i|j|n|idx|index|len|length|count|pos|position|offset|row|col|line)$/;

interface Write {
  readonly target: string;
  readonly key: SyntaxNode;
  readonly node: SyntaxNode;
}

/** Modules whose merge/extend copies `__proto__` (a bare `merge` imported from one of them). */
const mergeModules = /^(lodash|lodash\.\w+|lodash-es|underscore|deepmerge|merge|merge-deep|deep-extend|extend|mixin-deep|defaults-deep|jquery|hoek|@hapi\/hoek|just-extend|deep-merge|@fastify\/deepmerge)(\.|$)/;

export default defineDetector({
  id: 'prototype-pollution',
  family: 'javascript',
  // Every finding is an assignment to a computed member: `target[key] = …`.
  // Or a path setter called with the request's path: `_.set(obj, req.body.path, v)`.
  // Or a deep merge of request data: `_.merge(target, req.body)`, `Object.assign(cart[req.body.id], …)`.
  triggers: {
    text: /\]\s*=(?![=>])|\b(?:_|lodash|dotProp|dot|objectPath|op)\s*\.\s*set(?:With)?\s*\(|\b(?:setValue|setPath|dset)\s*\(|(?<![.\w$])set(?:With)?\s*\(|\b(?:merge|mergeWith|mergeDeep|deepMerge|defaultsDeep|deepExtend|extend|assign)\s*\(/,
    // A merge library imported under any name (`const dm = require('deepmerge')`).
    imports: mergeModules,
  },
  anchored: true,
  create(context) {
    const fixedLoops = new Set<string>();
    return {
      call_expression(node: SyntaxNode) {
        checkPathSetter(context, node);
        checkDeepMerge(context, node);
      },
      assignment_expression(node: SyntaxNode) {
        checkTwoLevelWrite(context, node);
        const write = writeOf(node);
        if (!write) return;
        const fn = enclosingFunction(node);
        if (!fn || context.isTestCode(node)) return;
        if (!fn.childForFieldName('body')) return;
        const loop = keyLoop(write.key, fn);
        // Keys of the target itself (`for (const k of Object.keys(ret)) ret[k] = f(ret[k])`) are its own: no walk into a prototype.
        const merge = loop && loop.source !== write.target && isRecursiveMerge(fn, write, loop);
        const kind = merge ? 'merge' : !writesCopy(node) && (isPathWalk(fn, write) || recursesInto(fn, write)) && isSetter(fn, write) ? 'path' : undefined;
        if (!kind) return;
        const text = factsOf(fn, node).text;
        if (guardText.test(text) || guardedByOwnCheck(text, write.target)) return;
        if (write.key.type === 'identifier' && keyAllowList(write.key.text).test(text)) return;
        const fix = loop && kind === 'merge' ? guardFix(context, loop.node, write.key.text, fixedLoops) : undefined;
        context.report({
          node,
          message: kind === 'merge'
            ? `This recursive merge copies every key of its input into ${write.target}, so a "__proto__" key (as JSON.parse produces) modifies Object.prototype for the whole process; skip "__proto__", "constructor" and "prototype" keys.`
            : `This walks a property path from its input and writes ${write.target}[${write.key.text}], so a path through "__proto__" or "constructor.prototype" modifies Object.prototype; reject those segments before walking.`,
          fix,
        });
      },
    };
  },
});

/** `target[key] = value` with a non-constant, non-numeric key. */
function writeOf(node: SyntaxNode): Write | undefined {
  const left = node.childForFieldName('left');
  if (left?.type !== 'subscript_expression') return undefined;
  const object = unwrap(left.childForFieldName('object'));
  const key = unwrap(left.childForFieldName('index'));
  if (!object || !key || (object.type !== 'identifier' && object.type !== 'member_expression')) return undefined;
  if (key.type === 'number' || key.type === 'string' || key.type === 'template_string' || constantString(key) !== undefined) return undefined;
  if (key.type === 'identifier' && isCounter(key)) return undefined;
  if (key.type === 'binary_expression' || key.type === 'unary_expression' || key.type === 'update_expression') return undefined;
  // `cache[exclude.charCodeAt(i)]`, `slots[Number(id)]`: a number is no "__proto__".
  if (key.type === 'call_expression' && /(^|\.)(charCodeAt|codePointAt|indexOf|lastIndexOf|findIndex|Number|parseInt|parseFloat)$/.test(key.childForFieldName('function')?.text ?? '')) return undefined;
  return { target: object.text, key, node };
}

/** Whether the write's target is checked with hasOwnProperty before recursing (a missing own key is never walked into). */
function guardedByOwnCheck(text: string, target: string): boolean {
  const escaped = target.replace(/[.$]/g, '\\$&');
  return new RegExp(`(hasOwnProperty\\.call|hasOwn|Object\\.hasOwn)\\(\\s*${escaped}\\s*,|\\b${escaped}\\.hasOwnProperty\\(`).test(text);
}

/**
 * The loop that binds the key and the object whose keys it walks: `for (const key in src)`, `for (const [k, v] of Object.entries(src))`,
 * `Object.keys(src).forEach((key) => …)`, `for (const key of keys)` with `keys = Object.keys(src)`.
 */
function keyLoop(key: SyntaxNode, fn: SyntaxNode): { node: SyntaxNode; source: string } | undefined {
  if (key.type !== 'identifier') return undefined;
  for (let n = key.parent; n && !sameNode(n, fn.parent); n = n.parent) {
    if (n.type === 'for_in_statement') {
      const left = n.childForFieldName('left');
      const names = left ? left.text.replace(/^[[{]|[\]}]$/g, '').split(/[\s,]+/) : [];
      if (left && (left.text === key.text || names[0] === key.text)) return { node: n, source: sourceOfKeys(n.childForFieldName('right'), n) };
    }
    if ((n.type === 'arrow_function' || n.type === 'function_expression') && n.parent?.type === 'arguments') {
      const call = n.parent.parent;
      const callee = call?.childForFieldName('function');
      const method = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : undefined;
      const receiver = callee?.type === 'member_expression' ? callee.childForFieldName('object') : undefined;
      const first = (n.childForFieldName('parameters')?.namedChildren[0] ?? n.childForFieldName('parameter'))?.text.replace(/^\[|\]$/g, '').split(/[\s,]+/)[0];
      if (method && receiver && /^(forEach|map|reduce|some|every)$/.test(method) && /Object\.(keys|entries|getOwnPropertyNames)\(|Reflect\.ownKeys\(/.test(receiver.text) && first === key.text) {
        return { node: n, source: sourceOfKeys(receiver, n) };
      }
    }
  }
  return undefined;
}

/** The value variable of `for (const [key, value] of Object.entries(src))` or `.forEach(([k, v]) => …)`. */
function loopValueName(loop: SyntaxNode): string | undefined {
  const pattern = loop.type === 'for_in_statement' ? loop.childForFieldName('left') : loop.childForFieldName('parameters')?.namedChildren[0] ?? loop.childForFieldName('parameter');
  const names = patternText(pattern ?? null);
  return /^\[/.test((pattern?.text ?? '').replace(/^(const|let|var)\s+/, '')) ? names[1] : undefined;
}

/** `Object.keys(src)` → 'src'; an identifier bound to such a call → its object; anything else as written. */
function sourceOfKeys(node: SyntaxNode | null, at: SyntaxNode): string {
  let n = unwrap(node);
  if (n?.type === 'identifier') {
    const init = unwrap(lookupBinding(n)?.value);
    if (init) n = init;
  }
  if (n?.type === 'call_expression' && /^(Object\.(keys|entries|getOwnPropertyNames)|Reflect\.ownKeys)$/.test(n.childForFieldName('function')?.text ?? '')) {
    return n.childForFieldName('arguments')?.namedChildren[0]?.text ?? '';
  }
  return n?.text ?? at.text;
}

/** The path's keys come from the function's parameters (`path.split('.')`, a `keys` array), not from its own data. */
function keysFromParameters(key: SyntaxNode, fn: SyntaxNode): boolean {
  const params = new Set(parameterNames(fn));
  const seen = new Set<string>();
  const visit = (node: SyntaxNode, depth: number, nesting = 0): boolean => {
    if (depth > 4 || nesting > 24) return false;
    if (node.type === 'identifier') {
      if (params.has(node.text)) return true;
      if (seen.has(node.text)) return false;
      seen.add(node.text);
      const binding = lookupBinding(node);
      if (binding?.kind === 'parameter') return false;
      // `const [rawKey, rawValue] = pair.split('=')`: a destructured name comes from its declarator's value.
      const init = binding?.value ?? binding?.declarator?.childForFieldName('value') ?? loopIterable(node);
      if (init && visit(init, depth + 1)) return true;
      // `parts = parts.slice(…)`, `key = keys.shift()`: later assignments in the function.
      for (const assignment of factsOf(fn, node).assignments) {
        if (assignment.childForFieldName('left')?.text !== node.text) continue;
        const right = assignment.childForFieldName('right');
        if (right && visit(right, depth + 1)) return true;
      }
      return false;
    }
    for (const child of node.namedChildren) if (child && child.type !== 'arrow_function' && visit(child, depth, nesting + 1)) return true;
    return false;
  };
  return visit(key, 0);
}

/** `for (const part of parts)`: the iterable a loop variable is bound from. */
function loopIterable(identifier: SyntaxNode): SyntaxNode | undefined {
  for (let n = identifier.parent; n; n = n.parent) {
    if (n.type === 'for_in_statement' && patternText(n.childForFieldName('left')).includes(identifier.text)) return n.childForFieldName('right') ?? undefined;
  }
  return undefined;
}

function patternText(node: SyntaxNode | null): string[] {
  return node ? node.text.replace(/^(const|let|var)\s+/, '').replace(/[[\]{}]/g, '').split(/[\s,]+/) : [];
}

function parameterNames(fn: SyntaxNode): string[] {
  const single = fn.childForFieldName('parameter');
  if (single) return [single.text];
  return (fn.childForFieldName('parameters')?.namedChildren ?? []).flatMap((p) => (p ? patternText(p.childForFieldName('pattern') ?? p.childForFieldName('left') ?? p) : []));
}

/**
 * A set-by-path function: its keys come from its parameters and it stores a parameter somewhere. For a
 * `path.reduce((o, k) => (o[k] = o[k] || {}), root)` callback, the function around the reduce is the setter.
 */
function isSetter(fn: SyntaxNode, write: Write): boolean {
  const call = fn.parent?.type === 'arguments' ? fn.parent.parent : undefined;
  const callee = call?.childForFieldName('function');
  if (callee?.type === 'member_expression' && /^(reduce|forEach)$/.test(callee.childForFieldName('property')?.text ?? '')) {
    // `keys.slice(0, -1).forEach((k) => { o = o[k] = o[k] || {}; })`: the function around the callback is the setter.
    const outer = enclosingFunction(call!);
    const receiver = callee.childForFieldName('object');
    return !!outer && !!receiver && keysFromParameters(receiver, outer) && writesParameter(outer);
  }
  return keysFromParameters(write.key, fn) && writesParameter(fn);
}

/** Some write in the function stores a parameter (`cur[last] = value`): a setter, not a walk that only reads or copies. */
function writesParameter(fn: SyntaxNode): boolean {
  const params = new Set(parameterNames(fn));
  return factsOf(fn, fn).assignments.some((a) => {
    if (a.childForFieldName('left')?.type !== 'subscript_expression') return false;
    let right = unwrap(a.childForFieldName('right'));
    // `t = t[k] = i === l ? val : {}`: the value stored at the end of the walk.
    if (right?.type === 'ternary_expression') {
      const branches = [right.childForFieldName('consequence'), right.childForFieldName('alternative')].map((b) => unwrap(b));
      right = branches.find((b) => b?.type === 'identifier' && params.has(b.text)) ?? right;
    }
    if (!right) return false;
    if (right.type === 'identifier' && params.has(right.text)) return true;
    // A value taken from a parameter by key: `current[key] = data[field]`.
    if (right.type === 'subscript_expression' && params.has(unwrap(right.childForFieldName('object'))?.text ?? '')) return true;
    // A parser storing a piece of what it matched in its input: `o[last] = match[2]`.
    if (right.type === 'subscript_expression' && unwrap(right.childForFieldName('index'))?.type === 'number' && keysFromParameters(right, fn)) return true;
    // A parser storing what it decoded from its input: `node[last] = decodeURIComponent(rawValue)`.
    if (right.type !== 'call_expression') return false;
    if (/^(decodeURIComponent|decodeURI|unescape|String|JSON\.parse)$/.test(right.childForFieldName('function')?.text ?? '')) return keysFromParameters(right, fn);
    // ...or a piece of its text: `section[key] = line.slice(eq + 1).trim()`.
    const callee = right.childForFieldName('function');
    return callee?.type === 'member_expression' && /^(slice|substring|substr|trim|trimStart|trimEnd)$/.test(callee.childForFieldName('property')?.text ?? '') && keysFromParameters(right, fn);
  });
}

const mergeCallsOf = new WeakMap<FunctionFacts, SyntaxNode[]>();
const walkedTargetsOf = new WeakMap<FunctionFacts, Set<string>>();
const mergeName = /^(deep)?(merge|extend|assign|mixin|defaults)(Deep|Recursive|Objects?)?$|^deep(Merge|Extend|Assign|Copy|Clone|Set)$/i;

/** The function calls itself (or another merge) on `target[key]`, so a `__proto__` key walks into Object.prototype. */
function isRecursiveMerge(fn: SyntaxNode, write: Write, loop: { node: SyntaxNode; source: string }): boolean {
  const facts = factsOf(fn, write.node);
  let calls = mergeCallsOf.get(facts);
  if (!calls) {
    const name = functionName(fn);
    calls = facts.calls.filter((call) => {
      const calleeName = (call.childForFieldName('function')?.text ?? '').split('.').pop() ?? '';
      return (!!name && calleeName === name) || mergeName.test(calleeName);
    });
    mergeCallsOf.set(facts, calls);
  }
  const wanted = `${write.target}[${write.key.text}]`.replace(/\s+/g, '');
  // The recursion must carry data from the walked object (`merge(target[key], source[key])`, `merge(t[k], value)`):
  // `filter[key] = cast(filter[key])` transforms the target in place and merges nothing in.
  const loopValue = loopValueName(loop.node);
  const fromSource = (text: string): boolean => (!!loop.source && text.includes(loop.source)) || (!!loopValue && new RegExp(`\\b${loopValue}\\b`).test(text));
  // `const copy = src[name]; … extend(deep, clone, copy)`: a variable read from the walked object.
  const readFromSource = (arg: SyntaxNode | null): boolean => {
    const a = unwrap(arg);
    return a?.type === 'identifier' && fromSource(lookupBinding(a)?.value?.text ?? '');
  };
  for (const call of calls) {
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    if (!fromSource(call.childForFieldName('arguments')?.text ?? '') && !args.some(readFromSource)) continue;
    // `merge(target[key], …)`, `merge(target[key] || {}, …)`, `merge(target[key] = target[key] || {}, …)`
    if (args.some((a) => a && a.text.replace(/\s+/g, '').startsWith(wanted))) return true;
    // `target[key] = merge(target[key] || {}, value)` / `merge({}, source[key])` assigned back.
    if (isInside(call, write.node)) return true;
  }
  return false;
}

/**
 * A set-by-path helper: the target is walked down (`cur = cur[part]`) before the write, with keys taken from a path
 * (`path.split('.')`, an array of segments).
 */
function isPathWalk(fn: SyntaxNode, write: Write): boolean {
  const target = write.target;
  if (!/^[\w$]+$/.test(target)) return false;
  const facts = factsOf(fn, write.node);
  let walked = walkedTargetsOf.get(facts);
  if (!walked) {
    walked = new Set();
    for (const assignment of facts.assignments) {
      if (assignment.type !== 'assignment_expression') continue;
      const left = assignment.childForFieldName('left');
      if (left?.type !== 'identifier') continue;
      const right = unwrap(assignment.childForFieldName('right'));
      const step = right?.type === 'subscript_expression' ? right : right?.type === 'assignment_expression' || right?.type === 'binary_expression' ? firstSubscript(right) : undefined;
      if (!step) continue;
      const index = unwrap(step.childForFieldName('index'));
      // `section = out[name] = out[name] || {}` with `name` parsed from the input: the target is a sub-object an input key picked.
      if (unwrap(step.childForFieldName('object'))?.text !== left.text) {
        // ...or a group of the match: `section = out[m[1]] = out[m[1]] || {}`.
        const named = index?.type === 'identifier' || (index?.type === 'subscript_expression' && unwrap(index.childForFieldName('index'))?.type === 'number');
        if (right?.type === 'assignment_expression' && index && named && !isCounter(index) && keysFromParameters(index, fn)) walked.add(left.text);
        continue;
      }
      if (index && !(index.type === 'identifier' && isCounter(index)) && index.type !== 'number' && constantString(index) === undefined) walked.add(left.text);
    }
    walkedTargetsOf.set(facts, walked);
  }
  if (walked.has(target)) return true;
  // `const last = path.reduce((o, k) => (o[k] = o[k] || {}), root); last[leaf] = value`
  const binding = facts.declarators.find((d) => d.childForFieldName('name')?.text === target);
  if (binding && /\.reduce\(/.test(binding.childForFieldName('value')?.text ?? '')) return true;
  // `path.reduce((obj, key) => obj[key] = obj[key] || {}, root)`
  for (let n = write.node.parent; n && !sameNode(n, fn.parent); n = n.parent) {
    if ((n.type === 'arrow_function' || n.type === 'function_expression') && n.parent?.type === 'arguments') {
      const call = n.parent.parent;
      const method = call?.childForFieldName('function')?.type === 'member_expression' ? call.childForFieldName('function')?.childForFieldName('property')?.text : undefined;
      const params = n.childForFieldName('parameters')?.namedChildren.map((p) => p?.text) ?? [];
      if (method === 'reduce' && params[0] === target && params[1] === write.key.text) return true;
    }
  }
  return false;
}

/** `set(obj[current], path.slice(1), value)`: the function walks down the path by calling itself on the key it writes. */
function recursesInto(fn: SyntaxNode, write: Write): boolean {
  const name = functionName(fn);
  if (!name || write.key.type !== 'identifier') return false;
  const wanted = `${write.target}[${write.key.text}]`;
  return factsOf(fn, write.node).calls.some((call) => {
    if ((call.childForFieldName('function')?.text ?? '').split('.').pop() !== name) return false;
    return (call.childForFieldName('arguments')?.namedChildren ?? []).some((a) => !!a && a.text.replace(/\s+/g, '').startsWith(wanted));
  });
}

/** Deep merges of libraries (lodash, deepmerge, merge, deep-extend, jQuery's `extend(true, …)`) and `Object.assign`. */
const deepMergeCallee = /^(?:(?:_|lodash|\$|jQuery|Hoek|hoek)\.)?(merge|mergeWith|mergeDeep|deepMerge|defaultsDeep|deepExtend|extend|assign)$|^Object\.assign$/;

/**
 * `_.merge(settings, req.body)`, `_.defaultsDeep({}, JSON.parse(req.body.config))`: a deep merge copies a "__proto__" key
 * of request data into Object.prototype (lodash before 4.17.12, deepmerge, merge, deep-extend, jQuery's deep extend).
 * `Object.assign(cart[req.body.id] || {}, req.body.options)`: a shallow copy into the object a request key picked, which
 * is Object.prototype itself for "__proto__".
 */
function checkDeepMerge(context: RuleContext, node: SyntaxNode): void {
  const calleeNode = node.childForFieldName('function');
  const callee = calleeNode?.text.replace(/\s+/g, '') ?? '';
  if (!calleeNode) return;
  // A bare name merges deeply only when it was imported from a merge library (`deepmerge(a, b)`, lodash's `merge`):
  // a local helper may merge by spreading, which cannot reach Object.prototype.
  const bare = calleeNode.type === 'identifier';
  if (bare && !mergeModules.test(context.resolveCallee(calleeNode) ?? '')) return;
  const m = deepMergeCallee.exec(callee) ?? (bare ? ([callee, 'merge'] as const) : undefined);
  if (!m || context.isTestCode(node)) return;
  const args = node.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment') ?? [];
  if (args.length < 2) return;
  const fn = enclosingFunction(node);
  // The function's text is read only once a report is due: it may be a whole bundle.
  const text = (): string => (fn ? factsOf(fn, node).text : node.text);
  const deep = m[1] === 'extend' && args[0].text === 'true';
  const target = unwrap(args[deep ? 1 : 0]);
  // The shallow kinds (`Object.assign`, `_.assign`, `extend(a, b)`) only pollute through a target a request key picked.
  const shallow = callee === 'Object.assign' || m[1] === 'assign' || (m[1] === 'extend' && !deep);
  if (shallow) {
    const picked = target && (target.type === 'binary_expression' ? unwrap(target.childForFieldName('left')) : target);
    const key = picked?.type === 'subscript_expression' ? unwrap(picked.childForFieldName('index')) : undefined;
    if (!key || constantString(key) !== undefined || key.type === 'number') return;
    const source = context.taint.sourceOf(key, 'prototype-pollution');
    if (!source || guardText.test(text()) || keyAllowList(key.text).test(text()) || isValidatedBefore(key, node)) return;
    context.report({
      node,
      confidence: 'high',
      message: `The key ${key.text} comes from ${source.label}, so "__proto__" makes this copy write into Object.prototype for the whole process; use a Map or Object.create(null), or refuse "__proto__", "constructor" and "prototype".`,
    });
    return;
  }
  for (const arg of args.slice(deep ? 2 : 1)) {
    const value = unwrap(arg);
    if (!value || value.type === 'object' || value.type === 'array' || constantString(value) !== undefined) continue;
    const source = context.taint.sourceOf(value, 'prototype-pollution');
    if (!source || source.parameter || guardText.test(text())) continue;
    context.report({
      node,
      confidence: 'medium',
      message: `This deep merge copies ${source.label} into ${target?.text ?? 'the target'}, so a "__proto__" key there can modify Object.prototype (lodash before 4.17.12, deepmerge, merge and deep-extend copy it); merge only the fields you expect, or refuse "__proto__", "constructor" and "prototype" keys.`,
    });
    return;
  }
}

/** `nested[key] = clone(nested[key])`: a path walk that copies what it walks through never writes input into a shared prototype. */
function writesCopy(assignment: SyntaxNode): boolean {
  const right = unwrap(assignment.childForFieldName('right'));
  const callee = right?.type === 'call_expression' ? right.childForFieldName('function')?.text ?? '' : '';
  return /(^|\.)(clone\w*|copy\w*|cloneDeep|structuredClone)$/i.test(callee);
}

/** A numeric loop counter: `for (let k = 0; …)`, or named like one. */
function isCounter(key: SyntaxNode): boolean {
  if (counterName.test(key.text)) return true;
  for (let n = key.parent; n; n = n.parent) {
    if (n.type === 'for_statement' && new RegExp(`\\b${key.text}\\s*=\\s*\\d`).test(n.childForFieldName('initializer')?.text ?? '')) return true;
  }
  return false;
}

function firstSubscript(node: SyntaxNode, depth = 0): SyntaxNode | undefined {
  if (node.type === 'subscript_expression') return node;
  if (depth > 8) return undefined;
  for (const child of node.namedChildren) {
    const found = child && firstSubscript(unwrap(child) ?? child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function isInside(node: SyntaxNode, ancestor: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n; n = n.parent) if (sameNode(n, ancestor)) return true;
  return false;
}

function functionName(fn: SyntaxNode): string | undefined {
  const own = fn.childForFieldName('name')?.text;
  if (own) return own;
  const parent = fn.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  if (parent?.type === 'pair') return parent.childForFieldName('key')?.text;
  if (parent?.type === 'assignment_expression') return parent.childForFieldName('left')?.text.split('.').pop();
  return undefined;
}

/** Inserts `if (key === '__proto__' || …) continue;` (or `return;` in a callback) at the top of the key loop, once per loop. */
function guardFix(context: RuleContext, loop: SyntaxNode, key: string, fixed: Set<string>): Fix | undefined {
  const id = `${loop.startIndex}:${loop.endIndex}`;
  if (fixed.has(id)) return undefined;
  const body = loop.childForFieldName('body');
  if (body?.type !== 'statement_block') return undefined;
  const first = body.namedChildren.find((c) => c && c.type !== 'comment');
  if (!first) return undefined;
  fixed.add(id);
  const indent = ' '.repeat(first.startPosition.column);
  const exit = loop.type === 'for_in_statement' ? 'continue' : 'return';
  const start = context.rangeOf(first).start;
  return {
    title: `Skip "__proto__", "constructor" and "prototype" keys (such keys are no longer copied)`,
    edits: [{ range: { start, end: start }, newText: `if (${key} === '__proto__' || ${key} === 'constructor' || ${key} === 'prototype') ${exit};\n${indent}` }],
    preservesBehaviour: false,
  };
}


/**
 * `settings[section][key] = value` with `section` from the request: a `section` of "__proto__" makes the write land on
 * Object.prototype. Reported when the outer key is request data and the inner key is not a constant.
 */
function checkTwoLevelWrite(context: RuleContext, node: SyntaxNode): void {
  const left = node.childForFieldName('left');
  if (left?.type !== 'subscript_expression') return;
  const inner = unwrap(left.childForFieldName('object'));
  const innerKey = unwrap(left.childForFieldName('index'));
  if (inner?.type !== 'subscript_expression' || !innerKey || constantString(innerKey) !== undefined || innerKey.type === 'number') return;
  const outerKey = unwrap(inner.childForFieldName('index'));
  if (!outerKey || constantString(outerKey) !== undefined || outerKey.type === 'number' || context.isTestCode(node)) return;
  const source = context.taint.sourceOf(outerKey, 'prototype-pollution');
  if (!source) return;
  const fn = enclosingFunction(node);
  const text = fn ? factsOf(fn, node).text : node.text;
  if (guardText.test(text) || guardedByOwnCheck(text, unwrap(inner.childForFieldName('object'))?.text ?? '')) return;
  if ((outerKey.type === 'identifier' || outerKey.type === 'member_expression') && keyAllowList(outerKey.text).test(text)) return;
  context.report({
    node,
    confidence: 'high',
    message: `The key ${outerKey.text} comes from ${source.label}, so "__proto__" there makes this write set ${innerKey.text} on Object.prototype for the whole process; use a Map or Object.create(null), or refuse "__proto__", "constructor" and "prototype".`,
  });
}

/** Path setters of lodash, dot-prop, object-path, set-value and dset: the path is their second argument. */
const pathSetters = /^(_|lodash|dotProp|dot|objectPath|op)\.(set|setWith)$|^(set|setWith|setValue|setPath|dset)$/;

/**
 * `_.set(target, req.body.path, value)`: the client picks the property path, and "__proto__.isAdmin" (or
 * "constructor.prototype.isAdmin") reaches Object.prototype wherever the library version or a fork does not refuse it.
 */
function checkPathSetter(context: RuleContext, node: SyntaxNode): void {
  const callee = node.childForFieldName('function');
  if (!callee || !pathSetters.test(callee.text.replace(/\s+/g, ''))) return;
  const args = node.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment') ?? [];
  const path = unwrap(args[1]);
  if (args.length < 3 || !path || constantString(path) !== undefined || context.isTestCode(node)) return;
  const source = context.taint.sourceOf(path, 'prototype-pollution');
  if (!source) return;
  const fn = enclosingFunction(node);
  if ((fn && guardText.test(factsOf(fn, node).text)) || isValidatedBefore(path, node)) return;
  context.report({
    node: path,
    confidence: 'medium',
    message: `The property path ${path.text.length > 40 ? 'here' : path.text} comes from ${source.label}, so a path like "__proto__.isAdmin" can reach Object.prototype; allow-list the paths a client may set, or refuse "__proto__", "constructor" and "prototype" segments.`,
  });
}
