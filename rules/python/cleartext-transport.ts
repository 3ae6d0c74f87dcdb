// cleartext-transport for Python: http://, ws:// and ftp:// URLs to remote hosts in clients and API settings, FTP and Telnet sessions, SMTP/IMAP/POP logins without TLS.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { fileMentions } from './lib/file-text';
import { importsModule } from './lib/import-facts';
import { wordsOf } from './lib/name-words';
import { enclosingFunction, resolveCallee, resolveName } from './lib/scope';
import { argumentText, calleeLastName, keywordArgument, positionalArguments } from './lib/sink-calls';
import { hole, literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

const cleartextUrl = /^(http|ws|ftp):\/\/(\[[^\]]+\]|[^/:?#\s]+)/i;
/** Client calls whose first (or `url`) argument is where the request goes. */
const urlMethods = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream', 'urlopen', 'Request', 'urlretrieve', 'ws_connect', 'create_connection', 'connect', 'WebSocketApp', 'ServerProxy', 'Server']);
const httpClients = /^(requests|httpx|urllib|urllib2|urllib3|aiohttp|websocket|websockets|http\.client|xmlrpc\.client|xmlrpclib)(\.|$)/;
const plainProtocols = new Set(['FTP', 'Telnet', 'SMTP', 'IMAP4', 'POP3']);
/** Keyword arguments that name where a client connects. */
const urlKeywords = new Set(['url', 'base_url', 'endpoint', 'endpoint_url', 'api_url', 'server_url', 'webhook_url', 'callback_url', 'api_base', 'host_url']);
/** Words in a setting's name that make it where API calls, logins or data go. */
const apiWords = new Set(['api', 'auth', 'login', 'token', 'oauth', 'webhook', 'callback', 'endpoint', 'backend', 'service', 'server', 'gateway', 'base', 'upload', 'payment', 'billing', 'graphql', 'rpc', 'ws', 'socket', 'stream', 'sso', 'idp', 'saml']);
const notApiWords = new Set(['doc', 'docs', 'documentation', 'homepage', 'home', 'website', 'site', 'namespace', 'ns', 'xmlns', 'schema', 'license', 'help', 'link', 'image', 'icon', 'avatar', 'repo', 'repository', 'source', 'issues', 'bug', 'tracker', 'example', 'sample', 'test', 'mock', 'fake', 'dtd', 'spec', 'rfc', 'changelog', 'download', 'proxy']);

export default defineDetector({
  id: 'cleartext-transport',
  family: 'python',
  triggers: {
    // A URL written in the unit, a plain protocol client, or a name imported from an HTTP client (for URLs held in constants).
    text: /:\/\/|FTP|Telnet|SMTP|IMAP4|POP3/,
    imports: /^(?:requests|httpx|urllib|urllib2|urllib3|aiohttp|websocket|websockets|ftplib|telnetlib|smtplib|imaplib|poplib|xmlrpc|xmlrpclib)(?:\.|$)/,
  },
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    const usesHttpClient = importsModule(context, httpClients);
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context);
        if (!last) return;
        const protocol = plainProtocols.has(last);
        // A URL keyword can sit on any call, but only in a file that writes a URL somewhere.
        if (!protocol && !urlMethods.has(last) && !fileMentions(node, /:\/\//)) return;
        const args = node.childForFieldName('arguments');
        if (args?.type !== 'argument_list') return;
        if (protocol) {
          checkPlainProtocol(context, node, args, last);
          return;
        }
        const written = fileMentions(node, /:\/\//) && argumentText(node).includes('://');
        if (written && !declaresPackage(node, context)) {
          for (const argument of args.namedChildren) {
            if (argument?.type !== 'keyword_argument' || !urlKeywords.has(argument.childForFieldName('name')?.text ?? '')) continue;
            const value = argument.childForFieldName('value');
            if (value) checkUrlArgument(context, value);
          }
        }
        // Without a URL written in the call, only a client call of an imported HTTP library is worth resolving names for.
        if (!urlMethods.has(last) || (!written && !usesHttpClient)) return;
        const first = positionalArguments(args)[0];
        if (first) checkUrlArgument(context, first);
      },
      assignment(node: SyntaxNode) {
        const right = node.childForFieldName('right');
        if (!right || (right.type !== 'string' && right.type !== 'concatenated_string' && right.type !== 'binary_operator') || !right.text.includes('://')) return;
        const left = node.childForFieldName('left');
        if (!left) return;
        const name = left.type === 'identifier' ? left.text : left.type === 'attribute' ? left.childForFieldName('attribute')?.text : left.type === 'subscript' ? literalText(left.childForFieldName('subscript')) : undefined;
        if (!name || !isApiSetting(name)) return;
        const url = remoteCleartextUrl(right);
        if (url) report(context, right, url, `${name} points at`);
      },
    };
  },
});

/** setuptools'/distutils' setup() declares package metadata: its url= is the project's home page, not a request. */
function declaresPackage(call: SyntaxNode, context: RuleContext): boolean {
  const callee = call.childForFieldName('function');
  const resolved = callee ? resolveCallee(callee, context) : undefined;
  return resolved !== undefined && /^(?:setuptools|distutils\.core)\.setup$/.test(resolved);
}

/** A URL argument written in the call (literal, f-string, concatenation), or a name bound to a URL whose own setting is not already flagged. */
function checkUrlArgument(context: RuleContext, value: SyntaxNode): void {
  const url = remoteCleartextUrl(value);
  if (url) {
    report(context, value, url, 'This request goes to');
    return;
  }
  const head = value.type === 'identifier' ? value : leadingName(value);
  if (!head) return;
  const { bindings } = resolveName(head.text, head, context);
  if (bindings.length !== 1 || bindings[0].kind !== 'assignment' || !bindings[0].value || isApiSetting(head.text)) return;
  const bound = remoteCleartextUrl(bindings[0].value);
  if (bound) report(context, value, bound, `This request goes to (through ${head.text})`, false);
}

/** The identifier a URL is built on: `f"{BASE}/x"`, `BASE + "/x"`. */
function leadingName(value: SyntaxNode): SyntaxNode | undefined {
  if (value.type === 'binary_operator') {
    const left = value.childForFieldName('left');
    return left?.type === 'identifier' ? left : undefined;
  }
  if (value.type === 'string') {
    const first = value.namedChildren.find((c) => c?.type === 'interpolation' || c?.type === 'string_content');
    const expression = first?.type === 'interpolation' ? first.childForFieldName('expression') : undefined;
    return expression?.type === 'identifier' ? expression : undefined;
  }
  return undefined;
}

/** FTP and Telnet send everything in the clear; SMTP, IMAP and POP do too when they log in without STARTTLS. */
function checkPlainProtocol(context: RuleContext, node: SyntaxNode, args: SyntaxNode, last: string): void {
  const callee = node.childForFieldName('function');
  const resolved = callee ? resolveCallee(callee, context) : undefined;
  const modules: Record<string, string> = { FTP: 'ftplib.FTP', Telnet: 'telnetlib.Telnet', SMTP: 'smtplib.SMTP', IMAP4: 'imaplib.IMAP4', POP3: 'poplib.POP3' };
  if (resolved !== modules[last]) return;
  const host = positionalArguments(args)[0] ?? keywordArgument(args, 'host');
  if (!host) return;
  const hostText = literalText(host);
  if (hostText !== undefined && (hostText === '' || isLocalOrPlaceholder(hostText))) return;
  const scope = enclosingFunction(node);
  const body = scope?.text ?? '';
  if (last === 'FTP' || last === 'Telnet') {
    // A variable host counts when the session logs in: credentials then cross the network in the clear.
    if (hostText === undefined && last === 'FTP' && !/\.login\(\s*\S/.test(body) && !keywordArgument(args, 'passwd')) return;
    const what = last === 'FTP' ? 'FTP sends the login, password and files' : 'Telnet sends the login, password and every command';
    const fix: Fix | undefined = last === 'FTP' && callee?.type === 'attribute'
      ? { title: 'Use FTP_TLS (the server must support FTPS; call prot_p() to encrypt transfers too)', edits: [{ range: context.rangeOf(callee.childForFieldName('attribute')!), newText: 'FTP_TLS' }], preservesBehaviour: false }
      : undefined;
    context.report({ node, message: `${what} unencrypted, so anyone on the network path can read and change them; use ${last === 'FTP' ? 'SFTP or ftplib.FTP_TLS' : 'SSH'}.`, ...(fix ? { fix } : {}) });
    return;
  }
  if (!/\.login\(/.test(body) || /\.starttls\(/.test(body)) return;
  context.report({ node, message: `${last} logs in over an unencrypted connection here (no starttls()), so the password and messages cross the network in the clear; call starttls() before login() or use ${last}_SSL.` });
}

function report(context: RuleContext, node: SyntaxNode, url: ParsedUrl, lead: string, fixable = true): void {
  const secure = url.scheme === 'http' ? 'https' : url.scheme === 'ws' ? 'wss' : undefined;
  const literal = fixable && secure ? schemeLiteral(context, node) : undefined;
  const fix: Fix | undefined = literal && secure
    ? { title: `Use ${secure}:// (the server must accept TLS there)`, edits: [{ range: literal.range, newText: secure }], preservesBehaviour: false }
    : undefined;
  context.report({
    node,
    message: `${lead} ${url.scheme}://${url.host} without TLS, so anyone on the network path can read and change the traffic, credentials and tokens included; use ${secure ? `${secure}://` : 'SFTP or FTPS'}.`,
    ...(fix ? { fix } : {}),
  });
}

interface ParsedUrl {
  readonly scheme: string;
  readonly host: string;
}

/** The cleartext URL an expression starts with, when its host is fixed and remote. */
function remoteCleartextUrl(node: SyntaxNode): ParsedUrl | undefined {
  let text: string | undefined;
  if (node.type === 'string') text = literalText(node, { holes: true });
  else if (node.type === 'concatenated_string') text = literalText(node, { holes: true });
  else if (node.type === 'binary_operator') {
    const left = node.childForFieldName('left');
    return left && left.type !== 'identifier' ? remoteCleartextUrl(left) : undefined;
  }
  if (!text) return undefined;
  const match = cleartextUrl.exec(text);
  if (!match) return undefined;
  const host = match[2].toLowerCase();
  if (host.includes(hole) || isLocalOrPlaceholder(host)) return undefined;
  return { scheme: match[1].toLowerCase(), host };
}

/** Loopback, private networks, cluster-internal names, single-label service names and reserved example domains. */
function isLocalOrPlaceholder(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (!h.includes('.') && !h.includes(':')) return true;
  if (h === '::1' || h === '0.0.0.0' || /^127\./.test(h) || /^10\./.test(h) || /^192\.168\./.test(h) || /^172\.(1[6-9]|2\d|3[01])\./.test(h) || /^169\.254\./.test(h)) return true;
  if (/^(192\.0\.2|198\.51\.100|203\.0\.113)\./.test(h)) return true;
  if (/(^|\.)(localhost|local|internal|lan|intranet|corp|home\.arpa|svc|cluster\.local|test|example|invalid|localdomain)$/.test(h)) return true;
  return /(^|\.)example\.(com|org|net)$/.test(h) || /^(fe80:|fc|fd)/.test(h);
}

function isApiSetting(name: string): boolean {
  const words = wordsOf(name);
  if (words.some((w) => notApiWords.has(w))) return false;
  const hasLocation = words.some((w) => /^(url|uri|urls|endpoint|host|server|base|api|address|addr)$/.test(w));
  return hasLocation && words.some((w) => apiWords.has(w) || w === 'url' && words.length > 1 && apiWords.has(words[0]));
}

/** The scheme text inside the literal that starts the URL, for the fix. */
function schemeLiteral(context: RuleContext, node: SyntaxNode): { range: ReturnType<RuleContext['rangeOf']> } | undefined {
  const literal = node.type === 'binary_operator' ? node.childForFieldName('left') : node.type === 'concatenated_string' ? node.namedChildren[0] : node;
  if (literal?.type !== 'string') return undefined;
  const content = literal.namedChildren.find((c) => c?.type === 'string_content' || c?.type === 'interpolation');
  if (content?.type !== 'string_content') return undefined;
  const match = /^(http|ws)(?=:\/\/)/i.exec(content.text);
  if (!match) return undefined;
  const start = context.rangeOf(content).start;
  return { range: { start, end: { line: start.line, character: start.character + match[1].length } } };
}
