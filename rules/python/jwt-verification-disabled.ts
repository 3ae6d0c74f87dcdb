// jwt-verification-disabled for Python: PyJWT and python-jose decoding without signature checks, with the none algorithm, without an algorithm list, or from unverified claims.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { enclosingFunction, resolveCallee, resolveName } from './lib/scope';
import { calleeLastName, keywordArgument, positionalArguments } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

const decodeCallees = /^(jwt|jose\.jwt|jwt\.api_jwt)\.(decode|decode_complete)$/;
const candidateNames = new Set(['decode', 'decode_complete', 'encode', 'get_unverified_claims']);

export default defineDetector({
  id: 'jwt-verification-disabled',
  family: 'python',
  triggers: { text: /jwt|jose/, imports: /^(?:jwt|jose)(?:\.|$)/ },
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
        if (decodeCallees.test(resolved)) checkDecode(context, node, args, resolved);
        else if (resolved === 'jwt.encode' || resolved === 'jose.jwt.encode') checkEncode(context, node, args);
        else if (resolved === 'jose.jwt.get_unverified_claims' || resolved === 'jwt.get_unverified_claims') {
          if (verifiesElsewhere(node, context)) return;
          context.report({ node, message: `${callee.text}() returns the token's claims without checking its signature, so anyone can forge a token with any subject or role; use jwt.decode with the key and an explicit algorithms list.` });
        }
      },
    };
  },
});

function checkDecode(context: RuleContext, node: SyntaxNode, args: SyntaxNode, resolved: string): void {
  const name = resolved.replace(/^jwt\.api_jwt\./, 'jwt.');
  const options = keywordArgument(args, 'options');
  const disabled = options ? disabledChecks(options, context) : [];
  if (disabled.includes('verify_signature')) {
    if (verifiesElsewhere(node, context)) return;
    context.report({ node: options!, message: `${name}() with verify_signature off accepts tokens signed by anyone (or not at all), so a client can forge any identity or role; verify with the key and an explicit algorithms list.` });
    return;
  }
  const verify = keywordArgument(args, 'verify');
  if (verify?.type === 'false') {
    if (verifiesElsewhere(node, context)) return;
    context.report({ node: verify.parent!, message: `${name}(verify=False) skips the signature check (PyJWT 1.x), so a client can forge any identity or role; verify with the key and an explicit algorithms list.` });
    return;
  }
  const algorithms = keywordArgument(args, 'algorithms') ?? (resolved.startsWith('jose') ? positionalArguments(args)[2] : undefined);
  const none = algorithms ? noneAlgorithm(algorithms) : undefined;
  if (none) {
    context.report({ node: none, message: `Accepting the "none" algorithm lets anyone send an unsigned token with whatever claims they like; list only the algorithms your tokens are signed with.`, fix: removeElementFix(context, none) });
    return;
  }
  if (disabled.includes('verify_exp')) {
    context.report({ node: options!, confidence: 'medium', message: `${name}() with verify_exp off accepts expired tokens forever, so a leaked token never stops working; keep expiry checks on (use leeway= for clock skew).` });
    return;
  }
  const key = positionalArguments(args)[1] ?? keywordArgument(args, 'key');
  if (algorithms && mixesKeyTypes(algorithms)) {
    context.report({
      node: algorithms,
      message: `Accepting both HMAC (HS*) and public-key (RS*/ES*/PS*) algorithms with one key lets an attacker sign a token with HMAC using the public key as the secret (algorithm confusion); list only the family your tokens are signed with.`,
    });
    return;
  }
  if ((!algorithms || algorithms.type === 'none') && key) {
    context.report({
      node,
      confidence: 'medium',
      message: `${name}() without an algorithms list trusts the algorithm named in the token header, which lets an attacker switch algorithms (an RSA public key used as an HMAC secret) in libraries that allow it; pass algorithms=["RS256"] or whichever one you sign with.`,
    });
  }
}

/** `jwt.encode(payload, key, algorithm="none")`: issuing tokens nobody can verify. */
function checkEncode(context: RuleContext, node: SyntaxNode, args: SyntaxNode): void {
  const algorithm = keywordArgument(args, 'algorithm') ?? positionalArguments(args)[2];
  if (!algorithm || literalText(algorithm)?.toLowerCase() !== 'none') return;
  context.report({ node: algorithm, message: 'Tokens issued with the "none" algorithm carry no signature, so anyone can mint one with any claims; sign with HS256 (a secret) or RS256/ES256 (a key pair).' });
}

/** Checks an options dict turns off: `{"verify_signature": False}`, through a module-level name bound to the dict too. */
function disabledChecks(options: SyntaxNode, context: RuleContext): string[] {
  let dict: SyntaxNode | undefined = options;
  if (options.type === 'identifier') {
    const { bindings } = resolveName(options.text, options, context);
    dict = bindings.length === 1 && bindings[0].kind === 'assignment' ? bindings[0].value : undefined;
  }
  if (dict?.type !== 'dictionary') return [];
  const out: string[] = [];
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = literalText(pair.childForFieldName('key'));
    if (key && pair.childForFieldName('value')?.type === 'false') out.push(key);
  }
  return out;
}

/** An algorithms list with both an HMAC algorithm and a public-key one: the classic algorithm-confusion setup. */
function mixesKeyTypes(algorithms: SyntaxNode): boolean {
  if (algorithms.type !== 'list' && algorithms.type !== 'tuple' && algorithms.type !== 'set') return false;
  const names = algorithms.namedChildren.map((e) => (e ? literalText(e)?.toUpperCase() ?? '' : ''));
  return names.some((n) => /^HS\d+$/.test(n)) && names.some((n) => /^(RS|ES|PS)\d+K?$|^EDDSA$/.test(n));
}

/** The "none" entry of an algorithms list (or the lone "none" string). */
function noneAlgorithm(algorithms: SyntaxNode): SyntaxNode | undefined {
  if (literalText(algorithms)?.toLowerCase() === 'none') return algorithms;
  if (algorithms.type !== 'list' && algorithms.type !== 'tuple' && algorithms.type !== 'set') return undefined;
  return algorithms.namedChildren.find((e): e is SyntaxNode => !!e && literalText(e)?.toLowerCase() === 'none');
}

/** Reading claims unverified is fine when the same function then verifies the token with a key and an algorithm list. */
function verifiesElsewhere(node: SyntaxNode, context: RuleContext): boolean {
  const scope = enclosingFunction(node);
  if (!scope) return false;
  let verified = false;
  const visit = (n: SyntaxNode): void => {
    if (verified) return;
    if (n.type === 'call' && !n.equals(node) && calleeLastName(n, context) === 'decode') {
      const args = n.childForFieldName('arguments');
      const options = keywordArgument(args, 'options');
      if (keywordArgument(args, 'algorithms') && keywordArgument(args, 'verify')?.type !== 'false' && !(options && disabledChecks(options, context).includes('verify_signature'))) verified = true;
    }
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(scope);
  return verified;
}

function removeElementFix(context: RuleContext, element: SyntaxNode): Fix | undefined {
  const list = element.parent;
  if (!list || list.namedChildren.filter((c) => c && c.type !== 'comment').length < 2) return undefined;
  const next = element.nextNamedSibling;
  const previous = element.previousNamedSibling;
  const range = next
    ? { start: context.rangeOf(element).start, end: context.rangeOf(next).start }
    : { start: context.rangeOf(previous!).end, end: context.rangeOf(element).end };
  return { title: 'Stop accepting "none" (unsigned tokens will be rejected)', edits: [{ range, newText: '' }], preservesBehaviour: false };
}
