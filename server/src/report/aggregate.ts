// The compiled tables of a region (汇总): the sum of every report's 表二, 表三 and 表四, as a 本级 office reports them
// for its units, rendered as a report text in the template's TSV layout (template.ts) so that the engine reads and
// checks it like any report. Every identity of the format is linear, so the sum of tables that balance balances: an
// identity that fails in the sum fails in some report summed. Only tables of the 2021 format whose every cell was
// read with certainty are summed (a table that was not is left out, and named). Pure: no I/O.

import type { Diagnostic } from 'vscode-languageserver-types';
import { check, type SeveritySetting } from './check';
import type { ReportModel, TableRow } from './model';
import { parse } from './parse';
import { RULES } from './rules';
import { APPLICATION_ROWS, DISCLOSURE_ROWS_2021, REVIEW_COLUMN_IDS, REVIEW_GROUPS } from './schema';
import { activeDisclosureTableText, applicationsTableText, reviewsTableText, type CellText } from './template';

/** A table's numbers by row id, in the schema's column order (表四: by group). */
export type TableNumbers = { readonly [rowId: string]: readonly number[] };

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

const APPLICATION_ROW_IDS_2021 = APPLICATION_ROWS.filter((r) => !r.format2019Only).map((r) => r.id);

/** The numbers of a report's tables that can be summed. */
export function tableValuesOf(model: ReportModel): TableValues {
  const t2 = model.tables.activeDisclosure;
  const t3 = model.tables.applications;
  const t4 = model.tables.reviewsAndLawsuits;
  const out: { -readonly [K in keyof TableValues]: TableValues[K] } = {};
  if (t2?.format === 2021) {
    const rows = numbersOf(DISCLOSURE_ROWS_2021.map((r) => r.id), (id) => t2.rows.get(id));
    if (rows) {
      out.activeDisclosure = rows;
      out.feeDecimals = decimals(t2.rows.get('fees')!.cellList[0]!.text);
    }
  }
  if (t3?.format === 2021) {
    const rows = numbersOf(APPLICATION_ROW_IDS_2021, (id) => t3.rows.get(id));
    if (rows) out.applications = rows;
  }
  const groups = t4?.groups;
  if (groups) {
    const rows: Record<string, number[]> = {};
    let complete = true;
    for (const g of REVIEW_GROUPS) {
      const cells = groups.get(g.id);
      const values: number[] = [];
      for (const c of REVIEW_COLUMN_IDS) {
        const cell = cells?.[c];
        if (!cell || cell.kind !== 'number' || !cell.certain) complete = false;
        else values.push(cell.value!);
      }
      rows[g.id] = values;
    }
    if (complete) out.reviewsAndLawsuits = rows;
  }
  return out;
}

/** The rows' numbers, when every row is there and every cell of them is a number read with certainty. */
function numbersOf(ids: readonly string[], row: (id: string) => TableRow | undefined): TableNumbers | undefined {
  const out: Record<string, number[]> = {};
  for (const id of ids) {
    const r = row(id);
    if (!r) return undefined;
    const values: number[] = [];
    for (const c of r.cellList) {
      if (c.kind !== 'number' || !c.certain) return undefined;
      values.push(c.value!);
    }
    out[id] = values;
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
  const sums: { -readonly [T in AggregateTable]?: Record<string, number[]> } = {};
  const counts = { activeDisclosure: 0, applications: 0, reviewsAndLawsuits: 0 };
  let feeDecimals = 0;
  for (const v of list) {
    for (const table of AGGREGATE_TABLES) {
      const numbers = v[table];
      if (!numbers) continue;
      counts[table]++;
      const into = (sums[table] ??= {});
      for (const [id, values] of Object.entries(numbers)) {
        const row = (into[id] ??= values.map(() => 0));
        for (let i = 0; i < values.length; i++) row[i]! += values[i]!;
      }
    }
    if (v.activeDisclosure) feeDecimals = Math.max(feeDecimals, v.feeDecimals ?? 0);
  }
  // Decimal fees add up with binary rounding errors: rounded to the most decimals any report wrote.
  const fees = sums.activeDisclosure?.fees;
  if (fees) fees[0] = Number(fees[0]!.toFixed(feeDecimals));
  return { values: { ...sums, feeDecimals }, counts };
}

/**
 * The sums as a report: a title line with the year, the 统计期限, and parts 二, 三 and 四 with the tables summed (a
 * table no report could give is left out). Its text is in the format's language, as the template's is.
 */
export function aggregateReportText(sums: TableSums, year: number): string {
  const v = sums.values;
  const n = Math.max(sums.counts.activeDisclosure, sums.counts.applications, sums.counts.reviewsAndLawsuits);
  const lookup = (numbers: TableNumbers, fixed?: { row: string; decimals: number }): CellText => (row, column) => {
    const x = numbers[row]?.[column];
    if (x === undefined) return '';
    return fixed && fixed.row === row ? x.toFixed(fixed.decimals) : String(x);
  };
  const parts = [
    `${year}年政府信息公开工作年度报告（汇总表，${n}份报告）`,
    '',
    `本表为各单位年度报告表二、表三、表四之和，由 gov-report-check summary --aggregate 生成。报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
  ];
  if (v.activeDisclosure) parts.push('二、主动公开政府信息情况', '', activeDisclosureTableText(lookup(v.activeDisclosure, { row: 'fees', decimals: v.feeDecimals ?? 0 })), '');
  if (v.applications) parts.push('三、收到和处理政府信息公开申请情况', '', applicationsTableText(lookup(v.applications)), '');
  if (v.reviewsAndLawsuits) parts.push('四、政府信息公开行政复议、行政诉讼情况', '', reviewsTableText(lookup(v.reviewsAndLawsuits)), '');
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
