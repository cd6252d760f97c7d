// Numbers stated in the text against the tables (statements.ts reads them): applications received, handled and
// carried, 行政复议 and 行政诉讼 counts, "均获维持", the 现行有效 normative documents.

import type { Collector } from '../check';
import type { Cell, ResultCategory, StatementKind } from '../model';
import { APPLICATION_ROWS } from '../schema';
import { rowName } from '../names';
import type { Span } from '../text';

/** A number read with certainty, or undefined: nothing is said from a cell that was not. */
function numberOf(cell: Cell | undefined): number | undefined {
  return cell?.kind === 'number' && cell.certain ? cell.value : undefined;
}

/** The 表三 rows each category counts (2021 format; the 2019 format's single （六）其他处理 row too). */
const CATEGORY_ROWS: Record<ResultCategory, readonly string[]> = {
  granted: ['granted'],
  partlyGranted: ['partlyGranted'],
  denied: APPLICATION_ROWS.filter((r) => r.id.startsWith('denied.')).map((r) => r.id),
  unavailable: APPLICATION_ROWS.filter((r) => r.id.startsWith('unavailable.')).map((r) => r.id),
  notHandled: APPLICATION_ROWS.filter((r) => r.id.startsWith('notHandled.')).map((r) => r.id),
  otherHandling: ['otherHandling.noCorrection', 'otherHandling.feeUnpaid', 'otherHandling.other', 'otherHandling'],
};

export function checkStatements(c: Collector): void {
  const { model, msg } = c;
  const t2 = model.tables.activeDisclosure;
  const t3 = model.tables.applications && !model.tables.applications.unparseable ? model.tables.applications : undefined;
  const t4 = model.tables.reviewsAndLawsuits?.groups;
  const t3total = (row: string) => numberOf(t3?.rows.get(row)?.cells.total);
  const rowTotal = (row: string) => msg.statementTableCell('applications-row-total', rowName('applications', row, msg));
  // Where the table's number is, worded only when the numbers differ.
  const mismatch = (kind: StatementKind, stated: number | undefined, span: Span, table: number | undefined, where: () => string) => {
    if (stated === undefined || table === undefined || stated === table) return;
    c.add('text-table-mismatch', span, msg.textTable(kind, stated, table, where()), { kind: 'info', stated, table });
  };
  for (const s of model.statements) {
    switch (s.kind) {
      case 'applicationsReceived': {
        const received = t3total('newReceived');
        const carried = t3total('carriedOver');
        // The text may count carried-over applications with the new ones.
        if (received !== undefined && carried !== undefined && s.value === received + carried) break;
        mismatch(s.kind, s.value, s.span, received, () => rowTotal('newReceived'));
        break;
      }
      case 'applicationsHandled':
        mismatch(s.kind, s.value, s.span, t3total('total'), () => rowTotal('total'));
        break;
      case 'applicationsCarriedOver':
        mismatch(s.kind, s.value, s.span, t3total('carriedOver'), () => rowTotal('carriedOver'));
        break;
      case 'applicationsCarriedForward':
        mismatch(s.kind, s.value, s.span, t3total('carriedForward'), () => rowTotal('carriedForward'));
        break;
      case 'noApplications': {
        const received = t3total('newReceived');
        if (received !== undefined && received > 0) c.add('text-table-mismatch', s.span, msg.noApplicationsButTable(received), { kind: 'info', stated: 0, table: received });
        break;
      }
      case 'reviews':
        mismatch(s.kind, s.value, s.span, numberOf(t4?.get('review')?.total), () => msg.statementTableCell('review-total'));
        break;
      case 'lawsuits': {
        const a = numberOf(t4?.get('directSuit')?.total);
        const b = numberOf(t4?.get('suitAfterReview')?.total);
        if (a !== undefined && b !== undefined) mismatch(s.kind, s.value, s.span, a + b, () => msg.statementTableCell('lawsuit-totals'));
        break;
      }
      case 'allUpheld': {
        if (!t4) break;
        // Blank cells are unknown, not zero: only numbers that are there count against the claim.
        let corrected = 0;
        let pending = 0;
        for (const g of t4.values()) {
          corrected += numberOf(g.corrected) ?? 0;
          pending += numberOf(g.pending) ?? 0;
        }
        if (corrected > 0 || pending > 0) c.add('text-table-mismatch', s.span, msg.allUpheldButTable(corrected, pending), { kind: 'info', corrected, pending });
        break;
      }
      case 'allHandled': {
        // "均已办结" while applications are carried forward: the text says none is.
        const forward = t3total('carriedForward');
        if (forward !== undefined && forward > 0) c.add('text-table-mismatch', s.span, msg.allHandledButTable(forward), { kind: 'info', stated: 0, table: forward });
        break;
      }
      case 'categoryCount': {
        const rows = s.categories!.flatMap((k) => CATEGORY_ROWS[k].filter((id) => t3?.rows.has(id) || k !== 'otherHandling'));
        let sum = 0;
        for (const id of rows) {
          const v = t3total(id);
          if (v === undefined) {
            sum = Number.NaN;
            break;
          }
          sum += v;
        }
        if (Number.isNaN(sum) || rows.length === 0) break;
        const names = s.categories!.map((k) => msg.categoryName(k));
        mismatch(s.kind, s.value, s.span, sum, () => msg.statementTableCell('category-total', names.join(' + ')));
        break;
      }
      case 'normativeDocumentsInForce': {
        if (!t2 || t2.unparseable || t2.format !== 2021) break;
        mismatch(s.kind, s.value, s.span, numberOf(t2.rows.get('normativeDocuments')?.cells['现行有效件数']), () => msg.statementTableCell('normative-in-force'));
        break;
      }
    }
  }
}
