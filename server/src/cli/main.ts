// The `check` command: runs the engine over files and folders. All I/O of the checker lives here.
//   node dist/cli.js check [--format text|json|sarif] [--locale zh-CN|en] [--max-size MB] [--jobs N] [--timeout S] [--show-text] <files or folders…>
//   node dist/cli.js rules [--format text|json|md] [--locale zh-CN|en]

import { availableParallelism } from 'node:os';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { messagesFor, normalizeLocale, type Locale, type Messages } from '../l10n';
import { check, parse as parseReport, type ReportModel } from '../report';
import type { PublishedReport } from '../readers/types';
import { htmlLines, locate, type SourceLocation } from '../readers/location';
import { errnoMessage, isFolder, readFailureMessage, readReportOrBytes, realPath, statPath, walk, type WalkFailure, type WalkOptions } from '../node/files';
import { DEFAULT_DEADLINE_MS, PublishedReader, isReaderThread, judgeReport, publishedFormatOf, registerReaderTask, serveReaderThread, type ReaderTaskContext } from '../node/published';
import { CHUNK, isPoolWorker, serveWorker, startPool, workerCount, type Pool } from './pool';
import { addToSummary, emptySummary, jsonFormatter, sarifFormatter, textFormatter, type FileResult, type Formatter } from './formats';
import { formatRules } from './rules';

const VERSION = '0.1.0';
const DEFAULT_MAX_SIZE_MB = 32;

/** Plain data: the options go to the worker threads with each chunk (structured clone: no functions). */
interface Options {
  format: 'text' | 'json' | 'sarif';
  locale: Locale;
  maxBytes: number;
  /** Worker threads; undefined = one per core when there are many files. */
  jobs: number | undefined;
  /** Per published file: past it, its reading is abandoned (--timeout, seconds). */
  deadlineMs: number;
  /** Print the text each file was checked as (--show-text). */
  showText: boolean;
  paths: string[];
}

const USAGE = `用法 / usage:
  gov-report-check check [--format text|json|sarif] [--locale zh-CN|en] [--max-size MB] [--jobs N] [--timeout S] [--show-text] <文件或文件夹…>
  gov-report-check rules [--format text|json|md] [--locale zh-CN|en]

  check: 检查政府信息公开工作年度报告：文本（.txt/.md）、网页（.html/.htm/.shtml）、Word/WPS（.docx/.doc/.wps/.rtf/.xml）
         和 PDF，按文件内容识别格式；文件夹递归检查。
         Checks 政府信息公开工作年度报告 files: text, web pages, Word/WPS and PDF (the format is read from the
         bytes); folders are walked recursively for those extensions.
         --jobs N: worker threads (default: one per core when there are 200 text files or more, and for
                   web pages, Word and PDF files one per core; 0: none for text, one to read the others).
         --timeout S: abandon reading a web page, Word or PDF file after S seconds (default 30).
         --show-text: print the text each file was checked as (web pages, Word and PDF as read), not its problems.
         Exit status: 0 no errors, 1 errors found, 2 usage or read failure.
  rules: 列出全部规则（代码、默认级别、说明）。 Lists every rule: code, default severity, description.
`;

class UsageError extends Error {}

/** Options of every command, as util.parseArgs reads them (strict: an unknown option is a usage error). */
const OPTIONS = {
  format: { type: 'string' },
  locale: { type: 'string' },
  'max-size': { type: 'string' },
  jobs: { type: 'string' },
  timeout: { type: 'string' },
  'show-text': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type Parsed = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;

function parse(argv: readonly string[]): Parsed {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // ERR_PARSE_ARGS_UNKNOWN_OPTION, …_INVALID_OPTION_VALUE: the message names the option.
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

function checkOptions(p: Parsed): Options {
  const { values, positionals } = p;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format 只能是 text、json 或 sarif，实为 ${format}`);
  const opts: Options = {
    format, locale: normalizeLocale(values.locale), maxBytes: DEFAULT_MAX_SIZE_MB * 1024 * 1024, jobs: undefined,
    deadlineMs: DEFAULT_DEADLINE_MS, showText: values['show-text'] === true, paths: positionals.slice(1),
  };
  if (opts.showText && format === 'sarif') throw new UsageError('--show-text 不能与 --format sarif 同用 cannot be used with --format sarif');
  if (values.timeout !== undefined) {
    const v = Number(values.timeout);
    if (!(v > 0) || !Number.isFinite(v)) throw new UsageError('--timeout 应为正数（秒） must be a positive number of seconds');
    opts.deadlineMs = v * 1000;
  }
  if (values['max-size'] !== undefined) {
    const v = Number(values['max-size']);
    if (!(v > 0)) throw new UsageError('--max-size 应为正数（MB） must be a positive number of MB');
    opts.maxBytes = v * 1024 * 1024;
  }
  if (values.jobs !== undefined) {
    const v = Number(values.jobs);
    if (!Number.isInteger(v) || v < 0) throw new UsageError('--jobs 应为不小于0的整数 must be a whole number ≥ 0');
    opts.jobs = v;
  }
  if (opts.paths.length === 0) throw new UsageError('请给出要检查的文件或文件夹 no files or folders given');
  return opts;
}

interface ReadFailure {
  path: string;
  reason: string;
}

/** Extensions of text reports. */
const TEXT_FILE = /\.(?:txt|md)$/i;
/** Extensions of published reports found in folders (the format itself is read from the bytes). */
const PUBLISHED_FILE = /\.(?:html?|shtml|docx|doc|wps|rtf|xml|pdf)$/i;

const walkOptions: WalkOptions = {
  include: (rel) => TEXT_FILE.test(rel) || PUBLISHED_FILE.test(rel),
  // Hidden folders and files, and node_modules, are never reports.
  exclude: (rel) => /(?:^|\/)(?:\.[^/]*|node_modules)$/.test(rel),
};

/** Files to check, in a stable order, each once; `walked`: those found in folders (not named by the user). */
function collect(paths: readonly string[], failures: ReadFailure[], msg: Messages, walked: Set<string>): string[] {
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
      // .xml in a folder is a report only when it is Word XML: the rest are left out, unnamed.
      if (/\.xml$/i.test(f)) walked.add(f);
      add(f);
    }
    for (const w of walkFailures) failures.push({ path: w.path, reason: errnoMessage(w.error, msg) });
  }
  return files;
}

/** A file's outcome; `skipped`: a file found in a folder that is not a report format after all (an .xml that is not Word XML). */
type Checked = { ok: true; result: FileResult } | { ok: false; failure: ReadFailure } | { ok: 'skipped' };

/** A file as read for checking: its text, or why it could not be read (in the user's language). */
type ReadFile = { path: string; text: string; failure?: undefined } | { path: string; failure: string };

/** A file read on the main thread: text to check (here or on the check threads), or a published file's bytes. */
type Prepared = ReadFile | { path: string; bytes: Uint8Array; failure?: undefined; text?: undefined };

/**
 * Reads one file, on the main thread: a text file is decoded (the main thread otherwise waits for results while
 * the threads check, and reading there left the threads only the checking: ~5% less time over 10,000 reports,
 * measured against reading in each thread); a published file is kept as bytes for a reader thread. Messages are
 * made here, where the error's code is.
 */
function readFile(path: string, opts: Options): Prepared {
  const read = readReportOrBytes(path, opts.maxBytes, (bytes) => publishedFormatOf(bytes, path) !== undefined);
  if (read.ok) return read.text !== undefined ? { path, text: read.text } : { path, bytes: read.bytes };
  const reason = readFailureMessage(read, opts.maxBytes, messagesFor(opts.locale));
  return { path, failure: read.reason === 'too-large' ? `${reason}（--max-size）` : reason };
}

/** Checks one text file as read. Runs on the main thread or in a worker: plain data in, plain data out. */
function checkFile(file: ReadFile, opts: Options): Checked {
  if (file.failure !== undefined) return { ok: false, failure: { path: file.path, reason: file.failure } };
  const model = parseReport(file.text);
  const diagnostics = model.isReport ? check(model, { locale: opts.locale, uri: pathToFileURL(resolve(file.path)).toString() }) : [];
  return { ok: true, result: { path: file.path, report: model.isReport, diagnostics, ...(opts.showText ? { text: file.text } : {}) } };
}

/** What the main thread gives a reader thread with a published file's bytes. */
interface PublishedJob {
  readonly path: string;
  readonly opts: Options;
  /** Found in a folder as .xml: left out unless it is Word XML. */
  readonly wordXmlOnly: boolean;
}

const CHECK_PUBLISHED = 'cli-check';

/**
 * Checks a published file where it was read, on its reader thread: the rendered text is parsed and checked like
 * any text, and each diagnostic's range is placed in the file (readers/location.ts), so that neither the text nor
 * its source map crosses threads.
 */
function checkPublished(report: PublishedReport, job: PublishedJob, context: ReaderTaskContext): Checked {
  const { path, opts } = job;
  if (job.wordXmlOnly && report.format !== 'word2003xml') return { ok: 'skipped' };
  const msg = messagesFor(opts.locale);
  const read = judgeReport(report, msg, context.deadlineMs);
  if (!read.ok) return { ok: false, failure: { path, reason: read.message } };
  const model = parseReport(read.text);
  const diagnostics = model.isReport ? check(model, { locale: opts.locale, uri: pathToFileURL(resolve(path)).toString() }) : [];
  let lines: ReturnType<typeof htmlLines> | undefined;
  if (read.format === 'html' && diagnostics.length > 0) lines = htmlLines(context.htmlSource());
  const at = (range: { start: { line: number; character: number }; end: { line: number; character: number } }): SourceLocation | undefined =>
    locate(read, model, offsetAt(model, range.start), offsetAt(model, range.end), msg, lines);
  const locations = diagnostics.map((d) => at(d.range));
  const related = diagnostics.map((d) => (d.relatedInformation ?? []).map((r) => at(r.location.range)));
  return {
    ok: true,
    result: {
      path, report: model.isReport, diagnostics,
      published: { format: read.format as Exclude<typeof read.format, 'text'>, meta: read.meta, notes: read.notes, locations, related },
      ...(opts.showText ? { text: read.text } : {}),
    },
  };
}

function offsetAt(model: ReportModel, p: { line: number; character: number }): number {
  return model.lines.offsetAt(p);
}

registerReaderTask(CHECK_PUBLISHED, (report, options, context) => checkPublished(report, options as PublishedJob, context));

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const parsed = parse(argv);
    const command = parsed.positionals[0];
    if (parsed.values.version) {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (parsed.values.help || command === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (command === 'rules') {
      const format = parsed.values.format ?? 'text';
      if (format !== 'text' && format !== 'json' && format !== 'md') throw new UsageError(`--format 只能是 text、json 或 md，实为 ${format}`);
      process.stdout.write(formatRules(format, messagesFor(parsed.values.locale)));
      return 0;
    }
    if (command !== 'check') throw new UsageError(command ? `未知命令 unknown command: ${command}` : '缺少命令 missing command');
    return await checkCommand(checkOptions(parsed));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

async function checkCommand(opts: Options): Promise<number> {
  const msg = messagesFor(opts.locale);
  const failures: ReadFailure[] = [];
  // Results come back from the threads in any order; they are formatted in the files' order, a run at a time, as
  // soon as every file before them is in.
  let deliver: (index: number, checked: Checked) => void = () => undefined;
  // Threads start while the folders are walked when a folder is given (it may hold many files); for files named
  // one by one, their count decides.
  const early = opts.jobs ?? (opts.paths.some(isFolder) ? workerCount(Number.POSITIVE_INFINITY) : 0);
  const startChecking = (count: number) => startPool<ReadFile, Options, Checked>(__filename, count, (indices, results) => {
    for (let k = 0; k < indices.length; k++) deliver(indices[k]!, results[k]!);
  });
  let pool: Pool<ReadFile, Options> | undefined = early > 0 ? startChecking(early) : undefined;
  const walked = new Set<string>();
  const files = collect(opts.paths, failures, msg, walked);
  // Text files are checked on the check threads when there are many; published files are read and checked on
  // reader threads (one per core by default; --jobs N: N, and --jobs 0 still one: pdf.js never runs here).
  const textFiles = files.reduce((n, f) => n + (TEXT_FILE.test(f) || !PUBLISHED_FILE.test(extname(f)) ? 1 : 0), 0);
  const workers = opts.jobs ?? workerCount(textFiles);
  const readerThreads = opts.jobs !== undefined ? Math.max(1, opts.jobs) : Math.max(1, Math.min(availableParallelism(), 8, files.length - textFiles));
  const formatter: Formatter = opts.format === 'json' ? jsonFormatter({ showText: opts.showText })
    : opts.format === 'sarif' ? sarifFormatter(VERSION)
      : textFormatter(msg, { showText: opts.showText, multiple: files.length > 1 });
  const summary = emptySummary();
  // Encoded as each run of results comes in, while the threads check the rest: formatting and encoding 8 MB of
  // JSON after the last file was ~70 ms with one core idle. Written at the end, so that a slow reader of
  // stdout never holds up the checking.
  const output: Buffer[] = [Buffer.from(formatter.begin())];
  // Formatted text waiting to be encoded: encoded a run at a time (a Buffer per file, when the main thread checks
  // file after file, was a cost of its own).
  let pending = '';
  const flush = () => {
    if (pending) output.push(Buffer.from(pending));
    pending = '';
  };
  const notes: string[] = [];
  const slots = new Map<number, Checked>();
  let next = 0;
  deliver = (index, checked) => {
    slots.set(index, checked);
    for (let c = slots.get(next); c !== undefined; c = slots.get(next)) {
      slots.delete(next++);
      if (c.ok === 'skipped') continue;
      if (!c.ok) {
        failures.push(c.failure);
        continue;
      }
      addToSummary(summary, c.result);
      for (const note of c.result.published?.notes ?? []) notes.push(`${c.result.path}: ${note}`);
      pending += formatter.file(c.result);
    }
    if (pending.length >= 1 << 16) flush();
  };

  if (workers > 0) pool ??= startChecking(workers);
  else if (pool) {
    // Too few text files to be worth the threads started early: they are stopped, the main thread checks.
    void pool.terminate();
    pool = undefined;
  }
  let reader: PublishedReader | undefined;
  const reading = new Set<Promise<void>>();
  let indices: number[] = [];
  let inputs: ReadFile[] = [];
  try {
    for (let i = 0; i < files.length; i++) {
      const path = files[i]!;
      const file = readFile(path, opts);
      if (file.failure === undefined && file.text === undefined) {
        reader ??= new PublishedReader({ threads: readerThreads, deadlineMs: opts.deadlineMs, locale: opts.locale, maxBytes: opts.maxBytes });
        // Read no further ahead than the threads can take: two files each (the bytes wait in memory).
        while (reader.pending >= 2 * readerThreads) await Promise.race(reading);
        const job: PublishedJob = { path, opts, wordXmlOnly: walked.has(path) };
        const p = reader.runTask<Checked>(file.bytes, CHECK_PUBLISHED, job).then((a) => {
          reading.delete(p);
          deliver(i, a.ok ? a.result : { ok: false, failure: { path, reason: a.message } });
        });
        reading.add(p);
      } else if (walked.has(path) && file.failure === undefined) {
        // An .xml found in a folder that is not Word XML: not a report file.
        deliver(i, { ok: 'skipped' });
      } else if (pool) {
        indices.push(i);
        inputs.push(file as ReadFile);
        if (inputs.length === CHUNK) {
          await pool.submit(indices, inputs, opts);
          indices = [];
          inputs = [];
        }
      } else {
        deliver(i, checkFile(file as ReadFile, opts));
      }
    }
    if (pool && inputs.length > 0) await pool.submit(indices, inputs, opts);
    await Promise.all([...reading]);
    await pool?.drain();
  } finally {
    void pool?.terminate();
    await reader?.dispose();
  }
  flush();
  output.push(Buffer.from(formatter.end(summary)));
  for (const b of output) process.stdout.write(b);
  for (const n of notes) process.stderr.write(`${n}\n`);
  for (const f of failures) process.stderr.write(`${f.path}: ${msg.cannotRead()}: ${f.reason}\n`);
  if (failures.length > 0) return 2;
  return summary.errors > 0 ? 1 : 0;
}

if (isReaderThread()) {
  serveReaderThread();
} else if (isPoolWorker()) {
  serveWorker(checkFile);
} else if (require.main === module) {
  // `check … | head`: the reader has gone, so the rest of the output has nowhere to go. Stop quietly, as
  // command-line tools do, rather than die with a stack trace about an unhandled EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
