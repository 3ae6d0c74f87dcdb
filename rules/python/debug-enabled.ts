// debug-enabled for Python: Flask/Werkzeug debuggers, Django DEBUG in settings, FastAPI/Starlette/Tornado debug pages switched on in code that ships.
import { defineDetector, type Confidence, type Fix, type RuleContext, type SyntaxNode, type TextEdit, type Visitors } from '../api';
import { flagValue } from './lib/flag-values';
import { importedName } from './lib/import-edits';
import { resolveCallee, resolveName } from './lib/scope';
import { fileMentions } from './lib/file-text';
import { configClassKind, hasDjangoSettings, importsWebFramework, isDevelopmentPath, isSettingsPath, isUnderMainGuard } from './lib/settings-modules';
import { calleeLastName, keywordArgument, positionalArguments } from './lib/sink-calls';
import { literalText } from './lib/string-literals';
import { quietInTests } from './lib/test-code';

/** Application constructors whose `debug=True` serves tracebacks to clients. */
const debugConstructors = /^(fastapi\.FastAPI|fastapi\.applications\.FastAPI|starlette\.applications\.Starlette|tornado\.web\.Application|sanic\.Sanic|quart\.Quart|litestar\.Litestar)$/;
const runMethods = new Set(['run', 'run_server']);
const debugCalls = /^(run|run_server|run_simple|DebuggedApplication|update|from_mapping|debug|FastAPI|Starlette|Application|Sanic|Quart|Litestar)$/;
const debugSettings = new Set(['DEBUG', 'TEMPLATE_DEBUG']);
/** Names that hold a Flask-style application object. */
const appNames = /^(app|application|flask_app|server|api|webapp|web_app)$/;
const appConstructors = new Set(['Flask', 'Quart', 'Sanic', 'Bottle', 'Dash']);

const consoleRisk = 'an interactive Python console for anyone who can reach the server and trigger an error';
const pageRisk = 'stack traces, settings and source in error pages to anyone who triggers an error';

export default defineDetector({
  id: 'debug-enabled',
  family: 'python',
  // `\.run\(…, True\)`: Flask's run(host, port, debug) with the flag given positionally.
  triggers: /DEBUG\s*=|debug\s*=|["']DEBUG["']|debug\(|evalex|use_debugger|\.run\([^()]*,\s*True\s*\)/,
  anchored: true,
  create(rawContext): Visitors {
    const context = quietInTests(rawContext);
    if (isDevelopmentPath(context.file.path)) return {};
    return {
      call(node: SyntaxNode) {
        const last = calleeLastName(node, context);
        if (!last || !debugCalls.test(last)) return;
        const args = node.childForFieldName('arguments');
        if (args?.type !== 'argument_list') return;
        if (runMethods.has(last)) checkRun(context, node, args);
        else if (last === 'run_simple') checkSwitch(context, node, args, 'use_debugger', /^werkzeug(\.serving)?\.run_simple$/, `run_simple(use_debugger=True) serves the Werkzeug debugger, ${consoleRisk}; leave it off outside local development.`, 'False', 'Turn off the debugger (errors return a plain 500 page)');
        else if (last === 'DebuggedApplication') checkSwitch(context, node, args, 'evalex', /^werkzeug(\.debug)?\.DebuggedApplication$/, `DebuggedApplication(evalex=True) puts ${consoleRisk} in error pages; remove the wrapper outside local development.`, 'False', 'Turn off the debugger console (tracebacks only)');
        else if (last === 'update' || last === 'from_mapping') checkConfigUpdate(context, node, args);
        else if (last === 'debug') checkBottleDebug(context, node, args);
        else if (/^(FastAPI|Starlette|Application|Sanic|Quart|Litestar)$/.test(last)) {
          const callee = node.childForFieldName('function');
          const resolved = callee ? resolveCallee(callee, context) : undefined;
          if (!resolved || !debugConstructors.test(resolved)) return;
          const value = keywordArgument(args, 'debug');
          if (flagValue(value, context) !== true || !value) return;
          report(context, value, `${resolved.split('.').pop()}(debug=True) serves ${pageRisk}; take the flag from the environment and keep it off in production.`, 'high', environmentFix(context, value, 'APP_DEBUG'));
        }
      },
      assignment(node: SyntaxNode) {
        const left = node.childForFieldName('left');
        // Most assignments are not about debug: decide on the target's text before resolving the value.
        if (!left || !/(DEBUG|\.debug|\[\s*["']DEBUG["']\s*\])$/.test(left.text)) return;
        const right = node.childForFieldName('right');
        if (!right || flagValue(right, context) !== true && !(left.type === 'identifier' && defaultsOn(right, context))) return;
        // `TEMPLATE_DEBUG = DEBUG` follows the switch that is already reported where it is set.
        if (left.type === 'identifier' && debugSettings.has(left.text)) {
          if (right.type !== 'identifier' || !debugSettings.has(right.text)) checkSetting(context, node, left.text, right);
        }
        else if (left.type === 'attribute' && left.childForFieldName('attribute')?.text === 'debug') {
          const object = left.childForFieldName('object');
          if (!object || !isAppObject(object, context)) return;
          report(context, node, `Setting ${object.text}.debug = True turns on the Werkzeug debugger, ${consoleRisk}; take it from FLASK_DEBUG and keep it off in production.`, 'high', environmentFix(context, right, 'FLASK_DEBUG'));
        } else if (left.type === 'subscript') {
          const key = literalText(left.childForFieldName('subscript'));
          const object = left.childForFieldName('value');
          if (key !== 'DEBUG' || !object || !/(^|\.)config$/.test(object.text)) return;
          report(context, node, `config["DEBUG"] = True turns on the Werkzeug debugger, ${consoleRisk}; take it from FLASK_DEBUG and keep it off in production.`, 'high', environmentFix(context, right, 'FLASK_DEBUG'));
        }
      },
    };
  },
});

/** `app.run(debug=True)`, `socketio.run(app, debug=True)`, Dash's `run_server(debug=True)`. */
function checkRun(context: RuleContext, node: SyntaxNode, args: SyntaxNode): void {
  // Flask's run(host, port, debug): the third positional argument of app.run("0.0.0.0", 5000, True).
  const positional = positionalArguments(args);
  const object = node.childForFieldName('function')?.childForFieldName('object');
  const flaskRun = positional.length === 3 && positional[2].type === 'true' && !!object && isAppObject(object, context);
  const value = keywordArgument(args, 'debug') ?? (flaskRun ? positional[2] : undefined);
  if (!value || flagValue(value, context) !== true || !importsWebFramework(context)) return;
  const host = literalText(keywordArgument(args, 'host') ?? positionalArguments(args)[0]);
  const exposed = host === '0.0.0.0' || host === '::';
  // Under the main guard on the loopback interface this is the usual local development server: still flagged (the same
  // file is what containers start with `python app.py`), with less confidence.
  const confidence: Confidence = exposed || !isUnderMainGuard(node) ? 'high' : 'medium';
  const where = exposed ? ' on every network interface' : '';
  report(context, value, `run(debug=True) starts the development server with the Werkzeug debugger${where}, ${consoleRisk}; take the flag from FLASK_DEBUG so production never has it.`, confidence, environmentFix(context, value, 'FLASK_DEBUG'));
}

function checkSwitch(context: RuleContext, node: SyntaxNode, args: SyntaxNode, keyword: string, callee: RegExp, message: string, off: string, title: string): void {
  const value = keywordArgument(args, keyword);
  if (!value || flagValue(value, context) !== true) return;
  const function_ = node.childForFieldName('function');
  const resolved = function_ ? resolveCallee(function_, context) : undefined;
  if (!resolved || !callee.test(resolved)) return;
  report(context, value, message, 'high', value.type === 'true' ? { title, edits: [{ range: context.rangeOf(value), newText: off }], preservesBehaviour: false } : undefined);
}

/** `app.config.update(DEBUG=True)`, `app.config.from_mapping(DEBUG=True)`. */
function checkConfigUpdate(context: RuleContext, node: SyntaxNode, args: SyntaxNode): void {
  const object = node.childForFieldName('function')?.childForFieldName('object');
  if (!object || !/(^|\.)config$/.test(object.text)) return;
  const value = keywordArgument(args, 'DEBUG');
  if (!value || flagValue(value, context) !== true) return;
  report(context, value, `DEBUG=True in the app config turns on the Werkzeug debugger, ${consoleRisk}; take it from FLASK_DEBUG and keep it off in production.`, 'high', environmentFix(context, value, 'FLASK_DEBUG'));
}

function checkBottleDebug(context: RuleContext, node: SyntaxNode, args: SyntaxNode): void {
  const callee = node.childForFieldName('function');
  if (!callee || resolveCallee(callee, context) !== 'bottle.debug') return;
  const value = positionalArguments(args)[0];
  if (flagValue(value, context) !== true || !value) return;
  report(context, value, `bottle.debug(True) serves ${pageRisk}; keep it off in production.`, 'high');
}

/** `DEBUG = True` at the top of a settings module or in a production config class; development and test settings are left alone. */
function checkSetting(context: RuleContext, node: SyntaxNode, name: string, value: SyntaxNode): void {
  // `if ENV == "dev": DEBUG = True`: the condition already decides per environment.
  for (let n = node.parent; n && n.type !== 'module' && n.type !== 'class_definition'; n = n.parent) {
    if (n.type === 'if_statement' || n.type === 'function_definition' || n.type === 'try_statement') return;
  }
  const kind = configClassKind(node);
  if (kind === 'development') return;
  const settingsModule = isSettingsPath(context.file.path) || hasDjangoSettings(node);
  let confidence: Confidence;
  if (kind === 'production') confidence = 'high';
  else if (kind === 'neutral') {
    if (!settingsModule) return;
    confidence = 'medium';
  } else if (settingsModule) confidence = 'high';
  else {
    // `DEBUG = True` at the top of the app module itself (Flask's `app.config.from_object(__name__)` reads it from there).
    if (name !== 'DEBUG' || node.parent?.parent?.type !== 'module' || !importsWebFramework(context)) return;
    // Only in the module that makes the Flask app, or where the framework reads it (`from_object(__name__)`, passed on
    // as `debug=DEBUG`): a module-level DEBUG in a script that never hands it to a framework turns nothing on.
    if (!fileMentions(node, /\b(Flask|Quart)\(\s*__name__|from_object\(|\bdebug\s*=\s*DEBUG\b|\.debug\s*=\s*DEBUG\b|from_pyfile\(/)) return;
    confidence = 'medium';
  }
  const django = hasDjangoSettings(node);
  const setting = flagValue(value, context) === true ? `${name} = True` : `${name}, on by default when its environment variable is unset,`;
  report(context, node, django
    ? `${setting} in Django settings serves detailed error pages with settings, SQL and source to anyone who triggers an error (and keeps every query in memory); read it from the environment and keep it off in production.`
    : `${setting} in this config ships the framework's debug mode, which serves ${pageRisk}; read it from the environment and keep it off in production.`,
  confidence, environmentFix(context, value, django ? 'DJANGO_DEBUG' : 'FLASK_DEBUG'));
}

/** Environment lookups that read a variable with a fallback: os.environ.get, os.getenv, decouple's config, django-environ's env. */
const lookupNames = /^(get|getenv|config|env|bool)$/;

/**
 * `os.environ.get("DEBUG", True)`, `os.getenv("DEBUG", "True") == "True"`, `config("DEBUG", default=True, cast=bool)`:
 * debug is on wherever the variable is unset, which is every deployment that forgot it.
 */
function defaultsOn(node: SyntaxNode, context: RuleContext, depth = 0): boolean {
  if (depth > 3) return false;
  if (node.type === 'comparison_operator') {
    const [value, expected] = node.namedChildren;
    const operator = node.children.find((c) => c && !c.isNamed)?.type;
    return operator === '==' && !!value && !!expected && flagValue(expected, context, { strings: true }) === true && defaultsOn(value, context, depth + 1);
  }
  if (node.type !== 'call') return false;
  const callee = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!callee || args?.type !== 'argument_list') return false;
  const name = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : callee.text;
  // os.getenv("DEBUG", "True").lower() == "true", bool(os.getenv("DEBUG", True)), strtobool(...)
  if (/^(lower|upper|strip|casefold)$/.test(name) && callee.type === 'attribute') return defaultsOn(callee.childForFieldName('object')!, context, depth + 1);
  const positional = positionalArguments(args);
  if (/^(bool|strtobool)$/.test(name)) return positional.length === 1 && defaultsOn(positional[0], context, depth + 1);
  if (!lookupNames.test(name) || !/debug/i.test(literalText(positional[0]) ?? '')) return false;
  const fallback = keywordArgument(args, 'default') ?? positional[1];
  return !!fallback && flagValue(fallback, context, { strings: true }) === true;
}

/** The app object of `app.debug = True`: a conventional name, or a name bound to Flask(...). */
function isAppObject(object: SyntaxNode, context: RuleContext): boolean {
  if (object.type !== 'identifier') return false;
  if (appNames.test(object.text)) return true;
  return resolveName(object.text, object, context).bindings.some((b) => b.kind === 'assignment' && b.value?.type === 'call' && appConstructors.has(calleeLastName(b.value, context) ?? ''));
}

/** `True` → `os.environ.get("FLASK_DEBUG") == "1"`, importing os when the module lacks it. */
function environmentFix(context: RuleContext, value: SyntaxNode, variable: string): Fix | undefined {
  if (value.type !== 'true') return undefined;
  const environ = importedName(value, context, 'os', 'environ', 'module');
  const edits: TextEdit[] = [...environ.edits, { range: context.rangeOf(value), newText: `${environ.expression}.get("${variable}") == "1"` }];
  return { title: `Take debug mode from ${variable} (off unless the variable is set to 1)`, edits, preservesBehaviour: false };
}

function report(context: RuleContext, node: SyntaxNode, message: string, confidence: Confidence, fix?: Fix): void {
  context.report({ node, message, confidence, ...(fix ? { fix } : {}) });
}
