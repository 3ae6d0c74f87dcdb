// Owns what hardcoded-session-secret reports in Python, as a question both it and hardcoded-secret ask: one id per line.
import type { RuleContext, SyntaxNode } from '../../api';
import { configClassKind, isDevelopmentPath } from './settings-modules';
import { calleeLastName } from './sink-calls';
import { literalText } from './string-literals';

/** Settings and keywords that hold the key sessions, cookies or tokens are signed with, and what each signs. */
export const sessionSecrets: Readonly<Record<string, string>> = {
  SECRET_KEY: 'sessions, cookies and password-reset tokens',
  secret_key: 'sessions and cookies',
  SESSION_SECRET: 'sessions',
  SESSION_SECRET_KEY: 'sessions',
  session_secret: 'sessions',
  COOKIE_SECRET: 'cookies',
  cookie_secret: 'cookies',
  JWT_SECRET_KEY: 'login tokens',
  WTF_CSRF_SECRET_KEY: 'CSRF tokens',
  SECURITY_PASSWORD_SALT: 'password-reset and confirmation tokens',
  SIGNING_KEY: 'login tokens',
};

/** A place that holds a session secret: the node to report, the setting's name, the value written there and how to show it. */
export interface SessionSecretSlot {
  readonly at: SyntaxNode;
  readonly name: string;
  readonly value: SyntaxNode;
  readonly display: string;
}

/** A hard-coded session secret: the slot and the literal it always (or by fallback) comes to. */
export interface HardcodedSessionSecret {
  readonly slot: SessionSecretSlot;
  readonly literal: SyntaxNode;
  /** `os.environ.get("X") or "dev"`: the literal is only the fallback. */
  readonly fallback: boolean;
}

const slotTypes = new Set(['assignment', 'keyword_argument', 'pair', 'call']);
/** Constructors whose first argument is the key they sign or encrypt cookies and tokens with: aiohttp_session storages, itsdangerous. */
const keyedConstructors = /^(aiohttp_session(\.cookie_storage|\.nacl_storage)?\.(EncryptedCookieStorage|NaClCookieStorage)|itsdangerous(\.\w+)*\.(URLSafeTimedSerializer|URLSafeSerializer|TimedSerializer|Serializer|TimestampSigner|Signer|TimedJSONWebSignatureSerializer))$/;

/** The slot an assignment, keyword argument or dictionary pair is, if it holds a session secret (whatever its value). */
export function sessionSecretSlotOf(node: SyntaxNode, context: RuleContext): SessionSecretSlot | undefined {
  switch (node.type) {
    case 'assignment': {
      const left = node.childForFieldName('left');
      if (!left || !/secret|SECRET|SALT/.test(left.text)) return undefined;
      const right = node.childForFieldName('right');
      if (!right || right.type === 'assignment') return undefined;
      const name = left.type === 'identifier' ? left.text
        : left.type === 'attribute' ? left.childForFieldName('attribute')?.text
          : left.type === 'subscript' && /(^|\.)config$/.test(left.childForFieldName('value')?.text ?? '') ? literalText(left.childForFieldName('subscript')) : undefined;
      // `self.secret_key = secret_key` in some class: only a module or class constant, an app attribute or app.config count.
      if (!name || !sessionSecrets[name] || name === 'SIGNING_KEY' || (left.type === 'attribute' && name !== 'secret_key')) return undefined;
      if (left.type === 'identifier' && name === 'secret_key') return undefined;
      return { at: node, name, value: right, display: left.type === 'attribute' ? left.text : name };
    }
    case 'keyword_argument': {
      const name = node.childForFieldName('name')?.text ?? '';
      const value = node.childForFieldName('value');
      if (!value || !sessionSecrets[name]) return undefined;
      const call = node.parent?.parent;
      if (call?.type !== 'call') return undefined;
      const method = calleeLastName(call, context) ?? '';
      // app.config.update(SECRET_KEY=...), SessionMiddleware/add_middleware(secret_key=...), tornado Application(cookie_secret=...).
      if (/^[A-Z_]+$/.test(name) ? !/^(update|from_mapping|dict|Flask|Config|Settings|configure)$/.test(method) : !/(Middleware|middleware|Application|Session|Storage|Serializer|Signer|Manager|setup|SessionInterface)/.test(method)) return undefined;
      return { at: value, name, value, display: name };
    }
    case 'pair': {
      const key = node.childForFieldName('key');
      if (key?.type !== 'string' || !/SECRET|SALT|SIGNING/.test(key.text)) return undefined;
      const name = literalText(key);
      const value = node.childForFieldName('value');
      if (!name || !value || !sessionSecrets[name] || name === 'secret_key') return undefined;
      return { at: node, name, value, display: name };
    }
    case 'call': {
      // EncryptedCookieStorage(b"...32 bytes..."), URLSafeTimedSerializer("secret"): the key is the first argument.
      const callee = node.childForFieldName('function');
      const last = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
      if (!callee || !last || !/CookieStorage$|Serializer$|Signer$/.test(last)) return undefined;
      if (!keyedConstructors.test(context.resolveCallee(callee) ?? '')) return undefined;
      const value = node.childForFieldName('arguments')?.namedChildren.find((a) => a && a.type !== 'comment');
      if (!value || value.type === 'keyword_argument' || value.type === 'list_splat' || value.type === 'dictionary_splat') return undefined;
      return { at: value, name: 'secret_key', value, display: `${last}'s key` };
    }
    default:
      return undefined;
  }
}

/** What hardcoded-session-secret reports at a slot: a literal secret outside development config, name tables and test code. */
export function hardcodedSessionSecret(slot: SessionSecretSlot, context: RuleContext): HardcodedSessionSecret | undefined {
  if (context.file.isTest || isDevelopmentPath(context.file.path) || context.isTestCode(slot.at)) return undefined;
  if (configClassKind(slot.at) === 'development' || inNameTable(slot.at)) return undefined;
  const found = hardcodedValue(slot.value);
  if (!found) return undefined;
  // "AWS_SECRET_ACCESS_KEY": the name of an environment variable, not a value.
  const text = literalText(found) ?? '';
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(text) && /KEY|SECRET|TOKEN|PASSWORD|SALT/.test(text)) return undefined;
  // In a class, "secret_key" or "aws_secret_access_key" names a field of some config format; elsewhere it is a lazy placeholder.
  if (inClass(slot.at) && (normalize(text) === normalize(slot.name) || /secret_?access_?key/i.test(text))) return undefined;
  return { slot, literal: found, fallback: !found.equals(slot.value) };
}

/**
 * Whether hardcoded-session-secret reports the slot a node is written in (the node itself, or the value of an
 * assignment, keyword or pair it sits in, through a fallback `or`), so that hardcoded-secret leaves it alone.
 */
export function isReportedSessionSecret(node: SyntaxNode, context: RuleContext): boolean {
  let current: SyntaxNode | null = node;
  for (let i = 0; current && i < 5; i++, current = current.parent) {
    // A keyed constructor's argument is its slot; an environment lookup's default (`os.environ.get("X", "dev")`) is the
    // value of the slot further up.
    if (current.type === 'call' && !sessionSecretSlotOf(current, context)) continue;
    if (!slotTypes.has(current.type)) {
      if (current.type === 'argument_list') continue;
      if (current.type === 'boolean_operator' || current.type === 'parenthesized_expression' || current.type === 'string' || current.type === 'concatenated_string') continue;
      return false;
    }
    const slot = sessionSecretSlotOf(current, context);
    return !!slot && !!hardcodedSessionSecret(slot, context);
  }
  return false;
}

/**
 * Class constants outside settings classes: settings live in config classes (Config, ProductionConfig,
 * Settings(BaseSettings)); elsewhere SECRET_KEY names a field or a variable (`class AwsConfigKeys`, botocore's providers).
 */
function inNameTable(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return false;
    if (n.type !== 'class_definition') continue;
    const name = n.childForFieldName('name')?.text ?? '';
    const bases = n.childForFieldName('superclasses')?.text ?? '';
    return /(Keys|Names|Fields|Constants|Enum|Choices)$/.test(name) || /Enum/.test(bases) || !/Config|Settings|Conf\b|Environment/.test(`${name} ${bases}`);
  }
  return false;
}

function inClass(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition') return false;
    if (n.type === 'class_definition') return true;
  }
  return false;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The literal a value always or by fallback comes to: `"dev"`, `os.environ.get("X") or "dev"`. */
function hardcodedValue(value: SyntaxNode): SyntaxNode | undefined {
  const text = literalText(value);
  if (text !== undefined) return text.trim() === '' ? undefined : value;
  if (value.type === 'boolean_operator' && value.childForFieldName('operator')?.type === 'or') {
    const right = value.childForFieldName('right');
    const fallback = right ? literalText(right) : undefined;
    if (right && fallback !== undefined && fallback.trim() !== '') return right;
  }
  // os.environ.get("SECRET_KEY", "dev"), os.getenv(...), decouple's config("SECRET_KEY", default="dev"), env.str(...)
  if (value.type === 'call') {
    const callee = value.childForFieldName('function');
    const args = value.childForFieldName('arguments');
    const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
    if (!args || !name || !/^(get|getenv|config|env|str|setdefault)$/.test(name)) return undefined;
    const items = args.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment');
    const positional = items.filter((a) => a.type !== 'keyword_argument');
    const fallback = items.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default')?.childForFieldName('value') ?? positional[1];
    const text = fallback ? literalText(fallback) : undefined;
    if (fallback && text !== undefined && text.trim() !== '' && literalText(positional[0]) !== undefined) return fallback;
  }
  return undefined;
}
