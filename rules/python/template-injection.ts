// template-injection for Python: Jinja2, Django, Mako and Tornado template source built from non-constant values, and format strings taken from the client.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode } from '../api';
import { pythonSinks } from '../models/python-sinks';
import { builtStrings, holeMark, type BuiltString, type Hole } from './lib/built-strings';
import { describeSource, type FlaggedHole, loudestOf, reportFlow, sinkCallVisitors, sinkNamesOf } from './lib/flow-findings';
import { callTriggers, calleeNames, matchSinks, positionalArguments } from './lib/sink-calls';
import { enclosingFunction, resolveName } from './lib/scope';
import { inputOf, holeOrigin } from './lib/value-origins';

const hazard = 'template-injection';
const specs = pythonSinks[hazard];
const sinkNames = new Set([...sinkNamesOf(specs), 'format', 'format_map']);
/** Template classes that share a name with safe ones: `string.Template` substitutes `$names` and runs no code. */
const templateModules = /^(jinja2|django\.template|mako\.template|tornado\.template|chameleon|flask)\b/;

export default defineDetector({
  id: hazard,
  family: 'python',
  // Template constructors, and `format`/`format_map` on a format string from input.
  triggers: callTriggers(sinkNames),
  anchored: true,
  create(rawContext) {
    return sinkCallVisitors(rawContext, (node, last, context) => {
      if (!sinkNames.has(last)) return;
      if (last === 'format' || last === 'format_map') {
        checkFormatString(node, context);
        return;
      }
      const match = matchSinks(node, specs, context)[0];
      if (!match || isSandboxed(node, context)) return;
      if (match.spec.callee === '.from_string' && !isTemplateEnvironment(node, context)) return;
      if (match.spec.callee === '*render_template_string' && !isFlaskish(node, context)) return;
      checkTemplate(node, match.argument, match.callee, context);
    });
  },
});

/** An unresolved `render_template_string` is Flask's unless the file imports it from somewhere else. */
function isFlaskish(call: SyntaxNode, context: RuleContext): boolean {
  const resolved = calleeNames(call, context)?.resolved;
  return !resolved || templateModules.test(resolved);
}

/** `env.from_string`, `jinja2.Environment().from_string`, `engines["django"].from_string`: not `Decimal.from_string`. */
function isTemplateEnvironment(call: SyntaxNode, context: RuleContext): boolean {
  let receiver = call.childForFieldName('function')?.childForFieldName('object');
  if (receiver?.type === 'identifier') {
    const binding = resolveName(receiver.text, receiver, context).bindings.find((b) => b.value);
    if (binding?.value) receiver = binding.value;
  }
  return !!receiver && /env|jinja|engine|template/i.test(receiver.text);
}

/** `SandboxedEnvironment().from_string(...)` or `env.from_string` where env is one: the sandbox is the defence. */
function isSandboxed(call: SyntaxNode, context: RuleContext): boolean {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'attribute') return false;
  let receiver = callee.childForFieldName('object');
  if (receiver?.type === 'identifier') {
    const binding = resolveName(receiver.text, receiver, context).bindings.find((b) => b.value);
    receiver = binding?.value ?? receiver;
  }
  return !!receiver && /Sandbox/.test(receiver.text);
}

function checkTemplate(call: SyntaxNode, source: SyntaxNode, callee: string, context: RuleContext): void {
  const built = builtStrings(source, context);
  if (!built.length) {
    const input = inputOf(source, hazard, context);
    if (!input) {
      checkTemplateParameter(call, source, callee, context);
      return;
    }
    context.report({
      node: call,
      confidence: 'high',
      message: `${callee}() compiles a template taken from ${describeSource(input.label, false)}, so the client runs template code on the server; render a fixed template and pass the data as variables.`,
    });
    return;
  }
  const flagged = built.flatMap((b) => b.holes.map((hole) => judgeHole(hole, context)).filter((f): f is FlaggedHole => !!f));
  if (!flagged.length) return;
  const worst = loudestOf(flagged);
  const from = worst.origin.kind === 'unknown' ? 'a value that is not a constant' : describeSource(worst.origin.source?.label, worst.origin.kind === 'parameter');
  reportFlow(context, {
    sink: call,
    holes: flagged.map((f) => f.hole.value),
    confidence: worst.origin.kind === 'input' ? 'high' : 'medium',
    message: `${callee}() compiles template source built from ${from}, so {{ }} or {% %} in it runs as template code; keep the template constant and pass the value as a template variable.`,
    fix: built.length === 1 && built[0].node.equals(source) ? variablesFix(call, built[0], context) : undefined,
  });
}

/** Parameter names that say the caller hands over template source: `template_text`, `tpl`, `subject_template`, `body`. */
const templateParameterName = /^(\w*_)?(template|tpl|tmpl|templ)(_?(text|str|string|source|src|body|content))?$|^(template_?)?(text|source|body|content)$/i;

/**
 * Library code that compiles a template its caller passes: `def render(template_text, ctx): return Template(template_text).render(ctx)`.
 * Notification bodies, e-mail subjects and report layouts configured by users reach such helpers in most Python SSTI
 * advisories; the fix is a SandboxedEnvironment (honoured above) or a fixed template.
 */
function checkTemplateParameter(call: SyntaxNode, source: SyntaxNode, callee: string, context: RuleContext): void {
  if (source.type !== 'identifier' || !templateParameterName.test(source.text) || context.isTestCode(call) || documentedAsTrusted(call)) return;
  const flow = context.taint.flowOf(source, hazard, { parameters: true });
  if (!flow || flow.sanitized || !flow.source.parameter || flow.source.label !== `parameter ${source.text}`) return;
  // `def render(ctx, template="Hello {{ name }}")`: a knob with a built-in template is the developer's to turn.
  const parameter = enclosingFunction(call)?.childForFieldName('parameters')?.namedChildren.find((p) => p?.childForFieldName('name')?.text === source.text);
  if (parameter && /default_parameter$/.test(parameter.type) && parameter.childForFieldName('value')?.type === 'string') return;
  context.report({
    node: call,
    // Whether callers hand it user-configured templates is not visible here.
    confidence: 'low',
    message: `${callee}() compiles template source passed in as the parameter \`${source.text}\`, so a caller that forwards a user-configured template runs template code on the server ({{ cycler.__init__.__globals__ }} reaches os); render it in a jinja2.sandbox.SandboxedEnvironment, or keep templates fixed and pass values as variables.`,
  });
}

/** A helper whose docstring says its templates come from administrators or the application itself: the author vouches for the source. */
function documentedAsTrusted(call: SyntaxNode): boolean {
  const body = enclosingFunction(call)?.childForFieldName('body');
  const first = body?.namedChildren[0];
  const doc = first?.type === 'expression_statement' && first.namedChildren[0]?.type === 'string' ? first.namedChildren[0].text : '';
  return /\b(admins?|administrators?|staff|trusted|internal|our own|built-in|bundled)\b/i.test(doc);
}

function judgeHole(hole: Hole, context: RuleContext): FlaggedHole | undefined {
  const origin = holeOrigin(hole, hazard, context);
  return origin ? { hole, origin } : undefined;
}

/** `request.args["fmt"].format(user=user)`: a client-chosen format string reads attributes of the arguments. */
function checkFormatString(call: SyntaxNode, context: RuleContext): void {
  const receiver = call.childForFieldName('function')?.childForFieldName('object');
  if (!receiver || receiver.type === 'string') return;
  const args = call.childForFieldName('arguments');
  if (!args?.namedChildren.some((a) => a && a.type !== 'comment')) return;
  const input = inputOf(receiver, hazard, context);
  if (!input) return;
  context.report({
    node: call,
    confidence: 'high',
    message: `A format string from ${describeSource(input.label, false)} can read attributes of the arguments ({0.__class__.__init__.__globals__} reaches secrets); use a fixed format string, or string.Template with safe_substitute.`,
  });
}

/**
 * `render_template_string("<h1>Hello " + name + "</h1>")` → `render_template_string("<h1>Hello {{ name }}</h1>", name=name)`,
 * for a single literal with plain `{}` holes. Flask autoescapes string templates, so values are now HTML-escaped.
 */
function variablesFix(call: SyntaxNode, built: BuiltString, context: RuleContext): Fix | undefined {
  const names = calleeNames(call, context);
  if (!/render_template_string$/.test(names?.resolved ?? names?.text ?? '')) return undefined;
  if (positionalArguments(call.childForFieldName('arguments')).length !== 1 || built.holes.some((h) => h.spec)) return undefined;
  const quote = singleQuoteStyle(built.node);
  if (!quote) return undefined;
  const used = new Set<string>();
  const variables = built.holes.map((h, i) => {
    let name = h.value.type === 'identifier' ? h.value.text : /(\w+)["']?\)?\s*$/.exec(h.value.text)?.[1] ?? `value${i + 1}`;
    if (!/^[A-Za-z_]\w*$/.test(name) || used.has(name)) name = `value${i + 1}`;
    used.add(name);
    return { name, value: h.value.text };
  });
  const pieces = built.text.split(holeMark);
  if (pieces.some((p) => p.includes(quote) || /\\$/.test(p))) return undefined;
  const text = pieces.map((p, i) => (i === 0 ? p : `{{ ${variables[i - 1].name} }}${p}`)).join('');
  const keywords = variables.map((v) => `${v.name}=${v.value}`).join(', ');
  return {
    title: 'Pass the values as template variables (they are HTML-escaped and no longer run as template code)',
    edits: [{ range: context.rangeOf(built.node), newText: `${quote}${text}${quote}, ${keywords}` }],
    preservesBehaviour: false,
  };
}

/** The quote of the literals a built string came from, when all are plain (no r/b prefix) and agree. */
function singleQuoteStyle(node: SyntaxNode): string | undefined {
  const literals: SyntaxNode[] = [];
  const collect = (n: SyntaxNode): void => {
    if (n.type === 'string') literals.push(n);
    else if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '+') {
      for (const side of [n.childForFieldName('left'), n.childForFieldName('right')]) if (side) collect(side);
    } else if (n.type === 'parenthesized_expression' || n.type === 'concatenated_string') for (const c of n.namedChildren) { if (c) collect(c); }
  };
  collect(node.type === 'call' ? node.childForFieldName('function')?.childForFieldName('object') ?? node : node);
  const opens = literals.map((l) => l.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '');
  if (!opens.length) return undefined;
  const quote = opens[0].replace(/^[a-zA-Z]*/, '');
  return opens.every((o) => o.replace(/^[fF]?/, '') === quote) ? quote : undefined;
}
