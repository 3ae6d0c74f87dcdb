// ssrf for Python: requests, httpx, urllib, aiohttp, urllib3 and pycurl fetching URLs whose scheme or host comes from the client.
import { defineDetector, type RuleContext, type SyntaxNode } from '../api';
import { pythonSinks } from '../models/python-sinks';
import { builtStrings } from './lib/built-strings';
import { builtAbove, describeSource, reportFlow } from './lib/flow-findings';
import { resolveName } from './lib/scope';
import { callTriggers, argumentAt, calleeLastName, matchSinks } from './lib/sink-calls';
import { urlControl } from './lib/url-prefix';
import { inputOf } from './lib/value-origins';
import { hostCheckedBefore } from './lib/host-checks';
import { quietInTests } from './lib/test-code';

const hazard = 'ssrf';
const specs = pythonSinks[hazard];
const sinkNames = new Set(specs.map((s) => s.callee.split('.').pop()!));
const httpMethods = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream', 'setopt', 'urlopen', 'open']);
/** Client objects whose methods fetch a URL: `requests.Session()`, `httpx.AsyncClient()`, `aiohttp.ClientSession()`. */
const clientConstructors = /\b(requests\.Session|requests\.session|httpx\.(Async)?Client|aiohttp\.ClientSession|ClientSession|urllib3\.PoolManager|PoolManager|Session|AsyncClient|build_opener|pycurl\.Curl)\(/;
const clientNames = /^(session|sess|http_session|client_session|http_client|http|httpx_client|async_client|opener|curl|pool|s)$/i;

export default defineDetector({
  id: hazard,
  family: 'python',
  // Client libraries' functions, and HTTP methods of a client object.
  triggers: callTriggers([...sinkNames, ...httpMethods]),
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    const httpClients = context.bindings.some((b) => /^(requests|httpx|aiohttp|urllib3|urllib|urllib2|pycurl)\b/.test(b.module));
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context) ?? '';
        if (!sinkNames.has(last) && !httpMethods.has(last)) return;
        const match = matchSinks(node, specs, context)[0];
        const url = match?.argument ?? (httpClients ? clientUrl(node, last, context) : undefined);
        if (url) checkUrl(node, url, match?.callee ?? node.childForFieldName('function')!.text, context);
      },
    };
  },
});

/** The URL argument of a method on an HTTP client object, or undefined when the receiver is not one. */
function clientUrl(call: SyntaxNode, method: string, context: RuleContext): SyntaxNode | undefined {
  const receiver = call.childForFieldName('function')?.childForFieldName('object');
  const args = call.childForFieldName('arguments');
  if (!receiver || args?.type !== 'argument_list' || !isHttpClient(receiver, context)) return undefined;
  if (method === 'setopt') return /\bURL$/.test(args.namedChildren[0]?.text ?? '') ? args.namedChildren[1] ?? undefined : undefined;
  if (method === 'request' || method === 'stream') return argumentAt(args, 1, 'url');
  return argumentAt(args, 0, method === 'open' || method === 'urlopen' ? 'fullurl' : 'url');
}

function isHttpClient(receiver: SyntaxNode, context: RuleContext): boolean {
  if (clientConstructors.test(receiver.text)) return true;
  if (receiver.type === 'attribute' && receiver.childForFieldName('attribute')?.text === 'session') {
    // request.session is Django's session store, not an HTTP client.
    return !/^(self\.)?request$/.test(receiver.childForFieldName('object')?.text ?? '');
  }
  if (receiver.type !== 'identifier') return false;
  // Most `.get(...)` calls are on dicts: only names that could hold a client are worth resolving.
  if (!clientNames.test(receiver.text) && !/sess|client|http|curl|opener|pool|api/i.test(receiver.text)) return false;
  const { bindings } = resolveName(receiver.text, receiver, context);
  if (bindings.some((b) => b.value && clientConstructors.test(`${b.value.text.split('(')[0]}(`))) return true;
  // `async with aiohttp.ClientSession() as session:` binds without a value in scope bindings.
  for (let n: SyntaxNode | null = receiver.parent; n; n = n.parent) {
    if (n.type !== 'with_statement') continue;
    for (const item of n.descendantsOfType('with_item')) {
      const value = item?.childForFieldName('value');
      if (value?.type === 'as_pattern' && value.childForFieldName('alias')?.text === receiver.text && clientConstructors.test(value.namedChildren[0]?.text ?? '')) return true;
    }
  }
  return clientNames.test(receiver.text) && bindings.every((b) => b.kind !== 'import');
}

function checkUrl(call: SyntaxNode, url: SyntaxNode, callee: string, context: RuleContext): void {
  const built = builtStrings(url, context);
  if (built.length) {
    for (const b of built) {
      const hole = b.holes.find((h) => inputOf(h.value, hazard, context));
      if (!hole) continue;
      if (urlControl(hole) !== 'authority') return;
      const source = inputOf(hole.value, hazard, context)!;
      report(call, callee, `the host part of a URL built from ${describeSource(source.label, false)}`, context, [hole.value]);
      return;
    }
    return;
  }
  const source = inputOf(url, hazard, context);
  if (source && url.type === 'identifier' && hostCheckedBefore(url.text, call)) return;
  if (source) report(call, callee, `a URL taken from ${describeSource(source.label, false)}`, context, builtAbove(url, context));
}

function report(call: SyntaxNode, callee: string, what: string, context: RuleContext, holes: SyntaxNode[] = []): void {
  reportFlow(context, {
    sink: call,
    holes,
    confidence: 'high',
    message: `${callee}() fetches ${what}, so a client can make your server call internal services or the cloud metadata endpoint (169.254.169.254); check the parsed host against an allow-list before fetching.`,
  });
}
