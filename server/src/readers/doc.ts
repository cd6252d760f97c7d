// Reads an old binary Word file (.doc, and WPS's .wps: an OLE compound file holding a Word 97–2003 document) into
// the report's text, in one linear pass over the main document's characters.
//
// The compound file is read defensively: every sector chain is checked to end inside the file (a cycle would
// otherwise loop for ever), the directory to be a tree, the piece table to lie inside its streams. The text comes
// from the piece table (CLX); paragraph properties (PAPX) say which marks end a table row — including those
// stored out of line in the Data stream (sprmPHugePapx), as LibreOffice and wide rows do; character properties
// (CHPX) say which text is a tracked deletion. Field instructions are dropped, field results kept; headers,
// footers, notes and text boxes are not part of the main text and are not read.
//
// word-extractor was the first choice; it ignores sprmPHugePapx (so the rows of 表三 and 表四 of a LibreOffice
// .doc run together on one line) and follows the file's sector chains without a check. The reading here needs
// the same structures the checks need, so it does both.

import { TextBuilder } from './builder';
import { codePageDecoder, errorDetail, resolveLimits } from './common';
import { renderWordBlocks, type WordBlock, type WordCell, type WordRow, type WordTable } from './wordml';
import type { PublishedMeta, PublishedReport, ReaderLimits, ReaderProblem } from './types';

export function readDoc(bytes: Uint8Array, limits?: Partial<ReaderLimits>): PublishedReport {
  const lim = resolveLimits(limits);
  const builder = new TextBuilder();
  if (bytes.length > lim.maxBytes) {
    return builder.build('doc', {}, [{ code: 'too-large', detail: `${bytes.length} bytes > maxBytes ${lim.maxBytes}` }]);
  }
  let meta: PublishedMeta = {};
  const problems: ReaderProblem[] = [];
  try {
    const cfb = CompoundFile.open(bytes);
    if (!(cfb instanceof CompoundFile)) return builder.build('doc', {}, [cfb.problem]);
    meta = summaryMeta(cfb.stream('\u0005SummaryInformation'));
    const document = readWordDocument(cfb);
    if ('problem' in document) return builder.build('doc', meta, [document.problem]);
    renderWordBlocks(builder, document.blocks);
  } catch (e) {
    problems.push({ code: 'damaged', detail: errorDetail(e) });
  }
  return builder.build('doc', meta, problems);
}

// ---------------------------------------------------------------------------------------------
// Bytes

const FREE = -1;

function i32(b: Uint8Array, o: number): number {
  return o >= 0 && o + 4 <= b.length ? b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24) : FREE;
}

function u16(b: Uint8Array, o: number): number {
  return o >= 0 && o + 2 <= b.length ? b[o]! | (b[o + 1]! << 8) : 0;
}

function u32(b: Uint8Array, o: number): number {
  return i32(b, o) >>> 0;
}

const damaged = (detail: string): { problem: ReaderProblem } => ({ problem: { code: 'damaged', detail } });

// ---------------------------------------------------------------------------------------------
// The compound file

interface DirEntry {
  readonly name: string;
  readonly type: number;
  readonly left: number;
  readonly right: number;
  readonly child: number;
  readonly start: number;
  readonly size: number;
}

/** An OLE compound file, its structure checked: every chain ends inside the file, the directory is a tree. */
class CompoundFile {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly sectorSize: number,
    private readonly fat: Int32Array,
    private readonly miniFat: Int32Array,
    private readonly miniStream: Uint8Array,
    private readonly miniCutoff: number,
    /** The root storage's entries. */
    readonly root: readonly DirEntry[],
  ) {}

  static open(bytes: Uint8Array): CompoundFile | { problem: ReaderProblem } {
    const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    if (bytes.length < 512 || SIGNATURE.some((v, k) => bytes[k] !== v)) return damaged('not an OLE compound file');
    const shift = u16(bytes, 0x1e);
    if ((shift !== 9 && shift !== 12) || u16(bytes, 0x20) !== 6) return damaged(`OLE sector sizes 2^${shift}/2^${u16(bytes, 0x20)}`);
    const sectorSize = 1 << shift;
    const sectors = Math.ceil((bytes.length - sectorSize) / sectorSize);
    const fatSectors = i32(bytes, 0x2c);
    const difatStart = i32(bytes, 0x44);
    const difatSectors = i32(bytes, 0x48);
    const miniFatStart = i32(bytes, 0x3c);
    const miniFatSectors = i32(bytes, 0x40);
    const miniCutoff = i32(bytes, 0x38);
    // A FAT sector maps sectorSize/4 sectors, a mini FAT sector 4·sectorSize bytes of the mini stream: tables far
    // larger than the file could need are refused (they would only cost memory).
    const perSector = sectorSize / 4;
    if (sectors <= 0 || fatSectors <= 0 || fatSectors > 2 * Math.ceil(sectors / perSector) + 8 || difatSectors < 0 || difatSectors > sectors
      || miniFatSectors < 0 || miniFatSectors > Math.ceil(sectors / 16) + 8) {
      return damaged('OLE header sizes out of range');
    }
    const sector = (id: number): Uint8Array => {
      const at = (id + 1) * sectorSize;
      return at >= 0 && at + sectorSize <= bytes.length ? bytes.subarray(at, at + sectorSize) : padded(bytes, at, sectorSize);
    };
    // The master table: 109 FAT sector numbers in the header, the rest in a chain of DIFAT sectors.
    const msat: number[] = [];
    for (let k = 0; k < 109 && msat.length < fatSectors; k++) msat.push(i32(bytes, 0x4c + k * 4));
    const seen = new Set<number>();
    for (let id = difatStart, k = 0; msat.length < fatSectors && k < difatSectors; k++) {
      if (id < 0 || id >= sectors || seen.has(id)) return damaged('OLE DIFAT chain broken');
      seen.add(id);
      const s = sector(id);
      for (let o = 0; o < sectorSize - 4 && msat.length < fatSectors; o += 4) msat.push(i32(s, o));
      id = i32(s, sectorSize - 4);
    }
    if (msat.length < fatSectors || msat.some((id) => id < 0 || id >= sectors)) return damaged('OLE FAT sectors out of range');
    const fat = new Int32Array(fatSectors * perSector);
    msat.forEach((id, k) => {
      const s = sector(id);
      for (let o = 0; o < perSector; o++) fat[k * perSector + o] = i32(s, o * 4);
    });
    const fatProblem = checkChains(fat, sectors);
    if (fatProblem) return damaged(`OLE FAT: ${fatProblem}`);
    const read = (start: number): Uint8Array => {
      const ids = chain(fat, start);
      const out = new Uint8Array(ids.length * sectorSize);
      ids.forEach((id, k) => out.set(sector(id), k * sectorSize));
      return out;
    };
    const dir = read(i32(bytes, 0x30));
    const entries: DirEntry[] = [];
    for (let o = 0; o + 128 <= dir.length; o += 128) {
      const nameBytes = Math.max(0, Math.min(64, u16(dir, o + 64)) - 2);
      let name = '';
      for (let k = 0; k + 1 < nameBytes; k += 2) name += String.fromCharCode(u16(dir, o + k));
      entries.push({ name, type: dir[o + 66]!, left: i32(dir, o + 68), right: i32(dir, o + 72), child: i32(dir, o + 76), start: i32(dir, o + 116), size: i32(dir, o + 120) });
    }
    const rootEntry = entries.find((e) => e.type === 5);
    if (!rootEntry) return damaged('OLE root entry missing');
    // The root storage's children: a binary tree through left/right, each entry met once.
    const visited = new Uint8Array(entries.length);
    const root: DirEntry[] = [];
    const pending = rootEntry.child === FREE ? [] : [rootEntry.child];
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (id < 0 || id >= entries.length || visited[id]) return damaged('OLE directory is not a tree');
      visited[id] = 1;
      const e = entries[id]!;
      root.push(e);
      if (e.left !== FREE) pending.push(e.left);
      if (e.right !== FREE) pending.push(e.right);
    }
    const miniIds = chain(fat, miniFatStart);
    const miniFat = new Int32Array(Math.min(miniIds.length, miniFatSectors) * perSector);
    miniIds.slice(0, miniFatSectors).forEach((id, k) => {
      const s = sector(id);
      for (let o = 0; o < perSector; o++) miniFat[k * perSector + o] = i32(s, o * 4);
    });
    const miniStream = read(rootEntry.start);
    const miniProblem = checkChains(miniFat, Math.max(1, miniStream.length / 64));
    if (miniProblem) return damaged(`OLE mini FAT: ${miniProblem}`);
    return new CompoundFile(bytes, sectorSize, fat, miniFat, miniStream, miniCutoff, root);
  }

  /** A stream of the root storage by name. */
  stream(name: string): Uint8Array | undefined {
    const e = this.root.find((x) => x.type === 2 && x.name === name);
    if (!e || e.size < 0) return undefined;
    const small = e.size < this.miniCutoff;
    const table = small ? this.miniFat : this.fat;
    const unit = small ? 64 : this.sectorSize;
    const source = small ? this.miniStream : this.bytes;
    const ids = chain(table, e.start);
    const size = Math.min(e.size, ids.length * unit);
    const out = new Uint8Array(size);
    for (let k = 0; k < ids.length && k * unit < size; k++) {
      const at = small ? ids[k]! * 64 : (ids[k]! + 1) * this.sectorSize;
      const part = at >= 0 && at + unit <= source.length ? source.subarray(at, at + unit) : padded(source, at, unit);
      out.set(part.subarray(0, Math.min(unit, size - k * unit)), k * unit);
    }
    return out;
  }
}

/** A chain's sector numbers (the table is checked: it ends). */
function chain(table: Int32Array, start: number): number[] {
  const out: number[] = [];
  for (let id = start; id > FREE && out.length <= table.length; id = table[id]!) {
    out.push(id);
    if (id >= table.length) break;
  }
  return out;
}

/** `length` bytes from `at`, zeros where the input has none (a truncated file). */
function padded(bytes: Uint8Array, at: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  if (at < bytes.length && at + length > 0) {
    const from = Math.max(0, at);
    out.set(bytes.subarray(from, Math.min(bytes.length, at + length)), from - at);
  }
  return out;
}

/**
 * Whether every chain in an allocation table ends: no cycle, every link inside the file. One pass, each entry
 * visited once (a walk stops at the first entry already known to end).
 */
function checkChains(table: Int32Array, count: number): string | undefined {
  const state = new Uint8Array(table.length); // 0 unknown, 1 on the current walk, 2 ends
  const walk: number[] = [];
  for (let s = 0; s < table.length; s++) {
    let id = s;
    walk.length = 0;
    while (id > FREE && id < table.length && state[id] === 0) {
      state[id] = 1;
      walk.push(id);
      const next = table[id]!;
      if (next >= count) return `link ${id} → ${next} outside the file`;
      id = next;
    }
    if (id > FREE && id < table.length && state[id] === 1) return `cycle at sector ${id}`;
    for (const k of walk) state[k] = 2;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The Word document

interface Piece {
  readonly cpStart: number;
  readonly cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  readonly fc: number;
  readonly unicode: boolean;
}

/** A run of formatting: file positions [fcStart, fcEnd) and what it says (IN_TABLE | ROW_END | DELETED). */
interface Run {
  readonly fcStart: number;
  readonly fcEnd: number;
  readonly flags: number;
}

const IN_TABLE = 1;
const ROW_END = 2;
const DELETED = 4;

const SPRM_PF_IN_TABLE = 0x2416;
const SPRM_PF_TTP = 0x2417;
const SPRM_P_ITAP = 0x6649;
const SPRM_P_HUGE_PAPX = 0x6646;
const SPRM_CF_RMARK_DEL = 0x0800;
/** Pieces a document may have (Word writes a handful; fast-saved files a few hundred). */
const MAX_PIECES = 100_000;

function readWordDocument(cfb: CompoundFile): { blocks: WordBlock[] } | { problem: ReaderProblem } {
  const names = new Set(cfb.root.map((e) => e.name));
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return { problem: { code: 'encrypted', detail: 'password-protected Office document' } };
  const wd = cfb.stream('WordDocument');
  if (!wd) {
    const what = names.has('Workbook') || names.has('Book') ? 'an Excel workbook' : names.has('PowerPoint Document') ? 'a PowerPoint file' : 'no WordDocument stream';
    return { problem: { code: 'unsupported', detail: `OLE file: ${what}` } };
  }
  const magic = u16(wd, 0);
  if (magic !== 0xa5ec) return { problem: { code: 'unsupported', detail: `Word binary format 0x${magic.toString(16)} (before Word 97)` } };
  const flags = u16(wd, 0x0a);
  if ((flags & 0x0100) !== 0) return { problem: { code: 'encrypted', detail: 'password-protected Word document' } };
  const table = cfb.stream((flags & 0x0200) !== 0 ? '1Table' : '0Table');
  if (!table) return damaged('Word table stream missing');
  const data = cfb.stream('Data');

  const pieces = readPieces(wd, table);
  if ('problem' in pieces) return pieces;
  const ccpText = u32(wd, 0x4c);
  const paragraphRuns = readRuns(wd, table, 0x102, true, data);
  const deletions = readRuns(wd, table, 0xfa, false, data).filter((r) => (r.flags & DELETED) !== 0);
  return { blocks: new BodyBuilder(wd, pieces.pieces, paragraphRuns, deletions).build(ccpText) };
}

/** The piece table (CLX): where each run of characters is in the WordDocument stream, and whether it is UTF-16. */
function readPieces(wd: Uint8Array, table: Uint8Array): { pieces: Piece[] } | { problem: ReaderProblem } {
  let pos = u32(wd, 0x1a2);
  // Property modifiers (Prc) come first, each with its size.
  for (let guard = 0; pos < table.length && table[pos] === 1 && guard < MAX_PIECES; guard++) pos += 3 + u16(table, pos + 1);
  if (pos >= table.length || table[pos] !== 2) return damaged('Word piece table missing');
  const size = u32(table, pos + 1);
  pos += 5;
  const count = (size - 4) / 12;
  if (!Number.isInteger(count) || count < 1 || count > MAX_PIECES || pos + size > table.length) return damaged('Word piece table size');
  const pieces: Piece[] = [];
  for (let x = 0; x < count; x++) {
    const cpStart = u32(table, pos + x * 4);
    const cpEnd = u32(table, pos + (x + 1) * 4);
    let fc = u32(table, pos + (count + 1) * 4 + x * 8 + 2);
    const unicode = (fc & 0x40000000) === 0;
    if (!unicode) fc = Math.floor((fc & ~0x40000000) / 2);
    if (cpEnd < cpStart || fc + (cpEnd - cpStart) * (unicode ? 2 : 1) > wd.length) return damaged('Word piece outside its stream');
    pieces.push({ cpStart, cpEnd, fc, unicode });
  }
  return { pieces };
}

/**
 * Formatting runs from a bin table (PlcBte) and its formatting pages (FKP): paragraph runs with IN_TABLE / ROW_END
 * (sprmPFInTable, sprmPItap, sprmPFTtp — also read from a huge PAPX in the Data stream), character runs with
 * DELETED (sprmCFRMarkDel). Each page is read once; sorted by file position.
 */
function readRuns(wd: Uint8Array, table: Uint8Array, fibOffset: number, paragraphs: boolean, data: Uint8Array | undefined): Run[] {
  const fc = u32(wd, fibOffset);
  const lcb = u32(wd, fibOffset + 4);
  const runs: Run[] = [];
  if (lcb < 12 || fc + lcb > table.length) return runs;
  const count = Math.floor((lcb - 4) / 8);
  const pages = new Set<number>();
  for (let i = 0; i < count; i++) {
    const pn = u32(table, fc + (count + 1) * 4 + i * 4);
    // A bin table pointing at one page many times costs no more than the stream.
    if (pages.has(pn) || pn * 512 + 512 > wd.length) continue;
    pages.add(pn);
    const fkp = wd.subarray(pn * 512, pn * 512 + 512);
    const crun = fkp[511]!;
    for (let j = 0; j < crun && (crun + 1) * 4 <= 511; j++) {
      const fcStart = u32(fkp, j * 4);
      const fcEnd = u32(fkp, (j + 1) * 4);
      let flags = 0;
      if (paragraphs) {
        const at = (fkp[(crun + 1) * 4 + j * 13] ?? 0) * 2;
        if (at === 0) continue;
        const cb = fkp[at] ?? 0;
        // PapxInFkp: cb ≠ 0 gives 2·cb − 1 bytes after it; cb = 0 lets the next byte count words. The style index first.
        const from = cb !== 0 ? at + 1 : at + 2;
        const to = Math.min(512, cb !== 0 ? at + 2 * cb : at + 2 + 2 * (fkp[at + 1] ?? 0));
        flags = paragraphFlags(fkp, from + 2, to, data);
      } else {
        const rgb = fkp[(crun + 1) * 4 + j] ?? 0;
        if (rgb === 0) continue;
        const cb = fkp[rgb * 2] ?? 0;
        forEachSprm(fkp, rgb * 2 + 1, Math.min(512, rgb * 2 + 1 + cb), (sprm, o) => {
          if (sprm === SPRM_CF_RMARK_DEL && ((fkp[o] ?? 0) & 1) === 1) flags |= DELETED;
        });
      }
      if (fcEnd > fcStart) runs.push({ fcStart, fcEnd, flags });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

function paragraphFlags(b: Uint8Array, from: number, to: number, data: Uint8Array | undefined): number {
  let flags = 0;
  forEachSprm(b, from, to, (sprm, o) => {
    if (sprm === SPRM_PF_IN_TABLE && b[o] === 1) flags |= IN_TABLE;
    else if (sprm === SPRM_P_ITAP && i32(b, o) > 0) flags |= IN_TABLE;
    else if (sprm === SPRM_PF_TTP && b[o] === 1) flags |= ROW_END | IN_TABLE;
    else if (sprm === SPRM_P_HUGE_PAPX && data) {
      // The paragraph's properties are in the Data stream (a PrcData: a 2-byte size, then the sprms).
      const off = u32(b, o);
      const n = u16(data, off);
      if (off + 2 + n <= data.length) flags |= paragraphFlags(data, off + 2, off + 2 + n, undefined);
    }
  });
  return flags;
}

/** Calls `visit(sprm, operandOffset)` for each sprm in b[from, to). */
function forEachSprm(b: Uint8Array, from: number, to: number, visit: (sprm: number, operand: number) => void): void {
  for (let o = from; o + 2 <= to;) {
    const sprm = u16(b, o);
    o += 2;
    visit(sprm, o);
    const spra = (sprm >> 13) & 7;
    // Operand size by spra; 6 is variable (its first byte counts the rest), except sprmTDefTable, counted in 2 bytes.
    if (sprm === 0xd608) o += u16(b, o) + 1;
    else o += spra === 0 || spra === 1 ? 1 : spra === 2 || spra === 4 || spra === 5 ? 2 : spra === 3 ? 4 : spra === 7 ? 3 : (b[o] ?? 0) + 1;
  }
}

/** The run holding file position fc (runs sorted by start), or undefined. */
function runAt(runs: readonly Run[], fc: number): Run | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/** A line break inside a paragraph, until the paragraph's end mark says whether it is in a cell (a space) or not. */
const LINE_BREAK = '\u2028';

/**
 * Builds paragraphs and tables from the main document's characters. Whether a paragraph is in a table is known at
 * its end mark (its properties are the mark's), so a paragraph is gathered first and placed at its mark: 0x0D in
 * a table paragraph continues the cell, 0x07 ends a cell, and 0x07 with sprmPFTtp ends the row.
 */
class BodyBuilder {
  private readonly blocks: WordBlock[] = [];
  private paragraph = '';
  private cellText = '';
  private cells: string[] = [];
  private rows: WordRow[] = [];
  private paragraphCount = 0;
  private tableCount = 0;
  private readonly cp1252 = codePageDecoder(1252)!;
  private readonly utf16 = new TextDecoder('utf-16le');

  constructor(
    private readonly wd: Uint8Array,
    private readonly pieces: readonly Piece[],
    private readonly paragraphRuns: readonly Run[],
    private readonly deletions: readonly Run[],
  ) {}

  build(ccpText: number): WordBlock[] {
    // Open fields, each in its instruction (hidden) or its result (shown).
    const fields: boolean[] = [];
    let hidden = 0;
    for (const piece of this.pieces) {
      const end = Math.min(piece.cpEnd, ccpText);
      if (piece.cpStart >= end) continue;
      const bpc = piece.unicode ? 2 : 1;
      const raw = this.wd.subarray(piece.fc, piece.fc + (end - piece.cpStart) * bpc);
      const text = piece.unicode ? this.utf16.decode(raw) : this.cp1252.decode(raw);
      for (let k = 0; k < text.length; k++) {
        const fc = piece.fc + k * bpc;
        if (this.deletions.length > 0 && runAt(this.deletions, fc)) continue;
        const ch = text.charCodeAt(k);
        if (ch === 0x13) {
          fields.push(false);
          hidden++;
        } else if (ch === 0x14) {
          if (fields.length > 0 && !fields[fields.length - 1]) {
            fields[fields.length - 1] = true;
            hidden--;
          }
        } else if (ch === 0x15) {
          if (fields.length > 0 && !fields.pop()) hidden--;
        } else if (ch === 0x0d || ch === 0x07 || ch === 0x0c) {
          this.mark(ch, fc);
        } else if (hidden === 0) {
          this.char(ch, text[k]!);
        }
      }
    }
    if (this.paragraph.trim() !== '') this.mark(0x0d, -1);
    if (this.cells.length > 0 || this.cellText !== '') this.endRow();
    this.endTable();
    return this.blocks;
  }

  private char(ch: number, s: string): void {
    switch (ch) {
      case 0x0b:
        this.paragraph += LINE_BREAK;
        return;
      case 0x09:
      case 0xa0:
        this.paragraph += ' ';
        return;
      case 0x1e:
        this.paragraph += '-';
        return;
      case 0x01: case 0x02: case 0x03: case 0x04: case 0x05: case 0x08: case 0x1f:
        return; // pictures, note marks, separators, drawn objects, optional hyphens
      default:
        this.paragraph += s;
    }
  }

  private mark(ch: number, fc: number): void {
    const flags = fc < 0 ? 0 : runAt(this.paragraphRuns, fc)?.flags ?? 0;
    const text = this.paragraph;
    this.paragraph = '';
    if (ch === 0x07) {
      if ((flags & ROW_END) !== 0) this.endRow();
      else {
        this.cells.push(this.cellText + text.replaceAll(LINE_BREAK, ' '));
        this.cellText = '';
      }
      return;
    }
    if ((flags & IN_TABLE) !== 0 && ch === 0x0d) {
      this.cellText += `${text.replaceAll(LINE_BREAK, ' ')}\n`;
      return;
    }
    // A body paragraph (a page or section break ends one too).
    if (this.cells.length > 0 || this.cellText !== '') this.endRow();
    const lines = text.split(LINE_BREAK);
    if (lines.every((l) => l.trim() === '')) return;
    this.endTable();
    this.blocks.push({ kind: 'p', lines, index: this.paragraphCount++ });
  }

  private endRow(): void {
    if (this.cellText !== '') this.cells.push(this.cellText);
    this.cellText = '';
    const row: WordRow = { index: this.rows.length, gridBefore: 0, deleted: false, nextColumn: this.cells.length, cells: [] };
    this.cells.forEach((text, column) => {
      const cell: WordCell = { column, span: 1, vMerge: undefined, hMerge: undefined, blocks: [{ kind: 'p', lines: text.split('\n'), index: -1 }] };
      row.cells.push(cell);
    });
    this.cells = [];
    this.rows.push(row);
  }

  private endTable(): void {
    if (this.rows.length === 0) return;
    const table: WordTable = { kind: 'tbl', index: this.tableCount++, rows: this.rows, containsTable: false };
    this.rows = [];
    this.blocks.push(table);
  }
}

// ---------------------------------------------------------------------------------------------
// Meta

/** Title, author, creation date and application from the OLE SummaryInformation property set. */
function summaryMeta(stream: Uint8Array | undefined): PublishedMeta {
  if (!stream || stream.length < 48 || u16(stream, 0) !== 0xfffe) return {};
  const set = u32(stream, 44);
  const count = u32(stream, set + 4);
  if (set + 8 + count * 8 > stream.length || count > 1000) return {};
  const props = new Map<number, number>();
  for (let k = 0; k < count; k++) props.set(u32(stream, set + 8 + k * 8), set + u32(stream, set + 12 + k * 8));
  const codePageAt = props.get(1);
  const codePage = codePageAt !== undefined && u32(stream, codePageAt) === 2 ? u16(stream, codePageAt + 4) : 1252;
  const text = (pid: number): string | undefined => {
    const at = props.get(pid);
    if (at === undefined || at + 8 > stream.length) return undefined;
    const type = u32(stream, at);
    const length = u32(stream, at + 4);
    if (length > stream.length - at - 8) return undefined;
    let s: string | undefined;
    if (type === 30) s = (codePage === 1200 ? new TextDecoder('utf-16le') : codePageDecoder(codePage) ?? new TextDecoder('windows-1252')).decode(stream.subarray(at + 8, at + 8 + length));
    else if (type === 31) s = new TextDecoder('utf-16le').decode(stream.subarray(at + 8, at + 8 + length * 2));
    const clean = s?.replace(/\u0000+$/, '').trim();
    return clean ? clean : undefined;
  };
  let created: string | undefined;
  const createdAt = props.get(12);
  if (createdAt !== undefined && u32(stream, createdAt) === 64) {
    const ticks = u32(stream, createdAt + 4) + u32(stream, createdAt + 8) * 0x100000000;
    const ms = ticks / 10_000 - 11_644_473_600_000;
    if (ms > 0 && ms < 4_102_444_800_000) created = new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
  }
  const title = text(2);
  const author = text(4);
  const application = text(18);
  return { ...(title ? { title } : {}), ...(author ? { author } : {}), ...(created ? { created } : {}), ...(application ? { application } : {}) };
}
