// cleartext-transport for JavaScript/TypeScript: http://, ws:// and ftp:// URLs to remote hosts used for requests or API configuration, and clients with TLS turned off (nodemailer ignoreTLS, database ssl: false, sslmode=disable, MinIO useSSL: false).
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type Visitors } from '../api';
import { callArgumentsOf, callPartsOf } from './lib/call-parts';
import { constantString, unwrap } from './lib/constant-strings';
import { isDevelopmentFile, isDevelopmentOnly } from './lib/environment-guards';
import { nameOf, wordsOf } from './lib/name-words';
import { localDefinitionOf } from './lib/local-definitions';
import { isLocalOrReserved, parseUrl } from './lib/network-urls';
import { constantBoolean, keyNameOf, propertyOf } from './lib/object-keys';

const cleartextSchemes = new Set(['http', 'ws', 'ftp', 'telnet', 'mqtt', 'amqp', 'redis', 'ldap']);
/** The TLS form of each clear-text scheme that has one. */
const secureScheme: Readonly<Record<string, string>> = { http: 'https', ws: 'wss', mqtt: 'mqtts', amqp: 'amqps', redis: 'rediss', ldap: 'ldaps' };
/** Calls whose first argument is where the request goes. */
const requestCalls = /^(fetch|axios|got|request|ky|superagent|needle|WebSocket|EventSource|io|connect|ofetch|\$fetch|useFetch|download|wget)$/;
/** Shell commands that fetch a URL: `curl -sSL http://get.acme.io/install.sh | sh`. */
const shellCalls = /^(exec|execSync|spawn|spawnSync|execa|execaCommand|execaCommandSync)$/;
const shellFetch = /\b(curl|wget)\b[^|;&\n]*?\b((?:http|ftp):\/\/[^\s'"`|;&]+)/;
const requestMethods = /^(get|post|put|patch|delete|head|options|request|fetch|open|connect|create|createClient)$/;
const requestReceivers = /^(axios|got|ky|superagent|request|needle|http|https|client|httpClient|apiClient|api|instance|this\.http|this\.httpService|httpService|xhr|XMLHttpRequest|\$http|mqtt|amqp|amqplib|ftp|redis|ldap|ldapjs)$/;
/** Name words that make a URL setting an API, service or login endpoint rather than a link. */
const serviceWords = new Set([
  'api', 'endpoint', 'base', 'server', 'backend', 'service', 'webhook', 'callback', 'auth', 'login', 'signin', 'token', 'oauth', 'graphql', 'socket',
  'ws', 'websocket', 'upload', 'payment', 'payments', 'checkout', 'broker', 'gateway', 'rpc', 'rest', 'sync', 'ingest', 'collector', 'backend', 'db',
  'database', 'mqtt', 'amqp', 'sso', 'idp', 'issuer', 'jwks', 'identity', 'proxy', 'cdn', 'storage', 's3', 'bucket', 'remote',
  // Where installers and updaters fetch code from: a binary swapped in transit runs on the user's machine.
  'download', 'downloads', 'mirror', 'release', 'releases', 'binary', 'dist', 'registry', 'update', 'updates', 'installer', 'package',
]);
const urlWords = new Set(['url', 'uri', 'endpoint', 'host', 'address', 'addr', 'origin', 'baseurl', 'href', 'link']);

export default defineDetector({
  id: 'cleartext-transport',
  family: 'javascript',
  // `host` for node's http module given an options object, `secure` for an FTP login.
  triggers: /:\/\/|ignoreTLS|\bssl\b|\btls\b|useSSL|\bhost|\bsecure\b/,
  create(context): Visitors {
    if (isDevelopmentFile(context.file.path)) return {};
    const reportUrl = (literal: SyntaxNode, url: { scheme: string; host: string }, use: string): void => {
      if (context.isTestCode(literal) || isDevelopmentOnly(literal)) return;
      const secure = secureScheme[url.scheme];
      context.report({
        node: literal,
        message: `${use} goes to ${url.host} over ${url.scheme}://, so anyone on the network path can read and change it, including credentials and tokens; use ${secure ? `${secure}://` : 'an encrypted protocol (SFTP, FTPS, TLS)'}.`,
        fix: secure ? schemeFix(literal, url.scheme, secure, context) : undefined,
      });
    };
    const checkValue = (value: SyntaxNode | null | undefined, use: string, direct = true): void => {
      let node = unwrap(value);
      if (!node) return;
      // `const url = 'http://…' + version; http.get(url)`: a local of this function, judged (and reported) where it is made.
      if (direct && node.type === 'identifier') {
        const local = localDefinitionOf(node);
        if (!local) return;
        node = unwrap(local);
        if (!node) return;
      }
      // Only URLs written here; a constant declared elsewhere is judged where it is declared.
      const literal = leadingLiteral(node);
      if (!literal || (!direct && literal !== node && !isFallback(node, literal))) return;
      const url = cleartextUrl(literal);
      if (url) return reportUrl(literal, url, use);
      // `postgres://…@db.acme.io/app?sslmode=disable`
      const text = constantString(literal);
      const target = text ? parseUrl(text) : undefined;
      if (text && target && /[?&](sslmode=disable|ssl=false|tls=false|useSSL=false)\b/i.test(text) && !isLocalOrReserved(target.host) && !context.isTestCode(literal) && !isDevelopmentOnly(literal)) {
        context.report({ node: literal, message: `This connection string turns TLS off for ${target.host}, so the login and all data travel unencrypted; use sslmode=require (or verify-full) for connections that leave the machine.` });
      }
    };
    /** Whether it reported: a credential URL of another kind (`postgres://…?sslmode=disable`) goes on to the other checks. */
    const checkCredentialUrl = (value: SyntaxNode | null): boolean => {
      const literal = unwrap(value);
      const url = literal && (literal.type === 'string' || literal.type === 'template_string') ? cleartextUrl(literal) : undefined;
      if (literal && url) reportUrl(literal, url, 'This login (user and password in the URL)');
      return !!(literal && url);
    };
    const checkShellFetch = (command: SyntaxNode | undefined): void => {
      const literal = command ? leadingLiteral(unwrap(command) ?? command) : undefined;
      if (!literal) return;
      const text = literal.type === 'template_string' ? literal.namedChildren.map((c) => (c?.type === 'template_substitution' ? '${}' : c?.text ?? '')).join('') : constantString(literal) ?? '';
      const match = shellFetch.exec(text);
      const url = match ? parseUrl(match[2]) : undefined;
      if (!match || !url || isLocalOrReserved(url.host)) return;
      reportUrl(literal, url, `This ${match[1]} download`);
    };
    return {
      call_expression(node: SyntaxNode) {
        const { callee, name } = callPartsOf(node);
        // basic-ftp: `client.access({ host, user, password, secure: false })` logs in over plain FTP.
        if (name === 'access' && callee?.type === 'member_expression') return checkFtpAccess(callArgumentsOf(node)[0], context);
        if (name && shellCalls.test(name)) return checkShellFetch(callArgumentsOf(node)[0]);
        if (!callee || !name || !(callee.type === 'identifier' ? requestCalls.test(name) : requestMethods.test(name))) return;
        // The callee's own text is sliced in JavaScript, cheaper than reading its object node.
        if (callee.type !== 'identifier') {
          const text = callee.text;
          if (!requestReceivers.test(text.slice(0, text.lastIndexOf('.')).replace(/[\s()]/g, ''))) return;
        }
        const args = callArgumentsOf(node);
        if (args.length) {
          // `xhr.open('POST', url)`: the URL is the second argument.
          const target = name === 'open' ? args[1] : args[0];
          checkValue(target, 'This request');
          // `http.request({ host: 'telemetry.vendor.net', path: '/collect' })`: node's http module always speaks clear text.
          if (/^(request|get)$/.test(name) && /^http\.(request|get)$/.test(context.resolveCallee(callee) ?? '')) checkHttpOptions(target, context);
        }
      },
      new_expression(node: SyntaxNode) {
        const { callee, name: ctor } = callPartsOf(node);
        if (callee?.type !== 'identifier' || !ctor || !/^(WebSocket|EventSource|Request|ReconnectingWebSocket)$/.test(ctor)) return;
        checkValue(callArgumentsOf(node)[0], ctor === 'Request' ? 'This request' : `This ${ctor} connection`);
      },
      variable_declarator(node: SyntaxNode) {
        // The declared name leads the declarator's text: a slice of it rules out most declarations without reading the tree.
        const head = node.text.slice(0, 60).split('=')[0];
        // `const BACKUP = 'ftp://backup:s3cret@files.acme.io/'`: a login sent in clear text, whatever the name.
        if (/:\/\/[^/\s:@'"`]+:[^/\s@'"`]+@/.test(node.text.slice(head.length, head.length + 200)) && checkCredentialUrl(node.childForFieldName('value'))) return;
        if (!/ur[il]|endpoint|base|host|server|root|api/i.test(head)) return;
        const name = node.childForFieldName('name');
        if (name?.type !== 'identifier' || !isServiceUrlName(name.text)) return;
        checkValue(node.childForFieldName('value'), `'${name.text}'`, false);
      },
      pair(node: SyntaxNode) {
        const key = keyNameOf(node);
        if (!key) return;
        const value = node.childForFieldName('value');
        if (!value) return;
        if (key === 'ignoreTLS' && constantBoolean(value) === true) {
          if (!context.isTestCode(node) && !isDevelopmentOnly(node)) context.report({ node, message: 'ignoreTLS: true makes nodemailer skip STARTTLS, so the SMTP login and every message travel in clear text; remove it (and use secure: true on port 465 or requireTLS: true on 587).', fix: flipFix(value, 'false', 'Stop skipping STARTTLS (servers without TLS will refuse to connect)', context) });
          return;
        }
        if ((key === 'ssl' || key === 'tls' || key === 'useSSL') && constantBoolean(value) === false) return checkTlsOff(node, value, key, context);
        if (key === 'url' || key === 'uri') {
          // Only request options: `axios({ url })`, `request({ uri, method })`, not `repository: { url }`.
          const object = node.parent;
          const call = object?.parent?.type === 'arguments' ? object.parent.parent?.childForFieldName('function') : undefined;
          const isRequest = !!object && (['method', 'headers', 'data', 'body', 'json', 'qs', 'params', 'form'].some((k) => propertyOf(object, k)) || (!!call && /^(createClient|connect)$|^(fetch|axios|got|request|ky|needle|superagent)$/.test(nameOf(call) ?? '')));
          if (isRequest) checkValue(value, 'This request', false);
          return;
        }
        if (key === 'baseURL' || key === 'baseUrl' || key === 'connectionString' || isServiceUrlName(key)) checkValue(value, `'${key}'`, false);
      },
      assignment_expression(node: SyntaxNode) {
        // `axios.defaults.baseURL = 'http://api.acme.io'`, `this.apiUrl = 'http://…'`.
        const left = node.childForFieldName('left');
        if (left?.type !== 'member_expression') return;
        const key = left.childForFieldName('property')?.text ?? '';
        if (key === 'baseURL' || key === 'baseUrl' || isServiceUrlName(key)) checkValue(node.childForFieldName('right'), `'${key}'`, false);
      },
      jsx_attribute(node: SyntaxNode) {
        // `<form action="http://…">`: a login or data form posted in clear text.
        const name = node.namedChildren[0]?.text;
        if (name !== 'action') return;
        const value = node.namedChildren[1];
        if (value?.type === 'string') checkValue(value, 'This form submission', false);
      },
    };
  },
});

/** `process.env.X || 'http://…'`: the literal is the value used when the variable is unset. */
function isFallback(node: SyntaxNode, literal: SyntaxNode): boolean {
  return node.type === 'binary_expression' && /^(\|\||\?\?)$/.test(node.childForFieldName('operator')?.type ?? '') && !!unwrap(node.childForFieldName('right'))?.equals(literal);
}

/** Last words that make a name a service address when another word says which service: `API_BASE`, `AUTH_SERVER`, `apiHost`. */
const addressWords = new Set(['base', 'host', 'server', 'root']);
const addressServiceWords = new Set(['api', 'auth', 'backend', 'graphql', 'rest', 'rpc', 'sso', 'oauth', 'login', 'payment', 'payments', 'gateway', 'webhook', 'ws', 'websocket', 'socket']);

function isServiceUrlName(name: string): boolean {
  if (!/ur[il]|endpoint|base|host|server|root|api/i.test(name)) return false;
  const words = wordsOf(name);
  if (words.length === 0) return false;
  const last = words[words.length - 1];
  // `PAYMENT_API`, `authApi`: the address of an API.
  if (last === 'api') return true;
  if (addressWords.has(last)) return words.length > 1 && words.slice(0, -1).some((w) => addressServiceWords.has(w));
  if (!urlWords.has(last) && !(last === 'url' || last === 'uri')) return false;
  if (last === 'href' || last === 'link') return false;
  if (words.length === 1) return last === 'endpoint';
  return words.some((w) => serviceWords.has(w));
}

/** The literal a URL starts with: the string, or the first part of `'http://host' + path` / a template. */
function leadingLiteral(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === 'string' || node.type === 'template_string') return node;
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.type === '+') {
    const left = unwrap(node.childForFieldName('left'));
    return left ? leadingLiteral(left) : undefined;
  }
  if (node.type === 'binary_expression' && /^(\|\||\?\?)$/.test(node.childForFieldName('operator')?.type ?? '')) {
    // `process.env.API_URL || 'http://api.acme.io'`: the fallback is used when the variable is unset.
    const right = unwrap(node.childForFieldName('right'));
    return right ? leadingLiteral(right) : undefined;
  }
  return undefined;
}

function cleartextUrl(literal: SyntaxNode): { scheme: string; host: string } | undefined {
  const text = literal.type === 'template_string'
    ? literal.namedChildren.map((c) => (c?.type === 'template_substitution' ? '${}' : c?.text ?? '')).join('')
    : constantString(literal) ?? '';
  if (!/^\s*[a-z]+:\/\//i.test(text)) return undefined;
  const url = parseUrl(text);
  if (!url || !cleartextSchemes.has(url.scheme) || isLocalOrReserved(url.host)) return undefined;
  return url;
}

/** `http.request({ host: 'telemetry.vendor.net', … })` to a remote host (an explicit `protocol: 'https:'` would be refused by node's http module anyway). */
function checkHttpOptions(options: SyntaxNode | undefined, context: RuleContext): void {
  const object = unwrap(options);
  if (object?.type !== 'object') return;
  const hostValue = propertyOf(object, 'host') ?? propertyOf(object, 'hostname');
  const host = constantString(hostValue);
  if (!hostValue || !host || host.includes('/') || isLocalOrReserved(host.replace(/:\d+$/, '').toLowerCase()) || context.isTestCode(object) || isDevelopmentOnly(object)) return;
  context.report({ node: hostValue, message: `This request goes to ${host} through node's http module, in clear text, so anyone on the network path can read and change it, including credentials and tokens; use the https module.` });
}

/** basic-ftp `access({ host, secure: false })` (or no `secure` at all) to a remote server: the login and files travel unencrypted. */
function checkFtpAccess(options: SyntaxNode | undefined, context: RuleContext): void {
  const object = unwrap(options);
  if (object?.type !== 'object') return;
  const host = constantString(propertyOf(object, 'host'));
  const secure = propertyOf(object, 'secure');
  if (!secure || constantBoolean(secure) !== false || !(propertyOf(object, 'password') || propertyOf(object, 'user'))) return;
  if ((host && isLocalOrReserved(host.toLowerCase())) || context.isTestCode(object) || isDevelopmentOnly(object)) return;
  const pair = secure.parent ?? secure;
  context.report({
    node: pair,
    message: `secure: false makes this FTP login${host ? ` to ${host}` : ''} send the password and files unencrypted; use secure: true (FTPS) or SFTP.`,
    fix: flipFix(secure, 'true', 'Use FTPS (the server must accept explicit TLS)', context),
  });
}

/** `ssl: false` in a database or broker client config whose host is remote. */
function checkTlsOff(pair: SyntaxNode, value: SyntaxNode, key: string, context: RuleContext): void {
  const object = pair.parent;
  if (!object) return;
  const hostValue = propertyOf(object, 'host') ?? propertyOf(object, 'hostname') ?? propertyOf(object, 'endPoint') ?? propertyOf(object, 'server');
  const connection = propertyOf(object, 'connectionString') ?? propertyOf(object, 'url') ?? propertyOf(object, 'uri');
  const host = constantString(hostValue) ?? (constantString(connection) ? parseUrl(constantString(connection)!)?.host : undefined);
  if (!host || isLocalOrReserved(host) || context.isTestCode(pair) || isDevelopmentOnly(pair)) return;
  context.report({
    node: pair,
    message: `${key}: false sends the login and all data to ${host} unencrypted, readable and changeable by anyone on the network path; turn TLS on (ssl: true or { ca }) for connections that leave the machine.`,
    fix: flipFix(value, 'true', 'Turn TLS on (the server must accept TLS connections)', context),
  });
}

function schemeFix(literal: SyntaxNode, scheme: string, secure: string, context: RuleContext): Fix | undefined {
  const range = context.rangeOf(literal);
  const offset = literal.text.indexOf(`${scheme}://`);
  if (offset < 1 || literal.text.slice(0, offset).includes('\n')) return undefined;
  const start = { line: range.start.line, character: range.start.character + offset };
  return {
    title: `Use ${secure}:// (the server must accept TLS at this address)`,
    edits: [{ range: { start, end: { line: start.line, character: start.character + scheme.length } }, newText: secure }],
    preservesBehaviour: false,
  };
}

function flipFix(value: SyntaxNode, text: string, title: string, context: RuleContext): Fix {
  return { title, edits: [{ range: context.rangeOf(value), newText: text }], preservesBehaviour: false };
}
