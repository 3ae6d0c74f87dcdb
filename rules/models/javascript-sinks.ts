// JavaScript/TypeScript sinks of the injection family: which calls, which argument carries the hazard, what makes a call safe. Data, not code.

export interface SinkSpec {
  /**
   * What is called: a resolved module chain (`child_process.exec`, `fs.readFile`; `fs/promises`, `fs-extra` and
   * `graceful-fs` resolve as `fs`), a global (`fetch`, `RegExp`), or `.name` for a method of that name on any receiver.
   */
  readonly callee: string;
  /** For `.name` sinks: the receiver's source text must match (`db`, `pool`, `this.repo`, `knex('users')`). */
  readonly receiver?: RegExp;
  /** For `.name` sinks: receivers that are never this sink (`Promise.all`, `map.get`). */
  readonly notReceiver?: RegExp;
  /** Argument position of the hazardous value; 'last' for `res.redirect(301, url)`. */
  readonly arg: number | 'last';
  /** The hazard rides in this property of an options-object argument instead (`{ filter }`, `{ url }`, `{ data }`). */
  readonly property?: string;
  /**
   * Generic method names (`.query`, `.run`) are only sinks when the value's constant text looks like this language
   * (SQL for `.query`), so `map.get(key)` and `axios.get(url)` stay out.
   */
  readonly looksLike?: RegExp;
  /** Hazardous only with `{ shell: true }` in an options argument (spawn, execFile, execa). */
  readonly onlyWithShell?: boolean;
  /** A second argument array or options with `replacements`/`bind`/`values` makes it parameterized. */
  readonly parameterizedBy?: 'values-argument';
  /** Safe when its options argument sets this property (`res.sendFile(name, { root })`). */
  readonly safeWithOption?: string;
}

/** SQL text: a statement keyword followed by what makes it SQL, anywhere in the constant parts. */
export const sqlText = /\b(select\b[\s\S]*?\bfrom|insert\s+(?:ignore\s+)?into|update\s+[`"[\]\w.]+\s+set|delete\s+from|replace\s+into|merge\s+into|create\s+(?:table|index|view|database|schema)|drop\s+(?:table|index|view|database|schema)|alter\s+table|truncate\s+(?:table\s+)?[`"\w]|call\s+\w+\s*\(|exec(?:ute)?\s+\w+|pragma\s+\w+|where\s+[`"[\]\w.]+\s*(?:=|<|>|!=|<>|\blike\b|\bin\b)|order\s+by\s|group\s+by\s|values\s*\()/i;
/** A WHERE/HAVING fragment handed to a query builder: `name = '...'`, `id IN (...)`, `title LIKE ...`. */
export const sqlFragment = /[`"[\]\w.)]\s*(?:=|<>|!=|<=|>=|<|>)\s*['"]?$|\b(?:like|in|between|is)\s*\(?\s*['"]?%?$|^\s*['"]?\)|\b(?:and|or|not)\s*\(?$/i;
/** LDAP filter text: `(uid=`, `(&(objectClass=person)(cn=`. */
export const ldapFilterText = /\(\s*[&|!]?\s*\(?[\w.-]+\s*[~<>]?=/;
/** XPath with a predicate: `//user[name='`, `/users/user[@id=`. */
export const xpathText = /\/[\w*@:.-]*\[[^\]]*(?:=|contains\s*\(|starts-with\s*\()/;
/** Constant text that makes a string HTML: a tag. */
export const htmlText = /<\s*\/?\s*[a-zA-Z][\w-]*[\s>/]|<!--/;

const dbReceiver = /(^|[.\s(])(db|database|conn|connection|connections|pool|client|pg|pgClient|mysql|sql|sqlite|sqlite3|knex|trx|tx|transaction|sequelize|manager|entityManager|dataSource|queryRunner|repository|repo|prisma|pgp|postgres|store|models?|orm|driver|session|executor)\w*$|(Db|DB|Pool|Connection|Client|Repository|Repo|Manager|Sequelize|Knex|Database|Prisma|Source|Runner)\w*$|^[a-z]{1,3}db$/;
const builderReceiver = /\)\s*$|(^|[.\s])(db|knex|query|qb|builder|queryBuilder|trx|this)\b|QueryBuilder|Builder/;

export const javascriptSinks: Readonly<Record<string, readonly SinkSpec[]>> = {
  'command-injection': [
    { callee: 'child_process.exec', arg: 0 },
    { callee: 'child_process.execSync', arg: 0 },
    { callee: 'child_process.spawn', arg: 0, onlyWithShell: true },
    { callee: 'child_process.spawnSync', arg: 0, onlyWithShell: true },
    { callee: 'child_process.execFile', arg: 0, onlyWithShell: true },
    { callee: 'child_process.execFileSync', arg: 0, onlyWithShell: true },
    { callee: 'cross-spawn', arg: 0, onlyWithShell: true },
    { callee: 'cross-spawn.sync', arg: 0, onlyWithShell: true },
    { callee: 'execa', arg: 0, onlyWithShell: true },
    { callee: 'execa.execa', arg: 0, onlyWithShell: true },
    { callee: 'execa.execaSync', arg: 0, onlyWithShell: true },
    { callee: 'execa.sync', arg: 0, onlyWithShell: true },
    { callee: 'execa.command', arg: 0 },
    { callee: 'execa.commandSync', arg: 0 },
    { callee: 'execa.execaCommand', arg: 0 },
    { callee: 'execa.execaCommandSync', arg: 0 },
    { callee: 'execa.shell', arg: 0 },
    { callee: 'shelljs.exec', arg: 0 },
    { callee: 'child-process-promise.exec', arg: 0 },
    { callee: 'exec-sh', arg: 0 },
    { callee: 'node-cmd.run', arg: 0 },
    { callee: 'node-cmd.runSync', arg: 0 },
    { callee: 'node-cmd.get', arg: 0 },
    // Unimported in a snippet, or `require`d inside a function: recognised by the conventional receiver name.
    { callee: '.exec', receiver: /^(child_process|childProcess|cp|proc|childproc|shell|shelljs)$/, arg: 0 },
    { callee: '.execSync', receiver: /^(child_process|childProcess|cp|proc|childproc)$/, arg: 0 },
  ],
  'sql-injection': [
    { callee: '.query', arg: 0, looksLike: sqlText, parameterizedBy: 'values-argument', notReceiver: /^(document|window|this\.\$?route|router|url|qs|querystring|\$|jQuery|req|ctx|event|location)$/ },
    { callee: '.execute', arg: 0, looksLike: sqlText, parameterizedBy: 'values-argument' },
    { callee: '.exec', arg: 0, looksLike: sqlText, notReceiver: /^(child_process|childProcess|cp|proc|shell|shelljs)$|regex|Regex|RegExp|re$|pattern|Pattern/ },
    { callee: '.prepare', arg: 0, looksLike: sqlText },
    { callee: '.run', arg: 0, looksLike: sqlText, parameterizedBy: 'values-argument', receiver: dbReceiver },
    { callee: '.all', arg: 0, looksLike: sqlText, parameterizedBy: 'values-argument', receiver: dbReceiver, notReceiver: /^Promise$/ },
    { callee: '.get', arg: 0, looksLike: sqlText, parameterizedBy: 'values-argument', receiver: dbReceiver },
    { callee: '.each', arg: 0, looksLike: sqlText, parameterizedBy: 'values-argument', receiver: dbReceiver },
    { callee: '.any', arg: 0, looksLike: sqlText, parameterizedBy: 'values-argument', receiver: dbReceiver },
    { callee: '.one', arg: 0, looksLike: sqlText, parameterizedBy: 'values-argument', receiver: dbReceiver },
    { callee: '.oneOrNone', arg: 0, looksLike: sqlText, parameterizedBy: 'values-argument' },
    { callee: '.manyOrNone', arg: 0, looksLike: sqlText, parameterizedBy: 'values-argument' },
    { callee: '.none', arg: 0, looksLike: sqlText, parameterizedBy: 'values-argument', receiver: dbReceiver },
    { callee: '.many', arg: 0, looksLike: sqlText, parameterizedBy: 'values-argument', receiver: dbReceiver },
    { callee: '.raw', arg: 0, parameterizedBy: 'values-argument', notReceiver: /^(String|res|response|Buffer)$/ },
    { callee: '.unsafe', arg: 0, looksLike: sqlText },
    { callee: '.$queryRawUnsafe', arg: 0, parameterizedBy: 'values-argument' },
    { callee: '.$executeRawUnsafe', arg: 0, parameterizedBy: 'values-argument' },
    { callee: '.queryRawUnsafe', arg: 0, parameterizedBy: 'values-argument' },
    { callee: '.whereRaw', arg: 0, parameterizedBy: 'values-argument' },
    { callee: '.orWhereRaw', arg: 0, parameterizedBy: 'values-argument' },
    { callee: '.andWhereRaw', arg: 0, parameterizedBy: 'values-argument' },
    { callee: '.havingRaw', arg: 0, parameterizedBy: 'values-argument' },
    { callee: '.orderByRaw', arg: 0, parameterizedBy: 'values-argument' },
    { callee: '.groupByRaw', arg: 0, parameterizedBy: 'values-argument' },
    { callee: '.joinRaw', arg: 0, parameterizedBy: 'values-argument' },
    { callee: '.fromRaw', arg: 0, parameterizedBy: 'values-argument' },
    { callee: '.selectRaw', arg: 0, parameterizedBy: 'values-argument' },
    { callee: '.literal', arg: 0, receiver: /^(Sequelize|sequelize|db\.Sequelize|db\.sequelize|this\.sequelize)$/ },
    // TypeORM's query builder takes WHERE fragments; only text that ends inside a comparison is flagged.
    { callee: '.where', arg: 0, looksLike: sqlFragment, receiver: builderReceiver, parameterizedBy: 'values-argument' },
    { callee: '.andWhere', arg: 0, looksLike: sqlFragment, parameterizedBy: 'values-argument' },
    { callee: '.orWhere', arg: 0, looksLike: sqlFragment, parameterizedBy: 'values-argument' },
    { callee: '.having', arg: 0, looksLike: sqlFragment, receiver: builderReceiver, parameterizedBy: 'values-argument' },
  ],
  'path-traversal': [
    ...['readFile', 'readFileSync', 'createReadStream', 'createWriteStream', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync',
      'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'readdir', 'readdirSync', 'open', 'openSync', 'copyFile', 'copyFileSync',
      'rename', 'renameSync', 'readJson', 'readJsonSync', 'readJSON', 'outputFile', 'outputFileSync', 'outputJson', 'remove', 'removeSync',
      'copy', 'copySync', 'move', 'moveSync', 'truncate', 'symlink', 'chmod', 'lstat', 'stat', 'statSync', 'readlink', 'existsSync', 'mkdir', 'mkdirSync', 'ensureDir', 'ensureDirSync', 'ensureFile']
      .flatMap((name) => [{ callee: `fs.${name}`, arg: 0 }, { callee: `fs.promises.${name}`, arg: 0 }]),
    // The destination of a rename, copy or link is a path too.
    ...['rename', 'renameSync', 'copyFile', 'copyFileSync', 'copy', 'copySync', 'move', 'moveSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'cp', 'cpSync']
      .flatMap((name) => [{ callee: `fs.${name}`, arg: 1 }, { callee: `fs.promises.${name}`, arg: 1 }]),
    { callee: '.readFile', receiver: /^(fs|fsp|fse|fsPromises|promises|fs\.promises)$/, arg: 0 },
    { callee: '.readFileSync', receiver: /^(fs|fse)$/, arg: 0 },
    { callee: '.createReadStream', receiver: /^(fs|fse)$/, arg: 0 },
    { callee: '.writeFile', receiver: /^(fs|fsp|fse|fsPromises|promises|fs\.promises)$/, arg: 0 },
    { callee: '.writeFileSync', receiver: /^(fs|fse)$/, arg: 0 },
    { callee: '.unlink', receiver: /^(fs|fsp|fse|fsPromises|promises|fs\.promises)$/, arg: 0 },
    { callee: '.sendFile', receiver: /^(res|response|reply|resp|h)$/, arg: 0, safeWithOption: 'root' },
    { callee: '.sendfile', receiver: /^(res|response)$/, arg: 0, safeWithOption: 'root' },
    { callee: '.download', receiver: /^(res|response|resp)$/, arg: 0, safeWithOption: 'root' },
    { callee: 'send', arg: 1, safeWithOption: 'root' },
    // express-fileupload moves an upload to the path given; hapi's inert serves the path given.
    { callee: '.mv', receiver: /^(\w*[fF]ile|upload\w*|\w*[uU]pload|avatar|image|photo|document|attachment|req\.files\.\w+)$/, arg: 0 },
    { callee: '.file', receiver: /^(h|reply)$/, arg: 0 },
  ],
  ssrf: [
    { callee: 'fetch', arg: 0 },
    { callee: 'node-fetch', arg: 0 },
    { callee: 'undici.fetch', arg: 0 },
    { callee: 'undici.request', arg: 0 },
    { callee: 'axios', arg: 0 },
    { callee: 'axios', arg: 0, property: 'url' },
    ...['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'].flatMap((m) => [
      { callee: `axios.${m}`, arg: 0 },
      { callee: `got.${m}`, arg: 0 },
      { callee: `request.${m}`, arg: 0 },
      { callee: `needle.${m}`, arg: 0 },
      { callee: `superagent.${m}`, arg: 0 },
      { callee: `.${m}`, receiver: /^(axios|got|needle|superagent|request|ky|this\.httpService|this\.http|httpService|http|https|client|httpClient|apiClient|instance|api|Wreck|wreck|(this\.)?(http|httpService)\.axiosRef)$/, arg: 0 },
      { callee: `@hapi/wreck.${m}`, arg: 0 },
    ]),
    { callee: 'axios.request', arg: 0, property: 'url' },
    { callee: 'got', arg: 0 },
    { callee: 'request', arg: 0 },
    { callee: 'needle', arg: 1 },
    { callee: 'superagent', arg: 1 },
    { callee: 'ky', arg: 0 },
    { callee: 'http.get', arg: 0 },
    { callee: 'http.request', arg: 0 },
    { callee: 'https.get', arg: 0 },
    { callee: 'https.request', arg: 0 },
    // node's http given an options object: `http.request({ host: req.query.host, path: '/status' })`.
    ...['http.get', 'http.request', 'https.get', 'https.request'].flatMap((callee) => [{ callee, arg: 0, property: 'host' }, { callee, arg: 0, property: 'hostname' }]),
    // A headless browser opening the page: screenshot and PDF services (puppeteer, playwright).
    { callee: '.goto', receiver: /^(page|this\.page|tab|browserPage|newPage)$/, arg: 0 },
    { callee: 'WebSocket', arg: 0 },
    { callee: 'ws', arg: 0 },
  ],
  'open-redirect': [
    { callee: '.redirect', receiver: /^(res|response|resp|ctx|context|reply|h|NextResponse|Response|this\.res|this\.ctx)$/, arg: 'last' },
    { callee: '.location', receiver: /^(res|response|resp)$/, arg: 0 },
    { callee: 'next/navigation.redirect', arg: 0 },
    { callee: 'next/navigation.permanentRedirect', arg: 0 },
    { callee: 'next/server.NextResponse.redirect', arg: 0 },
    { callee: '.assign', receiver: /^(window\.location|location|document\.location)$/, arg: 0 },
    { callee: '.replace', receiver: /^(window\.location|location|document\.location)$/, arg: 0 },
  ],
  'regex-injection': [
    { callee: 'RegExp', arg: 0 },
  ],
  'template-injection': [
    { callee: 'ejs.render', arg: 0 },
    { callee: 'ejs.compile', arg: 0 },
    { callee: 'pug.render', arg: 0 },
    { callee: 'pug.compile', arg: 0 },
    { callee: 'jade.render', arg: 0 },
    { callee: 'jade.compile', arg: 0 },
    { callee: 'handlebars.compile', arg: 0 },
    { callee: 'handlebars.precompile', arg: 0 },
    { callee: 'handlebars.create.compile', arg: 0 },
    { callee: 'nunjucks.renderString', arg: 0 },
    { callee: 'nunjucks.compile', arg: 0 },
    { callee: 'mustache.render', arg: 0 },
    { callee: 'lodash.template', arg: 0 },
    { callee: 'underscore.template', arg: 0 },
    { callee: 'lodash.template.template', arg: 0 },
    { callee: 'dot.template', arg: 0 },
    { callee: 'dot.compile', arg: 0 },
    { callee: 'hogan.js.compile', arg: 0 },
    { callee: 'eta.render', arg: 0 },
    { callee: 'eta.renderString', arg: 0 },
    { callee: 'squirrelly.render', arg: 0 },
    { callee: 'vue.compile', arg: 0 },
    { callee: '.template', receiver: /^(_|lodash|underscore)$/, arg: 0 },
    { callee: '.compile', receiver: /^(Handlebars|handlebars|hbs|ejs|pug|jade|nunjucks|env|Hogan|dot|doT)$/, arg: 0 },
    { callee: '.render', receiver: /^(ejs|pug|jade|Mustache|mustache|eta|Sqrl)$/, arg: 0 },
    { callee: '.renderString', receiver: /^(nunjucks|env|environment)$/, arg: 0 },
  ],
  'ldap-injection': [
    { callee: '.search', arg: 1, property: 'filter', looksLike: ldapFilterText },
    { callee: '.search', arg: 1, looksLike: ldapFilterText },
    { callee: '.bind', receiver: /ldap|^client$|^this\.client$/i, arg: 0, looksLike: /^\s*[\w.-]+=[^,]*\u0000[^,]*,\s*[\w.-]+=|^\s*[\w.-]+=\u0000,/ },
    { callee: 'ldapjs.parseFilter', arg: 0 },
    { callee: '.parseFilter', receiver: /^ldap\w*$/, arg: 0 },
  ],
  'xpath-injection': [
    { callee: 'xpath.select', arg: 0, looksLike: xpathText },
    { callee: 'xpath.select1', arg: 0, looksLike: xpathText },
    { callee: 'xpath.evaluate', arg: 0, looksLike: xpathText },
    { callee: 'xpath.parse', arg: 0, looksLike: xpathText },
    { callee: '.evaluate', receiver: /^(document|doc|xmlDoc|xml|dom|xpath)$/, arg: 0, looksLike: xpathText },
    { callee: '.select', receiver: /^xpath$/, arg: 0, looksLike: xpathText },
    { callee: '.select1', receiver: /^xpath$/, arg: 0, looksLike: xpathText },
    // libxmljs `doc.find(xpath)` / `doc.get(xpath)`: any receiver, since the text must already read as an XPath predicate.
    { callee: '.get', arg: 0, looksLike: xpathText, notReceiver: /^(axios|http|https|got|request|superagent|app|router|res|req|cache|map|params|searchParams|headers)$/ },
    { callee: '.find', arg: 0, looksLike: xpathText },
  ],
};

/** Mongo/Mongoose methods whose argument is a query filter (operator injection: `{ $ne: null }` in place of a string). */
export const nosqlFilterMethods: Readonly<Record<string, number>> = {
  find: 0, findOne: 0, findOneAndUpdate: 0, findOneAndDelete: 0, findOneAndRemove: 0, findOneAndReplace: 0, updateOne: 0, updateMany: 0,
  deleteOne: 0, deleteMany: 0, replaceOne: 0, countDocuments: 0, count: 0, exists: 0, where: 0, remove: 0, update: 0, distinct: 1, aggregate: 0,
};

/** ORM and driver methods that write a whole object into a record, with the argument that holds the record's fields. */
export const massAssignmentMethods: Readonly<Record<string, number>> = {
  create: 0, insert: 0, insertOne: 0, insertMany: 0, build: 0, bulkCreate: 0, upsert: 0, save: 0, update: 0, updateOne: 1,
  updateMany: 1, findByIdAndUpdate: 1, findOneAndUpdate: 1, replaceOne: 1, merge: 1, set: 0, assign: 1, createQueryBuilder: -1,
};

/** Shell interpreters: `spawn('sh', ['-c', cmd])` runs `cmd` through a shell. */
export const shellPrograms = /^(?:\/(?:usr\/)?bin\/)?(sh|bash|zsh|dash|ksh|cmd|cmd\.exe|powershell|powershell\.exe|pwsh)$/;
