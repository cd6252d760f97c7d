// check(model) applies every rule of RULES.md and returns LSP-shaped diagnostics. Pure: no I/O.

import type { Diagnostic, DiagnosticSeverity, Position } from 'vscode-languageserver-types';
import type { ActiveDisclosureTable, ApplicationsTable, Cell, ReportModel, StatementKind, Table, TableRow } from './model';
import { firstPart } from './model';
import { mostCommon } from './parse';
import { M, cellName, formatSum, rowName, type Locale, normalizeLocale } from './messages';
import { chineseNumeral } from './normalize';
import {
  APPLICATION_ROWS, DISCLOSURE_ROWS_2019, DISCLOSURE_ROWS_2021, PART_IDS, REVIEW_COLUMN_IDS, SUBSECTIONS, canonicalHeading,
  type PartId, type ReviewColumn,
} from './schema';
import { partText, subsectionText, applicationRowText, disclosureRowText } from './template';
import { trimSpanEnd, type Span } from './text';
import { computations, type Computation } from './totals';

export const SOURCE = 'gov-report';

export const RULE_CODES = [
  'section-missing', 'section-order', 'section-duplicate', 'section-heading-variant', 'subsection-missing', 'part-count',
  'year-mismatch', 'numbering', 'fee-statement-missing', 'old-template',
  'table-missing', 'table-row-missing', 'table-unparseable', 'cell-invalid', 'cell-blank', 'row-sum', 'column-total', 'balance',
  'text-table-mismatch',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export const DEFAULT_SEVERITY: Record<RuleCode, DiagnosticSeverity> = {
  'section-missing': 1, 'section-order': 1, 'section-duplicate': 1, 'section-heading-variant': 2, 'subsection-missing': 2,
  'part-count': 2, 'year-mismatch': 1, 'numbering': 2, 'fee-statement-missing': 2, 'old-template': 1,
  'table-missing': 1, 'table-row-missing': 1, 'table-unparseable': 2, 'cell-invalid': 1, 'cell-blank': 2, 'row-sum': 1,
  'column-total': 1, 'balance': 1, 'text-table-mismatch': 2,
};

export type SeveritySetting = 'off' | 'hint' | 'info' | 'information' | 'warning' | 'error' | DiagnosticSeverity;

export interface CheckOptions {
  readonly locale?: string;
  /** Per-rule severity: "off" silences a rule. */
  readonly severities?: Partial<Record<string, SeveritySetting>>;
}

/** Data a quick fix needs, per code. All positions are LSP positions in the checked text. */
export type DiagnosticData =
  | { kind: 'insert'; at: Position; text: string; part?: PartId; row?: string; subsection?: string }
  | { kind: 'replace'; expected: number | string; actual?: number | string; cell?: string }
  | { kind: 'info'; [key: string]: unknown };

function resolveSeverity(code: RuleCode, options: CheckOptions): DiagnosticSeverity | undefined {
  const s = options.severities?.[code];
  if (s === undefined) return DEFAULT_SEVERITY[code];
  if (typeof s === 'number') return s >= 1 && s <= 4 ? s : DEFAULT_SEVERITY[code];
  switch (s) {
    case 'off': return undefined;
    case 'hint': return 4;
    case 'info': case 'information': return 3;
    case 'warning': return 2;
    case 'error': return 1;
    default: return DEFAULT_SEVERITY[code];
  }
}

class Collector {
  readonly out: Diagnostic[] = [];
  constructor(private readonly model: ReportModel, private readonly options: CheckOptions) {}
  add(code: RuleCode, span: Span, message: string, data?: DiagnosticData): void {
    const severity = resolveSeverity(code, this.options);
    if (severity === undefined) return;
    const d: Diagnostic = { range: this.model.lines.rangeOf(span), severity, code, source: SOURCE, message };
    if (data) d.data = data;
    this.out.push(d);
  }
}

export function check(model: ReportModel, options: CheckOptions = {}): Diagnostic[] {
  if (!model.isReport) return [];
  const locale = normalizeLocale(options.locale);
  const c = new Collector(model, options);
  checkStructure(model, c, locale);
  checkYears(model, c, locale);
  checkNumbering(model, c, locale);
  checkTables(model, c, locale);
  checkArithmetic(c, locale, computations(model));
  checkStatements(model, c, locale);
  return c.out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

// ---------------------------------------------------------------------------------------------
// Structure

function checkStructure(model: ReportModel, c: Collector, l: Locale): void {
  const year = model.year;
  const present = new Set(model.parts.map((p) => p.id));
  const titleSpan = model.title?.span ?? { start: 0, end: 0 };
  for (const id of PART_IDS) {
    if (present.has(id)) continue;
    // Insert before the first later part that is present; after the last earlier one otherwise.
    const next = model.parts.find((p) => p.id > id && !p.duplicate);
    const at = next ? model.lines.positionAt(lineStart(model, next.heading.span.start)) : model.lines.positionAt(model.text.length);
    const where = next ? lineSpan(model, next.heading.span.start) : titleSpan;
    const prefix = next ? '' : model.text.endsWith('\n') || model.text.length === 0 ? '\n' : '\n\n';
    c.add('section-missing', where, M.sectionMissing(l, id), { kind: 'insert', at, text: `${prefix}${partText(id)}\n`, part: id });
  }
  let maxSeen = 0;
  let maxPart: PartId | undefined;
  for (const part of model.parts) {
    if (part.duplicate) {
      c.add('section-duplicate', part.heading.span, M.sectionDuplicate(l, part.id), { kind: 'info', part: part.id });
      continue;
    }
    if (part.id < maxSeen && maxPart !== undefined) {
      c.add('section-order', part.heading.span, M.sectionOrder(l, part.id, maxPart), { kind: 'info', part: part.id });
    } else {
      maxSeen = part.id;
      maxPart = part.id;
    }
    if (!part.canonical) {
      const canonical = canonicalHeading(part.id);
      const found = model.text.slice(part.heading.span.start, part.heading.span.end);
      c.add('section-heading-variant', part.heading.span, M.headingVariant(l, found, canonical), { kind: 'replace', expected: canonical, actual: found });
    }
  }
  const one = firstPart(model, 1);
  // The five sub-parts are required by the 2021 format ("主要包括…"); 2019/2020 reports are not held to it.
  if (one && (year === undefined || year >= 2021)) {
    const have = new Set(model.subsections.map((s) => s.id));
    for (const s of SUBSECTIONS) {
      if (have.has(s.id)) continue;
      // Insert before the next sub-part present, else at the end of part 一.
      const later = model.subsections.find((x) => SUBSECTIONS.findIndex((y) => y.id === x.id) > SUBSECTIONS.indexOf(s));
      const atOffset = later ? lineStart(model, later.heading.span.start) : trimSpanEnd(model.text, one.body).end;
      c.add('subsection-missing', one.heading.span, M.subsectionMissing(l, s.id), {
        kind: 'insert', at: model.lines.positionAt(atOffset), text: later ? `${subsectionText(s.id)}\n\n` : `\n${subsectionText(s.id)}\n`, subsection: s.id,
      });
    }
  }
  if (model.statedPartCount && model.statedPartCount.value !== 6) {
    c.add('part-count', model.statedPartCount.span, M.partCount(l, model.statedPartCount.value), {
      kind: 'replace', expected: /\d/.test(model.text.slice(model.statedPartCount.span.start, model.statedPartCount.span.end)) ? '6' : '六',
      actual: model.text.slice(model.statedPartCount.span.start, model.statedPartCount.span.end),
    });
  }
  const six = firstPart(model, 6);
  if (six && (year === undefined || year >= 2021)) {
    const body = model.text.slice(six.body.start, six.body.end);
    if (!/信息处理费|处理费|收费|收取费用|费用/.test(body)) c.add('fee-statement-missing', six.heading.span, M.feeMissing(l), { kind: 'info' });
  }
  if (year !== undefined && year >= 2021 && model.oldFormatSignatures.length > 0) {
    const first = model.oldFormatSignatures[0]!;
    c.add('old-template', first.span, M.oldTemplate(l, year, first.label), { kind: 'info', signatures: model.oldFormatSignatures.map((s) => s.label) });
  }
}

function lineStart(model: ReportModel, offset: number): number {
  return model.lines.boundsAt(offset).start;
}

function lineSpan(model: ReportModel, offset: number): Span {
  const line = model.lines.boundsAt(offset);
  return { start: Math.max(line.start, offset), end: line.end };
}

// ---------------------------------------------------------------------------------------------
// Years

function checkYears(model: ReportModel, c: Collector, l: Locale): void {
  const years = model.years;
  if (years.length < 2) return;
  // The year the report is about: the title's if present, else the majority.
  const reportYear = model.year;
  if (reportYear === undefined) return;
  const titleYear = years.find((y) => y.source === 'title')?.year;
  const periodYears = years.filter((y) => y.source === 'period');
  const bodyYears = years.filter((y) => y.source === 'body');
  // When the title is the odd one out (the period and body agree on another year), flag the title.
  // A period "YYYY年1月1日至YYYY年12月31日" is one vote, though it names the year twice.
  const periodVotes = periodYears.filter((y, i) => i === 0 || y.year !== periodYears[i - 1]!.year || y.span.start - periodYears[i - 1]!.span.end > 40);
  const others = [...periodVotes, ...bodyYears];
  const majorityOther = mostCommon(others.map((y) => y.year));
  const expected = titleYear !== undefined && majorityOther !== undefined && majorityOther !== titleYear &&
    others.filter((y) => y.year === majorityOther).length >= 2 ? majorityOther : reportYear;
  const where = { title: ['标题', 'title'], period: ['统计期限', 'reporting period'], body: ['正文', 'text'] } as const;
  for (const y of years) {
    if (y.year === expected) continue;
    c.add('year-mismatch', y.span, M.yearMismatch(l, y.year, expected, where[y.source][l === 'en' ? 1 : 0]), { kind: 'replace', expected: String(expected), actual: String(y.year) });
  }
}

// ---------------------------------------------------------------------------------------------
// Numbering

function ordinalText(style: string, value: number): string {
  switch (style) {
    case 'paren': return `（${chineseNumeral(value)}）`;
    case 'shi': return `${chineseNumeral(value)}是`;
    default: return `${value}.`;
  }
}

function checkNumbering(model: ReportModel, c: Collector, l: Locale): void {
  for (const seq of model.ordinalSequences) {
    for (let i = 1; i < seq.length; i++) {
      const prev = seq[i - 1]!;
      const cur = seq[i]!;
      if (cur.value === prev.value + 1) continue;
      const expected = ordinalText(cur.style, prev.value + 1);
      c.add('numbering', cur.span, M.numbering(l, expected, cur.text), { kind: 'info', expected, actual: cur.text });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Tables: presence, rows, cells

// One function per concern: these run once per report, and TurboFan compiles each one (in every worker) as a
// whole; four small ones cost less to compile than one that holds them all.
function checkTables(model: ReportModel, c: Collector, l: Locale): void {
  checkTablesPresent(model, c, l);
  const { activeDisclosure: t2, applications: t3, reviewsAndLawsuits: t4 } = model.tables;
  if (t2?.unparseable) reportUnparseable(c, l, t2);
  if (t3?.unparseable) reportUnparseable(c, l, t3);
  if (t4?.unparseable) reportUnparseable(c, l, t4);
  if (t2 && !t2.unparseable && t2.rows.size > 0) checkDisclosureRows(model, c, l, t2);
  if (t3 && !t3.unparseable && t3.rows.size > 0) checkApplicationRows(model, c, l, t3);
  if (t4?.groups) checkReviewCells(c, l, t4.groups);
}

function checkTablesPresent(model: ReportModel, c: Collector, l: Locale): void {
  const t2 = model.tables.activeDisclosure;
  const t3 = model.tables.applications;
  const t4 = model.tables.reviewsAndLawsuits;
  const heading = (id: PartId) => firstPart(model, id)?.heading.span;

  const two = firstPart(model, 2);
  if (two && (!t2 || (t2.rows.size === 0 && !t2.unparseable))) {
    c.add('table-missing', heading(2)!, M.tableMissing(l, 'activeDisclosure'), {
      kind: 'insert', at: model.lines.positionAt(endOfHeadingLine(model, two.heading.span)), text: `\n${partText(2).split('\n\n').slice(1).join('\n\n')}`,
    });
  }
  const three = firstPart(model, 3);
  if (three && (!t3 || (t3.rows.size === 0 && !t3.unparseable))) {
    c.add('table-missing', heading(3)!, M.tableMissing(l, 'applications'), {
      kind: 'insert', at: model.lines.positionAt(endOfHeadingLine(model, three.heading.span)), text: `\n${partText(3).split('\n\n').slice(1).join('\n\n')}`,
    });
  }
  const four = firstPart(model, 4);
  if (four && (!t4 || (!t4.groups && !t4.unparseable))) {
    c.add('table-missing', heading(4)!, M.tableMissing(l, 'reviewsAndLawsuits'), {
      kind: 'insert', at: model.lines.positionAt(endOfHeadingLine(model, four.heading.span)), text: `\n${partText(4).split('\n\n').slice(1).join('\n\n')}`,
    });
  }
}

function reportUnparseable(c: Collector, l: Locale, t: Table): void {
  const u = t.unparseable!;
  const detail = u.reason === 'glued-digits' ? M.gluedDigits(l) : M.cellCount(l, u.detail ?? '?');
  c.add('table-unparseable', u.reason === 'glued-digits' ? t.firstLine : u.span, M.tableUnparseable(l, t.id, detail), { kind: 'info', reason: u.reason });
}

function checkDisclosureRows(model: ReportModel, c: Collector, l: Locale, t2: ActiveDisclosureTable): void {
  const specs = t2.format === 2019 ? DISCLOSURE_ROWS_2019 : DISCLOSURE_ROWS_2021;
  let previous: TableRow | undefined;
  for (let s = 0; s < specs.length; s++) {
    const spec = specs[s]!;
    const row = t2.rows.get(spec.id);
    if (!row) {
      const at = previous ? previous.span : t2.firstLine;
      c.add('table-row-missing', at, M.tableRowMissing(l, 'activeDisclosure', rowName('activeDisclosure', spec.id, l)), {
        kind: 'insert', at: model.lines.positionAt(previous ? model.lines.boundsAt(previous.span.end).end : lineStart(model, t2.firstLine.start)),
        text: previous ? `\n${disclosureRowText(spec.id, t2.format)}` : `${disclosureRowText(spec.id, t2.format)}\n`, row: spec.id,
      });
      continue;
    }
    previous = row;
    // cellList is in spec.columns' order (tables.ts builds the row from them).
    for (let k = 0; k < row.cellList.length; k++) {
      const col = spec.columns[k];
      // 2019 format: 本年增/减 may be negative and 采购总金额 carries a unit; only the counts are checked.
      if (t2.format === 2019 && (col === '本年增/减' || col === '采购总金额')) continue;
      checkCell(c, l, row.cellList[k]!, spec.decimal === true);
    }
  }
}

function checkApplicationRows(model: ReportModel, c: Collector, l: Locale, t3: ApplicationsTable): void {
  let previous: TableRow | undefined;
  for (let s = 0; s < APPLICATION_ROWS.length; s++) {
    const spec = APPLICATION_ROWS[s]!;
    if (t3.format === 2021 ? spec.format2019Only : spec.format2021Only) continue;
    const row = t3.rows.get(spec.id);
    if (!row) {
      const at = previous ? previous.span : t3.firstLine;
      c.add('table-row-missing', at, M.tableRowMissing(l, 'applications', rowName('applications', spec.id, l)), {
        kind: 'insert', at: model.lines.positionAt(previous ? model.lines.boundsAt(previous.span.end).end : lineStart(model, t3.firstLine.start)),
        text: previous ? `\n${applicationRowText(spec.id)}` : `${applicationRowText(spec.id)}\n`, row: spec.id,
      });
      continue;
    }
    previous = row;
    for (let k = 0; k < row.cellList.length; k++) {
      const cell = row.cellList[k]!;
      if (cell.kind !== 'number' || !Number.isInteger(cell.value)) checkCell(c, l, cell, false);
    }
  }
}

function checkReviewCells(c: Collector, l: Locale, groups: ReadonlyMap<string, Readonly<Record<ReviewColumn, Cell>>>): void {
  groups.forEach((group) => {
    for (let k = 0; k < REVIEW_COLUMN_IDS.length; k++) {
      const cell = group[REVIEW_COLUMN_IDS[k]!];
      if (cell.kind !== 'number' || !Number.isInteger(cell.value)) checkCell(c, l, cell, false);
    }
  });
}

function endOfHeadingLine(model: ReportModel, heading: Span): number {
  return model.lines.boundsAt(heading.end).end;
}

function checkCell(c: Collector, l: Locale, cell: Cell, decimal: boolean): void {
  if (cell.kind === 'number' && (decimal || Number.isInteger(cell.value))) return;
  const name = cellName(cell, l);
  if (cell.kind === 'blank' || cell.kind === 'missing') {
    // A missing cell (pdftotext dropped it) has no place of its own to write into: no fix data.
    const data: DiagnosticData = cell.kind === 'blank'
      ? { kind: 'replace', expected: 0, actual: cell.text, cell: `${cell.row}/${cell.column}` }
      : { kind: 'info', cell: `${cell.row}/${cell.column}` };
    c.add('cell-blank', cell.span, M.cellBlank(l, name, cell.text), data);
  } else if (cell.kind === 'invalid' || (cell.kind === 'number' && !decimal && !Number.isInteger(cell.value))) {
    c.add('cell-invalid', cell.span, M.cellInvalid(l, name, cell.text, decimal), { kind: 'info', actual: cell.text });
  }
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

function checkArithmetic(c: Collector, l: Locale, all: readonly Computation[]): void {
  for (const comp of all) {
    if (comp.ok !== false) continue;
    const name = cellName(comp.result, l);
    const sum = formatSum(comp.operands);
    const data: DiagnosticData = { kind: 'replace', expected: comp.expected!, actual: comp.actual!, cell: `${comp.result.row}/${comp.result.column}` };
    switch (comp.kind) {
      case 'row-sum':
        c.add('row-sum', comp.result.span, M.rowSum(l, name, comp.expected!, comp.actual!, sum), data);
        break;
      case 'column-total':
        c.add('column-total', comp.result.span, M.columnTotal(l, name, comp.expected!, comp.actual!), data);
        break;
      case 'balance':
        c.add('balance', comp.result.span, M.balance(l, name, comp.expected!, comp.actual!, sum), data);
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Text against tables

function numberOf(cell: Cell | undefined): number | undefined {
  return cell?.kind === 'number' ? cell.value : undefined;
}

function checkStatements(model: ReportModel, c: Collector, l: Locale): void {
  const t2 = model.tables.activeDisclosure;
  const t3 = model.tables.applications && !model.tables.applications.unparseable ? model.tables.applications : undefined;
  const t4 = model.tables.reviewsAndLawsuits?.groups;
  const t3total = (row: string) => numberOf(t3?.rows.get(row)?.cells.total);
  const where = (row: string) => (l === 'en' ? `table 3, ${rowName('applications', row, l)}, total` : `表三“${rowName('applications', row, l)}”总计`);
  const mismatch = (kind: StatementKind, stated: number | undefined, span: Span, table: number | undefined, tableWhere: string) => {
    if (stated === undefined || table === undefined || stated === table) return;
    c.add('text-table-mismatch', span, M.textTable(l, kind, stated, table, tableWhere), { kind: 'info', stated, table });
  };
  for (const s of model.statements) {
    switch (s.kind) {
      case 'applicationsReceived': {
        const received = t3total('newReceived');
        const carried = t3total('carriedOver');
        // The text may count carried-over applications with the new ones.
        if (received !== undefined && carried !== undefined && s.value === received + carried) break;
        mismatch(s.kind, s.value, s.span, received, where('newReceived'));
        break;
      }
      case 'applicationsHandled':
        mismatch(s.kind, s.value, s.span, t3total('total'), where('total'));
        break;
      case 'applicationsCarriedOver':
        mismatch(s.kind, s.value, s.span, t3total('carriedOver'), where('carriedOver'));
        break;
      case 'applicationsCarriedForward':
        mismatch(s.kind, s.value, s.span, t3total('carriedForward'), where('carriedForward'));
        break;
      case 'noApplications': {
        const received = t3total('newReceived');
        if (received !== undefined && received > 0) c.add('text-table-mismatch', s.span, M.noApplicationsButTable(l, received), { kind: 'info', stated: 0, table: received });
        break;
      }
      case 'reviews':
        mismatch(s.kind, s.value, s.span, numberOf(t4?.get('review')?.total), l === 'en' ? 'table 4, review total' : '表四 行政复议·总计');
        break;
      case 'lawsuits': {
        const a = numberOf(t4?.get('directSuit')?.total);
        const b = numberOf(t4?.get('suitAfterReview')?.total);
        if (a !== undefined && b !== undefined) mismatch(s.kind, s.value, s.span, a + b, l === 'en' ? 'table 4, lawsuit totals' : '表四 行政诉讼两项总计之和');
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
        if (corrected > 0 || pending > 0) c.add('text-table-mismatch', s.span, M.allUpheldButTable(l, corrected, pending), { kind: 'info', corrected, pending });
        break;
      }
      case 'normativeDocumentsInForce': {
        if (!t2 || t2.unparseable || t2.format !== 2021) break;
        const cell = t2.rows.get('normativeDocuments')?.cells['现行有效件数'];
        mismatch(s.kind, s.value, s.span, numberOf(cell), l === 'en' ? 'table 2, normative documents in force' : '表二 行政规范性文件·现行有效件数');
        break;
      }
    }
  }
}
