// Checking many files on every core: worker threads running this same bundle, each given an interleaved share
// of the file list. Results come back with their index so the output keeps the command line's order.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

type Outcome<Result> = { index: number; result: Result };

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

export function workerCount(files: number): number {
  if (files < PARALLEL_THRESHOLD) return 0;
  return Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(files / 100)));
}

export function isPoolWorker(): boolean {
  return !isMainThread && (workerData as { govReportWorker?: boolean } | undefined)?.govReportWorker === true;
}

export interface Pool<Options, Result> {
  /** Hands each thread an interleaved share of `files` and gathers the results in the files' order. */
  run(files: readonly string[], options: Options): Promise<Result[]>;
  terminate(): Promise<void>;
}

/**
 * Worker threads started from `script` (this bundle) before the files are known: a thread takes ~25 ms to start,
 * which overlaps the walk of the folders.
 */
export function startPool<Options, Result>(script: string, count: number): Pool<Options, Result> {
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: { govReportWorker: true } }));
  return {
    async terminate() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
    run(files, options) {
      const results = new Array<Result>(files.length);
      return Promise.all(workers.map((worker, k) => new Promise<void>((resolve, reject) => {
        const indices: number[] = [];
        for (let i = k; i < files.length; i += count) indices.push(i);
        worker.on('message', (batch: Outcome<Result>[]) => {
          for (const o of batch) results[o.index] = o.result;
        });
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${k} exited with ${code}`))));
        worker.postMessage({ files: indices.map((i) => files[i]), indices, options });
      }))).then(() => results);
    },
  };
}

/** The worker side: waits for its share, checks it and posts results back in batches, then exits. */
export function serveWorker<Options, Result>(work: (file: string, options: Options) => Result): void {
  parentPort!.once('message', (data: { files: string[]; indices: number[]; options: Options }) => {
    let batch: Outcome<Result>[] = [];
    data.files.forEach((file, i) => {
      batch.push({ index: data.indices[i]!, result: work(file, data.options) });
      if (batch.length >= 256) {
        parentPort!.postMessage(batch);
        batch = [];
      }
    });
    if (batch.length > 0) parentPort!.postMessage(batch);
    // Nothing else keeps the thread alive once the port is closed: it exits with code 0.
    parentPort!.close();
  });
}
