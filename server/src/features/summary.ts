// The summary of a set of reports, as data and as text: one row per report (unit, kind, year, key figures, problems),
// the rules across reports over the whole set (a report's last-year report is its unit's report for the year before
// among those given), the reports that are missing, and optionally the sum of every report's tables per year checked
// by the table rules; CSV (UTF-8 with a BOM), JSON and Markdown. Pure: the CLI (`summary`, cli/summary.ts) and the
// language server (the workspace index's summary view and export, lsp/reportIndex.ts) both call it over what they
// took of each report, never its text.

import type { Diagnostic } from 'vscode-languageserver-types';
import type { Messages, SummaryColumn, SummaryRowType } from '../l10n';
import {
  RULE_CODES, aggregateReportText, certainValue, checkAggregate, factsOf, pairReports, parse, reportDiagnostics, sumTableValues,
  type AggregateTable, type ColumnFacts, type Fact, type IdentitySource, type MissingReport, type ReportFacts, type TableValues,
  type SeveritySetting, type UnitKind,
} from '../report';

/** What the summary needs of one report: who and when it is, its facts (asked for only when a rule across reports needs them), its figures and problems. */
export interface SummaryEntry {
  /** The file as the output names it. */
  readonly path: string;
  readonly key: Pick<ReportFacts, 'file' | 'isReport' | 'identity' | 'formatYear' | 'published'>;
  /** The report's facts; called only for a report with last year's report, or a publication date. */
  facts(): ReportFacts;
  readonly figures: Figures;
  readonly errors: number;
  readonly warnings: number;
  /** The rule codes the report's own check hit. */
  readonly codes: readonly string[];
  /** Its tables' numbers, for the aggregate. */
  readonly values: TableValues | undefined;
}

export interface SummarizeOptions {
  readonly locale?: string;
  /** Whether to add each year's aggregate tables. */
  readonly aggregate: boolean;
  /** Per-rule severities, as for check (the rules across reports and report-missing follow them). */
  readonly severities?: Partial<Record<string, SeveritySetting>>;
}

// ---------------------------------------------------------------------------------------------
// The rows (the JSON output is exactly these objects; README.md documents them)

/** The figures every row has, by its column id: numbers read with certainty, else null. */
export interface Figures {
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

export function summarize(reported: readonly SummaryEntry[], opts: SummarizeOptions, msg: Messages): Summary {
  const pairing = pairReports(reported.map((r) => r.key), { locale: opts.locale, severities: opts.severities });
  const reports = reported.map((r, i): ReportRow => {
    const f = r.key;
    const previous = pairing.previous[i];
    const found = previous === undefined && f.published === undefined ? []
      : reportDiagnostics(r.facts(), previous === undefined ? undefined : reported[previous]!.facts(), { locale: opts.locale, severities: opts.severities });
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

export function figuresOf(f: ReportFacts): Figures {
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
function aggregateRows(reported: readonly SummaryEntry[], groups: readonly (string | undefined)[], opts: SummarizeOptions, msg: Messages): AggregateRow[] {
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

export const COLUMNS: readonly SummaryColumn[] = [
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
export function tableRows(s: Summary, msg: Messages): Cells[] {
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

