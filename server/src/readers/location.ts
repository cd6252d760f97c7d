// Where a diagnostic on the rendered text of a published file lies in that file: a line and column of the HTML
// source, a paragraph or a table cell of a Word document, a page and a box of a PDF. A pure function of the
// reader's source map and the engine's model (which names the table and the cell a range sits on).
//
// The rendered text is the report as the engine reads it (readers/builder.ts): each paragraph one line, each
// table row one line of tab-separated cells; every span of it knows its place in the source (the map).

import type { Messages } from '../l10n';
import { LineIndex, cellName, inspect, type ReportModel, type TableId } from '../report';
import type { SourceMapEntry } from './types';

/**
 * A place in the published file, as the CLI's JSON gives it (`sourceLocation`) and as a client can show it.
 * Lines, columns, paragraphs, tables, rows and pages are 1-based; HTML columns count UTF-16 code units (as SARIF's
 * `columnKind: utf16CodeUnits`); a PDF box is [x0, y0, x1, y1] in PDF user space (points, origin bottom left).
 * `place` is the readable form in the user's language ("第3页 表三 （七）总计·自然人"); for HTML it names the
 * table and cell only, when the range is on one.
 */
export type SourceLocation =
  | {
    readonly kind: 'html';
    readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number;
    /** UTF-16 offsets into the decoded HTML source. */
    readonly offset: number; readonly endOffset: number;
    readonly place?: string;
  }
  | { readonly kind: 'word'; readonly paragraph: number; readonly place: string }
  | { readonly kind: 'word'; readonly table: number; readonly row: number; readonly column: number; readonly place: string }
  | { readonly kind: 'pdf'; readonly page: number; readonly box: readonly [number, number, number, number]; readonly place: string };

/** What `locate` needs of a reader's result. */
export interface Located {
  readonly map: readonly SourceMapEntry[];
}

/**
 * The source location of the range [start, end) of the rendered text (UTF-16 offsets; the model is the engine's
 * parse of that text). `html` is the decoded HTML source's line index, needed for HTML lines and columns.
 * Undefined when the map is empty (nothing was read) or, for HTML, when no line index is given.
 */
export function locate(report: Located, model: ReportModel, start: number, end: number, msg: Messages, html?: LineIndex): SourceLocation | undefined {
  const entry = entryNear(report.map, start);
  if (!entry) return undefined;
  const source = entry.source;
  const named = nameAt(model, start, msg);
  switch (source.kind) {
    case 'html': {
      if (!html) return undefined;
      const from = htmlOffset(entry, source, start);
      const last = end > start ? entryNear(report.map, end - 1) : entry;
      const to = last && last.source.kind === 'html' ? Math.max(from, htmlOffset(last, last.source, end)) : from;
      const a = html.positionAt(from);
      const b = html.positionAt(to);
      const label = [named.table, named.cell].filter(Boolean).join(' ');
      return {
        kind: 'html', line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1, offset: from, endOffset: to,
        ...(label ? { place: label } : {}),
      };
    }
    case 'word':
      if ('paragraph' in source) return { kind: 'word', paragraph: source.paragraph + 1, place: join(msg.placeParagraph(source.paragraph + 1), named.cell) };
      return {
        kind: 'word', table: source.table + 1, row: source.row + 1, column: source.column + 1,
        place: join(named.table ?? msg.placeTable(source.table + 1), msg.placeRowColumn(source.row + 1, source.column + 1), named.cell),
      };
    case 'pdf':
      return { kind: 'pdf', page: source.page, box: [...source.box], place: join(msg.placePage(source.page), named.table, named.cell) };
  }
}

function join(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p !== undefined && p !== '').join(' ');
}

/**
 * The offset in the HTML source for an offset of the rendered text inside `entry`: the same distance into the
 * source span when the two spans are as long as each other (the text was copied as written), else the source
 * span's start (an entity, collapsed spaces: characters do not correspond one to one). An offset at the entry's
 * end maps to the source span's end.
 */
function htmlOffset(entry: SourceMapEntry, source: { start: number; end: number }, offset: number): number {
  if (offset >= entry.end) return source.end;
  if (offset <= entry.start) return source.start;
  return source.end - source.start === entry.end - entry.start ? source.start + (offset - entry.start) : source.start;
}

/**
 * The map entry covering `offset`, else the nearest one before it (a diagnostic at the end of a line, on an empty
 * cell between two tabs, at the end of the text), else the first one.
 */
export function entryNear(map: readonly SourceMapEntry[], offset: number): SourceMapEntry | undefined {
  if (map.length === 0) return undefined;
  let lo = 0;
  let hi = map.length - 1;
  let before: SourceMapEntry | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = map[mid]!;
    if (offset < e.start) hi = mid - 1;
    else if (offset >= e.end && !(e.start === e.end && offset === e.start)) {
      before = e;
      lo = mid + 1;
    } else return e;
  }
  return before ?? map[0];
}

/** The table (short name) and cell (its name without the table) the engine reads at `offset`, when it reads one. */
function nameAt(model: ReportModel, offset: number, msg: Messages): { table?: string; cell?: string } {
  const info = inspect(model, offset);
  if (info?.kind === 'cell') {
    const table = msg.tableShort(info.cell.table);
    const name = cellName(info.cell, msg);
    return { table, cell: name.startsWith(`${table} `) ? name.slice(table.length + 1) : name };
  }
  const table = tableAt(model, offset);
  return table ? { table: msg.tableShort(table) } : {};
}

function tableAt(model: ReportModel, offset: number): TableId | undefined {
  for (const t of [model.tables.activeDisclosure, model.tables.applications, model.tables.reviewsAndLawsuits]) {
    if (t && offset >= t.span.start && offset < t.span.end) return t.id;
  }
  return undefined;
}

/** The line index of a decoded HTML source, for `locate` (lines split as LSP splits them). */
export function htmlLines(source: string): LineIndex {
  return new LineIndex(source);
}
