// Splitting table text into cells, whatever layout it arrived in (docs/format.md §10):
//  - TSV: cells by "\t", merged cells as empty cells;
//  - pipes: "| a | b |" Markdown rows, "a | b |" plain rows, and one cell per line ending in " |" with "||" fillers;
//  - columns: `pdftotext -layout` text, cells by runs of two or more spaces, numbers by any space;
//  - one cell per line, with or without blank lines between cells.
// A line becomes a RawRow: the label cells, then the value cells after the last label. Which canonical row a
// RawRow is, and how wrapped labels join up, is decided per table (tables.ts), by label.

import type { Span } from './text';
import { isBlankChar, isJsWhitespace, isWhitespaceRange } from './text';
import { normalizeLabel, toHalfWidthDigits } from './normalize';

export type RawCellKind = 'label' | 'number' | 'blank' | 'invalid' | 'empty';

/**
 * A cell as read from a line. It is its own span (start/end offsets of the trimmed cell text): a table has
 * hundreds of cells, and a separate span object for each was a fifth of what the table parse allocated. Every
 * cell has the same fields, so the code reading them sees one object shape.
 */
export interface RawCell extends Span {
  readonly kind: RawCellKind;
  readonly text: string;
}

export type LineLayout = 'tsv' | 'pipe' | 'columns';

export interface RawRow extends Span /* from the first to the last non-empty cell */ {
  /** End of the line the row was read from, before its line break. */
  readonly lineEnd: number;
  readonly layout: LineLayout;
  readonly labels: readonly RawCell[];
  /** Cells after the last label, empty cells included (they matter in delimited layouts). */
  readonly values: RawCell[];
  /** How many of `values` are not empty. */
  readonly filled: number;
}

const BLANK_MARKERS = new Set(['/', '／', '\\', '＼', '-', '－', '—', '——', '–', '--', '无', '空', '—-', '-—']);
const MAX_BLANK_MARKER = Math.max(...[...BLANK_MARKERS].map((m) => m.length));
const NUMBER = /^\d+(?:\.\d+)?$|^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const ORDINAL_LABEL = /^\d{1,2}\s*[、.．]\s*[^\d\s.．]/;
const LOOKS_NUMERIC = /^[-+−－]?\s*\d[\d.,，]*\s*[^\s]{0,3}$/;
/** Page numbers inside a table: "-4-", "第 3 页", "第3页，共12页". */
export const PAGE_NUMBER = /^\s*[-－—–]\s*\d{1,3}\s*[-－—–]\s*$|^\s*第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?\s*$/;
/**
 * A table's rule line, not its cells: Markdown's `|---|:--:|`, pandoc's simple and multiline tables' `---- ----`, grid
 * tables' `+----+====+`.
 */
const MARKDOWN_RULE = /^\s*[|+]?\s*:?[-=]{2,}:?\s*(?:[|+ ]\s*:?[-=]{2,}:?\s*)*[|+]?\s*$/;

/** The kind of a trimmed cell text. Allocation-free on the common paths: this runs for every table cell. */
export function cellKindOf(text: string): RawCellKind {
  if (text === '' || text === '\u3000') return 'empty';
  if (isAsciiDigits(text)) return 'number';
  // Every marker is one or two characters: a Set lookup hashes the whole string, and most cells are long labels.
  if (text.length <= MAX_BLANK_MARKER && BLANK_MARKERS.has(text)) return 'blank';
  const first = text.charCodeAt(0);
  // A label starting with a CJK character or a bracket cannot be a number: skip the regexes.
  if (first >= 0x3000 && !(first >= 0xff10 && first <= 0xff19)) return 'label';
  const half = toHalfWidthDigits(text);
  if (NUMBER.test(half)) return 'number';
  if (ORDINAL_LABEL.test(half)) return 'label';
  if (LOOKS_NUMERIC.test(half)) return 'invalid';
  return 'label';
}

/** The value of a cell of kind 'number'. */
export function numberValue(text: string): number {
  return isAsciiDigits(text) ? Number(text) : Number(toHalfWidthDigits(text).replace(/,/g, ''));
}

/** Tab positions of the line being tokenized: one buffer, reused (a line is tokenized to the end before the next). */
const tabStops: number[] = [];

function isAsciiDigits(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function makeCell(text: string, start: number, end: number): RawCell {
  // Trim the span to the cell's visible text.
  let s = start;
  let e = end;
  while (s < e && isBlankChar(text.charCodeAt(s))) s++;
  while (e > s && isBlankChar(text.charCodeAt(e - 1))) e--;
  const t = text.slice(s, e);
  const kind = cellKindOf(t);
  return { kind, text: t, start: s, end: e };
}

const NO_LABELS: readonly RawCell[] = [];

/** How many of cells[from…] are not empty. */
export function countFilled(cells: readonly RawCell[], from: number): number {
  let n = 0;
  for (let i = from; i < cells.length; i++) if (cells[i]!.kind !== 'empty') n++;
  return n;
}

/**
 * Whether text[from, to) is page chrome inside a table: page numbers such as "-4-" or "第 3 页". Both forms start,
 * after \s, with a dash or 第: any other line is answered without slicing it or running the regex (this runs
 * for every short table line).
 */
export function isPageChrome(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isJsWhitespace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (i === to || (c !== 45 && c !== 0xff0d && c !== 0x2014 && c !== 0x2013 && c !== 0x7b2c)) return false;
  return PAGE_NUMBER.test(text.slice(from, to));
}

/**
 * Splits text[from, to) — a line, or the part of one inside a table region — into cells. Returns undefined for
 * lines that carry no cells (blank lines, page numbers, Markdown rules). `text` is the whole document;
 * `lineEnd` is where the line itself ends.
 */
export function tokenizeLine(text: string, from: number, to: number, lineEnd = to): RawRow | undefined {
  let first = from;
  while (first < to && isBlankChar(text.charCodeAt(first))) first++;
  if (first === to) return undefined;
  // Page numbers are short, whatever their indentation (pdftotext centres them on a long line of spaces).
  let visibleEnd = to;
  while (visibleEnd > first && isBlankChar(text.charCodeAt(visibleEnd - 1))) visibleEnd--;
  if (visibleEnd - first < 24 && isPageChrome(text, first, visibleEnd)) return undefined;
  // Searches stay within the line: text.indexOf would scan the rest of the document for a character the
  // line lacks, which makes the whole pass quadratic.
  // One pass for the three characters that decide the layout; tab positions are kept for the split.
  let tabs = 0;
  let pipe = false;
  let dash = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) tabStops[tabs++] = i;
    else if (c === 124 || c === 0xff5c) pipe = true;
    else if (c === 45) dash = true;
  }
  if (dash && MARKDOWN_RULE.test(text.slice(from, to))) return undefined;
  const cells: RawCell[] = [];
  let layout: LineLayout;
  if (tabs > 0) {
    layout = 'tsv';
    let s = from;
    for (let k = 0; k < tabs; k++) {
      const i = tabStops[k]!;
      cells.push(makeCell(text, s, i));
      s = i + 1;
    }
    cells.push(makeCell(text, s, to));
  } else if (pipe) {
    layout = 'pipe';
    // Pieces between pipes. A leading "|" leaves a blank first piece, a trailing one a blank last piece:
    // neither is a cell (unless it is the only piece).
    let first = true;
    let s = from;
    for (let i = from; i <= to; i++) {
      if (i < to) {
        const c = text.charCodeAt(i);
        if (c !== 124 && c !== 0xff5c) continue;
      }
      const skip = (first && i < to && isWhitespaceRange(text, s, i)) || (i === to && !first && isWhitespaceRange(text, s, i));
      if (!skip) cells.push(makeCell(text, s, i));
      first = false;
      s = i + 1;
    }
  } else {
    layout = 'columns';
    splitColumns(text, from, to, cells);
  }
  return rowOf(cells, lineEnd, layout);
}

/**
 * A line's cells as a row: its labels (every non-empty cell up to the last label) and the cells after the last
 * label, its values; undefined when every cell is empty. One pass finds the last label and the first and last
 * non-empty cells. Shared by every layout (htmlTables.ts makes its rows with it too).
 */
export function rowOf(cells: RawCell[], lineEnd: number, layout: LineLayout): RawRow | undefined {
  let last = -1;
  let firstFilled = -1;
  let lastFilled = -1;
  // Non-empty cells in all, and up to the last label: the values' count of filled cells is their difference.
  let filled = 0;
  let filledToLast = 0;
  for (let i = 0; i < cells.length; i++) {
    const kind = cells[i]!.kind;
    if (kind === 'empty') continue;
    if (firstFilled < 0) firstFilled = i;
    lastFilled = i;
    filled++;
    if (kind === 'label') {
      last = i;
      filledToLast = filled;
    }
  }
  if (firstFilled < 0) return undefined;
  const start = cells[firstFilled]!.start;
  const end = cells[lastFilled]!.end;
  if (last < 0) return { lineEnd, layout, labels: NO_LABELS, values: cells, filled, start, end };
  const labels: RawCell[] = [];
  for (let i = 0; i <= last; i++) if (cells[i]!.kind !== 'empty') labels.push(cells[i]!);
  return { lineEnd, layout, labels, values: cells.slice(last + 1), filled: filled - filledToLast, start, end };
}

/**
 * pdftotext -layout columns: a run of two or more spaces separates cells. Within a piece, trailing tokens
 * that are numbers (separated by single spaces) are cells of their own: "行政许可 447228" is a label and a value.
 */
function splitColumns(text: string, from: number, to: number, out: RawCell[]): void {
  let i = from;
  while (i < to) {
    while (i < to && isBlankChar(text.charCodeAt(i))) i++;
    if (i >= to) break;
    let j = i;
    // A piece ends at two consecutive blanks (or one full-width space).
    while (j < to) {
      const c = text.charCodeAt(j);
      if (c === 0x3000) break;
      if (isBlankChar(c) && j + 1 < to && isBlankChar(text.charCodeAt(j + 1))) break;
      if (isBlankChar(c) && j + 1 === to) break;
      j++;
    }
    pushPiece(text, i, j, out);
    i = j;
  }
}

/** Token bounds of the piece being split, as start/end pairs: one buffer, reused (pieces are split one at a time). */
const tokenBounds: number[] = [];

function pushPiece(text: string, start: number, end: number, out: RawCell[]): void {
  // Tokens separated by single spaces.
  let n = 0;
  let s = start;
  for (let k = start; k <= end; k++) {
    if (k === end || isBlankChar(text.charCodeAt(k))) {
      if (k > s) {
        tokenBounds[n++] = s;
        tokenBounds[n++] = k;
      }
      s = k + 1;
    }
  }
  const tokens = n >> 1;
  let firstValue = tokens;
  while (firstValue > 0) {
    const kind = cellKindOf(text.slice(tokenBounds[2 * firstValue - 2]!, tokenBounds[2 * firstValue - 1]!));
    if (kind === 'number' || kind === 'blank') firstValue--;
    else break;
  }
  if (firstValue > 0) out.push(makeCell(text, start, tokenBounds[2 * firstValue - 1]!));
  for (let k = firstValue; k < tokens; k++) out.push(makeCell(text, tokenBounds[2 * k]!, tokenBounds[2 * k + 1]!));
}

/** Normalised label text of a cell, for matching (normalizeLabel memoises the labels reports repeat). */
export function cellLabel(cell: RawCell): string {
  return normalizeLabel(cell.text);
}
