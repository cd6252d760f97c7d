// The table cell under the cursor, named as a person reads the table: "表三 · （七）总计 · 自然人" (the status bar's
// item, the preview's tooltips).

import type { Position } from 'vscode-languageserver-types';
import type { Messages } from '../l10n';
import { inspect, rowName, type Cell, type ReportModel } from '../report';
import { APPLICANT_COLUMNS, DISCLOSURE_ROWS_2019, DISCLOSURE_ROWS_2021, REVIEW_COLUMNS, REVIEW_GROUPS } from '../report/schema';
import type { CellAtResult } from '../shared/protocol';

/** "表三 · （七）总计 · 自然人", "表四 · 行政复议 · 总计", "表二 · 规章 · 现行有效件数". */
export function cellLocation(cell: Cell, msg: Messages): string {
  if (cell.table === 'applications') {
    const column = APPLICANT_COLUMNS.find((c) => c.id === cell.column);
    return msg.cellLocation('applications', rowName('applications', cell.row, msg), column ? msg.label(column) : cell.column);
  }
  if (cell.table === 'reviewsAndLawsuits') {
    const group = REVIEW_GROUPS.find((g) => g.id === cell.row);
    const column = REVIEW_COLUMNS.find((c) => c.id === cell.column);
    return msg.cellLocation('reviewsAndLawsuits', group ? msg.label(group) : cell.row, column ? msg.label(column) : cell.column);
  }
  const row = DISCLOSURE_ROWS_2021.find((r) => r.id === cell.row) ?? DISCLOSURE_ROWS_2019.find((r) => r.id === cell.row);
  return msg.cellLocation('activeDisclosure', row ? msg.label(row) : cell.row, cell.column);
}

/** What the status bar shows: whether the document is checked as a report, and the cell under the cursor. */
export function cellAt(model: ReportModel | undefined, position: Position, msg: Messages): CellAtResult {
  if (!model?.isReport) return { report: false };
  const info = inspect(model, position);
  if (!info || info.kind !== 'cell') return { report: true };
  return info.cell.certain ? { report: true, cell: cellLocation(info.cell, msg) } : { report: true, cell: cellLocation(info.cell, msg), uncertain: true };
}
