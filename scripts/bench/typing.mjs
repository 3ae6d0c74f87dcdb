// Shared by the scan benches: a typist editing a small open document while the server works, and percentiles of what it measured.

/**
 * Returns `type(going, latencies)`: while `going()`, every `intervalMs` it flips the document's hash algorithm between
 * md5 and sha1 (the document must hold `'md5'` once) and pushes that edit's didChange → diagnostics time (ms).
 */
export function createTypist(client, uri, intervalMs) {
  let algorithm = 'md5';
  return async (going, latencies) => {
    while (going()) {
      await new Promise((r) => setTimeout(r, intervalMs));
      const next = algorithm === 'md5' ? 'sha1' : 'md5';
      const started = process.hrtime.bigint();
      const version = await client.replace(uri, `'${algorithm}'`, `'${next}'`);
      algorithm = next;
      // A long wait is what is measured here, not a failure.
      await client.waitFor(`diagnostics of v${version}`, () => client.published.find((p) => p.uri === uri && p.version === version), 300_000);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
}

/**
 * Opens a small document at `uri` (holding `'md5'` once), makes `idleEdits` edits, then runs `work()` while editing
 * every `intervalMs`: the edit latencies before and during it (on a shared machine the difference is what the work costs typing).
 */
export async function typeAround(client, uri, text, { intervalMs, idleEdits }, work) {
  await client.open(uri, text);
  await client.diagnosticsFor(uri, 1);
  const edit = createTypist(client, uri, intervalMs);
  const idle = [];
  await edit(() => idle.length < idleEdits, idle);
  const during = [];
  let working = true;
  const typing = edit(() => working, during);
  try {
    return { value: await work(), idle, during };
  } finally {
    working = false;
    await typing;
  }
}

export function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { count: sorted.length, p50: at(50), p95: at(95), max: sorted.at(-1) ?? NaN };
}
