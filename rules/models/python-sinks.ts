// Python sinks per hazard: the calls through which data becomes SQL, shell, paths, URLs, markup, templates, filters. Data, not code.

export interface SinkSpec {
  /**
   * Which calls: `subprocess.run` (resolved through the file's imports, or written out when the import is out of reach),
   * `.execute` (that method on any receiver), `*redirect` (that name imported from any module, or bare and not defined locally).
   */
  readonly callee: string;
  /** Position of the argument that carries the hazard (default 0). */
  readonly arg?: number;
  /** Keyword the same argument may be passed as. */
  readonly keyword?: string;
  /** Only a sink when this keyword argument is passed as a truthy literal: `shell=True`. */
  readonly when?: string;
  /** Keyword arguments whose presence makes the call safe: `filter=` on `TarFile.extractall`, `parser=` on lxml. */
  readonly safeWith?: readonly string[];
  /** For generic method names: the argument must read as this language for the call to count. */
  readonly shape?: 'sql' | 'sql-fragment' | 'ldap-filter' | 'xpath';
}

export type SinkTable = Readonly<Record<string, readonly SinkSpec[]>>;

const sqlText = { shape: 'sql' } as const;

export const pythonSinks: SinkTable = {
  'sql-injection': [
    { callee: '.execute', keyword: 'sql', ...sqlText }, { callee: '.execute', keyword: 'query', ...sqlText },
    { callee: '.execute', keyword: 'operation', ...sqlText }, { callee: '.execute', keyword: 'statement', ...sqlText },
    { callee: '.executemany', ...sqlText }, { callee: '.executescript', ...sqlText }, { callee: '.exec_driver_sql', ...sqlText },
    { callee: '.execute_sql', ...sqlText }, // peewee Database.execute_sql
    { callee: '.raw', keyword: 'raw_query', ...sqlText }, // Django Manager.raw
    { callee: '.fetch', ...sqlText }, { callee: '.fetchrow', ...sqlText }, { callee: '.fetchval', ...sqlText }, // asyncpg
    { callee: '.fetch_all', keyword: 'query', ...sqlText }, { callee: '.fetch_one', keyword: 'query', ...sqlText }, // databases
    { callee: '.query', ...sqlText }, { callee: '.read_sql', keyword: 'sql', ...sqlText }, { callee: '.read_sql_query', keyword: 'sql', ...sqlText },
    { callee: 'pandas.read_sql', keyword: 'sql', ...sqlText }, { callee: 'pandas.read_sql_query', keyword: 'sql', ...sqlText },
    { callee: 'sqlalchemy.text', keyword: 'text' }, { callee: 'sqlalchemy.sql.text', keyword: 'text' }, { callee: 'sqlalchemy.sql.expression.text', keyword: 'text' },
    { callee: 'django.db.models.expressions.RawSQL', keyword: 'sql' }, { callee: 'django.db.models.RawSQL', keyword: 'sql' },
    { callee: '.extra', keyword: 'where' }, { callee: '.extra', keyword: 'select' }, { callee: '.extra', keyword: 'order_by' },
    // SQLAlchemy before 2.0 took raw SQL strings in query clauses: session.query(User).filter("name = '%s'" % name).
    { callee: '.filter', shape: 'sql-fragment' }, { callee: '.where', shape: 'sql-fragment' }, { callee: '.having', shape: 'sql-fragment' },
    { callee: '.order_by', shape: 'sql-fragment' }, { callee: '.group_by', shape: 'sql-fragment' },
  ],
  'command-injection': [
    { callee: 'os.system', keyword: 'command' }, { callee: 'os.popen', keyword: 'cmd' }, { callee: 'os.popen2' }, { callee: 'os.popen3' }, { callee: 'os.popen4' },
    { callee: 'commands.getoutput' }, { callee: 'commands.getstatusoutput' }, { callee: 'subprocess.getoutput', keyword: 'cmd' },
    { callee: 'subprocess.getstatusoutput', keyword: 'cmd' }, { callee: 'asyncio.create_subprocess_shell', keyword: 'cmd' },
    { callee: 'subprocess.run', keyword: 'args', when: 'shell' }, { callee: 'subprocess.call', keyword: 'args', when: 'shell' },
    { callee: 'subprocess.check_call', keyword: 'args', when: 'shell' }, { callee: 'subprocess.check_output', keyword: 'args', when: 'shell' },
    { callee: 'subprocess.Popen', keyword: 'args', when: 'shell' },
    { callee: '.exec_command', keyword: 'command' }, // paramiko: runs in the remote user's shell
    { callee: 'fabric.api.local' }, { callee: 'fabric.api.run' }, { callee: 'fabric.api.sudo' }, { callee: 'invoke.run' },
  ],
  'template-injection': [
    { callee: 'flask.render_template_string', keyword: 'source' }, { callee: 'jinja2.Template', keyword: 'source' },
    { callee: 'jinja2.environment.Template', keyword: 'source' }, { callee: '.from_string', keyword: 'source' },
    { callee: 'django.template.Template', keyword: 'template_string' }, { callee: 'django.template.base.Template', keyword: 'template_string' },
    { callee: 'mako.template.Template', keyword: 'text' }, { callee: 'tornado.template.Template', keyword: 'template_string' },
    { callee: 'chameleon.PageTemplate' }, { callee: '*render_template_string', keyword: 'source' },
  ],
  'path-traversal': [
    { callee: 'open', keyword: 'file' }, { callee: 'io.open', keyword: 'file' }, { callee: 'codecs.open', keyword: 'filename' },
    { callee: 'os.open', keyword: 'path' }, { callee: 'os.remove', keyword: 'path' }, { callee: 'os.unlink', keyword: 'path' },
    { callee: 'os.rmdir', keyword: 'path' }, { callee: 'os.removedirs' }, { callee: 'os.listdir', keyword: 'path' }, { callee: 'os.scandir', keyword: 'path' },
    { callee: 'os.rename' }, { callee: 'os.rename', arg: 1 }, { callee: 'os.replace' }, { callee: 'os.replace', arg: 1 },
    { callee: 'os.chmod', keyword: 'path' }, { callee: 'os.makedirs', keyword: 'name' },
    { callee: 'shutil.rmtree', keyword: 'path' }, { callee: 'shutil.copy', keyword: 'src' }, { callee: 'shutil.copy', arg: 1, keyword: 'dst' },
    { callee: 'shutil.copyfile', keyword: 'src' }, { callee: 'shutil.copyfile', arg: 1, keyword: 'dst' }, { callee: 'shutil.copy2', keyword: 'src' },
    { callee: 'shutil.copy2', arg: 1, keyword: 'dst' }, { callee: 'shutil.move', keyword: 'src' }, { callee: 'shutil.move', arg: 1, keyword: 'dst' },
    { callee: 'shutil.copytree', keyword: 'src' }, { callee: 'shutil.copytree', arg: 1, keyword: 'dst' },
    { callee: 'flask.send_file', keyword: 'path_or_file' }, { callee: 'flask.helpers.send_file', keyword: 'path_or_file' },
    { callee: 'werkzeug.utils.send_file', keyword: 'path_or_file' }, { callee: 'bottle.static_file', safeWith: ['root'] },
    { callee: 'starlette.responses.FileResponse', keyword: 'path' }, { callee: 'fastapi.responses.FileResponse', keyword: 'path' },
    { callee: 'aiohttp.web.FileResponse', keyword: 'path' }, { callee: 'django.http.FileResponse' },
    { callee: '.save', keyword: 'dst' }, // an upload's FileStorage.save(path), Image.save(path)
  ],
  ssrf: [
    ...['get', 'post', 'put', 'patch', 'delete', 'head', 'options'].flatMap((m) => [
      { callee: `requests.${m}`, keyword: 'url' }, { callee: `httpx.${m}`, keyword: 'url' },
    ]),
    { callee: 'requests.request', arg: 1, keyword: 'url' }, { callee: 'httpx.request', arg: 1, keyword: 'url' }, { callee: 'httpx.stream', arg: 1, keyword: 'url' },
    { callee: 'requests.api.request', arg: 1, keyword: 'url' }, { callee: 'urllib.request.urlopen', keyword: 'url' },
    { callee: 'urllib.urlopen' }, { callee: 'urllib2.urlopen' }, { callee: 'urllib.request.urlretrieve', keyword: 'url' },
    { callee: 'http.client.HTTPConnection', keyword: 'host' }, { callee: 'http.client.HTTPSConnection', keyword: 'host' },
    { callee: 'aiohttp.request', arg: 1, keyword: 'url' },
  ],
  'open-redirect': [
    { callee: 'flask.redirect', keyword: 'location' }, { callee: 'werkzeug.utils.redirect', keyword: 'location' }, { callee: 'quart.redirect', keyword: 'location' },
    { callee: 'django.shortcuts.redirect', keyword: 'to' }, { callee: 'django.http.HttpResponseRedirect', keyword: 'redirect_to' },
    { callee: 'django.http.HttpResponsePermanentRedirect', keyword: 'redirect_to' }, { callee: 'django.http.response.HttpResponseRedirect', keyword: 'redirect_to' },
    { callee: 'starlette.responses.RedirectResponse', keyword: 'url' }, { callee: 'fastapi.responses.RedirectResponse', keyword: 'url' },
    { callee: 'aiohttp.web.HTTPFound', keyword: 'location' }, { callee: 'aiohttp.web.HTTPSeeOther', keyword: 'location' },
    { callee: 'aiohttp.web.HTTPMovedPermanently', keyword: 'location' }, { callee: 'aiohttp.web.HTTPTemporaryRedirect', keyword: 'location' },
    { callee: 'pyramid.httpexceptions.HTTPFound', keyword: 'location' }, { callee: 'bottle.redirect', keyword: 'url' },
    { callee: 'self.redirect', keyword: 'url' }, // Tornado and webapp2 handlers
    { callee: '*redirect', keyword: 'location' }, { callee: '*HttpResponseRedirect', keyword: 'redirect_to' }, { callee: '*RedirectResponse', keyword: 'url' },
  ],
  xxe: [
    // A parser= argument is judged by the rule: one built with lxml's defaults still resolves entities.
    { callee: 'lxml.etree.fromstring', keyword: 'text' }, { callee: 'lxml.etree.XML', keyword: 'text' },
    { callee: 'lxml.etree.parse', keyword: 'source' }, { callee: 'lxml.etree.iterparse', keyword: 'source', safeWith: ['resolve_entities'] },
    { callee: 'lxml.etree.XMLID', keyword: 'text', safeWith: ['parser'] }, { callee: 'lxml.objectify.fromstring', keyword: 'xml', safeWith: ['parser'] },
    { callee: 'lxml.objectify.parse', safeWith: ['parser'] },
  ],
  'xxe-stdlib': [
    { callee: 'xml.etree.ElementTree.fromstring', keyword: 'text' }, { callee: 'xml.etree.ElementTree.XML', keyword: 'text' },
    { callee: 'xml.etree.ElementTree.parse', keyword: 'source' }, { callee: 'xml.etree.ElementTree.iterparse', keyword: 'source' },
    { callee: 'xml.etree.cElementTree.fromstring' }, { callee: 'xml.etree.cElementTree.parse' },
    { callee: 'xml.dom.minidom.parseString', keyword: 'string' }, { callee: 'xml.dom.minidom.parse', keyword: 'file' },
    { callee: 'xml.dom.pulldom.parseString', keyword: 'string' }, { callee: 'xml.dom.pulldom.parse' },
    { callee: 'xml.sax.parseString', keyword: 'string' }, { callee: 'xml.sax.parse', keyword: 'source' }, { callee: 'xmltodict.parse', keyword: 'xml_input' },
  ],
  'ldap-injection': [
    { callee: '.search_s', arg: 2, keyword: 'filterstr', shape: 'ldap-filter' }, { callee: '.search_st', arg: 2, keyword: 'filterstr', shape: 'ldap-filter' },
    { callee: '.search_ext', arg: 2, keyword: 'filterstr', shape: 'ldap-filter' }, { callee: '.search_ext_s', arg: 2, keyword: 'filterstr', shape: 'ldap-filter' },
    { callee: '.search', arg: 2, keyword: 'filterstr', shape: 'ldap-filter' }, // python-ldap
    { callee: '.search', arg: 1, keyword: 'search_filter', shape: 'ldap-filter' }, // ldap3 Connection.search
    { callee: '.paged_search', arg: 1, keyword: 'search_filter', shape: 'ldap-filter' },
  ],
  'ldap-dn': [
    { callee: '.simple_bind_s', keyword: 'who' }, { callee: '.simple_bind', keyword: 'who' }, { callee: '.bind_s', keyword: 'who' },
    { callee: 'ldap3.Connection', arg: 1, keyword: 'user' },
  ],
  'xpath-injection': [
    { callee: '.xpath', keyword: '_path', shape: 'xpath' }, { callee: 'lxml.etree.XPath', keyword: 'path', shape: 'xpath' },
    { callee: 'lxml.etree.ETXPath', keyword: 'path', shape: 'xpath' }, { callee: '.findall', keyword: 'path', shape: 'xpath' },
    { callee: '.find', keyword: 'path', shape: 'xpath' }, { callee: '.iterfind', keyword: 'path', shape: 'xpath' },
    { callee: '.findtext', keyword: 'path', shape: 'xpath' }, { callee: 'elementpath.select', arg: 1, keyword: 'path', shape: 'xpath' },
  ],
  'regex-injection': [
    ...['compile', 'search', 'match', 'fullmatch', 'sub', 'subn', 'split', 'findall', 'finditer'].flatMap((f) => [
      { callee: `re.${f}`, keyword: 'pattern' }, { callee: `regex.${f}`, keyword: 'pattern' },
    ]),
  ],
};

/** pymongo / motor collection methods whose first argument is a query filter (aggregate: a pipeline). */
export const mongoFilterMethods: readonly string[] = [
  'find', 'find_one', 'find_one_and_update', 'find_one_and_delete', 'find_one_and_replace', 'update_one', 'update_many',
  'replace_one', 'delete_one', 'delete_many', 'count_documents', 'count', 'aggregate', 'watch', 'find_raw_batches', 'remove', 'update',
];

/** Constructors and methods that turn a dict of fields into a stored object: `Model(**data)`, `objects.create(**data)`. */
export const modelWriteMethods: readonly string[] = [
  'create', 'update', 'update_or_create', 'get_or_create', 'insert', 'values', 'add', 'new', 'from_dict', 'model_validate',
];
