// Python behaviour model for "Question this snippet": calls that query, spawn, touch files, fetch, render, sign, log. Data, not code.
import type { BehaviourModel, BehaviourPattern } from './behaviour-model';

/** A DB-API connection or cursor, an SQLAlchemy session or engine. Not Flask's `session` cookie: no `get` on these. */
const db = /(^|\.)(cursor|cur|c|conn|connection|db|database|engine|session|\w+_(cursor|conn|db|session))$/;
/** Django `Model.objects…` and Flask-SQLAlchemy `Model.query…` chains. */
const orm = /^[A-Z]\w*\.(objects|query)\b|\.objects\.\w+\(.*\)$/;
const log = /^(logging|logger|log|LOGGER|_logger|_log|app\.logger|current_app\.logger|self\.logger|self\.log)$/;

export const pythonBehaviours: BehaviourModel = {
  calls: [
    ...['execute', 'executemany', 'executescript', 'exec_driver_sql', 'fetch', 'fetchrow', 'fetchval', 'query'].map((m): BehaviourPattern => ({
      kind: 'database', callee: `.${m}`, receiver: db, does: 'queries the database', hazard: 'sql-injection', args: [0],
    })),
    ...['get', 'get_or_404', 'filter', 'filter_by', 'exclude', 'all', 'first', 'raw', 'extra'].map((m): BehaviourPattern => ({
      kind: 'database', callee: `.${m}`, receiver: orm, does: 'queries the database', hazard: 'sql-injection', args: [0],
    })),
    ...['add', 'merge', 'commit', 'bulk_create', 'insert_one', 'insert_many', 'update_one', 'update_many'].map((m): BehaviourPattern => ({
      kind: 'database', callee: `.${m}`, receiver: db, does: 'writes to the database', hazard: 'nosql-injection', args: [0],
    })),
    ...['create', 'update', 'update_or_create', 'get_or_create'].map((m): BehaviourPattern => ({
      kind: 'database', callee: `.${m}`, receiver: orm, does: 'writes to the database', hazard: 'nosql-injection', args: [0],
    })),
    ...['delete', 'delete_one', 'delete_many'].flatMap((m): BehaviourPattern[] => [
      { kind: 'database', callee: `.${m}`, receiver: db, does: 'deletes records', hazard: 'nosql-injection', args: [0], destructive: true },
      { kind: 'database', callee: `.${m}`, receiver: orm, does: 'deletes records', destructive: true },
    ]),
    ...['run', 'call', 'check_call', 'check_output', 'Popen', 'getoutput', 'getstatusoutput'].map((m): BehaviourPattern => ({
      kind: 'shell', callee: `subprocess.${m}`, does: 'starts a process', hazard: 'command-injection', args: [0],
    })),
    { kind: 'shell', callee: 'os.system', does: 'runs a shell command', hazard: 'command-injection', args: [0] },
    { kind: 'shell', callee: 'os.popen', does: 'runs a shell command', hazard: 'command-injection', args: [0] },
    { kind: 'shell', callee: 'asyncio.create_subprocess_shell', does: 'runs a shell command', hazard: 'command-injection', args: [0] },
    { kind: 'shell', callee: 'asyncio.create_subprocess_exec', does: 'starts a process', hazard: 'command-injection' },
    { kind: 'files', callee: 'open', does: 'opens a file', hazard: 'path-traversal', args: [0] },
    { kind: 'files', callee: 'os.remove', does: 'deletes files', hazard: 'path-traversal', args: [0], destructive: true },
    { kind: 'files', callee: 'os.unlink', does: 'deletes files', hazard: 'path-traversal', args: [0], destructive: true },
    { kind: 'files', callee: 'shutil.rmtree', does: 'deletes a directory tree', hazard: 'path-traversal', args: [0], destructive: true },
    { kind: 'files', callee: 'shutil.*', does: 'copies or moves files', hazard: 'path-traversal', args: [0, 1] },
    { kind: 'files', callee: 'flask.send_file', does: 'sends a file', hazard: 'path-traversal', args: [0] },
    { kind: 'files', callee: 'flask.send_from_directory', does: 'sends a file', hazard: 'path-traversal', args: [1] },
    { kind: 'files', callee: '.save', receiver: /^(file|f|upload|uploaded|uploaded_file|image|photo|attachment|request\.files\[.*\])$/, does: 'saves an uploaded file', hazard: 'path-traversal', args: [0] },
    ...['get', 'post', 'put', 'patch', 'delete', 'head', 'request', 'stream'].flatMap((m): BehaviourPattern[] => [
      { kind: 'outbound', callee: `requests.${m}`, does: 'makes an outbound request', hazard: 'ssrf', args: [m === 'request' ? 1 : 0] },
      { kind: 'outbound', callee: `httpx.${m}`, does: 'makes an outbound request', hazard: 'ssrf', args: [m === 'request' || m === 'stream' ? 1 : 0] },
    ]),
    { kind: 'outbound', callee: 'urllib.request.urlopen', does: 'makes an outbound request', hazard: 'ssrf', args: [0] },
    { kind: 'outbound', callee: 'aiohttp.*', does: 'makes an outbound request', hazard: 'ssrf' },
    { kind: 'outbound', callee: 'flask.redirect', does: 'redirects the client', hazard: 'open-redirect', args: [0] },
    { kind: 'outbound', callee: 'django.shortcuts.redirect', does: 'redirects the client', hazard: 'open-redirect', args: [0] },
    { kind: 'html', callee: 'flask.render_template', does: 'renders a template', hazard: 'xss' },
    { kind: 'html', callee: 'flask.render_template_string', does: 'renders a template from a string', hazard: 'template-injection', args: [0] },
    { kind: 'html', callee: 'jinja2.Template', does: 'compiles a template', hazard: 'template-injection', args: [0] },
    { kind: 'html', callee: 'markupsafe.Markup', does: 'marks text as safe HTML', hazard: 'xss', args: [0] },
    { kind: 'html', callee: 'flask.Markup', does: 'marks text as safe HTML', hazard: 'xss', args: [0] },
    { kind: 'html', callee: 'django.utils.safestring.mark_safe', does: 'marks text as safe HTML', hazard: 'xss', args: [0] },
    { kind: 'html', callee: 'django.shortcuts.render', does: 'renders a template', hazard: 'xss' },
    { kind: 'auth', callee: 'jwt.encode', does: 'issues a JWT' },
    { kind: 'auth', callee: 'jwt.decode', does: 'decodes a JWT' },
    { kind: 'auth', callee: 'flask_login.login_user', does: 'logs a user in' },
    { kind: 'auth', callee: 'werkzeug.security.check_password_hash', does: 'checks a password' },
    { kind: 'auth', callee: 'werkzeug.security.generate_password_hash', does: 'hashes a password' },
    { kind: 'auth', callee: 'bcrypt.*', does: 'checks or hashes passwords' },
    { kind: 'auth', callee: 'django.contrib.auth.authenticate', does: 'authenticates users' },
    { kind: 'auth', callee: 'django.contrib.auth.login', does: 'logs a user in' },
    { kind: 'auth', callee: '.set_cookie', receiver: /^(resp|response|res|r)$/, does: 'sets a cookie' },
    { kind: 'crypto', callee: 'hashlib.*', does: 'hashes data' },
    { kind: 'crypto', callee: 'hmac.*', does: 'computes a MAC' },
    { kind: 'crypto', callee: 'secrets.*', does: 'generates random secrets' },
    { kind: 'crypto', callee: 'cryptography.*', does: 'uses cryptography' },
    { kind: 'crypto', callee: 'Crypto.*', does: 'uses cryptography' },
    { kind: 'deserialize', callee: 'pickle.loads', does: 'unpickles data', hazard: 'unsafe-deserialization', args: [0] },
    { kind: 'deserialize', callee: 'pickle.load', does: 'unpickles data', hazard: 'unsafe-deserialization', args: [0] },
    { kind: 'deserialize', callee: 'marshal.loads', does: 'unmarshals data', hazard: 'unsafe-deserialization', args: [0] },
    { kind: 'deserialize', callee: 'yaml.load', does: 'parses YAML', hazard: 'unsafe-deserialization', args: [0] },
    { kind: 'deserialize', callee: 'yaml.unsafe_load', does: 'parses YAML unsafely', hazard: 'unsafe-deserialization', args: [0] },
    { kind: 'deserialize', callee: 'jsonpickle.decode', does: 'deserializes objects', hazard: 'unsafe-deserialization', args: [0] },
    { kind: 'deserialize', callee: 'shelve.open', does: 'opens a pickle store', hazard: 'unsafe-deserialization', args: [0] },
    ...['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'log'].map((m): BehaviourPattern => ({
      kind: 'logging', callee: `.${m}`, receiver: log, does: 'logs', hazard: 'sensitive-data-logged',
    })),
  ],
  authCheck: /\b(login_required|permission_required|user_passes_test|requires_auth|jwt_required|auth_required|roles_required|admin_required|current_user|request\.user|g\.user|has_perm|is_admin|is_staff|owner_id|user_id\s*==|check_permission|authorize|Depends\(\s*get_current_user)/,
  secretName: /secret|passw|pwd|token|api_?key|apikey|private_?key|credential|auth_?key|signing_?key/i,
  routeReceiver: /^(app|bp|blueprint|router|api|\w+_bp|\w+_blueprint)$/,
};
