// Owns scanning many files, in-process or across worker threads, with results in file order whatever the thread count.
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  createAnalyzer, createHeapGuard, DependencyIndex, PackageChecks, scanFile, type AnalysisOptions, type CacheEntry, type Finding, type PackageCheckSettings,
  type PackageQuestion,
} from '../engine';

export interface ScanTask {
  readonly file: string;
  readonly display: string;
}

/** A file's outcome as it crosses threads: plain data, rule failures already rendered as text. */
export type ScanResult =
  | {
    readonly kind: 'analysed'; readonly path: string; readonly lines: number; readonly findings: readonly Finding[]; readonly failures: readonly { ruleId: string; error: string }[];
    /** The file's text, for fingerprints; empty when it has no finding (thousands of texts nobody reads would cross threads and stay). */
    readonly text: string;
    /** Networked checks' questions the answers given did not cover (asked by the main thread, then the file is scanned again). */
    readonly questions?: readonly PackageQuestion[];
  }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: string }
  | undefined;

/** The networked checks for a scan: what the user allowed, and the answers known so far (threads cannot share the cache). */
export interface PackageAnswers {
  readonly settings: PackageCheckSettings;
  readonly answers: readonly (readonly [string, CacheEntry])[];
}

export const defaultJobs = (): number => (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length) || 1;

/**
 * Scans `tasks` with `jobs` threads (1: this thread) and returns one result per task, in task order. Each worker loads
 * the engine once and takes the next file when it finishes one, so a large file does not hold up a fixed share.
 */
export async function scanAll(
  tasks: readonly ScanTask[], options: AnalysisOptions, jobs: number, onDone?: (done: number) => void, packages?: PackageAnswers,
): Promise<ScanResult[]> {
  const results: ScanResult[] = new Array(tasks.length);
  const workers = Math.min(jobs, tasks.length);
  if (workers <= 1) {
    const scan = createScanner(options, packages);
    for (let i = 0; i < tasks.length; i++) {
      results[i] = await scan(tasks[i]);
      onDone?.(i + 1);
    }
    return results;
  }
  let next = 0;
  let done = 0;
  // Results arrive as copies: the garbage of receiving them is collected here as the workers' own is there.
  const guardHeap = createHeapGuard();
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
      // A small young generation: each worker's nursery counts in the process's peak (a 500,000-line scan with two
      // workers peaked at ~300 MB with V8's default, ~265 MB with 8 MB, for the same CPU time).
      const worker = new Worker(__filename, { workerData: { skepticScanWorker: true, options, packages }, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      pool.push(worker);
      worker.on('message', (message: { index: number; result?: ScanResult; error?: string }) => {
        if (message.error !== undefined) { fail(new Error(message.error)); return; }
        results[message.index] = message.result;
        guardHeap();
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

/**
 * A scanning thread's heap is collected past this many MB in use: with two workers and the main thread holding the
 * results, 64 MB kept a 500,000-line scan at ~325 MB peak RSS, 48 MB at ~295 MB (measured, workspace-scan bench).
 */
const scannerHeapFloorMb = 32;

/** Lines as `wc -l` and people count them: a final newline ends the last line rather than starting another. */
export function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return text.length > 0 && !text.endsWith('\n') ? count + 1 : count;
}

function createScanner(options: AnalysisOptions, packages?: PackageAnswers): (task: ScanTask) => Promise<ScanResult> {
  const analyzer = createAnalyzer(options);
  const dependencies = new DependencyIndex({ fixed: true });
  const guardHeap = createHeapGuard(scannerHeapFloorMb);
  // Answers only: this thread never asks the network, it hands its questions back with the file's result.
  const checks = packages && new PackageChecks({ answers: packages.answers });
  const intel = checks?.intel(packages!.settings);
  return async ({ file, display }) => {
    const outcome = await scanFile(file, display, analyzer, (absolute, language) => dependencies.projectOf(absolute, language)?.facts, intel);
    guardHeap();
    const questions = checks?.takeQueued() ?? [];
    if (!outcome || outcome.kind === 'skipped') return outcome;
    return {
      ...(questions.length ? { questions } : {}),
      kind: 'analysed',
      path: outcome.path,
      lines: countLines(outcome.text),
      text: outcome.result.findings.length ? outcome.text : '',
      findings: outcome.result.findings,
      failures: outcome.result.failures.map((f) => ({ ruleId: f.ruleId, error: String((f.error as Error)?.stack ?? f.error) })),
    };
  };
}

function serveAsWorker(): void {
  const { options, packages } = workerData as { options: AnalysisOptions; packages?: PackageAnswers };
  const scan = createScanner(options, packages);
  // One file at a time: the main thread sends the next only after this one's answer.
  parentPort!.on('message', ({ index, task }: { index: number; task: ScanTask }) => {
    scan(task).then(
      (result) => parentPort!.postMessage({ index, result }),
      (error) => parentPort!.postMessage({ index, error: `${task.display}: ${(error as Error)?.stack ?? String(error)}` }),
    );
  });
}

if (!isMainThread && (workerData as { skepticScanWorker?: boolean } | null)?.skepticScanWorker) serveAsWorker();
