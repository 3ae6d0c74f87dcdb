// sensitive-data-logged for Python: passwords, tokens, keys, secrets, card data and whole request headers written through logging, loggers or print in views.
import { defineDetector, type SyntaxNode } from '../api';
import { wordsOf } from './lib/name-words';
import { describeKind, secretName } from './lib/secret-names';
import { enclosingFunction } from './lib/scope';
import { calleeLastName } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';
import { enclosingView } from './lib/web-views';

const logMethods = new Set(['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'fatal', 'log', 'msg']);
const loggerObject = /(^|\.|_)(log|logger|logging|LOG|LOGGER|Logger|log_|_logger|audit_log|structlog)$|^(logger|log|logging|LOG|LOGGER)\b/i;
/** Calls that pass a value through unchanged on its way into a message. */
const carriers = new Set(['str', 'repr', 'format', 'join', 'strip', 'decode', 'encode', 'f', 'dumps', 'dict', 'list']);
/** Whole request parts that carry credentials (the Authorization header, session cookies). */
const harmlessWords = new Set(['starting', 'start', 'continuation', 'pagination', 'page', 'cursor', 'marker', 'resume', 'sync', 'acquire', 'acquired', 'release', 'semaphore', 'lease', 'bucket', 'cancel', 'cancellation', 'csrf', 'xsrf', 'count', 'counts', 'usage', 'limit', 'max', 'total', 'prompt', 'completion']);
const describingFirstWords = new Set(['ignored', 'missing', 'invalid', 'expired', 'unused', 'required', 'supported', 'allowed', 'num', 'n', 'has', 'is']);
const requestParts = /^(request|req|self\.request)\.(headers|cookies|COOKIES|META)$/;

export default defineDetector({
  id: 'sensitive-data-logged',
  family: 'python',
  // A credential-like name (the words secretName needs) or request headers; the log call itself is checked on the tree.
  triggers: /pass|pw|secret|token|key|cred|auth|contrasena|senha|cvv|cvc|ssn|card|headers|cookies|META/i,
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context);
        if (!last || (last !== 'print' && !logMethods.has(last))) return;
        const callee = node.childForFieldName('function');
        if (!callee) return;
        let printed = false;
        let outsideView = false;
        if (callee.type === 'attribute') {
          if (!logMethods.has(callee.childForFieldName('attribute')?.text ?? '')) return;
          const object = callee.childForFieldName('object');
          if (!object || !isLogger(object)) return;
        } else if (callee.type === 'identifier' && callee.text === 'print') {
          // print() is logging in server code; elsewhere a command-line tool may show its user a password on purpose, so
          // only a message that announces the credential it prints counts (`print("DB password is " + cfg["password"])`).
          outsideView = !enclosingView(node);
          printed = true;
        } else return;
        const args = node.childForFieldName('arguments');
        if (!args) return;
        const found = outsideView ? announcedCredential(args) : findSensitive(args) ?? findPasswordBody(node, args) ?? findLabelledValue(args);
        if (!found) return;
        context.report({
          node,
          confidence: found.confidence,
          message: `This ${printed ? 'print' : 'log call'} writes ${found.what} (${found.label}) to the logs, which are copied to consoles, files and log services many people can read; log an identifier or a masked value instead.`,
        });
      },
    };
  },
});

interface Sensitive {
  readonly what: string;
  readonly label: string;
  readonly confidence: 'high' | 'medium';
}

function isLogger(object: SyntaxNode): boolean {
  if (object.type === 'call') return /getLogger$/.test(object.childForFieldName('function')?.text ?? '');
  return loggerObject.test(object.text);
}

/** The first credential-like value among the arguments that reaches the message as it is. */
function findSensitive(args: SyntaxNode): Sensitive | undefined {
  let found: Sensitive | undefined;
  const visit = (n: SyntaxNode): void => {
    if (found) return;
    switch (n.type) {
      case 'string':
        for (const c of n.namedChildren) if (c?.type === 'interpolation') visit(c);
        return;
      case 'identifier': {
        const judged = judgeName(n.text);
        if (judged && passesUnchanged(n, args)) found = { ...judged, label: n.text };
        return;
      }
      case 'attribute': {
        if (requestParts.test(n.text) && passesUnchanged(n, args)) {
          found = { what: 'the request headers or cookies, including Authorization and session values', label: n.text, confidence: 'medium' };
          return;
        }
        const judged = judgeName(n.childForFieldName('attribute')?.text ?? '');
        if (judged && passesUnchanged(n, args)) found = { ...judged, label: shorten(n.text) };
        return;
      }
      case 'subscript': {
        const key = literalText(n.childForFieldName('subscript'));
        const judged = key !== undefined ? judgeName(key) : undefined;
        if (judged && passesUnchanged(n, args)) found = { ...judged, label: shorten(n.text) };
        return;
      }
      case 'call': {
        // data.get("password"), request.headers.get("Authorization")
        const callee = n.childForFieldName('function');
        // password.strip(), token.decode(): the receiver reaches the message.
        const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
        if (object && carriers.has(callee!.childForFieldName('attribute')?.text ?? '')) visit(object);
        if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'get') {
          const key = literalText(n.childForFieldName('arguments')?.namedChildren[0]);
          const judged = key !== undefined ? judgeName(key) : undefined;
          if (judged && passesUnchanged(n, args)) {
            found = { ...judged, label: shorten(n.text) };
            return;
          }
        }
        break;
      }
      case 'keyword_argument': {
        // structlog-style log.info("login", password=password): the keyword is part of the event.
        const name = n.childForFieldName('name')?.text ?? '';
        if (name === 'exc_info' || name === 'extra' || name === 'stack_info') return;
        break;
      }
      case 'comparison_operator':
      case 'not_operator':
      case 'lambda':
        return;
      default:
        break;
    }
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(args);
  return found;
}

const describingValueWords = new Set(['count', 'num', 'n', 'len', 'length', 'id', 'ids', 'name', 'names', 'user', 'username', 'email', 'type', 'kind', 'status', 'expires', 'expiry', 'ttl', 'exp', 'size', 'age', 'scope', 'scopes', 'url', 'path', 'file', 'filename', 'prefix', 'suffix', 'hint', 'mask', 'masked', 'hash', 'digest', 'fingerprint', 'index', 'idx', 'total', 'remaining', 'error', 'err', 'e', 'exc', 'reason', 'msg', 'message', 'result', 'code']);

/** A message that labels a placeholder as a credential: `"user=%s password=%s"`, `"token: {}"`. */
const labelledPlaceholder = /\b(password|passwd|pwd|passphrase|secret|api[_ -]?key|access[_ -]?token|auth[_ -]?token|token)\s*[=:]\s*['"]?(%[sr]|\{\})/i;

/**
 * `log.info("login user=%s password=%s", user, pw)`: the message says what the argument is even when its name (pw, p,
 * value) does not. The placeholder's position picks the argument, which must reach the message unchanged.
 */
function findLabelledValue(args: SyntaxNode): Sensitive | undefined {
  const items = args.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment' && a.type !== 'keyword_argument');
  const format = items[0];
  if (format?.type !== 'string' || items.length < 2) return undefined;
  const text = literalText(format) ?? '';
  const label = labelledPlaceholder.exec(text);
  if (!label) return undefined;
  // Which placeholder: count the ones before the labelled one.
  const before = text.slice(0, label.index + label[0].length - label[2].length);
  const index = (before.match(/%[sdrfi]|\{\}/g) ?? []).length;
  const value = items[1 + index];
  if (!value || !/^(identifier|attribute|subscript)$/.test(value.type) || !passesUnchanged(value, args)) return undefined;
  // "token: %s" with a count, an id or a name: the label speaks of the credential, the value is about it.
  const last = wordsOf(value.type === 'attribute' ? value.childForFieldName('attribute')?.text ?? '' : value.text).pop() ?? '';
  if (describingValueWords.has(last)) return undefined;
  const what = /token/i.test(label[1]) ? 'a token' : /secret/i.test(label[1]) ? 'a secret' : /key/i.test(label[1]) ? 'an API key' : 'a password';
  return { what, label: shorten(value.text), confidence: 'medium' };
}

/** Message text that says a credential follows: `"Using API key: "`, `"DB password is "`, `f"token={token}"`. */
const announcing = /\b(password|passwd|secret|api[_ -]?key|access[_ -]?token|auth[_ -]?token|token)\b\s*(is|[=:])\s*['"]?$/i;
/** Words of a message that shows the user a value made for them: a generated password or key is the output of the tool. */
const handedOver = /\b(your|new|generated|temporary|random|created)\b/i;

/**
 * print() outside server code: a credential-named value (not a bare `token`/`key`) concatenated or formatted right after
 * text that announces it, in a message that is not handing a newly made credential to the user.
 */
function announcedCredential(args: SyntaxNode): Sensitive | undefined {
  const items = args.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment');
  if (items.length !== 1 || !/^(binary_operator|string)$/.test(items[0].type)) return undefined;
  const message = items[0];
  if (handedOver.test(message.text)) return undefined;
  const pieces: { text: string; value?: SyntaxNode }[] = [];
  if (message.type === 'binary_operator') {
    if (message.childForFieldName('operator')?.text !== '+') return undefined;
    const left = message.childForFieldName('left');
    const right = message.childForFieldName('right');
    if (left?.type !== 'string' || !right) return undefined;
    pieces.push({ text: literalText(left) ?? '', value: right });
  } else {
    let text = '';
    for (const c of message.namedChildren) {
      if (c?.type === 'string_content') text += c.text;
      else if (c?.type === 'interpolation') {
        pieces.push({ text, value: c.childForFieldName('expression') ?? undefined });
        text = '';
      }
    }
  }
  for (const { text, value } of pieces) {
    if (!value || !announcing.test(text)) continue;
    const name = value.type === 'identifier' ? value.text : value.type === 'attribute' ? value.childForFieldName('attribute')?.text ?? '' : value.type === 'subscript' ? literalText(value.childForFieldName('subscript')) ?? '' : '';
    const judged = name ? judgeName(name) : undefined;
    if (judged && judged.confidence === 'high') return { ...judged, label: shorten(value.text), confidence: 'medium' };
  }
  return undefined;
}

/** The whole request body of a request that carries a password. */
const requestBody = /^(request|req|self\.request)\.(json|form|data|POST|body|values|get_json|get_data|text)$/;

/**
 * The whole request body (`request.get_json()`, `request.form`, `request.POST`) logged by a function that handles a password
 * (a login, registration or password change): the password is in the body.
 */
function findPasswordBody(call: SyntaxNode, args: SyntaxNode): Sensitive | undefined {
  const fn = enclosingFunction(call);
  if (!fn || !/password|passwd|\bpwd\b/i.test(fn.text)) return undefined;
  let found: Sensitive | undefined;
  const visit = (n: SyntaxNode): void => {
    if (found) return;
    const body = n.type === 'attribute' ? n : n.type === 'call' ? n.childForFieldName('function') : n.type === 'await' ? null : undefined;
    if (body && requestBody.test(body.text) && passesUnchanged(n, args)) {
      found = { what: 'the request body, which holds the password', label: shorten(n.text), confidence: 'medium' };
      return;
    }
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(args);
  return found;
}

/** A credential name, or card data: what it is for the message. */
function judgeName(name: string): Omit<Sensitive, 'label'> | undefined {
  const words = wordsOf(name);
  if (words.includes('cvv') || words.includes('cvc') || words.includes('ssn') || (words.includes('card') && words.includes('number')) || words.includes('cardnumber')) {
    return { what: 'payment card or identity data', confidence: 'high' };
  }
  const secret = secretName(name);
  if (!secret) return undefined;
  // Pagination and concurrency tokens, and names about credentials rather than holding them.
  if (words.some((w) => harmlessWords.has(w)) || describingFirstWords.has(words[0])) return undefined;
  const kind = describeKind(name, secret.kind);
  return { what: `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}`, confidence: secret.bare ? 'medium' : 'high' };
}

/** True when nothing on the way from the value to the log call transforms it (len(), mask(), a slice, a comparison). */
function passesUnchanged(node: SyntaxNode, args: SyntaxNode): boolean {
  for (let n = node.parent; n && !n.equals(args); n = n.parent) {
    if (n.type === 'call') {
      const callee = n.childForFieldName('function');
      const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : callee?.text ?? '';
      if (!carriers.has(name)) return false;
    } else if (n.type === 'subscript') {
      const index = n.childForFieldName('subscript');
      if (index?.type === 'slice') return false;
    } else if (n.type === 'comparison_operator' || n.type === 'boolean_operator' || n.type === 'not_operator') return false;
  }
  return true;
}

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ');
  return clean.length > 40 ? `${clean.slice(0, 37)}...` : clean;
}
