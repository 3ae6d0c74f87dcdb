// insecure-random for Python: the random module (and numpy.random) producing tokens, passwords, codes, salts and nonces, judged by where the value lands.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type TextEdit } from '../api';
import { importedName } from './lib/import-edits';
import { wordsOf } from './lib/name-words';
import { enclosingFunction, resolveCallee } from './lib/scope';
import { describeKind, secretName } from './lib/secret-names';
import { calleeLastName, positionalArguments } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

const randomFunctions = new Set(['random', 'randint', 'randrange', 'choice', 'choices', 'sample', 'getrandbits', 'randbytes', 'uniform', 'shuffle', 'rand', 'bytes']);
const numpyFunctions = new Set(['randint', 'choice', 'random', 'rand', 'bytes']);

/** Words that make a value a secret or a one-time code, and how a message names it. */
const securityWords = new Map<string, string>([
  ['password', 'a password'], ['passwd', 'a password'], ['pwd', 'a password'], ['passphrase', 'a password'], ['passcode', 'a one-time code'],
  ['pin', 'a PIN'], ['otp', 'a one-time code'], ['totp', 'a one-time code'], ['hotp', 'a one-time code'], ['nonce', 'a nonce'], ['salt', 'a salt'],
  ['secret', 'a secret'], ['token', 'a token'], ['tokens', 'a token'], ['session', 'a session identifier'], ['sessionid', 'a session identifier'],
  ['sid', 'a session identifier'], ['csrf', 'a CSRF token'], ['xsrf', 'a CSRF token'], ['apikey', 'an API key'], ['credential', 'a credential'],
  ['credentials', 'a credential'], ['signature', 'a signature'], ['challenge', 'a challenge'], ['iv', 'an IV'], ['verification', 'a verification code'],
  ['activation', 'an activation code'], ['confirmation', 'a confirmation code'], ['invite', 'an invitation code'], ['invitation', 'an invitation code'],
  ['reset', 'a reset code'], ['auth', 'an authentication value'], ['sms', 'a one-time code'], ['verify', 'a verification code'],
  ['confirm', 'a confirmation code'], ['signup', 'a verification code'], ['mfa', 'a one-time code'], ['2fa', 'a one-time code'], ['captcha', 'a CAPTCHA'],
]);
/** Words that say the value is timing, sampling, display or test data: they win over a security word in the same name. */
const harmlessWords = new Set([
  'delay', 'sleep', 'jitter', 'backoff', 'wait', 'timeout', 'interval', 'retry', 'retries', 'color', 'colour', 'rgb', 'hue', 'sample', 'samples',
  'sampling', 'shuffle', 'shuffled', 'dice', 'die', 'roll', 'coin', 'flip', 'index', 'idx', 'position', 'pos', 'offset', 'weight', 'weights',
  'probability', 'prob', 'noise', 'port', 'seed', 'test', 'tests', 'mock', 'fake', 'faker', 'dummy', 'demo', 'example', 'simulate', 'simulation',
  'game', 'bucket', 'buckets', 'latency', 'length', 'len', 'size', 'count', 'width', 'height', 'angle', 'speed', 'temperature', 'population',
  'filename', 'file', 'path', 'tmp', 'temp', 'agent', 'proxy', 'server', 'host', 'node', 'worker', 'shard', 'partition', 'split', 'train', 'batch',
  'epoch', 'augment', 'avatar', 'emoji', 'tip', 'fact', 'joke', 'greeting', 'quote', 'lifetime', 'ttl', 'expiry', 'expires', 'duration', 'limit',
  'spread', 'skew', 'slot', 'lottery', 'raffle', 'winner', 'trace', 'correlation', 'request', 'boundary', 'delimiter', 'separator', 'marker',
]);
/** Consumers that only carry the value on: `"".join(...)`, `str(...)`. Anything else that consumes it names its purpose. */
const carriers = new Set(['join', 'str', 'format', 'int', 'hex', 'bytes', 'bytearray', 'encode', 'upper', 'lower', 'zfill', 'rjust', 'ljust', 'list', 'tuple', 'set', 'sorted', 'append', 'extend', 'shuffle']);

export default defineDetector({
  id: 'insecure-random',
  family: 'python',
  triggers: { text: /random|uuid1/, imports: /^(?:random|numpy|uuid)(?:\.|$)/ },
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context);
        if (last === 'uuid1') return checkUuid1(context, node);
        if (!last || !randomFunctions.has(last)) return;
        const callee = node.childForFieldName('function');
        if (!callee) return;
        const resolved = resolveCallee(callee, context);
        if (!resolved) return;
        const numpy = resolved.startsWith('numpy.random.');
        if (!(resolved.startsWith('random.') && resolved.split('.').length === 2) && !(numpy && numpyFunctions.has(last))) return;
        const purpose = purposeOf(node);
        if (!purpose) return;
        context.report({
          node,
          message: `${callee.text}() is a predictable generator (Mersenne Twister: its state can be recovered from outputs), so ${purpose.what} made from it can be guessed; use the secrets module (secrets.token_urlsafe, secrets.choice, secrets.randbelow).`,
          ...(numpy ? {} : { fix: secretsFix(context, node, callee, last) }),
        });
      },
    };
  },
});

/** uuid.uuid1() is the clock and the MAC address: a token made from it is guessed from roughly when it was issued. */
function checkUuid1(context: RuleContext, node: SyntaxNode): void {
  const callee = node.childForFieldName('function');
  if (!callee || resolveCallee(callee, context) !== 'uuid.uuid1') return;
  const purpose = purposeOf(node);
  if (!purpose) return;
  const uuid4: Fix | undefined = callee.type === 'attribute' && callee.childForFieldName('attribute')
    ? { title: 'Use uuid4 (random, from the OS CSPRNG; the value no longer encodes time and host)', edits: [{ range: context.rangeOf(callee.childForFieldName('attribute')!), newText: 'uuid4' }], preservesBehaviour: false }
    : undefined;
  context.report({
    node,
    message: `uuid1() is made of the current time and the machine's MAC address, so ${purpose.what} made from it can be guessed from when it was issued; use secrets.token_urlsafe() (or uuid4()).`,
    ...(uuid4 ? { fix: uuid4 } : {}),
  });
}

interface Purpose {
  readonly what: string;
}

/** Where the random value lands, inner to outer: the first name with a verdict decides; the enclosing function last. */
function purposeOf(call: SyntaxNode): Purpose | undefined {
  // A function that says it makes something harmless (`_make_boundary`, `jitter`) decides, whatever its locals are called.
  const fn = enclosingFunction(call);
  if (fn && judge(fn.childForFieldName('name')?.text ?? '') === 'harmless') return undefined;
  for (const name of landingNames(call)) {
    const verdict = judge(name);
    if (verdict === 'harmless') return undefined;
    if (verdict) return { what: verdict };
    // code = random.randint(100000, 999999): a numeric code of four or more digits is a one-time code.
    if (wordsOf(name).includes('code') && isDigitCode(call)) return { what: 'a one-time code' };
  }
  for (let n = call.parent; n; n = n.parent) {
    if (n.type !== 'function_definition' && n.type !== 'class_definition') continue;
    const name = n.childForFieldName('name')?.text ?? '';
    // generate_key(), make_api_keys(): a function that makes keys makes credentials.
    if (n.type === 'function_definition' && /^_*(generate|gen|make|create|new|random|issue)_?(api_?|access_?|secret_?)?keys?$/i.test(name)) return { what: 'a key' };
    const verdict = judge(name);
    if (verdict === 'harmless') return undefined;
    if (verdict) return { what: verdict };
  }
  return undefined;
}

/** randint(1000, 9999), randint(100000, 999999), randrange(10**5, 10**6): the draw of a fixed-width numeric code. */
function isDigitCode(call: SyntaxNode): boolean {
  const callee = call.childForFieldName('function');
  const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
  if (name !== 'randint' && name !== 'randrange') return false;
  const [low, high] = positionalArguments(call.childForFieldName('arguments'));
  const value = (n: SyntaxNode | undefined): number | undefined => {
    if (!n) return undefined;
    if (n.type === 'integer') return Number(n.text.replaceAll('_', ''));
    const power = /^10\s*\*\*\s*(\d)$/.exec(n.text);
    return power ? 10 ** Number(power[1]) : undefined;
  };
  const lo = value(low);
  const hi = value(high);
  return lo !== undefined && hi !== undefined && lo >= 1000 && /^10*$/.test(String(lo)) && hi >= lo * 9 - 1;
}

function judge(name: string): string | 'harmless' | undefined {
  const words = wordsOf(name);
  // temp_password, tmp_pwd: a temporary password is still one (temp is harmless only for files and scratch values).
  const password = words.some((w) => w === 'password' || w === 'passwd' || w === 'pwd');
  if (words.some((w) => harmlessWords.has(w) && !(password && (w === 'temp' || w === 'tmp')))) return 'harmless';
  for (const word of words) {
    const what = securityWords.get(word);
    if (what) return what;
  }
  const secret = secretName(name);
  if (!secret) return undefined;
  const kind = describeKind(name, secret.kind);
  return `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** Names on the way from a value to where it is stored, passed or returned. */
function landingNames(start: SyntaxNode): string[] {
  const names: string[] = [];
  for (let child = start, n = start.parent, depth = 0; n && depth < 12; child = n, n = n.parent, depth++) {
    switch (n.type) {
      case 'assignment':
      case 'augmented_assignment': {
        const left = n.childForFieldName('left');
        if (left && !left.equals(child)) names.push(...targetNames(left));
        return names;
      }
      case 'keyword_argument':
        names.push(n.childForFieldName('name')?.text ?? '');
        break;
      case 'pair':
        names.push(literalText(n.childForFieldName('key')) ?? n.childForFieldName('key')?.text ?? '');
        return names;
      case 'argument_list': {
        const consumer = n.parent?.childForFieldName('function');
        const name = consumer?.type === 'attribute' ? consumer.childForFieldName('attribute')?.text : consumer?.text;
        if (name && !carriers.has(name)) names.push(name);
        break;
      }
      case 'return_statement':
      case 'expression_statement':
      case 'lambda':
      case 'block':
        return names;
      default:
        break;
    }
  }
  return names;
}

/** `self.reset_code` → self.reset_code; `session["csrf_token"]` → csrf_token, then session. */
function targetNames(left: SyntaxNode): string[] {
  if (left.type !== 'subscript') return [left.text];
  const key = literalText(left.childForFieldName('subscript'));
  return [...(key ? [key] : []), left.childForFieldName('value')?.text ?? ''];
}

/** The same draw from the operating system's CSPRNG: secrets.choice, secrets.randbits, secrets.randbelow, or secrets.SystemRandom(). */
function secretsFix(context: RuleContext, call: SyntaxNode, callee: SyntaxNode, method: string): Fix | undefined {
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return undefined;
  const positional = positionalArguments(args);
  const onlyPositional = args.namedChildren.every((a) => !a || a.type === 'comment' || positional.some((p) => p.equals(a)));
  const name = (function_: string): { expression: string; edits: readonly TextEdit[] } => importedName(call, context, 'secrets', function_, 'module');
  const replaceCallee = (function_: string): Fix => {
    const imported = name(function_);
    return fix([...imported.edits, { range: context.rangeOf(callee), newText: imported.expression }]);
  };
  const fix = (edits: TextEdit[]): Fix => ({ title: 'Use the secrets module (same distribution, drawn from the OS CSPRNG)', edits, preservesBehaviour: true });
  if (method === 'choice' && onlyPositional && positional.length === 1) return replaceCallee('choice');
  if (method === 'getrandbits' && onlyPositional && positional.length === 1) return replaceCallee('randbits');
  if (method === 'randrange' && onlyPositional && positional.length === 1) return replaceCallee('randbelow');
  if (method === 'randint' && onlyPositional && positional.length === 2) {
    const [low, high] = positional.map((p) => integerValue(p));
    if (low !== undefined && high !== undefined && high >= low) {
      const imported = name('randbelow');
      const text = low === 0n ? `${imported.expression}(${high + 1n})` : `${imported.expression}(${high - low + 1n}) + ${low}`;
      return fix([...imported.edits, { range: context.rangeOf(call), newText: text }]);
    }
  }
  // Everything else keeps its exact call through the SystemRandom class the secrets module re-exports.
  const imported = name('SystemRandom');
  return fix([...imported.edits, { range: context.rangeOf(callee), newText: `${imported.expression}().${method}` }]);
}

function integerValue(node: SyntaxNode): bigint | undefined {
  if (node.type !== 'integer' || !/^[0-9_]+$/.test(node.text)) return undefined;
  return BigInt(node.text.replaceAll('_', ''));
}
