// Splitting table text into cells, whatever layout it arrived in (FORMAT.md §4):
//  - TSV: cells by "\t", merged cells as empty cells;
//  - pipes: "| a | b |" Markdown rows, "a | b |" plain rows, and one cell per line ending in " |" with "||" fillers;
//  - columns: `pdftotext -layout` text, cells by runs of two or more spaces, numbers by any space;
//  - one cell per line, with or without blank lines between cells.
// A line becomes a RawRow: the label cells, then the value cells after the last label. Which canonical row a
// RawRow is, and how wrapped labels join up, is decided per table (tables.ts), by label.

import type { Line, Span } from './text';
import { isBlankChar } from './text';
import { normalizeLabel, toHalfWidthDigits } from './normalize';

export type RawCellKind = 'label' | 'number' | 'blank' | 'invalid' | 'empty';

export interface RawCell {
  readonly kind: RawCellKind;
  readonly text: string;
  readonly span: Span;
  readonly value?: number;
}

export type LineLayout = 'tsv' | 'pipe' | 'columns';

export interface RawRow {
  readonly line: Line;
  readonly layout: LineLayout;
  readonly labels: RawCell[];
  /** Cells after the last label, empty cells included (they matter in delimited layouts). */
  readonly values: RawCell[];
  /** Start of the first cell and end of the last cell on the line. */
  readonly span: Span;
}

const BLANK_MARKERS = new Set(['/', '／', '\\', '＼', '-', '－', '—', '——', '–', '--', '无', '空', '—-', '-—']);
const NUMBER = /^\d+(?:\.\d+)?$|^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const ORDINAL_LABEL = /^\d{1,2}\s*[、.．]\s*[^\d\s.．]/;
const LOOKS_NUMERIC = /^[-+−－]?\s*\d[\d.,，]*\s*[^\s]{0,3}$/;
const PAGE_NUMBER = /^\s*[-－—–]\s*\d{1,3}\s*[-－—–]\s*$|^\s*第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?\s*$/;
const MARKDOWN_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function classifyCell(raw: string): { kind: RawCellKind; value?: number } {
  const text = raw.trim();
  if (text === '' || text === '\u3000') return { kind: 'empty' };
  if (BLANK_MARKERS.has(text)) return { kind: 'blank' };
  const half = toHalfWidthDigits(text);
  if (NUMBER.test(half)) return { kind: 'number', value: Number(half.replace(/,/g, '')) };
  if (ORDINAL_LABEL.test(half)) return { kind: 'label' };
  if (LOOKS_NUMERIC.test(half)) return { kind: 'invalid' };
  return { kind: 'label' };
}

function makeCell(text: string, start: number, end: number): RawCell {
  // Trim the span to the cell's visible text.
  let s = start;
  let e = end;
  while (s < e && isBlankChar(text.charCodeAt(s))) s++;
  while (e > s && isBlankChar(text.charCodeAt(e - 1))) e--;
  const t = text.slice(s, e);
  const c = classifyCell(t);
  return c.value === undefined ? { kind: c.kind, text: t, span: { start: s, end: e } } : { kind: c.kind, text: t, span: { start: s, end: e }, value: c.value };
}

/** Whether a line is page chrome inside a table: page numbers such as "-4-" or "第 3 页". */
export function isPageChrome(lineText: string): boolean {
  return PAGE_NUMBER.test(lineText);
}

/**
 * Splits the part of `line` from offset `from` into cells. Returns undefined for lines that carry no cells
 * (blank lines, page numbers, Markdown rules). `text` is the whole document.
 */
export function tokenizeLine(text: string, line: Line, from = line.start, to = line.end): RawRow | undefined {
  const seg = text.slice(from, to);
  if (seg.trim() === '' || isPageChrome(seg) || MARKDOWN_RULE.test(seg)) return undefined;
  const cells: RawCell[] = [];
  let layout: LineLayout;
  if (seg.includes('\t')) {
    layout = 'tsv';
    let s = from;
    for (let i = from; i <= to; i++) {
      if (i === to || text.charCodeAt(i) === 9) {
        cells.push(makeCell(text, s, i));
        s = i + 1;
      }
    }
  } else if (seg.includes('|') || seg.includes('｜')) {
    layout = 'pipe';
    const pieces: Array<[number, number]> = [];
    let s = from;
    for (let i = from; i <= to; i++) {
      const c = i < to ? text.charCodeAt(i) : -1;
      if (i === to || c === 124 || c === 0xff5c) {
        pieces.push([s, i]);
        s = i + 1;
      }
    }
    // A leading "|" leaves an empty first piece, a trailing one an empty last piece: neither is a cell.
    if (pieces.length > 1 && text.slice(pieces[0]![0], pieces[0]![1]).trim() === '') pieces.shift();
    if (pieces.length > 1 && text.slice(pieces[pieces.length - 1]![0], pieces[pieces.length - 1]![1]).trim() === '') pieces.pop();
    for (const [a, b] of pieces) cells.push(makeCell(text, a, b));
  } else {
    layout = 'columns';
    splitColumns(text, from, to, cells);
  }
  const last = lastLabelIndex(cells);
  const labels = cells.slice(0, last + 1).filter((c) => c.kind !== 'empty');
  const values = cells.slice(last + 1);
  const nonEmpty = cells.filter((c) => c.kind !== 'empty');
  if (nonEmpty.length === 0) return undefined;
  return {
    line,
    layout,
    labels,
    values,
    span: { start: nonEmpty[0]!.span.start, end: nonEmpty[nonEmpty.length - 1]!.span.end },
  };
}

function lastLabelIndex(cells: readonly RawCell[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.kind === 'label') return i;
  return -1;
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

function pushPiece(text: string, start: number, end: number, out: RawCell[]): void {
  // Tokens separated by single spaces.
  const tokens: Array<[number, number]> = [];
  let s = start;
  for (let k = start; k <= end; k++) {
    if (k === end || isBlankChar(text.charCodeAt(k))) {
      if (k > s) tokens.push([s, k]);
      s = k + 1;
    }
  }
  let firstValue = tokens.length;
  while (firstValue > 0) {
    const [a, b] = tokens[firstValue - 1]!;
    const kind = classifyCell(text.slice(a, b)).kind;
    if (kind === 'number' || kind === 'blank') firstValue--;
    else break;
  }
  if (firstValue > 0) out.push(makeCell(text, start, tokens[firstValue - 1]![1]));
  for (let k = firstValue; k < tokens.length; k++) out.push(makeCell(text, tokens[k]![0], tokens[k]![1]));
}

/** Normalised label text of a cell, for matching. */
export function cellLabel(cell: RawCell): string {
  return normalizeLabel(cell.text);
}
