// Runs the same extension-host suite in desktop VS Code with @vscode/test-electron (`npm run test:desktop`). It downloads
// VS Code, so it needs the internet; where there is none (CI here), `npm run test:vscode` runs the suite in code-server.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { copyTestWorkspace } from './test-workspaces.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const downloadHost = 'https://update.code.visualstudio.com';

/** Fails fast, with a clear message, where VS Code cannot be downloaded (test-electron would retry for minutes). */
async function canReachDownloads() {
  try {
    await fetch(`${downloadHost}/api/releases/stable`, { signal: AbortSignal.timeout(10000) });
    return true;
  } catch (error) {
    console.error(`test:desktop: cannot reach ${downloadHost} to download VS Code (${error.cause?.code ?? error.message}).`);
    console.error('test:desktop: this machine has no route to it; run this on a desktop with internet access.');
    console.error('test:desktop: the same suite runs here in code-server with `npm run test:vscode` (also part of `npm test`).');
    return false;
  }
}

if (!(await canReachDownloads())) process.exit(2);
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(here, 'suite/index.js'),
    launchArgs: [copyTestWorkspace(), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  console.log('test:desktop: the suite passed in desktop VS Code');
} catch (error) {
  console.error(`test:desktop: ${error?.message ?? error}`);
  process.exit(1);
}
