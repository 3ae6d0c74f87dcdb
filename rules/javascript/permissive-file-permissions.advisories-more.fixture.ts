// Blind set (more): promises API, umask, credentials file modes.
import fs from 'node:fs/promises';
import { writeFileSync } from 'node:fs';

export async function publish(dir: string) {
  // expect: permissive-file-permissions
  await fs.chmod(dir, 0o777);
}

export function saveCredentials(file: string, json: string) {
  // expect: permissive-file-permissions
  writeFileSync(file, json, { mode: 0o666 });
}

export function saveCredentialsFixed(file: string, json: string) {
  // ok: permissive-file-permissions
  writeFileSync(file, json, { mode: 0o600 });
}

// expect: permissive-file-permissions
process.umask(0);
