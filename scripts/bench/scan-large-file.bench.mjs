// Edits while the language server's workspace scan meets one large file (~900 KB, ~27,000 lines) among small ones:
// didChange → diagnostics of a small open document, every 100 ms, before and during the scan.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { percentiles, typeAround } from './typing.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const log = (message) => process.stderr.write(`scan-large-file: ${message}\n`);

/** A route handler; one in 500 hashes with MD5 (a finding), the rest with SHA-256. */
const handler = (i) => `function handler${i}(req, res) {\n  const id = req.query.id;\n  const h = require('crypto').createHash('${i % 500 === 0 ? 'md5' : 'sha256'}').update(String(id)).digest('hex');\n  res.send(h + ${i});\n}\n`;

function buildFolder() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'skeptic-large-file-'));
  let big = '';
  for (let i = 0; big.length < 900 * 1024; i++) big += handler(i);
  fs.writeFileSync(path.join(folder, 'big.js'), big);
  for (let f = 0; f < 40; f++) fs.writeFileSync(path.join(folder, `small${f}.js`), Array.from({ length: 20 }, (_, i) => handler(f * 20 + i)).join(''));
  return { folder, bigBytes: big.length, bigLines: big.split('\n').length - 1 };
}

async function main() {
  if (!fs.existsSync(path.join(root, 'out', 'test', 'lsp', 'lsp-client.js'))) {
    log('out/ is missing: building');
    if (spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);
  }
  const { LspClient } = require(path.join(root, 'out', 'test', 'lsp', 'lsp-client.js'));
  const { folder, bigBytes, bigLines } = buildFolder();
  const client = await LspClient.start({ folder, settings: { debounceMs: 0 } });
  try {
    const uri = pathToFileURL(path.join(os.tmpdir(), 'skeptic-bench-large-file-typing.js')).toString();
    const text = "const crypto = require('crypto');\nfunction h(p) { return crypto.createHash('md5').update(p).digest('hex'); }\n";
    const started = process.hrtime.bigint();
    const { value: result, idle, during } = await typeAround(client, uri, text, { intervalMs: 100, idleEdits: 20 }, () => client.request('skeptic/scanWorkspace', {}));
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    const onWorker = client.logs.filter((l) => /analysed on the worker thread/.test(l)).length;
    const [before, scan] = [percentiles(idle), percentiles(during)];
    const fmt = (n) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
    console.log([
      '## Edits during a workspace scan with one large file',
      '',
      `${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${process.version}; load ${os.loadavg()[0].toFixed(1)} at the end.`,
      `Folder: big.js (${fmt(bigBytes / 1024)} KB, ${fmt(bigLines)} lines) and 40 small files; scan ${wall.toFixed(1)} s, ${result.findings} findings, ${onWorker} file(s) analysed on the worker thread.`,
      '',
      '| edits, didChange → diagnostics | count | p50 ms | p95 ms | max ms |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| before the scan | ${before.count} | ${fmt(before.p50)} | ${fmt(before.p95)} | ${fmt(before.max)} |`,
      `| during the scan | ${scan.count} | ${fmt(scan.p50)} | ${fmt(scan.p95)} | ${fmt(scan.max)} |`,
    ].join('\n'));
  } finally {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});
