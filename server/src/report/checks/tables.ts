// Tables 二, 三 and 四: present under their parts, every standard row there, every cell a number of the right kind.
// The arithmetic over the cells is arithmetic.ts.

import type { Collector, DiagnosticData } from '../check';
import type { ActiveDisclosureTable, ApplicationsTable, Cell, ReviewsTable, Table, TableRow } from '../model';
import { firstPart } from '../model';
import { cellName, partName, rowName } from '../names';
import { APPLICATION_ROWS, DISCLOSURE_ROWS_2019, DISCLOSURE_ROWS_2021, PARTS, REVIEW_COLUMN_IDS } from '../schema';
import { applicationRowText, disclosureRowText, partText } from '../template';
import type { Span } from '../text';
import { lineStart } from './structure';

// One function per concern: these run once per report, and TurboFan compiles each one (in every worker) as a
// whole; small ones cost less to compile than one that holds them all.
export function checkTables(c: Collector): void {
  checkTablesPresent(c);
  const { activeDisclosure: t2, applications: t3, reviewsAndLawsuits: t4 } = c.model.tables;
  for (const t of [t2, t3, t4]) {
    if (!t) continue;
    if (t.unparseable) reportUnparseable(c, t);
    else if (t.reading.status !== 'read') reportPartlyRead(c, t);
  }
  if (t2 && !t2.unparseable && t2.rows.size > 0) checkDisclosureRows(c, t2);
  if (t3 && !t3.unparseable && t3.rows.size > 0) checkApplicationRows(c, t3);
  if (t4?.groups) checkReviewCells(c, t4);
}

/** Once per table: which rows could not be read with certainty, and why. Nothing is said about their cells. */
function reportPartlyRead(c: Collector, t: Table): void {
  const { unread, strays } = t.reading;
  if (unread.length === 0 && strays.length === 0) return;
  const rows = unread.map((u) => ({ name: t.id === 'reviewsAndLawsuits' ? u.row : rowName(t.id, u.row, c.msg), reason: u.reason }));
  if (t.reading.status === 'unreadable') {
    // Not one row read: the table could not be read, which is not the same as partly.
    const data = { kind: 'info' as const, reason: 'no-row-read', unread: unread.map((u) => `${u.row}:${u.reason}`), strays: strays.length };
    c.add('table-unparseable', t.firstLine, c.msg.tableUnparseable(t.id, c.msg.noRowRead(rows, strays.length)), data);
    return;
  }
  c.add('table-partly-read', t.firstLine, c.msg.tablePartlyRead(t.id, rows, strays.length), { kind: 'info', unread: unread.map((u) => `${u.row}:${u.reason}`), strays: strays.length });
}

/** Whether the table names the row somewhere (read or not): a row is missing only when its words are nowhere. */
function named(t: Table, row: string): boolean {
  return t.reading.unread.some((u) => u.row === row);
}

/** Whether a table was found with something in it (rows, a data row, or cells too glued to read). */
function hasTable(t: Table | undefined): boolean {
  if (!t) return false;
  if (t.unparseable) return true;
  // Rows that could not be read are a table there (declared unreadable), not a missing one.
  if (t.reading.unread.length > 0) return true;
  return t.id === 'reviewsAndLawsuits' ? t.groups !== undefined : t.rows.size > 0;
}

function checkTablesPresent(c: Collector): void {
  const { model, msg } = c;
  for (const m of model.misplacedTables) c.add('table-misplaced', m.span, msg.tableMisplaced(m.table, partName(m.under, msg)), { kind: 'info', table: m.table, under: m.under });
  for (const spec of PARTS) {
    if (!spec.table) continue;
    const part = firstPart(model, spec.id);
    if (!part || hasTable(model.tables[spec.table])) continue;
    // Its table stands under another part, or another's under it: said once (table-misplaced), not again here.
    if (model.misplacedTables.some((m) => m.table === spec.table || m.under === spec.id)) continue;
    // The template's part without its heading: the table.
    const tableText = partText(spec.id).split('\n\n').slice(1).join('\n\n');
    const at = model.lines.positionAt(model.lines.boundsAt(part.heading.span.end).end);
    c.add('table-missing', part.heading.span, msg.tableMissing(spec.table), { kind: 'insert', at, text: `\n${tableText}` });
  }
}

function reportUnparseable(c: Collector, t: Table): void {
  const u = t.unparseable!;
  if (u.reason === 'no-numbers') {
    c.add('table-unparseable', t.firstLine, c.msg.tableNoNumbers(t.id), { kind: 'info', reason: u.reason });
    return;
  }
  const found = Number(u.detail ?? 0);
  // The right count of values, in runs that cannot be placed column by column, is not a count that is wrong.
  const detail = u.reason === 'glued-digits' ? c.msg.gluedDigits() : u.reason === 'placeholder' ? c.msg.tablePlaceholder()
    : found === 15 && (u.runs ?? 1) > 1 ? c.msg.valuesSplit(15, u.runs!) : c.msg.cellCount(15, found);
  c.add('table-unparseable', u.reason === 'cell-count' || u.reason === 'placeholder' ? u.span : t.firstLine, c.msg.tableUnparseable(t.id, detail), { kind: 'info', reason: u.reason });
}

/** A misprinted row label: read as its row, said once, with a fix that restores the canonical wording. */
function reportMisprint(c: Collector, row: TableRow): void {
  const m = row.misprint!;
  const found = c.model.text.slice(m.span.start, m.span.end);
  c.add('table-label-variant', m.span, c.msg.labelMisprint(found, m.canonical), { kind: 'replace', expected: m.canonical, actual: found });
}

/** Where a missing row belongs: after the row before it, or at the table's first line. */
function insertRowData(c: Collector, previous: TableRow | undefined, firstLine: Span, text: string, row: string): DiagnosticData {
  const lines = c.model.lines;
  const at = lines.positionAt(previous ? lines.boundsAt(previous.span.end).end : lineStart(c, firstLine.start));
  return { kind: 'insert', at, text: previous ? `\n${text}` : `${text}\n`, row };
}

function checkDisclosureRows(c: Collector, t2: ActiveDisclosureTable): void {
  const specs = t2.format === 2019 ? DISCLOSURE_ROWS_2019 : DISCLOSURE_ROWS_2021;
  let previous: TableRow | undefined;
  for (let s = 0; s < specs.length; s++) {
    const spec = specs[s]!;
    const row = t2.rows.get(spec.id);
    if (!row && named(t2, spec.id)) continue;
    if (!row) {
      c.add('table-row-missing', previous ? previous.span : t2.firstLine, c.msg.tableRowMissing('activeDisclosure', rowName('activeDisclosure', spec.id, c.msg)),
        insertRowData(c, previous, t2.firstLine, disclosureRowText(spec.id, t2.format), spec.id));
      continue;
    }
    previous = row;
    if (row.misprint) reportMisprint(c, row);
    if (row.problem) continue;
    // cellList is in spec.columns' order (tables.ts builds the row from them).
    for (let k = 0; k < row.cellList.length; k++) {
      const col = spec.columns[k];
      // 2019 format: 本年增/减 may be negative and 采购总金额 carries a unit; only the counts are checked.
      if (t2.format === 2019 && (col === '本年增/减' || col === '采购总金额')) continue;
      checkCell(c, row.cellList[k]!, spec.decimal === true);
    }
  }
}

function checkApplicationRows(c: Collector, t3: ApplicationsTable): void {
  let previous: TableRow | undefined;
  for (let s = 0; s < APPLICATION_ROWS.length; s++) {
    const spec = APPLICATION_ROWS[s]!;
    if (t3.format === 2021 ? spec.format2019Only : spec.format2021Only) continue;
    const row = t3.rows.get(spec.id);
    if (!row && named(t3, spec.id)) continue;
    if (!row) {
      c.add('table-row-missing', previous ? previous.span : t3.firstLine, c.msg.tableRowMissing('applications', rowName('applications', spec.id, c.msg)),
        insertRowData(c, previous, t3.firstLine, applicationRowText(spec.id), spec.id));
      continue;
    }
    previous = row;
    if (row.misprint) reportMisprint(c, row);
    if (row.problem) continue;
    for (let k = 0; k < row.cellList.length; k++) {
      const cell = row.cellList[k]!;
      if (cell.kind !== 'number' || !Number.isInteger(cell.value)) checkCell(c, cell, false);
    }
  }
}

function checkReviewCells(c: Collector, t4: ReviewsTable): void {
  t4.groups!.forEach((group) => {
    for (let k = 0; k < REVIEW_COLUMN_IDS.length; k++) {
      const cell = group[REVIEW_COLUMN_IDS[k]!];
      if (cell.certain && (cell.kind !== 'number' || !Number.isInteger(cell.value))) checkCell(c, cell, false);
    }
  });
}

function checkCell(c: Collector, cell: Cell, decimal: boolean): void {
  if (cell.kind === 'number' && (decimal || Number.isInteger(cell.value))) return;
  const name = cellName(cell, c.msg);
  if (cell.kind === 'blank' || cell.kind === 'missing') {
    // A missing cell (pdftotext dropped it) has no place of its own to write into: no fix data.
    const data: DiagnosticData = cell.kind === 'blank'
      ? { kind: 'replace', expected: 0, actual: cell.text, cell: `${cell.row}/${cell.column}` }
      : { kind: 'info', cell: `${cell.row}/${cell.column}` };
    c.add('cell-blank', cell.span, c.msg.cellBlank(name, cell.text), data);
  } else if (cell.kind === 'invalid' || (cell.kind === 'number' && !decimal && !Number.isInteger(cell.value))) {
    c.add('cell-invalid', cell.span, c.msg.cellInvalid(name, cell.text, decimal), { kind: 'info', actual: cell.text });
  }
}
