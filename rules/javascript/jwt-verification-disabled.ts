// jwt-verification-disabled for JavaScript/TypeScript: decode used where verify belongs, the none algorithm, ignored expiry or errors, jwt-simple's noVerify, and public keys without an algorithm list.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { callArgumentsOf, callPartsOf } from './lib/call-parts';
import { constantString, unwrap } from './lib/constant-strings';
import { constantBoolean, keyNameOf, objectLiteralOf, propertyOf } from './lib/object-keys';
import { resolveTarget } from './lib/sink-calls';
import { enclosingFunction, functionNameOf } from './lib/surrounding-names';

const decoders = new Set(['jsonwebtoken.decode', 'jose.decodeJwt', 'jwt-decode', 'jwt-decode.jwtDecode', 'jwt-decode.default']);
const verifiers = new Set(['jsonwebtoken.verify', 'jsonwebtoken.sign']);
/** A verification anywhere in the function: then decode() is reading a header or claims next to it. */
const verifiesNearby = /\b(verify|jwtVerify|verifyToken|verifyJwt|verifyIdToken|verifyAccessToken|compactVerify|validateToken)\s*\(/;
/** Where a decoded token is trusted as identity. */
const trustsAsIdentity = /\b(req|request)\.(user|auth|userId|claims)\s*=|\bres\.locals\.(user|auth|userId)\s*=|\bctx\.state\.(user|auth)\s*=|\bnext\s*\(\s*\)|\b(role|roles|isAdmin|permissions|scope)\b|\.(sub|userId|user_id|uid)\b/;
const authFunction = /auth|verify|protect|guard|require|canActivate|currentUser|getUser|checkToken|validateToken|isLoggedIn|middleware/i;

export default defineDetector({
  id: 'jwt-verification-disabled',
  family: 'javascript',
  triggers: /verify|\bsign\b|jwt|decode|algorithm|ignoreExpiration/i,
  anchored: true,
  create(context) {
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name } = callPartsOf(node);
        if (!callee || !name || !/^(verify|sign|jwt|expressjwt|expressJwt)$|decode/i.test(name)) return;
        const target = resolveTarget(context, callee);
        if (!target) return;
        const args = callArgumentsOf(node);
        if (context.isTestCode(node)) return;
        if (target === 'jwt-simple.decode') return checkJwtSimple(node, args, context);
        if (/^jws\.verify$/.test(target) && args.length === 2) {
          context.report({ node, confidence: 'medium', message: "jws.verify(signature, key) without an algorithm trusts the token's own alg header, so a token signed with HS256 using the public key (or alg none in old versions) passes; call jws.verify(signature, 'RS256', key)." });
          return;
        }
        if (/^express-jwt(\.expressjwt|\.default)?$/.test(target)) {
          const options = objectLiteralOf(args[0]);
          if (options && !propertyOf(options, 'algorithms')) {
            context.report({ node, confidence: 'medium', message: 'express-jwt without an algorithms list lets older versions accept whatever algorithm the token names, including HS256 signed with a public key; pass algorithms: [\'RS256\'] (or the one you sign with).' });
          }
          return;
        }
        if (decoders.has(target)) return checkDecode(node, target, context);
        if (verifiers.has(target)) return checkVerify(node, target, args, context);
      },
      pair(node: SyntaxNode) {
        // `algorithms: ['HS256', 'none']` in any JWT options object (jsonwebtoken, express-jwt, passport-jwt).
        const key = keyNameOf(node);
        // passport-jwt: `new JwtStrategy({ jwtFromRequest, secretOrKey, ignoreExpiration: true }, verify)`.
        if (key === 'ignoreExpiration') return checkStrategyExpiry(node, context);
        if (key !== 'algorithms' && key !== 'algorithm') return;
        const value = unwrap(node.childForFieldName('value'));
        if (!value) return;
        const none = value.type === 'array' ? value.namedChildren.find((c) => c && isNone(c)) : isNone(value) ? value : undefined;
        if (!none || context.isTestCode(node)) return;
        context.report({
          node: none,
          message: key === 'algorithm'
            ? "Signing with the 'none' algorithm produces unsigned tokens that anyone can forge; sign with HS256/RS256/ES256 and a secret key."
            : "Accepting the 'none' algorithm lets anyone forge a token by removing its signature; list only the algorithms you sign with.",
          fix: removeNoneFix(value, none, context),
        });
      },
    };
  },
});

function isNone(node: SyntaxNode): boolean {
  return constantString(node)?.toLowerCase() === 'none';
}

/** `ignoreExpiration: true` in passport-jwt's strategy options: expired (stolen, logged-out) tokens keep working forever. */
function checkStrategyExpiry(pair: SyntaxNode, context: RuleContext): void {
  const object = pair.parent;
  if (!object || constantBoolean(pair.childForFieldName('value')) !== true) return;
  if (!propertyOf(object, 'jwtFromRequest') && !propertyOf(object, 'secretOrKey') && !propertyOf(object, 'secretOrKeyProvider')) return;
  if (context.isTestCode(pair)) return;
  context.report({
    node: pair,
    message: 'ignoreExpiration: true makes this strategy accept expired tokens, so a leaked or logged-out token works forever; remove it and keep tokens short-lived.',
    fix: { title: 'Check token expiry (expired tokens are then refused)', edits: [{ range: context.rangeOf(pair.childForFieldName('value')!), newText: 'false' }], preservesBehaviour: false },
  });
}

/** decode() where the function never verifies and then trusts the claims as the caller's identity. */
function checkDecode(call: SyntaxNode, target: string, context: RuleContext): void {
  const fn = enclosingFunction(call);
  if (!fn) return;
  const body = fn.text.slice(0, 20000);
  if (verifiesNearby.test(body)) return;
  const name = functionNameOf(fn) ?? '';
  const params = fn.childForFieldName('parameters')?.text ?? '';
  const middleware = /\(\s*(req|request|ctx|context)\b[^)]*\b(res|reply|response|next)\b/.test(params);
  if (!trustsAsIdentity.test(body) || !(middleware || authFunction.test(name))) return;
  // jwt-decode is made for the browser, where reading your own token's claims (`useAuth() { … u.sub }`) is its purpose:
  // only a server handler trusting them is a hazard.
  if (target.startsWith('jwt-decode') && !middleware) return;
  const what = target.startsWith('jsonwebtoken') ? 'jwt.decode()' : target.startsWith('jose') ? 'decodeJwt()' : 'jwtDecode()';
  context.report({
    node: call,
    message: `${what} only base64-decodes the token without checking its signature, so anyone can write their own claims (any user, any role) and be trusted; use jwt.verify(token, key, { algorithms: [...] }) (jose: jwtVerify) here.`,
  });
}

function checkVerify(call: SyntaxNode, target: string, args: SyntaxNode[], context: RuleContext): void {
  const options = objectLiteralOf(args[2]);
  if (target === 'jsonwebtoken.verify') {
    const ignoreExpiration = options ? propertyOf(options, 'ignoreExpiration') : undefined;
    if (ignoreExpiration && constantBoolean(ignoreExpiration) === true) {
      context.report({
        node: ignoreExpiration.parent ?? call,
        message: 'ignoreExpiration: true accepts tokens long after they expire, so a leaked or revoked token works forever; remove it and refresh tokens instead.',
        fix: { title: 'Set ignoreExpiration: false (expired tokens are rejected)', edits: [{ range: context.rangeOf(ignoreExpiration), newText: 'false' }], preservesBehaviour: false },
      });
    }
    // `jwt.verify(token, secret, (err, decoded) => { req.user = decoded; next(); })`: the error is never looked at.
    const callback = [...args].reverse().find((a) => /^(arrow_function|function_expression|function)$/.test(a.type));
    if (callback && ignoresError(callback)) {
      context.report({
        node: callback.childForFieldName('parameters')?.namedChildren[0] ?? callback,
        message: 'This verify callback never checks its error argument, so a token with a bad signature or an expired one is treated as valid; return a 401 when err is set.',
      });
    }
    // A PEM public key without an algorithm list: older jsonwebtoken accepts an HS256 token "signed" with the public key.
    const key = args[1];
    const algorithms = options ? unwrap(propertyOf(options, 'algorithms')) : undefined;
    if (key && looksLikePublicKey(key) && !algorithms) {
      context.report({
        node: call,
        confidence: 'medium',
        message: 'Verifying with a public key but no algorithms list lets older jsonwebtoken versions accept an HS256 token signed with that public key as its secret; pass { algorithms: [\'RS256\'] }.',
      });
    }
    // `{ algorithms: ['RS256', 'HS256'] }` with a public key: an HS256 token signed with the public key as secret passes.
    const hmac = algorithms?.type === 'array' ? algorithms.namedChildren.find((a) => /^HS\d+$/i.test(constantString(a) ?? '')) : undefined;
    if (key && hmac && looksLikePublicKey(key) && algorithms!.namedChildren.some((a) => /^(RS|PS|ES)\d+$/i.test(constantString(a) ?? ''))) {
      context.report({ node: hmac, message: `Listing ${hmac.text} next to public-key algorithms lets anyone sign a token with the public key as an HMAC secret and pass verification; list only the algorithm the issuer signs with.` });
    }
  }
}

function ignoresError(callback: SyntaxNode): boolean {
  const first = callback.childForFieldName('parameters')?.namedChildren[0];
  const pattern = first?.type === 'required_parameter' ? first.childForFieldName('pattern') : first;
  if (pattern?.type !== 'identifier' || /^_/.test(pattern.text)) return false;
  const body = callback.childForFieldName('body');
  if (!body) return false;
  return !body.descendantsOfType('identifier').some((id) => id?.text === pattern.text);
}

function looksLikePublicKey(node: SyntaxNode): boolean {
  const text = node.text;
  return /public[_-]?key|publicKey|PUBLIC_KEY|\bpub(Key)?\b|\bcert\b|\.pem['"`]|\.crt['"`]|BEGIN PUBLIC KEY|BEGIN CERTIFICATE/i.test(text) && !/private|secret/i.test(text);
}

/** jwt-simple: `jwt.decode(token, secret, true)` skips the signature check. */
function checkJwtSimple(call: SyntaxNode, args: SyntaxNode[], context: RuleContext): void {
  const noVerify = args[2];
  if (!noVerify || constantBoolean(noVerify) !== true) return;
  context.report({
    node: noVerify,
    message: "jwt-simple's decode() with noVerify = true skips the signature check, so anyone can forge the token's claims; drop the third argument so the token is verified.",
    fix: {
      title: 'Verify the signature (forged or tampered tokens will now throw)',
      edits: [{ range: { start: context.rangeOf(args[1]).end, end: context.rangeOf(noVerify).end }, newText: '' }],
      preservesBehaviour: false,
    },
  });
}

/** Removes `'none'` from an algorithms array (with its comma); a lone `'none'` has no safe replacement. */
function removeNoneFix(list: SyntaxNode, none: SyntaxNode, context: RuleContext): Fix | undefined {
  if (list.type !== 'array') return undefined;
  const items = list.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  if (items.length < 2) return undefined;
  const index = items.findIndex((c) => c.equals(none));
  const range = index > 0
    ? { start: context.rangeOf(items[index - 1]).end, end: context.rangeOf(none).end }
    : { start: context.rangeOf(none).start, end: context.rangeOf(items[1]).start };
  return { title: "Remove 'none' from the accepted algorithms (unsigned tokens are rejected)", edits: [{ range, newText: '' }], preservesBehaviour: false };
}

