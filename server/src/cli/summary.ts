// The `summary` command: one row per report (unit, kind, year, key figures, problems), the rules across reports
// over the whole set (a report's last-year report is its unit's report for the year before among the files given),
// the reports that are missing, and with --aggregate the sum of every report's tables, per year, checked by the
// table rules.
//   node dist/cli.js summary [--format csv|json|md] [--aggregate] [--locale zh-CN|en] [--jobs N] <files or folders…>
//
// Each file is read, parsed and checked once, as `check` reads it (inputs.ts: text on the worker threads of pool.ts
// when there are many, web pages, Word and PDF files on the reader threads of node/published.ts); a thread sends back the file's facts (report/facts.ts, packed), its row's figures, its problem counts
// and codes, and with --aggregate its tables' numbers, never its model or text. The rules across reports then run on
// the main thread over the facts.

import { dirname, resolve } from 'node:path';
import { messagesFor, type Messages } from '../l10n';
import { check, factsOf, packFacts, parse, tableValuesOf, unpackFacts, unpackKey, type PackedFacts, type TableValues, type UnitMapping } from '../report';
import { figuresOf, formatCsv, formatJson, formatMarkdown, summarize, type Figures, type Summary, type SummaryEntry } from '../features/summary';
import { fileUrlOf, isFolder } from '../node/files';
import { loadGovReportConfig, mergeConfigs, type GovReportConfig } from '../node/govreportConfig';
import { judgeReport, registerReaderTask } from '../node/published';
import type { PublishedReport } from '../readers/types';
import { collect, feedFiles, isTextPath, type FileOptions, type Outcome, type PublishedJob, type ReadFailure, type ReadInput } from './inputs';
import { startPool, workerCount, type Pool } from './pool';

/** Plain data: sent to the worker threads with each chunk (structured clone). */
export interface SummaryOptions extends FileOptions {
  readonly command: 'summary';
  readonly format: 'csv' | 'json' | 'md';
  readonly aggregate: boolean;
  readonly mapping: UnitMapping;
  /** The user's publication dates (.govreport.json), by absolute path; usually none. */
  readonly published: Readonly<Record<string, string>>;
}

/** A text file as read for the summary (inputs.ts readInput). */
export type SummaryInput = ReadInput;

/** One file, summarised on a thread: plain data, its facts packed (facts.ts packFacts), its row's figures. */
interface Summarized {
  readonly path: string;
  /** The facts, when the file is a report. */
  readonly facts: PackedFacts | undefined;
  readonly figures: Figures | undefined;
  readonly errors: number;
  readonly warnings: number;
  readonly codes: string[];
  readonly values: TableValues | undefined;
}

type SummaryResult = Outcome<Summarized>;

/**
 * A report as the main thread keeps it: who and when it is, unpacked as it comes in, and its facts still packed,
 * unpacked only for a report the rules across reports look at (one with last year's report, or a publication
 * date): 10,000 reports' facts unpacked were ~2 million small objects for the garbage collector, and a third of a
 * second of the main thread's time after the threads were done.
 */
type Taken = Omit<Summarized, 'facts' | 'figures'> & { readonly facts: PackedFacts; readonly figures: Figures; readonly key: ReturnType<typeof unpackKey> };

export function isSummaryOptions(options: unknown): options is SummaryOptions {
  return (options as { command?: unknown } | undefined)?.command === 'summary';
}

/** Parses, checks and takes the facts of one file. Runs on the main thread or in a worker: plain data in and out. */
export function summarizeFile(input: SummaryInput, opts: SummaryOptions): SummaryResult {
  if (input.failure !== undefined) return { ok: false, failure: { path: input.path, reason: input.failure } };
  return summarizeText(input.path, input.text, opts.published[resolve(input.path)], opts);
}

function summarizeText(path: string, text: string, published: string | undefined, opts: SummaryOptions): SummaryResult {
  const input = { path, published };
  const model = parse(text);
  if (!model.isReport) return { ok: true, result: { path: input.path, facts: undefined, figures: undefined, errors: 0, warnings: 0, codes: [], values: undefined } };
  let errors = 0;
  let warnings = 0;
  const codes = new Set<string>();
  for (const d of check(model, { locale: opts.locale })) {
    if (d.severity === 1) errors++;
    else if (d.severity === 2) warnings++;
    codes.add(String(d.code));
  }
  const uri = fileUrlOf(resolve(input.path));
  const facts = factsOf(model, input.path, { uri, published: input.published, mapping: opts.mapping });
  return { ok: true, result: { path: input.path, facts: packFacts(facts), figures: figuresOf(facts), errors, warnings, codes: [...codes], values: opts.aggregate ? tableValuesOf(model) : undefined } };
}

const SUMMARIZE_PUBLISHED = 'cli-summary';

/**
 * A published file summarised where it was read, on its reader thread. Its publication date is the user's when
 * .govreport.json gives one, else the page's own (PublishedMeta.published: a web page's PubDate and the like).
 */
function summarizePublished(report: PublishedReport, job: PublishedJob<SummaryOptions>, deadlineMs: number): SummaryResult {
  const { path, opts } = job;
  if (job.wordXmlOnly && report.format !== 'word2003xml') return { ok: 'skipped' };
  const read = judgeReport(report, messagesFor(opts.locale), deadlineMs);
  if (!read.ok) return { ok: false, failure: { path, reason: read.message } };
  return summarizeText(path, read.text, opts.published[resolve(path)] ?? read.meta.published, opts);
}

/** Registers the summary's reader task; the bundle that runs reader threads calls it at load (cli/main.ts). */
export function registerSummaryTask(): void {
  registerReaderTask(SUMMARIZE_PUBLISHED, (report, options, context) => summarizePublished(report, options as PublishedJob<SummaryOptions>, context.deadlineMs));
}

// ---------------------------------------------------------------------------------------------
// The command

export async function summaryCommand(opts: Omit<SummaryOptions, 'mapping' | 'published'>): Promise<number> {
  const msg = messagesFor(opts.locale);
  const failures: ReadFailure[] = [];
  const early = opts.jobs ?? (opts.paths.some(isFolder) ? workerCount(Number.POSITIVE_INFINITY) : 0);
  const results: Taken[] = [];
  const take = (outcome: SummaryResult) => {
    if (outcome.ok === 'skipped') return;
    if (!outcome.ok) failures.push(outcome.failure);
    else if (outcome.result.facts && outcome.result.figures) {
      const r = outcome.result;
      results.push({ ...r, facts: r.facts!, figures: r.figures!, key: unpackKey(r.facts!) });
    }
  };
  // Outcomes come in any order; the rows are in the files' order.
  const outcomes: (SummaryResult | undefined)[] = [];
  const deliver = (index: number, outcome: SummaryResult) => void (outcomes[index] = outcome);
  const startSummarizing = (count: number) => startPool<ReadInput, SummaryOptions, SummaryResult>(__filename, count, (indices, done) => {
    for (let k = 0; k < indices.length; k++) deliver(indices[k]!, done[k]!);
  });
  let pool: Pool<ReadInput, SummaryOptions> | undefined = early > 0 ? startSummarizing(early) : undefined;
  const config = loadConfigs(opts.paths, msg, failures);
  const full: SummaryOptions = { ...opts, mapping: config.mapping, published: Object.fromEntries(config.published) };
  const walked = new Set<string>();
  const files = collect(opts.paths, failures, msg, walked);
  const workers = opts.jobs ?? workerCount(files.reduce((n, f) => n + (isTextPath(f) ? 1 : 0), 0));
  if (workers > 0) pool ??= startSummarizing(workers);
  else if (pool) {
    void pool.terminate();
    pool = undefined;
  }
  await feedFiles({ files, walked, opts: full, msg, pool, work: summarizeFile, task: SUMMARIZE_PUBLISHED, deliver });
  for (const outcome of outcomes) if (outcome) take(outcome);
  const entries = results.map((r): SummaryEntry => ({ ...r, facts: () => unpackFacts(r.facts) }));
  const summary = summarize(entries, { locale: full.locale, aggregate: full.aggregate }, msg);
  process.stdout.write(FORMATTERS[opts.format](summary, msg));
  for (const f of failures) process.stderr.write(`${f.path}: ${msg.cannotRead()}: ${f.reason}\n`);
  if (failures.length > 0) return 2;
  return summary.reports.some((r) => r.errors > 0) ? 1 : 0;
}

/** The .govreport.json of every folder given and of the folder of every file given, as one. */
function loadConfigs(paths: readonly string[], msg: Messages, failures: ReadFailure[]): GovReportConfig {
  const folders = [...new Set(paths.map((p) => resolve(isFolder(p) ? p : dirname(p))))];
  const configs: GovReportConfig[] = [];
  for (const folder of folders) {
    const loaded = loadGovReportConfig(folder, msg);
    if (loaded.config) configs.push(loaded.config);
    for (const problem of loaded.problems) failures.push({ path: folder, reason: problem });
  }
  return mergeConfigs(configs);
}

export type { AggregateRow, MissingRow, ReportRow, Summary } from '../features/summary';

const FORMATTERS: Record<SummaryOptions['format'], (s: Summary, msg: Messages) => string> = {
  csv: formatCsv,
  json: (s) => formatJson(s),
  md: formatMarkdown,
};
