// JavaScript/TypeScript behaviour model for "Question this snippet": calls that query, spawn, touch files, fetch, render, sign, log. Data, not code.
import type { BehaviourModel, BehaviourPattern } from './behaviour-model';

const db = /(^|[.\s(])(db|database|conn|connection|pool|client|pg|mysql|sql|sqlite|knex|trx|sequelize|prisma|repo|repository|collection|model|manager)\w*$|(Db|DB|Pool|Connection|Client|Repository|Repo|Model|Collection)$|^(?!Promise$|Object$|Array$|Math$|JSON$|Date$|Reflect$|Number$|String$|Map$|Set$|Buffer$)[A-Z]\w*$|^prisma\.\w+$|^this\.\w*(repo|Repo|db|Db|model|Model)\w*$/;
const log = /^(console|logger|log|this\.logger|this\.log|winston|pino|req\.log|fastify\.log|app\.log)$/;
const res = /^(res|response|reply|ctx)$/;

const dbRead = ['query', 'execute', 'raw', 'find', 'findOne', 'findById', 'findAll', 'findMany', 'findUnique', 'findFirst', 'aggregate', 'count', 'select', 'all', 'get', 'run'];
const dbWrite = ['insert', 'insertOne', 'insertMany', 'create', 'update', 'updateOne', 'updateMany', 'save', 'upsert', 'findByIdAndUpdate', 'findOneAndUpdate'];
const dbDelete = ['delete', 'deleteOne', 'deleteMany', 'destroy', 'remove', 'findByIdAndDelete', 'findOneAndDelete', 'truncate', 'drop'];

export const javascriptBehaviours: BehaviourModel = {
  calls: [
    ...dbRead.map((m): BehaviourPattern => ({ kind: 'database', callee: `.${m}`, receiver: db, does: 'queries the database', hazard: 'sql-injection', args: [0] })),
    ...dbWrite.map((m): BehaviourPattern => ({ kind: 'database', callee: `.${m}`, receiver: db, does: 'writes to the database', hazard: 'nosql-injection', args: [0] })),
    ...dbDelete.map((m): BehaviourPattern => ({ kind: 'database', callee: `.${m}`, receiver: db, does: 'deletes records', hazard: 'nosql-injection', args: [0], destructive: true })),
    ...['exec', 'execSync', 'spawn', 'spawnSync', 'execFile', 'execFileSync', 'fork'].map((m): BehaviourPattern => ({
      kind: 'shell', callee: `child_process.${m}`, does: /^exec(Sync)?$/.test(m) ? 'runs a shell command' : 'starts a process', hazard: 'command-injection', args: [0, 1],
    })),
    { kind: 'shell', callee: 'execa.*', does: 'starts a process', hazard: 'command-injection', args: [0, 1] },
    { kind: 'shell', callee: 'execa', does: 'starts a process', hazard: 'command-injection', args: [0, 1] },
    { kind: 'shell', callee: 'shelljs.exec', does: 'runs a shell command', hazard: 'command-injection', args: [0] },
    { kind: 'shell', callee: '.exec', receiver: /^(child_process|childProcess|cp|shell|shelljs)$/, does: 'runs a shell command', hazard: 'command-injection', args: [0] },
    ...['unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'remove', 'removeSync'].map((m): BehaviourPattern => ({
      kind: 'files', callee: `fs.${m}`, does: 'deletes files', hazard: 'path-traversal', args: [0], destructive: true,
    })),
    ...['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'rename', 'renameSync', 'copyFile', 'mkdir', 'mkdirSync', 'outputFile'].map((m): BehaviourPattern => ({
      kind: 'files', callee: `fs.${m}`, does: 'writes files', hazard: 'path-traversal', args: [0],
    })),
    { kind: 'files', callee: 'fs.*', does: 'reads files', hazard: 'path-traversal', args: [0] },
    { kind: 'files', callee: '.sendFile', receiver: res, does: 'sends a file', hazard: 'path-traversal', args: [0] },
    { kind: 'files', callee: '.download', receiver: res, does: 'sends a file', hazard: 'path-traversal', args: [0] },
    { kind: 'files', callee: 'multer', does: 'accepts file uploads' },
    { kind: 'files', callee: '.single', receiver: /^(upload|multer\(.*\))$/, does: 'accepts a file upload' },
    { kind: 'files', callee: '.array', receiver: /^(upload|multer\(.*\))$/, does: 'accepts file uploads' },
    { kind: 'outbound', callee: 'fetch', does: 'makes an outbound request', hazard: 'ssrf', args: [0] },
    { kind: 'outbound', callee: 'node-fetch', does: 'makes an outbound request', hazard: 'ssrf', args: [0] },
    { kind: 'outbound', callee: 'axios', does: 'makes an outbound request', hazard: 'ssrf', args: [0] },
    { kind: 'outbound', callee: 'axios.*', does: 'makes an outbound request', hazard: 'ssrf', args: [0] },
    { kind: 'outbound', callee: 'got', does: 'makes an outbound request', hazard: 'ssrf', args: [0] },
    { kind: 'outbound', callee: 'got.*', does: 'makes an outbound request', hazard: 'ssrf', args: [0] },
    { kind: 'outbound', callee: 'undici.*', does: 'makes an outbound request', hazard: 'ssrf', args: [0] },
    { kind: 'outbound', callee: 'http.request', does: 'makes an outbound request', hazard: 'ssrf', args: [0] },
    { kind: 'outbound', callee: 'http.get', does: 'makes an outbound request', hazard: 'ssrf', args: [0] },
    { kind: 'outbound', callee: 'https.request', does: 'makes an outbound request', hazard: 'ssrf', args: [0] },
    { kind: 'outbound', callee: 'https.get', does: 'makes an outbound request', hazard: 'ssrf', args: [0] },
    ...['get', 'post', 'put', 'patch', 'delete', 'request'].map((m): BehaviourPattern => ({
      kind: 'outbound', callee: `.${m}`, receiver: /^(axios|got|superagent|needle|ky|http|https|httpClient|apiClient|this\.http|this\.httpService)$/, does: 'makes an outbound request', hazard: 'ssrf', args: [0],
    })),
    { kind: 'outbound', callee: '.redirect', receiver: res, does: 'redirects the client', hazard: 'open-redirect' },
    { kind: 'html', callee: '.render', receiver: res, does: 'renders a template', hazard: 'xss' },
    { kind: 'html', callee: 'ejs.*', does: 'renders a template', hazard: 'template-injection', args: [0] },
    { kind: 'html', callee: 'pug.*', does: 'renders a template', hazard: 'template-injection', args: [0] },
    { kind: 'html', callee: 'handlebars.compile', does: 'compiles a template', hazard: 'template-injection', args: [0] },
    { kind: 'html', callee: '.write', receiver: /^(res|response|document)$/, does: 'writes HTML', hazard: 'xss', args: [0] },
    ...['sign', 'verify', 'decode'].map((m): BehaviourPattern => ({
      kind: 'auth', callee: `jsonwebtoken.${m}`, does: m === 'sign' ? 'issues a JWT' : m === 'verify' ? 'verifies a JWT' : 'decodes a JWT without verifying it',
    })),
    ...['sign', 'verify', 'decode'].map((m): BehaviourPattern => ({
      kind: 'auth', callee: `.${m}`, receiver: /^(jwt|jsonwebtoken)$/, does: m === 'sign' ? 'issues a JWT' : m === 'verify' ? 'verifies a JWT' : 'decodes a JWT without verifying it',
    })),
    { kind: 'auth', callee: 'passport.*', does: 'authenticates users' },
    { kind: 'auth', callee: 'express-session', does: 'manages sessions' },
    { kind: 'auth', callee: 'bcrypt.*', does: 'checks or hashes passwords' },
    { kind: 'auth', callee: 'bcryptjs.*', does: 'checks or hashes passwords' },
    { kind: 'auth', callee: 'argon2.*', does: 'checks or hashes passwords' },
    { kind: 'auth', callee: '.cookie', receiver: res, does: 'sets a cookie' },
    { kind: 'crypto', callee: 'crypto.*', does: 'uses cryptography' },
    { kind: 'deserialize', callee: 'node-serialize.unserialize', does: 'deserializes objects', hazard: 'unsafe-deserialization', args: [0] },
    { kind: 'deserialize', callee: 'js-yaml.load', does: 'parses YAML', hazard: 'unsafe-deserialization', args: [0] },
    { kind: 'deserialize', callee: 'v8.deserialize', does: 'deserializes objects', hazard: 'unsafe-deserialization', args: [0] },
    ...['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal'].map((m): BehaviourPattern => ({
      kind: 'logging', callee: `.${m}`, receiver: log, does: 'logs', hazard: 'sensitive-data-logged',
    })),
  ],
  authCheck: /\b(auth\w*|requireAuth\w*|ensureAuth\w*|isAuthenticated|isAdmin|requireRole|requireAdmin|checkPermission\w*|authorize\w*|verifyToken|jwtAuth|req\.user|ctx\.state\.user|session\.user|ownerId|userId\s*===|\.role\b)/,
  secretName: /secret|passw|pwd|token|api_?key|apikey|private_?key|credential|auth_?key|signing_?key/i,
  routeReceiver: /^(app|router|api|server|routes|fastify|r)$/,
};
