// open-redirect for Python: Flask, Django, Starlette/FastAPI, aiohttp, Pyramid, Bottle and Tornado redirects to client-supplied URLs, and Location headers set from them.
import { defineDetector, type RuleContext, type SyntaxNode } from '../api';
import { pythonSinks } from '../models/python-sinks';
import { builtStrings } from './lib/built-strings';
import { describeSource } from './lib/flow-findings';
import { callTriggers, calleeLastName, matchSinks } from './lib/sink-calls';
import { urlControl } from './lib/url-prefix';
import { inputOf } from './lib/value-origins';
import { quietInTests } from './lib/test-code';
import { relativeOnlyBefore } from './lib/host-checks';
import { importsWebFramework } from './lib/settings-modules';

const hazard = 'open-redirect';
const specs = pythonSinks[hazard];
const sinkNames = new Set(specs.map((s) => s.callee.replace(/^[.*]/, '').split('.').pop()!));
const alternative = "redirect only to relative paths or allow-listed hosts (Django's url_has_allowed_host_and_scheme), falling back to a fixed page";

export default defineDetector({
  id: hazard,
  family: 'python',
  // Sinks, and a `Location` header set by key.
  triggers: callTriggers(sinkNames, /location/i),
  anchored: true,
  create(rawContext) {
    const context = quietInTests(rawContext);
    // Location headers are only set by hand in web code: the assignment visitor costs a look at every assignment.
    const web = importsWebFramework(context);
    const headers: Record<string, (node: SyntaxNode) => void> = web ? {
      assignment(node) {
        // response.headers["Location"] = url / response["Location"] = url
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (left?.type !== 'subscript' || !right) return;
        const key = left.childForFieldName('subscript');
        if (!key || !/^["']location["']$/i.test(key.text)) return;
        checkTarget(node, right, 'The Location header', context);
      },
    } : {};
    return {
      ...headers,
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context) ?? '';
        if (last === 'send_header') return checkSendHeader(node, context);
        if (!sinkNames.has(last)) return;
        const match = matchSinks(node, specs, context)[0];
        if (match) checkTarget(node, match.argument, `${match.callee}()`, context);
      },
    };
  },
});

/** `self.send_header("Location", url)` in an `http.server` handler (or any handler with that API). */
function checkSendHeader(call: SyntaxNode, context: RuleContext): void {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment') ?? [];
  if (args.length !== 2 || !/^["']location["']$/i.test(args[0].text)) return;
  checkTarget(call, args[1], 'The Location header', context);
}

function checkTarget(sink: SyntaxNode, target: SyntaxNode, what: string, context: RuleContext): void {
  const built = builtStrings(target, context);
  let label: string | undefined;
  if (built.length) {
    for (const b of built) {
      const hole = b.holes.find((h) => inputOf(h.value, hazard, context));
      if (hole && urlControl(hole) !== 'fixed') label = inputOf(hole.value, hazard, context)!.label;
    }
  } else label = inputOf(target, hazard, context)?.label;
  if (!label || (target.type === 'identifier' && relativeOnlyBefore(target.text, sink))) return;
  context.report({
    node: sink,
    confidence: 'high',
    message: `${what} sends the browser to a URL from ${describeSource(label, false)}, so a link to your site can forward users to a phishing page; ${alternative}.`,
  });
}
