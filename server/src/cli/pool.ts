// Checking many files on every core: worker threads running this same bundle, fed chunks of the file list as
// they finish the last. The main thread prepares each chunk's inputs (it reads and decodes the files) and the
// threads only check them; results come back with their chunk's start so the output keeps the files' order.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/** Below this many files, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

export function workerCount(files: number): number {
  if (files < PARALLEL_THRESHOLD) return 0;
  return Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(files / 100)));
}

export function isPoolWorker(): boolean {
  return !isMainThread && (workerData as { govReportWorker?: boolean } | undefined)?.govReportWorker === true;
}

export interface Pool<Input, Options, Result> {
  /**
   * Checks `files` on the threads, a chunk at a time, and hands the results to `take` in the files' order, a run
   * of them at a time, as soon as every file before them is done: the caller can format them while the threads
   * check the rest. `prepare` makes a file's input for the thread, on the main thread, as its chunk is sent.
   */
  run(files: readonly string[], options: Options, prepare: (file: string) => Input, take: (results: readonly Result[]) => void): Promise<void>;
  terminate(): Promise<void>;
}

/**
 * Files per message. A thread asks for the next chunk by sending its results, and always has one more queued:
 * threads that finish early take more (a folder's reports are of very different sizes), and at the end no
 * thread waits for another by more than one chunk (~10 ms).
 */
const CHUNK = 64;

interface Chunk<Input, Options> {
  readonly start: number;
  readonly inputs: readonly Input[];
  readonly options: Options;
}

interface Done<Result> {
  readonly start: number;
  readonly results: Result[];
}

/**
 * Worker threads started from `script` (this bundle) before the files are known: a thread takes ~75 ms to start
 * (Node loads its own modules afresh in each), which overlaps the walk of the folders.
 */
export function startPool<Input, Options, Result>(script: string, count: number): Pool<Input, Options, Result> {
  startYoungGenerationFull();
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: { govReportWorker: true } }));
  return {
    async terminate() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
    run(files, options, prepare, take) {
      // Chunks come back in whatever order the threads finish them; each waits here until those before it are in.
      const waiting = new Map<number, Result[]>();
      let delivered = 0;
      let next = 0;
      const give = (worker: Worker) => {
        if (next >= files.length) {
          worker.postMessage(null); // no more: the thread exits once it has sent what it holds
          return;
        }
        const start = next;
        next = Math.min(files.length, next + CHUNK);
        const inputs: Input[] = [];
        for (let i = start; i < next; i++) inputs.push(prepare(files[i]!));
        worker.postMessage({ start, inputs, options } satisfies Chunk<Input, Options>);
      };
      const arrived = (done: Done<Result>) => {
        waiting.set(done.start, done.results);
        for (let results = waiting.get(delivered); results !== undefined; results = waiting.get(delivered)) {
          waiting.delete(delivered);
          delivered += results.length;
          take(results);
        }
      };
      return Promise.all(workers.map((worker, k) => new Promise<void>((resolve, reject) => {
        worker.on('message', (done: Done<Result>) => {
          give(worker); // the thread gets its next chunk before its results are taken in
          arrived(done);
        });
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${k} exited with ${code}`))));
        give(worker);
        give(worker);
      }))).then(() => undefined);
    },
  };
}

/**
 * Each worker's young generation starts at V8's default maximum (16 MB semi-spaces) instead of growing to it.
 * V8 grows the young generation only when many objects survive a scavenge, and a checker's objects die young (a
 * report's model is garbage once its diagnostics are taken): it stayed at a few MB, and each worker scavenged ~127
 * times over 5,000 reports (~170 ms; node --trace-gc). Started at 16 MB: ~60 times, ~75 ms, and the same peak RSS
 * (~175 MB); 3–4% less CPU for the whole run. Workers take no V8 options of their own (resourceLimits sets only a
 * maximum), so the flag is set for the process before they start; V8 reads it when it creates an isolate's heap,
 * and the main thread's heap, already made, is untouched.
 */
function startYoungGenerationFull(): void {
  try {
    setFlagsFromString('--min-semi-space-size=16');
  } catch {
    // an optimisation only
  }
}

/** The worker side: checks each chunk it is sent and sends the results back; `null` means no more. */
export function serveWorker<Input, Options, Result>(work: (input: Input, options: Options) => Result): void {
  parentPort!.on('message', (chunk: Chunk<Input, Options> | null) => {
    if (chunk === null) {
      // Messages arrive in order: every chunk sent before this one has been checked and answered. Closing the
      // port lets the thread exit (a second `null`, for the other queued request, is never delivered).
      parentPort!.close();
      return;
    }
    const results: Result[] = [];
    for (const input of chunk.inputs) results.push(work(input, chunk.options));
    parentPort!.postMessage({ start: chunk.start, results } satisfies Done<Result>);
  });
}
