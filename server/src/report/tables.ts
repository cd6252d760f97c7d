// Reading tables 二, 三 and 四 from the text under their part headings, mapped onto the canonical schema, with a
// judgement of how certain each row is (docs/format.md §10.12). Rows are identified by their labels (schema.ts
// keys), never by position. A row is read with certainty only when its label and its numbers stand together — on
// one line, or the label's lines followed straight away by the numbers (wrapped labels, one cell per line) — with
// the columns' count of values; numbers that belong to no row, labels that never meet their numbers, and several
// rows' labels before one run of numbers make the rows around them uncertain, and nothing is computed from those.
//
// This file holds what the three tables share: streaming a region's rows, the row assembler, building model rows.
// The tables themselves: activeDisclosureTable.ts (表二), applicationsTable.ts (表三), reviewsTable.ts (表四).

import { cellLabel, countFilled, numberValue, tokenizeLine, type RawCell, type RawRow } from './cells';
import { htmlTableEnd, htmlTableRows } from './htmlTables';
import type { Cell, OldFormatSignature, RowProblem, TableId, TableLayout, TableReading, TableRow, UnreadRow } from './model';
import { normalizeLabel } from './normalize';
import { APPLICANT_COLUMN_IDS, OLD_FORMAT_SIGNATURES, type ApplicantColumn } from './schema';
import { BoundedMemo, type LineIndex, type Span } from './text';

/** A label cell longer than this is prose, not a table label: it breaks any label being carried forward. */
export const MAX_LABEL_LENGTH = 80;

/**
 * The rows of a region, tokenized line by line as they are consumed: `visit` gets each row in order until it
 * returns false, and nothing is kept but what it keeps. A plain loop: rows are the innermost loop of the parse.
 */
export function forEachRow(text: string, lines: LineIndex, region: Span, visit: (row: RawRow) => boolean | void): void {
  if (region.end <= region.start) return;
  const last = lines.indexAt(region.end);
  // A table written as HTML (pandoc's Markdown for merged cells): found once per region, read by its <tr>s.
  let html = nextHtmlTable(text, region.start, region.end);
  for (let i = lines.indexAt(region.start); i <= last; i++) {
    const lineEnd = lines.endOf(i);
    const from = Math.max(lines.startOf(i), region.start);
    const to = Math.min(lineEnd, region.end);
    if (html >= 0 && html < to) {
      const end = htmlTableEnd(text, html, region.end);
      for (const row of htmlTableRows(text, html, end)) if (visit(row) === false) return;
      i = lines.indexAt(end);
      html = nextHtmlTable(text, end, region.end);
      continue;
    }
    if (to <= from) continue;
    const row = tokenizeLine(text, from, to, lineEnd);
    if (row && visit(row) === false) return;
  }
}

/**
 * Where the next `<table` tag (as /<table\b/i finds it) starts in text[from, to), or -1. Found by its "<" with a
 * native search, then the name compared: the regex searched on to the end of the document for every table region
 * of every report, most of which hold no markup at all.
 */
function nextHtmlTable(text: string, from: number, to: number): number {
  for (let i = text.indexOf('<', from); i >= 0 && i < to; i = text.indexOf('<', i + 1)) {
    if (isTableTagAt(text, i)) return i;
  }
  return -1;
}

const TABLE_NAME = 'table';

/** Whether text[at] is "<" and "table" follows it, in any case, then a character that is not a word's (\b). */
function isTableTagAt(text: string, at: number): boolean {
  for (let k = 0; k < TABLE_NAME.length; k++) {
    // ASCII letters only: | 0x20 lowercases them and turns no other character into one.
    if ((text.charCodeAt(at + 1 + k) | 0x20) !== TABLE_NAME.charCodeAt(k)) return false;
  }
  const after = text.charCodeAt(at + 1 + TABLE_NAME.length);
  return !isAsciiWordCode(after);
}

/** A character of \w (without the u flag): ASCII letters, digits and "_". NaN (the end of the text) is none. */
function isAsciiWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const HEADER_ROWS = 12;
/** 表二's column headings in the 2021 format (the 2019 format's are OLD_FORMAT_SIGNATURES). */
const NEW_FORMAT_RE = /本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额/;
/** What stands for a table the text does not hold: pandoc's "[TABLE]", a Markdown image, an <img>, "【表格】". */
const PLACEHOLDER = /^(?:\[(?:TABLE|表格|图片|图表)\]|【(?:表格|图片)】|!\[[^\]]*\]\([^)]*\)|<img\b)/i;
const OLD_FORMAT_RE = new RegExp(OLD_FORMAT_SIGNATURES.map((s) => s.replace(/[()/]/g, '\\$&')).join('|'));
const NO_FORMAT = 0;
const FORMAT_2019 = 1;
const FORMAT_2021 = 2;
/**
 * Which format's column heading a label is (2019, 2021, or neither), remembered by the label as written: 表二's
 * headers are the same in every report, and two regexes over each of its labels were most of what a 表二 row cost.
 */
const formatHints = new BoundedMemo<number>(MAX_LABEL_LENGTH);
const formatHintOfText = (raw: string): number => {
  const label = normalizeLabel(raw);
  return OLD_FORMAT_RE.test(label) ? FORMAT_2019 : NEW_FORMAT_RE.test(label) ? FORMAT_2021 : NO_FORMAT;
};

/** A digit right after a CJK character or a closing bracket or quote: the only way digits can be glued to a label. */
const GLUED_HINT = /[\u4e00-\u9fff）)”"]\d/;

/**
 * One pass over a table region. Rows stream through to the consumer (the row assembler); what the table as a
 * whole needs — its layout, its first line, glued digits, 2019-format labels, header words — is noted on the
 * way, so a long region is never held in memory (holding it made time grow faster than the input).
 */
export class RegionScan {
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
  /** A placeholder where the table should be: pandoc's "[TABLE]", an image, a picture's tag. */
  placeholder: Span | undefined;
  /** 表二's column headings of the 2021 format seen (against `signatures`, the 2019 format's). */
  newFormatHits = 0;
  readonly signatures: OldFormatSignature[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    readonly region: Span,
    /** Labels that glue to digits in flattened text (the table's own row and column words). */
    private readonly glueLabels: readonly string[],
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
      const c0 = cell.text.charCodeAt(0);
      if ((c0 === 91 /* [ */ || c0 === 33 /* ! */ || c0 === 60 /* < */ || c0 === 0x3010 /* 【 */) && PLACEHOLDER.test(cell.text)) {
        this.placeholder ??= { start: cell.start, end: cell.end };
      }
      if (this.wantsSignatures && cell.text.length <= MAX_LABEL_LENGTH) {
        const hint = formatHints.get(cell.text, formatHintOfText);
        if (hint === FORMAT_2019) this.signatures.push({ label: cell.text, span: { start: cell.start, end: cell.end } });
        else if (hint === FORMAT_2021) this.newFormatHits++;
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
      if (this.glueLabels.some((l) => before.endsWith(l))) {
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

// ---------------------------------------------------------------------------------------------
// The row assembler

/** What a table's rows are called: how the assembler recognises them. */
export interface RowVocabulary {
  /** The unconsumed row the fragments name, the fragment nearest the numbers first (its label cell). */
  match(fragments: readonly RawCell[], consumed: ReadonlySet<string>): { id: string; cell: RawCell } | undefined;
  /**
   * The rows one label fragment names, for telling whether several rows' labels stand before one run of numbers
   * and which rows the table mentions at all. Column headings ("其他", "总计") and group labels name none.
   */
  names(cell: RawCell): readonly string[];
  /** How many values the row has (its columns). */
  expected(id: string): number;
  /** How many rows the table has (in its format as read): a table with them all read needs no naming. */
  rowCount(): number;
  /** A misprinted label's row ("2.其他法律行政止公开"): a unique close match among the rows not yet read. */
  misprint(cell: RawCell, consumed: ReadonlySet<string>): { id: string; canonical: string } | undefined;
  /** A group or subtotal label with numbers of its own (（三）不予公开 0 0 …): accounted for, not a stray. */
  isGroupLabel(cell: RawCell): boolean;
  /**
   * The rows whose words are in `chinese` — every label of the table, in order, reduced to its Chinese characters
   * (a label split over lines, or cut by a number, joins up again there). Used only to tell a row that is not
   * there from one that is there but was not read.
   */
  namedIn(chinese: string): readonly string[];
}

export interface AssembledRow {
  readonly id: string;
  readonly labelCell: RawCell;
  readonly fragments: readonly RawCell[];
  values: RawCell[];
  problem: RowProblem | undefined;
  misprint: { readonly canonical: string; readonly span: Span } | undefined;
}

/** A label with empty cells in a delimited layout, waiting to see whether its numbers are on the next line. */
interface BlankCandidate {
  readonly id: string;
  readonly cell: RawCell;
  readonly fragments: readonly RawCell[];
  readonly values: RawCell[];
}

/** Numbers that belong to no row: after which assembled row (its index, or -1 before the first). */
interface Stray {
  readonly span: Span;
  readonly after: number;
  /** On a line with a label of its own (one no row has): the numbers are that label's, not a neighbour's. */
  readonly labelled: boolean;
  /** It holds a number (not only "-" and the like). */
  readonly numbers: boolean;
}

/**
 * Joins raw rows into table rows, fed one row at a time. A line with labels and values is a row; label-only
 * lines are carried to the next line with values (wrapped labels, headers); value-only lines continue the current
 * row while it lacks cells (one cell per line) or take the carried labels. In delimited layouts a recognised
 * label with only empty cells is a row of blanks — unless its numbers follow on the next line. What cannot be
 * placed with certainty is noted: numbers no row takes, labels that never meet their numbers.
 */
export class RowAssembler {
  readonly rows: AssembledRow[] = [];
  /** Rows named by a label somewhere in the table (read or not): a row is missing only when it is not. */
  private readonly named = new Set<string>();
  /** Where each named row that was not read had its label first seen. */
  private readonly namedAt = new Map<string, Span>();
  private readonly strays: Stray[] = [];
  private readonly consumed = new Set<string>();
  /** The Chinese characters of every label seen, in order (bounded): where a row's words are, however split. */
  private chinese = '';
  /** The label cells of each line seen, in order (bounded), for naming rows at the end. */
  private readonly labels: (readonly RawCell[])[] = [];
  private labelCells = 0;
  private pending: readonly RawCell[] = [];
  private current: AssembledRow | undefined;
  private blank: BlankCandidate | undefined;
  /** Numbers were left unplaced since the last row: the next row's label may be theirs. */
  private strayBefore = false;
  /** Lines of several cells seen: a lone small number between such rows is a page number, not a value. */
  private multiCellLines = 0;
  private singleValueLines = 0;

  constructor(private readonly vocabulary: RowVocabulary) {}

  /**
   * Keeps a line's labels for the end of the table, where the rows they name are worked out: doing it per line,
   * for every table of every report, cost more than the rest of the assembler (most tables are read whole and
   * never ask).
   */
  private note(cells: readonly RawCell[]): void {
    // The line's own array, kept whole (a raw row's labels are not changed once it is made): one store per line.
    if (this.labelCells >= MAX_LABELS) return;
    this.labels.push(cells);
    this.labelCells += cells.length;
  }

  /** The rows the labels seen name, and the Chinese characters of them all (for labels cut apart). */
  private nameRows(): void {
    for (const cells of this.labels) {
      for (const cell of cells) {
        if (this.chinese.length < MAX_CHINESE) this.chinese += chineseOf(cell.text);
        for (const id of this.vocabulary.names(cell)) {
          if (this.named.has(id)) continue;
          this.named.add(id);
          this.namedAt.set(id, { start: cell.start, end: cell.end });
        }
      }
    }
  }

  /** Other rows than `id` that `fragments` name and that are not read yet. */
  private othersNamed(fragments: readonly RawCell[], id: string): boolean {
    for (const f of fragments) for (const other of this.vocabulary.names(f)) if (other !== id && !this.consumed.has(other)) return true;
    return false;
  }

  private emit(id: string, cell: RawCell, fragments: readonly RawCell[], values: RawCell[], problem: RowProblem | undefined, misprint?: AssembledRow['misprint']): void {
    // The row's values array is taken over, not copied: a raw row is not looked at again once assembled.
    this.current = { id, labelCell: cell, fragments, values, problem: this.strayBefore ? 'values-before-labels' : problem, misprint };
    this.rows.push(this.current);
    // Only `consumed` is kept per row: the rows read are added to `named` at the end, and only for a table not
    // read whole (unreadRows), where it is asked.
    this.consumed.add(id);
    this.pending = [];
    this.strayBefore = false;
  }

  private stray(row: RawRow, labelled = false): void {
    let numbers = false;
    for (const v of row.values) if (v.kind === 'number') numbers = true;
    this.strays.push({ span: { start: row.start, end: row.end }, after: this.rows.length - 1, labelled, numbers });
    // Numbers with a label of their own are not the next row's, come before its label.
    this.strayBefore = !labelled;
    this.pending = [];
    this.current = undefined;
  }

  /** A label with empty cells whose numbers did not follow: a row of blanks (its cells are known to be empty). */
  private settleBlank(): void {
    const b = this.blank;
    if (!b) return;
    this.blank = undefined;
    this.emit(b.id, b.cell, b.fragments, b.values, undefined);
    this.current = undefined;
  }

  push(row: RawRow): void {
    const filled = row.filled;
    if (row.labels.length + filled > 1 || row.values.length > 1) this.multiCellLines++;
    if (row.labels.length > 0) {
      this.settleBlank();
      if (hasProseLabel(row)) {
        this.pending = [];
        this.current = undefined;
        return;
      }
      this.note(row.labels);
      const fragments = this.pending.length > 0 ? this.pending.concat(row.labels) : row.labels;
      if (filled > 0) {
        this.labelledValues(row, fragments);
        return;
      }
      if (row.layout !== 'columns' && row.values.length > 0) {
        const m = this.vocabulary.match(row.labels, this.consumed);
        if (m && row.values.length >= this.vocabulary.expected(m.id)) {
          this.blank = { id: m.id, cell: m.cell, fragments, values: row.values };
          this.pending = [];
          this.current = undefined;
          return;
        }
      }
      // Label-only: a header, or a label whose values follow on the next lines. Keep the last few fragments.
      this.pending = fragments.length > 8 ? fragments.slice(-8) : fragments;
      this.current = undefined;
      return;
    }
    if (filled === 0) return;
    const blank = this.blank;
    if (blank) {
      // The label's numbers on the next line (converters that split a row over two lines).
      this.blank = undefined;
      this.emit(blank.id, blank.cell, blank.fragments, row.values, undefined);
      return;
    }
    if (this.pending.length > 0) {
      const m = this.vocabulary.match(this.pending, this.consumed);
      if (m) {
        const problem = this.othersNamed(this.pending, m.id) ? 'ambiguous-label' : undefined;
        this.emit(m.id, m.cell, this.pending, row.values, problem);
        if (filled === 1 && row.values.length === 1) this.singleValueLines++;
        return;
      }
      this.pending = [];
    }
    const current = this.current;
    if (current && countFilled(current.values, 0) < this.vocabulary.expected(current.id)) {
      for (const v of row.values) current.values.push(v);
      if (filled === 1 && row.values.length === 1) this.singleValueLines++;
      return;
    }
    if (this.isPageNumber(row)) return;
    this.stray(row);
  }

  private labelledValues(row: RawRow, fragments: readonly RawCell[]): void {
    const m = this.vocabulary.match(fragments, this.consumed);
    if (!m) {
      const own = row.labels[row.labels.length - 1]!;
      const misprint = this.vocabulary.misprint(own, this.consumed);
      if (misprint) {
        this.emit(misprint.id, own, fragments, row.values, undefined, { canonical: misprint.canonical, span: { start: own.start, end: own.end } });
        return;
      }
      if (this.vocabulary.isGroupLabel(row.labels[row.labels.length - 1]!)) {
        // A subtotal of a group: its numbers are accounted for.
        this.pending = [];
        this.current = undefined;
        return;
      }
      // A label no row has, with numbers on its line: a row not read, which says nothing of its neighbours.
      this.stray(row, true);
      return;
    }
    // Matched on a carried fragment while other rows are named too: which row the numbers are is a guess.
    const own = row.labels.includes(m.cell);
    const problem = !own && this.othersNamed(fragments, m.id) ? 'ambiguous-label' : undefined;
    this.emit(m.id, m.cell, fragments, row.values, problem);
  }

  /**
   * A lone number of at most three digits between rows of several cells, with the row before complete: the page
   * number pdftotext and page-by-page converters leave there. In one-cell-per-line tables a lone number is a value.
   */
  private isPageNumber(row: RawRow): boolean {
    if (row.filled !== 1 || row.values.length !== 1) return false;
    const cell = row.values[0]!;
    if (cell.kind !== 'number' || cell.text.length > 3 || this.singleValueLines > 0) return false;
    return this.multiCellLines > 2;
  }

  /**
   * Ends the table: the last row of blanks, each row's certainty, and the rows named but never read. Split by
   * concern: a table read whole (nearly all) takes only the first two steps, and the rare ones are small functions
   * of their own that are never compiled for it.
   */
  finish(): { rows: AssembledRow[]; unread: UnreadRow[]; strays: Span[] } {
    this.settleBlank();
    const strays = this.strays.length > 0 ? this.placeStrays() : [];
    const uncertain = this.countValues();
    // Which rows the labels name matters only where a row was not read: a table read whole never asks.
    if (strays.length > 0 || uncertain || this.rows.length < this.vocabulary.rowCount()) return this.unreadRows(strays);
    return { rows: this.rows, unread: [], strays };
  }

  /**
   * Numbers between rows make the row before them uncertain, unless they sit with a label of their own; numbers
   * before the first row are headings or notes, and a line of "-" after the last row holds nothing to lose.
   */
  private placeStrays(): Span[] {
    const strays: Span[] = [];
    const last = this.rows.length - 1;
    for (const s of this.strays) {
      if (s.after < 0 || (!s.numbers && s.after === last)) continue;
      strays.push(s.span);
      const before = this.rows[s.after];
      if (before && !before.problem && !s.labelled) before.problem = 'stray-values-near';
    }
    return strays;
  }

  /** Each row's count of values against its columns; whether any row is uncertain. */
  private countValues(): boolean {
    let uncertain = false;
    for (const r of this.rows) {
      if (!r.problem) {
        const n = this.vocabulary.expected(r.id);
        const filled = countFilled(r.values, 0);
        if (filled > n) r.problem = 'more-values';
        else if (filled < n && !blanksPlaced(r.values, n)) r.problem = 'fewer-values';
      }
      if (r.problem) uncertain = true;
    }
    return uncertain;
  }

  /** The rows not read with certainty, and those named by a label but never read. */
  private unreadRows(strays: Span[]): { rows: AssembledRow[]; unread: UnreadRow[]; strays: Span[] } {
    for (const r of this.rows) this.named.add(r.id);
    this.nameRows();
    const unread: UnreadRow[] = [];
    for (const r of this.rows) if (r.problem) unread.push({ row: r.id, reason: r.problem, span: { start: r.labelCell.start, end: r.labelCell.end } });
    for (const id of this.named) {
      if (!this.consumed.has(id)) unread.push({ row: id, reason: 'label-away-from-numbers', span: this.namedAt.get(id)! });
    }
    // A row whose label was cut (by a line break, by a number) is named by its joined words: not read, not missing.
    if (strays.length > 0 || unread.length > 0) {
      for (const id of this.vocabulary.namedIn(this.chinese)) {
        if (this.named.has(id)) continue;
        this.named.add(id);
        unread.push({ row: id, reason: 'label-away-from-numbers', span: strays[0] ?? unread[0]!.span });
      }
    }
    return { rows: this.rows, unread, strays };
  }
}

/** The most label text kept for telling rows that are not there (a table's labels are a few thousand characters). */
const MAX_CHINESE = 16384;
/** The most label cells kept for naming rows (a table has about a hundred). */
const MAX_LABELS = 4096;

/** The Chinese characters of a string, in order. */
export function chineseOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) out += s[i];
  }
  return out;
}

/**
 * Whether `key`'s characters appear in `text` in order, each within `maxGap` characters of the one before: a
 * row's words cut apart by a line break, a number or a group's label still name the row.
 */
export function containsLoosely(text: string, key: string, maxGap = 16): boolean {
  if (key.length === 0) return false;
  for (let start = text.indexOf(key[0]!); start >= 0; start = text.indexOf(key[0]!, start + 1)) {
    let at = start;
    let k = 1;
    while (k < key.length) {
      const next = text.indexOf(key[k]!, at + 1);
      if (next < 0 || next - at > maxGap) break;
      at = next;
      k++;
    }
    if (k === key.length) return true;
  }
  return false;
}

/**
 * Whether a row with fewer filled cells than columns shows where its blanks are: all of them blank; exactly the
 * columns' count of cells (with a trailing tab, or without); or that count from its first filled cell to its last
 * (blanks between values are the row's; empty cells around them are merged cells'). Otherwise — a value lost in
 * pdftotext's columns, a blank at the edge of a row with empty cells around it — which is missing cannot be known.
 */
function blanksPlaced(values: readonly RawCell[], n: number): boolean {
  // A row of nothing but blanks: every cell is blank, wherever the columns are.
  if (countFilled(values, 0) === 0) return true;
  if (values.length === n) return true;
  // Exactly the columns and a trailing tab (rows exported from Word end so).
  if (values.length === n + 1 && values[n]!.kind === 'empty') return true;
  let first = 0;
  while (first < values.length && values[first]!.kind === 'empty') first++;
  let last = values.length - 1;
  while (last > first && values[last]!.kind === 'empty') last--;
  return last - first + 1 === n;
}

/** Whether a row has a label too long to be a table's: prose. A loop, not `some` with a closure: it runs per row. */
export function hasProseLabel(row: RawRow): boolean {
  for (let i = 0; i < row.labels.length; i++) if (row.labels[i]!.text.length > MAX_LABEL_LENGTH) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Model rows

/** The window [lo, hi) of a row's values that holds its cells: cell i is values[lo + i] when lo + i < hi. */
export interface Fit {
  readonly lo: number;
  readonly hi: number;
  /** Where the cells that are missing would go. */
  readonly after: number;
}

/** Fits a row's value cells to the expected count n: surplus empty cells go from the end first, then the start. */
export function fitValues(values: readonly RawCell[], n: number): Fit {
  let lo = 0;
  let hi = values.length;
  while (hi - lo > n && values[hi - 1]!.kind === 'empty') hi--;
  while (hi - lo > n && values[lo]!.kind === 'empty') lo++;
  if (hi - lo > n) hi = lo + n;
  const after = hi > lo ? values[hi - 1]!.end : values.length > 0 ? values[0]!.start : 0;
  return { lo, hi, after };
}

export function toCell(raw: RawCell | undefined, at: number, table: TableId, row: string, column: string, certain: boolean): Cell {
  if (!raw) return { kind: 'missing', text: '', span: { start: at, end: at }, table, row, column, certain };
  const span = { start: raw.start, end: raw.end };
  switch (raw.kind) {
    case 'number':
      return { kind: 'number', value: numberValue(raw.text), text: raw.text, span, table, row, column, certain };
    case 'empty':
      return { kind: 'blank', text: '', span, table, row, column, certain };
    case 'blank':
      return { kind: 'blank', text: raw.text, span, table, row, column, certain };
    default:
      return { kind: 'invalid', text: raw.text, span, table, row, column, certain };
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

export function buildRow<Col extends string>(a: AssembledRow, columns: readonly Col[], table: TableId): TableRow<Col> {
  const values = a.values;
  const { lo, hi, after } = fitValues(values, columns.length);
  const certain = a.problem === undefined;
  const cellList: Cell[] = [];
  let end = a.labelCell.end;
  for (let i = 0; i < columns.length; i++) {
    const raw = lo + i < hi ? values[lo + i] : undefined;
    if (raw && raw.end > end) end = raw.end;
    cellList.push(toCell(raw, after, table, a.id, columns[i]!, certain));
  }
  const cells = (columns === APPLICANT_COLUMN_IDS ? applicantRecord(cellList) : recordOf(columns, cellList)) as Record<Col, Cell>;
  let label = '';
  for (const f of a.fragments) label += f.text;
  return {
    id: a.id, label, labelSpan: { start: a.labelCell.start, end: a.labelCell.end }, cells, cellList,
    span: { start: a.labelCell.start, end }, problem: a.problem, misprint: a.misprint,
  };
}

/**
 * How the table was read: unreadable when no row was read with certainty (or nothing could be read at all),
 * partly read when some rows were not, or numbers were left over; read otherwise.
 */
export function reading(certainRows: number, unread: readonly UnreadRow[], strays: readonly Span[]): TableReading {
  const status = certainRows === 0 ? 'unreadable' : unread.length > 0 || strays.length > 0 ? 'partly-read' : 'read';
  return { status, unread, strays };
}

/** The reading of a table whose cells cannot be separated at all (flattened web text). */
export const UNREADABLE: TableReading = { status: 'unreadable', unread: [], strays: [] };
