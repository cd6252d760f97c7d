// Reads an RTF file (what Word and WPS write as "RTF", and what is often published with a .doc extension) into
// the report's text. A small tokenizer: groups, control words and symbols, \'hh bytes decoded in the code page of
// the current font (\fcharset134 → GBK) or the document's \ansicpg (936 → GBK), \uN characters with the \ucN
// bytes that follow them skipped, destinations that are not text (font and colour tables, styles, pictures,
// field instructions, headers and footers, every unknown \* destination) skipped. Tables: \trowd … \cellxN define
// a row's cells (\clmgf/\clmrg merge across, \clvmgf/\clvmrg down), \cell ends a cell, \row a row; the grid is
// the union of the \cellx boundaries of the table's rows. Unbalanced braces never throw: an extra '}' is ignored,
// a missing one ends with the input.

import { TextBuilder } from './builder';
import { codePageDecoder, errorDetail, FONT_CHARSET_CODE_PAGES, isoDate, resolveLimits, type Decoder } from './common';
import { MAX_SPAN } from './grid';
import { renderWordBlocks, type WordBlock, type WordCell, type WordParagraph, type WordRow, type WordTable } from './wordml';
import type { PublishedMeta, PublishedReport, ReaderLimits, ReaderProblem } from './types';

/** Destinations whose content is not document text. */
const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'pict', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr',
  'footerf', 'footnote', 'annotation', 'fldinst', 'listtable', 'listoverridetable', 'revtbl', 'rsidtbl', 'xmlnstbl',
  'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'filetbl', 'pgdsctbl', 'nonshppict', 'objdata',
  'bkmkstart', 'bkmkend', 'xe', 'tc', 'txe', 'atnid', 'atnauthor', 'atndate', 'atnref', 'comment', 'ftnsep', 'ftnsepc',
  'aftnsep', 'aftnsepc', 'mmathPr', 'template', 'userprops', 'docvar', 'pnseclvl', 'shpinst', 'sp', 'sn', 'sv', 'objclass',
  'objname', 'fldtype', 'keywords', 'subject', 'operator', 'company', 'category', 'manager', 'doccomm', 'hlinkbase',
  'printim', 'revtim', 'buptim', 'operator', 'passwordhash', 'wgrffmtfilter', 'pxe', 'fchars', 'lchars', 'listpicture',
  'protusertbl', 'oldcprops', 'oldpprops', 'oldsprops', 'oldtprops', 'blipuid', 'picprop', 'defchp', 'defpap',
]);

const SYMBOLS: Readonly<Record<string, string>> = {
  emdash: '—', endash: '–', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', bullet: '•', emspace: ' ',
  enspace: ' ', qmspace: ' ', tab: ' ', zwj: '', zwnj: '', ltrmark: '', rtlmark: '',
};

interface GroupState {
  /** Bytes to skip after a \uN character. */
  uc: number;
  skip: boolean;
  /** The destination this group is, once known. */
  destination: string | undefined;
  font: number;
  inTable: boolean;
  /** A \* was seen at the start of the group: an unknown destination is skipped. */
  ignorable: boolean;
  /** No text or destination word has been seen in the group yet. */
  fresh: boolean;
}

interface CellDef {
  right: number;
  hMerge: 'restart' | 'continue' | undefined;
  vMerge: 'restart' | 'continue' | undefined;
}

interface RowDraft {
  left: number;
  defs: CellDef[];
  texts: string[];
}

export function readRtf(bytes: Uint8Array, limits?: Partial<ReaderLimits>): PublishedReport {
  const lim = resolveLimits(limits);
  const builder = new TextBuilder();
  const problems: ReaderProblem[] = [];
  if (bytes.length > lim.maxBytes) {
    return builder.build('rtf', {}, [{ code: 'too-large', detail: `${bytes.length} bytes > maxBytes ${lim.maxBytes}` }]);
  }
  let meta: PublishedMeta = {};
  try {
    const reader = new RtfReader(bytes, lim.maxDepth);
    reader.read();
    renderWordBlocks(builder, reader.blocks);
    meta = reader.meta();
    if (reader.unbalanced) problems.push({ code: 'damaged', detail: `unbalanced braces (${reader.unbalanced})` });
    if (!reader.sawRtf) problems.push({ code: 'unsupported', detail: 'no {\\rtf header' });
  } catch (e) {
    problems.push({ code: 'damaged', detail: errorDetail(e) });
  }
  return builder.build('rtf', meta, problems);
}

class RtfReader {
  readonly blocks: WordBlock[] = [];
  sawRtf = false;
  unbalanced = 0;
  private state: GroupState = { uc: 1, skip: false, destination: undefined, font: -1, inTable: false, ignorable: false, fresh: true };
  private readonly stack: GroupState[] = [];
  /** Groups opened past the depth limit: their braces are counted, their state is the enclosing group's. */
  private overflow = 0;
  private skipBytes = 0;
  // Code pages
  private ansiCodePage = 1252;
  private defaultFont = -1;
  private readonly fontCodePages = new Map<number, number>();
  private definingFont = -1;
  private readonly decoders = new Map<number, Decoder | undefined>();
  /** Text bytes not yet decoded (a GBK character is two \'hh bytes): decoded together at the next flush. */
  private pending = new Uint8Array(256);
  private pendingLength = 0;
  private pendingCodePage = 0;
  /** A streamed decode may hold the first byte of a character: the next flush must finish it. */
  private streamed = false;
  // Text
  private paragraphLines: string[] = [];
  private line = '';
  private cellText = '';
  private paragraphCount = 0;
  private tableCount = 0;
  private table: WordTable | undefined;
  private tableRows: RowDraft[] = [];
  private rowDefs: { left: number; defs: CellDef[] } = { left: 0, defs: [] };
  private nextHMerge: CellDef['hMerge'];
  private nextVMerge: CellDef['vMerge'];
  private cellTexts: string[] = [];
  // Meta
  private readonly info: { title: string; author: string; generator: string } = { title: '', author: '', generator: '' };
  private readonly created: Record<string, number> = {};

  constructor(private readonly bytes: Uint8Array, private readonly maxDepth: number) {}

  read(): void {
    const b = this.bytes;
    const n = b.length;
    let i = 0;
    while (i < n) {
      const c = b[i]!;
      if (c === 0x7b /* { */) {
        this.flushBytes();
        if (this.stack.length >= this.maxDepth) this.overflow++;
        else {
          this.stack.push(this.state);
          this.state = { ...this.state, destination: this.state.destination, ignorable: false, fresh: true };
        }
        this.skipBytes = 0;
        i++;
      } else if (c === 0x7d /* } */) {
        this.flushBytes();
        if (this.overflow > 0) this.overflow--;
        else if (this.stack.length > 0) this.endGroup();
        else this.unbalanced++;
        this.skipBytes = 0;
        i++;
      } else if (c === 0x5c /* \ */) {
        i = this.control(i + 1);
      } else if (c === 0x0d || c === 0x0a) {
        i++;
      } else {
        this.literalByte(c);
        i++;
      }
    }
    this.flushBytes();
    this.unbalanced += this.stack.length + this.overflow;
    // What the input left open is kept: the last paragraph, a row without \row, a table.
    if (this.cellTexts.length > 0 || this.cellText.trim() !== '') this.endRow();
    this.endParagraph();
    this.endTable();
  }

  meta(): PublishedMeta {
    const c = this.created;
    const created = c['yr'] ? isoDate(`${c['yr']}-${c['mo'] ?? 1}-${c['dy'] ?? 1}${c['hr'] !== undefined ? ` ${c['hr']}:${c['min'] ?? 0}` : ''}`) : undefined;
    const title = this.info.title.trim();
    const author = this.info.author.trim();
    const application = this.info.generator.replace(/;\s*$/, '').trim();
    return {
      ...(title ? { title } : {}),
      ...(author ? { author } : {}),
      ...(created ? { created } : {}),
      ...(application ? { application } : {}),
    };
  }

  // Tokens --------------------------------------------------------------------------------------

  /** Reads a control word or symbol starting after its backslash; returns the index after it. */
  private control(i: number): number {
    const b = this.bytes;
    const n = b.length;
    if (i >= n) return i;
    const c = b[i]!;
    if (isLetter(c)) {
      let j = i;
      while (j < n && j - i < 32 && isLetter(b[j]!)) j++;
      const word = latin(b, i, j);
      let param: number | undefined;
      let k = j;
      if (k < n && (b[k] === 0x2d || isDigit(b[k]!))) {
        const s = k;
        if (b[k] === 0x2d) k++;
        while (k < n && k - s < 11 && isDigit(b[k]!)) k++;
        const v = parseInt(latin(b, s, k), 10);
        if (Number.isFinite(v)) param = v;
      }
      if (k < n && b[k] === 0x20) k++; // the delimiting space belongs to the control word
      if (word === 'bin') {
        // Binary data: skipped unread, whatever it holds.
        this.flushBytes();
        return Math.min(n, k + Math.max(0, param ?? 0));
      }
      this.word(word, param);
      return k;
    }
    if (c === 0x27 /* ' */) {
      const v = i + 2 < n ? parseInt(latin(b, i + 1, i + 3), 16) : NaN;
      if (Number.isFinite(v)) this.textByte(v);
      return Math.min(n, i + 3);
    }
    this.flushBytes();
    switch (c) {
      case 0x2a: /* * */
        if (this.state.fresh) this.state.ignorable = true;
        break;
      case 0x5c: case 0x7b: case 0x7d:
        this.literalByte(c);
        break;
      case 0x7e: /* ~ nonbreaking space */
        this.emit(' ');
        break;
      case 0x5f: /* _ nonbreaking hyphen */
        this.emit('-');
        break;
      case 0x0a: case 0x0d:
        this.word('par', undefined);
        break;
      default:
        break; // \- optional hyphen, \: subentry, \| formula: nothing to write
    }
    return i + 1;
  }

  private word(word: string, param: number | undefined): void {
    const st = this.state;
    // A destination word at the start of a group names the group.
    if (st.fresh) {
      st.fresh = false;
      if (word === 'rtf') this.sawRtf = true;
      // {\upr{ANSI text}{\*\ud{Unicode text}}}: the same text twice; the Unicode one is read.
      if (this.stack[this.stack.length - 1]?.destination === 'upr' && word !== 'ud') {
        st.skip = true;
        return;
      }
      if (word === 'upr') {
        st.destination = 'upr';
        return;
      }
      if (word === 'ud') {
        // The Unicode text goes where the \upr group's would have gone.
        st.skip = false;
        st.destination = this.stack[this.stack.length - 2]?.destination;
        return;
      }
      if (SKIPPED.has(word) && word !== 'fonttbl') {
        st.skip = true;
        st.destination = word;
        return;
      }
      if ((word === 'title' || word === 'author' || word === 'generator') && this.info[word].trim() !== '') {
        st.skip = true; // a second statement of the same property (LibreOffice writes \author twice)
        return;
      }
      if (word === 'fonttbl' || word === 'info' || word === 'title' || word === 'author' || word === 'creatim' || word === 'generator') {
        st.destination = word;
        return;
      }
      if (st.ignorable && !KNOWN_TEXT_DESTINATIONS.has(word)) {
        st.skip = true;
        st.destination = word;
        return;
      }
    }
    if (st.destination === 'fonttbl') {
      if (word === 'f' && param !== undefined) this.definingFont = param;
      else if (word === 'fcharset' && param !== undefined && param !== 0 && this.definingFont >= 0) {
        // \fcharset0 (ANSI) is read as the document's code page: Chinese RTF writers put GBK bytes in such fonts
        // under \ansicpg936, and a Chinese report has no Western accented letters to lose.
        const cp = FONT_CHARSET_CODE_PAGES[param];
        if (cp !== undefined) this.fontCodePages.set(this.definingFont, cp);
      } else if (word === 'cpg' && param !== undefined && this.definingFont >= 0) this.fontCodePages.set(this.definingFont, param);
      return;
    }
    if (st.destination === 'creatim') {
      if (param !== undefined && (word === 'yr' || word === 'mo' || word === 'dy' || word === 'hr' || word === 'min')) this.created[word] = param;
      return;
    }
    if (st.skip) return;
    if (this.skipBytes > 0) {
      // A control word counts as one of the characters a \uN replaces.
      this.skipBytes--;
      return;
    }
    switch (word) {
      case 'ansicpg':
        if (param !== undefined) this.ansiCodePage = param;
        return;
      case 'deff':
        if (param !== undefined) this.defaultFont = param;
        return;
      case 'f':
        if (param !== undefined) {
          this.flushBytes();
          st.font = param;
        }
        return;
      case 'uc':
        if (param !== undefined && param >= 0 && param <= 8) st.uc = param;
        return;
      case 'u':
        if (param !== undefined) {
          this.flushBytes();
          this.emit(String.fromCharCode(param < 0 ? param + 65536 : param & 0xffff));
          this.skipBytes = st.uc;
        }
        return;
      case 'par':
      case 'sect':
        this.flushBytes();
        if (st.inTable) this.cellText += '\n';
        else this.endParagraph();
        return;
      case 'line':
        this.flushBytes();
        if (st.inTable) this.cellText += ' ';
        else {
          this.paragraphLines.push(this.line);
          this.line = '';
        }
        return;
      case 'pard':
        this.flushBytes();
        st.inTable = false;
        return;
      case 'intbl':
        st.inTable = true;
        return;
      case 'itap':
        st.inTable = (param ?? 1) > 0;
        return;
      case 'cell':
        this.flushBytes();
        this.cellTexts.push(this.cellText);
        this.cellText = '';
        st.inTable = true;
        return;
      case 'nestcell':
      case 'nestrow':
        // Nested tables are flattened into the enclosing cell.
        this.flushBytes();
        this.cellText += ' ';
        return;
      case 'row':
        this.flushBytes();
        this.endRow();
        return;
      case 'trowd':
        this.rowDefs = { left: 0, defs: [] };
        this.nextHMerge = undefined;
        this.nextVMerge = undefined;
        return;
      case 'trleft':
        this.rowDefs.left = param ?? 0;
        return;
      case 'clmgf':
        this.nextHMerge = 'restart';
        return;
      case 'clmrg':
        this.nextHMerge = 'continue';
        return;
      case 'clvmgf':
        this.nextVMerge = 'restart';
        return;
      case 'clvmrg':
        this.nextVMerge = 'continue';
        return;
      case 'cellx':
        if (this.rowDefs.defs.length < 1000) this.rowDefs.defs.push({ right: param ?? 0, hMerge: this.nextHMerge, vMerge: this.nextVMerge });
        this.nextHMerge = undefined;
        this.nextVMerge = undefined;
        return;
      default: {
        const symbol = SYMBOLS[word];
        if (symbol !== undefined) {
          this.flushBytes();
          this.emit(symbol);
        }
      }
    }
  }

  private endGroup(): void {
    const closing = this.state;
    this.state = this.stack.pop()!;
    if (closing.destination === 'fonttbl') this.definingFont = -1;
    // A paragraph's table state is the paragraph's: it survives the group a run closes.
    if (!closing.skip && closing.destination === undefined) this.state.inTable = closing.inTable;
  }

  // Text ----------------------------------------------------------------------------------------

  private literalByte(c: number): void {
    this.state.fresh = false;
    this.textByte(c);
  }

  private textByte(v: number): void {
    const st = this.state;
    st.fresh = false;
    if (this.skipBytes > 0) {
      this.skipBytes--;
      return;
    }
    if (st.skip && st.destination !== 'fonttbl') return;
    if (st.destination === 'fonttbl') return;
    const cp = this.codePage();
    if (this.pendingLength > 0 && cp !== this.pendingCodePage) this.flushBytes();
    this.pendingCodePage = cp;
    if (this.pendingLength === this.pending.length) {
      // Long runs of text are decoded as they come (streaming keeps a character cut between runs whole).
      if (this.pendingLength >= 65536) this.flushBytes(true);
      else {
        const grown = new Uint8Array(this.pending.length * 2);
        grown.set(this.pending);
        this.pending = grown;
      }
    }
    this.pending[this.pendingLength++] = v;
  }

  private codePage(): number {
    const font = this.state.font >= 0 ? this.state.font : this.defaultFont;
    // A font's charset decides its bytes (\fcharset134 is GBK); fonts without one use the document's \ansicpg.
    return this.fontCodePages.get(font) ?? this.ansiCodePage;
  }

  private flushBytes(stream = false): void {
    if (this.pendingLength === 0 && !this.streamed) return;
    this.streamed = stream;
    let decoder = this.decoders.get(this.pendingCodePage);
    if (!this.decoders.has(this.pendingCodePage)) {
      decoder = codePageDecoder(this.pendingCodePage) ?? codePageDecoder(1252);
      this.decoders.set(this.pendingCodePage, decoder);
    }
    const bytes = this.pending.subarray(0, this.pendingLength);
    this.pendingLength = 0;
    // Decoding with stream: false also ends a character a streamed flush left open.
    const text = decoder ? decoder.decode(bytes, { stream }) : '';
    if (text !== '') this.emit(text);
  }

  private emit(s: string): void {
    const st = this.state;
    st.fresh = false;
    switch (st.destination) {
      case 'title':
        this.info.title += s;
        return;
      case 'author':
        this.info.author += s;
        return;
      case 'generator':
        this.info.generator += s;
        return;
      case 'info':
      case 'creatim':
      case 'fonttbl':
        return;
      default:
        if (st.skip) return;
    }
    if (st.inTable) this.cellText += s;
    else this.line += s;
  }

  private endParagraph(): void {
    this.paragraphLines.push(this.line);
    this.line = '';
    const lines = this.paragraphLines;
    this.paragraphLines = [];
    if (lines.every((l) => l.trim() === '')) return;
    this.endTable();
    this.blocks.push({ kind: 'p', lines, index: this.paragraphCount++ });
  }

  private endRow(): void {
    if (this.cellText.trim() !== '') {
      this.cellTexts.push(this.cellText);
      this.cellText = '';
    }
    this.tableRows.push({ left: this.rowDefs.left, defs: this.rowDefs.defs, texts: this.cellTexts });
    this.cellTexts = [];
    this.table ??= { kind: 'tbl', index: this.tableCount++, rows: [], containsTable: false };
  }

  /** Places the table's rows on the grid of all their \cellx boundaries and adds the table to the blocks. */
  private endTable(): void {
    const table = this.table;
    if (!table) return;
    this.table = undefined;
    const drafts = this.tableRows;
    this.tableRows = [];
    const boundaries = [...new Set(drafts.flatMap((r) => r.defs.map((d) => d.right)))].sort((a, b) => a - b);
    const columnOf = (x: number): number => {
      // Boundaries at or left of x.
      let lo = 0;
      let hi = boundaries.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (boundaries[mid]! <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    drafts.forEach((draft, r) => {
      const row: WordRow = { index: r, gridBefore: 0, deleted: false, nextColumn: 0, cells: [] };
      let left = draft.left;
      let sequential = 0;
      draft.texts.forEach((text, k) => {
        const def = draft.defs[k];
        let column: number;
        let span: number;
        if (def) {
          column = columnOf(left);
          span = Math.max(1, Math.min(MAX_SPAN, columnOf(def.right) - column));
          left = def.right;
          sequential = column + span;
        } else {
          column = sequential;
          span = 1;
          sequential++;
        }
        const paragraph: WordParagraph = { kind: 'p', lines: text.split('\n'), index: -1 };
        const cell: WordCell = { column, span, vMerge: def?.vMerge, hMerge: def?.hMerge, blocks: [paragraph] };
        row.cells.push(cell);
      });
      table.rows.push(row);
    });
    this.blocks.push(table);
  }
}

/** \* destinations whose text is document text. */
const KNOWN_TEXT_DESTINATIONS = new Set(['fldrslt', 'generator', 'shptxt', 'listtext', 'pntext', 'ud', 'upr']);

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function latin(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]!);
  return s;
}
