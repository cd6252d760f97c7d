// Tables written as HTML inside a text report: pandoc writes a table with merged cells as raw `<table>` markup in
// Markdown, and a page's source pasted into a report keeps its tables so. Each `<tr>` becomes a row of cells
// (docs/format.md §10.5): a cell's text is its text nodes joined without a separator (a cell's several `<p>` are
// one label, "商业"+"企业"), entities decoded, and its span runs from its first character to its last in the source.
// Merged cells need no grid here: a merged label appears once, on its first row, as in the TSV the engine reads
// best, and the values after the last label of a row are the row's. Never throws; linear in the markup.

import type { LineLayout, RawCell, RawCellKind, RawRow } from './cells';
import { cellKindOf, rowOf } from './cells';
import { isBlankChar } from './text';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ', thinsp: ' ', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', middot: '·', hellip: '…' };

/** The text of an entity (`&nbsp;`, `&#x4e00;`), or the entity as written when it is not one. */
function entity(name: string): string {
  if (name.startsWith('#x') || name.startsWith('#X')) {
    const code = parseInt(name.slice(2), 16);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : `&${name};`;
  }
  if (name.startsWith('#')) {
    const code = parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : `&${name};`;
  }
  return ENTITIES[name.toLowerCase()] ?? `&${name};`;
}

/** Where the `<table` that starts at or after `from` ends (after its `</table>`, nested tables counted), or `limit`. */
export function htmlTableEnd(text: string, from: number, limit: number): number {
  const re = /<(\/?)table\b[^>]*>/gi;
  re.lastIndex = from;
  let depth = 0;
  for (let m = re.exec(text); m && m.index < limit; m = re.exec(text)) {
    depth += m[1] ? -1 : 1;
    if (depth <= 0) return Math.min(limit, m.index + m[0].length);
  }
  return limit;
}

interface CellBuilder {
  text: string;
  start: number;
  end: number;
}

const BLANK_CELL_TEXT = /^[\s\u3000\u00a0]*$/;

function finishCell(c: CellBuilder): RawCell {
  // Trim the text and its span together: leading and trailing blanks are not part of the cell.
  let t = c.text;
  let lead = 0;
  while (lead < t.length && isBlankChar(t.charCodeAt(lead))) lead++;
  t = t.slice(lead).replace(/[\s\u3000\u00a0]+$/, '');
  const kind: RawCellKind = BLANK_CELL_TEXT.test(t) ? 'empty' : cellKindOf(t);
  const start = c.start < 0 ? c.end : c.start;
  return { kind, text: kind === 'empty' ? '' : t, start, end: Math.max(start, c.end) };
}

/**
 * The rows of the HTML table in text[from, to): one RawRow per `<tr>`, its cells' labels and the values after the
 * last label. Rows without any filled cell are left out, as blank lines are.
 */
export function htmlTableRows(text: string, from: number, to: number): RawRow[] {
  const rows: RawRow[] = [];
  let cells: RawCell[] | undefined;
  let cell: CellBuilder | undefined;
  const layout: LineLayout = 'pipe';
  const endRow = () => {
    if (cell && cells) cells.push(finishCell(cell));
    cell = undefined;
    if (cells) {
      const row = rowOf(cells, cells.length > 0 ? cells[cells.length - 1]!.end : 0, layout);
      if (row) rows.push(row);
    }
    cells = undefined;
  };
  let i = from;
  while (i < to) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 || lt > to ? to : lt;
    if (cell && textEnd > i) appendText(cell, text, i, textEnd);
    if (textEnd >= to) break;
    const gt = text.indexOf('>', lt);
    if (gt < 0 || gt >= to) break;
    const tag = /^<\s*(\/?)\s*([a-zA-Z0-9]+)/.exec(text.slice(lt, Math.min(gt + 1, lt + 40)));
    i = gt + 1;
    if (!tag) continue;
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    if (name === 'tr') {
      endRow();
      if (!closing) {
        cells = [];
      }
    } else if (name === 'td' || name === 'th') {
      if (cell && cells) cells.push(finishCell(cell));
      cell = undefined;
      if (!closing) {
        cells ??= [];
        cell = { text: '', start: -1, end: i };
      }
    } else if (name === 'table' && closing) {
      endRow();
    } else if (cell && (name === 'script' || name === 'style') && !closing) {
      // Skip their content.
      const close = text.toLowerCase().indexOf(`</${name}`, i);
      i = close < 0 || close > to ? to : close;
    }
  }
  endRow();
  return rows;
}

/** Appends text[a, b) to the cell, entities decoded; the cell's span grows to cover its visible characters. */
function appendText(cell: CellBuilder, text: string, a: number, b: number): void {
  let i = a;
  while (i < b) {
    const c = text.charCodeAt(i);
    if (c === 38 /* & */) {
      const semi = text.indexOf(';', i);
      if (semi > i && semi < b && semi - i <= 10) {
        const decoded = entity(text.slice(i + 1, semi));
        cell.text += decoded;
        if (!/^\s+$/.test(decoded)) {
          if (cell.start < 0) cell.start = i;
          cell.end = semi + 1;
        }
        i = semi + 1;
        continue;
      }
    }
    // Line breaks inside the markup are layout, not text (a cell's <p>s are joined without a separator).
    if (c === 10 || c === 13) {
      i++;
      continue;
    }
    cell.text += text[i];
    if (!isBlankChar(c)) {
      if (cell.start < 0) cell.start = i;
      cell.end = i + 1;
    }
    i++;
  }
}
