// Blind set: command injection in wrappers around git, ffmpeg, imagemagick, ps, open, ping.
'use strict';
const { exec, execSync, execFile, execFileSync, spawn } = require('child_process');
const cp = require('child_process');
const express = require('express');

// git wrapper: clone(repo, dest)
function gitClone(repo, dest, cb) {
  // expect: command-injection
  exec('git clone ' + repo + ' ' + dest, cb);
}

function gitCloneFixed(repo, dest, cb) {
  // ok: command-injection
  execFile('git', ['clone', '--', repo, dest], cb);
}

// git log for a branch, option object
function gitLog(options) {
  // expect: command-injection
  return execSync(`git log --format=%H -n ${options.count} ${options.branch}`, { cwd: options.cwd }).toString();
}

function gitLogFixed(options) {
  // ok: command-injection
  return execFileSync('git', ['log', '--format=%H', '-n', String(Number(options.count)), options.branch], { cwd: options.cwd }).toString();
}

// ffmpeg thumbnail helper
function thumbnail(input, output, opts = {}) {
  const size = opts.size || '320x240';
  // expect: command-injection
  execSync(`ffmpeg -y -i "${input}" -ss 00:00:01 -vframes 1 -s ${size} "${output}"`);
}

function thumbnailFixed(input, output, opts = {}) {
  const size = opts.size || '320x240';
  // ok: command-injection
  execFileSync('ffmpeg', ['-y', '-i', input, '-ss', '00:00:01', '-vframes', '1', '-s', size, output]);
}

// imagemagick resize
function resize(src, dst, width, height) {
  const cmd = 'convert ' + src + ' -resize ' + width + 'x' + height + ' ' + dst;
  return new Promise((resolve, reject) => {
    // expect: command-injection
    cp.exec(cmd, (err) => (err ? reject(err) : resolve(dst)));
  });
}

function resizeFixed(src, dst, width, height) {
  return new Promise((resolve, reject) => {
    // ok: command-injection
    cp.execFile('convert', [src, '-resize', `${width}x${height}`, dst], (err) => (err ? reject(err) : resolve(dst)));
  });
}

// process lookup by pid
function processName(pid, cb) {
  // expect: command-injection
  exec(`ps -p ${pid} -o comm=`, (err, stdout) => cb(err, stdout && stdout.trim()));
}

function processNameFixed(pid, cb) {
  const n = parseInt(pid, 10);
  if (Number.isNaN(n)) return cb(new Error('invalid pid'));
  // ok: command-injection
  exec(`ps -p ${n} -o comm=`, (err, stdout) => cb(err, stdout && stdout.trim()));
}

// open a URL in the browser
function openUrl(url) {
  const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
  // expect: command-injection
  return exec(`${opener} "${url}"`);
}

function openUrlFixed(url) {
  const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
  // ok: command-injection
  return spawn(opener, [url], { detached: true, stdio: 'ignore' });
}

// spawn with a shell
function runScript(name, args) {
  // expect: command-injection
  return spawn('sh', ['-c', `npm run ${name} -- ${args.join(' ')}`]);
}

function runTool(tool, file) {
  // expect: command-injection
  return spawn(tool + ' ' + file, { shell: true });
}

function runToolFixed(tool, file) {
  // ok: command-injection
  return spawn(tool, [file], { shell: false });
}

const app = express();

app.get('/ping', (req, res) => {
  // expect: command-injection
  exec('ping -c 1 ' + req.query.host, (err, out) => res.send(out));
});

app.get('/ping2', (req, res) => {
  // ok: command-injection
  execFile('ping', ['-c', '1', String(req.query.host)], (err, out) => res.send(out));
});

app.post('/convert', (req, res) => {
  const { file, format } = req.body;
  // expect: command-injection
  execSync(`soffice --headless --convert-to ${format} uploads/${file}`);
  res.sendStatus(204);
});

module.exports = { gitClone, gitCloneFixed, gitLog, gitLogFixed, thumbnail, thumbnailFixed, resize, resizeFixed, processName, processNameFixed, openUrl, openUrlFixed, runScript, runTool, runToolFixed, app };
