// Owns recognising the secret that signs sessions and cookies: express-session, cookie-session, cookie-parser, Koa app.keys, Fastify cookie/session plugins, iron-session and NextAuth options.
import type { RuleContext, SyntaxNode } from '../../api';
import { unwrap } from './constant-strings';
import { wordsOf } from './name-words';
import { keyNameOf, propertyOf } from './object-keys';

export type SessionLibrary = 'express-session' | 'cookie-session' | 'cookie-parser' | 'koa' | 'fastify' | 'iron-session' | 'next-auth';

export interface SessionSecretSlot {
  readonly library: SessionLibrary;
  /** The expression holding the secret: a string, an array of strings, `process.env.X || '…'`. */
  readonly value: SyntaxNode;
  /** The environment variable a fix should read. */
  readonly envName: string;
}

const sessionModules: Readonly<Record<string, SessionLibrary>> = {
  'express-session': 'express-session', 'cookie-session': 'cookie-session', 'cookie-parser': 'cookie-parser', 'koa-session': 'koa',
  '@fastify/cookie': 'fastify', '@fastify/session': 'fastify', '@fastify/secure-session': 'fastify', 'fastify-cookie': 'fastify', 'fastify-session': 'fastify',
  'iron-session': 'iron-session', 'next-iron-session': 'iron-session', 'iron-session/next': 'iron-session', 'next-auth': 'next-auth', 'next-auth/next': 'next-auth',
};
const envNames: Readonly<Record<SessionLibrary, string>> = {
  'express-session': 'SESSION_SECRET', 'cookie-session': 'SESSION_SECRET', 'cookie-parser': 'COOKIE_SECRET', koa: 'SESSION_KEYS', fastify: 'COOKIE_SECRET',
  'iron-session': 'SESSION_PASSWORD', 'next-auth': 'NEXTAUTH_SECRET',
};

/** Which session library a call configures: `session({…})`, `cookieParser('…')`, `fastify.register(fastifyCookie, {…})`, `getIronSession(req, res, {…})`. */
export function sessionLibraryOfCall(call: SyntaxNode, context: RuleContext): SessionLibrary | undefined {
  const callee = unwrap(call.childForFieldName('function'));
  if (!callee) return undefined;
  const resolved = context.resolveCallee(callee);
  const module = resolved ? Object.keys(sessionModules).find((m) => resolved === m || resolved.startsWith(`${m}.`)) : undefined;
  if (module) return sessionModules[module];
  // `fastify.register(fastifySession, { secret })`: the plugin is the first argument.
  if (callee.type === 'member_expression' && callee.childForFieldName('property')?.text === 'register') {
    const plugin = call.childForFieldName('arguments')?.namedChildren[0];
    const pluginModule = plugin ? context.resolveCallee(plugin) : undefined;
    if (pluginModule && sessionModules[pluginModule] === 'fastify') return 'fastify';
    return plugin && /^(require\(['"](@fastify\/(cookie|session|secure-session)|fastify-(cookie|session))['"]\)|fastifyCookie|fastifySession|fastifySecureSession)$/.test(plugin.text) ? 'fastify' : undefined;
  }
  // Unimported snippets: the conventional names.
  if (callee.type === 'identifier' && !context.bindings.some((b) => b.local === callee.text)) {
    if (/^(session|expressSession)$/.test(callee.text)) return 'express-session';
    if (callee.text === 'cookieSession') return 'cookie-session';
    if (callee.text === 'cookieParser') return 'cookie-parser';
  }
  return undefined;
}

/** The secret slots a call fills: the options' `secret`/`keys`/`password`, or cookie-parser's first argument. */
export function sessionSecretSlots(call: SyntaxNode, context: RuleContext): SessionSecretSlot[] {
  const library = sessionLibraryOfCall(call, context);
  if (!library) return [];
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment') ?? [];
  const envName = envNames[library];
  if (library === 'cookie-parser') return args[0] ? [{ library, value: args[0], envName }] : [];
  const options = library === 'iron-session' ? args.find((a) => unwrap(a)?.type === 'object') : library === 'fastify' ? args[1] : args[0];
  const object = unwrap(options);
  if (object?.type !== 'object') return [];
  const keys = library === 'iron-session' ? ['password'] : ['secret', 'keys', 'key'];
  return keys.map((k) => propertyOf(object, k)).filter((v): v is SyntaxNode => !!v && v.type !== 'shorthand_property_identifier').map((value) => ({ library, value, envName }));
}

/** `sessionSecret`, `COOKIE_SECRET`, `cookieKeys`, `session_signing_key`: named as what signs sessions or cookies. */
export function isSessionSecretName(name: string): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1];
  return words.some((w) => w === 'session' || w === 'cookie' || w === 'cookies') && ['secret', 'secrets', 'key', 'keys', 'password', 'passphrase'].includes(last ?? '');
}

/** Mock data and examples hold session secrets that protect nothing: hardcoded-session-secret stays quiet there. */
export function reportsSessionSecrets(path: string): boolean {
  return !/(^|\/)(__fixtures__|__mocks__|examples?)\//.test(path);
}

/**
 * Whether a string literal is one `hardcoded-session-secret` reports, so `hardcoded-secret` can leave it alone (one id per line):
 * a session middleware's secret slot (the literal, an element of `keys`, the fallback of `process.env.X || '…'`), NextAuth and
 * iron-session option objects, or a constant declared under a session-secret name (`const SESSION_SECRET = '…'`).
 */
export function isInSessionSecretSlot(literal: SyntaxNode, context: RuleContext): boolean {
  let node = literal;
  for (let i = 0; i < 4 && node.parent; i++) {
    const parent: SyntaxNode = node.parent;
    if (parent.type === 'array' || parent.type === 'binary_expression' || parent.type === 'parenthesized_expression') {
      node = parent;
      continue;
    }
    if (parent.type === 'variable_declarator' && isSessionSecretName(parent.childForFieldName('name')?.text ?? '')) return true;
    // NextAuth options (`{ providers, secret }`) and iron-session options (`{ cookieName, password }`) written as objects.
    if (parent.type === 'pair' && parent.parent?.type === 'object') {
      const key = keyNameOf(parent);
      if ((key === 'secret' && propertyOf(parent.parent, 'providers')) || (key === 'password' && propertyOf(parent.parent, 'cookieName'))) return true;
    }
    if (parent.type === 'pair' && /^(secret|keys|key|password)$/.test(keyNameOf(parent) ?? '')) {
      const call = parent.parent?.parent?.type === 'arguments' ? parent.parent.parent.parent : undefined;
      return !!call && sessionSecretSlots(call, context).some((s) => s.value.equals(node));
    }
    if (parent.type === 'arguments') {
      const call = parent.parent;
      return !!call && sessionSecretSlots(call, context).some((s) => s.value.equals(node));
    }
    return false;
  }
  return false;
}
