// Runs every scripts/bench/*.bench.mjs in turn, passing the arguments through; each prints its own markdown results.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benches = fs.readdirSync(here).filter((f) => f.endsWith('.bench.mjs')).sort();
const failed = [];
for (const bench of benches) {
  console.log(`\n<!-- ${bench} -->`);
  const r = spawnSync(process.execPath, [path.join(here, bench), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed.push(`${bench} (exit ${r.status ?? r.signal})`);
}
if (failed.length) {
  console.error(`\nbench: failed: ${failed.join(', ')}`);
  process.exit(1);
}
