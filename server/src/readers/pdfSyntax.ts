// The PDF file's syntax, for the direct PDF reader (pdfDirect.ts): objects, the cross-reference table or stream
// (with /Prev and hybrid /XRefStm), object streams, and Flate streams (with PNG predictors), inflated within the
// reader's byte budget. It reads well-formed files only: anything it does not understand exactly (an offset that
// does not point at its object, a filter other than Flate, encryption, a Length that misses "endstream") throws
// NotDirect, and pdf.js (which repairs and decodes everything) reads the file instead. It never fetches or runs
// anything; every loop is bounded by the bytes it reads.

import { latin1 } from './common';
import { inflateBounded } from './zip';

/** The file is not for the direct reader: pdf.js reads it. `reason` is for the log and the tests. */
export class NotDirect extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export function notDirect(reason: string): never {
  throw new NotDirect(reason);
}

/**
 * The most names, and keywords, kept for reuse: a reader thread outlives its files, and a file may hold any number of
 * distinct names. Past it, each is made anew (they are compared by their text, END alone by identity).
 */
const MAX_INTERNED = 4096;

/** The value `table` keeps for `key`, made and kept (while there is room) the first time. */
function intern<T>(table: Map<string, T>, key: string, make: (key: string) => T): T {
  let value = table.get(key);
  if (value === undefined) {
    value = make(key);
    if (table.size < MAX_INTERNED) table.set(key, value);
  }
  return value;
}

export class PdfName {
  private static readonly interned = new Map<string, PdfName>();
  private static readonly make = (name: string): PdfName => new PdfName(name);
  private constructor(readonly name: string) {}
  static of(name: string): PdfName {
    return intern(PdfName.interned, name, PdfName.make);
  }
}

export class PdfRef {
  constructor(readonly num: number, readonly gen: number) {}
}

/** A string's bytes, one char per byte (latin1). */
export class PdfString {
  constructor(readonly bytes: string) {}
}

/** A keyword of the syntax (obj, stream, R, true…) or an operator of a content stream. */
export class PdfKeyword {
  private static readonly interned = new Map<string, PdfKeyword>();
  private static readonly make = (word: string): PdfKeyword => new PdfKeyword(word);
  private constructor(readonly word: string) {}
  static of(word: string): PdfKeyword {
    return intern(PdfKeyword.interned, word, PdfKeyword.make);
  }
}

export class PdfDict {
  constructor(readonly map: Map<string, PdfValue>) {}
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
}

export class PdfStream {
  constructor(readonly dict: PdfDict, readonly data: Uint8Array) {}
}

export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict | PdfStream;

/** Nesting of arrays and dictionaries deeper than this is not a report's PDF. */
const MAX_NESTING = 64;

const WHITE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;
/** Neither white space nor a delimiter: part of a regular token. */
function isRegular(c: number): boolean {
  return WHITE[c] === 0 && DELIMITER[c] === 0;
}

const END = PdfKeyword.of('<end>');

/**
 * Keywords of up to three characters by their bytes (big-endian): every content-stream operator but a few. Those of
 * one or two bytes (most operators: q Q Tj TJ Tm Td rg re cm…) are also in a table indexed by their bytes.
 */
const SHORT_KEYWORDS = new Map<number, PdfKeyword>();
const KEYWORDS_BY_BYTES: (PdfKeyword | undefined)[] = new Array<PdfKeyword | undefined>(0x10000).fill(undefined);
for (const word of [
  'b', 'B', 'b*', 'B*', 'BDC', 'BI', 'BMC', 'BT', 'BX', 'c', 'cm', 'CS', 'cs', 'd', 'd0', 'd1', 'Do', 'DP', 'EI', 'EMC', 'ET', 'EX',
  'f', 'F', 'f*', 'G', 'g', 'gs', 'h', 'i', 'ID', 'j', 'J', 'K', 'k', 'l', 'm', 'M', 'MP', 'n', 'q', 'Q', 're', 'RG', 'rg', 'ri',
  's', 'S', 'SC', 'sc', 'SCN', 'scn', 'sh', 'T*', 'Tc', 'Td', 'TD', 'Tf', 'Tj', 'TJ', 'TL', 'Tm', 'Tr', 'Ts', 'Tw', 'Tz', 'v', 'w',
  'W', 'W*', 'y', "'", '"', 'R', 'obj', 'n', 'f',
]) {
  let key = 0;
  for (let i = 0; i < word.length; i++) key = (key << 8) | word.charCodeAt(i);
  SHORT_KEYWORDS.set(key, PdfKeyword.of(word));
  if (word.length <= 2) KEYWORDS_BY_BYTES[key] = PdfKeyword.of(word);
}

/** Tokens and objects from bytes. */
export class Lexer {
  pos: number;
  constructor(readonly b: Uint8Array, pos = 0, readonly end = b.length) {
    this.pos = pos;
  }

  skipSpace(): void {
    const b = this.b;
    let p = this.pos;
    for (;;) {
      while (p < this.end && WHITE[b[p]!] === 1) p++;
      if (p < this.end && b[p] === 0x25 /* % */) {
        while (p < this.end && b[p] !== 10 && b[p] !== 13) p++;
        continue;
      }
      break;
    }
    this.pos = p;
  }

  /** The next value or keyword; END at the end of the bytes. Arrays and dictionaries are read whole. */
  token(depth = 0): PdfValue | PdfKeyword {
    this.skipSpace();
    const b = this.b;
    if (this.pos >= this.end) return END;
    const c = b[this.pos]!;
    if (c === 0x2f /* / */) return this.name();
    if (c === 0x28 /* ( */) return this.literal();
    if (c === 0x3c /* < */) {
      if (b[this.pos + 1] === 0x3c) {
        this.pos += 2;
        return this.dict(depth);
      }
      return this.hex();
    }
    if (c === 0x5b /* [ */) {
      this.pos++;
      return this.array(depth);
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) return this.number();
    if (c === 0x5d || c === 0x3e || c === 0x29 || c === 0x7b || c === 0x7d) {
      this.pos++;
      return PdfKeyword.of(String.fromCharCode(c) + (c === 0x3e && b[this.pos] === 0x3e ? (this.pos++, '>') : ''));
    }
    const start = this.pos;
    let p = start;
    while (p < this.end && isRegular(b[p]!)) p++;
    this.pos = p;
    return this.keyword(start, p);
  }

  /** A value (a keyword where a value should be is not direct). Resolves "n g R" to a reference. */
  value(depth = 0): PdfValue {
    const t = this.token(depth);
    if (t instanceof PdfKeyword) notDirect(`unexpected ${t.word} at ${this.pos}`);
    return this.refAfter(t);
  }

  private refAfter(t: PdfValue): PdfValue {
    if (typeof t !== 'number' || !Number.isInteger(t) || t < 0) return t;
    const save = this.pos;
    this.skipSpace();
    const b = this.b;
    let p = this.pos;
    const g0 = p;
    while (p < this.end && b[p]! >= 0x30 && b[p]! <= 0x39) p++;
    if (p > g0 && p < this.end && WHITE[b[p]!] === 1) {
      const gen = Number(latin1(b, g0, p));
      while (p < this.end && WHITE[b[p]!] === 1) p++;
      if (b[p] === 0x52 /* R */ && (p + 1 >= this.end || !isRegular(b[p + 1]!))) {
        this.pos = p + 1;
        return new PdfRef(t, gen);
      }
    }
    this.pos = save;
    return t;
  }

  /** A number as pdf.js's lexer makes it (all digits as one integer, divided by ten to the decimals), bit for bit. */
  private number(): number {
    const b = this.b;
    const start = this.pos;
    let p = start;
    let sign = 1;
    if (b[p] === 0x2d) {
      sign = -1;
      p++;
    } else if (b[p] === 0x2b) p++;
    let value = 0, digits = 0, divisor = 0;
    while (p < this.end) {
      const c = b[p]!;
      if (c >= 0x30 && c <= 0x39) {
        value = value * 10 + (c - 0x30);
        digits++;
        if (divisor) divisor *= 10;
      } else if (c === 0x2e && divisor === 0) divisor = 1;
      else break;
      p++;
    }
    if (digits === 0 || digits > 15 || (p < this.end && isRegular(b[p]!))) notDirect(`malformed number at ${start}`);
    this.pos = p;
    return sign * (divisor > 1 ? value / divisor : value);
  }

  /** A keyword (an operator in a content stream): the short ones found by their bytes, without making a string. */
  private keyword(start: number, p: number): PdfKeyword | boolean | null {
    const b = this.b;
    const n = p - start;
    if (n === 1 || n === 2) {
      const known = KEYWORDS_BY_BYTES[n === 1 ? b[start]! : (b[start]! << 8) | b[start + 1]!];
      if (known) return known;
    } else if (n === 3) {
      const known = SHORT_KEYWORDS.get((b[start]! << 16) | (b[start + 1]! << 8) | b[start + 2]!);
      if (known) return known;
    }
    const word = latin1(b, start, p);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return PdfKeyword.of(word);
  }

  private name(): PdfName {
    const b = this.b;
    let p = ++this.pos;
    let s = '';
    let from = p;
    while (p < this.end && isRegular(b[p]!)) {
      if (b[p] === 0x23 /* # */ && p + 2 < this.end && isHex(b[p + 1]!) && isHex(b[p + 2]!)) {
        s += latin1(b, from, p) + String.fromCharCode(parseInt(latin1(b, p + 1, p + 3), 16));
        p += 3;
        from = p;
        continue;
      }
      p++;
    }
    s += latin1(b, from, p);
    this.pos = p;
    return PdfName.of(s);
  }

  private literal(): PdfString {
    const b = this.b;
    let p = this.pos + 1;
    let depth = 1;
    const out: number[] = [];
    while (p < this.end) {
      const c = b[p++]!;
      if (c === 0x5c /* \ */) {
        if (p >= this.end) break;
        const e = b[p++]!;
        if (e === 0x6e) out.push(10);
        else if (e === 0x72) out.push(13);
        else if (e === 0x74) out.push(9);
        else if (e === 0x62) out.push(8);
        else if (e === 0x66) out.push(12);
        else if (e === 0x0d) {
          if (b[p] === 0x0a) p++;
        } else if (e === 0x0a) {
          // a line continuation
        } else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && p < this.end && b[p]! >= 0x30 && b[p]! <= 0x37; k++) v = v * 8 + (b[p++]! - 0x30);
          // Not reduced to a byte: pdf.js keeps \501 as U+0141, and so do the codes read from it.
          out.push(v);
        } else out.push(e);
        continue;
      }
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) break;
      out.push(c);
    }
    if (depth !== 0) notDirect('unterminated string');
    this.pos = p;
    return new PdfString(bytesToLatin1(out));
  }

  private hex(): PdfString {
    const b = this.b;
    let p = this.pos + 1;
    // Character by character: a TJ array of a two-byte font is mostly strings of one glyph (<0A2F>-24<…>).
    let s = '';
    let high = -1;
    while (p < this.end && b[p] !== 0x3e) {
      const c = b[p++]!;
      if (WHITE[c] === 1) continue;
      if (!isHex(c)) notDirect('malformed hex string');
      const v = hexValue(c);
      if (high < 0) high = v;
      else {
        s += String.fromCharCode((high << 4) | v);
        high = -1;
      }
    }
    if (p >= this.end) notDirect('unterminated hex string');
    if (high >= 0) s += String.fromCharCode(high << 4);
    this.pos = p + 1;
    return new PdfString(s);
  }

  private array(depth: number): PdfValue[] {
    if (depth >= MAX_NESTING) notDirect('nesting too deep');
    const out: PdfValue[] = [];
    for (;;) {
      const t = this.token(depth + 1);
      if (t instanceof PdfKeyword) {
        if (t.word === ']') return out;
        if (t === END) notDirect('unterminated array');
        // "n g R" inside an array: the tokens before it are numbers.
        if (t.word === 'R' && out.length >= 2) {
          const gen = out.pop(), num = out.pop();
          if (typeof num === 'number' && typeof gen === 'number') {
            out.push(new PdfRef(num, gen));
            continue;
          }
        }
        notDirect(`unexpected ${t.word} in an array`);
      }
      out.push(t);
    }
  }

  private dict(depth: number): PdfDict {
    if (depth >= MAX_NESTING) notDirect('nesting too deep');
    const map = new Map<string, PdfValue>();
    for (;;) {
      const k = this.token(depth + 1);
      if (k instanceof PdfKeyword && k.word === '>>') return new PdfDict(map);
      if (!(k instanceof PdfName)) notDirect('malformed dictionary');
      const v = this.value(depth + 1);
      map.set(k.name, v);
    }
  }
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}

function bytesToLatin1(out: number[]): string {
  if (out.length <= 4096) return String.fromCharCode.apply(null, out);
  let s = '';
  for (let i = 0; i < out.length; i += 4096) s += String.fromCharCode.apply(null, out.slice(i, i + 4096));
  return s;
}

// ----------------------------------------------------------------------------------------------------------------
// The file: cross-reference and objects

type XrefEntry = { readonly offset: number } | { readonly stream: number; readonly index: number };

export class PdfFile {
  private readonly xref = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfValue>();
  private readonly fetching = new Set<number>();
  private readonly objectStreams = new Map<number, { data: Uint8Array; offsets: number[] }>();
  readonly trailer: PdfDict;
  /** Bytes that inflating may still produce (the reader's maxInflatedBytes). */
  private budget: number;

  constructor(readonly bytes: Uint8Array, maxInflatedBytes: number) {
    this.budget = maxInflatedBytes;
    this.trailer = this.readXrefChain();
    if (this.trailer.get('Encrypt') !== undefined) notDirect('encrypted');
  }

  private readXrefChain(): PdfDict {
    const b = this.bytes;
    const tail = latin1(b, Math.max(0, b.length - 2048), b.length);
    const at = /startxref\s+(\d+)\s*(?:%%EOF)?\s*$/.exec(tail.slice(tail.lastIndexOf('startxref')))?.[1];
    if (at === undefined) notDirect('no startxref');
    let offset = Number(at);
    let first: PdfDict | undefined;
    const seen = new Set<number>();
    while (offset >= 0) {
      if (seen.has(offset) || seen.size > 64 || offset >= b.length) notDirect('xref chain broken');
      seen.add(offset);
      const trailer = this.readXrefSection(offset);
      first ??= trailer;
      const stm = trailer.get('XRefStm');
      if (typeof stm === 'number') this.readXrefSection(stm);
      const prev = trailer.get('Prev');
      offset = typeof prev === 'number' ? prev : -1;
    }
    return first!;
  }

  /** One xref table with its trailer, or one xref stream; entries already known (from newer sections) are kept. */
  private readXrefSection(offset: number): PdfDict {
    const lx = new Lexer(this.bytes, offset);
    const t = lx.token();
    if (t instanceof PdfKeyword && t.word === 'xref') {
      for (;;) {
        const s = lx.token();
        if (s instanceof PdfKeyword && s.word === 'trailer') break;
        const count = lx.token();
        if (typeof s !== 'number' || typeof count !== 'number' || count < 0 || count > 1e7) notDirect('malformed xref table');
        for (let i = 0; i < count; i++) {
          const off = lx.token(), gen = lx.token(), kind = lx.token();
          if (typeof off !== 'number' || typeof gen !== 'number' || !(kind instanceof PdfKeyword)) notDirect('malformed xref entry');
          const num = s + i;
          if (kind.word === 'n' && !this.xref.has(num) && off > 0) this.xref.set(num, { offset: off });
          else if (kind.word === 'f' && !this.xref.has(num)) this.xref.set(num, { offset: -1 });
          else if (kind.word !== 'n' && kind.word !== 'f') notDirect('malformed xref entry');
        }
      }
      const trailer = lx.value();
      if (!(trailer instanceof PdfDict)) notDirect('no trailer');
      return trailer;
    }
    // An xref stream: "n g obj << /Type /XRef … >> stream".
    const stream = this.objectAt(offset, -1);
    if (!(stream instanceof PdfStream) || (stream.dict.get('Type') as PdfName | undefined)?.name !== 'XRef') notDirect('startxref points at no xref');
    const d = stream.dict;
    const w = d.get('W');
    if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number' && x >= 0 && x <= 8)) notDirect('malformed xref stream');
    const [w0, w1, w2] = w as number[];
    const size = d.get('Size');
    const index = d.get('Index') ?? [0, typeof size === 'number' ? size : 0];
    if (!Array.isArray(index) || index.length % 2 !== 0) notDirect('malformed xref stream index');
    const data = this.decode(stream);
    const rowLength = w0! + w1! + w2!;
    let p = 0;
    const field = (n: number, fallback: number): number => {
      if (n === 0) return fallback;
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + data[p++]!;
      return v;
    };
    for (let k = 0; k < index.length; k += 2) {
      const start = index[k], count = index[k + 1];
      if (typeof start !== 'number' || typeof count !== 'number') notDirect('malformed xref stream index');
      for (let i = 0; i < count; i++) {
        if (p + rowLength > data.length) notDirect('xref stream too short');
        const type = field(w0!, 1), a = field(w1!, 0), c = field(w2!, 0);
        const num = start + i;
        if (this.xref.has(num)) continue;
        if (type === 1) this.xref.set(num, { offset: a });
        else if (type === 2) this.xref.set(num, { stream: a, index: c });
        else this.xref.set(num, { offset: -1 });
      }
    }
    return d;
  }

  /** The object "num gen obj … endobj" at an offset; `num` -1 accepts any number (an xref stream found by offset). */
  private objectAt(offset: number, num: number): PdfValue {
    const lx = new Lexer(this.bytes, offset);
    const n = lx.token(), g = lx.token(), obj = lx.token();
    if (typeof n !== 'number' || typeof g !== 'number' || !(obj instanceof PdfKeyword) || obj.word !== 'obj' || (num >= 0 && n !== num)) {
      notDirect(`object ${num} is not at its offset ${offset}`);
    }
    const value = lx.value();
    if (!(value instanceof PdfDict)) return value;
    const save = lx.pos;
    const next = lx.token();
    if (!(next instanceof PdfKeyword) || next.word !== 'stream') {
      lx.pos = save;
      return value;
    }
    // The data starts after "stream" and one EOL (CRLF or LF).
    let p = lx.pos;
    if (this.bytes[p] === 0x0d) p++;
    if (this.bytes[p] === 0x0a) p++;
    const length = this.resolve(value.get('Length'));
    if (typeof length !== 'number' || length < 0 || p + length > this.bytes.length) notDirect('stream without a usable Length');
    const after = new Lexer(this.bytes, p + length);
    const end = after.token();
    if (!(end instanceof PdfKeyword) || end.word !== 'endstream') notDirect('stream Length does not reach endstream');
    return new PdfStream(value, this.bytes.subarray(p, p + length));
  }

  resolve(v: PdfValue | undefined): PdfValue | undefined {
    return v instanceof PdfRef ? this.fetch(v) : v;
  }

  fetch(ref: PdfRef): PdfValue {
    const num = ref.num;
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    if (this.fetching.has(num)) notDirect(`object ${num} refers to itself`);
    const entry = this.xref.get(num);
    if (!entry) return null;
    this.fetching.add(num);
    try {
      let value: PdfValue;
      if ('offset' in entry) value = entry.offset < 0 ? null : this.objectAt(entry.offset, num);
      else value = this.fromObjectStream(entry.stream, entry.index);
      this.cache.set(num, value);
      return value;
    } finally {
      this.fetching.delete(num);
    }
  }

  private fromObjectStream(streamNum: number, index: number): PdfValue {
    let os = this.objectStreams.get(streamNum);
    if (!os) {
      const s = this.fetch(new PdfRef(streamNum, 0));
      if (!(s instanceof PdfStream)) notDirect('object stream missing');
      const n = s.dict.get('N'), first = s.dict.get('First');
      if (typeof n !== 'number' || typeof first !== 'number' || n < 0 || n > 1e6) notDirect('malformed object stream');
      const data = this.decode(s);
      const lx = new Lexer(data);
      const offsets: number[] = [];
      for (let i = 0; i < n; i++) {
        lx.token();
        const off = lx.token();
        if (typeof off !== 'number') notDirect('malformed object stream header');
        offsets.push(first + off);
      }
      os = { data, offsets };
      this.objectStreams.set(streamNum, os);
    }
    const at = os.offsets[index];
    if (at === undefined) notDirect('object not in its object stream');
    return new Lexer(os.data, at).value();
  }

  /** A stream's decoded bytes: no filter, or Flate (with a PNG predictor); anything else is not direct. */
  decode(stream: PdfStream): Uint8Array {
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = filter === undefined || filter === null ? [] : Array.isArray(filter) ? filter.map((f) => this.resolve(f)) : [filter];
    const params = this.resolve(stream.dict.get('DecodeParms'));
    let data = stream.data;
    for (let i = 0; i < filters.length; i++) {
      const f = filters[i];
      if (!(f instanceof PdfName) || (f.name !== 'FlateDecode' && f.name !== 'Fl')) notDirect(`filter ${f instanceof PdfName ? f.name : '?'}`);
      data = this.inflate(data);
      const p = this.resolve(Array.isArray(params) ? params[i] : params);
      if (p instanceof PdfDict) data = unpredict(data, p);
    }
    return data;
  }

  private inflate(data: Uint8Array): Uint8Array {
    // zlib: a 2-byte header (deflate, no preset dictionary), the raw deflate stream, a checksum (not checked).
    if (data.length < 2 || (data[0]! & 0x0f) !== 8 || ((data[0]! << 8) | data[1]!) % 31 !== 0 || (data[1]! & 0x20) !== 0) notDirect('bad zlib header');
    const out = inflateBounded(data.subarray(2), this.budget);
    if (out.over) notDirect('inflates past maxInflatedBytes');
    if (out.error !== undefined || !out.finished) notDirect('damaged deflate stream');
    this.budget -= out.data.length;
    return out.data;
  }
}

/** Undoes a PNG predictor (Predictor ≥ 10); TIFF predictors are not direct. */
function unpredict(data: Uint8Array, params: PdfDict): Uint8Array {
  const predictor = params.get('Predictor');
  if (predictor === undefined || predictor === 1) return data;
  if (typeof predictor !== 'number' || predictor < 10) notDirect(`predictor ${String(predictor)}`);
  const colors = numberOr(params.get('Colors'), 1), bits = numberOr(params.get('BitsPerComponent'), 8), columns = numberOr(params.get('Columns'), 1);
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  if (rowLength <= 0 || rowLength > 1 << 20) notDirect('malformed predictor');
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  let prev = new Uint8Array(rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const row = out.subarray(r * rowLength, (r + 1) * rowLength);
    for (let i = 0; i < rowLength; i++) {
      const x = data[src + i]!;
      const left = i >= bpp ? row[i - bpp]! : 0;
      const up = prev[i]!;
      const upLeft = i >= bpp ? prev[i - bpp]! : 0;
      let v: number;
      if (type === 0) v = x;
      else if (type === 1) v = x + left;
      else if (type === 2) v = x + up;
      else if (type === 3) v = x + ((left + up) >> 1);
      else if (type === 4) {
        const pa = Math.abs(up - upLeft), pb = Math.abs(left - upLeft), pc = Math.abs(left + up - 2 * upLeft);
        v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else notDirect(`PNG filter ${type}`);
      row[i] = v & 0xff;
    }
    prev = row;
  }
  return out;
}

function numberOr(v: PdfValue | undefined, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}

// ----------------------------------------------------------------------------------------------------------------
// Text strings (the Info dictionary)

/** PDFDocEncoding's bytes that are not Latin-1 (0x18–0x1F and 0x80–0xA0). */
const PDF_DOC: Record<number, number> = {
  0x18: 0x02d8, 0x19: 0x02c7, 0x1a: 0x02c6, 0x1b: 0x02d9, 0x1c: 0x02dd, 0x1d: 0x02db, 0x1e: 0x02da, 0x1f: 0x02dc,
  0x80: 0x2022, 0x81: 0x2020, 0x82: 0x2021, 0x83: 0x2026, 0x84: 0x2014, 0x85: 0x2013, 0x86: 0x0192, 0x87: 0x2044,
  0x88: 0x2039, 0x89: 0x203a, 0x8a: 0x2212, 0x8b: 0x2030, 0x8c: 0x201e, 0x8d: 0x201c, 0x8e: 0x201d, 0x8f: 0x2018,
  0x90: 0x2019, 0x91: 0x201a, 0x92: 0x2122, 0x93: 0xfb01, 0x94: 0xfb02, 0x95: 0x0141, 0x96: 0x0152, 0x97: 0x0160,
  0x98: 0x0178, 0x99: 0x017d, 0x9a: 0x0131, 0x9b: 0x0142, 0x9c: 0x0153, 0x9d: 0x0161, 0x9e: 0x017e, 0xa0: 0x20ac,
};

/** A text string: UTF-16BE or UTF-8 with their byte-order marks, else PDFDocEncoding. */
export function textString(s: PdfString): string {
  const b = s.bytes;
  // As pdf.js's stringToPDFString: the decoder takes the byte-order mark off, and an escape sequence (ESC … ESC, a
  // PDF 2.0 language mark) is dropped.
  const encoding = b.startsWith('\xfe\xff') ? 'utf-16be' : b.startsWith('\xff\xfe') ? 'utf-16le' : b.startsWith('\xef\xbb\xbf') ? 'utf-8' : undefined;
  if (encoding) {
    try {
      const whole = encoding === 'utf-8' ? b : b.slice(0, b.length - (b.length % 2));
      const text = new TextDecoder(encoding, { fatal: true }).decode(Uint8Array.from(whole, (c) => c.charCodeAt(0)));
      return text.includes('\x1b') ? text.replace(/\x1b[^\x1b]*(?:\x1b|$)/g, '') : text;
    } catch {
      // Not what its mark says: read as PDFDocEncoding below.
    }
  }
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (c === 0x1b) {
      while (++i < b.length && b.charCodeAt(i) !== 0x1b);
      continue;
    }
    out += String.fromCharCode(PDF_DOC[c] ?? c);
  }
  return out;
}
