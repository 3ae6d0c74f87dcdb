// Owns scanning many files, in-process or across worker threads, with results in file order whatever the thread count.
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createAnalyzer, createHeapGuard, DependencyIndex, scanFile, type AnalysisOptions, type Finding } from '../engine';

export interface ScanTask {
  readonly file: string;
  readonly display: string;
}

/** A file's outcome as it crosses threads: plain data, rule failures already rendered as text. */
export type ScanResult =
  | { readonly kind: 'analysed'; readonly path: string; readonly text: string; readonly findings: readonly Finding[]; readonly failures: readonly { ruleId: string; error: string }[] }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: string }
  | undefined;

export const defaultJobs = (): number => (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length) || 1;

/**
 * Scans `tasks` with `jobs` threads (1: this thread) and returns one result per task, in task order. Each worker loads
 * the engine once and takes the next file when it finishes one, so a large file does not hold up a fixed share.
 */
export async function scanAll(tasks: readonly ScanTask[], options: AnalysisOptions, jobs: number, onDone?: (done: number) => void): Promise<ScanResult[]> {
  const results: ScanResult[] = new Array(tasks.length);
  const workers = Math.min(jobs, tasks.length);
  if (workers <= 1) {
    const scan = createScanner(options);
    for (let i = 0; i < tasks.length; i++) {
      results[i] = await scan(tasks[i]);
      onDone?.(i + 1);
    }
    return results;
  }
  let next = 0;
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    const pool: Worker[] = [];
    const retired = new Set<Worker>();
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      for (const w of pool) void w.terminate();
      reject(error);
    };
    const feed = (worker: Worker): void => {
      if (next < tasks.length) { worker.postMessage({ index: next, task: tasks[next] }); next++; return; }
      retired.add(worker);
      void worker.terminate();
    };
    for (let w = 0; w < workers; w++) {
      // The running script is the CLI bundle (or this module unbundled); the flag in workerData makes it a worker.
      const worker = new Worker(__filename, { workerData: { skepticScanWorker: true, options } });
      pool.push(worker);
      worker.on('message', (message: { index: number; result?: ScanResult; error?: string }) => {
        if (message.error !== undefined) { fail(new Error(message.error)); return; }
        results[message.index] = message.result;
        done++; // not inside `onDone?.(...)`: an absent callback would skip the increment
        onDone?.(done);
        feed(worker);
        if (done === tasks.length) resolve();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => { if (!retired.has(worker)) fail(new Error(`a scan worker exited with code ${code}`)); });
      feed(worker);
    }
  });
  return results;
}

function createScanner(options: AnalysisOptions): (task: ScanTask) => Promise<ScanResult> {
  const analyzer = createAnalyzer(options);
  const dependencies = new DependencyIndex();
  const guardHeap = createHeapGuard();
  return async ({ file, display }) => {
    const outcome = await scanFile(file, display, analyzer, (absolute, language) => dependencies.projectOf(absolute, language)?.facts);
    guardHeap();
    if (!outcome || outcome.kind === 'skipped') return outcome;
    return {
      kind: 'analysed',
      path: outcome.path,
      text: outcome.text,
      findings: outcome.result.findings,
      failures: outcome.result.failures.map((f) => ({ ruleId: f.ruleId, error: String((f.error as Error)?.stack ?? f.error) })),
    };
  };
}

function serveAsWorker(): void {
  const scan = createScanner((workerData as { options: AnalysisOptions }).options);
  // One file at a time: the main thread sends the next only after this one's answer.
  parentPort!.on('message', ({ index, task }: { index: number; task: ScanTask }) => {
    scan(task).then(
      (result) => parentPort!.postMessage({ index, result }),
      (error) => parentPort!.postMessage({ index, error: `${task.display}: ${(error as Error)?.stack ?? String(error)}` }),
    );
  });
}

if (!isMainThread && (workerData as { skepticScanWorker?: boolean } | null)?.skepticScanWorker) serveAsWorker();
