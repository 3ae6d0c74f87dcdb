// Owns spotting Python expressions that carry client or user input (request data, input(), argv), for a rule's confidence.
import type { RuleContext, SyntaxNode } from '../../api';
import { pythonModel } from '../../models/python';
import { enclosingFunction, resolveCallee, resolveName } from './scope';

const requestNames = new Set(pythonModel.requestNames);
const requestFields = new Set(pythonModel.requestFields);
const requestMethods = new Set(pythonModel.requestMethods);
const sourceChains = new Set(pythonModel.sourceChains);
const sourceCalls = new Set(pythonModel.sourceCalls);
const routeDecorators = new Set(pythonModel.routeDecorators);
const trustedTypes = new Set(pythonModel.trustedParameterTypes);
/** Methods that hand back bytes from a peer. */
const receiveMethods = new Set(['recv', 'recvfrom', 'recv_into', 'receive_text', 'receive_json', 'receive_bytes']);

/**
 * Where untrusted input reaching `node` comes from, in words for a message ("request data", "input()"), or undefined
 * when none is visible. Intra-procedural: names are followed to their assignments in the same function.
 */
export function describeUntrustedInput(node: SyntaxNode, context: RuleContext): string | undefined {
  return describe(node, context, new Set(), 0);
}

function describe(node: SyntaxNode, context: RuleContext, seen: Set<string>, depth: number): string | undefined {
  if (depth > 8) return undefined;
  switch (node.type) {
    case 'identifier':
      return describeName(node, context, seen, depth);
    case 'attribute':
    case 'subscript': {
      const chain = chainOf(node);
      const found = chain && describeChain(chain, node, context);
      if (found) return found;
      break;
    }
    case 'call': {
      const callee = node.childForFieldName('function');
      if (callee) {
        const resolved = resolveCallee(callee, context) ?? callee.text;
        if (sourceCalls.has(resolved)) return resolved === 'input' || resolved === 'raw_input' ? `${resolved}()` : 'standard input';
        if (callee.type === 'attribute') {
          const method = callee.childForFieldName('attribute')?.text ?? '';
          const receiver = callee.childForFieldName('object');
          if (receiveMethods.has(method)) return 'data received from a peer';
          if (receiver && requestMethods.has(method) && isRequest(receiver)) return 'request data';
        }
      }
      break;
    }
    case 'lambda':
    case 'function_definition':
      return undefined;
    default:
      break;
  }
  for (const child of node.namedChildren) {
    if (!child) continue;
    const found = describe(child, context, seen, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function describeName(node: SyntaxNode, context: RuleContext, seen: Set<string>, depth: number): string | undefined {
  const name = node.text;
  if (seen.has(name)) return undefined;
  const inner = new Set(seen).add(name);
  const resolution = resolveName(name, node, context);
  if (resolution.scope !== 'local') return undefined;
  for (const binding of resolution.bindings) {
    if (binding.kind === 'parameter') {
      const found = describeParameter(name, node);
      if (found) return found;
    } else if (binding.value) {
      const found = describe(binding.value, context, inner, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** A parameter of a route handler (`@app.route`, `@router.get`) is client data unless its annotation marks a framework object. */
function describeParameter(name: string, at: SyntaxNode): string | undefined {
  const fn = enclosingFunction(at);
  if (fn?.type !== 'function_definition' || fn.parent?.type !== 'decorated_definition') return undefined;
  const routed = fn.parent.namedChildren.some((d) => {
    if (d?.type !== 'decorator') return false;
    const expression = d.namedChildren[0];
    const callee = expression?.type === 'call' ? expression.childForFieldName('function') : expression;
    const last = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    return last !== undefined && routeDecorators.has(last);
  });
  if (!routed) return undefined;
  const parameter = fn.childForFieldName('parameters')?.namedChildren.find((p) => p && (p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text ?? p.text) === name);
  const annotation = parameter?.childForFieldName('type')?.text ?? '';
  if ([...trustedTypes].some((t) => annotation.includes(t)) || name === 'self' || name === 'db') return undefined;
  return 'a route parameter';
}

function describeChain(chain: string[], node: SyntaxNode, context: RuleContext): string | undefined {
  const [head, field] = chain;
  if (requestNames.has(head) && field !== undefined && requestFields.has(field) && isRequestName(head, node, context)) return 'request data';
  const resolved = resolveCallee(chainNode(node), context) ?? chain.join('.');
  for (const source of sourceChains) if (resolved === source || resolved.startsWith(`${source}.`)) return source === 'sys.argv' ? 'a command-line argument' : 'the environment';
  return undefined;
}

/** `request` is the framework's request (Flask's global, an imported name) or a handler parameter, never a local built from constants. */
function isRequestName(name: string, at: SyntaxNode, context: RuleContext): boolean {
  const resolution = resolveName(name, at, context);
  return resolution.bindings.every((b) => b.kind === 'parameter' || b.kind === 'import') || resolution.scope === 'unbound';
}

function isRequest(node: SyntaxNode): boolean {
  const chain = chainOf(node);
  return chain !== undefined && requestNames.has(chain[0]);
}

/** The innermost attribute chain under subscripts: `request.args["x"]` → request.args. */
function chainNode(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'subscript') n = n.childForFieldName('value') ?? n;
  return n;
}

/** `request.args["q"]` → ['request', 'args']; `sys.argv[1]` → ['sys', 'argv']. */
function chainOf(node: SyntaxNode): string[] | undefined {
  const n = chainNode(node);
  if (n.type === 'identifier') return [n.text];
  if (n.type !== 'attribute') return undefined;
  const object = n.childForFieldName('object');
  const attribute = n.childForFieldName('attribute')?.text;
  const head = object ? chainOf(object) : undefined;
  return head && attribute ? [...head, attribute] : undefined;
}
