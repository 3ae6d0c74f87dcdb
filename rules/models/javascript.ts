// Taint model for JavaScript and TypeScript: Express, Koa, Fastify, Next.js, NestJS, hapi, AWS Lambda, Node and browser sources.
import type { TaintModel } from './taint-model';
import { sharedExitCalls, sharedNumericAnnotations, sharedValueChecks } from './value-checks';

export const javascriptModel: TaintModel = {
  requestNames: ['req', 'request', 'ctx', 'context', 'event'],
  requestFields: [
    'query', 'body', 'params', 'headers', 'cookies', 'signedCookies', 'files', 'file', 'originalUrl', 'url', 'path', 'hostname',
    'payload', // hapi
    'queryStringParameters', 'pathParameters', 'multiValueQueryStringParameters', 'rawQueryString', 'rawPath', // AWS Lambda
    'nextUrl', 'searchParams', // Next.js
    'request', // Koa: ctx.request.body
  ],
  requestMethods: ['get', 'header', 'param', 'json', 'formData', 'text', 'arrayBuffer', 'blob', 'cookies'],
  sourceChains: [
    'process.argv', 'location.search', 'location.hash', 'location.href', 'location.pathname', 'window.location.search', 'window.location.hash',
    'window.location.href', 'document.location.search', 'document.location.hash', 'document.location.href', 'document.URL', 'document.documentURI',
    'document.referrer', 'document.cookie', 'window.name',
  ],
  sourceCalls: ['prompt', 'readline.question', 'readlineSync.question', 'useSearchParams', 'URLSearchParams'],
  routeMethods: ['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'head', 'options', 'route', 'handler'],
  routeDecorators: ['Get', 'Post', 'Put', 'Patch', 'Delete', 'All'],
  trustedParameterTypes: [],
  propagatingFunctions: [
    'String', 'decodeURIComponent', 'decodeURI', 'unescape', 'atob', 'Buffer.from', 'JSON.parse', 'JSON.stringify', 'Object.assign',
    'path.join', 'path.resolve', 'path.normalize', 'url.resolve', 'util.format', 'format', 'Array.from', 'Object.values', 'Object.keys',
    'Object.entries', 'concat', 'join', 'replace', 'replaceAll', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'slice',
    'substring', 'substr', 'split', 'toString', 'padStart', 'padEnd', 'repeat', 'normalize', 'map', 'filter', 'flat', 'reduce',
    'URL', 'url.parse', 'url.URL', 'querystring.parse', 'qs.parse', 'path.posix.join', 'path.win32.join', 'path.relative', 'fileURLToPath',
    // Markdown rendered to HTML keeps the raw HTML of its input.
    'marked', 'marked.parse', 'markdown.toHTML', 'makeHtml',
  ],
  sanitizers: [
    { callee: 'parseInt', hazards: '*' }, { callee: 'parseFloat', hazards: '*' }, { callee: 'Number', hazards: '*' },
    { callee: 'Boolean', hazards: '*' }, { callee: 'Math.floor', hazards: '*' }, { callee: 'Math.round', hazards: '*' },
    { callee: 'Number.parseInt', hazards: '*' }, { callee: 'Number.parseFloat', hazards: '*' }, { callee: 'BigInt', hazards: '*' },
    { callee: 'uuid.validate', hazards: '*' }, { callee: 'isUUID', hazards: '*' },
    { callee: 'encodeURIComponent', hazards: ['xss', 'open-redirect', 'ssrf', 'command-injection', 'sql-injection', 'path-traversal', 'template-injection'] },
    { callee: 'escape', hazards: ['xss', 'sql-injection', 'template-injection'] },
    { callee: 'escapeHtml', hazards: ['xss', 'template-injection'] }, { callee: 'he.encode', hazards: ['xss'] }, { callee: 'he.escape', hazards: ['xss'] },
    { callee: 'DOMPurify.sanitize', hazards: ['xss'] }, { callee: 'sanitizeHtml', hazards: ['xss'] }, { callee: 'xss', hazards: ['xss'] },
    { callee: 'validator.escape', hazards: ['xss', 'sql-injection'] },
    { callee: 'mysql.escape', hazards: ['sql-injection'] }, { callee: 'escapeId', hazards: ['sql-injection'] }, { callee: 'pg.escapeLiteral', hazards: ['sql-injection'] },
    { callee: 'escapeLiteral', hazards: ['sql-injection'] }, { callee: 'escapeIdentifier', hazards: ['sql-injection'] }, { callee: 'sqlstring.escape', hazards: ['sql-injection'] },
    { callee: 'path.basename', hazards: ['path-traversal', 'command-injection'] },
    { callee: 'shellEscape', hazards: ['command-injection'] }, { callee: 'shellescape', hazards: ['command-injection'] }, { callee: 'shell-quote.quote', hazards: ['command-injection'] },
    { callee: 'escapeRegExp', hazards: ['regex-injection'] }, { callee: 'escapeStringRegexp', hazards: ['regex-injection'] }, { callee: '_.escapeRegExp', hazards: ['regex-injection'] },
    { callee: 'lodash.escapeRegExp', hazards: ['regex-injection'] },
    { callee: 'mongoSanitize.sanitize', hazards: ['nosql-injection'] }, { callee: 'sanitize', hazards: ['nosql-injection', 'xss'] },
  ],
  messageListeners: {
    methods: ['on', 'once', 'addEventListener', 'addListener', 'prependListener', 'handle', 'handleOnce'],
    payloadEvents: ['message', 'messageerror'],
    socketReceivers: /^(socket|ws|websocket|webSocket|client|conn|connection|peer|channel|sock|this\.(socket|ws|client|connection))$/,
    lifecycleEvents: /^(connection|connect|disconnect|disconnecting|close|error|open|end|finish|listening|ping|pong|upgrade|drain|timeout|ready|reconnect\w*|connect_error|newListener|removeListener)$/,
    handlerProperties: ['onmessage'],
    payloadAfterEvent: /^(ipcMain|ipcRenderer|electron\.ipcMain)$/,
    internalReceivers: /^(process|parentPort|cluster|child|childProcess|subprocess|proc|\w*[wW]orker\w*|port\d?|this\.(worker|child|port))$/,
  },
  replaceSanitizers: [
    // `p.replace(/^(\.\.(\/|\\|$))+/, '')`, `name.replace(/\.\./g, '')`: the parent-directory steps removed.
    { pattern: /\\\.\\\./, hazards: ['path-traversal'] },
    // `name.replace(/[^a-zA-Z0-9._-]/g, '')`: only a safe alphabet left (no slashes, quotes, markup or shell syntax).
    { pattern: /^\/\[\^(?:[\w .-]|\\[wd.-])*\]\+?\/[a-z]*g[a-z]*$/, hazards: ['path-traversal', 'command-injection', 'sql-injection', 'xss', 'ldap-injection', 'xpath-injection', 'template-injection', 'open-redirect'] },
    // `json.replace(/</g, '\\u003c')`, `s.replace(/[<>]/g, …)`: no tag can open in what is left.
    { pattern: /^\/(<|\[[^\]]*<[^\]]*\])\/[a-z]*g[a-z]*$/, hazards: ['xss'] },
  ],
  sanitizerNamePattern: /(^|[_a-z])(sanitiz|escape|clean|validat|allowlist|whitelist|safe)/i,
  checks: sharedValueChecks,
  exitCalls: sharedExitCalls,
  numericAnnotations: sharedNumericAnnotations,
  requestWrappers: ['request'], // Koa: ctx.request.body; this.request in class-based handlers
  requestUrlFields: ['nextUrl'], // Next.js: request.nextUrl.searchParams
  parameterDecorators: { // NestJS
    sources: ['Body', 'Query', 'Param', 'Headers', 'Cookies', 'UploadedFile', 'UploadedFiles'],
    requests: ['Req', 'Request'],
  },
  messageParameterTypes: ['MessageEvent'],
  routeExports: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'], // Next.js route handlers (app/**/route.ts)
};
