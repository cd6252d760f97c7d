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

/**
 * Every identity of the report's tables, computed. Not memoised: a WeakMap cache cost the CLI ~15% time and
 * 50 MB (its ephemerons live until a full GC), and recomputing for a hover is a few microseconds.
 */
export function computations(model: ReportModel): Computation[] {
  const out: Computation[] = [];
  const t3 = model.tables.applications;
  if (t3 && !t3.unparseable) {
    for (const row of t3.rows.values()) {
      out.push(compute('row-sum', row.cells.total, PARTS_OF_TOTAL.map((c) => ({ cell: row.cells[c], sign: 1 as const }))));
    }
    const total = t3.rows.get('total');
    const resultIds = t3.format === 2019 ? RESULT_ROW_IDS_2019 : RESULT_ROW_IDS_2021;
    const resultRows = resultIds.map((id) => t3.rows.get(id)).filter((r): r is TableRow<ApplicantColumn> => r !== undefined);
    if (total && resultRows.length === resultIds.length) {
      for (const col of APPLICANT_COLUMNS) {
        out.push(compute('column-total', total.cells[col.id], resultRows.map((r) => ({ cell: r.cells[col.id], sign: 1 as const }))));
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
      out.push(compute('row-sum', cells.total, REVIEW_COLUMNS.filter((c) => c.id !== 'total').map((c) => ({ cell: cells[c.id], sign: 1 as const }))));
    }
  }
  return out;
}

/** Every computation a cell takes part in, as result or operand. */
export function computationsOf(all: readonly Computation[], cell: Cell): Computation[] {
  return all.filter((c) => c.result === cell || c.operands.some((o) => o.cell === cell));
}
