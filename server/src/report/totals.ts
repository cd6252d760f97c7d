// The arithmetic identities of the format (FORMAT.md §3.1, §3.2), as data: each Computation names its result
// cell and signed operands. The rules (row-sum, column-total, balance) and the hovers read the same list, so
// what a hover shows is exactly what a diagnostic claims.

import type { Cell, ReportModel, TableRow } from './model';
import {
  APPLICANT_COLUMNS, RESULT_ROW_IDS_2019, RESULT_ROW_IDS_2021, REVIEW_COLUMNS, REVIEW_GROUPS,
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
  readonly operands: readonly Operand[];
  /** Set when every cell involved is a number. */
  readonly expected?: number;
  readonly actual?: number;
  readonly ok?: boolean;
}

function compute(kind: ComputationKind, result: Cell, operands: Operand[]): Computation {
  // For a balance the result cell is 四, so expected 四 = 一 + 二 − （七） (the operands carry the signs).
  if (result.kind !== 'number') return { kind, result, operands };
  let expected = 0;
  for (const o of operands) {
    if (o.cell.kind !== 'number') return { kind, result, operands };
    expected += o.sign * o.cell.value!;
  }
  return { kind, result, operands, expected, actual: result.value!, ok: expected === result.value };
}

const PARTS_OF_TOTAL = APPLICANT_COLUMNS.filter((c) => c.id !== 'total').map((c) => c.id);
const PARTS_OF_REVIEW_TOTAL = REVIEW_COLUMNS.filter((c) => c.id !== 'total').map((c) => c.id);

/**
 * Operands, built by push. Arrays that reach the hot loops are never made with map() inside hot code: TurboFan's
 * inlined map() makes holey arrays where the builtin makes packed ones, so once the caller was optimised the
 * arrays changed shape under the code reading them, and every such reader was thrown away and compiled again
 * (about a dozen deoptimisations per worker, measured with --trace-deopt).
 */
function plus<K extends string>(cells: Readonly<Record<K, Cell>>, columns: readonly K[]): Operand[] {
  const out: Operand[] = [];
  for (const c of columns) out.push({ cell: cells[c], sign: 1 });
  return out;
}

/**
 * Every identity of the report's tables, computed. Not memoised: a WeakMap cache cost the CLI ~15% time and
 * 50 MB (its ephemerons live until a full GC), and recomputing for a hover is a few microseconds.
 */
export function computations(model: ReportModel): Computation[] {
  const out: Computation[] = [];
  const t3 = model.tables.applications;
  if (t3 && !t3.unparseable) {
    for (const row of t3.rows.values()) {
      out.push(compute('row-sum', row.cells.total, plus(row.cells, PARTS_OF_TOTAL)));
    }
    const total = t3.rows.get('total');
    const resultIds = t3.format === 2019 ? RESULT_ROW_IDS_2019 : RESULT_ROW_IDS_2021;
    const resultRows: TableRow<ApplicantColumn>[] = [];
    for (const id of resultIds) {
      const r = t3.rows.get(id);
      if (r) resultRows.push(r);
    }
    if (total && resultRows.length === resultIds.length) {
      for (const col of APPLICANT_COLUMNS) {
        const operands: Operand[] = [];
        for (const r of resultRows) operands.push({ cell: r.cells[col.id], sign: 1 });
        out.push(compute('column-total', total.cells[col.id], operands));
      }
    }
    const received = t3.rows.get('newReceived');
    const carried = t3.rows.get('carriedOver');
    const forward = t3.rows.get('carriedForward');
    if (received && carried && total && forward) {
      for (const col of APPLICANT_COLUMNS) {
        out.push(compute('balance', forward.cells[col.id], [
          { cell: received.cells[col.id], sign: 1 },
          { cell: carried.cells[col.id], sign: 1 },
          { cell: total.cells[col.id], sign: -1 },
        ]));
      }
    }
  }
  const t4 = model.tables.reviewsAndLawsuits;
  if (t4?.groups) {
    for (const g of REVIEW_GROUPS) {
      const cells = t4.groups.get(g.id)!;
      out.push(compute('row-sum', cells.total, plus(cells, PARTS_OF_REVIEW_TOTAL)));
    }
  }
  return out;
}

/** Every computation a cell takes part in, as result or operand. */
export function computationsOf(all: readonly Computation[], cell: Cell): Computation[] {
  return all.filter((c) => c.result === cell || c.operands.some((o) => o.cell === cell));
}
