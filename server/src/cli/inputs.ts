// The files a command reads and how they reach the threads that check them; shared by `check` and `summary`.
// Its arguments, folders walked for text and published files, each file once, in a stable order; the one function
// that reads a file (a text file decoded, a published file kept as bytes for a reader thread); and the loop that
// feeds them: text to the check threads of pool.ts (or the main thread, for few), published files to the reader
// threads of node/published.ts, results delivered with their places in the file list.

import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import type { Locale, Messages } from '../l10n';
import { errnoMessage, readFailureMessage, readReportOrBytes, realPath, statPath, walk, type WalkFailure, type WalkOptions } from '../node/files';
import { PublishedReader, publishedFormatOf } from '../node/published';
import { CHUNK, type Pool } from './pool';

export interface ReadFailure {
  path: string;
  reason: string;
}

/** Extensions of text reports. */
export const TEXT_FILE = /\.(?:txt|md)$/i;
/** Extensions of published reports found in folders (the format itself is read from the bytes). */
export const PUBLISHED_FILE = /\.(?:html?|shtml|docx|doc|wps|rtf|xml|pdf)$/i;

export const walkOptions: WalkOptions = {
  include: (rel) => TEXT_FILE.test(rel) || PUBLISHED_FILE.test(rel),
  // Hidden folders and files, and node_modules, are never reports.
  exclude: (rel) => /(?:^|\/)(?:\.[^/]*|node_modules)$/.test(rel),
};

/**
 * Files to check, in a stable order, each once. `walked` collects the .xml files found in folders (not named by
 * the user): they are reports only when they are Word XML.
 */
export function collect(paths: readonly string[], failures: ReadFailure[], msg: Messages, walked: Set<string> = new Set()): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    // One folder or file lists each file once by construction (the walk follows no symlink); only several
    // arguments can name a file twice. realpath for each of 10,000 files was a tenth of the serial time.
    if (paths.length === 1) {
      files.push(p);
      return;
    }
    // A path that cannot be resolved is reported when it is read.
    const key = realPath(p) ?? p;
    if (!seen.has(key)) {
      seen.add(key);
      files.push(p);
    }
  };
  for (const p of paths) {
    const st = statPath(p);
    if (!st.ok) {
      failures.push({ path: p, reason: errnoMessage(st.error, msg) });
      continue;
    }
    if (!st.folder) {
      add(p);
      continue;
    }
    const walkFailures: WalkFailure[] = [];
    for (const f of walk(p, walkOptions, walkFailures)) {
      if (/\.xml$/i.test(f)) walked.add(f);
      add(f);
    }
    for (const w of walkFailures) failures.push({ path: w.path, reason: errnoMessage(w.error, msg) });
  }
  return files;
}

/** A text file as read: its text, or why it could not be read (in the user's language). */
export type ReadInput = { path: string; text: string; failure?: undefined } | { path: string; failure: string };

/** A file as read on the main thread: text to check, or a published file's bytes for a reader thread. */
export type Prepared = ReadInput | { path: string; bytes: Uint8Array; failure?: undefined; text?: undefined };

/**
 * Reads one file: the one place the commands read a report. A text file is decoded (on the main thread: the
 * threads then only check, ~5% less time over 10,000 reports than reading in each thread); a published file (told
 * by its first bytes) is kept as bytes for a reader thread. Messages are made here, where the error's code is.
 */
export function readInput(path: string, maxBytes: number, msg: Messages): Prepared {
  const read = readReportOrBytes(path, maxBytes, (bytes) => publishedFormatOf(bytes, path) !== undefined);
  if (read.ok) return read.text !== undefined ? { path, text: read.text } : { path, bytes: read.bytes };
  const reason = readFailureMessage(read, maxBytes, msg);
  return { path, failure: read.reason === 'too-large' ? `${reason}（--max-size）` : reason };
}

/** What became of one file; `skipped`: found in a folder and not a report format after all (an .xml that is not Word XML). */
export type Outcome<T> = { ok: true; result: T } | { ok: false; failure: ReadFailure } | { ok: 'skipped' };

/** The options every command that reads files has. Plain data: they go to the threads with each chunk. */
export interface FileOptions {
  readonly locale: Locale;
  readonly maxBytes: number;
  /** Worker threads; undefined = one per core when there are many files. */
  readonly jobs: number | undefined;
  /** Per published file: past it, its reading is abandoned (--timeout). */
  readonly deadlineMs: number;
  readonly paths: readonly string[];
}

/** What a published file's reader thread is given with its bytes: the command's job, and whether it may be skipped. */
export interface PublishedJob<Opts> {
  readonly path: string;
  readonly opts: Opts;
  /** Found in a folder as .xml: left out unless it is Word XML. */
  readonly wordXmlOnly: boolean;
}

export interface Feed<Opts extends FileOptions, T> {
  readonly files: readonly string[];
  readonly walked: ReadonlySet<string>;
  readonly opts: Opts;
  readonly msg: Messages;
  /** The check threads for text files, or none: then the main thread checks them. */
  readonly pool: Pool<ReadInput, Opts> | undefined;
  /** What a text file (or its failure) becomes, on the main thread when there is no pool. */
  readonly work: (file: ReadInput, opts: Opts) => Outcome<T>;
  /** The reader task (registerReaderTask) that turns a published file into an outcome on its thread. */
  readonly task: string;
  /** Each file's outcome, with its place in `files`, in whatever order they come. */
  readonly deliver: (index: number, outcome: Outcome<T>) => void;
}

/** Whether a file is read as text (any extension that is not a published one). */
export function isTextPath(path: string): boolean {
  return TEXT_FILE.test(path) || !PUBLISHED_FILE.test(extname(path));
}

/**
 * Reads every file in order on the main thread and hands it on: text to the pool in chunks (or checked here),
 * published files' bytes to reader threads (one per core by default; --jobs N: N, and --jobs 0 still one: pdf.js
 * never runs on the main thread). Reads no further ahead than the threads can take, so memory stays bounded for
 * any folder. Resolves when every file's outcome has been delivered; the pool and the readers are stopped.
 */
export async function feedFiles<Opts extends FileOptions, T>(feed: Feed<Opts, T>): Promise<void> {
  const { files, walked, opts, pool, deliver } = feed;
  const published = files.length - files.reduce((n, f) => n + (isTextPath(f) ? 1 : 0), 0);
  const readerThreads = opts.jobs !== undefined ? Math.max(1, opts.jobs) : Math.max(1, Math.min(availableParallelism(), 8, published));
  let reader: PublishedReader | undefined;
  const reading = new Set<Promise<void>>();
  let indices: number[] = [];
  let inputs: ReadInput[] = [];
  try {
    for (let i = 0; i < files.length; i++) {
      const path = files[i]!;
      const file = readInput(path, opts.maxBytes, feed.msg);
      if (file.failure === undefined && file.text === undefined) {
        reader ??= new PublishedReader({ threads: readerThreads, deadlineMs: opts.deadlineMs, locale: opts.locale, maxBytes: opts.maxBytes });
        // Two files waiting per thread at most (their bytes are in memory).
        while (reader.pending >= 2 * readerThreads) await Promise.race(reading);
        const job: PublishedJob<Opts> = { path, opts, wordXmlOnly: walked.has(path) };
        const p = reader.runTask<Outcome<T>>(file.bytes, feed.task, job).then((a) => {
          reading.delete(p);
          deliver(i, a.ok ? a.result : { ok: false, failure: { path, reason: a.message } });
        });
        reading.add(p);
      } else if (walked.has(path) && file.failure === undefined) {
        // An .xml found in a folder that is not Word XML: not a report file.
        deliver(i, { ok: 'skipped' });
      } else if (pool) {
        indices.push(i);
        inputs.push(file as ReadInput);
        if (inputs.length === CHUNK) {
          await pool.submit(indices, inputs, opts);
          indices = [];
          inputs = [];
        }
      } else {
        deliver(i, feed.work(file as ReadInput, opts));
      }
    }
    if (pool && inputs.length > 0) await pool.submit(indices, inputs, opts);
    await Promise.all([...reading]);
    await pool?.drain();
  } finally {
    void pool?.terminate();
    await reader?.dispose();
  }
}
