// ssrf for JavaScript/TypeScript: outbound requests (fetch, axios, got, request, http.get) to a URL whose host comes from the request.
import { defineDetector, type RuleContext, type SyntaxNode } from '../api';
import { unwrap } from './lib/constant-strings';
import { piecesOf } from './lib/built-strings';
import { shorten, sinkLabel } from './lib/injection-assessment';
import { argumentsOf, matchSinks, sinkTriggers, type SinkMatch } from './lib/sink-calls';
import { functionTextBefore, incompleteUrlCheck, isValidatedBefore } from './lib/validation-guards';
import { withHelperFlows } from './lib/helper-flows';

const hazard = 'ssrf';
const filteringAgent = /ssrfFilter|ssrf-req-filter|useAgent|RequestFilteringHttps?Agent|requestFilteringAgent|globalRequestFilteringAgent|\bdnsLookup\b|\blookup\s*:/;
const hostChecks = /\.(hostname|host|origin|protocol)\b|ALLOWED|allowlist|allowList|whitelist|isPrivate|isInternal|isAllowed|isSafe|validateUrl|ssrf/i;

/** Also a helper of the file (`function fetchJson(url) { return superagent.get(url) }`) called with a URL from the request. */
export default withHelperFlows(defineDetector({
  id: hazard,
  family: 'javascript',
  triggers: sinkTriggers([hazard]),
  // Every call it judges names a sink in its callee (matchSinks).
  anchored: 'innermost',
  create(context) {
    const visit = (node: SyntaxNode): void => {
      // `axios({ url })` matches as a whole and by its `url` property: the property is the one to judge.
      const match = matchSinks(context, node, hazard).find((m) => unwrap(m.value)?.type !== 'object');
      if (match) check(context, match);
    };
    return { call_expression: visit, new_expression: visit };
  },
}), {
  hazard,
  accepts: (match) => { const value = unwrap(match.value); return !!value && value.type !== 'object' && !pinsHost(value); },
  guarded: (match, leaf) => isValidatedBefore(leaf, match.call, hostChecks, incompleteUrlCheck),
  message: (source, argument, sink) => `${argument} (from ${source}) becomes the URL ${sink.helper}() requests with ${sink.match.label}, so a client can reach internal services or cloud metadata (169.254.169.254); allow only known hosts, or resolve the host and refuse private addresses.`,
});

const privateAddressCheck = /\bdns\.(promises\.)?(lookup|resolve4?|resolve6)\b[^]*\b(ipaddr\.|range\(\)|isPrivate\w*|isLoopback|isReserved|private)|\b(isPrivateIp|isPrivateIP|isPrivateAddress|ip\.isPrivate|ipRangeCheck|blockPrivate\w*)\s*\(/;

function check(context: RuleContext, match: SinkMatch): void {
  const value = unwrap(match.value);
  if (!value || context.isTestCode(match.call) || pinsHost(value)) return;
  // An agent or DNS lookup that refuses private addresses (ssrf-req-filter, request-filtering-agent) is the fix.
  if (argumentsOf(match.call).some((a) => filteringAgent.test(a.text))) return;
  // A constant (`'/dashboard'`, `path.join(__dirname, 'x')` spelled out) carries nothing: skip the data flow.
  if (piecesOf(value).every((p) => p.text !== undefined)) return;
  const source = context.taint.sourceOf(value, hazard);
  if (!source || isValidatedBefore(value, match.call, hostChecks, incompleteUrlCheck)) return;
  // The host resolved and its address refused when private (`dns.lookup(u.hostname)` then `ipaddr.parse(address).range()`).
  if (privateAddressCheck.test(functionTextBefore(match.call))) return;
  context.report({
    node: value,
    message: `The request URL ${shorten(value.text)} comes from ${source.label}, so a client can make ${sinkLabel(match)} reach internal services or cloud metadata (169.254.169.254); allow only known hosts, or resolve the host and refuse private addresses.`,
  });
}

/** A constant scheme and host (`https://api.example.com/users/${id}`) or a same-origin path fixes where the request goes. */
function pinsHost(value: SyntaxNode): boolean {
  const first = piecesOf(value)[0];
  if (!first || first.text === undefined) return false;
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+[/?#]/i.test(first.text) || /^\/[^/\\]/.test(first.text);
}
