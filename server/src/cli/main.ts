// The `check` command: runs the engine over files and folders. All I/O of the checker lives here.
//   node dist/cli.js check [--format text|json|sarif] [--locale zh-CN|en] [--max-size MB] [--jobs N] [--timeout S] [--show-text] <files or folders…>
//   node dist/cli.js summary [--format csv|json|md] [--aggregate] [--locale zh-CN|en] <files or folders…>  (summary.ts)
//   node dist/cli.js rules [--format text|json|md] [--locale zh-CN|en]

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { messagesFor, normalizeLocale } from '../l10n';
import { check, parse as parseReport, type CheckOptions, type ReportModel } from '../report';
import type { PublishedReport } from '../readers/types';
import { htmlLines, locate, type SourceLocation } from '../readers/location';
import { fileUrlOf, isFolder } from '../node/files';
import { DEFAULT_DEADLINE_MS, isReaderThread, judgeReport, registerReaderTask, serveReaderThread, type ReaderTaskContext } from '../node/published';
import { collect, feedFiles, isTextPath, type FileOptions, type Outcome, type PublishedJob, type ReadFailure, type ReadInput } from './inputs';
import { isPoolWorker, serveWorker, startPool, workerCount, type Pool } from './pool';
import { addToSummary, emptySummary, jsonFormatter, sarifFormatter, textFormatter, type FileResult, type Formatter } from './formats';
import { formatRules } from './rules';
import { isSummaryOptions, registerSummaryTask, summarizeFile, summaryCommand, type SummaryInput, type SummaryOptions } from './summary';

const VERSION = '0.1.0';
const DEFAULT_MAX_SIZE_MB = 32;

/** Plain data: the options go to the worker threads with each chunk (structured clone: no functions). */
interface Options extends FileOptions {
  readonly format: 'text' | 'json' | 'sarif';
  /** Print the text each file was checked as (--show-text). */
  readonly showText: boolean;
}

const USAGE = `用法 / usage:
  gov-report-check check [--format text|json|sarif] [--locale zh-CN|en] [--max-size MB] [--jobs N] [--timeout S] [--show-text] <文件或文件夹…>
  gov-report-check summary [--format csv|json|md] [--aggregate] [--locale zh-CN|en] [--max-size MB] [--jobs N] [--timeout S] <文件或文件夹…>
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
  summary: 汇总：每份报告一行（单位、类别、年度、主要数字、问题数），跨年度核对，缺少的报告；--aggregate 另附各年度表二/三/四之和。
         One row per report (unit, kind, year, key figures, problems), the rules across years, the missing reports;
         --aggregate adds each year's sum of tables 2/3/4. Default format md. Reads the same files as check. A
         .govreport.json in a folder given maps unit names and gives publication dates (a web page's own date is
         used where it gives none).
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
  aggregate: { type: 'boolean' },
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
  const format = p.values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format 只能是 text、json 或 sarif，实为 ${format}`);
  if (p.values.aggregate) throw new UsageError('--aggregate 只用于 summary 命令 is for the summary command only');
  const showText = p.values['show-text'] === true;
  if (showText && format === 'sarif') throw new UsageError('--show-text 不能与 --format sarif 同用 cannot be used with --format sarif');
  return { format, showText, ...fileOptions(p) };
}

function summaryOptions(p: Parsed): Omit<SummaryOptions, 'mapping' | 'published'> {
  const format = p.values.format ?? 'md';
  if (format !== 'csv' && format !== 'json' && format !== 'md') throw new UsageError(`--format 只能是 csv、json 或 md，实为 ${format}`);
  if (p.values['show-text']) throw new UsageError('--show-text 只用于 check 命令 is for the check command only');
  return { command: 'summary', format, aggregate: p.values.aggregate === true, ...fileOptions(p) };
}

/** The options of the commands that read files: --locale, --max-size, --jobs, --timeout and the files or folders. */
function fileOptions(p: Parsed): FileOptions {
  const { values, positionals } = p;
  let maxBytes = DEFAULT_MAX_SIZE_MB * 1024 * 1024;
  let deadlineMs = DEFAULT_DEADLINE_MS;
  let jobs: number | undefined;
  if (values.timeout !== undefined) {
    const v = Number(values.timeout);
    if (!(v > 0) || !Number.isFinite(v)) throw new UsageError('--timeout 应为正数（秒） must be a positive number of seconds');
    deadlineMs = v * 1000;
  }
  if (values['max-size'] !== undefined) {
    const v = Number(values['max-size']);
    if (!(v > 0)) throw new UsageError('--max-size 应为正数（MB） must be a positive number of MB');
    maxBytes = v * 1024 * 1024;
  }
  if (values.jobs !== undefined) {
    const v = Number(values.jobs);
    if (!Number.isInteger(v) || v < 0) throw new UsageError('--jobs 应为不小于0的整数 must be a whole number ≥ 0');
    jobs = v;
  }
  const paths = positionals.slice(1);
  if (paths.length === 0) throw new UsageError('请给出要检查的文件或文件夹 no files or folders given');
  return { locale: normalizeLocale(values.locale), maxBytes, jobs, deadlineMs, paths };
}

type Checked = Outcome<FileResult>;

/** Checks one text file as read. Runs on the main thread or in a worker: plain data in, plain data out. */
function checkFile(file: ReadInput, opts: Options): Checked {
  if (file.failure !== undefined) return { ok: false, failure: { path: file.path, reason: file.failure } };
  const model = parseReport(file.text);
  const diagnostics = model.isReport ? check(model, new RuleOptions(file.path, opts)) : [];
  return { ok: true, result: { path: file.path, report: model.isReport, diagnostics, ...(opts.showText ? { text: file.text } : {}) } };
}

const CHECK_PUBLISHED = 'cli-check';

/**
 * Checks a published file where it was read, on its reader thread: the rendered text is parsed and checked like
 * any text, and each diagnostic's range is placed in the file (readers/location.ts), so that neither the text nor
 * its source map crosses threads.
 */
function checkPublished(report: PublishedReport, job: PublishedJob<Options>, context: ReaderTaskContext): Checked {
  const { path, opts } = job;
  if (job.wordXmlOnly && report.format !== 'word2003xml') return { ok: 'skipped' };
  const msg = messagesFor(opts.locale);
  const read = judgeReport(report, msg, context.deadlineMs);
  if (!read.ok) return { ok: false, failure: { path, reason: read.message } };
  const model = parseReport(read.text);
  const diagnostics = model.isReport ? check(model, new RuleOptions(path, opts)) : [];
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

/**
 * The check's options for a file: its URL made only if a diagnostic has related information to point with. A
 * class with its getter on the prototype: an object literal with a getter of its own cost a closure and an
 * accessor's definition for every file.
 */
class RuleOptions implements CheckOptions {
  private url: string | undefined;
  readonly locale: string | undefined;

  constructor(private readonly path: string, opts: Options) {
    this.locale = opts.locale;
  }

  get uri(): string {
    return (this.url ??= fileUrlOf(resolve(this.path)));
  }
}

function offsetAt(model: ReportModel, p: { line: number; character: number }): number {
  return model.lines.offsetAt(p);
}

registerReaderTask(CHECK_PUBLISHED, (report, options, context) => checkPublished(report, options as PublishedJob<Options>, context));
registerSummaryTask();

/**
 * V8 tuned for a short run, in this process only (the language server, which runs for hours, keeps V8's defaults).
 * Set before any thread starts: V8 reads them when it compiles and when it counts a function's calls.
 * - TurboFan inlines only functions of up to 100 bytes of bytecode (default 460). Each worker and reader thread
 *   compiles the engine (and a reader) for itself on the same cores that check: with 2 cores, the compile jobs of
 *   one reader thread over 267 PDFs added up to about as much CPU as the thread's own running, the largest ones
 *   graphs of whole call trees inlined into a function called once a file. Measured, 8 alternated runs each: 267
 *   PDFs 1.63 → 1.46 s (median wall; user CPU −12%), 10,000 text reports 1.99 → 1.89 s (−6% CPU).
 * - A function is optimised after 40,000 units of interrupt budget instead of 67,584: a worker checks only 5,000
 *   reports, and `--prof` could name the JavaScript of only ~40% of a worker's ticks (~48% unaccounted: code
 *   not yet optimised among them). 8 alternated runs over the 10,000 reports: 1.61 → 1.56 s median (20,000: 1.58,
 *   30,000: 1.56); 267 PDFs unchanged (1.46 → 1.47).
 */
function tuneV8ForShortRuns(): void {
  try {
    setFlagsFromString('--max-inlined-bytecode-size=100');
    setFlagsFromString('--interrupt-budget=40000');
  } catch {
    // an optimisation only
  }
}

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
    if (command === 'summary') return await summaryCommand(summaryOptions(parsed));
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
  const startChecking = (count: number) => startPool<ReadInput, Options, Checked>(__filename, count, (indices, results) => {
    for (let k = 0; k < indices.length; k++) deliver(indices[k]!, results[k]!);
  });
  let pool: Pool<ReadInput, Options> | undefined = early > 0 ? startChecking(early) : undefined;
  const walked = new Set<string>();
  const files = collect(opts.paths, failures, msg, walked);
  // Text files are checked on the check threads when there are many (published files on reader threads: inputs.ts).
  const workers = opts.jobs ?? workerCount(files.reduce((n, f) => n + (isTextPath(f) ? 1 : 0), 0));
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
  await feedFiles({ files, walked, opts, msg, pool, work: checkFile, task: CHECK_PUBLISHED, deliver });
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
  serveWorker((input: ReadInput | SummaryInput, opts: Options | SummaryOptions) =>
    isSummaryOptions(opts) ? summarizeFile(input as SummaryInput, opts) : checkFile(input as ReadInput, opts));
} else if (require.main === module) {
  // `check … | head`: the reader has gone, so the rest of the output has nowhere to go. Stop quietly, as
  // command-line tools do, rather than die with a stack trace about an unhandled EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  tuneV8ForShortRuns();
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
