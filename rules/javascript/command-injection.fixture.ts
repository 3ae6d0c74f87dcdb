const { exec, execSync, spawn, execFile } = require('child_process');
const cp = require('child_process');
const util = require('util');
const express = require('express');
const execAsync = util.promisify(cp.exec);

const app = express();

app.get('/ping', (req, res) => {
  const host = req.query.host;
  // expect: command-injection
  exec(`ping -c 4 ${host}`, (err, stdout) => {
    res.send(stdout);
  });
});

app.post('/convert', async (req, res) => {
  const { file, width } = req.body;
  // expect: command-injection
  await execAsync('convert ' + file + ' -resize ' + width + ' out.png');
  res.json({ ok: true });
});

// A small git wrapper of the kind npm advisories are about: an exported function with no HTTP in sight.
function gitLog(repoDir, branch) {
  // expect: command-injection
  return execSync(`git -C ${repoDir} log --oneline ${branch}`).toString();
}

function killProcess(pid, signal) {
  // expect: command-injection
  cp.exec('kill -' + signal + ' ' + pid);
}

function openInBrowser(url) {
  const cmd = process.platform === 'win32' ? 'start' : 'open';
  // expect: command-injection
  exec(`${cmd} "${url}"`);
}

function archive(name, files) {
  // expect: command-injection
  let command = 'tar -czf ' + name + '.tgz';
  // expect: command-injection
  for (const f of files) command += ' ' + f;
  return execSync(command);
}

function runScript(script, args) {
  // expect: command-injection
  return spawn('npm', ['run', script, ...args], { shell: true });
}

function viaShell(query) {
  // expect: command-injection
  return spawn('sh', ['-c', `grep -r "${query}" ./docs`]);
}

app.get('/dns', (req, res) => {
  // expect: command-injection
  const out = execSync('nslookup ' + req.query.domain);
  res.type('text').send(out);
});

app.get('/whois/:domain', (req, res) => {
  const domain = req.params.domain;
  // expect: command-injection
  const command = `whois ${domain}`;
  exec(command, (error, stdout) => res.send(stdout));
});

async function thumbnail(input, output) {
  // expect: command-injection
  await execAsync(`ffmpeg -i ${input} -vf scale=320:-1 ${output}`);
}

function installPackage(pkg) {
  // expect: command-injection
  require('child_process').execSync(`npm install ${pkg}`, { stdio: 'inherit' });
}

// ---- negatives ----

function listFiles() {
  // ok: command-injection
  return execSync('ls -la /var/log').toString();
}

function gitLogSafe(repoDir, branch) {
  // ok: command-injection
  return cp.execFileSync('git', ['-C', repoDir, 'log', '--oneline', branch]).toString();
}

function spawnSafe(script) {
  // ok: command-injection
  return spawn('npm', ['run', script]);
}

function waitSeconds(seconds: number) {
  // ok: command-injection
  return execSync(`sleep ${seconds}`);
}

const BUILD_DIR = 'dist';
function clean() {
  // ok: command-injection
  execSync(`rm -rf ${BUILD_DIR} ${__dirname}/tmp`);
}

function limitLines(n) {
  const count = parseInt(n, 10);
  // ok: command-injection
  return execSync('tail -n ' + count + ' app.log');
}

function run(command) {
  // A generic runner: whatever reaches it is the caller's business.
  // ok: command-injection
  return execSync(command, { stdio: 'inherit' });
}

function compress(level) {
  if (!['1', '6', '9'].includes(level)) throw new Error('bad level');
  // ok: command-injection
  return execSync('gzip -' + level + ' data.json');
}

const shellescape = require('shell-escape');
function grepSafe(pattern) {
  // ok: command-injection
  return execSync('grep -r ' + shellescape([pattern]) + ' ./src');
}

const regex = /(\d+)-(\d+)/;
function parseRange(text) {
  // ok: command-injection
  return regex.exec(`range ${text}`);
}

function execFileWithArgs(user) {
  // ok: command-injection
  execFile('id', ['-u', user], (err, out) => console.log(out));
}

describe('cli', () => {
  it('runs the binary', () => {
    const name = 'fixture';
    // ok: command-injection
    execSync(`node bin/cli.js ${name}`);
  });
});

function nodeVersion() {
  // ok: command-injection
  return execSync(`${process.execPath} --version`).toString();
}

function withEnv() {
  // ok: command-injection
  return execSync(`git config user.name ${process.env.GIT_USER}`);
}
