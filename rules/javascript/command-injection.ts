// command-injection for JavaScript/TypeScript: shell commands built from non-constant parts (child_process.exec, spawn with shell, execa.command, shelljs).
import { type Fix, type RuleContext, type SyntaxNode } from '../api';
import { shellPrograms } from '../models/javascript-sinks';
import { constantString, unwrap } from './lib/constant-strings';
import { allValidated, assessValue, enclosingFunction, onePerLine, sameNode, shorten, sinkLabel, type Assessment } from './lib/injection-assessment';
import { argumentsOf, firstSinkDetector, usesShell, type SinkMatch } from './lib/sink-calls';
import { execFileFix } from './lib/exec-file-fix';
import { localFunction, parameterList, withHelperFlows } from './lib/helper-flows';

const hazard = 'command-injection';

/** Also a helper of the file (`function sh(cmd) { return execSync(cmd) }`) called with a command built from request data. */
export default withHelperFlows(firstSinkDetector(hazard, check), {
  hazard,
  accepts: (match) => !match.spec.onlyWithShell || usesShell(match.call),
  message: (source, argument, sink) => `${argument} (from ${source}) becomes a shell command in ${sink.helper}(), which runs it through ${sink.match.label.replace(/^child_process\./, '')}; pass the arguments as an array to execFile or spawn without a shell.`,
});

function check(context: RuleContext, match: SinkMatch): void {
  const { call, spec } = match;
  let command: SyntaxNode | undefined = match.value;
  let extraParts: SyntaxNode[] = [];
  if (spec.onlyWithShell) {
    const args = argumentsOf(call);
    const list = unwrap(args[1]);
    if (usesShell(call)) {
      // With a shell, the arguments are joined into the command line too.
      extraParts = list?.type === 'array' ? list.namedChildren.filter((e): e is SyntaxNode => !!e && e.type !== 'comment') : [];
    } else {
      // `spawn('sh', ['-c', cmd])`: the element after -c is a shell command.
      const program = constantString(args[0]);
      if (!program || !shellPrograms.test(program) || list?.type !== 'array') return;
      const elements = list.namedChildren.filter((e): e is SyntaxNode => !!e && e.type !== 'comment');
      const flag = elements.findIndex((e) => /^(-c|\/c|\/C|-Command|-command)$/.test(constantString(e) ?? ''));
      command = flag === -1 ? undefined : elements[flag + 1];
    }
  }
  if (!command || context.isTestCode(call)) return;
  const assessments: Assessment[] = [command, ...extraParts].map((part) => assessValue(context, part, hazard));
  const label = sinkLabel(match).replace(/^child_process\./, '');
  // Built only for a finding: most commands are constant.
  const shellCommand = command;
  let fixed: { fix?: Fix } | undefined;
  const fix = (): Fix | undefined => (fixed ??= { fix: execFileFix(context, match, shellCommand) }).fix;
  const risky = assessments.flatMap((a) => a.risky);
  const tainted = risky.map((part) => ({ part, source: context.taint.sourceOf(part, hazard) })).filter((t) => t.source);
  const whole = assessments.find((a) => a.source && !a.built);
  if (tainted.length === 0 && whole) tainted.push({ part: command, source: whole.source });
  if (tainted.length > 0) {
    for (const { part, source } of onePerLine(tainted)) {
      context.report({
        node: reportNode(part, command, call),
        confidence: 'high',
        message: `A shell command built from ${source!.label} runs through ${label}; pass the arguments as an array to execFile or spawn without a shell.`,
        fix: fix(),
      });
    }
    return;
  }
  const built = assessments[0].built || (extraParts.length > 0 && risky.length > 0);
  if (!built) {
    const helper = helperCommand(context, command);
    if (helper) {
      context.report({
        node: command,
        confidence: 'medium',
        message: `${shorten(command.text)} builds a shell command from its arguments (${shorten(helper.text)}), and ${label} runs it, so shell metacharacters in them execute; pass the arguments as an array to execFile or spawn without a shell.`,
      });
    }
    return;
  }
  if (risky.length === 0 || allValidated(risky, call)) return;
  for (const { part } of onePerLine(risky.map((part) => ({ part })))) {
    context.report({
      node: reportNode(part, command, call),
      confidence: 'medium',
      message: `A shell command built from ${shorten(part.text)} runs through ${label}, so shell metacharacters in it execute; pass the arguments as an array to execFile or spawn without a shell.`,
      fix: fix(),
    });
  }
}

/**
 * `execSync(buildCommand(input, output))` where the file's `buildCommand` returns a command string built from its
 * parameters (`` `ffmpeg -i ${input} ${output}` ``) and the call passes it something that is not a constant.
 */
function helperCommand(context: RuleContext, command: SyntaxNode): SyntaxNode | undefined {
  const call = unwrap(command);
  if (call?.type !== 'call_expression') return undefined;
  const fn = localFunction(call);
  const body = fn?.childForFieldName('body');
  if (!fn || !body) return undefined;
  const returns = body.type === 'statement_block' ? body.namedChildren.filter((c) => c?.type === 'return_statement') : [body];
  if (returns.length !== 1) return undefined;
  const returned = unwrap(returns[0]!.type === 'return_statement' ? returns[0]!.namedChildren[0] : returns[0]);
  if (!returned || (returned.type !== 'template_string' && returned.type !== 'binary_expression')) return undefined;
  const assessment = assessValue(context, returned, hazard);
  if (!assessment.built || assessment.risky.length === 0 || allValidated(assessment.risky, returned)) return undefined;
  const params = parameterList(fn);
  const args = argumentsOf(call);
  const used = assessment.risky.map((r) => params.indexOf(unwrap(r)?.text ?? '')).filter((i) => i >= 0);
  if (used.length === 0 || !used.some((i) => args[i] && constantString(args[i]) === undefined && unwrap(args[i])?.type !== 'number')) return undefined;
  return returned;
}

/** The dynamic part when it sits in the sink's function (where the fix goes), else the sink's argument. */
function reportNode(part: SyntaxNode | undefined, value: SyntaxNode, call: SyntaxNode): SyntaxNode {
  if (part && sameNode(enclosingFunction(part), enclosingFunction(call)) && part.startIndex >= (enclosingFunction(call)?.startIndex ?? 0)) return part;
  return value;
}
