// The `check` command: runs the engine over files and folders. All I/O of the checker lives here.
//   node dist/cli.js check [--format text|json|sarif] [--locale zh-CN|en] [--max-size MB] <files or folders…>
//   node dist/cli.js summary [--format csv|json|md] [--aggregate] [--locale zh-CN|en] <files or folders…>  (summary.ts)
//   node dist/cli.js rules [--format text|json|md] [--locale zh-CN|en]

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { messagesFor, normalizeLocale, type Locale } from '../l10n';
import { check, parse as parseReport } from '../report';
import { isFolder } from '../node/files';
import { collect, readInput, type ReadFailure, type ReadInput } from './inputs';
import { isPoolWorker, serveWorker, startPool, workerCount } from './pool';
import { addToSummary, emptySummary, jsonFormatter, sarifFormatter, textFormatter, type FileResult, type Formatter } from './formats';
import { formatRules } from './rules';
import { isSummaryOptions, summarizeFile, summaryCommand, type SummaryInput, type SummaryOptions } from './summary';

const VERSION = '0.1.0';
const DEFAULT_MAX_SIZE_MB = 32;

/** Plain data: the options go to the worker threads with each chunk (structured clone: no functions). */
interface Options {
  format: 'text' | 'json' | 'sarif';
  locale: Locale;
  maxBytes: number;
  /** Worker threads; undefined = one per core when there are many files. */
  jobs: number | undefined;
  paths: string[];
}

const USAGE = `用法 / usage:
  gov-report-check check [--format text|json|sarif] [--locale zh-CN|en] [--max-size MB] [--jobs N] <文件或文件夹…>
  gov-report-check summary [--format csv|json|md] [--aggregate] [--locale zh-CN|en] [--max-size MB] [--jobs N] <文件或文件夹…>
  gov-report-check rules [--format text|json|md] [--locale zh-CN|en]

  check: 检查政府信息公开工作年度报告（.txt/.md），文件夹递归检查。
         Checks 政府信息公开工作年度报告 files; folders are walked recursively for .txt and .md.
         --jobs N: worker threads (default: one per core when there are 200 files or more; 0: none).
         Exit status: 0 no errors, 1 errors found, 2 usage or read failure.
  summary: 汇总：每份报告一行（单位、类别、年度、主要数字、问题数），跨年度核对，缺少的报告；--aggregate 另附各年度表二/三/四之和。
         One row per report (unit, kind, year, key figures, problems), the rules across years, the missing reports;
         --aggregate adds each year's sum of tables 2/3/4. Default format md. A .govreport.json in a folder given
         maps unit names and gives publication dates.
  rules: 列出全部规则（代码、默认级别、说明）。 Lists every rule: code, default severity, description.
`;

class UsageError extends Error {}

/** Options of every command, as util.parseArgs reads them (strict: an unknown option is a usage error). */
const OPTIONS = {
  format: { type: 'string' },
  locale: { type: 'string' },
  'max-size': { type: 'string' },
  jobs: { type: 'string' },
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
  return { format, ...fileOptions(p) };
}

function summaryOptions(p: Parsed): Omit<SummaryOptions, 'mapping'> {
  const format = p.values.format ?? 'md';
  if (format !== 'csv' && format !== 'json' && format !== 'md') throw new UsageError(`--format 只能是 csv、json 或 md，实为 ${format}`);
  return { command: 'summary', format, aggregate: p.values.aggregate === true, ...fileOptions(p) };
}

/** The options of the commands that read files: --locale, --max-size, --jobs and the files or folders. */
function fileOptions(p: Parsed): Omit<Options, 'format'> {
  const { values, positionals } = p;
  const opts: Omit<Options, 'format'> = { locale: normalizeLocale(values.locale), maxBytes: DEFAULT_MAX_SIZE_MB * 1024 * 1024, jobs: undefined, paths: positionals.slice(1) };
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

type Checked = { ok: true; result: FileResult } | { ok: false; failure: ReadFailure };

/** A file as read for checking: its text, or why it could not be read (in the user's language). */
type ReadFile = ReadInput;

/**
 * Reads and decodes one file, on the main thread when there are worker threads: the main thread otherwise waits
 * for results while the threads check, and reading there left the threads only the checking (~5% less time over
 * 10,000 reports, measured against reading in each thread).
 */
function readFile(path: string, opts: Options): ReadFile {
  return readInput(path, opts.maxBytes, messagesFor(opts.locale));
}

/** Checks one file as read. Runs on the main thread or in a worker: plain data in, plain data out. */
function checkFile(file: ReadFile, opts: Options): Checked {
  if (file.failure !== undefined) return { ok: false, failure: { path: file.path, reason: file.failure } };
  const model = parseReport(file.text);
  const diagnostics = model.isReport ? check(model, { locale: opts.locale, uri: pathToFileURL(resolve(file.path)).toString() }) : [];
  return { ok: true, result: { path: file.path, report: model.isReport, diagnostics } };
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
  // Threads start while the folders are walked when a folder is given (it may hold many files); for files named
  // one by one, their count decides.
  const early = opts.jobs ?? (opts.paths.some(isFolder) ? workerCount(Number.POSITIVE_INFINITY) : 0);
  let pool = early > 0 ? startPool<ReadFile, Options, Checked>(__filename, early) : undefined;
  const files = collect(opts.paths, failures, msg);
  const workers = opts.jobs ?? workerCount(files.length);
  const formatter: Formatter = opts.format === 'json' ? jsonFormatter() : opts.format === 'sarif' ? sarifFormatter(VERSION) : textFormatter(msg);
  const summary = emptySummary();
  // Encoded as each run of results comes in, while the threads check the rest: formatting and encoding 8 MB of
  // JSON after the last file was ~70 ms with one core idle. Written at the end, so that a slow reader of
  // stdout never holds up the checking.
  const output: Buffer[] = [Buffer.from(formatter.begin())];
  const take = (checked: readonly Checked[]) => {
    let text = '';
    for (const c of checked) {
      if (!c.ok) {
        failures.push(c.failure);
        continue;
      }
      addToSummary(summary, c.result);
      text += formatter.file(c.result);
    }
    if (text) output.push(Buffer.from(text));
  };
  if (workers > 0) {
    pool ??= startPool<ReadFile, Options, Checked>(__filename, workers);
    await pool.run(files, opts, (f) => readFile(f, opts), take);
  } else {
    // Too few files to be worth the threads started early: they are stopped, the main thread checks.
    void pool?.terminate();
    take(files.map((f) => checkFile(readFile(f, opts), opts)));
  }
  output.push(Buffer.from(formatter.end(summary)));
  for (const b of output) process.stdout.write(b);
  for (const f of failures) process.stderr.write(`${f.path}: ${msg.cannotRead()}: ${f.reason}\n`);
  if (failures.length > 0) return 2;
  return summary.errors > 0 ? 1 : 0;
}

if (isPoolWorker()) {
  serveWorker((input: ReadFile | SummaryInput, opts: Options | SummaryOptions) =>
    isSummaryOptions(opts) ? summarizeFile(input as SummaryInput, opts) : checkFile(input as ReadFile, opts));
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
