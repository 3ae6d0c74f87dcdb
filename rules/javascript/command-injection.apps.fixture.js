'use strict';
// lib/tools.js: wrappers around git, ffmpeg, imagemagick, ping and ps, and an Express "network tools" page.
const { exec, execSync, spawn, execFile, execFileSync } = require('child_process');
const express = require('express');
const app = express();

// Vulnerable: git clone with the repository URL from the caller.
function clone(repoUrl, dest, cb) {
  // expect: command-injection
  exec(`git clone ${repoUrl} ${dest}`, cb);
}

// Fixed: argument array, and "--" before the URL.
function cloneSafe(repoUrl, dest, cb) {
  // ok: command-injection
  execFile('git', ['clone', '--', repoUrl, dest], cb);
}

// Vulnerable: ffmpeg thumbnail from option fields.
function thumbnail(input, opts) {
  const size = opts.size || '320x240';
  // expect: command-injection
  return execSync('ffmpeg -i "' + input + '" -ss 00:00:01 -s ' + size + ' -frames:v 1 ' + opts.output);
}

// Fixed.
function thumbnailSafe(input, opts) {
  const size = opts.size || '320x240';
  // ok: command-injection
  return execFileSync('ffmpeg', ['-i', input, '-ss', '00:00:01', '-s', size, '-frames:v', '1', opts.output]);
}

// Vulnerable: imagemagick resize.
function resize(file, width, height) {
  // expect: command-injection
  const cmd = `convert ${file} -resize ${width}x${height} ${file}.thumb.png`;
  return execSync(cmd).toString();
}

// Vulnerable: ps lookup of a process by name (ps-node style).
function findProcess(name, callback) {
  // expect: command-injection
  exec('ps aux | grep ' + name, function (err, stdout) {
    callback(err, stdout);
  });
}

// Fixed: no shell, filter in JS.
function findProcessSafe(name, callback) {
  // ok: command-injection
  execFile('ps', ['aux'], function (err, stdout) {
    callback(err, stdout.split('\n').filter((l) => l.includes(name)));
  });
}

// Vulnerable: the classic ping page of a training app.
app.post('/tools/ping', (req, res) => {
  const host = req.body.host;
  // expect: command-injection
  exec('ping -c 3 ' + host, (err, stdout, stderr) => {
    res.send('<pre>' + stdout + '</pre>');
  });
});

// Fixed: validated host and argument array.
app.post('/tools/ping2', (req, res) => {
  const host = String(req.body.host);
  if (!/^[a-zA-Z0-9.-]+$/.test(host)) return res.status(400).send('bad host');
  // ok: command-injection
  execFile('ping', ['-c', '3', host], (err, stdout) => {
    res.type('text/plain').send(stdout);
  });
});

// Vulnerable: spawn with shell: true and a joined string.
app.get('/tools/lookup', (req, res) => {
  // expect: command-injection
  const child = spawn(`nslookup ${req.query.domain}`, { shell: true });
  child.stdout.pipe(res);
});

// Vulnerable: "open" helper of a CLI (opens a URL in the browser).
function openUrl(url) {
  const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
  // expect: command-injection
  execSync(opener + ' "' + url + '"');
}

// Fixed.
function openUrlSafe(url) {
  const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
  // ok: command-injection
  spawn(opener, [url], { detached: true, stdio: 'ignore' }).unref();
}

// Vulnerable: CLI entry reading the branch from argv.
if (require.main === module) {
  const branch = process.argv[2];
  // expect: command-injection
  execSync(`git checkout ${branch} && git pull`, { stdio: 'inherit' });
}

module.exports = { clone, cloneSafe, thumbnail, thumbnailSafe, resize, findProcess, findProcessSafe, openUrl, openUrlSafe, app };
