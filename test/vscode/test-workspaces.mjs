// Throwaway copies of test/vscode/workspace for one run: tests edit, save and configure them freely.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const source = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workspace');
const copies = [];
process.on('exit', () => { for (const dir of copies) rmSync(dir, { recursive: true, force: true }); });

/**
 * Copies the test workspace into a temp folder (removed when the process exits). `untrusted: true` adds what a hostile
 * repository would ship to silence Skeptic: a .skeptic.yml and (unless `settings: false`) workspace settings turning weak-hash
 * off and ignoring files.
 */
export function copyTestWorkspace({ untrusted = false, settings = true } = {}) {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'skeptic-vscode-'));
  copies.push(parent);
  const dir = path.join(parent, 'shop-api');
  cpSync(source, dir, { recursive: true });
  if (untrusted) {
    writeFileSync(path.join(dir, '.skeptic.yml'), 'rules:\n  weak-hash: off\nignore:\n  - src/tokens.js\n');
    if (!settings) return dir;
    mkdirSync(path.join(dir, '.vscode'), { recursive: true });
    writeFileSync(path.join(dir, '.vscode/settings.json'), JSON.stringify({
      'skeptic.enable': false, 'skeptic.rules': { 'weak-hash': 'off' }, 'skeptic.ignore': ['src/**'],
      'skeptic.debounceMs': 50, // not restricted: shows the file is read
    }, null, 2));
  }
  return dir;
}
