// insecure-cookie for Python: session and auth cookies set without HttpOnly or Secure (Flask, Django, Starlette set_cookie), and cookie settings switched off.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type TextEdit, type Visitors } from '../api';
import { flagValue } from './lib/flag-values';
import { wordsOf } from './lib/name-words';
import { secretName } from './lib/secret-names';
import { configClassKind, isDevelopmentPath } from './lib/settings-modules';
import { calleeLastName, keywordArgument, positionalArguments } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

/** Cookie names that carry a session or credential. */
const sessionWords = new Set(['session', 'sessionid', 'sid', 'auth', 'token', 'jwt', 'remember', 'login', 'access', 'refresh', 'identity', 'credential', 'credentials', 'sso', 'bearer', 'user', 'userid', 'uid', 'logged']);
/** Cookies a page's own script must read: double-submit CSRF tokens. */
const scriptCookieWords = new Set(['csrf', 'xsrf', 'csrftoken']);
/** Settings that switch a protection off when False (Flask, Flask-Login, Flask-JWT-Extended, Django). */
const offWhenFalse: Record<string, string> = {
  SESSION_COOKIE_HTTPONLY: 'scripts can read the session cookie, so any XSS steals sessions',
  SESSION_COOKIE_SECURE: 'the session cookie is also sent over plain HTTP, where anyone on the network can read it',
  REMEMBER_COOKIE_HTTPONLY: 'scripts can read the remember-me cookie, so any XSS steals long-lived logins',
  REMEMBER_COOKIE_SECURE: 'the remember-me cookie is also sent over plain HTTP, where anyone on the network can read it',
  CSRF_COOKIE_SECURE: 'the CSRF cookie is also sent over plain HTTP, where anyone on the network can read it',
  JWT_COOKIE_SECURE: 'the JWT cookie is also sent over plain HTTP, where anyone on the network can read it',
};

export default defineDetector({
  id: 'insecure-cookie',
  family: 'python',
  triggers: /_cookie|COOKIE/,
  anchored: true,
  create(rawContext): Visitors {
    const context = quietInTests(rawContext);
    const developmentFile = isDevelopmentPath(context.file.path);
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context);
        if (last !== 'set_cookie' && last !== 'set_signed_cookie' && last !== 'update' && last !== 'from_mapping') return;
        const args = node.childForFieldName('arguments');
        if (args?.type !== 'argument_list') return;
        if (last === 'set_cookie' || last === 'set_signed_cookie') checkSetCookie(context, node, args);
        else if (!developmentFile && (last === 'update' || last === 'from_mapping')) {
          const object = node.childForFieldName('function')?.childForFieldName('object');
          if (!object || !/(^|\.)config$/.test(object.text)) return;
          for (const argument of args.namedChildren) {
            if (argument?.type !== 'keyword_argument') continue;
            checkSetting(context, argument, argument.childForFieldName('name')?.text ?? '', argument.childForFieldName('value'));
          }
        }
      },
      assignment(node: SyntaxNode) {
        if (developmentFile) return;
        const left = node.childForFieldName('left');
        if (!left || !left.text.includes('COOKIE') || configClassKind(node) === 'development') return;
        const name = left.type === 'identifier' ? left.text : left.type === 'subscript' && /(^|\.)config$/.test(left.childForFieldName('value')?.text ?? '') ? literalText(left.childForFieldName('subscript')) : undefined;
        if (name) checkSetting(context, node, name, node.childForFieldName('right'));
      },
    };
  },
});

function checkSetting(context: RuleContext, at: SyntaxNode, name: string, value: SyntaxNode | null): void {
  if (!value) return;
  const consequence = offWhenFalse[name];
  if (consequence) {
    if (flagValue(value, context) !== false) return;
    const fix: Fix | undefined = value.type === 'false'
      ? { title: `Set ${name} to True (${/SECURE/.test(name) ? 'the cookie is no longer sent over plain HTTP' : 'scripts can no longer read the cookie'})`, edits: [{ range: context.rangeOf(value), newText: 'True' }], preservesBehaviour: false }
      : undefined;
    context.report({ node: at, message: `With ${name} off, ${consequence}; leave it True (the secure default in production).`, ...(fix ? { fix } : {}) });
    return;
  }
  if (name === 'SESSION_COOKIE_SAMESITE' && (value.type === 'none' || literalText(value) === 'None')) {
    context.report({ node: at, confidence: 'medium', message: 'SESSION_COOKIE_SAMESITE = None sends the session cookie on requests from every other site, which is what cross-site request forgery needs; use "Lax" (or "Strict").' });
  }
}

/** `response.set_cookie("session", token)`: Flask, Django and Starlette all default httponly and secure to off. */
function checkSetCookie(context: RuleContext, node: SyntaxNode, args: SyntaxNode): void {
  if (args.namedChildren.some((a) => a?.type === 'dictionary_splat' || a?.type === 'list_splat')) return;
  const positional = positionalArguments(args);
  const nameNode = positional[0] ?? keywordArgument(args, 'key');
  const valueNode = positional[1] ?? keywordArgument(args, 'value');
  const name = literalText(nameNode);
  const what = cookieKind(name, valueNode);
  if (!what) return;
  // Deleting a cookie sets it empty and expired.
  if (valueNode && literalText(valueNode) === '') return;
  if (!valueNode) return;
  if (['expires', 'max_age'].some((k) => keywordArgument(args, k)?.text === '0')) return;
  const httponly = keywordArgument(args, 'httponly');
  const secure = keywordArgument(args, 'secure');
  const missing: string[] = [];
  if (!httponly || flagValue(httponly, context) === false) missing.push('HttpOnly');
  if (!secure || flagValue(secure, context) === false) missing.push('Secure');
  if (missing.length === 0) return;
  const label = name ? `The "${name}"` : 'This';
  const consequences = missing.map((m) => (m === 'HttpOnly' ? 'any XSS can read and steal it' : 'it is also sent over plain HTTP, where anyone on the network can read it')).join(', and ');
  // A multi-line call is reported at the flag switched off, the line its fix changes.
  const switchedOff = [httponly, secure].find((flag) => flag && flagValue(flag, context) === false);
  context.report({
    node: switchedOff?.parent ?? node,
    message: `${label} cookie carries ${what} without ${missing.join(' or ')}, so ${consequences}; set httponly=True, secure=True and samesite="Lax".`,
    fix: flagsFix(context, args, httponly, secure, keywordArgument(args, 'samesite')),
  });
}

/** What the cookie holds, from its name or the value's name: "a session", "a token"; undefined for preferences. */
function cookieKind(name: string | undefined, value: SyntaxNode | undefined): string | undefined {
  const words = name !== undefined ? wordsOf(name) : [];
  if (words.some((w) => scriptCookieWords.has(w))) return undefined;
  const named = words.filter((w) => sessionWords.has(w));
  if (named.length) return named.some((w) => /token|jwt|bearer|access|refresh/.test(w)) ? 'a token' : named.every((w) => /user|uid|identity/.test(w)) ? 'an identity' : 'a session';
  if (name !== undefined && words.length > 0 && !value) return undefined;
  // Unnamed or neutrally named cookies count when the value is a credential by name: set_cookie(key, jwt_token).
  const valueName = value?.type === 'identifier' ? value.text : value?.type === 'attribute' ? value.childForFieldName('attribute')?.text : undefined;
  if (name === undefined && valueName && (secretName(valueName) || wordsOf(valueName).some((w) => sessionWords.has(w) && w !== 'user'))) return 'a credential';
  return undefined;
}

function flagsFix(context: RuleContext, args: SyntaxNode, httponly: SyntaxNode | undefined, secure: SyntaxNode | undefined, samesite: SyntaxNode | undefined): Fix | undefined {
  const edits: TextEdit[] = [];
  const append: string[] = [];
  for (const [node, keyword] of [[httponly, 'httponly'], [secure, 'secure']] as const) {
    if (!node) append.push(`${keyword}=True`);
    else if (node.type === 'false') edits.push({ range: context.rangeOf(node), newText: 'True' });
    else if (flagValue(node, context) === false) return undefined;
  }
  if (!samesite) append.push('samesite="Lax"');
  if (append.length) {
    const items = args.namedChildren.filter((a) => a && a.type !== 'comment');
    const last = items[items.length - 1];
    if (!last) return undefined;
    const at = context.rangeOf(last).end;
    edits.push({ range: { start: at, end: at }, newText: `, ${append.join(', ')}` });
  }
  const changes = [
    ...(!httponly || httponly.type === 'false' ? ['scripts can no longer read the cookie'] : []),
    ...(!secure || secure.type === 'false' ? ['it is no longer sent over plain HTTP'] : []),
  ];
  return { title: `Set httponly, secure and samesite (${changes.join(', and ')})`, edits, preservesBehaviour: false };
}
