// Checking many files on every core: worker threads running this same bundle, each given an interleaved share
// of the file list. Results come back with their index so the output keeps the command line's order.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

export interface Job<Options> {
  readonly files: readonly string[];
  readonly options: Options;
}

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

/** Runs `work` over `files` on `count` worker threads started from `script` (this bundle). */
export async function runPool<Options, Result>(script: string, files: readonly string[], options: Options, count: number): Promise<Result[]> {
  const results = new Array<Result>(files.length);
  await Promise.all(Array.from({ length: count }, (_unused, k) => new Promise<void>((resolve, reject) => {
    const indices: number[] = [];
    for (let i = k; i < files.length; i += count) indices.push(i);
    const worker = new Worker(script, {
      workerData: { govReportWorker: true, files: indices.map((i) => files[i]), indices, options },
    });
    worker.on('message', (batch: Outcome<Result>[]) => {
      for (const o of batch) results[o.index] = o.result;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${k} exited with ${code}`))));
  })));
  return results;
}

/** The worker side: checks its share and posts results back in batches. */
export function serveWorker<Options, Result>(work: (file: string, options: Options) => Result): void {
  const data = workerData as { files: string[]; indices: number[]; options: Options };
  let batch: Outcome<Result>[] = [];
  data.files.forEach((file, i) => {
    batch.push({ index: data.indices[i]!, result: work(file, data.options) });
    if (batch.length >= 256) {
      parentPort!.postMessage(batch);
      batch = [];
    }
  });
  if (batch.length > 0) parentPort!.postMessage(batch);
}
