// Taint model for Python: Flask, Django, FastAPI, aiohttp, AWS Lambda, command-line and console sources.
import type { TaintModel } from './taint-model';

export const pythonModel: TaintModel = {
  requestNames: ['request', 'req', 'event'],
  requestFields: [
    'args', 'form', 'values', 'json', 'data', 'files', 'cookies', 'headers', 'path', 'full_path', 'url', 'query_string', 'view_args', // Flask
    'GET', 'POST', 'body', 'META', 'COOKIES', 'FILES', 'query_params', // Django, DRF
    'query', 'match_info', 'rel_url', 'path_params', // aiohttp, Starlette
    'queryStringParameters', 'pathParameters', // AWS Lambda (event['body'] is a subscript: see subscripts)
  ],
  requestMethods: ['get_json', 'get_data', 'json', 'post', 'text', 'read', 'form', 'body', 'getlist', 'get_full_path', 'build_absolute_uri'],
  sourceChains: ['sys.argv', 'os.environ.QUERY_STRING'],
  sourceCalls: ['input', 'raw_input', 'sys.stdin.read', 'sys.stdin.readline'],
  routeMethods: [],
  routeDecorators: ['route', 'get', 'post', 'put', 'patch', 'delete', 'api_route', 'websocket'],
  trustedParameterTypes: ['Session', 'AsyncSession', 'Request', 'Response', 'BackgroundTasks', 'WebSocket', 'Depends', 'Security', 'HTTPAuthorizationCredentials', 'OAuth2PasswordRequestForm', 'int', 'float', 'bool', 'UUID', 'date', 'datetime'],
  propagatingFunctions: [
    'str', 'bytes', 'format', 'join', 'replace', 'strip', 'lstrip', 'rstrip', 'lower', 'upper', 'split', 'encode', 'decode', 'get', 'getlist',
    'os.path.join', 'posixpath.join', 'pathlib.Path', 'Path', 'urllib.parse.unquote', 'unquote', 'unquote_plus', 'json.loads', 'dict', 'list',
    'tuple', 'sorted', 'b64decode', 'base64.b64decode', 'urljoin', 'urllib.parse.urljoin', 'f', 'joinpath', 'resolve', 'casefold', 'title',
    'capitalize', 'removeprefix', 'removesuffix', 'items', 'values', 'keys',
  ],
  sanitizers: [
    { callee: 'int', hazards: '*' }, { callee: 'float', hazards: '*' }, { callee: 'bool', hazards: '*' }, { callee: 'uuid.UUID', hazards: '*' },
    { callee: 'UUID', hazards: '*' }, { callee: 'len', hazards: '*' }, { callee: 'decimal.Decimal', hazards: '*' },
    { callee: 'shlex.quote', hazards: ['command-injection'] }, { callee: 'pipes.quote', hazards: ['command-injection'] },
    { callee: 'html.escape', hazards: ['xss', 'template-injection'] }, { callee: 'markupsafe.escape', hazards: ['xss', 'template-injection'] },
    { callee: 'flask.escape', hazards: ['xss', 'template-injection'] }, { callee: 'escape', hazards: ['xss', 'template-injection'] },
    { callee: 'bleach.clean', hazards: ['xss'] }, { callee: 'cgi.escape', hazards: ['xss'] }, { callee: 'django.utils.html.escape', hazards: ['xss'] },
    { callee: 'urllib.parse.quote', hazards: ['xss', 'open-redirect', 'ssrf', 'command-injection', 'path-traversal'] }, { callee: 'quote', hazards: ['open-redirect', 'ssrf', 'path-traversal'] },
    { callee: 'os.path.basename', hazards: ['path-traversal', 'command-injection'] }, { callee: 'werkzeug.utils.secure_filename', hazards: ['path-traversal', 'command-injection'] },
    { callee: 'secure_filename', hazards: ['path-traversal', 'command-injection'] },
    { callee: 're.escape', hazards: ['regex-injection'] }, { callee: 'ldap.filter.escape_filter_chars', hazards: ['ldap-injection'] },
    { callee: 'escape_filter_chars', hazards: ['ldap-injection'] }, { callee: 'ast.literal_eval', hazards: ['code-injection'] },
  ],
  sanitizerNamePattern: /(^|_)(sanitiz|escape|clean|validat|allowlist|whitelist|safe)/i,
};
