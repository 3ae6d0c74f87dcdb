// insecure-cookie for JavaScript/TypeScript: session and auth cookies set without HttpOnly or Secure, or with SameSite=None over HTTP (express-session, cookie-session, res.cookie, Next.js, Fastify, Koa, Set-Cookie headers).
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type TextEdit, type Visitors } from '../api';
import { callArgumentsOf, callPartsOf } from './lib/call-parts';
import { constantString, literalText, unwrap } from './lib/constant-strings';
import { isDevelopmentFile, isDevelopmentOnly } from './lib/environment-guards';
import { constantBoolean, objectLiteralOf, propertyOf } from './lib/object-keys';
import { sensitiveKindOf } from './lib/sensitive-names';

/** Cookie names that carry a session or credential. */
const sessionCookieName = /^(__(Host|Secure)-)?(session|sess|sid|ssid|connect\.sid|token|jwt|auth|authorization|access[_-]?token|refresh[_-]?token|id[_-]?token|remember[_-]?(me|token)|login|user[_-]?session|session[_-]?id|auth[_-]?token)$|session|jwt|auth[_-]?token|access[_-]?token|refresh[_-]?token/i;
/** Cookies meant for scripts to read, or harmless preferences. */
const publicCookieName = /csrf|xsrf|theme|lang|locale|consent|timezone|tz|currency|preferences?|prefs|banner|tour|sidebar|flash|return[_-]?to|redirect|ab[_-]?test|variant|analytics|_ga|utm/i;

type Framework = 'express' | 'next' | 'fastify' | 'koa';

export default defineDetector({
  id: 'insecure-cookie',
  family: 'javascript',
  triggers: /cookie|session/i,
  anchored: true,
  create(context): Visitors {
    if (isDevelopmentFile(context.file.path)) return {};
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name } = callPartsOf(node);
        if (!callee || !name || !/^(cookie|setCookie|set|setHeader|header|append)$|session/i.test(name)) return;
        const args = callArgumentsOf(node);
        const quiet = (): boolean => context.isTestCode(node) || isDevelopmentOnly(node);
        if (/session/i.test(name)) {
          if (isSessionMiddleware(callee, context) && !quiet()) checkSessionMiddleware(node, callee, args, context);
          return;
        }
        if (name === 'setHeader' || name === 'header' || name === 'append') {
          if (args[0]?.type === 'string' && !quiet()) checkSetCookieHeader(node, args, context);
          return;
        }
        const framework = frameworkOf(callee, name);
        if (framework && !quiet()) checkCookieCall(node, framework, args, context);
      },
      assignment_expression(node: SyntaxNode) {
        // `document.cookie = `access_token=${token}; path=/``: a cookie written by script can never be HttpOnly.
        const left = node.childForFieldName('left');
        if (left?.type !== 'member_expression' || left.text.replace(/\s/g, '') !== 'document.cookie') return;
        const right = unwrap(node.childForFieldName('right'));
        const first = right?.type === 'binary_expression' ? leftmostOf(right) : right;
        const text = first?.type === 'template_string' ? first.text.slice(1) : literalText(first) ?? '';
        const cookieName = /^\s*([\w.$-]+)\s*=/.exec(text)?.[1];
        if (!cookieName || !sessionCookieName.test(cookieName) || publicCookieName.test(cookieName)) return;
        if (context.isTestCode(node) || isDevelopmentOnly(node)) return;
        context.report({
          node,
          message: `The '${cookieName}' cookie carries a session or token but is written by script, so it cannot be HttpOnly and any injected script can read it; have the server set it with HttpOnly, Secure and SameSite.`,
        });
      },
    };
  },
});

function leftmostOf(node: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | undefined = node;
  while (n?.type === 'binary_expression') n = unwrap(n.childForFieldName('left'));
  return n;
}

function isSessionMiddleware(callee: SyntaxNode, context: RuleContext): boolean {
  const resolved = context.resolveCallee(callee);
  if (resolved) return /^(express-session|cookie-session|@fastify\/session|@fastify\/secure-session|koa-session|iron-session\.getIronSession)$/.test(resolved);
  return /^(session|cookieSession|expressSession)$/.test(callee.text);
}

function frameworkOf(callee: SyntaxNode, name: string): Framework | undefined {
  if (callee.type !== 'member_expression') return undefined;
  const receiver = unwrap(callee.childForFieldName('object'))?.text.replace(/\s/g, '') ?? '';
  if (name === 'cookie' && /^(res|response|resp|this\.res|ctx\.res)$/.test(receiver)) return 'express';
  if (name === 'setCookie' && /^(reply|res|response)$/.test(receiver)) return 'fastify';
  if (name === 'set' && /^(ctx|context|this)\.cookies$/.test(receiver)) return 'koa';
  if (name === 'set' && (/^cookies\(\)$|^\(?awaitcookies\(\)\)?$|cookieStore$/.test(receiver) || /(^|\.)(response|res|NextResponse\.next\(\)|nextResponse)\.cookies$/.test(receiver))) return 'next';
  return undefined;
}

interface Problems {
  readonly httpOnly: 'off' | 'missing' | undefined;
  readonly secure: 'off' | undefined;
  readonly sameSiteNone: boolean;
}

function problemsOf(options: SyntaxNode | undefined, httpOnlyDefault: boolean): Problems {
  const httpOnly = options ? propertyOf(options, 'httpOnly') : undefined;
  const secure = options ? propertyOf(options, 'secure') : undefined;
  const sameSite = options ? propertyOf(options, 'sameSite') : undefined;
  const httpOnlyValue = httpOnly ? constantBoolean(httpOnly) : undefined;
  const secureValue = secure ? constantBoolean(secure) : undefined;
  const spread = !!options?.namedChildren.some((c) => c?.type === 'spread_element');
  return {
    httpOnly: httpOnlyValue === false ? 'off' : !httpOnly && !httpOnlyDefault && !spread ? 'missing' : undefined,
    secure: secureValue === false && !(secure && isDevelopmentOnly(secure)) ? 'off' : undefined,
    sameSiteNone: /^none$/i.test(constantString(sameSite) ?? '') && secureValue !== true && !(secure && secureValue === undefined),
  };
}

function describe(problems: Problems): string | undefined {
  const parts: string[] = [];
  if (problems.httpOnly) parts.push(problems.httpOnly === 'off' ? 'httpOnly is turned off, so any injected script can read it' : 'it is not httpOnly, so any injected script can read it');
  if (problems.secure) parts.push('secure is off, so it also travels over plain HTTP');
  if (problems.sameSiteNone) parts.push('SameSite=None without secure is sent on every cross-site request (and rejected by current browsers)');
  return parts.length ? parts.join('; ') : undefined;
}

function checkCookieCall(call: SyntaxNode, framework: Framework, args: SyntaxNode[], context: RuleContext): void {
  // Next.js also accepts `cookies().set({ name, value, httpOnly })`.
  const single = framework === 'next' && args.length === 1 ? objectLiteralOf(args[0]) : undefined;
  const cookieName = single ? constantString(propertyOf(single, 'name')) : constantString(args[0]);
  if (!cookieName || !isSessionCookie(cookieName)) return;
  const optionsArg = single ? args[0] : args[2];
  const options = single ?? objectLiteralOf(optionsArg);
  // Options built elsewhere (`res.cookie('sid', id, cookieOptions)`) cannot be judged.
  if (optionsArg && !options) return;
  const problems = problemsOf(options, framework === 'koa');
  const text = describe(problems);
  if (!text) return;
  context.report({
    node: call,
    message: `The '${cookieName}' cookie carries a session or token, but ${text}; set httpOnly: true and secure: true (and sameSite: 'lax' or 'strict').`,
    fix: cookieFix(call, optionsArg, options, problems, context),
  });
}

function checkSessionMiddleware(call: SyntaxNode, callee: SyntaxNode, args: SyntaxNode[], context: RuleContext): void {
  const config = objectLiteralOf(args[0]);
  if (!config) return;
  // express-session keeps flags under `cookie`; cookie-session and others take them at the top level.
  const nested = propertyOf(config, 'cookie');
  const options = nested ? objectLiteralOf(nested) : config;
  if (!options) return;
  const problems = problemsOf(options, true);
  const text = describe(problems);
  if (!text) return;
  context.report({
    node: firstProblemNode(options, problems) ?? call,
    message: `The session cookie from ${callee.text}() carries the login, but ${text}; set httpOnly: true and secure: true (behind a proxy also app.set('trust proxy', 1)).`,
    fix: cookieFix(call, nested ?? args[0], options, problems, context),
  });
}

function firstProblemNode(options: SyntaxNode, problems: Problems): SyntaxNode | undefined {
  const pick = (key: string): SyntaxNode | undefined => propertyOf(options, key)?.parent ?? undefined;
  return (problems.httpOnly === 'off' ? pick('httpOnly') : undefined) ?? (problems.secure ? pick('secure') : undefined) ?? (problems.sameSiteNone ? pick('sameSite') : undefined);
}

/** `res.setHeader('Set-Cookie', `token=${t}; Path=/`)` without HttpOnly. */
function checkSetCookieHeader(call: SyntaxNode, args: SyntaxNode[], context: RuleContext): void {
  if ((constantString(args[0]) ?? '').toLowerCase() !== 'set-cookie' || !args[1]) return;
  const values = unwrap(args[1])?.type === 'array' ? unwrap(args[1])!.namedChildren.filter((c): c is SyntaxNode => !!c) : [args[1]];
  for (const value of values) {
    const text = staticText(value);
    const cookieName = /^\s*([^=;\s]+)=/.exec(text)?.[1];
    if (!cookieName || !isSessionCookie(cookieName)) continue;
    const missing = [!/;\s*httponly/i.test(text) ? 'HttpOnly' : '', !/;\s*secure/i.test(text) ? 'Secure' : ''].filter(Boolean);
    if (!missing.includes('HttpOnly')) continue;
    context.report({
      node: value,
      message: `The '${cookieName}' cookie carries a session or token but is set without ${missing.join(' or ')}, so injected scripts can read it${missing.includes('Secure') ? ' and it travels over plain HTTP' : ''}; add '; HttpOnly; Secure; SameSite=Lax'.`,
    });
  }
}

function isSessionCookie(name: string): boolean {
  if (publicCookieName.test(name)) return false;
  const kind = sensitiveKindOf(name.replace(/^__(Host|Secure)-/, ''));
  return sessionCookieName.test(name) || kind === 'token' || kind === 'session' || kind === 'credential';
}

/** A template's fixed text with `${}` placeholders, or a constant string. */
function staticText(node: SyntaxNode): string {
  const value = unwrap(node);
  if (!value) return '';
  if (value.type === 'template_string') return value.namedChildren.map((c) => (c?.type === 'template_substitution' ? 'x' : c?.text ?? '')).join('');
  if (value.type === 'binary_expression') return staticText(value.childForFieldName('left')!) + staticText(value.childForFieldName('right')!);
  return literalText(value) ?? constantString(value) ?? 'x';
}

/** Turns flags on in place, adds missing ones to the options object, or adds an options argument. */
function cookieFix(call: SyntaxNode, optionsArg: SyntaxNode | undefined, options: SyntaxNode | undefined, problems: Problems, context: RuleContext): Fix | undefined {
  const edits: TextEdit[] = [];
  const changes: string[] = [];
  const flags: string[] = [];
  if (options) {
    const flip = (key: string): void => {
      const value = propertyOf(options, key);
      if (value) edits.push({ range: context.rangeOf(value), newText: 'true' });
    };
    if (problems.httpOnly === 'off') flip('httpOnly');
    if (problems.secure) flip('secure');
    if (problems.httpOnly === 'missing' && options.equals(unwrap(optionsArg) ?? options)) {
      const open = options.child(0);
      if (open?.type === '{') edits.push({ range: { start: context.rangeOf(open).end, end: context.rangeOf(open).end }, newText: options.namedChildCount ? ' httpOnly: true,' : ' httpOnly: true ' });
    }
    if (problems.httpOnly && edits.length) {
      flags.push('httpOnly');
      changes.push('scripts can no longer read the cookie');
    }
    if (problems.secure && propertyOf(options, 'secure')) {
      flags.push('secure');
      changes.push('it is no longer sent over plain HTTP');
    }
  } else if (!optionsArg) {
    const args = call.childForFieldName('arguments');
    const last = args?.namedChildren.filter((a) => a && a.type !== 'comment').pop();
    if (!last) return undefined;
    edits.push({ range: { start: context.rangeOf(last).end, end: context.rangeOf(last).end }, newText: ", { httpOnly: true, secure: true, sameSite: 'lax' }" });
    flags.push('httpOnly', 'secure', 'sameSite');
    changes.push('scripts can no longer read the cookie and it is no longer sent over plain HTTP');
  }
  if (!edits.length) return undefined;
  return { title: `Set ${flags.join(' and ').replace(/ and (?=.* and )/g, ', ')} on the cookie (${changes.join('; ')})`, edits, preservesBehaviour: false };
}
