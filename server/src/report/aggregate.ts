// The compiled tables of a region (汇总): the sum of every report's 表二, 表三 and 表四, as a 本级 office reports them
// for its units, rendered as a report text in the template's TSV layout (template.ts) so that the engine reads and
// checks it like any report. Every identity of the format is linear, so the sum of tables that balance balances: an
// identity that fails in the sum fails in some report summed. Only tables of the 2021 format whose every cell was
// read with certainty are summed (a table that was not is left out, and named). Pure: no I/O.

import type { Diagnostic } from 'vscode-languageserver-types';
import { check, type SeveritySetting } from './check';
import type { Cell, ReportModel } from './model';
import { parse } from './parse';
import { RULES } from './rules';
import { APPLICATION_ROWS, DISCLOSURE_ROWS_2021, REVIEW_COLUMN_IDS, REVIEW_GROUPS, type ReviewGroup } from './schema';
import { activeDisclosureTableText, applicationsTableText, reviewsTableText, type CellText } from './template';

/**
 * A table's numbers in one flat array: its rows in the schema's order (TABLE_ROWS), each row's cells in its
 * columns' order (表四: its three groups of five). Flat, so that a worker thread sends a report's tables as three
 * arrays of numbers rather than dozens of small objects.
 */
export type TableNumbers = readonly number[];

/** The numbers of a report's tables: each table only when it is in the 2021 format and every cell was read with certainty. */
export interface TableValues {
  readonly activeDisclosure?: TableNumbers;
  readonly applications?: TableNumbers;
  readonly reviewsAndLawsuits?: TableNumbers;
  /** Decimals the fee was written with (万元 with up to 6 decimals): its sum is printed as precisely. */
  readonly feeDecimals?: number;
}

export type AggregateTable = 'activeDisclosure' | 'applications' | 'reviewsAndLawsuits';
export const AGGREGATE_TABLES: readonly AggregateTable[] = ['activeDisclosure', 'applications', 'reviewsAndLawsuits'];

/** Each table's rows (表四: groups) and their widths, in the order of TableNumbers. */
export const TABLE_ROWS: { readonly [T in AggregateTable]: readonly { readonly id: string; readonly width: number }[] } = {
  activeDisclosure: DISCLOSURE_ROWS_2021.map((r) => ({ id: r.id, width: r.columns.length })),
  applications: APPLICATION_ROWS.filter((r) => !r.format2019Only).map((r) => ({ id: r.id, width: 7 })),
  reviewsAndLawsuits: REVIEW_GROUPS.map((g) => ({ id: g.id, width: REVIEW_COLUMN_IDS.length })),
};

/** Where each row starts in a table's numbers. */
function offsets(table: AggregateTable): ReadonlyMap<string, number> {
  const at = new Map<string, number>();
  let o = 0;
  for (const r of TABLE_ROWS[table]) {
    at.set(r.id, o);
    o += r.width;
  }
  return at;
}

/** How many numbers each table has. */
const WIDTHS = {
  activeDisclosure: TABLE_ROWS.activeDisclosure.reduce((n, r) => n + r.width, 0),
  applications: TABLE_ROWS.applications.reduce((n, r) => n + r.width, 0),
  reviewsAndLawsuits: TABLE_ROWS.reviewsAndLawsuits.reduce((n, r) => n + r.width, 0),
};

const OFFSETS = { activeDisclosure: offsets('activeDisclosure'), applications: offsets('applications'), reviewsAndLawsuits: offsets('reviewsAndLawsuits') };

/** The numbers of a report's tables that can be summed. */
export function tableValuesOf(model: ReportModel): TableValues {
  const t2 = model.tables.activeDisclosure;
  const t3 = model.tables.applications;
  const t4 = model.tables.reviewsAndLawsuits;
  const out: { -readonly [K in keyof TableValues]: TableValues[K] } = {};
  if (t2?.format === 2021) {
    const numbers = numbersOf('activeDisclosure', (id) => t2.rows.get(id)?.cellList);
    if (numbers) {
      out.activeDisclosure = numbers;
      out.feeDecimals = decimals(t2.rows.get('fees')!.cellList[0]!.text);
    }
  }
  const applications = t3?.format === 2021 ? numbersOf('applications', (id) => t3.rows.get(id)?.cellList) : undefined;
  if (applications) out.applications = applications;
  const groups = t4?.groups;
  const reviews = groups && numbersOf('reviewsAndLawsuits', (id) => {
    const g = groups.get(id as ReviewGroup);
    return g && REVIEW_COLUMN_IDS.map((c) => g[c]);
  });
  if (reviews) out.reviewsAndLawsuits = reviews;
  return out;
}

/** A table's numbers, when every row is there and every cell of them is a number read with certainty. */
function numbersOf(table: AggregateTable, cellsOf: (id: string) => readonly Cell[] | undefined): number[] | undefined {
  // Made at its final length: the server's index keeps one per table of every report, and an array grown by push
  // keeps up to half as much again in spare capacity.
  const out: number[] = new Array<number>(WIDTHS[table]);
  let at = 0;
  for (const r of TABLE_ROWS[table]) {
    const cells = cellsOf(r.id);
    if (!cells || cells.length !== r.width) return undefined;
    for (const c of cells) {
      if (c.kind !== 'number' || !c.certain) return undefined;
      out[at++] = c.value!;
    }
  }
  return out;
}

function decimals(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, text.length - dot - 1);
}

/** The sums of several reports' tables, and how many reports each table sums. */
export interface TableSums {
  readonly values: TableValues;
  readonly counts: { readonly [T in AggregateTable]: number };
}

export function sumTableValues(list: readonly TableValues[]): TableSums {
  const sums: { -readonly [T in AggregateTable]?: number[] } = {};
  const counts = { activeDisclosure: 0, applications: 0, reviewsAndLawsuits: 0 };
  let feeDecimals = 0;
  for (const v of list) {
    for (const table of AGGREGATE_TABLES) {
      const numbers = v[table];
      if (!numbers) continue;
      counts[table]++;
      const into = (sums[table] ??= numbers.map(() => 0));
      for (let i = 0; i < numbers.length; i++) into[i]! += numbers[i]!;
    }
    if (v.activeDisclosure) feeDecimals = Math.max(feeDecimals, v.feeDecimals ?? 0);
  }
  // Decimal fees add up with binary rounding errors: rounded to the most decimals any report wrote.
  const fees = OFFSETS.activeDisclosure.get('fees')!;
  if (sums.activeDisclosure) sums.activeDisclosure[fees] = Number(sums.activeDisclosure[fees]!.toFixed(feeDecimals));
  return { values: { ...sums, feeDecimals }, counts };
}

/**
 * The sums as a report: a title line with the year, the 统计期限, and parts 二, 三 and 四 with the tables summed (a
 * table no report could give is left out). Its text is in the format's language, as the template's is.
 */
export function aggregateReportText(sums: TableSums, year: number): string {
  const v = sums.values;
  const n = Math.max(sums.counts.activeDisclosure, sums.counts.applications, sums.counts.reviewsAndLawsuits);
  const lookup = (table: AggregateTable, numbers: TableNumbers, fixed?: { row: string; decimals: number }): CellText => (row, column) => {
    const at = OFFSETS[table].get(row);
    const x = at === undefined ? undefined : numbers[at + column];
    if (x === undefined) return '';
    return fixed && fixed.row === row ? x.toFixed(fixed.decimals) : String(x);
  };
  const parts = [
    `${year}年政府信息公开工作年度报告（汇总表，${n}份报告）`,
    '',
    `本表为各单位年度报告表二、表三、表四之和，由 gov-report-check summary --aggregate 生成。报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
  ];
  if (v.activeDisclosure) parts.push('二、主动公开政府信息情况', '', activeDisclosureTableText(lookup('activeDisclosure', v.activeDisclosure, { row: 'fees', decimals: v.feeDecimals ?? 0 })), '');
  if (v.applications) parts.push('三、收到和处理政府信息公开申请情况', '', applicationsTableText(lookup('applications', v.applications)), '');
  if (v.reviewsAndLawsuits) parts.push('四、政府信息公开行政复议、行政诉讼情况', '', reviewsTableText(lookup('reviewsAndLawsuits', v.reviewsAndLawsuits)), '');
  return parts.join('\n');
}

/**
 * The aggregate's diagnostics: the rules of the tables (arithmetic, cells, rows), which hold for a sum as for one
 * report. The others do not apply to it: it has no prose, only the tables it could sum (no table-missing), and
 * rules across reports compare units, not sums.
 */
export function checkAggregate(text: string, locale?: string): Diagnostic[] {
  const severities: Record<string, SeveritySetting> = { 'table-missing': 'off' };
  for (const r of RULES) if (r.category !== 'tables') severities[r.code] = 'off';
  return check(parse(text), { locale, severities });
}
