// Real-world shapes of command injection (library, CLI, Express, Lambda, socket handlers) each followed by its fix.
const { exec, execSync, spawn, execFile, execFileSync } = require('child_process');
const cp = require('child_process');
const util = require('util');
const express = require('express');
const { quote } = require('shell-quote');
const yargs = require('yargs/yargs');
const { hideBin } = require('yargs/helpers');

const execAsync = util.promisify(exec);
const app = express();

// 1. A git helper in a library: the URL and branch come from the caller.
function cloneRepo(url, dest, branch) {
  // expect: command-injection
  return execSync('git clone --depth 1 -b ' + branch + ' ' + url + ' ' + dest, { stdio: 'inherit' });
}
function cloneRepoFixed(url, dest, branch) {
  // ok: command-injection
  return execFileSync('git', ['clone', '--depth', '1', '-b', branch, url, dest], { stdio: 'inherit' });
}

// 2. A CLI that converts the file named on the command line.
async function convertCli() {
  const input = process.argv[2];
  const output = process.argv[3] || 'out.png';
  // expect: command-injection
  await execAsync(`convert ${input} -resize 50% ${output}`);
}
async function convertCliFixed() {
  const input = process.argv[2];
  const output = process.argv[3] || 'out.png';
  // ok: command-injection
  execFile('convert', [input, '-resize', '50%', output], (err) => { if (err) throw err; });
}

// 3. An Express diagnostics route.
app.get('/api/ping', (req, res) => {
  const host = req.query.host;
  // expect: command-injection
  exec(`ping -c 3 ${host}`, (err, stdout) => {
    res.send(stdout);
  });
});
app.get('/api/ping-fixed', (req, res) => {
  const host = req.query.host;
  if (!/^[a-zA-Z0-9.-]+$/.test(host)) return res.status(400).end();
  // ok: command-injection
  exec(`ping -c 3 ${host}`, (err, stdout) => {
    res.send(stdout);
  });
});

// 4. spawn through a shell, in a media helper.
function transcode(inputPath, format) {
  // expect: command-injection
  const child = spawn(`ffmpeg -i "${inputPath}" -f ${format} pipe:1`, { shell: true });
  return child.stdout;
}
function transcodeFixed(inputPath, format) {
  // ok: command-injection
  const child = spawn('ffmpeg', ['-i', inputPath, '-f', format, 'pipe:1']);
  return child.stdout;
}

// 5. An AWS Lambda that unpacks an uploaded archive.
exports.handler = async (event) => {
  const key = event.Records[0].s3.object.key;
  // expect: command-injection
  execSync('unzip -o /tmp/' + key + ' -d /tmp/out');
  return { statusCode: 200 };
};
exports.handlerFixed = async (event) => {
  const key = event.Records[0].s3.object.key;
  // ok: command-injection
  execFileSync('unzip', ['-o', `/tmp/${key}`, '-d', '/tmp/out']);
  return { statusCode: 200 };
};

// 6. A command assembled over several lines, then run.
function archive(opts) {
  // expect: command-injection
  const cmd = ['tar', '-czf', opts.out, opts.dir].join(' ');
  return cp.execSync(cmd).toString();
}
function archiveFixed(opts) {
  // ok: command-injection
  return cp.execFileSync('tar', ['-czf', opts.out, opts.dir]).toString();
}

// 7. Quoted with shell-quote: the fix real projects apply when a shell is needed.
function openInEditor(file) {
  // ok: command-injection
  exec(`${process.env.EDITOR || 'vi'} ${quote([file])}`);
}

// 8. A socket.io handler running a tool on a file name from the client.
function registerSocket(io) {
  io.on('connection', (socket) => {
    socket.on('lint', (msg) => {
      // expect: command-injection
      exec('eslint --format json ' + msg.file, (err, out) => socket.emit('result', out));
    });
    socket.on('lint-fixed', (msg) => {
      // ok: command-injection
      execFile('eslint', ['--format', 'json', '--', msg.file], (err, out) => socket.emit('result', out));
    });
  });
}

// 9. A constant command with a numeric option stays quiet.
function killPort(port) {
  const n = Number(port);
  // ok: command-injection
  execSync(`lsof -ti tcp:${n} | xargs kill -9`);
}


// 10. A commander CLI: the action's arguments are what the user typed.
function deployCli(program) {
  program
    .command('deploy <env>')
    .action((env) => {
      // expect: command-injection
      execSync(`./scripts/deploy.sh ${env}`, { stdio: 'inherit' });
    });
  program
    .command('deploy-fixed <env>')
    .action((env) => {
      // ok: command-injection
      execFileSync('./scripts/deploy.sh', [env], { stdio: 'inherit' });
    });
}

// 11. yargs options.
function backupCli() {
  const argv = yargs(hideBin(process.argv)).option('db', { type: 'string' }).parse();
  // expect: command-injection
  execSync('pg_dump ' + argv.db + ' > backup.sql');
}

// 12. Electron: the renderer asks the main process to open a path.
function registerIpc(ipcMain) {
  ipcMain.handle('open-folder', async (event, folder) => {
    // expect: command-injection
    exec(`xdg-open "${folder}"`);
  });
  ipcMain.handle('open-folder-fixed', async (event, folder) => {
    // ok: command-injection
    execFile('xdg-open', [folder]);
  });
}

// 13. Fastify and hapi handlers.
function fastifyRoutes(fastify) {
  fastify.get('/whois', async (request) => {
    // expect: command-injection
    return execSync(`whois ${request.query.domain}`).toString();
  });
}
const hapiRoute = {
  method: 'GET',
  path: '/dig',
  handler: (request) => {
    // expect: command-injection
    return execSync('dig +short ' + request.query.name).toString();
  },
};

// 14. A worker thread running what its own parent sends: the program's data, not a client's.
function workerMain(parentPort) {
  parentPort.on('message', (job) => {
    // ok: command-injection
    exec(job.command, (err, out) => parentPort.postMessage(out));
  });
}

// 15. A small `sh` helper, and a route handing it a command built from the query string.
function sh(command) {
  return execSync(command, { encoding: 'utf8' });
}
app.get('/api/branch', (req, res) => {
  // expect: command-injection
  res.send(sh('git log --oneline ' + req.query.branch));
});
app.get('/api/branch-fixed', (req, res) => {
  // ok: command-injection
  res.send(execFileSync('git', ['log', '--oneline', String(req.query.branch)], { encoding: 'utf8' }));
});
module.exports = { sh, workerMain, deployCli, backupCli, registerIpc, fastifyRoutes, hapiRoute, cloneRepo, cloneRepoFixed, convertCli, convertCliFixed, transcode, transcodeFixed, archive, archiveFixed, openInEditor, registerSocket, killPort };
