// Blind set (more wrappers): system info, disk, network interface, image identify, Windows start.
'use strict';
const childProcess = require('child_process');
const util = require('util');

function sanitizeShellString(str) {
  return String(str).replace(/[^a-zA-Z0-9_\-./]/g, '');
}

// network interface info
function interfaceMac(iface, callback) {
  // expect: command-injection
  childProcess.exec('cat /sys/class/net/' + iface + '/address', function (err, stdout) {
    callback(err, stdout && stdout.trim());
  });
}

function interfaceMacFixed(iface, callback) {
  const safe = sanitizeShellString(iface);
  // ok: command-injection
  childProcess.exec('cat /sys/class/net/' + safe + '/address', function (err, stdout) {
    callback(err, stdout && stdout.trim());
  });
}

// df wrapper with an options object
function diskFree(options, callback) {
  const file = options.file || '';
  // expect: command-injection
  const cmd = util.format('df -kP %s', file);
  // todo-expect: command-injection
  childProcess.exec(cmd, function (err, stdout) {
    callback(err, stdout);
  });
}

function diskFreeFixed(options, callback) {
  const args = ['-kP'];
  if (options.file) args.push(options.file);
  // ok: command-injection
  childProcess.execFile('df', args, function (err, stdout) {
    callback(err, stdout);
  });
}

// image size via identify
function imageSize(file) {
  // expect: command-injection
  const out = childProcess.execSync('identify -format "%wx%h" ' + file).toString();
  const [w, h] = out.split('x').map(Number);
  return { width: w, height: h };
}

function imageSizeFixed(file) {
  // ok: command-injection
  const out = childProcess.execFileSync('identify', ['-format', '%wx%h', file]).toString();
  const [w, h] = out.split('x').map(Number);
  return { width: w, height: h };
}

// generic git runner: args joined into one string
function git(args, cwd) {
  // expect: command-injection
  return childProcess.execSync('git ' + args.join(' '), { cwd, encoding: 'utf8' });
}

function gitFixed(args, cwd) {
  // ok: command-injection
  return childProcess.execFileSync('git', args, { cwd, encoding: 'utf8' });
}

// windows open
function openWindows(target) {
  // expect: command-injection
  childProcess.exec('start "" "' + target + '"');
}

// process memory via ps on a pid list
function pidStats(pids, cb) {
  const list = pids.join(',');
  // expect: command-injection
  childProcess.exec('ps -o pcpu,rss -p ' + list, cb);
}

function pidStatsFixed(pids, cb) {
  const list = pids.map((p) => parseInt(p, 10)).filter(Number.isFinite).join(',');
  // ok: command-injection
  childProcess.exec('ps -o pcpu,rss -p ' + list, cb);
}

// command string prepared by a helper
function buildCommand(input, output, bitrate) {
  return `ffmpeg -i ${input} -b:a ${bitrate} ${output}`;
}

function transcode(input, output, bitrate) {
  // expect: command-injection
  return childProcess.execSync(buildCommand(input, output, bitrate));
}

// spawnSync with shell true and joined args
function lint(files) {
  // expect: command-injection
  return childProcess.spawnSync('eslint ' + files.join(' '), { shell: true, stdio: 'inherit' });
}

function lintFixed(files) {
  // ok: command-injection
  return childProcess.spawnSync('eslint', files, { stdio: 'inherit' });
}

module.exports = { interfaceMac, interfaceMacFixed, diskFree, diskFreeFixed, imageSize, imageSizeFixed, git, gitFixed, openWindows, pidStats, pidStatsFixed, transcode, lint, lintFixed };
