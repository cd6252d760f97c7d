// Reading tables 二, 三 and 四 from the text under their part headings, mapped onto the canonical schema.
// Rows are identified by their labels (schema.ts keys), never by position; wrapped labels (pdftotext) are
// joined by carrying label-only lines forward to the next line that has values.

import { cellLabel, countFilled, numberValue, tokenizeLine, type RawCell, type RawRow } from './cells';
import type {
  ActiveDisclosureTable, ApplicationsTable, Cell, OldFormatSignature, ReviewsTable, TableId, TableLayout, TableRow,
} from './model';
import { normalizeLabel, stripOrdinals } from './normalize';
import {
  APPLICANT_COLUMN_IDS, APPLICATION_ROWS, DISCLOSURE_ROWS_2019, DISCLOSURE_ROWS_2021, OLD_FORMAT_SIGNATURES,
  REVIEW_COLUMNS, REVIEW_GROUPS,
  type ApplicantColumn, type ApplicationRowSpec, type DisclosureRowSpec, type ReviewColumn, type ReviewGroup,
} from './schema';
import { BoundedMemo, type LineIndex, type Span } from './text';

/** A label cell longer than this is prose, not a table label: it breaks any label being carried forward. */
const MAX_LABEL_LENGTH = 80;

/**
 * The rows of a region, tokenized line by line as they are consumed: `visit` gets each row in order until it
 * returns false, and nothing is kept but what it keeps. A plain loop: rows are the innermost loop of the parse.
 */
export function forEachRow(text: string, lines: LineIndex, region: Span, visit: (row: RawRow) => boolean | void): void {
  if (region.end <= region.start) return;
  const last = lines.indexAt(region.end);
  for (let i = lines.indexAt(region.start); i <= last; i++) {
    const lineEnd = lines.endOf(i);
    const from = Math.max(lines.startOf(i), region.start);
    const to = Math.min(lineEnd, region.end);
    if (to <= from) continue;
    const row = tokenizeLine(text, from, to, lineEnd);
    if (row && visit(row) === false) return;
  }
}

const HEADER_ROWS = 12;
const OLD_FORMAT_RE = new RegExp(OLD_FORMAT_SIGNATURES.map((s) => s.replace(/[()/]/g, '\\$&')).join('|'));
/** A digit right after a CJK character or a closing bracket or quote: the only way digits can be glued to a label. */
const GLUED_HINT = /[\u4e00-\u9fff）)”"]\d/;

/**
 * One pass over a table region. Rows stream through to the consumer (the row assembler); what the table as a
 * whole needs — its layout, its first line, glued digits, 2019-format labels, header words — is noted on the
 * way, so a long region is never held in memory (holding it made time grow faster than the input).
 */
class RegionScan {
  // Rows per layout: three fields rather than a record indexed by the layout name (a keyed store per row).
  private tsvRows = 0;
  private pipeRows = 0;
  private columnRows = 0;
  private multiPipe = 0;
  private singleCell = 0;
  private rows = 0;
  first: RawRow | undefined;
  gluedCount = 0;
  gluedFirst: Span | undefined;
  readonly signatures: OldFormatSignature[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    readonly region: Span,
    /** Only 表二 has 2019-format header labels to look for. */
    private readonly wantsSignatures = false,
  ) {}

  /** Reads the region's rows in order, noting what the table needs on the way, until `visit` returns false. */
  each(visit: (row: RawRow) => boolean | void): void {
    forEachRow(this.text, this.lines, this.region, (row) => {
      this.observe(row);
      return visit(row);
    });
  }

  private observe(row: RawRow): void {
    this.rows++;
    this.first ??= row;
    if (row.layout === 'tsv') this.tsvRows++;
    else if (row.layout === 'pipe') this.pipeRows++;
    else this.columnRows++;
    const cells = row.labels.length + row.filled;
    if (row.layout === 'pipe' && cells > 1) this.multiPipe++;
    if (row.labels.length + row.values.length === 1) this.singleCell++;
    // Labels are normalised only where a question needs it (most rows answer none of these).
    for (const cell of row.labels) {
      if (this.wantsSignatures) {
        const label = cellLabel(cell);
        if (OLD_FORMAT_RE.test(label) || (label.endsWith('规范性文件') && stripOrdinals(label) === '规范性文件')) {
          this.signatures.push({ label: cell.text, span: { start: cell.start, end: cell.end } });
        }
      }
      this.noteGlued(cell);
    }
  }

  /** Digits glued to the end of a row label ("规章000"): the flattened web layout. */
  private noteGlued(cell: RawCell): void {
    if (!GLUED_HINT.test(cell.text)) return;
    const re = /\d+(?:\.\d+)?/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(cell.text))) {
      if (m.index === 0) continue;
      const before = normalizeLabel(cell.text.slice(Math.max(0, m.index - 40), m.index));
      if (GLUE_LABELS.some((l) => before.endsWith(l))) {
        this.gluedCount++;
        this.gluedFirst ??= { start: cell.start, end: cell.start + m.index + m[0].length };
      }
    }
  }

  glued(threshold: number): { span: Span; count: number } | undefined {
    return this.gluedCount >= threshold && this.gluedFirst ? { span: this.gluedFirst, count: this.gluedCount } : undefined;
  }

  /**
   * Whether the table's header shows one of `words`. Asked only when no row could be read, so it re-reads the
   * region's first lines then rather than looking at every row of every table.
   */
  hasWords(words: readonly string[]): boolean {
    let seen = 0;
    let found = false;
    forEachRow(this.text, this.lines, this.region, (row) => {
      for (const cell of row.labels) {
        if (cell.text.length > MAX_LABEL_LENGTH) continue;
        const label = cellLabel(cell);
        if (words.some((w) => label.includes(w))) found = true;
      }
      return !found && ++seen < HEADER_ROWS;
    });
    return found;
  }

  get layout(): TableLayout {
    if (this.rows === 0) return 'none';
    const { tsvRows, pipeRows, columnRows } = this;
    if (tsvRows >= pipeRows && tsvRows >= columnRows) return 'tsv';
    // One cell per line ending in " |" (seed 002) vs rows of several cells.
    if (pipeRows >= columnRows) return this.multiPipe * 2 > pipeRows ? 'pipe' : 'cell-per-line';
    return this.singleCell * 2 > this.rows ? 'cell-per-line' : 'columns';
  }

  /** The table's first line (for flattened text, only its first cells: the "line" is the whole report). */
  get firstLine(): Span {
    const r = this.first;
    if (!r) return { start: this.region.start, end: this.region.start };
    const lineEnd = Math.min(r.lineEnd, this.region.end);
    const end = lineEnd - r.start > 200 ? (r.labels[0] ?? r.values[0])!.end : lineEnd;
    return { start: r.start, end: Math.min(end, r.start + 200) };
  }
}

interface AssembledRow {
  readonly id: string;
  readonly labelCell: RawCell;
  readonly fragments: readonly RawCell[];
  values: RawCell[];
}

type RowMatcher = (fragments: readonly RawCell[], consumed: ReadonlySet<string>) => { id: string; cell: RawCell } | undefined;

/**
 * Joins raw rows into table rows, fed one row at a time. A line with labels and values is a row; label-only
 * lines are carried to the next line with values (wrapped labels, headers); value-only lines continue the current
 * row while it lacks cells (one cell per line) or take the carried labels. In delimited layouts a recognised
 * label with only empty cells is a row of blanks.
 */
class RowAssembler {
  readonly rows: AssembledRow[] = [];
  private readonly consumed = new Set<string>();
  private pending: RawCell[] = [];
  private current: AssembledRow | undefined;

  constructor(private readonly match: RowMatcher, private readonly expected: (id: string) => number) {}

  private emit(m: { id: string; cell: RawCell }, fragments: readonly RawCell[], values: RawCell[]): void {
    // The row's values array is taken over, not copied: a raw row is not looked at again once assembled.
    this.current = { id: m.id, labelCell: m.cell, fragments, values };
    this.rows.push(this.current);
    this.consumed.add(m.id);
    this.pending = [];
  }

  push(row: RawRow): void {
    const filled = row.filled;
    if (row.labels.length > 0) {
      if (hasProseLabel(row)) {
        this.pending = [];
        this.current = undefined;
        return;
      }
      const fragments = this.pending.length > 0 ? this.pending.concat(row.labels) : row.labels;
      if (filled > 0) {
        const m = this.match(fragments, this.consumed);
        if (m) this.emit(m, fragments, row.values);
        else {
          this.pending = [];
          this.current = undefined;
        }
        return;
      }
      if (row.layout !== 'columns' && row.values.length > 0) {
        const m = this.match(row.labels, this.consumed);
        if (m && row.values.length >= this.expected(m.id)) {
          this.emit(m, fragments, row.values);
          return;
        }
      }
      // Label-only: a header, or a label whose values follow on the next lines. Keep the last few fragments.
      this.pending = fragments.slice(-8);
      this.current = undefined;
      return;
    }
    if (filled === 0) return;
    if (this.pending.length > 0) {
      const m = this.match(this.pending, this.consumed);
      if (m) {
        this.emit(m, this.pending, row.values);
        return;
      }
      this.pending = [];
    }
    const current = this.current;
    if (current && countFilled(current.values, 0) < this.expected(current.id)) {
      for (const v of row.values) current.values.push(v);
    }
  }
}

/** Whether a row has a label too long to be a table's: prose. A loop, not `some` with a closure: it runs per row. */
function hasProseLabel(row: RawRow): boolean {
  for (let i = 0; i < row.labels.length; i++) if (row.labels[i]!.text.length > MAX_LABEL_LENGTH) return true;
  return false;
}

/** Reads a table region into assembled rows. */
function assemble(scan: RegionScan, match: RowMatcher, expected: (id: string) => number): AssembledRow[] {
  const assembler = new RowAssembler(match, expected);
  scan.each((row) => assembler.push(row));
  return assembler.rows;
}

/** The window [lo, hi) of a row's values that holds its cells: cell i is values[lo + i] when lo + i < hi. */
interface Fit {
  readonly lo: number;
  readonly hi: number;
  /** Where the cells that are missing would go. */
  readonly after: number;
}

/** Fits a row's value cells to the expected count n: surplus empty cells go from the end first, then the start. */
function fitValues(values: readonly RawCell[], n: number): Fit {
  let lo = 0;
  let hi = values.length;
  while (hi - lo > n && values[hi - 1]!.kind === 'empty') hi--;
  while (hi - lo > n && values[lo]!.kind === 'empty') lo++;
  if (hi - lo > n) hi = lo + n;
  const after = hi > lo ? values[hi - 1]!.end : values.length > 0 ? values[0]!.start : 0;
  return { lo, hi, after };
}

function toCell(raw: RawCell | undefined, at: number, table: TableId, row: string, column: string): Cell {
  if (!raw) return { kind: 'missing', text: '', span: { start: at, end: at }, table, row, column };
  const span = { start: raw.start, end: raw.end };
  switch (raw.kind) {
    case 'number':
      return { kind: 'number', value: numberValue(raw.text), text: raw.text, span, table, row, column };
    case 'empty':
      return { kind: 'blank', text: '', span, table, row, column };
    case 'blank':
      return { kind: 'blank', text: raw.text, span, table, row, column };
    default:
      return { kind: 'invalid', text: raw.text, span, table, row, column };
  }
}

/**
 * 表三's cells by column, written as a literal in APPLICANT_COLUMNS' order: every row's record has one shape from
 * the start, where stores keyed by a changing column name take a slow, generic path (most rows are 表三's).
 */
function applicantRecord(list: readonly Cell[]): Record<ApplicantColumn, Cell> {
  return {
    naturalPerson: list[0]!, commercial: list[1]!, research: list[2]!, publicInterest: list[3]!, legalService: list[4]!,
    otherOrg: list[5]!, total: list[6]!,
  };
}

function recordOf<Col extends string>(columns: readonly Col[], list: readonly Cell[]): Record<Col, Cell> {
  const cells = {} as Record<Col, Cell>;
  for (let i = 0; i < columns.length; i++) cells[columns[i]!] = list[i]!;
  return cells;
}

function buildRow<Col extends string>(
  a: AssembledRow, columns: readonly Col[], table: TableId,
): TableRow<Col> {
  const values = a.values;
  const { lo, hi, after } = fitValues(values, columns.length);
  const cellList: Cell[] = [];
  let end = a.labelCell.end;
  for (let i = 0; i < columns.length; i++) {
    const raw = lo + i < hi ? values[lo + i] : undefined;
    if (raw && raw.end > end) end = raw.end;
    cellList.push(toCell(raw, after, table, a.id, columns[i]!));
  }
  const cells = (columns === APPLICANT_COLUMN_IDS ? applicantRecord(cellList) : recordOf(columns, cellList)) as Record<Col, Cell>;
  let label = '';
  for (const f of a.fragments) label += f.text;
  return { id: a.id, label, labelSpan: { start: a.labelCell.start, end: a.labelCell.end }, cells, cellList, span: { start: a.labelCell.start, end } };
}

// ---------------------------------------------------------------------------------------------
// Flattened web text (the 平潭 pages): digits of adjacent cells run together with labels, e.g.
// "规章000行政规范性文件77132470". No split can be trusted, so the table is marked unparseable.

const GLUE_LABELS: readonly string[] = (() => {
  const labels = new Set<string>();
  for (const r of [...DISCLOSURE_ROWS_2021, ...DISCLOSURE_ROWS_2019]) for (const l of r.labels) labels.add(l);
  for (const r of APPLICATION_ROWS) labels.add(stripOrdinals(normalizeLabel(r.label)));
  for (const c of REVIEW_COLUMNS) labels.add(c.label);
  labels.add('数量');
  return [...labels].filter((l) => l.length >= 2);
})();

// ---------------------------------------------------------------------------------------------
// 表二

const DISCLOSURE_LABELS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const r of [...DISCLOSURE_ROWS_2019, ...DISCLOSURE_ROWS_2021]) for (const l of r.labels) m.set(l, r.id);
  return m;
})();

/** The 表二 row a label names, keyed by the label as written (memoised like 表三's candidates). */
const disclosureIds = new BoundedMemo<string | null>(MAX_LABEL_LENGTH);
const disclosureIdOfText = (raw: string) => DISCLOSURE_LABELS.get(stripOrdinals(normalizeLabel(raw))) ?? null;

function disclosureIdOf(cell: RawCell): string | undefined {
  return disclosureIds.get(cell.text, disclosureIdOfText) ?? undefined;
}

const matchDisclosureRow: RowMatcher = (fragments, consumed) => {
  for (let i = fragments.length - 1; i >= 0; i--) {
    const id = disclosureIdOf(fragments[i]!);
    if (id && !consumed.has(id)) return { id, cell: fragments[i]! };
  }
  return undefined;
};

export function parseActiveDisclosureTable(text: string, lines: LineIndex, region: Span): {
  table: ActiveDisclosureTable | undefined; signatures: OldFormatSignature[];
} {
  const scan = new RegionScan(text, lines, region, true);
  // The 2019 format is known from its header labels, which come before the rows they describe.
  const specsNow = () => (scan.signatures.length > 0 ? DISCLOSURE_ROWS_2019 : DISCLOSURE_ROWS_2021);
  const expected = (id: string) => specsNow().find((s) => s.id === id)?.columns.length ?? 1;
  const assembled = assemble(scan, matchDisclosureRow, expected);
  if (!scan.first) return { table: undefined, signatures: [] };
  const signatures = scan.signatures;
  const format: 2019 | 2021 = signatures.length > 0 ? 2019 : 2021;
  const specs: readonly DisclosureRowSpec[] = format === 2019 ? DISCLOSURE_ROWS_2019 : DISCLOSURE_ROWS_2021;
  const base = { id: 'activeDisclosure' as const, layout: scan.layout, firstLine: scan.firstLine, span: region, format };
  const glued = scan.glued(2);
  if (glued) {
    return { table: { ...base, layout: 'flattened', rows: new Map(), unparseable: { reason: 'glued-digits', span: glued.span } }, signatures };
  }
  const rows = new Map<string, TableRow>();
  for (const a of assembled) {
    const spec = specs.find((s) => s.id === a.id);
    if (!spec) continue;
    rows.set(a.id, buildRow(a, spec.columns, 'activeDisclosure'));
  }
  if (rows.size === 0 && !scan.hasWords(['第二十条', '信息内容', '规章', '行政许可'])) return { table: undefined, signatures };
  return { table: { ...base, rows }, signatures };
}

// ---------------------------------------------------------------------------------------------
// 表三

function matchApplicationSpec(label: string, spec: ApplicationRowSpec): boolean {
  if (spec.exact !== undefined) return stripOrdinals(label) === spec.exact;
  return spec.keys.some((k) => label.includes(k));
}

/**
 * The rows a label could be, in schema order. Memoised: every report repeats the same few dozen labels,
 * and matching one against every row's keys was a tenth of the parse. Bounded in count and label length, so odd
 * labels cannot pile up.
 */
const applicationCandidates = new BoundedMemo<readonly ApplicationRowSpec[]>(MAX_LABEL_LENGTH);

/** Keyed by the cell's text as written: a hit needs neither normalising nor a second lookup. */
const candidatesOfText = (raw: string): readonly ApplicationRowSpec[] => {
  const label = normalizeLabel(raw);
  return APPLICATION_ROWS.filter((spec) => matchApplicationSpec(label, spec));
};

function candidatesOf(cell: RawCell): readonly ApplicationRowSpec[] {
  return applicationCandidates.get(cell.text, candidatesOfText);
}

const matchApplicationRow: RowMatcher = (fragments, consumed) => {
  // The fragment nearest the numbers carries the row's own wording; group labels ("（三）不予公开") and
  // wrapped pieces of other rows come before it.
  for (let i = fragments.length - 1; i >= 0; i--) {
    for (const spec of candidatesOf(fragments[i]!)) {
      if (!consumed.has(spec.id)) return { id: spec.id, cell: fragments[i]! };
    }
  }
  if (fragments.length === 1) return undefined; // the joined label is the one label, already tried
  let joined = '';
  for (const f of fragments) joined += cellLabel(f);
  for (const spec of APPLICATION_ROWS) {
    if (spec.exact === undefined && !consumed.has(spec.id) && matchApplicationSpec(joined, spec)) {
      return { id: spec.id, cell: fragments[fragments.length - 1]! };
    }
  }
  return undefined;
};

export function parseApplicationsTable(text: string, lines: LineIndex, region: Span): {
  table: ApplicationsTable | undefined; signatures: OldFormatSignature[];
} {
  const scan = new RegionScan(text, lines, region);
  const assembled = assemble(scan, matchApplicationRow, () => APPLICANT_COLUMN_IDS.length);
  if (!scan.first) return { table: undefined, signatures: [] };
  const base = { id: 'applications' as const, layout: scan.layout, firstLine: scan.firstLine, span: region };
  const glued = scan.glued(2);
  if (glued) {
    return { table: { ...base, layout: 'flattened', format: 2021, rows: new Map(), unparseable: { reason: 'glued-digits', span: glued.span } }, signatures: [] };
  }
  const rows = new Map<string, TableRow<ApplicantColumn>>();
  for (const a of assembled) rows.set(a.id, buildRow(a, APPLICANT_COLUMN_IDS, 'applications'));
  const signatures: OldFormatSignature[] = [];
  const single = rows.get('otherHandling');
  const hasSubRows = rows.has('otherHandling.noCorrection') || rows.has('otherHandling.feeUnpaid');
  let format: 2019 | 2021 = 2021;
  if (single && !hasSubRows) {
    format = 2019;
    signatures.push({ label: single.label, span: single.labelSpan });
  } else if (single) {
    rows.delete('otherHandling');
  }
  if (rows.size === 0 && !scan.hasWords(['勾稽关系', '申请人情况', '本年新收', '自然人'])) return { table: undefined, signatures };
  return { table: { ...base, format, rows }, signatures };
}

// ---------------------------------------------------------------------------------------------
// 表四: the header is fixed, so the 15 data cells map onto the groups and columns in order.

const REVIEW_CELL_COUNT = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;

export function parseReviewsTable(text: string, lines: LineIndex, region: Span): ReviewsTable | undefined {
  const scan = new RegionScan(text, lines, region);
  // The data cells: from the first line with values, through the following value-only lines.
  const values: RawCell[] = [];
  let started = false;
  scan.each((row) => {
    if (!started) {
      if (row.filled === 0) return true;
      if (hasProseLabel(row)) return true;
      started = true;
      for (const v of row.values) values.push(v);
    } else {
      if (row.labels.length > 0) return false;
      for (const v of row.values) values.push(v);
    }
    return countFilled(values, 0) < REVIEW_CELL_COUNT;
  });
  if (!scan.first) return undefined;
  const base = { id: 'reviewsAndLawsuits' as const, layout: scan.layout, firstLine: scan.firstLine, span: region };
  // 表四 has a single data row: one glued run ("总计110024…") is enough to know.
  const glued = scan.glued(1);
  if (glued) return { ...base, layout: 'flattened', groups: undefined, unparseable: { reason: 'glued-digits', span: glued.span } };
  if (!started) return scan.hasWords(['行政复议', '行政诉讼', '结果维持', '尚未审结']) ? { ...base, groups: undefined } : undefined;
  const { lo, hi, after } = fitValues(values, REVIEW_CELL_COUNT);
  const present = hi - lo;
  if (present < REVIEW_CELL_COUNT) {
    return {
      ...base, groups: undefined,
      unparseable: { reason: 'cell-count', span: { start: values[0]!.start, end: after }, detail: String(present) },
    };
  }
  const groups = new Map<ReviewGroup, Record<ReviewColumn, Cell>>();
  REVIEW_GROUPS.forEach((g, gi) => {
    const rec = {} as Record<ReviewColumn, Cell>;
    REVIEW_COLUMNS.forEach((c, ci) => {
      rec[c.id] = toCell(values[lo + gi * REVIEW_COLUMNS.length + ci], after, 'reviewsAndLawsuits', g.id, c.id);
    });
    groups.set(g.id, rec);
  });
  return { ...base, groups };
}
