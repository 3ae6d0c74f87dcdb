// Real-world shapes for permissive-file-permissions: world-writable modes in installers, CLIs and upload handlers, and their fixes.
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

function saveUpload(dir, name, data) {
  // expect: permissive-file-permissions
  fs.mkdirSync(dir, { recursive: true, mode: 0o777 });
  // expect: permissive-file-permissions
  fs.writeFileSync(path.join(dir, name), data, { mode: 0o666 });
}

function saveUploadFixed(dir, name, data) {
  // ok: permissive-file-permissions
  fs.mkdirSync(dir, { recursive: true, mode: 0o750 });
  // ok: permissive-file-permissions
  fs.writeFileSync(path.join(dir, name), data, { mode: 0o640 });
}

function installHook(hookPath, script) {
  fs.writeFileSync(hookPath, script);
  // expect: permissive-file-permissions
  fs.chmodSync(hookPath, '777');
}

function installHookFixed(hookPath, script) {
  fs.writeFileSync(hookPath, script);
  // ok: permissive-file-permissions
  fs.chmodSync(hookPath, 0o755);
}

async function writeCredentials(file, json) {
  // expect: permissive-file-permissions
  await fs.promises.writeFile(file, json, { mode: 0o644 });
}

async function writeCredentialsFixed(file, json) {
  // ok: permissive-file-permissions
  await fs.promises.writeFile(file, json, { mode: 0o600 });
}

function openSocketDir(dir) {
  // expect: permissive-file-permissions, command-injection
  execSync(`chmod -R 777 ${JSON.stringify(dir)}`);
}

function fixCache(cacheDir) {
  // expect: permissive-file-permissions
  fs.chmod(cacheDir, 0o777, () => {});
}

function makeExecutable(binPath) {
  // ok: permissive-file-permissions
  fs.chmodSync(binPath, 0o755);
}

// Credentials written with the default mode (0o666 minus umask: readable by every local user).
function saveCredentials(configDir, credentials) {
  // expect: permissive-file-permissions
  fs.writeFileSync(path.join(configDir, 'credentials.json'), JSON.stringify(credentials));
}

function saveCredentialsFixed(configDir, credentials) {
  // ok: permissive-file-permissions
  fs.writeFileSync(path.join(configDir, 'credentials.json'), JSON.stringify(credentials), { mode: 0o600 });
}

function saveKey(keyPath, privateKeyPem) {
  // expect: permissive-file-permissions
  fs.writeFileSync(keyPath, privateKeyPem);
}

function saveReport(reportPath, html) {
  // ok: permissive-file-permissions
  fs.writeFileSync(reportPath, html);
}

// Not keys: a lexer's token list, an ordinary config file.
function writeLexerTokens(tokensPath, tokens) {
  // ok: permissive-file-permissions
  fs.writeFileSync(tokensPath, tokens.join('\n'));
}

function saveConfig(configPath, config) {
  // ok: permissive-file-permissions
  fs.writeFileSync(configPath, JSON.stringify(config, null, 2));
}

module.exports = { saveUpload, saveUploadFixed, installHook, installHookFixed, writeCredentials, writeCredentialsFixed, openSocketDir, fixCache, makeExecutable };
