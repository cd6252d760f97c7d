// Document symbols (Outline, breadcrumbs) and folding ranges: the six parts, the sub-parts of 一, the tables.

import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import type { Messages } from '../l10n';
import { partName, trimSpanEnd, type ReportModel, type Span, type Table } from '../report';

const SYMBOL_MODULE = 2;
const SYMBOL_NAMESPACE = 3;
const SYMBOL_STRUCT = 23;

/** The span a table's cells actually occupy: from its first line to its last cell. */
export function tableExtent(table: Table): Span {
  let end = table.firstLine.end;
  const visit = (s: Span) => {
    if (s.end > end) end = s.end;
  };
  if (table.id === 'reviewsAndLawsuits') {
    if (table.groups) for (const g of table.groups.values()) for (const c of Object.values(g)) visit(c.span);
  } else {
    for (const row of table.rows.values()) visit(row.span);
  }
  return { start: table.firstLine.start, end };
}

export function documentSymbols(model: ReportModel, msg: Messages): DocumentSymbol[] {
  const tables = [model.tables.activeDisclosure, model.tables.applications, model.tables.reviewsAndLawsuits].filter((t): t is Table => t !== undefined);
  return model.parts.map((part) => {
    const whole = trimSpanEnd(model.text, { start: part.heading.span.start, end: part.body.end });
    const children: DocumentSymbol[] = [];
    if (part.id === 1 && !part.duplicate) {
      const subs = model.subsections;
      subs.forEach((s, i) => {
        const end = i + 1 < subs.length ? subs[i + 1]!.heading.span.start : part.body.end;
        children.push({
          name: model.text.slice(s.heading.span.start, s.heading.span.end).trim(),
          kind: SYMBOL_NAMESPACE,
          range: model.lines.rangeOf(trimSpanEnd(model.text, { start: s.heading.span.start, end })),
          selectionRange: model.lines.rangeOf(s.heading.span),
        });
      });
    }
    for (const t of tables) {
      if (t.span.start !== part.body.start) continue;
      const extent = tableExtent(t);
      children.push({
        name: msg.tableTitle(t.id),
        kind: SYMBOL_STRUCT,
        range: model.lines.rangeOf(extent),
        selectionRange: model.lines.rangeOf(t.firstLine),
      });
    }
    return {
      name: model.text.slice(part.heading.span.start, part.heading.span.end).trim(),
      detail: part.canonical ? undefined : partName(part.id, msg),
      kind: SYMBOL_MODULE,
      range: model.lines.rangeOf(whole),
      selectionRange: model.lines.rangeOf(part.heading.span),
      children,
    } as DocumentSymbol;
  });
}

export function foldingRanges(model: ReportModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (span: Span, kind?: string) => {
    const start = model.lines.positionAt(span.start).line;
    const end = model.lines.positionAt(span.end).line;
    if (end > start) out.push(kind ? { startLine: start, endLine: end, kind } : { startLine: start, endLine: end });
  };
  for (const part of model.parts) {
    if (part.inline) continue;
    add(trimSpanEnd(model.text, { start: part.heading.span.start, end: part.body.end }), 'region');
  }
  for (const t of [model.tables.activeDisclosure, model.tables.applications, model.tables.reviewsAndLawsuits]) {
    if (t && !t.unparseable) add(tableExtent(t));
  }
  return out;
}
