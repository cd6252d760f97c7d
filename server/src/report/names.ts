// Names of the format's elements (cells, rows, parts) in the user's language, built from the schema's labels
// and the message catalogue's words.

import type { Messages } from '../l10n';
import type { Cell } from './model';
import {
  APPLICANT_COLUMNS, DISCLOSURE_ROWS_2019, DISCLOSURE_ROWS_2021, REVIEW_COLUMNS, REVIEW_GROUPS, SUBSECTIONS,
  applicationRowSpec, partSpec, type PartId, type SubsectionId,
} from './schema';

function disclosureSpec(rowId: string) {
  return DISCLOSURE_ROWS_2021.find((r) => r.id === rowId) ?? DISCLOSURE_ROWS_2019.find((r) => r.id === rowId);
}

/** "（七）总计·自然人", "（三）不予公开 1.属于国家秘密·总计", "表四 行政复议·总计", "表二 规章·现行有效件数". */
export function cellName(cell: Cell, msg: Messages): string {
  if (cell.table === 'applications') {
    const row = applicationRowSpec(cell.row);
    const col = APPLICANT_COLUMNS.find((c) => c.id === cell.column);
    if (!row || !col) return `${cell.row}·${cell.column}`;
    return msg.applicationCell(row.group, row, col);
  }
  if (cell.table === 'reviewsAndLawsuits') {
    const g = REVIEW_GROUPS.find((x) => x.id === cell.row);
    const c = REVIEW_COLUMNS.find((x) => x.id === cell.column);
    return g && c ? msg.reviewCell(g, c) : `${cell.row}·${cell.column}`;
  }
  const spec = disclosureSpec(cell.row);
  return spec ? msg.disclosureCell(spec, cell.column) : `${cell.row}·${cell.column}`;
}

/** A row of 表三 or 表二, as messages about rows name it. */
export function rowName(table: 'applications' | 'activeDisclosure', rowId: string, msg: Messages): string {
  if (table === 'applications') {
    const row = applicationRowSpec(rowId);
    return row ? msg.applicationRow(row.group, row) : rowId;
  }
  const spec = disclosureSpec(rowId);
  return spec ? msg.disclosureRow(spec.item, spec) : rowId;
}

export function partName(id: PartId, msg: Messages): string {
  const p = partSpec(id);
  return msg.partName(id, p.numeral, p.title);
}

export function subsectionName(id: SubsectionId, msg: Messages): string {
  return msg.subsectionName(id, SUBSECTIONS.find((x) => x.id === id)!.title);
}

/** "5 + 0 + 1 − 2": the signed operands of a computation, every one a number. */
export function formatSum(operands: readonly { cell: { value?: number }; sign: 1 | -1 }[]): string {
  let out = '';
  for (let i = 0; i < operands.length; i++) {
    const o = operands[i]!;
    out += i === 0 ? (o.sign < 0 ? `−${o.cell.value}` : `${o.cell.value}`) : `${o.sign < 0 ? ' − ' : ' + '}${o.cell.value}`;
  }
  return out;
}
