// The `check` command: runs the engine over files and folders. All I/O of the checker lives here.
//   node dist/cli.js check [--format text|json|sarif] [--locale zh-CN|en] [--max-size MB] <files or folders…>

import { realpathSync, statSync } from 'node:fs';
import { check, parse } from '../report';
import { errnoMessage, readFailureMessage, readReportFile, walk, type WalkFailure, type WalkOptions } from '../node/files';
import { isPoolWorker, serveWorker, startPool, workerCount } from './pool';
import { addToSummary, emptySummary, jsonFormatter, sarifFormatter, textFormatter, type FileResult, type Formatter } from './formats';

const VERSION = '0.1.0';
const DEFAULT_MAX_SIZE_MB = 32;

interface Options {
  format: 'text' | 'json' | 'sarif';
  locale: 'zh-CN' | 'en';
  maxBytes: number;
  /** Worker threads; undefined = one per core when there are many files. */
  jobs: number | undefined;
  paths: string[];
}

const USAGE = `用法 / usage:
  gov-report-check check [--format text|json|sarif] [--locale zh-CN|en] [--max-size MB] [--jobs N] <文件或文件夹…>

  检查政府信息公开工作年度报告（.txt/.md），文件夹递归检查。
  Checks 政府信息公开工作年度报告 files; folders are walked recursively for .txt and .md.
  --jobs N: worker threads (default: one per core when there are 200 files or more; 0: none).
  Exit status: 0 no errors, 1 errors found, 2 usage or read failure.
`;

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (command === '--version') {
    process.stdout.write(`${VERSION}\n`);
    process.exit(0);
  }
  if (command !== 'check') throw new UsageError(command ? `未知命令 unknown command: ${command}` : '缺少命令 missing command');
  const opts: Options = { format: 'text', locale: 'zh-CN', maxBytes: DEFAULT_MAX_SIZE_MB * 1024 * 1024, jobs: undefined, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} 需要一个值 needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format 只能是 text、json 或 sarif，实为 ${v}`);
        opts.format = v;
        break;
      }
      case '--locale': {
        const v = value();
        opts.locale = /^en/i.test(v) ? 'en' : 'zh-CN';
        break;
      }
      case '--max-size': {
        const v = Number(value());
        if (!(v > 0)) throw new UsageError('--max-size 应为正数（MB） must be a positive number of MB');
        opts.maxBytes = v * 1024 * 1024;
        break;
      }
      case '--jobs': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0) throw new UsageError('--jobs 应为不小于0的整数 must be a whole number ≥ 0');
        opts.jobs = v;
        break;
      }
      case '--help': case '-h':
        process.stdout.write(USAGE);
        process.exit(0);
        break;
      default:
        if (arg.startsWith('--')) throw new UsageError(`未知选项 unknown option: ${arg}`);
        opts.paths.push(arg);
    }
  }
  if (opts.paths.length === 0) throw new UsageError('请给出要检查的文件或文件夹 no files or folders given');
  return opts;
}

interface ReadFailure {
  path: string;
  reason: string;
}

const walkOptions: WalkOptions = {
  include: (rel) => /\.(?:txt|md)$/i.test(rel),
  // Hidden folders and files, and node_modules, are never reports.
  exclude: (rel) => /(?:^|\/)(?:\.[^/]*|node_modules)$/.test(rel),
};

/** Files to check, in a stable order, each once. */
function collect(paths: readonly string[], failures: ReadFailure[], locale: 'zh-CN' | 'en'): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    // One folder or file lists each file once by construction (the walk follows no symlink); only several
    // arguments can name a file twice. realpath for each of 10,000 files was a tenth of the serial time.
    if (paths.length === 1) {
      files.push(p);
      return;
    }
    let key = p;
    try {
      key = realpathSync(p);
    } catch {
      // a path that cannot be resolved is reported when it is read
    }
    if (!seen.has(key)) {
      seen.add(key);
      files.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      failures.push({ path: p, reason: errnoMessage(e, locale) });
      continue;
    }
    if (!st.isDirectory()) {
      add(p);
      continue;
    }
    const walkFailures: WalkFailure[] = [];
    for (const f of walk(p, walkOptions, walkFailures)) add(f);
    for (const w of walkFailures) failures.push({ path: w.path, reason: errnoMessage(w.error, locale) });
  }
  return files;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

type Checked = { ok: true; result: FileResult } | { ok: false; failure: ReadFailure };

/** A file as read for checking: its text, or why it could not be read (in the user's language). */
type ReadFile = { path: string; text: string; failure?: undefined } | { path: string; failure: string };

/**
 * Reads and decodes one file, on the main thread when there are worker threads: the main thread otherwise waits
 * for results while the threads check, and reading there left the threads only the checking (~5% less time over
 * 10,000 reports, measured against reading in each thread). Messages are made here, where the error's code is.
 */
function readFile(path: string, opts: Options): ReadFile {
  const read = readReportFile(path, opts.maxBytes);
  if (read.ok) return { path, text: read.text };
  const reason = readFailureMessage(read, opts.maxBytes, opts.locale);
  return { path, failure: read.reason === 'too-large' ? `${reason}（--max-size）` : reason };
}

/** Checks one file as read. Runs on the main thread or in a worker: plain data in, plain data out. */
function checkFile(file: ReadFile, opts: Options): Checked {
  if (file.failure !== undefined) return { ok: false, failure: { path: file.path, reason: file.failure } };
  const model = parse(file.text);
  return { ok: true, result: { path: file.path, report: model.isReport, diagnostics: model.isReport ? check(model, { locale: opts.locale }) : [] } };
}

export async function main(argv: readonly string[]): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  const failures: ReadFailure[] = [];
  // Threads start while the folders are walked when a folder is given (it may hold many files); for files named
  // one by one, their count decides.
  const early = opts.jobs ?? (opts.paths.some(isFolder) ? workerCount(Number.POSITIVE_INFINITY) : 0);
  let pool = early > 0 ? startPool<ReadFile, Options, Checked>(__filename, early) : undefined;
  const files = collect(opts.paths, failures, opts.locale);
  const workers = opts.jobs ?? workerCount(files.length);
  const formatter: Formatter = opts.format === 'json' ? jsonFormatter() : opts.format === 'sarif' ? sarifFormatter(VERSION) : textFormatter(opts.locale);
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
  for (const f of failures) process.stderr.write(`${f.path}: ${opts.locale === 'en' ? 'cannot read' : '无法读取'}: ${f.reason}\n`);
  if (failures.length > 0) return 2;
  return summary.errors > 0 ? 1 : 0;
}

if (isPoolWorker()) {
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
