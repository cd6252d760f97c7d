// The direct PDF reader: the text items and drawn rules of a well-formed PDF, read straight from its content
// streams — the same items pdf.js's getTextContent gives (its rules for joining glyphs into items, spaces and
// line ends are followed step by step, so pdf.ts lays out the same runs either way), and the same rules its
// operator list gives — in a few milliseconds a file instead of pdf.js's tens.
//
// It reads what report PDFs are made of (Word, WPS and LibreOffice output): fonts with a ToUnicode map (simple
// fonts, and Type0 fonts in Identity-H), Flate streams, xref tables and streams, object streams, form XObjects.
// Anything else — encryption, a Type3 or vertical font, a glyph its font does not map, an inline image, an
// object not where the xref says, right-to-left text — throws NotDirect, and pdf.js reads the file. So the
// direct reader never guesses: it reads a file exactly, or leaves it to pdf.js.
// Like every reader it is pure and bounded: bytes in; inflation within the reader's budget, form nesting and the
// operators run per page limited.

import { addPathRules, layoutTransform, MAX_SEGMENTS, multiply, type Matrix, type TextItem, type Viewport } from './pdfGeometry';
import type { PdfRule } from './pdfLayout';
import { Lexer, notDirect, PdfDict, PdfFile, PdfKeyword, PdfName, PdfRef, PdfStream, PdfString, textString, type PdfValue } from './pdfSyntax';

export { NotDirect } from './pdfSyntax';

/** One page as the direct reader read it: the view, pdf.js-shaped text items (user space), rules (layout space). */
export interface DirectPage {
  readonly viewport: Viewport;
  /** User space → layout space (pdfGeometry.layoutTransform of the viewport). */
  readonly toLayout: Matrix;
  readonly items: readonly TextItem[];
  readonly rules: readonly PdfRule[];
}

/** Form XObjects inside form XObjects deeper than this are not a report's. */
const MAX_FORM_DEPTH = 12;
/** Content-stream operators run for one page (forms drawn many times count each time). */
const MAX_OPERATORS = 2_000_000;

/** An open PDF for the direct reader. The constructor and `page` throw NotDirect for what it does not read. */
export class DirectPdf {
  private readonly file: PdfFile;
  private readonly pageDicts: { dict: PdfDict; inherited: Inherited }[] = [];
  private readonly fonts = new Map<PdfDict, Font>();
  readonly info: Record<string, string> = {};

  constructor(bytes: Uint8Array, maxInflatedBytes: number) {
    this.file = new PdfFile(bytes, maxInflatedBytes);
    const root = this.file.resolve(this.file.trailer.get('Root'));
    if (!(root instanceof PdfDict)) notDirect('no document catalog');
    const pages = this.file.resolve(root.get('Pages'));
    if (!(pages instanceof PdfDict)) notDirect('no page tree');
    this.walk(pages, {}, new Set(), 0);
    const count = this.file.resolve(pages.get('Count'));
    if (count !== this.pageDicts.length) notDirect(`page tree holds ${this.pageDicts.length} pages, Count says ${String(count)}`);
    const info = this.file.resolve(this.file.trailer.get('Info'));
    if (info instanceof PdfDict) {
      for (const [k, v] of info.map) {
        const s = this.file.resolve(v);
        if (s instanceof PdfString) this.info[k] = textString(s);
      }
    }
  }

  get numPages(): number {
    return this.pageDicts.length;
  }

  private walk(node: PdfDict, inherited: Inherited, seen: Set<PdfDict>, depth: number): void {
    if (seen.has(node) || depth > 64 || this.pageDicts.length > 100_000) notDirect('page tree loops');
    seen.add(node);
    const here: Inherited = { ...inherited };
    for (const key of ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const) {
      const v = node.get(key);
      if (v !== undefined) here[key] = this.file.resolve(v);
    }
    const kids = this.file.resolve(node.get('Kids'));
    const type = this.file.resolve(node.get('Type'));
    if (type instanceof PdfName && type.name === 'Page') {
      this.pageDicts.push({ dict: node, inherited: here });
      return;
    }
    if (!Array.isArray(kids)) notDirect('a page tree node without kids');
    for (const k of kids) {
      const kid = this.file.resolve(k);
      if (!(kid instanceof PdfDict)) notDirect('a page tree kid is not a dictionary');
      this.walk(kid, here, seen, depth + 1);
    }
  }

  /** Page n (1-based). */
  page(n: number): DirectPage {
    const { dict, inherited } = this.pageDicts[n - 1]!;
    // pdf.js scales the view by a page's /UserUnit; report PDFs have none.
    const unit = this.file.resolve(dict.get('UserUnit'));
    if (typeof unit === 'number' && unit > 0 && unit !== 1) notDirect('a page with a UserUnit');
    const viewport = viewportOf(inherited);
    const toLayout = layoutTransform(viewport);
    const resources = inherited.Resources instanceof PdfDict ? inherited.Resources : new PdfDict(new Map());
    const contents = this.file.resolve(dict.get('Contents'));
    const streams = contents === undefined || contents === null ? [] : Array.isArray(contents) ? contents.map((c) => this.file.resolve(c)) : [contents];
    const parts: Uint8Array[] = [];
    for (const s of streams) {
      if (!(s instanceof PdfStream)) notDirect('page content is not a stream');
      parts.push(this.file.decode(s));
    }
    const data = join(parts);
    const page = new PageReader(this, viewport.view, toLayout);
    page.run(data, resources, initialState(), 0);
    return { viewport, toLayout, items: page.items, rules: page.rules };
  }

  /** @internal */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    return this.file.resolve(v);
  }

  /** @internal */
  decode(s: PdfStream): Uint8Array {
    return this.file.decode(s);
  }

  /** @internal A font resource, read once per document. */
  font(dict: PdfDict): Font {
    let f = this.fonts.get(dict);
    if (!f) this.fonts.set(dict, (f = readFont(this, dict)));
    return f;
  }
}

interface Inherited {
  Resources?: PdfValue | undefined;
  MediaBox?: PdfValue | undefined;
  CropBox?: PdfValue | undefined;
  Rotate?: PdfValue | undefined;
}

function join(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let n = 0;
  for (const p of parts) n += p.length + 1;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    out[at + p.length] = 0x0a;
    at += p.length + 1;
  }
  return out;
}

// ----------------------------------------------------------------------------------------------------------------
// The page's view, as pdf.js's getViewport({ scale: 1 }) makes it

type Rect = [number, number, number, number];

function rectOf(v: PdfValue | undefined): Rect | undefined {
  if (!Array.isArray(v) || v.length !== 4 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) return undefined;
  const [a, b, c, d] = v as number[];
  const r: Rect = [Math.min(a!, c!), Math.min(b!, d!), Math.max(a!, c!), Math.max(b!, d!)];
  return r[2] - r[0] > 0 && r[3] - r[1] > 0 ? r : undefined;
}

function viewportOf(inherited: Inherited): Viewport & { readonly view: Rect } {
  const media = inherited.MediaBox === undefined ? ([0, 0, 612, 792] as Rect) : rectOf(inherited.MediaBox);
  if (!media) notDirect('no usable MediaBox');
  const crop = inherited.CropBox === undefined ? undefined : rectOf(inherited.CropBox);
  let view = media;
  if (crop) {
    const x0 = Math.max(crop[0], media[0]), y0 = Math.max(crop[1], media[1]), x1 = Math.min(crop[2], media[2]), y1 = Math.min(crop[3], media[3]);
    if (x1 > x0 && y1 > y0) view = [x0, y0, x1, y1];
  }
  const r = inherited.Rotate;
  const rotate = typeof r === 'number' && Number.isInteger(r) && r % 90 === 0 ? ((r % 360) + 360) % 360 : 0;
  const cx = (view[0] + view[2]) / 2, cy = (view[1] + view[3]) / 2;
  const [a, b, c, d] = rotate === 90 ? [0, 1, 1, 0] : rotate === 180 ? [-1, 0, 0, 1] : rotate === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  let offsetX: number, offsetY: number, width: number, height: number;
  if (a === 0) {
    offsetX = Math.abs(cy - view[1]);
    offsetY = Math.abs(cx - view[0]);
    width = view[3] - view[1];
    height = view[2] - view[0];
  } else {
    offsetX = Math.abs(cx - view[0]);
    offsetY = Math.abs(cy - view[1]);
    width = view[2] - view[0];
    height = view[3] - view[1];
  }
  return { width, height, view, transform: [a, b, c, d, offsetX - a * cx - c * cy, offsetY - b * cx - d * cy] };
}

// ----------------------------------------------------------------------------------------------------------------
// Fonts: what a code is (its text, its advance), nothing of its shape

const WHITESPACE = 1, DIACRITIC = 2, FORMAT_MARK = 3;
const CATEGORY = /^(\s)|(\p{Mn})|(\p{Cf})$/u;

interface Glyph {
  readonly unicode: string;
  /** Advance in glyph space (1000 to the em). */
  readonly width: number;
  readonly category: number;
}

interface Font {
  readonly twoByte: boolean;
  readonly glyphs: Map<number, Glyph>;
}

function readFont(doc: DirectPdf, dict: PdfDict): Font {
  const subtype = doc.resolve(dict.get('Subtype'));
  const name = subtype instanceof PdfName ? subtype.name : '';
  const toUnicodeStream = doc.resolve(dict.get('ToUnicode'));
  if (!(toUnicodeStream instanceof PdfStream)) notDirect(`a ${name} font without a ToUnicode map`);
  const toUnicode = readToUnicode(doc, toUnicodeStream);
  const glyphs = new Map<number, Glyph>();
  const glyph = (code: number, width: number): void => {
    const unicode = toUnicode.get(code);
    if (unicode === undefined || unicode === '') return;
    const m = CATEGORY.exec(unicode);
    glyphs.set(code, { unicode, width, category: m?.[1] ? WHITESPACE : m?.[2] ? DIACRITIC : m?.[3] ? FORMAT_MARK : 0 });
  };
  if (name === 'Type0') {
    const encoding = doc.resolve(dict.get('Encoding'));
    if (!(encoding instanceof PdfName) || encoding.name !== 'Identity-H') notDirect('a Type0 font not in Identity-H');
    const descendants = doc.resolve(dict.get('DescendantFonts'));
    const cidFont = Array.isArray(descendants) ? doc.resolve(descendants[0]) : undefined;
    if (!(cidFont instanceof PdfDict)) notDirect('a Type0 font without its CID font');
    const dw = doc.resolve(cidFont.get('DW'));
    // pdf.js rounds /DW up (extractWidths).
    const defaultWidth = typeof dw === 'number' ? Math.ceil(dw) : 1000;
    const widths = new Map<number, number>();
    const w = doc.resolve(cidFont.get('W'));
    if (Array.isArray(w)) {
      for (let i = 0; i < w.length; ) {
        const first = doc.resolve(w[i]);
        const next = doc.resolve(w[i + 1]);
        if (typeof first !== 'number') notDirect('malformed W array');
        if (Array.isArray(next)) {
          next.forEach((v, k) => {
            const width = doc.resolve(v);
            if (typeof width === 'number') widths.set(first + k, width);
          });
          i += 2;
        } else {
          const width = doc.resolve(w[i + 2]);
          if (typeof next !== 'number' || typeof width !== 'number' || next - first > 65535) notDirect('malformed W array');
          for (let c = first; c <= next; c++) widths.set(c, width);
          i += 3;
        }
      }
    }
    for (const code of toUnicode.keys()) glyph(code, widths.get(code) ?? defaultWidth);
    return { twoByte: true, glyphs };
  }
  // A simple Type1 font: pdf.js (its font programs not loaded) gives a code that the font's encoding leaves unnamed
  // a space whatever ToUnicode says, which would take the encodings' tables to follow; report PDFs use TrueType.
  if (name !== 'TrueType') notDirect(`a ${name || 'nameless'} simple font`);
  const firstChar = doc.resolve(dict.get('FirstChar'));
  const widths = doc.resolve(dict.get('Widths'));
  if (!Array.isArray(widths)) notDirect('a simple font without Widths');
  const first = typeof firstChar === 'number' ? firstChar : 0;
  for (let i = 0; i < widths.length; i++) {
    const width = doc.resolve(widths[i]);
    if (typeof width === 'number') glyph(first + i, width);
  }
  return { twoByte: false, glyphs };
}

/** A ToUnicode CMap: codes to text, as pdf.js reads bfchar and bfrange. */
function readToUnicode(doc: DirectPdf, stream: PdfStream): Map<number, string> {
  const lx = new Lexer(doc.decode(stream));
  const map = new Map<number, string>();
  const codeOf = (s: PdfValue | PdfKeyword): number => {
    if (!(s instanceof PdfString) || s.bytes.length === 0 || s.bytes.length > 4) notDirect('malformed ToUnicode code');
    let v = 0;
    for (let i = 0; i < s.bytes.length; i++) v = v * 256 + s.bytes.charCodeAt(i);
    return v;
  };
  for (;;) {
    const t = lx.token();
    if (!(t instanceof PdfKeyword)) continue;
    if (t.word === '<end>') break;
    if (t.word === 'usecmap') notDirect('ToUnicode uses another CMap');
    if (t.word === 'beginbfchar') {
      for (;;) {
        const src = lx.token();
        if (src instanceof PdfKeyword && src.word === 'endbfchar') break;
        const dst = lx.token();
        if (!(dst instanceof PdfString)) notDirect('malformed bfchar');
        map.set(codeOf(src), utf16(dst.bytes));
      }
    } else if (t.word === 'beginbfrange') {
      for (;;) {
        const lo = lx.token();
        if (lo instanceof PdfKeyword && lo.word === 'endbfrange') break;
        let low = codeOf(lo);
        const high = codeOf(lx.token());
        if (high < low || high - low > 65535) notDirect('malformed bfrange');
        const dst = lx.token();
        if (Array.isArray(dst)) {
          for (const d of dst) {
            if (!(d instanceof PdfString) || low > high) notDirect('malformed bfrange');
            map.set(low++, utf16(d.bytes));
          }
        } else if (dst instanceof PdfString && dst.bytes.length > 0) {
          let bytes = dst.bytes;
          const last = bytes.length - 1;
          while (low <= high) {
            map.set(low++, utf16(bytes));
            const next = bytes.charCodeAt(last) + 1;
            bytes = next > 0xff
              ? bytes.substring(0, last - 1) + String.fromCharCode(bytes.charCodeAt(last - 1) + 1) + '\x00'
              : bytes.substring(0, last) + String.fromCharCode(next);
          }
        } else notDirect('malformed bfrange');
      }
    }
  }
  return map;
}

/** A ToUnicode destination: UTF-16BE (surrogate pairs kept), one byte as itself. */
function utf16(bytes: string): string {
  if (bytes.length === 1) return bytes;
  if (bytes.length % 2 !== 0) notDirect('odd-length ToUnicode destination');
  let s = '';
  for (let i = 0; i < bytes.length; i += 2) s += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
  return s;
}

// ----------------------------------------------------------------------------------------------------------------
// The graphics and text state

interface State {
  ctm: Matrix;
  /**
   * The transform the rules are drawn with: the same as ctm but that pdf.js's operator list gives a form's /Matrix as
   * 32-bit floats (paintFormXObjectBegin), where its text content uses the numbers as read.
   */
  ruleCtm: Matrix;
  lineWidth: number;
  fontName: string | null;
  font: Font | undefined;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  textMatrix: Matrix;
  textLineMatrix: Matrix;
}

function initialState(): State {
  return {
    ctm: [1, 0, 0, 1, 0, 0], ruleCtm: [1, 0, 0, 1, 0, 0], lineWidth: 1, fontName: null, font: undefined, fontSize: 0,
    charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, textMatrix: [1, 0, 0, 1, 0, 0], textLineMatrix: [1, 0, 0, 1, 0, 0],
  };
}

function cloneState(s: State): State {
  // Field by field: a spread of the state was a tenth of the reader's time on pages that save the state around every
  // cell (q … Q).
  return {
    ctm: s.ctm.slice() as Matrix, ruleCtm: s.ruleCtm.slice() as Matrix, lineWidth: s.lineWidth, fontName: s.fontName,
    font: s.font, fontSize: s.fontSize, charSpacing: s.charSpacing, wordSpacing: s.wordSpacing, hScale: s.hScale, leading: s.leading, rise: s.rise,
    textMatrix: s.textMatrix.slice() as Matrix, textLineMatrix: s.textLineMatrix.slice() as Matrix,
  };
}

function translate(m: Matrix, x: number, y: number): void {
  m[4] = m[0] * x + m[2] * y + m[4];
  m[5] = m[1] * x + m[3] * y + m[5];
}

/** Td, TD, T*, ' and ": the line matrix moves, the text matrix starts over from it. */
function moveLine(st: State, x: number, y: number): void {
  translate(st.textLineMatrix, x, y);
  st.textMatrix = st.textLineMatrix.slice() as Matrix;
}

/** pdf.js's text normalisation of an item (ligatures and a few compatibility characters, NFKC). */
const NORMALIZE = /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;
/** Right-to-left letters: pdf.js reorders them; the direct reader leaves such files to it. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * No character NORMALIZE or RTL looks for: everything below U+00A0 or between U+2127 and U+FAFF (where CJK is), the
 * ranges both classes leave out. One loop that says so for almost every item, instead of two regular expressions.
 */
function isPlainText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xa0 && (c <= 0x2126 || c >= 0xfb00)) return false;
  }
  return true;
}

function normalize(s: string): string {
  return s.replace(NORMALIZE, (_m, compat: string | undefined, st: string | undefined) => (compat ? compat.normalize('NFKC') : 'ſt'.repeat(st!.length)));
}

// ----------------------------------------------------------------------------------------------------------------
// One page: its content stream run, text items built as pdf.js builds them, rules collected as pdf.ts does

/** The painting operators that stroke; the others but n fill. */
const STROKE = new Set(['S', 's', 'B', 'B*', 'b', 'b*']);
const CLOSING = new Set(['s', 'b', 'b*']);

/** Forms (by name, and by object where referenced) that gave no text item when drawn in one content stream. */
interface EmptyForms {
  readonly names: Set<string>;
  readonly refs: Set<string>;
}

/** Operands each operator takes, as pdf.js's EvaluatorPreprocessor.opMap says (-1: any number, up to 33). */
const ARITY = new Map<string, number>([
  ['w', 1], ['J', 1], ['j', 1], ['M', 1], ['d', 2], ['ri', 1], ['i', 1], ['gs', 1], ['q', 0], ['Q', 0], ['cm', 6],
  ['m', 2], ['l', 2], ['c', 6], ['v', 4], ['y', 4], ['h', 0], ['re', 4], ['S', 0], ['s', 0], ['f', 0], ['F', 0],
  ['f*', 0], ['B', 0], ['B*', 0], ['b', 0], ['b*', 0], ['n', 0], ['W', 0], ['W*', 0], ['BT', 0], ['ET', 0],
  ['Tc', 1], ['Tw', 1], ['Tz', 1], ['TL', 1], ['Tf', 2], ['Tr', 1], ['Ts', 1], ['Td', 2], ['TD', 2], ['Tm', 6],
  ['T*', 0], ['Tj', 1], ['TJ', 1], ["'", 1], ['"', 3], ['d0', 2], ['d1', 6], ['CS', 1], ['cs', 1], ['SC', -1],
  ['SCN', -1], ['sc', -1], ['scn', -1], ['G', 1], ['g', 1], ['RG', 3], ['rg', 3], ['K', 4], ['k', 4], ['sh', 1],
  ['BI', 0], ['ID', 0], ['EI', 1], ['Do', 1], ['MP', 1], ['DP', 2], ['BMC', 1], ['BDC', 2], ['EMC', 0], ['BX', 0],
  ['EX', 0],
]);

class PageReader {
  readonly items: TextItem[] = [];
  readonly rules: PdfRule[] = [];
  private operators = 0;

  constructor(readonly doc: DirectPdf, readonly view: Rect, readonly toLayout: Matrix) {}

  run(data: Uint8Array, resources: PdfDict, st: State, depth: number): void {
    const text = new TextItems(this.items, this.view);
    const stack: State[] = [];
    // The operands of the operator to come: the first `argc` of `args` (a count, not the array's length, which
    // costs a call to set for every operator).
    const args: (PdfValue | PdfKeyword | undefined)[] = [];
    let argc = 0;
    const setAside: (PdfValue | PdfKeyword | undefined)[] = [];
    const arg = (i: number): PdfValue | PdfKeyword | undefined => (i < argc ? args[i] : undefined);
    let path: number[] = [];
    let x = 0, y = 0;
    const lx = new Lexer(data);
    // Forms that gave no text when drawn: pdf.js's getTextContent does not draw them again in this stream.
    const emptyForms: EmptyForms = { names: new Set(), refs: new Set() };
    const num = (i: number): number => {
      const v = arg(i);
      if (typeof v !== 'number') notDirect('an operator without its numbers');
      return v;
    };
    for (;;) {
      const t = lx.token();
      if (!(t instanceof PdfKeyword)) {
        // pdf.js drops null operands and gives up on more than 33.
        if (t === null) continue;
        if (argc >= 33) notDirect('too many operands');
        args[argc++] = t;
        continue;
      }
      const op = t.word;
      if (op === '<end>') break;
      if (++this.operators > MAX_OPERATORS) notDirect('too many operators');
      // Operands as pdf.js's EvaluatorPreprocessor hands them out: an unknown operator's go to the next operator;
      // an operator's first surplus ones are set aside, for a later operator that lacks some.
      const arity = ARITY.get(op);
      if (arity === undefined) continue;
      if (arity >= 0 && argc !== arity) {
        if (argc > arity) {
          const surplus = argc - arity;
          for (let i = 0; i < surplus; i++) setAside.push(args[i]);
          for (let i = 0; i < arity; i++) args[i] = args[i + surplus];
          argc = arity;
        } else {
          while (argc < arity && setAside.length > 0) {
            for (let i = argc; i > 0; i--) args[i] = args[i - 1];
            args[0] = setAside.pop();
            argc++;
          }
          // pdf.js skips it (and gives up on the page after ten path operators in a row): left to pdf.js.
          if (argc < arity) notDirect(`${op} without its operands`);
        }
      }
      switch (op) {
        // Text
        case 'BT':
          st.textMatrix = [1, 0, 0, 1, 0, 0];
          st.textLineMatrix = [1, 0, 0, 1, 0, 0];
          break;
        case 'ET':
          break;
        case 'Tf': {
          const name = arg(0), size = num(1);
          if (!(name instanceof PdfName)) notDirect('Tf without a font name');
          if (st.font && name.name === st.fontName && size === st.fontSize) break;
          text.flush();
          st.fontName = name.name;
          st.fontSize = size;
          st.font = this.fontOf(resources, name.name);
          break;
        }
        case 'Tc':
          st.charSpacing = num(0);
          break;
        case 'Tw':
          st.wordSpacing = num(0);
          break;
        case 'Tz':
          st.hScale = num(0) / 100;
          break;
        case 'TL':
          st.leading = num(0);
          break;
        case 'Ts':
          st.rise = num(0);
          break;
        case 'Td':
          moveLine(st, num(0), num(1));
          break;
        case 'TD':
          st.leading = -num(1);
          moveLine(st, num(0), num(1));
          break;
        case 'T*':
          moveLine(st, 0, -st.leading);
          break;
        case 'Tm': {
          const m: Matrix = [num(0), num(1), num(2), num(3), num(4), num(5)];
          st.textMatrix = m;
          st.textLineMatrix = m.slice() as Matrix;
          text.updateAdvanceScale(st);
          break;
        }
        case 'Tj':
          text.show(st, stringArg(arg(0)), 0);
          break;
        case "'":
          moveLine(st, 0, -st.leading);
          text.show(st, stringArg(arg(0)), 0);
          break;
        case '"':
          st.wordSpacing = num(0);
          st.charSpacing = num(1);
          moveLine(st, 0, -st.leading);
          text.show(st, stringArg(arg(2)), 0);
          break;
        case 'TJ': {
          const parts = arg(0);
          if (!Array.isArray(parts)) notDirect('TJ without an array');
          if (!st.font) notDirect('text shown without a font');
          const factor = -st.fontSize / 1000;
          let pending = '';
          // Strings since the last number, empty ones too: pdf.js shows them (an empty one moves by Tc).
          let strings = 0;
          for (const p of parts) {
            if (p instanceof PdfString) {
              pending += p.bytes;
              strings++;
            } else if (typeof p === 'number' && p !== 0) {
              text.show(st, pending, p * factor);
              pending = '';
              strings = 0;
            }
          }
          if (strings > 0) text.show(st, pending, 0);
          break;
        }
        // Graphics state
        case 'q':
          if (stack.length > 256) notDirect('too many saved states');
          stack.push(cloneState(st));
          break;
        case 'Q': {
          const saved = stack.pop();
          if (saved) {
            const before = st;
            st = saved;
            if (before.font !== st.font || before.fontSize !== st.fontSize || before.fontName !== st.fontName) text.flush();
          }
          break;
        }
        case 'cm': {
          const m: Matrix = [num(0), num(1), num(2), num(3), num(4), num(5)];
          st.ctm = multiply(m, st.ctm);
          st.ruleCtm = multiply(m, st.ruleCtm);
          break;
        }
        case 'w':
          st.lineWidth = num(0);
          break;
        case 'gs': {
          const name = arg(0);
          const states = this.doc.resolve(resources.get('ExtGState'));
          const gs = name instanceof PdfName && states instanceof PdfDict ? this.doc.resolve(states.get(name.name)) : undefined;
          if (gs instanceof PdfDict && gs.get('Font') !== undefined) notDirect('a font set by ExtGState');
          break;
        }
        // Marked content: pdf.js ends the current item at each marker.
        case 'BMC':
        case 'BDC':
        case 'EMC':
          text.flush();
          break;
        case 'Do':
          text.flush();
          this.paintXObject(arg(0), resources, st, depth, emptyForms);
          break;
        case 'BI':
          notDirect('an inline image');
          break;
        case 'd0':
        case 'd1':
          notDirect('Type3 glyph operators');
          break;
        // Paths: the rules of tables
        case 'm':
          x = num(0);
          y = num(1);
          path.push(0, x, y);
          break;
        case 'l':
          x = num(0);
          y = num(1);
          path.push(1, x, y);
          break;
        case 'c':
          path.push(2, num(0), num(1), num(2), num(3), num(4), num(5));
          x = num(4);
          y = num(5);
          break;
        case 'v':
          path.push(2, x, y, num(0), num(1), num(2), num(3));
          x = num(2);
          y = num(3);
          break;
        case 'y':
          path.push(2, num(0), num(1), num(2), num(3), num(2), num(3));
          x = num(2);
          y = num(3);
          break;
        case 'h':
          path.push(3);
          break;
        case 're': {
          const rx = num(0), ry = num(1), w = num(2), h = num(3);
          x = rx;
          y = ry;
          if (w === 0 || h === 0) path.push(0, rx, ry, 1, rx + w, ry + h, 3);
          else path.push(0, rx, ry, 1, rx + w, ry, 1, rx + w, ry + h, 1, rx, ry + h, 3);
          break;
        }
        case 'S': case 's': case 'f': case 'F': case 'f*': case 'B': case 'B*': case 'b': case 'b*': case 'n':
          if (path.length > 0 && op !== 'n' && this.rules.length < MAX_SEGMENTS) {
            if (CLOSING.has(op)) path.push(3);
            const stroke = STROKE.has(op);
            const c = st.ruleCtm;
            const scale = Math.sqrt(Math.abs(c[0] * c[3] - c[1] * c[2])) || 1;
            // pdf.js's operator list gives the path as 32-bit floats (constructPath): so are its points here.
            addPathRules(Float32Array.from(path), multiply(c, this.toLayout), stroke ? Math.min(1, Math.max(0.1, st.lineWidth * scale)) : undefined, this.rules);
          }
          path = [];
          break;
        default:
          // Colour, clipping, shading, compatibility and unknown operators change neither text nor rules.
          break;
      }
      argc = 0;
    }
    text.flush();
  }

  private fontOf(resources: PdfDict, name: string): Font {
    const fonts = this.doc.resolve(resources.get('Font'));
    const dict = fonts instanceof PdfDict ? this.doc.resolve(fonts.get(name)) : undefined;
    if (!(dict instanceof PdfDict)) notDirect(`font ${name} not in the resources`);
    return this.doc.font(dict);
  }

  private paintXObject(nameArg: PdfValue | PdfKeyword | undefined, resources: PdfDict, st: State, depth: number, emptyForms: EmptyForms): void {
    if (!(nameArg instanceof PdfName)) notDirect('Do without a name');
    const name = nameArg.name;
    if (emptyForms.names.has(name)) return;
    const xobjects = this.doc.resolve(resources.get('XObject'));
    const raw = xobjects instanceof PdfDict ? xobjects.get(name) : undefined;
    const ref = raw instanceof PdfRef ? `${raw.num} ${raw.gen}` : undefined;
    if (ref !== undefined && emptyForms.refs.has(ref)) return;
    const markEmpty = (): void => {
      emptyForms.names.add(name);
      if (ref !== undefined) emptyForms.refs.add(ref);
    };
    const xo = this.doc.resolve(raw);
    if (!(xo instanceof PdfStream)) return;
    const subtype = this.doc.resolve(xo.dict.get('Subtype'));
    if (!(subtype instanceof PdfName) || subtype.name !== 'Form') return markEmpty();
    if (depth >= MAX_FORM_DEPTH) notDirect('forms nested too deep');
    const inner = cloneState(st);
    const m = this.doc.resolve(xo.dict.get('Matrix'));
    if (Array.isArray(m) && m.length === 6 && m.every((v) => typeof v === 'number')) {
      inner.ctm = multiply(m as Matrix, inner.ctm);
      inner.ruleCtm = multiply(m.map((v) => Math.fround(v as number)) as Matrix, inner.ruleCtm);
    }
    const res = this.doc.resolve(xo.dict.get('Resources'));
    const before = this.items.length;
    this.run(this.doc.decode(xo), res instanceof PdfDict ? res : resources, inner, depth + 1);
    if (this.items.length === before) markEmpty();
  }
}

function stringArg(v: PdfValue | PdfKeyword | undefined): string {
  if (!(v instanceof PdfString)) notDirect('a text operator without its string');
  return v.bytes;
}

/**
 * Text items as pdf.js's getTextContent builds them (evaluator.js: buildTextContentItem, compareWithLastPosition,
 * addFakeSpaces, flushTextContentItem), for horizontal fonts, without kept white space.
 */
class TextItems {
  private initialized = false;
  private str: string[] = [];
  private transform: Matrix = [1, 0, 0, 1, 0, 0];
  private width = 0;
  private totalWidth = 0;
  private height = 0;
  private textAdvanceScale = 0;
  /** The position after the last glyph added (pdf.js's prevTransform); `hasPrev` once there is one. */
  private readonly prev = [0, 0, 0, 0, 0, 0];
  private hasPrev = false;
  /** The position of the glyph being placed. */
  private readonly here = [0, 0, 0, 0, 0, 0];
  private trackingSpaceMin = 0;
  private notASpace = 0;
  private negativeSpaceMax = 0;
  private spaceInFlowMin = 0;
  private spaceInFlowMax = 0;
  private readonly lastChars = [' ', ' '];
  private lastIndex = 0;

  constructor(private readonly out: TextItem[], private readonly view: Rect) {}

  /**
   * The glyph's position as pdf.js computes it,
   * `Util.transform(ctm, Util.transform(textMatrix, [size × hScale, 0, 0, size, 0, rise]))`, into `out`: the same
   * operations in the same order (its zero terms too, for the sign of a zero), without the three arrays that a
   * glyph's two calls would make.
   */
  private currentInto(st: State, out: number[]): void {
    const c = st.ctm, tm = st.textMatrix, h = st.fontSize * st.hScale, v = st.fontSize, r = st.rise;
    const m0 = tm[0] * h + tm[2] * 0, m1 = tm[1] * h + tm[3] * 0;
    const m2 = tm[0] * 0 + tm[2] * v, m3 = tm[1] * 0 + tm[3] * v;
    const m4 = tm[0] * 0 + tm[2] * r + tm[4], m5 = tm[1] * 0 + tm[3] * r + tm[5];
    out[0] = c[0] * m0 + c[2] * m1;
    out[1] = c[1] * m0 + c[3] * m1;
    out[2] = c[0] * m2 + c[2] * m3;
    out[3] = c[1] * m2 + c[3] * m3;
    out[4] = c[0] * m4 + c[2] * m5 + c[4];
    out[5] = c[1] * m4 + c[3] * m5 + c[5];
  }

  /** One run of codes (a Tj string, or a TJ run up to a number), then `extra` (the number, in text space). */
  show(st: State, chars: string, extra: number): void {
    const font = st.font;
    if (!font) notDirect('text shown without a font');
    if (chars.length === 0) {
      const e = st.charSpacing + extra;
      if (e) translate(st.textMatrix, e * st.hScale, 0);
      return;
    }
    if (font.twoByte && chars.length % 2 !== 0) notDirect('an odd number of bytes in a two-byte font');
    const step = font.twoByte ? 2 : 1;
    const scale = 0.001 * st.fontSize;
    for (let i = 0; i < chars.length; i += step) {
      const code = step === 2 ? (chars.charCodeAt(i) << 8) | chars.charCodeAt(i + 1) : chars.charCodeAt(i);
      const g = font.glyphs.get(code);
      if (!g) notDirect(`code ${code} has no text or no width in its font`);
      if (g.category === FORMAT_MARK) continue;
      let spacing = st.charSpacing + (i + step >= chars.length ? extra : 0);
      let w = g.width * scale;
      if (g.category === WHITESPACE) {
        spacing += w + st.wordSpacing;
        translate(st.textMatrix, spacing * st.hScale, 0);
        this.saveLastChar(' ');
        continue;
      }
      if (g.category !== DIACRITIC && !this.compareWithLastPosition(st, w)) {
        translate(st.textMatrix, w * st.hScale, 0);
        continue;
      }
      this.ensure(st);
      if (g.category === DIACRITIC) w = 0;
      w *= st.hScale;
      translate(st.textMatrix, w, 0);
      this.width += w;
      if (w) {
        this.currentInto(st, this.prev);
        this.hasPrev = true;
      }
      if (this.saveLastChar(g.unicode)) this.str.push(' ');
      this.str.push(g.unicode);
      if (spacing) translate(st.textMatrix, spacing * st.hScale, 0);
    }
  }

  private ensure(st: State): void {
    if (this.initialized) return;
    this.currentInto(st, this.here);
    const t = (this.transform = this.here.slice() as Matrix);
    this.width = this.totalWidth = 0;
    this.height = Math.hypot(t[2], t[3]);
    this.textAdvanceScale = Math.hypot(st.textLineMatrix[0], st.textLineMatrix[1]) * Math.hypot(st.ctm[0], st.ctm[1]);
    const s = st.fontSize;
    this.trackingSpaceMin = 0.102 * s;
    this.notASpace = 0.03 * s;
    this.negativeSpaceMax = -0.2 * s;
    this.spaceInFlowMin = 0.102 * s;
    this.spaceInFlowMax = 0.6 * s;
    this.initialized = true;
  }

  updateAdvanceScale(st: State): void {
    if (!this.initialized) return;
    const s = Math.hypot(st.textLineMatrix[0], st.textLineMatrix[1]) * Math.hypot(st.ctm[0], st.ctm[1]);
    if (s !== this.textAdvanceScale) {
      this.totalWidth += this.width * this.textAdvanceScale;
      this.width = 0;
      this.textAdvanceScale = s;
    }
  }

  private compareWithLastPosition(st: State, glyphWidth: number): boolean {
    const t = this.here;
    this.currentInto(st, t);
    let px = t[4]!, py = t[5]!;
    const v = this.view;
    if (px + glyphWidth < v[0] || px > v[2] || py < v[1] || py > v[3]) return false;
    if (!this.hasPrev) return true;
    const prev = this.prev;
    let lx = prev[4]!, ly = prev[5]!;
    if (lx === px && ly === py) return true;
    let rotate = -1;
    if (t[0] && t[1] === 0 && t[2] === 0) rotate = t[0] > 0 ? 0 : 180;
    else if (t[1] && t[0] === 0 && t[3] === 0) rotate = t[1] > 0 ? 90 : 270;
    switch (rotate) {
      case 0:
        break;
      case 90:
        [px, py] = [py, px];
        [lx, ly] = [ly, lx];
        break;
      case 180:
        [px, py, lx, ly] = [-px, -py, -lx, -ly];
        break;
      case 270:
        [px, py] = [-py, -px];
        [lx, ly] = [-ly, -lx];
        break;
      default:
        [px, py] = inverseRotation(px, py, t);
        [lx, ly] = inverseRotation(lx, ly, prev);
    }
    const advance = (px - lx) / this.textAdvanceScale;
    const shift = py - ly;
    const sign = Math.sign(this.width);
    if (advance < sign * this.negativeSpaceMax) {
      if (Math.abs(shift) > 0.5 * this.height) this.appendEOL();
      else {
        this.resetLastChars();
        this.flush();
      }
      return true;
    }
    if (Math.abs(shift) > this.height) {
      this.appendEOL();
      return true;
    }
    if (advance <= sign * this.notASpace) this.resetLastChars();
    if (advance <= sign * this.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
      } else this.width += advance;
    } else if (!this.addFakeSpaces(advance, sign)) {
      if (this.str.length === 0) this.resetLastChars();
      else this.width += advance;
    }
    if (Math.abs(shift) > 0.25 * this.height) this.flush();
    return true;
  }

  private addFakeSpaces(advance: number, sign: number): boolean {
    if (sign * this.spaceInFlowMin <= advance && advance <= sign * this.spaceInFlowMax) {
      if (this.initialized) {
        this.resetLastChars();
        this.str.push(' ');
      }
      return false;
    }
    this.flush();
    this.resetLastChars();
    return true;
  }

  private appendEOL(): void {
    this.resetLastChars();
    if (this.initialized) this.flush();
  }

  private saveLastChar(c: string): boolean {
    const other = (this.lastIndex + 1) % 2;
    const add = this.lastChars[this.lastIndex] !== ' ' && this.lastChars[other] === ' ';
    this.lastChars[this.lastIndex] = c;
    this.lastIndex = other;
    return add;
  }

  private shouldAddWhitespace(): boolean {
    return this.lastChars[this.lastIndex] !== ' ' && this.lastChars[(this.lastIndex + 1) % 2] === ' ';
  }

  private resetLastChars(): void {
    this.lastChars[0] = this.lastChars[1] = ' ';
    this.lastIndex = 0;
  }

  flush(): void {
    if (!this.initialized || this.str.length === 0) return;
    this.totalWidth += this.width * this.textAdvanceScale;
    const str = this.str.join('');
    const plain = isPlainText(str);
    if (!plain && RTL.test(str)) notDirect('right-to-left text');
    // pdf.js normalises a run of U+FB05 by looking the whole run up in a map of one character: "undefined".
    if (!plain && str.includes('\ufb05\ufb05')) notDirect('U+FB05 twice in a row');
    this.out.push({ str: plain ? str : normalize(str), width: Math.abs(this.totalWidth), height: Math.abs(this.height), transform: this.transform });
    this.initialized = false;
    this.str = [];
  }
}

function inverseRotation(x: number, y: number, m: readonly number[]): [number, number] {
  const d = Math.hypot(m[0]!, m[1]!);
  return [(m[0]! * x + m[1]! * y) / d, (m[2]! * x + m[3]! * y) / d];
}

