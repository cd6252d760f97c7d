// The arithmetic identities of the format (docs/format.md §7), as data: each Computation names its result
// cell and signed operands. The rules (row-sum, column-total, balance) and the hovers read the same list, so
// what a hover shows is exactly what a diagnostic claims.

import type { ApplicationsTable, Cell, ReportModel, TableRow } from './model';
import {
  APPLICANT_COLUMN_IDS, APPLICANT_COLUMNS, RESULT_ROW_IDS_2019, RESULT_ROW_IDS_2021, REVIEW_COLUMNS, REVIEW_GROUPS,
  type ApplicantColumn,
} from './schema';

export type ComputationKind = 'row-sum' | 'column-total' | 'balance';

export interface Operand {
  readonly cell: Cell;
  readonly sign: 1 | -1;
}

export interface Computation {
  readonly kind: ComputationKind;
  readonly result: Cell;
  /** The operand cells, in order (the signs are in `operands`). */
  readonly cells: readonly Cell[];
  /** The signed operands; made when first asked for (a message or a hover), since most computations are only summed. */
  readonly operands: readonly Operand[];
  /** The sign of each cell in `cells` (1, or −1 for the one subtracted). */
  signOf(index: number): 1 | -1;
  /** Set when every cell involved is a number. */
  readonly expected?: number;
  readonly actual?: number;
  readonly ok?: boolean;
}

/**
 * result = the sum of `cells`, the one at `negative` (if any) subtracted. For a balance the result cell is 四, so
 * expected 四 = 一 + 二 − （七）. Operand objects are not made up front: they were a sixth of what a report's
 * parse and check allocated, for sums that nearly always hold.
 */
class Sum implements Computation {
  readonly expected: number | undefined;
  readonly actual: number | undefined;
  readonly ok: boolean | undefined;
  private signed: Operand[] | undefined;

  constructor(readonly kind: ComputationKind, readonly result: Cell, readonly cells: readonly Cell[], private readonly negative = -1) {
    let expected = 0;
    // Computed only over numbers read with certainty: an identity with a blank, invalid or uncertain cell is unknown.
    let complete = isCertainNumber(result);
    for (let i = 0; i < cells.length && complete; i++) {
      const c = cells[i]!;
      if (!isCertainNumber(c)) complete = false;
      else expected += i === negative ? -c.value! : c.value!;
    }
    this.expected = complete ? expected : undefined;
    this.actual = complete ? result.value : undefined;
    this.ok = complete ? expected === result.value : undefined;
  }

  signOf(index: number): 1 | -1 {
    return index === this.negative ? -1 : 1;
  }

  get operands(): readonly Operand[] {
    if (!this.signed) {
      this.signed = [];
      for (let i = 0; i < this.cells.length; i++) this.signed.push({ cell: this.cells[i]!, sign: i === this.negative ? -1 : 1 });
    }
    return this.signed;
  }
}

const PARTS_OF_TOTAL = APPLICANT_COLUMNS.filter((c) => c.id !== 'total').map((c) => c.id);
const PARTS_OF_REVIEW_TOTAL = REVIEW_COLUMNS.filter((c) => c.id !== 'total').map((c) => c.id);

/**
 * The cells of `columns`, built by push. Arrays that reach the hot loops are never made with map() inside hot
 * code: TurboFan's inlined map() makes holey arrays where the builtin makes packed ones, so once the caller was
 * optimised the arrays changed shape under the code reading them, and every such reader was thrown away and
 * compiled again (about a dozen deoptimisations per worker, measured with --trace-deopt).
 */
function cellsOf<K extends string>(record: Readonly<Record<K, Cell>>, columns: readonly K[]): Cell[] {
  const out: Cell[] = [];
  for (const c of columns) out.push(record[c]);
  return out;
}

/**
 * Every identity of the report's tables, computed. Not memoised: a WeakMap cache cost the CLI ~15% time and
 * 50 MB (its ephemerons live until a full GC), and recomputing for a hover is a few microseconds.
 */
export function computations(model: ReportModel): Computation[] {
  const out: Computation[] = [];
  const t3 = model.tables.applications;
  if (t3 && !t3.unparseable) applicationSums(t3, out);
  const t4 = model.tables.reviewsAndLawsuits;
  if (t4?.groups) {
    for (let g = 0; g < REVIEW_GROUPS.length; g++) {
      const cells = t4.groups.get(REVIEW_GROUPS[g]!.id)!;
      out.push(new Sum('row-sum', cells.total, cellsOf(cells, PARTS_OF_REVIEW_TOTAL)));
    }
  }
  return out;
}

/** Where each column of PARTS_OF_TOTAL sits in a row's cellList (APPLICANT_COLUMNS' order). */
const PARTS_OF_TOTAL_AT = PARTS_OF_TOTAL.map((id) => APPLICANT_COLUMN_IDS.indexOf(id));
const TOTAL_AT = APPLICANT_COLUMN_IDS.indexOf('total');

/** The result rows (（一）…（六）) of 表三's format, in order, when every one of them was read; undefined otherwise. */
function resultRowsOf(t3: ApplicationsTable): TableRow<ApplicantColumn>[] | undefined {
  const resultIds = t3.format === 2019 ? RESULT_ROW_IDS_2019 : RESULT_ROW_IDS_2021;
  const resultRows: TableRow<ApplicantColumn>[] = [];
  for (let i = 0; i < resultIds.length; i++) {
    const r = t3.rows.get(resultIds[i]!);
    if (r) resultRows.push(r);
  }
  return resultRows.length === resultIds.length ? resultRows : undefined;
}

function applicationSums(t3: ApplicationsTable, out: Computation[]): void {
  const rows = t3.rows;
  // By position in each row's cellList: reading row.cells[column] with a changing column name was most of this.
  rows.forEach((row) => {
    const cellList = row.cellList;
    const parts: Cell[] = [];
    for (let i = 0; i < PARTS_OF_TOTAL_AT.length; i++) parts.push(cellList[PARTS_OF_TOTAL_AT[i]!]!);
    out.push(new Sum('row-sum', cellList[TOTAL_AT]!, parts));
  });
  const total = rows.get('total');
  if (!total) return;
  const resultRows = resultRowsOf(t3);
  if (resultRows) {
    for (let k = 0; k < APPLICANT_COLUMN_IDS.length; k++) {
      const cells: Cell[] = [];
      for (let i = 0; i < resultRows.length; i++) cells.push(resultRows[i]!.cellList[k]!);
      out.push(new Sum('column-total', total.cellList[k]!, cells));
    }
  }
  const received = rows.get('newReceived');
  const carried = rows.get('carriedOver');
  const forward = rows.get('carriedForward');
  if (received && carried && forward) {
    for (let k = 0; k < APPLICANT_COLUMN_IDS.length; k++) {
      out.push(new Sum('balance', forward.cellList[k]!, [received.cellList[k]!, carried.cellList[k]!, total.cellList[k]!], 2));
    }
  }
}

/**
 * Whether any identity that computations(model) makes fails (is computed, and does not hold), without making them:
 * nearly every report balances, and the ~40 Sum objects and their arrays were most of what checking its arithmetic
 * cost. The same identities, cells, order of summing and conditions as computations(): test/unit/totals.test.ts holds
 * the two to the same answer.
 */
export function anyIdentityFails(model: ReportModel): boolean {
  const t3 = model.tables.applications;
  if (t3 && !t3.unparseable && applicationIdentityFails(t3)) return true;
  const t4 = model.tables.reviewsAndLawsuits;
  if (t4?.groups) {
    for (let g = 0; g < REVIEW_GROUPS.length; g++) {
      const cells = t4.groups.get(REVIEW_GROUPS[g]!.id)!;
      if (sumFails(cells.total, PARTS_OF_REVIEW_TOTAL.length, (i) => cells[PARTS_OF_REVIEW_TOTAL[i]!])) return true;
    }
  }
  return false;
}

function isCertainNumber(cell: Cell): boolean {
  return cell.kind === 'number' && cell.certain;
}

/**
 * Whether `result` differs from cellAt(0) + cellAt(1) + … + cellAt(n − 1), added in that order from 0 as a Sum adds
 * them, every cell a number read with certainty; false when one is not (the identity is not computed).
 */
function sumFails(result: Cell, n: number, cellAt: (i: number) => Cell): boolean {
  if (!isCertainNumber(result)) return false;
  let expected = 0;
  for (let i = 0; i < n; i++) {
    const c = cellAt(i);
    if (!isCertainNumber(c)) return false;
    expected += c.value!;
  }
  return expected !== result.value;
}

function applicationIdentityFails(t3: ApplicationsTable): boolean {
  const rows = t3.rows;
  let fails = false;
  rows.forEach((row) => {
    const list = row.cellList;
    if (!fails && sumFails(list[TOTAL_AT]!, PARTS_OF_TOTAL_AT.length, (i) => list[PARTS_OF_TOTAL_AT[i]!]!)) fails = true;
  });
  if (fails) return true;
  const total = rows.get('total');
  if (!total) return false;
  const resultRows = resultRowsOf(t3);
  if (resultRows) {
    for (let k = 0; k < APPLICANT_COLUMN_IDS.length; k++) {
      if (sumFails(total.cellList[k]!, resultRows.length, (i) => resultRows[i]!.cellList[k]!)) return true;
    }
  }
  const received = rows.get('newReceived');
  const carried = rows.get('carriedOver');
  const forward = rows.get('carriedForward');
  if (received && carried && forward) {
    for (let k = 0; k < APPLICANT_COLUMN_IDS.length; k++) {
      // 四 = 一 + 二 − （七）: the balance's Sum adds 0 + 一 + 二 + (−（七）), which is exactly 一 + 二 − （七）.
      const result = forward.cellList[k]!;
      const a = received.cellList[k]!;
      const b = carried.cellList[k]!;
      const t = total.cellList[k]!;
      if (!isCertainNumber(result) || !isCertainNumber(a) || !isCertainNumber(b) || !isCertainNumber(t)) continue;
      if (a.value! + b.value! - t.value! !== result.value) return true;
    }
  }
  return false;
}

/** Every computation a cell takes part in, as result or operand. */
export function computationsOf(all: readonly Computation[], cell: Cell): Computation[] {
  return all.filter((c) => c.result === cell || c.cells.includes(cell));
}
