// What the suite's tests wait for inside the extension host: Skeptic's diagnostics, open editors and the server process.
const fs = require('fs');
const vscode = require('vscode');

const EXTENSION_ID = 'skeptic-dev.skeptic-ai';

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a truthy value and returns that value; fails with `what` after `timeoutMs`. */
async function waitFor(what, check, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

function fileUri(relativePath) {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, relativePath);
}

function ruleIdOf(diagnostic) {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** Skeptic's findings for a document, optionally of one rule. */
function findingsOf(uri, ruleId) {
  return vscode.languages.getDiagnostics(uri)
    .filter((d) => d.source === 'skeptic' && d.code !== undefined && (!ruleId || ruleIdOf(d) === ruleId));
}

function describe(diagnostics) {
  return JSON.stringify(diagnostics.map((d) => `${ruleIdOf(d)}@${d.range.start.line}:${d.range.start.character}`));
}

/** Waits until the document has a finding of `ruleId` starting on `line` (0-based) and returns it. */
function waitForFinding(uri, ruleId, line) {
  return waitFor(`${ruleId} on line ${line + 1} of ${uri.path} (now ${describe(findingsOf(uri))})`,
    () => findingsOf(uri, ruleId).find((d) => d.range.start.line === line));
}

/** Waits until the document has no finding of `ruleId`. */
function waitForNoFinding(uri, ruleId) {
  return waitFor(`no ${ruleId} in ${uri.path} (now ${describe(findingsOf(uri))})`, () => findingsOf(uri, ruleId).length === 0);
}

/** Opens a workspace file in an editor and waits until the extension host sees that editor as the active one. */
async function openFile(relativePath) {
  const document = await vscode.workspace.openTextDocument(fileUri(relativePath));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await waitFor(`${relativePath} as the active editor`, () => vscode.window.activeTextEditor?.document === document);
  return editor;
}

/** Throws away unsaved edits of a document (the workspace is a throwaway copy, but later tests read the original text). */
async function revert(document) {
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(`${document.uri.path} reverted`, () => !document.isDirty);
}

async function activeExtension() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  await waitFor(`${EXTENSION_ID} to activate`, () => extension.isActive);
  return extension;
}

/** Whether this platform lets the suite see the server process (Linux through /proc, macOS through ps). */
const canSeeProcesses = process.platform === 'linux' || process.platform === 'darwin';

/** Pids of the Skeptic servers this extension host started (vscode-languageclient passes --clientProcessId). */
function serverPids() {
  const isOurs = (args) => args.some((a) => a.endsWith('dist/server.js')) && args.includes(`--clientProcessId=${process.pid}`);
  if (process.platform === 'darwin') {
    const out = require('child_process').execFileSync('ps', ['-axww', '-o', 'pid=,state=,args='], { encoding: 'utf8' });
    return out.split('\n').map((l) => l.trim().split(/\s+/)).filter((f) => f.length > 2 && !f[1].startsWith('Z') && isOurs(f.slice(2)))
      .map((f) => Number(f[0]));
  }
  const pids = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let cmdline;
    try { cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0'); } catch { continue; }
    if (isOurs(cmdline) && isAlive(name)) pids.push(Number(name));
  }
  return pids;
}

function isAlive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch { return false; }
}

/** Waits for exactly one running server other than `previous` and returns its pid. */
function waitForNewServer(previous) {
  return waitFor(`a Skeptic server other than ${previous}`, () => {
    const pids = serverPids().filter((p) => p !== previous);
    return pids.length === 1 ? pids[0] : undefined;
  });
}

module.exports = {
  EXTENSION_ID, sleep, waitFor, fileUri, ruleIdOf, findingsOf, waitForFinding, waitForNoFinding, openFile, revert,
  activeExtension, canSeeProcesses, serverPids, waitForNewServer,
};
