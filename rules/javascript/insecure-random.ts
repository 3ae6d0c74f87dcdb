// insecure-random for JavaScript/TypeScript: Math.random() producing tokens, passwords, codes, salts or session ids, judged by the names its value reaches.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { callPartsOf } from './lib/call-parts';
import { findBinding, literalText, unwrap } from './lib/constant-strings';
import { nameOf, wordsOf } from './lib/name-words';
import { purposeOf } from './lib/sensitive-names';
import { enclosingNames, functionNameOf, isFunction, receiverName } from './lib/surrounding-names';

/** Calls whose result still carries the random value's purpose: `Math.floor(r * n)`, `r.toString(36)`, `chars.charAt(i)`. */
const carryingCalls = new Set([
  'floor', 'round', 'ceil', 'trunc', 'abs', 'toString', 'slice', 'substring', 'substr', 'padStart', 'padEnd', 'toUpperCase', 'toLowerCase',
  'charAt', 'fromCharCode', 'fromCodePoint', 'String', 'Number', 'parseInt', 'toFixed', 'join', 'replace', 'repeat', 'concat', 'from', 'map',
  'at', 'btoa', 'encode', 'push', 'min', 'max',
]);
/** Calls a random value is passed to that say it is for ordering, timing or display. */
const harmlessConsumers = /^(sort|setTimeout|setInterval|sleep|delay|wait|requestAnimationFrame|setState|setPosition|translate|rotate|scale|moveTo|lineTo|arc|fillRect|rgb|rgba|hsl|hsla)$/;

export default defineDetector({
  id: 'insecure-random',
  family: 'javascript',
  triggers: /random/,
  anchored: true,
  create(context) {
    const reported = new Set<string>();
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name } = callPartsOf(node);
        if (name !== 'random' || callee?.type !== 'member_expression') return;
        const object = callee.childForFieldName('object');
        if (object?.type !== 'identifier' || object.text !== 'Math' || findBinding(object)) return;
        const judged = judge(node);
        if (!judged || context.isTestCode(node)) return;
        // `Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2)` is one value: one finding.
        const key = `${judged.top.startIndex}:${judged.top.endIndex}`;
        if (reported.has(key)) return;
        reported.add(key);
        context.report({
          node,
          message: `Math.random() is predictable (its internal state can be recovered from a few outputs), so ${judged.what} made from it can be guessed; use crypto.randomBytes, crypto.randomInt or crypto.randomUUID.`,
          fix: fixFor(node, judged.top, context),
        });
      },
    };
  },
});

interface Judged {
  /** What the value is, for the message: `'resetToken'`, `the value generatePassword() returns`. */
  readonly what: string;
  /** The outermost expression that is still "the random value", for the fix. */
  readonly top: SyntaxNode;
}

function judge(call: SyntaxNode): Judged | undefined {
  let current = call;
  const via: string[] = [];
  for (let steps = 0; steps < 16; steps++) {
    const parent = current.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case 'parenthesized_expression':
      case 'template_substitution':
      case 'template_string':
      case 'unary_expression':
      case 'spread_element':
      case 'array':
      case 'as_expression':
      case 'non_null_expression':
      case 'sequence_expression':
        current = parent;
        continue;
      case 'ternary_expression':
        if (parent.childForFieldName('condition')?.equals(current)) return undefined;
        current = parent;
        continue;
      case 'binary_expression': {
        const operator = parent.childForFieldName('operator')?.type ?? '';
        // `Math.random() < 0.5`: a coin flip decides a branch, it is not a value that must stay secret.
        if (/^([<>]=?|[!=]==?|&&|\|\||\?\?|instanceof|in)$/.test(operator)) return undefined;
        current = parent;
        continue;
      }
      case 'subscript_expression':
        // `chars[Math.floor(Math.random() * chars.length)]`: the character picked is the value.
        current = parent;
        continue;
      case 'member_expression':
        current = parent;
        continue;
      case 'arguments': {
        const consumer = parent.parent;
        if (!consumer) return undefined;
        const fn = consumer.childForFieldName('function') ?? consumer.childForFieldName('constructor');
        const name = nameOf(fn) ?? '';
        if (harmlessConsumers.test(name)) return undefined;
        if (carryingCalls.has(name)) {
          current = consumer;
          continue;
        }
        // `res.cookie('session', token)`, `sendSms(phone, code)`: the consumer and its string arguments name the use.
        via.push(name);
        for (const sibling of parent.namedChildren) {
          const text = literalText(sibling);
          if (text && text.length <= 40) via.push(text);
        }
        return decide(call, via, current, undefined);
      }
      case 'call_expression':
        // `Math.random().toString(36)` climbs through the member expression to this call.
        current = parent;
        continue;
      case 'arrow_function': {
        // `Array.from({ length: 12 }, () => chars[…])`, `.map(() => …)`: continue from the call the callback is given to.
        const holder = parent.parent?.type === 'arguments' ? parent.parent.parent : undefined;
        const fnName = holder ? nameOf(holder.childForFieldName('function')) : undefined;
        if (holder && fnName && carryingCalls.has(fnName)) {
          current = holder;
          continue;
        }
        if (holder && fnName && harmlessConsumers.test(fnName)) return undefined;
        return decide(call, via, current, functionNameOf(parent));
      }
      case 'return_statement': {
        let fn: SyntaxNode | null = parent.parent;
        while (fn && !isFunction(fn)) fn = fn.parent;
        // `.map(() => { return chars[…] })`
        const holder = fn?.parent?.type === 'arguments' ? fn.parent.parent : undefined;
        const fnName = holder ? nameOf(holder.childForFieldName('function')) : undefined;
        if (holder && fnName && carryingCalls.has(fnName)) {
          current = holder;
          continue;
        }
        return decide(call, via, current, fn ? functionNameOf(fn) : undefined);
      }
      case 'jsx_expression':
        return undefined;
      default:
        return decide(call, via, current, undefined);
    }
  }
  return undefined;
}

/** Security wins only when the nearest names say so; the enclosing functions decide when the value is stored under a generic name. */
function decide(call: SyntaxNode, via: string[], top: SyntaxNode, returnedFrom: string | undefined): Judged | undefined {
  const receiver = receiverName(top) ?? assignedName(top);
  const nearest = [...(receiver ? wordsOf(receiver) : []), ...via.flatMap(wordsOf), ...(returnedFrom ? wordsOf(returnedFrom) : [])];
  const near = purposeOf(nearest);
  // A bare `key` (`let key = ''; key += chars[…]`) says nothing by itself: the enclosing function (`newApiKey`) decides.
  const bareKey = nearest.length === 1 && (nearest[0] === 'key' || nearest[0] === 'keys');
  if (near === 'harmless' && !bareKey) return undefined;
  if (near === 'security') {
    const what = receiver ? `'${receiver}'` : returnedFrom ? `the value ${returnedFrom}() returns` : 'the value';
    return { what, top };
  }
  const around = enclosingNames(call).slice(0, 2);
  // A hand-written stand-in for a secure generator (`function randomBytes(n)`, uuid's old `mathRNG`): whatever uses it trusts it.
  if (around.some((n) => rngName.test(n))) return { what: `the bytes ${around.find((n) => rngName.test(n))}() returns`, top };
  // An anonymous route handler is named by its route: `router.get('/login', (req, res) => …)`.
  const route = routePathAround(call);
  const words = [...around.flatMap(wordsOf), ...(route ? wordsOf(route) : [])];
  if (purposeOf(words) !== 'security') return undefined;
  return { what: around[0] ? `the value built in ${around[0]}()` : `the value built in the ${route} handler`, top };
}

const rngName = /^(random_?bytes|getRandomValues|randomFill(Sync)?|(math|insecure|fallback|whatwg|node)?_?rng|prng|csprng|secureRandom)$/i;

/** `x += …` and `x = …`: the assigned name (receiverName covers `=` only through its own cases). */
function assignedName(node: SyntaxNode): string | undefined {
  const parent = node.parent;
  if (parent?.type === 'augmented_assignment_expression' && parent.childForFieldName('right')?.equals(node)) return nameOf(parent.childForFieldName('left'));
  return undefined;
}

const base36Token = /^Math\.random\(\)\.toString\(36\)\.(slice|substring|substr)\(\s*2\s*(,\s*\d+\s*)?\)$/;

/**
 * `Math.floor(Math.random() * n)` → `crypto.randomInt(n)` and `Math.floor(a + Math.random() * b)` → `crypto.randomInt(a, a + b)` with
 * node:crypto imported (same range: preferred); `Math.random().toString(36).slice(2)` → `crypto.randomUUID()` (a different format: a suggestion).
 */
function fixFor(call: SyntaxNode, top: SyntaxNode, context: RuleContext): Fix | undefined {
  const nodeCrypto = context.bindings.find((b) => b.module === 'crypto' && !b.imported)?.local;
  const floor = enclosingFloor(call);
  if (floor && nodeCrypto) {
    const text = floor.text.replace(/\s+/g, '');
    const plain = /^Math\.floor\(Math\.random\(\)\*([A-Za-z_$][\w$.]*\.length|\d+)\)$/.exec(text);
    const shifted = /^Math\.floor\((\d+)\+Math\.random\(\)\*(\d+)\)$/.exec(text);
    const args = plain ? plain[1] : shifted ? `${shifted[1]}, ${Number(shifted[1]) + Number(shifted[2])}` : undefined;
    if (args) {
      return {
        title: `Use ${nodeCrypto}.randomInt(${args})`,
        edits: [{ range: context.rangeOf(floor), newText: `${nodeCrypto}.randomInt(${args})` }],
        preservesBehaviour: true,
      };
    }
  }
  const value = unwrap(top);
  if (!value) return undefined;
  const pieces = value.text.replace(/\s+/g, '').split('+');
  if (pieces.length > 2 || !pieces.every((p) => base36Token.test(p))) return undefined;
  const shadowed = context.bindings.some((b) => b.local === 'crypto' && b.module !== 'crypto');
  const name = nodeCrypto ?? (shadowed ? undefined : 'crypto');
  if (!name) return undefined;
  return {
    title: `Use ${name}.randomUUID() (122 random bits; the value's length and format change)`,
    edits: [{ range: context.rangeOf(value), newText: `${name}.randomUUID()` }],
    preservesBehaviour: false,
  };
}

/** The `Math.floor(…)` call directly around `Math.random() * n` (through `+` and parentheses), if any. */
function enclosingFloor(call: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = call.parent;
  for (let i = 0; n && i < 4; i++, n = n.parent) {
    if (n.type === 'binary_expression' || n.type === 'parenthesized_expression') continue;
    if (n.type === 'arguments') {
      const floor = n.parent;
      return floor?.childForFieldName('function')?.text.replace(/\s/g, '') === 'Math.floor' ? floor : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** The path string of the route whose inline handler encloses the node (`'/login'`), if any. */
function routePathAround(node: SyntaxNode): string | undefined {
  let fn: SyntaxNode | null = node.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  if (!fn || fn.parent?.type !== 'arguments') return undefined;
  const first = fn.parent.namedChildren[0];
  const path = first && !first.equals(fn) ? literalText(first) : undefined;
  return path?.startsWith('/') ? path : undefined;
}
