// WordprocessingML (the body of a .docx, of a Flat OPC .xml and of a Word 2003 XML file) read into paragraphs and
// tables, and the rendering of that model into the report's text, shared with the RTF reader.
//
// What Word writes and a reader must undo: a paragraph's text split over runs (numbers too: "2" + "0"); merged
// cells (w:gridSpan across, w:vMerge down: "restart" on the first cell, "continue" — or no value — on each
// covered one, which still exists as an empty w:tc); rows that start or end off the grid (w:gridBefore/After);
// U+3000 as placeholder text in empty cells (WPS); one content in two forms (mc:AlternateContent: Choice or
// Fallback, read once); content controls (w:sdt); tracked changes (w:ins kept, w:del and w:moveFrom dropped);
// text boxes (w:txbxContent, once, after the paragraph they are anchored in); field codes (w:instrText, dropped:
// their result runs are the text).

import type { TextBuilder } from './builder';
import { joinSplitNumber, normalizeSpaces } from './common';
import { MAX_SPAN, isLabelText, renderRow, type PlacedCell } from './grid';
import type { SourcePlace } from './types';
import type { XmlElement, XmlSink } from './xml';

export const W_NAMESPACES: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
  'http://schemas.microsoft.com/office/word/2003/wordml',
]);
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const PKG = 'http://schemas.microsoft.com/office/2006/xmlPackage';

// ---------------------------------------------------------------------------------------------
// The model

export interface WordParagraph {
  readonly kind: 'p';
  /** The paragraph's lines (a body paragraph's line breaks split it; a cell's do not). Automatic numbering is
   *  written into the first (numbering.ts). */
  readonly lines: string[];
  /** Its paragraph style and list (w:pStyle, w:numPr), for automatic numbering. */
  readonly style?: string;
  readonly numId?: number;
  readonly ilvl?: number;
  /** Body paragraph number (0-based, paragraphs outside tables), or -1 inside a table. */
  readonly index: number;
  /** The cell it is in, for paragraphs of a table laid out as a page. */
  readonly cell?: { readonly table: number; readonly row: number; readonly column: number };
}

export interface WordCell {
  /** First grid column. */
  column: number;
  span: number;
  vMerge: 'restart' | 'continue' | undefined;
  hMerge: 'restart' | 'continue' | undefined;
  readonly blocks: WordBlock[];
}

export interface WordRow {
  readonly index: number;
  gridBefore: number;
  deleted: boolean;
  /** Where the next cell starts. */
  nextColumn: number;
  readonly cells: WordCell[];
}

export interface WordTable {
  readonly kind: 'tbl';
  /** Table number in document order (0-based, nested tables counted). */
  readonly index: number;
  readonly rows: WordRow[];
  containsTable: boolean;
}

export type WordBlock = WordParagraph | WordTable;

/** Document properties a file states about itself (core.xml, app.xml, Word 2003's o:DocumentProperties). */
export interface WordProps {
  title?: string;
  author?: string;
  created?: string;
  application?: string;
}

const DC = 'http://purl.org/dc/elements/1.1/';
const DCTERMS = 'http://purl.org/dc/terms/';
const EXTENDED = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
  'http://purl.oclc.org/ooxml/officeDocument/extendedProperties',
]);
const OFFICE = 'urn:schemas-microsoft-com:office:office';

function propOf(el: XmlElement): keyof WordProps | undefined {
  if (el.uri === DC) return el.local === 'title' ? 'title' : el.local === 'creator' ? 'author' : undefined;
  if (el.uri === DCTERMS) return el.local === 'created' ? 'created' : undefined;
  if (EXTENDED.has(el.uri)) return el.local === 'Application' ? 'application' : undefined;
  if (el.uri === OFFICE) return el.local === 'Title' ? 'title' : el.local === 'Author' ? 'author' : el.local === 'Created' ? 'created' : undefined;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading: an XmlSink that builds the model

/** Elements whose whole content is not document text (properties, field codes, deleted text, settings). */
const SKIPPED = new Set([
  'rPr', 'sectPr', 'tblPr', 'tblPrEx', 'tblGrid', 'sdtPr', 'sdtEndPr', 'del', 'moveFrom', 'delText', 'instrText',
  'delInstrText', 'fldData', 'rubyPr', 'rt', 'docPr', 'fonts', 'styles', 'lists', 'listDef', 'divs', 'shapeDefaults',
  'docSuff', 'bgPict', 'background', 'footnotePr', 'endnotePr', 'annotation', 'comments',
]);
/** Parts of a Flat OPC package read: the main document and the properties. */
const FLAT_OPC_PARTS = /wordprocessingml\.document\.main\+xml|ms-word\.document\.macroEnabled\.main\+xml|wordprocessingml\.template\.main\+xml|core-properties\+xml|extended-properties\+xml/;

interface ParagraphDraft {
  readonly lines: string[];
  current: string;
  style?: string;
  numId?: number;
  ilvl?: number;
  readonly index: number;
  readonly inCell: boolean;
  readonly cell: WordParagraph['cell'];
  /** Text boxes anchored in the paragraph: written after it. */
  readonly boxes: WordBlock[];
}

interface TableDraft {
  readonly table: WordTable;
  row: WordRow | undefined;
}

export class WordMlReader implements XmlSink {
  readonly blocks: WordBlock[] = [];
  readonly props: WordProps = {};
  /** Set once a w:body has been seen (a part without one is not a Word document). */
  sawBody = false;
  private inBody = 0;
  private skipUntil = 0;
  private readonly locals: string[] = [];
  private readonly containers: WordBlock[][] = [this.blocks];
  private readonly cells: WordCell[] = [];
  private readonly paragraphs: ParagraphDraft[] = [];
  private readonly tables: TableDraft[] = [];
  private readonly alternates: boolean[] = [];
  /** Tables opened past the nesting limit: read as if their cells' paragraphs were the enclosing cell's. */
  private flattenedTables = 0;
  private inText = 0;
  /** Depth of the paragraph properties being read (0 outside): only the style and the list are taken from them. */
  private inPPr = 0;
  private paragraphCount = 0;
  private tableCount = 0;
  private capturing: keyof WordProps | undefined;
  private captured = '';

  constructor(private readonly maxTableNesting: number) {}

  open(el: XmlElement): void {
    const depth = el.depth;
    if (this.skipUntil > 0) return;
    const parent = this.locals[depth - 1];
    this.locals[depth] = el.local;
    if (el.uri === PKG && el.local === 'part') {
      const type = el.attr(PKG, 'contentType') ?? '';
      if (!FLAT_OPC_PARTS.test(type)) this.skipUntil = depth;
      return;
    }
    if (el.uri === MC) {
      if (el.local === 'AlternateContent') this.alternates.push(false);
      else if (el.local === 'Choice' || el.local === 'Fallback') {
        // One of the alternatives, the first offered: Word writes the same text in both.
        const n = this.alternates.length;
        if (n === 0 || this.alternates[n - 1]) this.skipUntil = depth;
        else this.alternates[n - 1] = true;
      }
      return;
    }
    const prop = propOf(el);
    if (prop) {
      if (this.props[prop] === undefined) {
        this.capturing = prop;
        this.captured = '';
      }
      return;
    }
    if (!W_NAMESPACES.has(el.uri)) return; // wrappers (drawings, VML, wx:sect, aml:content): their w: content is read
    const local = el.local;
    if (local === 'del' && parent === 'trPr') {
      const row = this.tables[this.tables.length - 1]?.row;
      if (row) row.deleted = true;
      return;
    }
    if (SKIPPED.has(local) || local.endsWith('Change')) {
      this.skipUntil = depth;
      return;
    }
    if (local === 'pPr') {
      if (parent === 'p') this.inPPr = depth;
      else this.skipUntil = depth;
      return;
    }
    if (this.inPPr > 0) {
      const p = this.paragraphs[this.paragraphs.length - 1];
      if (depth === this.inPPr + 1 && local === 'pStyle') {
        if (p) p.style = el.attr(el.uri, 'val');
      } else if (depth === this.inPPr + 2 && parent === 'numPr' && (local === 'numId' || local === 'ilvl')) {
        if (p) p[local] = positiveInt(el.attr(el.uri, 'val'), 0);
      } else if (!(depth === this.inPPr + 1 && local === 'numPr')) this.skipUntil = depth;
      return;
    }
    switch (local) {
      case 'body':
        this.inBody++;
        this.sawBody = true;
        return;
      case 'p':
        this.openParagraph();
        return;
      case 't':
        this.inText++;
        return;
      case 'tab':
      case 'ptab':
        this.append(' ');
        return;
      case 'br':
      case 'cr':
        this.lineBreak();
        return;
      case 'noBreakHyphen':
        this.append('-');
        return;
      case 'tbl':
        this.openTable();
        return;
      case 'tr':
        this.openRow();
        return;
      case 'tc':
        this.openCell();
        return;
      case 'gridSpan':
        if (parent === 'tcPr') this.setCell((c) => (c.span = positiveInt(el.attr(el.uri, 'val'), 1)));
        return;
      case 'vMerge':
      case 'vmerge':
        if (parent === 'tcPr') this.setCell((c) => (c.vMerge = el.attr(el.uri, 'val') === 'restart' ? 'restart' : 'continue'));
        return;
      case 'hMerge':
      case 'hmerge':
        if (parent === 'tcPr') this.setCell((c) => (c.hMerge = el.attr(el.uri, 'val') === 'restart' ? 'restart' : 'continue'));
        return;
      case 'gridBefore':
        if (parent === 'trPr') {
          const row = this.tables[this.tables.length - 1]?.row;
          if (row && row.cells.length === 0) row.nextColumn = row.gridBefore = Math.min(positiveInt(el.attr(el.uri, 'val'), 0), MAX_SPAN);
        }
        return;
      case 'txbxContent':
        this.containers.push([]);
        return;
      default:
        return;
    }
  }

  close(el: XmlElement): void {
    const depth = el.depth;
    if (this.skipUntil > 0) {
      if (depth === this.skipUntil) this.skipUntil = 0;
      return;
    }
    if (el.uri === MC) {
      if (el.local === 'AlternateContent') this.alternates.pop();
      return;
    }
    if (this.capturing && propOf(el) === this.capturing) {
      const value = normalizeSpaces(this.captured);
      if (value !== '') this.props[this.capturing] = value;
      this.capturing = undefined;
      return;
    }
    if (!W_NAMESPACES.has(el.uri)) return;
    if (this.inPPr > 0) {
      if (depth === this.inPPr) this.inPPr = 0;
      return;
    }
    switch (el.local) {
      case 'body':
        this.inBody = Math.max(0, this.inBody - 1);
        return;
      case 'p':
        this.closeParagraph();
        return;
      case 't':
        this.inText = Math.max(0, this.inText - 1);
        return;
      case 'tbl':
        this.closeTable();
        return;
      case 'tr':
        this.closeRow();
        return;
      case 'tc':
        this.closeCell();
        return;
      case 'txbxContent': {
        if (this.containers.length <= 1) return;
        const box = this.containers.pop()!;
        const p = this.paragraphs[this.paragraphs.length - 1];
        if (p) for (const b of box) p.boxes.push(b);
        else for (const b of box) this.container().push(b);
        return;
      }
      default:
        return;
    }
  }

  text(text: string): void {
    if (this.skipUntil > 0) return;
    if (this.capturing) {
      this.captured += text;
      return;
    }
    if (this.inText > 0) this.append(text);
  }

  // ---------------------------------------------------------------------------------------------

  private container(): WordBlock[] {
    return this.containers[this.containers.length - 1]!;
  }

  private openParagraph(): void {
    if (this.inBody === 0) return;
    const cell = this.cells[this.cells.length - 1];
    const table = this.tables[this.tables.length - 1];
    const inCell = cell !== undefined && this.containers[this.containers.length - 1] === cell.blocks;
    const index = this.tables.length === 0 && this.flattenedTables === 0 ? this.paragraphCount++ : -1;
    this.paragraphs.push({
      lines: [], current: '', index, inCell, boxes: [],
      cell: cell && table?.row ? { table: table.table.index, row: table.row.index, column: cell.column } : undefined,
    });
  }

  private closeParagraph(): void {
    const p = this.paragraphs.pop();
    if (!p) return;
    p.lines.push(p.current);
    const block: WordParagraph = {
      kind: 'p', lines: p.lines, index: p.index,
      ...(p.cell ? { cell: p.cell } : {}),
      ...(p.style !== undefined ? { style: p.style } : {}),
      ...(p.numId !== undefined ? { numId: p.numId } : {}),
      ...(p.ilvl !== undefined ? { ilvl: p.ilvl } : {}),
    };
    const into = this.container();
    into.push(block);
    for (const b of p.boxes) into.push(b);
  }

  private append(s: string): void {
    const p = this.paragraphs[this.paragraphs.length - 1];
    if (p) p.current += s;
  }

  private lineBreak(): void {
    const p = this.paragraphs[this.paragraphs.length - 1];
    if (!p) return;
    if (p.inCell) p.current += ' ';
    else {
      p.lines.push(p.current);
      p.current = '';
    }
  }

  private openTable(): void {
    if (this.inBody === 0) return;
    if (this.tables.length >= this.maxTableNesting || this.flattenedTables > 0) {
      this.flattenedTables++;
      return;
    }
    const table: WordTable = { kind: 'tbl', index: this.tableCount++, rows: [], containsTable: false };
    const outer = this.tables[this.tables.length - 1];
    if (outer) outer.table.containsTable = true;
    this.tables.push({ table, row: undefined });
  }

  private closeTable(): void {
    if (this.flattenedTables > 0) {
      this.flattenedTables--;
      return;
    }
    const t = this.tables.pop();
    if (!t) return;
    this.container().push(t.table);
  }

  private openRow(): void {
    if (this.flattenedTables > 0) return;
    const t = this.tables[this.tables.length - 1];
    if (!t) return;
    t.row = { index: t.table.rows.length, gridBefore: 0, deleted: false, nextColumn: 0, cells: [] };
  }

  private closeRow(): void {
    if (this.flattenedTables > 0) return;
    const t = this.tables[this.tables.length - 1];
    if (!t?.row) return;
    t.table.rows.push(t.row);
    t.row = undefined;
  }

  private openCell(): void {
    if (this.flattenedTables > 0) return;
    const t = this.tables[this.tables.length - 1];
    if (!t) return;
    // A cell outside any row (broken markup) gets a row of its own.
    t.row ??= { index: t.table.rows.length, gridBefore: 0, deleted: false, nextColumn: 0, cells: [] };
    const cell: WordCell = { column: t.row.nextColumn, span: 1, vMerge: undefined, hMerge: undefined, blocks: [] };
    this.cells.push(cell);
    this.containers.push(cell.blocks);
  }

  private closeCell(): void {
    if (this.flattenedTables > 0) return;
    const cell = this.cells.pop();
    if (!cell) return;
    // The cell's container is on top unless a text box was left open (broken markup): drop down to it.
    while (this.containers.length > 1 && this.containers.pop() !== cell.blocks) { /* unwind */ }
    const row = this.tables[this.tables.length - 1]?.row;
    if (!row) return;
    row.cells.push(cell);
    row.nextColumn = cell.column + Math.min(cell.span, MAX_SPAN);
  }

  private setCell(f: (c: WordCell) => void): void {
    if (this.flattenedTables > 0) return;
    const c = this.cells[this.cells.length - 1];
    if (c) f(c);
  }
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** Longest cell text of a data table: a "cell" holding more is a page laid out in a table. */
const MAX_DATA_CELL = 300;

/** Writes the blocks: paragraphs one line each (empty ones left out), tables one TSV line per row. */
export function renderWordBlocks(builder: TextBuilder, blocks: readonly WordBlock[]): void {
  for (const b of blocks) {
    if (b.kind === 'p') renderParagraph(builder, b);
    else renderTable(builder, b);
  }
}

function renderParagraph(builder: TextBuilder, p: WordParagraph): void {
  const source: SourcePlace = p.cell ? { kind: 'word', ...p.cell } : { kind: 'word', paragraph: p.index };
  for (const line of p.lines) {
    const text = normalizeSpaces(line);
    if (text !== '') builder.paragraph({ text, source });
  }
}

/** A cell's text: its paragraphs joined without a separator ("商业" + "企业"), each trimmed; U+3000 alone is empty. */
export function wordCellText(cell: WordCell): string {
  let text = '';
  for (const b of cell.blocks) {
    if (b.kind !== 'p') continue;
    for (const line of b.lines) text += normalizeSpaces(line);
  }
  return joinSplitNumber(text);
}

function renderTable(builder: TextBuilder, table: WordTable): void {
  const texts = table.rows.map((r) => r.cells.map(wordCellText));
  const layout = table.containsTable || texts.some((r) => r.some((t) => t.length > MAX_DATA_CELL));
  if (layout) {
    // A page laid out in a table: its cells are blocks of the page.
    for (const row of table.rows) for (const cell of row.cells) renderWordBlocks(builder, cell.blocks);
    return;
  }
  /** Whether the cell that starts a vertical merge in each grid column is a label. */
  const originLabel: boolean[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.deleted) continue;
    const placed: PlacedCell[] = [];
    for (let k = 0; k < row.cells.length; k++) {
      const cell = row.cells[k]!;
      const span = Math.min(Math.max(1, cell.span), MAX_SPAN);
      const last = placed[placed.length - 1];
      const source: SourcePlace = { kind: 'word', table: table.index, row: row.index, column: cell.column };
      if (cell.hMerge === 'continue' && last && !last.covered) {
        // Word 2003's horizontal merge: the cell widens the one before it.
        placed[placed.length - 1] = { ...last, span: last.span + span };
      } else if (cell.vMerge === 'continue') {
        placed.push({ column: cell.column, span, text: '', source, covered: { labelLike: originLabel[cell.column] ?? false } });
      } else {
        const text = texts[r]![k]!;
        const label = isLabelText(text);
        for (let j = 0; j < span; j++) originLabel[cell.column + j] = label;
        placed.push({ column: cell.column, span, text, source });
      }
    }
    renderRow(builder, placed);
  }
}
