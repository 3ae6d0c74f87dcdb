// Owns analysing the workspace scan's large files on a worker thread: a file that takes seconds to analyse must not hold up the edits typed meanwhile.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createAnalyzer, createHeapGuard, DependencyIndex, scanFile, type AnalysisOptions, type FileOutcome, type RuleFailure } from '../engine';

/**
 * Files at least this large are analysed off the main thread. Measured on a ~900 KB, 28,000-line file: 4.7 s of CPU,
 * all of it one synchronous stretch on the event loop; a 128 KB file takes a few hundred milliseconds.
 */
export const largeFileBytes = 128 * 1024;
/** An idle worker is stopped after this long (its WASM heap, grown by large files, goes with it). */
const idleMs = 20_000;

/** A file's outcome as it crosses threads: `scanFile`'s, with rule failures rendered as text. */
export type WorkerOutcome = FileOutcome | undefined;

interface Request {
  readonly id: number;
  readonly file: string;
  readonly display: string;
  readonly root: string;
}

interface Reply {
  readonly id: number;
  readonly outcome?: WorkerOutcome;
  readonly error?: string;
}

/** One worker thread, started on first use with the options of the files it analyses, stopped when idle. */
export class ScanWorker {
  private worker: Worker | undefined;
  private optionsKey: string | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (outcome: WorkerOutcome) => void; reject: (error: Error) => void }>();
  private idleTimer: NodeJS.Timeout | undefined;

  /** @param script the running bundle (or this module unbundled), which serves as the worker when started with the flag below */
  constructor(private readonly script: string = __filename) {}

  /** Analyses one file on the worker; rejects when the worker fails (the caller may then analyse it itself). */
  scan(file: string, display: string, root: string, options: AnalysisOptions): Promise<WorkerOutcome> {
    const key = JSON.stringify(options);
    if (this.worker && key !== this.optionsKey) this.stop();
    const worker = this.worker ?? this.start(options, key);
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise<WorkerOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, file, display, root } satisfies Request);
    });
  }

  stop(): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.fail(new Error('the scan worker was stopped'));
    void worker?.terminate();
  }

  private start(options: AnalysisOptions, key: string): Worker {
    const worker = new Worker(this.script, { workerData: { skepticLspScanWorker: true, options } });
    // The server may exit while the worker is idle.
    worker.unref();
    worker.on('message', ({ id, outcome, error }: Reply) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error !== undefined) waiting?.reject(new Error(error)); else waiting?.resolve(outcome);
      if (this.pending.size === 0 && this.worker === worker) this.idleTimer = setTimeout(() => this.stop(), idleMs);
    });
    worker.on('error', (error) => { if (this.worker === worker) { this.worker = undefined; this.fail(error); } });
    worker.on('exit', (code) => { if (this.worker === worker) { this.worker = undefined; this.fail(new Error(`the scan worker exited with code ${code}`)); } });
    this.worker = worker;
    this.optionsKey = key;
    return worker;
  }

  private fail(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of waiting) reject(error);
  }
}

function serveAsWorker(): void {
  const { options } = workerData as { options: AnalysisOptions };
  const analyzer = createAnalyzer(options);
  const dependencies = new DependencyIndex();
  const guardHeap = createHeapGuard();
  parentPort!.on('message', ({ id, file, display, root }: Request) => {
    scanFile(file, display, analyzer, (absolute, language) => dependencies.projectOf(absolute, language, root)?.facts, undefined, true).then(
      (outcome) => {
        guardHeap();
        const failures = (outcome?.kind === 'analysed' ? outcome.result.failures : []).map((f): RuleFailure => ({ ruleId: f.ruleId, error: String((f.error as Error)?.stack ?? f.error) }));
        const sendable: WorkerOutcome = outcome?.kind === 'analysed' ? { ...outcome, result: { ...outcome.result, failures } } : outcome;
        parentPort!.postMessage({ id, outcome: sendable } satisfies Reply);
      },
      (error) => parentPort!.postMessage({ id, error: `${display}: ${(error as Error)?.stack ?? String(error)}` } satisfies Reply),
    );
  });
}

if (!isMainThread && (workerData as { skepticLspScanWorker?: boolean } | null)?.skepticLspScanWorker) serveAsWorker();
