// error-details-exposed for Python: exception messages and tracebacks of unexpected errors returned by Flask, Django and FastAPI views and error handlers.
import { defineDetector, type Fix, type RuleContext, type SyntaxNode, type Visitors } from '../api';
import { importsWebFramework } from './lib/settings-modules';
import { positionalArguments } from './lib/sink-calls';
import { quietInTests } from './lib/test-code';
import { decoratorName, decoratorsOf, enclosingView } from './lib/web-views';

/**
 * Exception types whose messages describe the system rather than the request: anything (Exception), database, OS and
 * upstream-HTTP errors. Validation errors (ValueError, ValidationError, the app's own types) carry messages for the user.
 */
const broadTypes = /^(Exception|BaseException|StandardError|DatabaseError|OperationalError|ProgrammingError|IntegrityError|InterfaceError|InternalError|DataError|SQLAlchemyError|DBAPIError|PyMongoError|OperationFailure|RedisError|OSError|IOError|EnvironmentError|FileNotFoundError|PermissionError|RequestException|HTTPError|ConnectionError|URLError|ClientError|BotoCoreError|Error)$/;
/** Modules whose `Error` base is a driver error: `psycopg2.Error`, `sqlite3.Error`, `pymysql.Error`. */
const driverModules = /^(psycopg2?|psycopg|sqlite3|pymysql|MySQLdb|mysql\.connector|cx_Oracle|oracledb|pyodbc|asyncpg|aiomysql|redis|pymongo|botocore|boto3|requests|httpx|urllib3|socket|ssl|subprocess)(\.|$)/;
/** Calls whose arguments become the response body. */
const responseCalls = /^(jsonify|JsonResponse|HttpResponse|HttpResponseServerError|HttpResponseBadRequest|Response|JSONResponse|ORJSONResponse|UJSONResponse|PlainTextResponse|HTMLResponse|make_response|abort|render_template|render|HTTPException|json_response|text|write|finish|send_error|send|send_response|emit)$/;
const logCalls = /^(debug|info|warning|warn|error|exception|critical|log|print|print_exc|print_exception|capture_exception|captureException)$/;
const tracebackCalls = /^(traceback\.)?(format_exc|format_exception|format_tb|format_stack|extract_tb)$/;

export default defineDetector({
  id: 'error-details-exposed',
  family: 'python',
  // An except clause or an error handler; whether it sits in a view is decided on the tree.
  triggers: /except|errorhandler|exception_handler/,
  create(rawContext): Visitors {
    const context = quietInTests(rawContext);
    // Views and error handlers live in modules that import their framework.
    if (!importsWebFramework(context)) return {};
    return {
      except_clause(node: SyntaxNode) {
        const { variable, broad } = caughtException(node);
        if (!broad) return;
        const view = enclosingView(node);
        if (!view) return;
        const block = node.namedChildren.find((c) => c?.type === 'block');
        if (block) checkBlock(context, block, variable);
      },
      function_definition(node: SyntaxNode) {
        // @app.errorhandler(Exception) def handle(error), @app.exception_handler(Exception) async def h(request, exc)
        const handler = decoratorsOf(node).find((d) => /^(errorhandler|exception_handler|app_errorhandler)$/.test(decoratorName(d)));
        if (!handler) return;
        const caught = handler.type === 'call' ? positionalArguments(handler.childForFieldName('arguments'))[0]?.text ?? '' : '';
        if (!/^(Exception|BaseException|500|InternalServerError|werkzeug\.exceptions\.InternalServerError)$/.test(caught)) return;
        const parameters = node.childForFieldName('parameters')?.namedChildren.filter((p): p is SyntaxNode => !!p && p.type !== 'comment') ?? [];
        const parameter = decoratorName(handler) === 'exception_handler' ? parameters[1] : parameters[0];
        const name = parameter?.type === 'identifier' ? parameter.text : parameter?.childForFieldName('name')?.text ?? parameter?.namedChildren[0]?.text;
        const body = node.childForFieldName('body');
        if (body && name) checkBlock(context, body, name);
      },
    };
  },
});

function caughtException(clause: SyntaxNode): { variable?: string; broad: boolean } {
  const value = clause.childForFieldName('value') ?? clause.namedChildren.find((c) => c?.type !== 'block' && c?.type !== 'comment') ?? undefined;
  // A bare `except:` catches everything; only traceback calls can expose it.
  if (!value || value.type === 'block') return { broad: true };
  let types = value;
  let variable: string | undefined;
  if (value.type === 'as_pattern') {
    types = value.namedChildren[0] ?? value;
    variable = value.childForFieldName('alias')?.namedChildren[0]?.text;
  }
  const list = types.type === 'tuple' || types.type === 'parenthesized_expression' ? types.namedChildren.filter((t): t is SyntaxNode => !!t) : [types];
  return { variable, broad: list.some(isBroadType) };
}

function isBroadType(type: SyntaxNode): boolean {
  if (type.type === 'identifier') return broadTypes.test(type.text) && type.text !== 'Error';
  if (type.type !== 'attribute') return false;
  const name = type.childForFieldName('attribute')?.text ?? '';
  const module = type.childForFieldName('object')?.text ?? '';
  return broadTypes.test(name) && (name !== 'Error' || driverModules.test(module)) || driverModules.test(module) && /Error$/.test(name);
}

/** Reports each place in a block where the exception's text or a traceback is put into what the view returns. */
function checkBlock(context: RuleContext, block: SyntaxNode, variable: string | undefined): void {
  const visit = (n: SyntaxNode): void => {
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') return;
    const exposed = exposure(n, variable);
    if (exposed) {
      if (reachesClient(n) || reachesClientThroughName(n, block)) {
        context.report({
          node: n,
          confidence: exposed === 'The stack trace' ? 'high' : 'medium',
          message: `${exposed} is sent to the client, telling an attacker about the code, queries, paths and libraries behind this endpoint; log it on the server (logger.exception) and return a generic message.`,
          fix: genericFix(context, n),
        });
      }
      return;
    }
    for (const child of n.namedChildren) if (child) visit(child);
  };
  visit(block);
}

/**
 * `msg = "Failed: " + str(e)` … `return jsonify(message=msg)`: the text is held in a local name first, and that name
 * then reaches the response later in the same block.
 */
function reachesClientThroughName(node: SyntaxNode, block: SyntaxNode): boolean {
  let assignment: SyntaxNode | null = node.parent;
  for (let depth = 0; assignment && assignment.type !== 'assignment' && depth < 6; depth++) {
    if (assignment.type === 'call' && !/^(str|repr|format|join)$/.test(calleeName(assignment))) return false;
    assignment = assignment.parent;
  }
  const target = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
  if (target?.type !== 'identifier' || !assignment) return false;
  const end = assignment.endIndex;
  let found = false;
  const visit = (n: SyntaxNode): void => {
    if (found || n.endIndex <= end) return;
    if (n.type === 'identifier' && n.startIndex > end && n.text === target.text && reachesClient(n)) found = true;
    for (const child of n.namedChildren) if (child) visit(child);
  };
  visit(block);
  return found;
}

function calleeName(call: SyntaxNode): string {
  const callee = call.childForFieldName('function');
  return (callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text) ?? '';
}

/** What a node exposes: `str(e)`, `repr(e)`, `f"{e}"`, `e.args`, `traceback.format_exc()`; undefined otherwise. */
function exposure(node: SyntaxNode, variable: string | undefined): string | undefined {
  if (node.type === 'call') {
    const callee = node.childForFieldName('function')?.text ?? '';
    if (tracebackCalls.test(callee) && (callee.startsWith('traceback.') || callee.startsWith('format_'))) return 'The stack trace';
    if (callee === 'sys.exc_info') return 'The exception';
    const args = positionalArguments(node.childForFieldName('arguments'));
    if (variable && (callee === 'str' || callee === 'repr' || callee === 'format') && args.length === 1 && args[0].text === variable) return 'The exception message';
    return undefined;
  }
  if (!variable) return undefined;
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object')?.text;
    const attribute = node.childForFieldName('attribute')?.text ?? '';
    if (object === variable && /^(args|message|msg|strerror|filename|detail|orig|pgerror|diag)$/.test(attribute)) return 'The exception message';
    return undefined;
  }
  if (node.type === 'interpolation') {
    const expression = node.childForFieldName('expression');
    if (expression?.type === 'identifier' && expression.text === variable) return 'The exception message';
    return undefined;
  }
  // A bare `e` handed to a response as a value: jsonify(error=e), {"error": e}
  if (node.type === 'identifier' && node.text === variable) {
    const parent = node.parent;
    if (parent?.type === 'pair' || parent?.type === 'keyword_argument') return 'The exception';
    const call = parent?.type === 'argument_list' ? parent.parent : undefined;
    const callee = call?.childForFieldName('function');
    const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
    if (name && responseCalls.test(name)) return 'The exception';
    // Formatted into text: "failed: %s" % e, "failed: %s (%s)" % (path, e), "failed: {}".format(e)
    const operands = parent?.type === 'tuple' ? parent.parent : parent;
    if (operands?.type === 'binary_operator' && operands.childForFieldName('operator')?.text === '%' && !operands.childForFieldName('left')?.equals(node)) return 'The exception message';
    if (name === 'format' && callee?.type === 'attribute' && callee.childForFieldName('object')?.type === 'string') return 'The exception message';
  }
  return undefined;
}

/** True when the value ends up in a return, a response constructor or an HTTP error the framework renders; false in logging. */
function reachesClient(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    switch (n.type) {
      case 'return_statement':
        return true;
      case 'call': {
        const callee = n.childForFieldName('function');
        const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : callee?.text ?? '';
        if (logCalls.test(name) || /(^|\.)(logger|logging|log|sentry_sdk)\./.test(callee?.text ?? '')) return false;
        if (responseCalls.test(name)) return true;
        break;
      }
      case 'expression_statement':
      case 'block':
      case 'function_definition':
        return false;
      default:
        break;
    }
  }
  return false;
}

/** `str(e)`, `repr(e)`, `traceback.format_exc()` as a whole value → a fixed message. */
function genericFix(context: RuleContext, node: SyntaxNode): Fix | undefined {
  if (node.type !== 'call') return undefined;
  const parent = node.parent;
  const whole = parent?.type === 'pair' || parent?.type === 'keyword_argument' || parent?.type === 'argument_list' || parent?.type === 'return_statement' || parent?.type === 'expression_list';
  if (!whole) return undefined;
  return { title: 'Send a generic message (the client no longer sees the error details: log them on the server)', edits: [{ range: context.rangeOf(node), newText: '"Internal server error"' }], preservesBehaviour: false };
}
