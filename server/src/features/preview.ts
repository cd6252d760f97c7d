// The report preview: a serialisable model of the report as a person reads it — its title, parts and prose, and its
// three tables as grids with the format's headers (merged header cells as in the official template) — with the
// problems the server publishes on each piece: a wrong cell marked with the value the identities require, an unread
// cell greyed. Pure: the engine's model and the published diagnostics in, plain data out (the client's webview
// renders it and knows nothing of reports).

import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Messages } from '../l10n';
import {
  type ActiveDisclosureTable, type ApplicationsTable, type Cell, type DiagnosticData, type ReportModel, type ReviewsTable, type RowProblem,
  type Span, type Table, type TableId,
} from '../report';
import {
  APPLICANT_COLUMNS, APPLICATION_ROWS, DISCLOSURE_ROWS_2019, DISCLOSURE_ROWS_2021, PARTS, REVIEW_COLUMNS, REVIEW_GROUPS,
} from '../report/schema';
import type { PreviewBlock, PreviewCell, PreviewModel, PreviewProblem, PreviewSegment, PreviewSeverity } from '../shared/protocol';
import { cellLocation } from './cellAt';
import { tableExtent } from './outline';

const SEVERITY: Record<number, PreviewSeverity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const RANK: Record<PreviewSeverity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
/** Codes a table cell carries (the others in a table are about the table). */
const CELL_CODES = new Set(['row-sum', 'column-total', 'balance', 'cell-blank', 'cell-invalid']);
/** Codes whose fix data holds the value the identities require. */
const IDENTITY_CODES = new Set(['row-sum', 'column-total', 'balance']);

function problemOf(d: Diagnostic): PreviewProblem {
  return { severity: SEVERITY[d.severity ?? 1] ?? 'error', message: typeof d.message === 'string' ? d.message : d.message.value };
}

function worst(problems: readonly PreviewProblem[]): PreviewSeverity | undefined {
  let best: PreviewSeverity | undefined;
  for (const p of problems) if (best === undefined || RANK[p.severity] < RANK[best]) best = p.severity;
  return best;
}

/** The diagnostics, each with its offsets, handed out once: whatever claims one first shows it. */
class Problems {
  private readonly left: { d: Diagnostic; start: number; end: number }[];

  constructor(model: ReportModel, diagnostics: readonly Diagnostic[]) {
    this.left = diagnostics.map((d) => ({ d, start: model.lines.offsetAt(d.range.start), end: model.lines.offsetAt(d.range.end) }));
  }

  /** Takes the diagnostics `test` accepts. */
  take(test: (d: Diagnostic, start: number, end: number) => boolean): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (let i = 0; i < this.left.length; i++) {
      const x = this.left[i]!;
      if (!test(x.d, x.start, x.end)) continue;
      out.push(x.d);
      this.left.splice(i--, 1);
    }
    return out;
  }

  /** The diagnostics on a cell: those of the cell codes whose range starts at it (a zero-length one: at its place). */
  onCell(span: Span): Diagnostic[] {
    return this.peek((d, start, end) => CELL_CODES.has(String(d.code)) && start <= span.start && (end > span.start || (end === start && start === span.start)));
  }

  /** Like take, but leaves them for others too (a diagnostic over a run of cells marks each). */
  peek(test: (d: Diagnostic, start: number, end: number) => boolean): Diagnostic[] {
    return this.left.filter((x) => test(x.d, x.start, x.end)).map((x) => x.d);
  }

  /** Drops these (shown on cells) from what is left. */
  drop(shown: ReadonlySet<Diagnostic>): void {
    for (let i = 0; i < this.left.length; i++) if (shown.has(this.left[i]!.d)) this.left.splice(i--, 1);
  }

  rest(): { d: Diagnostic; start: number }[] {
    return this.left.map((x) => ({ d: x.d, start: x.start }));
  }
}

/** Lines a table leaves in the text that are not prose: pipes, HTML, tabs, Markdown rules, attributes. */
function isTableDebris(line: string): boolean {
  return /\t|^\s*[|<]|^\s*\w+=["']|^[\s|:+=-]+$/.test(line) && line.trim() !== '';
}

interface Piece {
  start: number;
  end: number;
  block: PreviewBlock;
}

export function preview(model: ReportModel | undefined, diagnostics: readonly Diagnostic[], msg: Messages, uri: string, version: number): PreviewModel {
  const errors = diagnostics.filter((d) => d.severity === 1).length;
  const warnings = diagnostics.filter((d) => d.severity === 2).length;
  const strings = {
    legendError: msg.preview.legendError(), legendWarning: msg.preview.legendWarning(), legendUncertain: msg.preview.legendUncertain(),
    goToCell: msg.preview.goToCell(), notReport: msg.preview.notReport(),
  };
  const base = { uri, version, summary: msg.preview.summary(errors, warnings), errors, warnings, strings };
  if (!model?.isReport) {
    // Not a report (or too garbled to be read as one): only what the server says of it.
    const blocks: PreviewBlock[] = diagnostics.map((d) => ({ kind: 'notice', line: d.range.start.line, ...notice(d) }));
    return { ...base, report: false, blocks };
  }
  const problems = new Problems(model, diagnostics);
  const pieces: Piece[] = [];
  const { text, lines } = model;
  const lineOf = (offset: number) => lines.positionAt(offset).line;

  /** Each non-empty line of [start, end) that is not table debris, as a paragraph. */
  const prose = (start: number, end: number) => {
    if (end <= start) return;
    const first = lineOf(start);
    const last = lineOf(Math.max(start, end - 1));
    for (let l = first; l <= last; l++) {
      const s = Math.max(lines.startOf(l), start);
      const e = Math.min(lines.endOf(l), end);
      const line = text.slice(s, e);
      if (line.trim() === '' || isTableDebris(line)) continue;
      const lead = line.length - line.trimStart().length;
      pieces.push({ start: s + lead, end: e, block: { kind: 'paragraph', line: l, segments: [{ text: line.trim() }] } });
    }
  };

  if (model.title) pieces.push({ start: model.title.span.start, end: model.title.span.end, block: { kind: 'title', line: lineOf(model.title.span.start), text: model.title.text } });
  prose(model.intro.start, model.intro.end);
  const tables = [model.tables.activeDisclosure, model.tables.applications, model.tables.reviewsAndLawsuits].filter((t): t is Table => t !== undefined);
  for (const part of model.parts) {
    const heading = text.slice(part.heading.span.start, part.heading.span.end).trim().replace(/^#+\s*/, '').replace(/\*\*/g, '');
    pieces.push({ start: part.heading.span.start, end: part.heading.span.end, block: { kind: 'heading', line: lineOf(part.heading.span.start), text: heading, level: 2 } });
    let at = part.heading.span.end;
    const table = part.duplicate ? undefined : tables.find((t) => t.firstLine.start >= part.body.start && t.firstLine.start < part.body.end);
    if (table) {
      const { start, end } = tableRegion(model, table, part.body);
      prose(at, start);
      pieces.push({ start, end, block: tableBlock(model, table, problems, msg) });
      at = end;
    } else if (!part.duplicate && PARTS[part.id - 1]!.table) {
      // The table this part must hold is missing: what the published diagnostic says, under the heading.
      const missing = problems.take((d, s) => d.code === 'table-missing' && s >= part.heading.span.start && s <= part.body.end);
      for (const d of missing) pieces.push({ start: part.heading.span.end, end: part.heading.span.end, block: { kind: 'notice', line: lineOf(part.heading.span.start), ...notice(d) } });
    }
    prose(at, part.body.end);
  }
  pieces.sort((a, b) => a.start - b.start);

  // A missing part: a notice where it belongs (the fix's insertion point).
  for (const d of problems.take((x) => x.code === 'section-missing')) {
    const data = d.data as DiagnosticData | undefined;
    const at = data?.kind === 'insert' ? lines.offsetAt(data.at) : lines.offsetAt(d.range.start);
    const i = pieces.findIndex((p) => p.start >= at);
    const piece: Piece = { start: at, end: at, block: { kind: 'notice', line: lineOf(Math.min(at, Math.max(0, text.length))), ...notice(d) } };
    if (i < 0) pieces.push(piece);
    else pieces.splice(i, 0, piece);
  }

  // Everything else goes to the piece its range starts in: a heading, the title, a paragraph (marked in its text).
  for (const { d, start } of problems.rest()) {
    const piece = pieces.find((p) => p.block.kind !== 'notice' && p.block.kind !== 'table' && start >= p.start && (start < p.end || (start === p.end && p.start === p.end)))
      ?? pieces.find((p) => p.block.kind === 'table' && start >= p.start && start <= p.end);
    const block = piece?.block;
    if (block && (block.kind === 'heading' || block.kind === 'title' || block.kind === 'table')) {
      (block.problems ??= []).push(problemOf(d));
    } else if (block?.kind === 'paragraph') {
      markSegment(piece!, d, start, lines.offsetAt(d.range.end), text);
    } else {
      const i = pieces.findIndex((p) => p.start > start);
      const p: Piece = { start, end: start, block: { kind: 'notice', line: d.range.start.line, ...notice(d) } };
      if (i < 0) pieces.push(p);
      else pieces.splice(i, 0, p);
    }
  }
  return { ...base, report: true, blocks: pieces.map((p) => p.block) };
}

function notice(d: Diagnostic): { severity: PreviewSeverity; text: string } {
  const p = problemOf(d);
  return { severity: p.severity, text: p.message };
}

/** Splits a paragraph's segments so that the diagnostic's text is a segment of its own, carrying it. */
function markSegment(piece: Piece, d: Diagnostic, start: number, end: number, text: string): void {
  const block = piece.block as Extract<PreviewBlock, { kind: 'paragraph' }>;
  const s = Math.max(start, piece.start);
  const e = Math.min(Math.max(end, s + 1), piece.end);
  const segments: PreviewSegment[] = [];
  let offset = piece.start;
  let placed = false;
  for (const seg of block.segments) {
    const segStart = offset;
    const segEnd = offset + seg.text.length;
    offset = segEnd;
    if (placed || seg.problems || e <= segStart || s >= segEnd) {
      segments.push(seg);
      continue;
    }
    if (s > segStart) segments.push({ text: text.slice(segStart, s) });
    segments.push({ text: text.slice(s, Math.min(e, segEnd)), problems: [problemOf(d)] });
    if (Math.min(e, segEnd) < segEnd) segments.push({ text: text.slice(Math.min(e, segEnd), segEnd) });
    placed = true;
  }
  if (!placed) {
    const last = segments[segments.length - 1];
    if (last) (last.problems ??= []).push(problemOf(d));
  }
  block.segments = segments;
}

/** The text a table takes: from its first line to its last cell, and the table debris around it (Markdown, HTML). */
function tableRegion(model: ReportModel, table: Table, body: Span): Span {
  const { lines, text } = model;
  const extent = tableExtent(table);
  let first = lines.positionAt(extent.start).line;
  let last = lines.positionAt(extent.end).line;
  const firstBody = lines.positionAt(body.start).line;
  const lastBody = lines.positionAt(Math.max(body.start, body.end - 1)).line;
  const debris = (l: number) => isTableDebris(text.slice(lines.startOf(l), lines.endOf(l)));
  while (first - 1 > firstBody && debris(first - 1)) first--;
  while (last + 1 <= lastBody && debris(last + 1)) last++;
  return { start: Math.max(body.start, lines.startOf(first)), end: Math.min(body.end, lines.endOf(last)) };
}

// ---------------------------------------------------------------------------------------------
// Tables

interface TableContext {
  readonly model: ReportModel;
  readonly problems: Problems;
  readonly msg: Messages;
  readonly unreadable: boolean;
  /** The diagnostics shown on cells (taken from what is left once the table is built). */
  readonly shown: Set<Diagnostic>;
}

const th = (text: string, colspan = 1, rowspan = 1): PreviewCell => ({
  text, header: true, ...(colspan > 1 ? { colspan } : {}), ...(rowspan > 1 ? { rowspan } : {}),
});

function rangeOf(model: ReportModel, span: Span): Range {
  return model.lines.rangeOf(span);
}

/** A value cell: its text, where it is, the problems on it, the value it should have, or greyed when unread. */
function valueCell(ctx: TableContext, cell: Cell | undefined, unread?: { reason: RowProblem; span: Span }, colspan = 1): PreviewCell {
  const span = colspan > 1 ? { colspan } : {};
  if (!cell || cell.kind === 'missing') {
    if (unread) return { text: '', status: 'uncertain', note: ctx.msg.preview.uncertain(ctx.msg.rowProblem(unread.reason)), range: rangeOf(ctx.model, unread.span), ...span };
    return { text: '', status: 'missing', ...span };
  }
  const out: PreviewCell = { text: cell.text, name: cellLocation(cell, ctx.msg), range: rangeOf(ctx.model, cell.span), ...span };
  const on = ctx.problems.onCell(cell.span);
  if (on.length > 0) {
    for (const d of on) ctx.shown.add(d);
    out.problems = on.map(problemOf);
    out.status = worst(out.problems);
    const fix = on.map((d) => ({ code: String(d.code), data: d.data as DiagnosticData | undefined })).find((x) => IDENTITY_CODES.has(x.code) && x.data?.kind === 'replace');
    if (fix && fix.data?.kind === 'replace') out.expected = ctx.msg.preview.shouldBe(String(fix.data.expected));
  } else if (!cell.certain || ctx.unreadable) {
    out.status = 'uncertain';
    const reason = unread?.reason;
    out.note = reason ? ctx.msg.preview.uncertain(ctx.msg.rowProblem(reason)) : ctx.unreadable ? ctx.msg.preview.tableUnreadable() : undefined;
  }
  return out;
}

function tableBlock(model: ReportModel, table: Table, problems: Problems, msg: Messages): PreviewBlock {
  const unreadable = table.unparseable !== undefined || table.reading.status === 'unreadable';
  const ctx: TableContext = { model, problems, msg, unreadable, shown: new Set() };
  const rows = table.id === 'applications' ? applicationsGrid(ctx, table) : table.id === 'activeDisclosure' ? disclosureGrid(ctx, table) : reviewsGrid(ctx, table);
  problems.drop(ctx.shown);
  const extent = tableExtent(table);
  const reading = unreadable ? 'unreadable' : table.reading.status;
  const note = reading === 'unreadable' ? msg.preview.tableUnreadable()
    : reading === 'partly-read' ? msg.preview.tablePartlyRead(table.reading.unread.length + table.reading.strays.length) : undefined;
  const rowLines = rows.map((r) => {
    const first = r.find((c) => !c.header && c.range);
    return first?.range ? first.range.start.line : -1;
  });
  return {
    kind: 'table', line: model.lines.positionAt(table.firstLine.start).line, endLine: model.lines.positionAt(extent.end).line,
    title: msg.tableTitle(table.id as TableId), rows, reading, ...(note ? { note } : {}), rowLines,
  };
}

/** 表三: three header rows (申请人情况, 自然人 / 法人或其他组织 / 总计, the five kinds of organisation), 25 rows (2021). */
function applicationsGrid(ctx: TableContext, table: ApplicationsTable): PreviewCell[][] {
  const out: PreviewCell[][] = [
    [th(ctx.msg.preview.applicationsCorner(), 3, 3), th('申请人情况', 7)],
    [th('自然人', 1, 2), th('法人或其他组织', 5), th('总计', 1, 2)],
    APPLICANT_COLUMNS.slice(1, 6).map((c) => th(c.label)),
  ];
  const specs = APPLICATION_ROWS.filter((r) => (table.format === 2019 ? !r.format2021Only : !r.format2019Only));
  const firstResult = specs.findIndex((r) => r.id === 'granted');
  const totalAt = specs.findIndex((r) => r.id === 'total');
  let lastGroup: string | undefined;
  specs.forEach((spec, i) => {
    const labels: PreviewCell[] = [];
    const inResults = i >= firstResult && i <= totalAt;
    if (i === firstResult) labels.push(th('三、本年度办理结果', 1, totalAt - firstResult + 1));
    if (!inResults) labels.push(th(spec.label, 3));
    else if (spec.group) {
      if (spec.group !== lastGroup) labels.push(th(spec.group, 1, specs.filter((s) => s.group === spec.group).length));
      labels.push(th(spec.label));
    } else labels.push(th(spec.label, 2));
    lastGroup = spec.group;
    const row = table.rows.get(spec.id);
    const unread = row ? undefined : table.reading.unread.find((u) => u.row === spec.id);
    const problem = row?.problem ? { reason: row.problem, span: row.labelSpan } : unread;
    out.push([...labels, ...APPLICANT_COLUMNS.map((_, k) => valueCell(ctx, row?.cellList[k], problem))]);
  });
  return out;
}

/** 表二: each item of 第二十条 with its own column headings (the 2021 format's four, or the 2019 trial format's). */
function disclosureGrid(ctx: TableContext, table: ActiveDisclosureTable): PreviewCell[][] {
  const specs = table.format === 2019 ? DISCLOSURE_ROWS_2019 : DISCLOSURE_ROWS_2021;
  const width = Math.max(...specs.map((s) => s.columns.length));
  const out: PreviewCell[][] = [];
  let item: string | undefined;
  for (const spec of specs) {
    if (spec.item !== item) {
      item = spec.item;
      out.push([th(`第二十条第${spec.item}项`, width + 1)]);
      const cols = spec.columns;
      out.push([th('信息内容'), ...cols.map((c, i) => th(c, i === cols.length - 1 ? width - cols.length + 1 : 1))]);
    }
    const row = table.rows.get(spec.id);
    const unread = row ? undefined : table.reading.unread.find((u) => u.row === spec.id);
    const problem = row?.problem ? { reason: row.problem, span: row.labelSpan } : unread;
    out.push([th(spec.label), ...spec.columns.map((_, i) => valueCell(ctx, row?.cellList[i], problem, i === spec.columns.length - 1 ? width - spec.columns.length + 1 : 1))]);
  }
  return out;
}

/** 表四: 行政复议 (five columns) and 行政诉讼 (未经复议直接起诉, 复议后起诉: five each), one row of 15 values. */
function reviewsGrid(ctx: TableContext, table: ReviewsTable): PreviewCell[][] {
  const columns = REVIEW_COLUMNS.map((c) => c.label);
  const values: PreviewCell[] = [];
  for (const g of REVIEW_GROUPS) {
    const cells = table.groups?.get(g.id);
    for (const c of REVIEW_COLUMNS) values.push(valueCell(ctx, cells?.[c.id]));
  }
  return [
    [th('行政复议', 5), th('行政诉讼', 10)],
    [...columns.map((c) => th(c, 1, 2)), th('未经复议直接起诉', 5), th('复议后起诉', 5)],
    [...columns.map((c) => th(c)), ...columns.map((c) => th(c))],
    values,
  ];
}
