// Taint model for Python: Flask, Django, FastAPI, aiohttp, AWS Lambda, command-line and console sources.
import type { TaintModel } from './taint-model';
import { sharedExitCalls, sharedNumericAnnotations, sharedValueChecks } from './value-checks';

export const pythonModel: TaintModel = {
  requestNames: ['request', 'req', 'event'],
  requestFields: [
    'args', 'form', 'values', 'json', 'data', 'files', 'cookies', 'headers', 'path', 'full_path', 'url', 'query_string', 'view_args', 'stream', 'referrer', // Flask
    'GET', 'POST', 'body', 'META', 'COOKIES', 'FILES', 'query_params', // Django, DRF
    'query', 'match_info', 'rel_url', 'path_params', // aiohttp, Starlette
    'queryStringParameters', 'pathParameters', // AWS Lambda (event['body'] is a subscript: see subscripts)
    'forms', 'params', 'matchdict', 'json_body', 'media', 'query_arguments', 'body_arguments', 'uri', // Bottle, Pyramid, Falcon, Tornado
  ],
  requestMethods: [
    'get_json', 'get_data', 'json', 'post', 'text', 'read', 'form', 'body', 'getlist', 'get_full_path', 'build_absolute_uri',
    'get_param', 'get_param_as_list', 'get_media', // Falcon
  ],
  sourceChains: ['sys.argv', 'os.environ.QUERY_STRING'],
  sourceCalls: [
    'input', 'raw_input', 'sys.stdin.read', 'sys.stdin.readline',
    'get_argument', 'get_arguments', 'get_query_argument', 'get_query_arguments', 'get_body_argument', 'get_body_arguments', // Tornado handlers
    'receive_text', 'receive_json', 'receive_bytes', // Starlette/FastAPI WebSocket messages
    'namelist', 'infolist', // names inside a zip archive are whatever its author wrote ("../../etc/cron.d/x")
  ],
  routeMethods: [],
  routeDecorators: ['route', 'get', 'post', 'put', 'patch', 'delete', 'api_route', 'websocket'],
  trustedParameterTypes: ['Session', 'AsyncSession', 'Request', 'Response', 'BackgroundTasks', 'WebSocket', 'Depends', 'Security', 'HTTPAuthorizationCredentials', 'OAuth2PasswordRequestForm', 'int', 'float', 'bool', 'UUID', 'date', 'datetime'],
  propagatingFunctions: [
    'str', 'bytes', 'format', 'join', 'replace', 'strip', 'lstrip', 'rstrip', 'lower', 'upper', 'split', 'encode', 'decode', 'getlist',
    'os.path.join', 'posixpath.join', 'pathlib.Path', 'Path', 'urllib.parse.unquote', 'unquote', 'unquote_plus', 'json.loads', 'dict', 'list',
    'tuple', 'sorted', 'b64decode', 'base64.b64decode', 'urljoin', 'urllib.parse.urljoin', 'f', 'joinpath', 'resolve', 'casefold', 'title',
    'capitalize', 'removeprefix', 'removesuffix', 'items', 'values', 'keys',
    'os.path.realpath', 'os.path.abspath', 'os.path.normpath', 'os.path.expanduser', 'realpath', 'abspath', 'normpath',
    'urlparse', 'urlsplit', 'urllib.parse.urlparse', 'urllib.parse.urlsplit', 'geturl', 'to_dict', 'copy',
    'urllib.request.Request', 'urllib2.Request', 'Request', // a Request object carries its URL to urlopen
    'parse_qs', 'parse_qsl', 'urllib.parse.parse_qs', 'urllib.parse.parse_qsl', 'cgi.parse_qs', // query strings parsed into dicts
    're.findall', 're.finditer', // what a regex finds in input is input
  ],
  sanitizers: [
    { callee: 'int', hazards: '*' }, { callee: 'float', hazards: '*' }, { callee: 'bool', hazards: '*' }, { callee: 'uuid.UUID', hazards: '*' },
    { callee: 'UUID', hazards: '*' }, { callee: 'len', hazards: '*' }, { callee: 'decimal.Decimal', hazards: '*' },
    { callee: 'shlex.quote', hazards: ['command-injection'] }, { callee: 'shlex.join', hazards: ['command-injection'] }, { callee: 'pipes.quote', hazards: ['command-injection'] },
    // HTML escaping leaves {{ }} and {% %} intact, so it does not stop template injection.
    { callee: 'html.escape', hazards: ['xss'] }, { callee: 'markupsafe.escape', hazards: ['xss'] },
    { callee: 'flask.escape', hazards: ['xss'] }, { callee: 'escape', hazards: ['xss'] },
    { callee: 'bleach.clean', hazards: ['xss'] }, { callee: 'cgi.escape', hazards: ['xss'] }, { callee: 'django.utils.html.escape', hazards: ['xss'] },
    { callee: 'urllib.parse.quote', hazards: ['xss', 'open-redirect', 'ssrf', 'command-injection', 'path-traversal'] }, { callee: 'quote', hazards: ['open-redirect', 'ssrf', 'path-traversal'] },
    { callee: 'os.path.basename', hazards: ['path-traversal', 'command-injection'] }, { callee: 'werkzeug.utils.secure_filename', hazards: ['path-traversal', 'command-injection'] },
    { callee: 'secure_filename', hazards: ['path-traversal', 'command-injection'] },
    { callee: 're.escape', hazards: ['regex-injection'] }, { callee: 'ldap.filter.escape_filter_chars', hazards: ['ldap-injection'] },
    { callee: 'escape_filter_chars', hazards: ['ldap-injection'] }, { callee: 'ast.literal_eval', hazards: ['code-injection'] },
    { callee: 'ldap.dn.escape_dn_chars', hazards: ['ldap-injection'] }, { callee: 'escape_dn_chars', hazards: ['ldap-injection'] },
    { callee: 'ldap3.utils.conv.escape_filter_chars', hazards: ['ldap-injection'] }, { callee: 'filter_format', hazards: ['ldap-injection'] },
    { callee: 'escape_rdn', hazards: ['ldap-injection'] }, { callee: 'ldap3.utils.dn.escape_rdn', hazards: ['ldap-injection'] },
    // A str() of a JSON value can no longer be a `{"$ne": ...}` operator object; it still carries text into other sinks.
    { callee: 'str', hazards: ['nosql-injection'] },
    { callee: 'conditional_escape', hazards: ['xss'] }, { callee: 'django.utils.html.conditional_escape', hazards: ['xss'] },
    { callee: 'format_html', hazards: ['xss'] }, { callee: 'django.utils.html.format_html', hazards: ['xss'] },
    { callee: 'safe_join', hazards: ['path-traversal'] }, { callee: 'werkzeug.utils.safe_join', hazards: ['path-traversal'] },
    { callee: 'quote_ident', hazards: ['sql-injection'] }, { callee: 'quote_name', hazards: ['sql-injection'] },
    { callee: 'psycopg2.extensions.quote_ident', hazards: ['sql-injection'] }, { callee: 'sql.Identifier', hazards: ['sql-injection'] },
    { callee: 'sql.Literal', hazards: ['sql-injection'] }, { callee: 'escape_string', hazards: ['sql-injection'] },
    { callee: 'escape_like', hazards: ['sql-injection'] }, { callee: 'quote_plus', hazards: ['open-redirect', 'ssrf', 'path-traversal'] },
  ],
  sanitizerNamePattern: /(^|_)(sanitiz|escape|clean|validat|allowlist|whitelist|safe)/i,
  handlerSources: [
    { bases: /\b(BaseHTTPRequestHandler|SimpleHTTPRequestHandler|CGIHTTPRequestHandler)\b/, fields: ['path', 'headers', 'rfile', 'requestline'] },
    { bases: /\b(View|TemplateView|DetailView|ListView|FormView|UpdateView|DeleteView|RedirectView|APIView|GenericAPIView|ViewSet|ModelViewSet|GenericViewSet|ReadOnlyModelViewSet)\b/, fields: ['kwargs'] },
  ],
  pathParts: [{ constructors: /^(pathlib\.)?(Pure)?(Posix|Windows)?Path$/, attributes: ['name', 'stem'], hazards: ['path-traversal', 'command-injection'] }],
  statementChecks: /^relative_to$|^_?(validate|sanitize)\w*$|^_?(check|ensure|verify|assert)_?\w*(safe|valid|allowed|trusted|within|inside|contained|secure|sandbox|public|permitted|traversal)\w*$/i,
  receiverStatementChecks: ['relative_to'], // pathlib: full.relative_to(BASE) raises unless full lies under BASE
  checks: sharedValueChecks,
  exitCalls: sharedExitCalls,
  numericAnnotations: sharedNumericAnnotations,
  requestWrappers: ['request'], // Django class-based views, DRF, webapp2, Tornado: self.request.GET
  requestTypes: ['Request', 'HttpRequest', 'web.Request', 'starlette.requests.Request', 'fastapi.Request'], // Starlette/FastAPI, Django, aiohttp
  eventHandlerParameters: [['event', 'context']], // AWS Lambda
  resolvers: { functions: /^(resolve_\w+|mutate|mutate_and_get_payload)$/, after: 'info', label: 'GraphQL argument' }, // Graphene, Ariadne, Strawberry
  trustedParameterDefaults: ['Depends', 'Security'], // FastAPI dependency injection
  numericRouteConverters: ['int', 'float', 'uuid'], // Flask/Werkzeug <int:id>
  urlViews: { // Django URL keyword names: <slug:slug>, <int:pk>, <str:username>, <path:file_path>
    modules: /^(django|rest_framework)\b/,
    request: 'request',
    parameters: /^(pk|id|slug|uuid|username|name|path|filename|file_name|page|token|key|code|lang|language|next|url|query|q|tag|category|section|\w+_(id|pk|slug|name|path|key|token|code|uuid|url))$/,
  },
  convertingKeywords: { keyword: 'type', values: ['int', 'float', 'bool'] }, // Flask: request.args.get("page", type=int)
};
