// command-injection for Python: shell command strings built from non-constant values reaching os.system, os.popen, subprocess with shell=True, sh -c, paramiko exec_command.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type TextEdit } from '../api';
import { pythonSinks } from '../models/python-sinks';
import { builtStrings, holeMark, type BuiltString, type Hole } from './lib/built-strings';
import { describeSource, type FlaggedHole, loudestOf, reportFlow, sinkCallVisitors, sinkNamesOf } from './lib/flow-findings';
import { importedName } from './lib/import-edits';
import { callTriggers, calleeNames, keywordArgument, matchSinks, positionalArguments } from './lib/sink-calls';
import { isNumericFormat } from './lib/sql-text';
import { inputOf, holeOrigin, originOf } from './lib/value-origins';
import { resolveName } from './lib/scope';

const hazard = 'command-injection';
const specs = pythonSinks[hazard];
const sinkNames = sinkNamesOf(specs);
const subprocessCalls = new Set(['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen']);
const execCalls = new Set([...subprocessCalls, 'asyncio.create_subprocess_exec', 'os.execl', 'os.execlp', 'os.execv', 'os.execvp', 'os.spawnl', 'os.spawnlp']);
const execNames = new Set([...execCalls].map((c) => c.split('.').pop()!));
const shells = /^(\/usr)?(\/bin\/)?(sh|bash|zsh|dash|ksh|cmd|cmd\.exe|powershell|pwsh)$/;
/** Values that are paths or names the process itself fixed: inserting them is not an injection. */
const trustedValues = /^(sys\.executable|os\.devnull|os\.sep|os\.pathsep|os\.linesep|os\.curdir|os\.pardir|sys\.platform|os\.name|sys\.prefix|sys\.exec_prefix)$/;
const shellSyntax = /[|&;<>()$`\\"'*?~{}[\]#!\n\r]/;

export default defineDetector({
  id: hazard,
  family: 'python',
  triggers: callTriggers([...sinkNames, ...execNames]),
  anchored: true,
  create(rawContext) {
    return sinkCallVisitors(rawContext, (node, last, context) => {
      if (!sinkNames.has(last) && !execNames.has(last)) return;
      const callee = node.childForFieldName('function');
      const shellList = execNames.has(last) && execCalls.has(context.resolveCallee(callee!) ?? callee?.text ?? '') ? shellScript(node) : undefined;
      if (!sinkNames.has(last) && !shellList) return;
      if (shellList) {
        checkCommand(node, shellList, context.resolveCallee(callee!) ?? callee!.text, context, false);
        return;
      }
      const match = matchSinks(node, specs, context)[0];
      if (match) checkCommand(node, match.argument, match.callee, context, true);
    });
  },
});

/** `subprocess.run(["bash", "-c", script])`, `create_subprocess_exec("sh", "-c", script)`: the script is shell code. */
function shellScript(call: SyntaxNode): SyntaxNode | undefined {
  const args = positionalArguments(call.childForFieldName('arguments'));
  const list = args[0]?.type === 'list' || args[0]?.type === 'tuple' ? args[0].namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment') : args;
  const program = list[0]?.type === 'string' ? list[0].text.replace(/^[a-zA-Z]*["']|["']$/g, '') : '';
  if (!shells.test(program)) return undefined;
  const flag = list.findIndex((a, i) => i > 0 && /^["'](-c|\/c|-Command)["']$/i.test(a.text));
  return flag > 0 ? list[flag + 1] : undefined;
}

function checkCommand(call: SyntaxNode, command: SyntaxNode, callee: string, context: RuleContext, fixable: boolean): void {
  const built = builtStrings(command, context);
  if (!built.length) {
    const source = inputOf(command, hazard, context);
    if (!source) {
      reportOpaqueCommand(call, command, callee, context);
      return;
    }
    context.report({
      node: call,
      confidence: 'high',
      message: `${callee}() runs a shell command taken from ${describeSource(source.label, false)}, so the client runs any command it likes; map the request to a fixed command and pass arguments as a list without a shell.`,
    });
    return;
  }
  const flagged = built.flatMap((b) => b.holes.map((hole) => judgeHole(hole, context)).filter((f): f is FlaggedHole => !!f));
  if (!flagged.length) return;
  const worst = loudestOf(flagged);
  const from = worst.origin.kind === 'unknown' ? 'values that are not constants' : describeSource(worst.origin.source?.label, worst.origin.kind === 'parameter');
  // `shell=True` on a later line of a wrapped call is what the fix removes: it is worth its own finding there.
  const shell = keywordArgument(call.childForFieldName('arguments'), 'shell');
  // Values of unknown origin are one finding at the call: the lines that built the command add no new hazard to review.
  const knownOrigins = flagged.filter((f) => f.origin.kind !== 'unknown');
  reportFlow(context, {
    sink: call,
    holes: [...knownOrigins.map((f) => f.hole.value), ...(shell ? [shell] : [])],
    confidence: worst.origin.kind === 'unknown' ? 'medium' : worst.origin.kind === 'input' ? 'high' : 'medium',
    message: `${callee}() runs a shell command built from ${from}, so quotes, ; or $() in them run as shell code; pass an argument list to subprocess.run without shell=True, or quote each value with shlex.quote.`,
    fix: fixable && built.length === 1 && built[0].node.equals(command) ? argumentListFix(call, built[0], flagged, context) : undefined,
  });
}

/**
 * `subprocess.check_output(cmd, shell=True)`, `os.system(command)` with a command that is not a constant and not visibly
 * built here (a parameter, a value computed elsewhere): a wrapper that hands its caller's string to a shell. A reviewer
 * flags it, at low confidence: whether it is exploitable depends on the callers, and the fix (an argument list) is local.
 */
function reportOpaqueCommand(call: SyntaxNode, command: SyntaxNode, callee: string, context: RuleContext): void {
  if (isArgumentList(command, context, 0)) return;
  const origin = originOf(command, hazard, context);
  if (!origin) return;
  const what = origin.kind === 'parameter' ? `the caller's command string (${describeSource(origin.source?.label, true)})` : 'a command string that is not a constant';
  context.report({
    node: call,
    confidence: 'low',
    message: `${callee}() hands ${what} to a shell, so any quote, ; or $() that reaches it runs as shell code; take an argument list and run it without shell=True (subprocess.run(args)).`,
  });
}

/** A list or tuple (with shell=True only its first item is the script), or a name bound only to one, or to shlex.split(...). */
function isArgumentList(node: SyntaxNode, context: RuleContext, depth: number): boolean {
  if (node.type === 'list' || node.type === 'tuple' || node.type === 'list_comprehension') return true;
  if (node.type === 'call') return /(^|\.)(split|list|tuple)$/.test(node.childForFieldName('function')?.text ?? '');
  if (node.type !== 'identifier' || depth > 2) return false;
  const { bindings } = resolveName(node.text, node, context);
  const values = bindings.filter((b) => b.value);
  return values.length > 0 && values.every((b) => isArgumentList(b.value!, context, depth + 1));
}

function judgeHole(hole: Hole, context: RuleContext): FlaggedHole | undefined {
  if (isNumericFormat(hole.spec) || trustedValues.test(hole.value.text)) return undefined;
  const origin = holeOrigin(hole, hazard, context);
  return origin ? { hole, origin } : undefined;
}

/**
 * `subprocess.run(f"convert {src} {dst}", shell=True)` → `subprocess.run(["convert", src, dst])`, and a statement
 * `os.system(f"...")` → `subprocess.run([...])`, when the command is plain words with each value a whole word.
 */
function argumentListFix(call: SyntaxNode, built: BuiltString, flagged: readonly FlaggedHole[], context: RuleContext): Fix | undefined {
  const words = commandWords(built, flagged);
  if (!words) return undefined;
  const list = `[${words.join(', ')}]`;
  const names = calleeNames(call, context);
  const resolved = names?.resolved ?? names?.text ?? '';
  const args = call.childForFieldName('arguments')!;
  const title = 'Pass an argument list without a shell (each value becomes one argument; pipes, globs and other shell syntax stop working)';
  if (subprocessCalls.has(resolved)) {
    const shell = args.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'shell');
    const command = positionalArguments(args)[0] ?? keywordArgument(args, 'args');
    if (!shell || !command) return undefined;
    const previous = shell.previousSibling;
    const removeFrom = previous?.type === ',' ? previous.previousSibling ?? previous : previous;
    const edits: TextEdit[] = [
      { range: context.rangeOf(built.node), newText: list },
      { range: { start: context.rangeOf(removeFrom ?? shell).end, end: context.rangeOf(shell).end }, newText: '' },
    ];
    return { title, edits, preservesBehaviour: false };
  }
  if (resolved === 'os.system' && call.parent?.type === 'expression_statement' && positionalArguments(args).length === 1 && args.namedChildren.length === 1) {
    const run = importedName(call, context, 'subprocess', 'run', 'module');
    return { title: `Run with subprocess.run and an argument list (no shell: pipes, globs and other shell syntax stop working)`, edits: [{ range: context.rangeOf(call), newText: `${run.expression}(${list})` }, ...run.edits], preservesBehaviour: false };
  }
  return undefined;
}

/** The command as list elements, or undefined when it uses shell syntax or glues a value to other text. */
function commandWords(built: BuiltString, flagged: readonly FlaggedHole[]): string[] | undefined {
  if (built.holes.some((h) => h.spec && h.spec !== 's')) return undefined;
  const literal = built.text.split(holeMark).join(' ');
  if (shellSyntax.test(literal)) return undefined;
  const words: string[] = [];
  let hole = 0;
  for (const token of built.text.trim().split(/\s+/)) {
    if (!token) continue;
    if (token === holeMark) {
      const value = built.holes[hole++].value;
      const known = flagged.find((f) => f.hole.value.equals(value));
      // Request data is already a str; other values may be numbers or paths, which a list element must not be.
      words.push(known?.origin.kind === 'input' || value.type === 'string' ? value.text : `str(${value.text})`);
    } else if (token.includes(holeMark)) return undefined;
    else words.push(JSON.stringify(token));
  }
  return words.length ? words : undefined;
}
