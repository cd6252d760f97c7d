// Reading any report file for checking: plain text the way text has always been read (files.ts, decode.ts), and
// published files (web pages, Word/WPS, RTF, Word XML, PDF) through the readers, in worker threads with a deadline
// and a memory bound. pdf.js never runs on the calling thread: it cannot be interrupted inside a page, and
// loading it sets globals (globalThis.pdfjsWorker, navigator, polyfills) that have no business in a server.
//
// The API, for the CLI and the language server:
//   readForCheck(path, options)       any file → ReadForCheck (text, format, map, meta, problems, or why not)
//   new PublishedReader(options)      the threads; .read(bytes | path) → ReadForCheck; .dispose()
//   isReaderThread() / serveReaderThread()
//                                     the bundle a reader thread runs (by default the bundle this module is in)
//                                     must call serveReaderThread() at start-up when isReaderThread(), and
//                                     do nothing else in that thread (no LSP connection, no CLI run).
//   registerReaderTask(name, task)    work a thread does on the report it has just read, before answering (the
//                                     CLI checks the report there: the text and map need not cross threads).

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { messagesFor, type Messages } from '../l10n';
import { sniffFormat } from '../readers/sniff';
import type { PublishedFormat, PublishedMeta, PublishedReport, ReaderLimits, ReaderProblem, SourceMapEntry } from '../readers/types';
import type * as ReadersEngineModule from '../readers/engine';

type ReadersEngine = typeof ReadersEngineModule;
import { readFailureMessage, readReportOrBytes } from './files';
import { decode } from './decode';

/** Per file, in the thread: a reader that runs longer is abandoned and its thread replaced. */
export const DEFAULT_DEADLINE_MS = 30_000;
/** A reader thread's old-generation heap (resourceLimits.maxOldGenerationSizeMb). */
export const DEFAULT_MAX_MEMORY_MB = 1024;
/** Largest file read (as the CLI's --max-size default). */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** A file as read for checking. */
export type ReadForCheck = ReadForCheckOk | ReadForCheckFailure;

export interface ReadForCheckOk {
  readonly ok: true;
  /** 'text' for a plain-text file (.txt, .md, any file whose bytes are text). */
  readonly format: 'text' | PublishedFormat;
  /** What the engine checks: the file's text, or the published file rendered (readers/types.ts PublishedReport). */
  readonly text: string;
  /** Spans of `text` → places in the file (empty for text files). */
  readonly map: readonly SourceMapEntry[];
  readonly meta: PublishedMeta;
  /** What the reader met, as data (empty for text files). */
  readonly problems: readonly ReaderProblem[];
  /** What could not be read of a file that is still checked, in the user's language (pages without text…). */
  readonly notes: readonly string[];
}

export interface ReadForCheckFailure {
  readonly ok: false;
  readonly format?: 'text' | PublishedFormat;
  /** Why, as data: a reader's problem code, or the file's own ('binary', 'unreadable', 'memory'). */
  readonly reason: ReaderProblem['code'] | 'binary' | 'unreadable' | 'memory';
  /** Why, in the user's language: what a user reads after the file's name. */
  readonly message: string;
  /** For the log: an exception's message, the limit that was hit. */
  readonly detail?: string;
}

export interface PublishedReaderOptions {
  /** Most files read at once, each on a thread of its own (default 1). Threads start when work comes. */
  readonly threads?: number;
  /** Per file (default 30 s): past it the thread is terminated and replaced, and the file gets 'timeout'. */
  readonly deadlineMs?: number;
  /** A thread's heap bound in MB (default 1024): past it the thread dies and the file gets 'memory'. */
  readonly maxMemoryMb?: number;
  /** The readers' own bounds (sizes, zip entries, pages). */
  readonly limits?: Partial<ReaderLimits>;
  /** Largest file read from a path (default 32 MB). */
  readonly maxBytes?: number;
  /** Language of the messages (default Chinese). */
  readonly locale?: string;
  /** The bundle the threads run; it must call serveReaderThread() (default: the bundle this module is in). */
  readonly script?: string;
}

// ------------------------------------------------------------------------------------------------------------
// Plain text or a published file

/**
 * Whether bytes are a published file rather than text, from their first bytes. A cheap look decides for almost
 * every text file (a report starts with its title); only what starts like markup, RTF, a zip or an OLE file, or
 * holds "%PDF-" in its first KB, is sniffed (readers/sniff.ts).
 */
export function publishedFormatOf(bytes: Uint8Array, name?: string): PublishedFormat | undefined {
  if (bytes.length < 4) return undefined;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const b0 = bytes[0]!;
  const utf16 = (b0 === 0xff && bytes[1] === 0xfe) || (b0 === 0xfe && bytes[1] === 0xff);
  if (!utf16) {
    while (i < bytes.length && i < 4096 && (bytes[i] === 0x20 || (bytes[i]! >= 0x09 && bytes[i]! <= 0x0d))) i++;
    const c = bytes[i];
    const candidate = c === 0x3c /* < */ || c === 0x7b /* { */ || (i === 0 && (c === 0x50 /* PK */ || c === 0xd0 /* OLE */)) || hasPdfHeader(bytes);
    if (!candidate) return undefined;
  }
  const format = sniffFormat(bytes);
  if (format === 'unknown') return undefined;
  // A .txt or .md file is text unless it is plainly something else: Markdown may start with HTML (pandoc writes
  // `<div>` and `<table>` into it), and only a whole page (a doctype or <html>) saved as .txt is read as one.
  if (format === 'html' && name !== undefined && TEXT_NAME.test(name) && !HTML_DOCUMENT.test(headAscii(bytes, i))) return undefined;
  return format;
}

const TEXT_NAME = /\.(?:txt|md|markdown)$/i;
const HTML_DOCUMENT = /^(?:<!--[^]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i;

function headAscii(bytes: Uint8Array, from: number): string {
  let s = '';
  for (let k = from; k < bytes.length && k < from + 1024; k++) s += String.fromCharCode(bytes[k]!);
  return s;
}

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  const end = head.length - PDF_HEADER.length;
  for (let i = head.indexOf(0x25); i >= 0 && i <= end; i = head.indexOf(0x25, i + 1)) {
    if (PDF_HEADER.every((v, k) => bytes[i + k] === v)) return true;
  }
  return false;
}

// ------------------------------------------------------------------------------------------------------------
// Judging a reader's result

/**
 * A reader's result as something to check, or why it cannot be: a file the reader refused or abandoned
 * (encrypted, unsupported, over a limit, out of time) or that gave no text is not checked (a partial report
 * would be full of false "missing" Errors); a file read with pages or parts missing is checked, with a note.
 */
export function judgeReport(report: PublishedReport, msg: Messages, deadlineMs = DEFAULT_DEADLINE_MS): ReadForCheck {
  const seconds = secondsOf(deadlineMs);
  const format = report.format === 'unknown' ? undefined : report.format;
  const fatal = report.problems.find((p) => p.code === 'encrypted' || p.code === 'unsupported' || p.code === 'timeout' || p.code === 'too-large');
  const fail = (p: ReaderProblem): ReadForCheckFailure => ({
    ok: false, ...(format ? { format } : {}), reason: p.code,
    message: msg.readerProblem(p.code, { pages: p.pages, seconds, allPages: true }), ...(p.detail ? { detail: p.detail } : {}),
  });
  if (fatal) return fail(fatal);
  if (report.text.trim() === '') {
    const why = report.problems.find((p) => p.code === 'no-text') ?? report.problems.find((p) => p.code === 'damaged') ?? { code: 'no-text' as const };
    return fail(why);
  }
  const notes: string[] = [];
  for (const p of report.problems) {
    if (p.code === 'no-text') notes.push(msg.readerPartial(msg.readerProblem('no-text', { pages: p.pages, allPages: false })));
    else if (p.code === 'damaged') notes.push(msg.readerPartial(msg.readerProblem('damaged', {})));
  }
  return { ok: true, format: report.format as PublishedFormat, text: report.text, map: report.map, meta: report.meta, problems: report.problems, notes };
}

/** A deadline in seconds as a user gave it (30, 0.05). */
function secondsOf(ms: number): number {
  return Math.round(ms) / 1000;
}

function textRead(text: string): ReadForCheckOk {
  return { ok: true, format: 'text', text, map: [], meta: {}, problems: [], notes: [] };
}

// ------------------------------------------------------------------------------------------------------------
// The reader threads: the calling side

/** What a thread answers for one file. */
type ThreadAnswer =
  | { readonly ok: true; readonly report?: PublishedReport; readonly result?: unknown }
  | { readonly ok: false; readonly reason: 'timeout' | 'memory' | 'crashed'; readonly detail: string };

interface Job {
  readonly bytes: Uint8Array;
  readonly task: string | undefined;
  readonly taskOptions: unknown;
  readonly deadlineMs: number;
  readonly resolve: (answer: ThreadAnswer) => void;
}

interface Thread {
  readonly worker: Worker;
  ready: boolean;
  /**
   * Sent to the thread, in order: the first is being read (its deadline runs), the second waits in the thread, so
   * that the thread never waits for this thread to send it the next file (on a busy machine, that wait was as long
   * as the reading of a web page or a .docx).
   */
  readonly jobs: Job[];
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Ended (terminated or dead): it takes no more work. */
  gone: boolean;
}

interface JobMessage {
  readonly bytes: Uint8Array;
  readonly limits: Partial<ReaderLimits> | undefined;
  readonly deadlineMs: number;
  readonly task: string | undefined;
  readonly taskOptions: unknown;
}

type ThreadMessage = { readonly ready: true } | { readonly ok: true; readonly report?: PublishedReport; readonly result?: unknown } | { readonly ok: false; readonly error: string };

/** What a task's answer is, when a thread ran a registered task on the report. */
export type TaskAnswer<T> = { readonly ok: true; readonly result: T } | ReadForCheckFailure;

/**
 * Worker threads that read published files, each one file at a time under a deadline and a memory bound. A
 * thread that overruns is terminated and replaced; the file gets a 'timeout' (or 'memory') failure and the other
 * files go on. Threads start when work comes (a thread takes ~50–100 ms to start) and are kept for the next
 * file (pdf.js, once loaded in a thread, stays loaded there); idle threads do not keep the process alive.
 */
export class PublishedReader {
  private readonly threads: Thread[] = [];
  private readonly queue: Job[] = [];
  private readonly maxThreads: number;
  private readonly deadlineMs: number;
  private readonly maxMemoryMb: number;
  private readonly maxBytes: number;
  private readonly msg: Messages;
  private disposed = false;

  constructor(private readonly options: PublishedReaderOptions = {}) {
    this.maxThreads = Math.max(1, Math.floor(options.threads ?? 1));
    this.deadlineMs = positive(options.deadlineMs) ?? DEFAULT_DEADLINE_MS;
    this.maxMemoryMb = positive(options.maxMemoryMb) ?? DEFAULT_MAX_MEMORY_MB;
    this.maxBytes = positive(options.maxBytes) ?? DEFAULT_MAX_BYTES;
    this.msg = messagesFor(options.locale);
  }

  /** Files waiting for a thread or being read. */
  get pending(): number {
    return this.queue.length + this.threads.reduce((n, t) => n + t.jobs.length, 0);
  }

  /**
   * Any file for checking: a path is read (up to maxBytes), bytes are taken as given (copied: the caller keeps
   * them; `name`, the file's name, says whether they may be Markdown that starts with HTML: see publishedFormatOf). Text goes the way text always has (decoded here, on the calling thread, at once); a published file is
   * read in a thread. Never rejects.
   */
  async read(input: Uint8Array | string, options: { readonly deadlineMs?: number; readonly name?: string } = {}): Promise<ReadForCheck> {
    const got = this.bytesOf(input, options);
    if ('failure' in got) return got.failure;
    if (got.text !== undefined) return textRead(got.text);
    const deadlineMs = positive(options.deadlineMs) ?? this.deadlineMs;
    const answer = await this.submit(got.bytes, undefined, undefined, deadlineMs);
    if (!answer.ok) return this.threadFailure(answer, deadlineMs, got.bytes);
    return judgeReport(answer.report!, this.msg, deadlineMs);
  }

  /**
   * Reads a published file (its bytes, moved to the thread: the caller must not use them after) in a thread and
   * runs the task registered there under `task` on the report, answering what the task returns. For callers that
   * do their work where the report is (the CLI checks it there). A published file only: see publishedFormatOf.
   */
  async runTask<T>(bytes: Uint8Array, task: string, taskOptions: unknown, options: { readonly deadlineMs?: number } = {}): Promise<TaskAnswer<T>> {
    const deadlineMs = positive(options.deadlineMs) ?? this.deadlineMs;
    const answer = await this.submit(bytes, task, taskOptions, deadlineMs);
    if (!answer.ok) return this.threadFailure(answer, deadlineMs, undefined);
    return { ok: true, result: answer.result as T };
  }

  /** Stops every thread; files still waiting get a failure. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, reason: 'crashed', detail: 'the reader was disposed' });
    const threads = this.threads.splice(0);
    for (const t of threads) {
      if (t.timer) clearTimeout(t.timer);
      t.gone = true;
      for (const job of t.jobs.splice(0)) job.resolve({ ok: false, reason: 'crashed', detail: 'the reader was disposed' });
    }
    await Promise.all(threads.map((t) => t.worker.terminate().catch(() => undefined)));
  }

  private bytesOf(input: Uint8Array | string, options: { readonly name?: string }): { bytes: Uint8Array; text?: undefined } | { text: string } | { failure: ReadForCheckFailure } {
    if (typeof input !== 'string') {
      if (publishedFormatOf(input, options.name)) return { bytes: input.slice() };
      const decoded = decode(input);
      return decoded.ok ? { text: decoded.text } : { failure: { ok: false, reason: 'binary', message: this.msg.fileBinary() } };
    }
    const read = readReportOrBytes(input, this.maxBytes, (b) => publishedFormatOf(b, input) !== undefined);
    if (!read.ok) {
      const reason = read.reason === 'too-large' ? 'too-large' : read.reason;
      return { failure: { ok: false, reason, message: readFailureMessage(read, this.maxBytes, this.msg) } };
    }
    return read.text !== undefined ? { text: read.text } : { bytes: read.bytes };
  }

  private threadFailure(answer: Extract<ThreadAnswer, { ok: false }>, deadlineMs: number, bytes: Uint8Array | undefined): ReadForCheckFailure {
    const format = bytes ? publishedFormatOf(bytes) : undefined;
    const base = format ? { format } : {};
    if (answer.reason === 'timeout') return { ok: false, ...base, reason: 'timeout', message: this.msg.readerProblem('timeout', { seconds: secondsOf(deadlineMs) }), detail: answer.detail };
    if (answer.reason === 'memory') return { ok: false, ...base, reason: 'memory', message: this.msg.readerMemory(this.maxMemoryMb), detail: answer.detail };
    return { ok: false, ...base, reason: 'damaged', message: this.msg.readerProblem('damaged', {}), detail: answer.detail };
  }

  private submit(bytes: Uint8Array, task: string | undefined, taskOptions: unknown, deadlineMs: number): Promise<ThreadAnswer> {
    if (this.disposed) return Promise.resolve({ ok: false, reason: 'crashed', detail: 'the reader was disposed' });
    return new Promise<ThreadAnswer>((resolve) => {
      this.queue.push({ bytes, task, taskOptions, deadlineMs, resolve });
      this.pump();
    });
  }

  /**
   * Gives waiting files to ready threads, idle ones first, then a second to each; starts threads while files wait
   * that no thread has started on and the count allows.
   */
  private pump(): void {
    if (this.disposed) return;
    for (const held of [0, 1]) {
      for (const t of this.threads) {
        if (this.queue.length === 0) return;
        if (t.ready && !t.gone && t.jobs.length === held) this.send(t, this.queue.shift()!);
      }
    }
    const starting = this.threads.filter((t) => !t.ready && !t.gone).length;
    const idle = this.threads.filter((t) => t.ready && !t.gone && t.jobs.length === 0).length;
    let wanted = this.queue.length - starting - idle;
    while (wanted-- > 0 && this.threads.length < this.maxThreads) this.start();
  }

  private start(): void {
    startYoungGenerationFull();
    const worker = new Worker(this.options.script ?? __filename, {
      workerData: { govReportReader: true },
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb },
    });
    const thread: Thread = { worker, ready: false, jobs: [], timer: undefined, gone: false };
    this.threads.push(thread);
    worker.unref();
    worker.on('message', (m: ThreadMessage) => {
      if ('ready' in m) {
        thread.ready = true;
        this.pump();
        return;
      }
      // Answers come in the order the files were sent.
      const job = thread.jobs.shift();
      if (!job) return;
      this.arm(thread);
      job.resolve(m.ok ? { ok: true, report: m.report, result: m.result } : { ok: false, reason: 'crashed', detail: m.error });
      this.pump();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const job = this.retire(thread);
      job?.resolve({ ok: false, reason: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed', detail: `${e.name}: ${e.message}` });
      this.pump();
    });
    worker.on('exit', (code) => {
      const wasGone = thread.gone;
      const job = this.retire(thread);
      if (!wasGone) job?.resolve({ ok: false, reason: 'crashed', detail: `the reader thread exited with ${code}` });
      this.pump();
    });
  }

  private send(thread: Thread, job: Job): void {
    thread.jobs.push(job);
    thread.worker.ref();
    // The bytes are copied, not moved: should the thread die before it reads them, another thread will.
    const message: JobMessage = { bytes: job.bytes, limits: this.options.limits, deadlineMs: job.deadlineMs, task: job.task, taskOptions: job.taskOptions };
    thread.worker.postMessage(message);
    if (thread.jobs.length === 1) this.arm(thread);
  }

  /**
   * Starts the deadline of the file the thread is reading now (the first it holds): from the answer to the file
   * before it, or from the send. The thread stops by itself between pages at the deadline (a 'timeout' problem);
   * this is for a page or a file that never comes back: a little later, the thread is terminated, the file gets
   * 'timeout', and the file waiting behind it goes to another thread.
   */
  private arm(thread: Thread): void {
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = undefined;
    const job = thread.jobs[0];
    if (!job) {
      if (!thread.gone) thread.worker.unref();
      return;
    }
    const grace = Math.min(2000, Math.max(100, job.deadlineMs / 10));
    thread.timer = setTimeout(() => {
      if (thread.jobs[0] !== job) return;
      this.retire(thread);
      void thread.worker.terminate().catch(() => undefined);
      job.resolve({ ok: false, reason: 'timeout', detail: `no answer within ${job.deadlineMs + grace} ms: the thread was terminated` });
      this.pump();
    }, job.deadlineMs + grace);
  }

  /**
   * The thread takes no more work (a replacement starts when work waits): the file it was reading is given back to
   * the caller to fail, and the one waiting behind it goes back to the front of the queue.
   */
  private retire(thread: Thread): Job | undefined {
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = undefined;
    thread.gone = true;
    const k = this.threads.indexOf(thread);
    if (k >= 0) this.threads.splice(k, 1);
    const [current, ...waiting] = thread.jobs.splice(0);
    this.queue.unshift(...waiting);
    return current;
  }
}

/**
 * A reader thread's young generation starts at V8's default maximum (16 MB semi-spaces) instead of growing to it:
 * pdf.js allocates a document's objects fast and many survive a scavenge while the document is read, and
 * scavenging was a sixth of a thread's time on the corpus's PDFs (--cpu-prof); started full, the scavenges took
 * a fifth less (--trace-gc). Workers take no V8 options of their own, so the flag is set for the process before
 * a thread starts; V8 reads it only when it makes a new isolate's heap (cli/pool.ts does the same for its threads).
 */
function startYoungGenerationFull(): void {
  try {
    setFlagsFromString('--min-semi-space-size=16');
  } catch {
    // an optimisation only
  }
}

function positive(v: number | undefined): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
}

// ------------------------------------------------------------------------------------------------------------
// The reader threads: the thread side

/** What a task is given besides the report. */
export interface ReaderTaskContext {
  /** The file's bytes. */
  readonly bytes: Uint8Array;
  /** The deadline the file was read under. */
  readonly deadlineMs: number;
  /** A web page's source as the HTML reader decoded it (the HTML map's offsets are offsets into it). */
  htmlSource(): string;
}

/**
 * Work a reader thread does on a report it has read, before it answers: (the report, the options the caller
 * gave, the file) → a structured-clonable answer.
 */
export type ReaderTask = (report: PublishedReport, options: unknown, context: ReaderTaskContext) => unknown;

const tasks = new Map<string, ReaderTask>();

/** Registers a task by name, in every thread that runs this bundle (call it at the module's top level). */
export function registerReaderTask(name: string, task: ReaderTask): void {
  tasks.set(name, task);
}

/** Whether this thread is a reader thread (started by a PublishedReader). */
export function isReaderThread(): boolean {
  return !isMainThread && (workerData as { govReportReader?: boolean } | undefined)?.govReportReader === true;
}

/** The thread's side: reads each file it is sent, one at a time in the order sent, and answers. */
export function serveReaderThread(): void {
  const port = parentPort!;
  // The thread's own output is not the user's (the CLI's stdout may be JSON): a reader that logs (a pdf.js
  // warning) stays quiet. Its output is not piped to the caller instead: a piped worker's streams hold the
  // caller's process open after the work is done, though the thread is unref'd.
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[method] = () => undefined;
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (job: JobMessage) => {
    previous = previous.then(() => answer(job)).then((m) => port.postMessage(m));
  });
  port.postMessage({ ready: true } satisfies ThreadMessage);
}

/** The readers, loaded by a thread on its first file (see readers/engine.ts). */
let engine: Promise<ReadersEngine> | undefined;

async function answer(job: JobMessage): Promise<ThreadMessage> {
  try {
    const stopAt = Date.now() + job.deadlineMs;
    const readers = await (engine ??= import('../readers/engine.js'));
    const report = await readers.readPublished(job.bytes, { limits: job.limits, shouldStop: () => Date.now() > stopAt });
    if (job.task === undefined) return { ok: true, report };
    const task = tasks.get(job.task);
    if (!task) return { ok: false, error: `no reader task "${job.task}" in this bundle` };
    const context: ReaderTaskContext = { bytes: job.bytes, deadlineMs: job.deadlineMs, htmlSource: () => readers.decodeHtml(job.bytes).text };
    return { ok: true, result: task(report, job.taskOptions, context) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

// ------------------------------------------------------------------------------------------------------------
// One call

/** Readers made by readForCheck, one per set of options (threads, once started, are kept for the next file). */
const shared = new Map<string, PublishedReader>();

/**
 * Reads any report file for checking (see PublishedReader.read). Published files are read on `options.reader`'s
 * threads, or on those of a reader made on first use for these options (one thread, 30 s, by default) and kept:
 * its idle threads do not keep the process alive.
 */
export function readForCheck(path: string, options: { readonly reader?: PublishedReader } & PublishedReaderOptions = {}): Promise<ReadForCheck> {
  const { reader, ...rest } = options;
  if (reader) return reader.read(path);
  const key = JSON.stringify(rest);
  let made = shared.get(key);
  if (!made) shared.set(key, (made = new PublishedReader(rest)));
  return made.read(path);
}
