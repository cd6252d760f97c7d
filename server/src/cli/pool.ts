// Checking many text files on every core: worker threads running this same bundle, fed chunks of the file list as
// they finish the last. The main thread prepares each chunk's inputs (it reads and decodes the files) and the
// threads only check them; results come back with their places in the file list, and the caller puts them in the
// files' order. (Published files are read and checked on the reader threads of node/published.ts, which hold
// each file to a deadline.)

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

export interface Pool<Input, Options> {
  /**
   * Sends a chunk of inputs (with their places in the file list) to a thread, and resolves once a thread has
   * taken it: each thread holds at most two chunks, the one it checks and the next, so that it never waits for
   * the main thread, and the main thread prepares (reads and decodes) no further ahead than that. The results come
   * back to the pool's `done` callback, with the same places, in whatever order the threads finish.
   */
  submit(indices: readonly number[], inputs: readonly Input[], options: Options): Promise<void>;
  /** Resolves when every chunk submitted has been answered; rejects when a thread died. */
  drain(): Promise<void>;
  terminate(): Promise<void>;
}

/**
 * Files per message. A thread asks for the next chunk by sending its results, and always has one more queued:
 * threads that finish early take more (a folder's reports are of very different sizes), and at the end no
 * thread waits for another by more than one chunk (~10 ms).
 */
export const CHUNK = 64;

interface Chunk<Input, Options> {
  readonly indices: readonly number[];
  readonly inputs: readonly Input[];
  readonly options: Options;
}

interface Done<Result> {
  readonly indices: readonly number[];
  readonly results: Result[];
}

/**
 * Worker threads started from `script` (this bundle) before the files are known: a thread takes ~75 ms to start
 * (Node loads its own modules afresh in each), which overlaps the walk of the folders. `done` gets each chunk's
 * results as they come back.
 */
export function startPool<Input, Options, Result>(script: string, count: number, done: (indices: readonly number[], results: readonly Result[]) => void): Pool<Input, Options> {
  startYoungGenerationFull();
  const workers = Array.from({ length: count }, () => ({ worker: new Worker(script, { workerData: { govReportWorker: true } }), held: 0 }));
  /** Chunks waiting for a thread with room (at most one: submit is awaited). */
  const waiting: (() => void)[] = [];
  let outstanding = 0;
  let failure: Error | undefined;
  let drained: (() => void) | undefined;
  let failed: ((e: Error) => void) | undefined;
  const settle = () => {
    if (failure) failed?.(failure);
    else if (outstanding === 0) drained?.();
  };
  for (const [k, w] of workers.entries()) {
    w.worker.on('message', (m: Done<Result>) => {
      w.held--;
      outstanding--;
      // Room on this thread: the next chunk goes before these results are taken in.
      waiting.shift()?.();
      done(m.indices, m.results);
      settle();
    });
    const die = (e: Error) => {
      failure ??= e;
      for (const wake of waiting.splice(0)) wake();
      settle();
    };
    w.worker.once('error', die);
    w.worker.once('exit', (code) => {
      if (code !== 0 && !terminating) die(new Error(`worker ${k} exited with ${code}`));
    });
  }
  let terminating = false;
  const roomiest = () => workers.reduce((a, b) => (b.held < a.held ? b : a));
  return {
    async submit(indices, inputs, options) {
      for (;;) {
        if (failure) throw failure;
        const w = roomiest();
        if (w.held < 2) {
          w.held++;
          outstanding++;
          w.worker.postMessage({ indices, inputs, options } satisfies Chunk<Input, Options>);
          return;
        }
        await new Promise<void>((wake) => waiting.push(wake));
      }
    },
    drain() {
      return new Promise<void>((resolve, reject) => {
        drained = resolve;
        failed = reject;
        settle();
      });
    },
    async terminate() {
      terminating = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
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

/** The worker side: checks each chunk it is sent and sends the results back. */
export function serveWorker<Input, Options, Result>(work: (input: Input, options: Options) => Result): void {
  parentPort!.on('message', (chunk: Chunk<Input, Options>) => {
    const results: Result[] = [];
    for (const input of chunk.inputs) results.push(work(input, chunk.options));
    parentPort!.postMessage({ indices: chunk.indices, results } satisfies Done<Result>);
  });
}
