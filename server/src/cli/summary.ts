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
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { messagesFor, type Messages, type SummaryColumn, type SummaryRowType } from '../l10n';
import {
  RULE_CODES, aggregateReportText, certainValue, check, checkAggregate, factsOf, packFacts, pairReports, parse, reportDiagnostics,
  sumTableValues, tableValuesOf, unpackFacts, unpackKey, type AggregateTable, type ColumnFacts, type Fact, type IdentitySource,
  type MissingReport, type PackedFacts, type ReportFacts, type TableValues, type UnitKind, type UnitMapping,
} from '../report';
import { isFolder } from '../node/files';
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
  const uri = pathToFileURL(resolve(input.path)).toString();
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
  const summary = summarize(results, full, msg);
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

// ---------------------------------------------------------------------------------------------
// The rows (the JSON output is exactly these objects; README.md documents them)

/** The figures every row has, by its column id: numbers read with certainty, else null. */
interface Figures {
  newReceived: number | null;
  carriedOver: number | null;
  handled: number | null;
  carriedForward: number | null;
  reviews: number | null;
  lawsuits: number | null;
  regulationsInForce: number | null;
  normativeDocumentsInForce: number | null;
  fees: number | null;
}

export interface ReportRow extends Figures {
  type: 'report';
  file: string;
  unit: string | null;
  /** The key reports of one unit share (after the user's mapping and the region prefixes matched over the set). */
  unitKey: string | null;
  kind: UnitKind;
  year: number | null;
  formatYear: 2019 | 2021 | null;
  unitFrom: 'title' | 'file' | null;
  yearFrom: IdentitySource | null;
  published: string | null;
  /** Last year's report of the same unit among the files, if any. */
  previous: string | null;
  errors: number;
  warnings: number;
  /** Every rule code hit, the rules across reports included, in the rule table's order. */
  codes: string[];
  /** What the rules across reports found on this report (LSP diagnostics; related information points at last year's file). */
  acrossReports: Diagnostic[];
}

export interface MissingRow {
  type: 'missing';
  unit: string;
  unitKey: string;
  kind: UnitKind;
  year: number;
  lastYear: number;
  lastFile: string;
  message: string;
}

export interface AggregateRow extends Figures {
  type: 'aggregate';
  year: number;
  /** The year's reports counted (a second report of a unit and year is not); each table's count is in `tables`. */
  reports: number;
  /** Per table: how many reports it sums, and the files it leaves out. */
  tables: { [T in AggregateTable]: { summed: number; left: string[] } };
  errors: number;
  warnings: number;
  codes: string[];
  note: string;
  /** The aggregate as a report (TSV layout): save it and check it, or open it in the editor. */
  text: string;
  diagnostics: Diagnostic[];
}

export interface Summary {
  readonly reports: ReportRow[];
  readonly missing: MissingRow[];
  readonly aggregates: AggregateRow[];
}

function summarize(reported: readonly Taken[], opts: SummaryOptions, msg: Messages): Summary {
  const pairing = pairReports(reported.map((r) => r.key), { locale: opts.locale });
  const reports = reported.map((r, i): ReportRow => {
    const f = r.key;
    const previous = pairing.previous[i];
    const found = previous === undefined && f.published === undefined ? []
      : reportDiagnostics(unpackFacts(r.facts), previous === undefined ? undefined : unpackFacts(reported[previous]!.facts), { locale: opts.locale });
    const codes = new Set(r.codes);
    let errors = r.errors;
    let warnings = r.warnings;
    for (const d of found) {
      codes.add(String(d.code));
      if (d.severity === 1) errors++;
      else if (d.severity === 2) warnings++;
    }
    return {
      type: 'report',
      file: r.path,
      unit: f.identity.unit ?? null,
      unitKey: pairing.groups[i] ?? null,
      kind: f.identity.kind,
      year: f.identity.year ?? null,
      formatYear: f.formatYear ?? null,
      unitFrom: f.identity.unitFrom ?? null,
      yearFrom: f.identity.yearFrom ?? null,
      ...r.figures,
      published: f.published ?? null,
      previous: previous === undefined ? null : reported[previous]!.path,
      errors,
      warnings,
      codes: sortCodes(codes),
      acrossReports: found,
    };
  });
  const missing = pairing.missing.map((m: MissingReport): MissingRow => ({
    type: 'missing', unit: m.unit, unitKey: m.key, kind: m.kind, year: m.year, lastYear: m.lastYear, lastFile: m.lastFile, message: m.message,
  }));
  const aggregates = opts.aggregate ? aggregateRows(reported, pairing.groups, opts, msg) : [];
  return { reports, missing, aggregates };
}

function figuresOf(f: ReportFacts): Figures {
  const total = (row: ColumnFacts) => value(row.total);
  return {
    newReceived: total(f.applications.newReceived),
    carriedOver: total(f.applications.carriedOver),
    handled: total(f.applications.handled),
    carriedForward: total(f.applications.carriedForward),
    reviews: value(f.reviews),
    lawsuits: value(f.lawsuits),
    regulationsInForce: value(f.documents.regulations?.inForce),
    normativeDocumentsInForce: value(f.documents.normativeDocuments?.inForce),
    fees: value(f.fees),
  };
}

function value(fact: Fact | undefined): number | null {
  return certainValue(fact) ?? null;
}

function sortCodes(codes: ReadonlySet<string>): string[] {
  return RULE_CODES.filter((c) => codes.has(c));
}

/**
 * The sum of each year's reports (--aggregate): one report per unit and year (a second file of the same unit and
 * year is not counted again), each table from the reports that give it whole.
 */
function aggregateRows(reported: readonly Taken[], groups: readonly (string | undefined)[], opts: SummaryOptions, msg: Messages): AggregateRow[] {
  const byYear = new Map<number, { values: TableValues[]; left: Record<AggregateTable, string[]>; duplicates: number; seen: Set<string> }>();
  reported.forEach((r, i) => {
    const year = r.key.identity.year;
    if (year === undefined) return;
    let y = byYear.get(year);
    if (!y) byYear.set(year, (y = { values: [], left: { activeDisclosure: [], applications: [], reviewsAndLawsuits: [] }, duplicates: 0, seen: new Set() }));
    const group = groups[i];
    if (group !== undefined) {
      if (y.seen.has(group)) {
        y.duplicates++;
        return;
      }
      y.seen.add(group);
    }
    const v = r.values ?? {};
    y.values.push(v);
    for (const t of ['activeDisclosure', 'applications', 'reviewsAndLawsuits'] as const) if (!v[t]) y.left[t].push(r.path);
  });
  const rows: AggregateRow[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const y = byYear.get(year)!;
    const sums = sumTableValues(y.values);
    const text = aggregateReportText(sums, year);
    const diagnostics = checkAggregate(text, opts.locale);
    const facts = factsOf(parse(text), '');
    const tables = {
      activeDisclosure: { summed: sums.counts.activeDisclosure, left: y.left.activeDisclosure },
      applications: { summed: sums.counts.applications, left: y.left.applications },
      reviewsAndLawsuits: { summed: sums.counts.reviewsAndLawsuits, left: y.left.reviewsAndLawsuits },
    };
    const errors = diagnostics.filter((d) => d.severity === 1).length;
    const warnings = diagnostics.filter((d) => d.severity === 2).length;
    rows.push({
      type: 'aggregate',
      year,
      reports: y.values.length,
      tables,
      ...figuresOf(facts),
      errors,
      warnings,
      codes: sortCodes(new Set(diagnostics.map((d) => String(d.code)))),
      note: msg.aggregateNote((Object.keys(tables) as AggregateTable[]).map((t) => ({ table: t, ...tables[t] })), y.duplicates, errors, warnings),
      text,
      diagnostics,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Formats

const COLUMNS: readonly SummaryColumn[] = [
  'type', 'file', 'unit', 'kind', 'year', 'format', 'newReceived', 'carriedOver', 'handled', 'carriedForward', 'reviews', 'lawsuits',
  'regulationsInForce', 'normativeDocumentsInForce', 'fees', 'published', 'errors', 'warnings', 'codes', 'note',
];

type Cells = Record<SummaryColumn, string>;

const str = (x: number | string | null | undefined) => (x === null || x === undefined ? '' : String(x));

function figureCells(r: Figures): Pick<Cells, keyof Figures> {
  return {
    newReceived: str(r.newReceived), carriedOver: str(r.carriedOver), handled: str(r.handled), carriedForward: str(r.carriedForward),
    reviews: str(r.reviews), lawsuits: str(r.lawsuits), regulationsInForce: str(r.regulationsInForce),
    normativeDocumentsInForce: str(r.normativeDocumentsInForce), fees: str(r.fees),
  };
}

/** Every row of the table, as the cells CSV and Markdown write: reports, then missing reports, then aggregates. */
function tableRows(s: Summary, msg: Messages): Cells[] {
  const type = (t: SummaryRowType) => msg.summaryRowType(t);
  const empty = { newReceived: '', carriedOver: '', handled: '', carriedForward: '', reviews: '', lawsuits: '', regulationsInForce: '', normativeDocumentsInForce: '', fees: '' };
  return [
    ...s.reports.map((r): Cells => ({
      type: type('report'), file: r.file, unit: str(r.unit), kind: msg.unitKind(r.kind), year: str(r.year), format: str(r.formatYear),
      ...figureCells(r), published: str(r.published), errors: str(r.errors), warnings: str(r.warnings), codes: r.codes.join(' '),
      note: msg.identityNote(r.unitFrom ?? undefined, r.yearFrom ?? undefined),
    })),
    ...s.missing.map((m): Cells => ({
      type: type('missing'), file: '', unit: m.unit, kind: msg.unitKind(m.kind), year: str(m.year), format: '', ...empty, published: '',
      errors: '', warnings: '', codes: 'report-missing', note: m.message,
    })),
    ...s.aggregates.map((a): Cells => ({
      type: type('aggregate'), file: '', unit: '', kind: '', year: str(a.year), format: '2021', ...figureCells(a), published: '',
      errors: str(a.errors), warnings: str(a.warnings), codes: a.codes.join(' '), note: a.note,
    })),
  ];
}

/** RFC 4180: fields with a comma, a quote or a line break in quotes, quotes doubled; lines end in CRLF. */
function csvField(s: string): string {
  // A text cell that a spreadsheet would take for a formula (=, +, -, @ first) is written as text.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(?:\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a BOM (Excel then reads it as UTF-8), a header row in the user's language. */
export function formatCsv(s: Summary, msg: Messages): string {
  const lines = [COLUMNS.map((c) => csvField(msg.summaryColumn(c))).join(',')];
  for (const row of tableRows(s, msg)) lines.push(COLUMNS.map((c) => csvField(row[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The rows as a JSON array: reports, then missing reports, then aggregates (README.md documents the objects). */
export function formatJson(s: Summary): string {
  return `${JSON.stringify([...s.reports, ...s.missing, ...s.aggregates], null, 2)}\n`;
}

function mdCell(s: string): string {
  // Most cells are plain (numbers, names): 200,000 of them over 10,000 reports.
  if (!/[\\|\r\n]/.test(s)) return s;
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

/** A table of every row, then what the rules across reports found, then each aggregate as a report text. */
export function formatMarkdown(s: Summary, msg: Messages): string {
  const out = [`# ${msg.summaryTitle()}`, ''];
  out.push(`| ${COLUMNS.map((c) => mdCell(msg.summaryColumn(c))).join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`);
  for (const row of tableRows(s, msg)) out.push(`| ${COLUMNS.map((c) => mdCell(row[c])).join(' | ')} |`);
  out.push('');
  const found = s.reports.flatMap((r) => r.acrossReports.map((d) => `- \`${mdCell(r.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}\` ${msg.severityName((d.severity ?? 1) as 1 | 2 | 3 | 4)} \`${String(d.code)}\` ${mdCell(messageText(d))}`));
  if (found.length > 0) out.push(`## ${msg.summaryAcrossHeading()}`, '', ...found, '');
  out.push(`## ${msg.summaryMissingHeading()}`, '', ...(s.missing.length > 0 ? s.missing.map((m) => `- ${mdCell(m.message)}`) : [msg.summaryNoneMissing()]), '');
  for (const a of s.aggregates) {
    out.push(`## ${msg.summaryAggregateHeading(a.year, a.reports)}`, '', mdCell(a.note), '');
    for (const d of a.diagnostics) out.push(`- ${d.range.start.line + 1}:${d.range.start.character + 1} ${msg.severityName((d.severity ?? 1) as 1 | 2 | 3 | 4)} \`${String(d.code)}\` ${mdCell(messageText(d))}`);
    if (a.diagnostics.length > 0) out.push('');
    out.push('```text', a.text, '```', '');
  }
  const errors = s.reports.reduce((n, r) => n + r.errors, 0);
  const warnings = s.reports.reduce((n, r) => n + r.warnings, 0);
  out.push(msg.summaryFooter(s.reports.length, errors, warnings, s.missing.length), '');
  return out.join('\n');
}

/** Our diagnostics' messages are plain strings; LSP also allows Markdown. */
function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

const FORMATTERS: Record<SummaryOptions['format'], (s: Summary, msg: Messages) => string> = {
  csv: formatCsv,
  json: (s) => formatJson(s),
  md: formatMarkdown,
};
