// tls-verification-disabled for Python: requests/httpx/aiohttp/urllib3 clients, ssl contexts, env switches and paramiko host keys that accept any peer.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { flagLiteral, flagValue } from './lib/flag-values';
import { importsModule } from './lib/import-facts';
import { resolveCallee, resolveName, enclosingFunction } from './lib/scope';
import { calleeLastName, keywordArgument, positionalArguments } from './lib/sink-calls';
import { literalText, replaceLiteralContent } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

/** Keyword switches that turn certificate checks off when False, by client library. */
const offWhenFalse = new Set([
  'verify', 'verify_ssl', 'verify_certs', 'ssl_verify', 'validate_certs', 'verify_tls', 'tls_verify', 'check_hostname',
  'ssl_check_hostname', 'ssl_verify_cert', 'cert_check', 'verify_cert',
]);
/** Keyword switches that turn certificate checks off when True: pymongo, httplib2. */
const offWhenTrue = new Set(['tlsAllowInvalidCertificates', 'tlsAllowInvalidHostnames', 'tlsInsecure', 'disable_ssl_certificate_validation', 'ssl_insecure']);
/** Keywords that take a verification mode: `cert_reqs=ssl.CERT_NONE`, `ssl_cert_reqs="none"`. */
const modeKeywords = new Set(['cert_reqs', 'ssl_cert_reqs', 'verify_mode']);
/** `verify=` of these is not a certificate check: JWT libraries, signature helpers. */
const notTlsCallees = /^(jwt|jose|authlib|itsdangerous|nacl|ecdsa|rsa|gnupg)\b/;
const notTlsMethods = new Set(['decode', 'encode', 'decode_complete', 'verify', 'get_unverified_claims', 'render_field', 'BooleanField', 'Field']);
/** aiohttp's `ssl=False` means "do not verify"; its request methods and connector. */
const aiohttpSslCalls = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'ws_connect', 'TCPConnector', 'ClientSession']);
/** Environment variables that switch verification off for every client in the process. */
const environmentSwitches: Record<string, (value: string) => boolean> = {
  PYTHONHTTPSVERIFY: (v) => v === '0',
  CURL_CA_BUNDLE: (v) => v === '',
  REQUESTS_CA_BUNDLE: (v) => v === '',
};
/** A context built for a server: CERT_NONE there only means "no client certificates", the default. */
const serverContext = /PROTOCOL_TLS_SERVER|Purpose\.CLIENT_AUTH|server_side\s*=\s*True/;

/** Libraries whose calls take `verify=` as a certificate switch. */
const httpModules = /^(requests|httpx|aiohttp|urllib3|boto3|botocore|elasticsearch|opensearchpy|hvac|docker|kubernetes|gitlab|github|jenkins|minio|pysnow|zeep|suds|openai|anthropic|slack_sdk|jira|atlassian|proxmoxer|pyVmomi|ldap3|grpc|websocket|websockets|pip\._vendor\.requests)(\.|$)/;
const httpMethods = /^(get|post|put|patch|delete|head|options|request|send|stream|urlopen|mount|Session|Client|AsyncClient|ClientSession|PoolManager|ProxyManager|HTTPSConnectionPool|HTTPAdapter|Transport|AsyncHTTPTransport|cert_verify)$/;
const clientConstructors = /(Client|Session|Connection|Pool|Adapter|Transport|Api|API|Elasticsearch|OpenSearch|Minio|Jenkins|Gitlab|Github|Jira|Confluence|ProxmoxAPI|Hvac)$/;

function isTlsClient(method: string, resolved: string | undefined, usesHttpClient: boolean): boolean {
  if (resolved && httpModules.test(resolved)) return true;
  if (clientConstructors.test(method)) return true;
  return usesHttpClient && httpMethods.test(method);
}

const verifyTitle = 'Verify certificates (servers with self-signed certificates will be refused: trust their CA explicitly instead)';

export default defineDetector({
  id: 'tls-verification-disabled',
  family: 'python',
  triggers: {
    text: /verify|check_hostname|CERT_NONE|cert_reqs|_context|missing_host_key|ssl|HTTPSVERIFY|CA_BUNDLE|cert_check|tlsAllow|tlsInsecure|disable_warnings/,
    imports: /(?:^|\.)(?:_create_unverified_context|_create_stdlib_context|SSLContext|wrap_socket)$/,
  },
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    const usesAiohttp = importsModule(context, /^aiohttp(\.|$)/);
    const usesHttpClient = importsModule(context, httpModules);
    return {
      keyword_argument(node: SyntaxNode) {
        const name = node.childForFieldName('name')?.text ?? '';
        const value = node.childForFieldName('value');
        if (!value) return;
        const isSwitch = offWhenFalse.has(name) || offWhenTrue.has(name) || modeKeywords.has(name) || name === 'ssl';
        if (!isSwitch) return;
        const call = node.parent?.parent;
        if (call?.type !== 'call') return;
        const method = calleeLastName(call, context) ?? '';
        if (name === 'ssl') {
          if (!usesAiohttp || !aiohttpSslCalls.has(method) || flagValue(value, context) !== false) return;
          report(context, node, `aiohttp's ssl=False skips certificate verification, so anyone on the network path can impersonate the server; leave ssl at its default or pass an ssl.SSLContext that trusts your CA.`, flagFix(context, value, 'True', 'Verify certificates (default: servers with self-signed certificates will be refused)', 'default'));
          return;
        }
        if (modeKeywords.has(name)) {
          if (!isCertNone(value)) return;
          report(context, node, `${name}=CERT_NONE accepts any certificate, so anyone on the network path can impersonate the server; require certificates (CERT_REQUIRED) and trust your CA explicitly.`, certRequiredFix(context, value));
          return;
        }
        const off = offWhenTrue.has(name) ? flagValue(value, context) === true : flagValue(value, context) === false;
        if (!off || notTlsMethods.has(method)) return;
        const callee = call.childForFieldName('function');
        const resolved = callee ? resolveCallee(callee, context) : undefined;
        if (resolved && notTlsCallees.test(resolved)) return;
        // A bare `verify=` or `check_hostname=` also switches numeric checks and signatures: only HTTP and TLS clients count.
        if ((name === 'verify' || name === 'check_hostname') && !isTlsClient(method, resolved, usesHttpClient)) return;
        const calleeText = shorten(callee?.text ?? 'this client');
        report(context, node, `${calleeText}(${name}=${value.text}) turns off certificate checks, so anyone on the network path can impersonate the server and read or change the traffic; keep verification on and pass your CA bundle if the server uses a private CA.`,
          flagFix(context, value, offWhenTrue.has(name) ? 'False' : 'True', verifyTitle));
      },
      default_parameter: (node) => checkDefaultOff(context, node, usesHttpClient),
      typed_default_parameter: (node) => checkDefaultOff(context, node, usesHttpClient),
      assignment(node: SyntaxNode) {
        const left = node.childForFieldName('left');
        if (!left || !/(verify|verify_ssl|check_hostname|verify_mode|_create_default_https_context|\])$/.test(left.text)) return;
        const right = node.childForFieldName('right');
        if (!right) return;
        if (left.type === 'attribute') checkAttribute(context, node, left, right);
        else if (left.type === 'subscript') checkEnvironment(context, node, left, right);
      },
      call(node: SyntaxNode) {
        const method = calleeLastName(node, context);
        if (method === '_create_unverified_context' || method === '_create_stdlib_context') {
          const callee = node.childForFieldName('function');
          if (!callee || resolveCallee(callee, context) !== `ssl.${method}`) return;
          report(context, node, `ssl.${method}() makes a context that accepts any certificate, so anyone on the network path can impersonate the server; use ssl.create_default_context() (with cafile= for a private CA).`, replaceCall(context, node, callee));
        } else if (method === 'SSLContext' || method === 'wrap_socket') {
          checkUnverifiedDefault(context, node, method);
        } else if (method === 'disable_warnings') {
          // Inside a function: reported when the same function turns verification off (module level: checkFile).
          const scope = enclosingFunction(node);
          if (scope && uncheckedTls.test(scope.text) && silencesTlsWarning(node, context)) reportSilenced(context, node);
        } else if (method === 'set_missing_host_key_policy') {
          const policy = positionalArguments(node.childForFieldName('arguments'))[0];
          const name = policy?.type === 'call' ? calleeLastName(policy, context) : policy?.type === 'attribute' ? policy.lastChild?.text : policy?.text;
          if (name !== 'AutoAddPolicy' && name !== 'WarningPolicy') return;
          const at = policy?.type === 'call' ? policy.childForFieldName('function') : policy;
          const last = at?.type === 'attribute' ? at.childForFieldName('attribute') : at;
          const fix: Fix | undefined = last ? { title: 'Reject unknown host keys (hosts must be in known_hosts: call load_system_host_keys() first)', edits: [{ range: context.rangeOf(last), newText: 'RejectPolicy' }], preservesBehaviour: false } : undefined;
          context.report({ node, confidence: 'medium', message: `paramiko's ${name} accepts any host key on first sight, so anyone on the network path can pose as the server and capture credentials and commands; load known_hosts and use RejectPolicy.`, ...(fix ? { fix } : {}) });
        } else if (method === 'set_verify') {
          const mode = positionalArguments(node.childForFieldName('arguments'))[0];
          if (mode?.type === 'attribute' && mode.lastChild?.text === 'VERIFY_NONE' && context.bindings.some((b) => b.module.startsWith('OpenSSL'))) {
            report(context, node, 'VERIFY_NONE accepts any certificate, so anyone on the network path can impersonate the server; use VERIFY_PEER with a trust store.');
          }
        }
      },
    };
  },
  checkFile: checkModuleWarnings,
});

/**
 * `def __init__(self, url, verify_ssl=False)` whose body hands the parameter to an HTTP client's verify switch: every
 * caller that does not think of it gets unverified TLS.
 */
function checkDefaultOff(context: RuleContext, node: SyntaxNode, usesHttpClient: boolean): void {
  const name = node.childForFieldName('name')?.text ?? '';
  if (!usesHttpClient || !offWhenFalse.has(name) || node.childForFieldName('value')?.type !== 'false') return;
  const fn = node.parent?.parent;
  const body = fn?.type === 'function_definition' ? fn.childForFieldName('body')?.text ?? '' : '';
  const handed = new RegExp(`\\b(verify|verify_ssl|ssl|verify_certs|ssl_verify)\\s*=\\s*(self\\.)?${name}\\b|\\.verify\\s*=\\s*${name}\\b`);
  if (!handed.test(body)) return;
  context.report({
    node,
    confidence: 'medium',
    message: `${name}=False makes unverified TLS the default for every caller that does not pass it, so anyone on the network path can impersonate the server; default to True and let callers opt out explicitly.`,
    fix: { title: 'Verify certificates by default (callers relying on the old default must pass False explicitly)', edits: [{ range: context.rangeOf(node.childForFieldName('value')!), newText: 'True' }], preservesBehaviour: false },
  });
}

/** Protocols whose SSLContext starts with CERT_NONE and no hostname check (PROTOCOL_TLS_CLIENT is the verifying one). */
const unverifiedProtocols = /(^|\.)PROTOCOL_(TLS|SSLv23|TLSv1|TLSv1_1|TLSv1_2)$/;
/** The function connects out with the context: a client, where the missing verification matters. */
const clientUse = /server_hostname\s*=|urlopen\s*\(|HTTPSConnection\s*\(|create_connection\s*\(|\.connect\s*\(\s*\(/;
/** The function turns verification on, or builds a server context. */
const verifiedOrServer = /CERT_REQUIRED|check_hostname\s*=\s*True|server_side\s*=\s*True|load_cert_chain\s*\(|PROTOCOL_TLS_SERVER|Purpose\.CLIENT_AUTH/;

/**
 * `ssl.SSLContext(ssl.PROTOCOL_TLS)` (or SSLv23, or no protocol) and `ssl.wrap_socket(sock)` verify nothing unless
 * told to: in a function that connects out with them and never turns verification on, any certificate is accepted.
 */
function checkUnverifiedDefault(context: RuleContext, node: SyntaxNode, method: string): void {
  const callee = node.childForFieldName('function');
  if (!callee || resolveCallee(callee, context) !== `ssl.${method}`) return;
  const args = node.childForFieldName('arguments');
  if (method === 'SSLContext') {
    const protocol = keywordArgument(args, 'protocol') ?? positionalArguments(args)[0];
    if (protocol && !unverifiedProtocols.test(protocol.text)) return;
  } else if (keywordArgument(args, 'cert_reqs') || keywordArgument(args, 'server_side') || splatSetsMode(args, context)) return;
  const scope = enclosingFunction(node);
  if (!scope || !clientUse.test(scope.text) || verifiedOrServer.test(scope.text)) return;
  context.report({
    node,
    confidence: 'medium',
    message: `ssl.${method}(${method === 'SSLContext' ? node.childForFieldName('arguments')?.text.slice(1, -1) ?? '' : '…'}) starts with verify_mode CERT_NONE and no hostname check, and this function connects with it without turning verification on, so any certificate is accepted; use ssl.create_default_context() (or PROTOCOL_TLS_CLIENT).`,
  });
}

/**
 * `wrap_socket(sock, **options)` where every dict the name is assigned writes a `cert_reqs` or `server_side` key: the
 * mode is chosen there (`{"cert_reqs": self.verify_mode, ...}`), so the default does not apply.
 */
function splatSetsMode(args: SyntaxNode | null, context: RuleContext): boolean {
  for (const arg of args?.namedChildren ?? []) {
    if (arg?.type !== 'dictionary_splat') continue;
    const value = arg.namedChildren[0];
    const dicts = value?.type === 'dictionary' ? [value] : value?.type === 'identifier' ? resolveName(value.text, value, context).bindings.map((b) => (b.kind === 'assignment' ? b.value : undefined)) : [];
    if (dicts.length > 0 && dicts.every((d) => d?.type === 'dictionary' && d.namedChildren.some((pair) => pair?.type === 'pair' && setsMode(pair)))) return true;
  }
  return false;
}

/** A `cert_reqs` key whose value is not "no checks" (`{"cert_reqs": ssl.CERT_NONE}` turns them off itself), or `server_side`. */
function setsMode(pair: SyntaxNode): boolean {
  const key = literalText(pair.childForFieldName('key')) ?? '';
  if (key === 'server_side') return true;
  return key === 'cert_reqs' && !/CERT_NONE|^(0|False|None)$/.test(pair.childForFieldName('value')?.text ?? '');
}

/** Text showing the module turns certificate checks off somewhere. */
const uncheckedTls = /\bverify\s*=\s*False\b|CERT_NONE|_create_unverified_context|\.verify\s*=\s*False\b/;

/** urllib3.disable_warnings() or disable_warnings(InsecureRequestWarning): silences the one warning unverified HTTPS gives. */
function silencesTlsWarning(node: SyntaxNode, context: RuleContext): boolean {
  const callee = node.childForFieldName('function');
  const resolved = callee ? resolveCallee(callee, context) ?? callee.text : '';
  if (!/(^|\.)urllib3\.disable_warnings$|^requests\.packages\.urllib3\.disable_warnings$/.test(resolved)) return false;
  const args = positionalArguments(node.childForFieldName('arguments'));
  return args.length === 0 || /InsecureRequestWarning$/.test(args[0].text);
}

function reportSilenced(context: RuleContext, node: SyntaxNode): void {
  context.report({ node, confidence: 'medium', message: 'Silencing InsecureRequestWarning hides that requests here skip certificate verification, so anyone on the network path can impersonate the server unnoticed; keep verification on (verify=True or a CA bundle) and let the warning stand.' });
}

/** Module-level disable_warnings() in a module that turns verification off somewhere (the unit alone cannot tell). */
function checkModuleWarnings(root: SyntaxNode, context: RuleContext): void {
  // Top-level statements only (cheap, uncached); the whole text is read only when one silences the warning.
  const calls = root.namedChildren
    .map((statement) => (statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined))
    .filter((call): call is SyntaxNode => call?.type === 'call' && /disable_warnings\s*\(/.test(call.text) && calleeLastName(call, context) === 'disable_warnings');
  if (calls.length === 0 || !uncheckedTls.test(root.text)) return;
  for (const call of calls) if (!context.isTestCode(call) && silencesTlsWarning(call, context)) reportSilenced(context, call);
}

function checkAttribute(context: RuleContext, node: SyntaxNode, left: SyntaxNode, right: SyntaxNode): void {
  const attribute = left.childForFieldName('attribute')?.text ?? '';
  if (attribute === '_create_default_https_context') {
    if (!/_create_unverified_context$/.test(right.text)) return;
    report(context, node, 'Replacing ssl._create_default_https_context with the unverified one turns certificate checks off for every HTTPS request in the process; remove it and trust a private CA with cafile= or SSL_CERT_FILE.');
    return;
  }
  if (attribute === 'verify_mode') {
    if (!isCertNone(right)) return;
    const scope = enclosingFunction(node);
    if (scope && serverContext.test(scope.text)) return;
    if (appliesSetting(node, scope)) return;
    report(context, node, 'verify_mode = CERT_NONE accepts any certificate, so anyone on the network path can impersonate the server; keep CERT_REQUIRED and load your CA with load_verify_locations().', certRequiredFix(context, right));
    return;
  }
  if (attribute === 'check_hostname') {
    if (flagValue(right, context) !== false) return;
    const scope = enclosingFunction(node);
    if (scope && serverContext.test(scope.text)) return;
    if (appliesSetting(node, scope)) return;
    report(context, node, 'check_hostname = False accepts a valid certificate for any other host, so anyone with one can impersonate the server; keep hostname checking on.', flagFix(context, right, 'True', verifyTitle));
    return;
  }
  if (attribute === 'verify' || attribute === 'verify_ssl') {
    if (right.type !== 'false') return;
    report(context, node, `Setting .${attribute} = False turns off certificate checks for every request this client makes, so anyone on the network path can impersonate the server; keep it True and set it to your CA bundle path if needed.`, flagFix(context, right, 'True', verifyTitle));
  }
}

/**
 * Library plumbing that applies the caller's choice (`if cert_reqs == CERT_NONE: ctx.check_hostname = False`,
 * `if not server_hostname: …`), or a wrapper class initialising its own attribute (`self.check_hostname = False`).
 */
function appliesSetting(node: SyntaxNode, scope: SyntaxNode | undefined): boolean {
  const target = node.childForFieldName('left')?.childForFieldName('object');
  if (target?.type === 'identifier' && target.text === 'self') return true;
  for (let n = node.parent; n && !(scope && n.equals(scope)); n = n.parent) {
    if (n.type !== 'if_statement' && n.type !== 'elif_clause' && n.type !== 'else_clause') continue;
    const ifNode = n.type === 'if_statement' ? n : n.parent;
    if (/hostname|cert_reqs|CERT_|verify|insecure|ssl|tls/i.test(ifNode?.childForFieldName('condition')?.text ?? '')) return true;
  }
  return false;
}

/** os.environ["PYTHONHTTPSVERIFY"] = "0", os.environ["CURL_CA_BUNDLE"] = "". */
function checkEnvironment(context: RuleContext, node: SyntaxNode, left: SyntaxNode, right: SyntaxNode): void {
  const object = left.childForFieldName('value');
  if (!object || !/(^|\.)environ$/.test(object.text)) return;
  const variable = literalText(left.childForFieldName('subscript'));
  const value = literalText(right);
  const matches = variable !== undefined && environmentSwitches[variable];
  if (!matches || value === undefined || !matches(value)) return;
  report(context, node, `Setting ${variable} this way turns certificate checks off for HTTPS clients in the process, so anyone on the network path can impersonate the servers it talks to; remove it and trust a private CA through SSL_CERT_FILE or REQUESTS_CA_BUNDLE pointing at its certificate.`);
}

function isCertNone(node: SyntaxNode): boolean {
  if (node.type === 'attribute' || node.type === 'identifier') return /(^|\.)CERT_NONE$/.test(node.text);
  const text = literalText(node);
  return text !== undefined && /^(cert_)?none$/i.test(text);
}

function certRequiredFix(context: RuleContext, value: SyntaxNode): Fix {
  const text = value.type === 'string' ? replaceLiteralContent(value, literalText(value)?.startsWith('CERT') ? 'CERT_REQUIRED' : 'required') : value.text.replace(/CERT_NONE$/, 'CERT_REQUIRED');
  return { title: verifyTitle, edits: [{ range: context.rangeOf(value), newText: text }], preservesBehaviour: false };
}

/** Flip a switch literal; a switch set through a shared name is left alone (its other users may differ). */
function flagFix(context: RuleContext, value: SyntaxNode, to: string, title: string, mode: 'flip' | 'default' = 'flip'): Fix | undefined {
  const literal = flagLiteral(value, context);
  if (!literal || !literal.equals(value) || (literal.type !== 'false' && literal.type !== 'true')) return undefined;
  if (mode === 'default') {
    // aiohttp: drop `ssl=False` (and its separating comma) rather than pass ssl=True, which older versions reject.
    const keyword = value.parent!;
    const previous = keyword.previousSibling;
    const start = previous?.type === ',' ? previous.startPosition : keyword.startPosition;
    const range = { start: { line: start.row, character: start.column }, end: context.rangeOf(keyword).end };
    return { title, edits: [{ range, newText: '' }], preservesBehaviour: false };
  }
  return { title, edits: [{ range: context.rangeOf(value), newText: to }], preservesBehaviour: false };
}

function replaceCall(context: RuleContext, call: SyntaxNode, callee: SyntaxNode): Fix | undefined {
  if (callee.type !== 'attribute') return undefined;
  const module = callee.childForFieldName('object')?.text;
  const args = call.childForFieldName('arguments');
  if (!module || !args || positionalArguments(args).length > 0 || keywordArgument(args, 'cert_reqs')) return undefined;
  return { title: 'Use ssl.create_default_context() (servers with untrusted certificates will be refused)', edits: [{ range: context.rangeOf(callee), newText: `${module}.create_default_context` }], preservesBehaviour: false };
}

function report(context: RuleContext, node: SyntaxNode, message: string, fix?: Fix): void {
  context.report({ node, message, ...(fix ? { fix } : {}) });
}

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ');
  return clean.length > 40 ? `${clean.slice(0, 37)}...` : clean;
}
