// The geometry of a PDF's text, without pdf.js: positioned text runs and drawn rules in, the report's lines and
// table rows out, each with the page and box it came from. pdf.ts turns pdf.js output into these inputs.
//
// Coordinates are "layout space": PDF units, origin at the bottom left of the page as displayed (rotation and
// the media box origin already applied by the caller), y growing upwards. A run's baseline is at `y`.
//
// What a published report's PDF needs (FORMATS.md, FORMAT.md §4):
//  - page numbers ("-3-", "— 4 —", "第 3 页 共 6 页") and running headers/footers are not report text;
//  - body lines of a paragraph are joined (a line that reaches the right margin continues), headings stay alone;
//  - tables: a cell's text is everything inside the cell the drawn rules enclose, so a label wrapped over three
//    lines, or "三、本年度办理结果" written one character per line down a merged cell, is one cell, and the numbers
//    of a row are found by the row's band, whatever baseline they sit on. Tables without rules fall back to
//    bands between the baselines of the lines that carry numbers.

export type Box = readonly [x0: number, y0: number, x1: number, y1: number];

/** One run of text as pdf.js gives it, in layout space. */
export interface PdfTextRun {
  readonly str: string;
  /** Left end of the baseline. */
  readonly x: number;
  /** The baseline. */
  readonly y: number;
  /** Advance along the baseline. */
  readonly width: number;
  /** Font size (em height). */
  readonly size: number;
  /** The run's box when it is not upright text (rotated runs); otherwise derived from x, y, width and size. */
  readonly box?: Box;
}

/** A drawn line or a thin filled rectangle (table rules), as its box in layout space. */
export type PdfRule = Box;

export interface PdfPageContent {
  /** 1-based. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly runs: readonly PdfTextRun[];
  /** Undefined when the page's drawing was not read (no table expected): tables then come from text bands. */
  readonly rules: readonly PdfRule[] | undefined;
}

/** A piece of rendered text and where it came from. */
export interface PlacedText {
  readonly text: string;
  readonly page: number;
  readonly box: Box;
}

/** Where a row drawn with rules sits in its grid: the column boundaries, and which columns a cell to their left covers. */
export interface RowGrid {
  readonly xs: readonly number[];
  /** Per atomic column: true when it belongs to a cell that starts further left (a horizontal merge). */
  readonly covered: readonly boolean[];
}

/** A table cell's text: one piece, or one per page when a page break splits the row. */
export type CellText = readonly PlacedText[];

export type LayoutBlock =
  /** One line of rendered text: a paragraph, its lines as pieces (joined as written, no separator added). */
  | { readonly kind: 'paragraph'; readonly pieces: readonly PlacedText[] }
  /** One table row: the cells in column order; undefined is an empty cell (a merge or a blank cell). */
  | { readonly kind: 'row'; readonly cells: readonly (CellText | undefined)[]; readonly grid?: RowGrid }
  /** A blank line: before and after a table. */
  | { readonly kind: 'blank' };

// ----------------------------------------------------------------------------------------------------------------
// Text of a run

/** Characters some producers map glyphs to instead of the ideograph (Kangxi radicals, compatibility ideographs). */
const LOOKALIKE_IDEOGRAPHS = /[\u2F00-\u2FDF\uF900-\uFAFF]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Any character of the three classes above. */
const RUN_TEXT_ODDITY = /[\u2F00-\u2FDF\uF900-\uFAFF\u00A0\u2000-\u200A\u202F\u205F\u3000\u200B-\u200D\u2060\uFEFF\u00AD]/;

/**
 * A run's text as the engine should read it: Kangxi radicals and CJK compatibility ideographs become the
 * ideographs they look like (NFKC does exactly this for these two blocks), odd spaces are spaces, invisible
 * characters go.
 */
export function normalizeRunText(s: string): string {
  // Most runs hold none of these: one scan decides, instead of three.
  if (!RUN_TEXT_ODDITY.test(s)) return s;
  let t = s;
  if (LOOKALIKE_IDEOGRAPHS.test(t)) t = t.replace(LOOKALIKE_IDEOGRAPHS, (c) => c.normalize('NFKC'));
  LOOKALIKE_IDEOGRAPHS.lastIndex = 0;
  return t.replace(ODD_SPACES, ' ').replace(INVISIBLE, '');
}

// ----------------------------------------------------------------------------------------------------------------
// Runs and lines

/** A run ready for layout: trimmed text, its box and centre. */
interface Run {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly baseline: number;
  readonly size: number;
}

/** A visual line: runs on (about) one baseline, left to right. */
interface Line {
  readonly runs: Run[];
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly baseline: number;
  readonly size: number;
}

// CJK fonts put about 0.88 em above the baseline and 0.12 below; Latin fonts 0.75/0.25. Between the two.
const ASCENT = 0.85;
const DESCENT = 0.15;

function toRun(r: PdfTextRun): Run | undefined {
  const text = normalizeRunText(r.str).trim();
  if (text === '' || !Number.isFinite(r.x + r.y + r.width + r.size)) return undefined;
  if (r.box) {
    const [x0, y0, x1, y1] = r.box;
    const size = Math.max(0.1, Math.min(x1 - x0, y1 - y0));
    return { text, x0, x1, y0, y1, baseline: y1 - ASCENT * size, size };
  }
  const size = Math.max(0.1, Math.abs(r.size));
  const w = Math.max(0, r.width);
  return { text, x0: r.x, x1: r.x + w, y0: r.y - DESCENT * size, y1: r.y + ASCENT * size, baseline: r.y, size };
}

const LATIN_END = /[A-Za-z0-9.,;:%)\]]$/;
const LATIN_START = /^[A-Za-z0-9(\[]/;

/** Runs into lines: grouped by baseline (within 0.4 em), each line left to right, gaps wider than 0.25 em a space. */
function buildLines(runs: readonly Run[]): Line[] {
  const sorted = runs.slice().sort((a, b) => b.baseline - a.baseline || a.x0 - b.x0);
  const lines: Line[] = [];
  let group: Run[] = [];
  let ref = 0;
  let refSize = 0;
  for (const r of sorted) {
    if (group.length > 0 && Math.abs(r.baseline - ref) <= 0.4 * Math.max(refSize, Math.min(r.size, refSize * 2))) {
      group.push(r);
      continue;
    }
    if (group.length > 0) lines.push(makeLine(group));
    group = [r];
    ref = r.baseline;
    refSize = r.size;
  }
  if (group.length > 0) lines.push(makeLine(group));
  return lines;
}

function makeLine(runs: Run[]): Line {
  runs.sort((a, b) => a.x0 - b.x0);
  const texts = spliceFallbackGlyphs(runs);
  let text = '';
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, sizeSum = 0, chars = 0;
  let prev: Run | undefined;
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    const t = texts[i]!;
    if (t === '') continue;
    if (prev) {
      const gap = r.x0 - prev.x1;
      if (gap > 0.25 * Math.min(prev.size, r.size) && !text.endsWith(' ')) text += ' ';
    }
    text += t;
    x0 = Math.min(x0, r.x0); x1 = Math.max(x1, r.x1); y0 = Math.min(y0, r.y0); y1 = Math.max(y1, r.y1);
    sizeSum += r.size * r.text.length;
    chars += r.text.length;
    prev = r;
  }
  // The line's size is the size most of its characters have: a run of small digits does not shrink a heading.
  const size = sizeSum / Math.max(1, chars);
  const baseline = runs.reduce((b, r) => (r.text.length > 1 || runs.length === 1 ? Math.max(b, r.baseline) : b), -Infinity);
  return { runs, text, x0, x1, y0, y1, baseline: Number.isFinite(baseline) ? baseline : runs[0]!.baseline, size };
}

/** Full-width characters (CJK, full-width forms) advance 1 em; others about half. */
function advance(c: number): number {
  return c >= 0x2e80 ? 1 : 0.5;
}

/**
 * The runs' texts with glyphs drawn from a fallback font put back where they are drawn. LibreOffice writes
 * "危及“三安全一稳定”" as the CJK run "及 三安全一" (a space where the quote goes) plus the quote as a separate
 * run in another font, positioned over that space. A short run whose centre lies inside a longer run that has a
 * space replaces the space nearest to it (positions estimated from the characters' advances); its own text then
 * becomes empty.
 */
function spliceFallbackGlyphs(runs: readonly Run[]): string[] {
  const texts = runs.map((r) => r.text);
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    if (r.text.length > 2 || r.text.includes(' ')) continue;
    const cx = (r.x0 + r.x1) / 2;
    for (let j = 0; j < runs.length; j++) {
      const host = runs[j]!;
      const t = texts[j]!;
      if (j === i || !(host.x0 < cx && cx < host.x1) || !t.includes(' ')) continue;
      let best = -1, bestDistance = Infinity, x = host.x0;
      for (let k = 0; k < t.length; k++) {
        const c = t.charCodeAt(k);
        if (c === 32) {
          const d = Math.abs(x - r.x0);
          if (d < bestDistance) {
            best = k;
            bestDistance = d;
          }
        } else x += advance(c) * host.size;
      }
      if (best < 0) continue;
      texts[j] = t.slice(0, best) + r.text + t.slice(best + 1);
      texts[i] = '';
      break;
    }
  }
  return texts;
}

/** Joins the lines of one cell or paragraph: no separator between CJK characters, a space between Latin words. */
function joinTexts(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return LATIN_END.test(a) && LATIN_START.test(b) ? `${a} ${b}` : a + b;
}

function boxOf(items: readonly { x0: number; y0: number; x1: number; y1: number }[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const i of items) {
    if (i.x0 < x0) x0 = i.x0;
    if (i.y0 < y0) y0 = i.y0;
    if (i.x1 > x1) x1 = i.x1;
    if (i.y1 > y1) y1 = i.y1;
  }
  return [round2(x0), round2(y0), round2(x1), round2(y1)];
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

// ----------------------------------------------------------------------------------------------------------------
// Page furniture

const PAGE_NUMBER_TEXTS = [
  /^[-‐‑‒–—―－~～_·•.]*\d{1,4}[-‐‑‒–—―－~～_·•.]*$/, // 3, -3-, — 4 —, ·5·
  /^第\d{1,4}页(?:[,，/]?共\d{1,4}页)?$/, // 第3页, 第 3 页 共 6 页
  /^共\d{1,4}页[,，]?第\d{1,4}页$/,
  /^\d{1,4}\/\d{1,4}$/, // 3/6
  /^page\d{1,4}(?:of\d{1,4})?$/i,
];

/** Whether a line's text is a page number, whatever its dashes and spaces. */
export function isPageNumberText(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length > 0 && t.length <= 16 && PAGE_NUMBER_TEXTS.some((re) => re.test(t));
}

/** Top and bottom margins where page numbers and running headers live, as fractions of the page height. */
const HEADER_ZONE = 0.1;
const FOOTER_ZONE = 0.12;

function inMarginZone(line: Line, pageHeight: number): boolean {
  return line.y0 >= (1 - HEADER_ZONE) * pageHeight || line.y1 <= FOOTER_ZONE * pageHeight;
}

/**
 * Lines that are page furniture: page numbers in the top or bottom margin, and lines repeated in the margins of
 * several pages at the same height (running headers and footers; digits count as equal, "第3页" is "第4页").
 */
function findFurniture(pages: readonly { page: PdfPageContent; lines: Line[] }[]): Set<Line> {
  const out = new Set<Line>();
  const repeated = new Map<string, { line: Line; page: number }[]>();
  for (const { page, lines } of pages) {
    for (const line of lines) {
      if (!inMarginZone(line, page.height)) continue;
      if (isPageNumberText(line.text)) {
        out.add(line);
        continue;
      }
      const key = line.text.replace(/\s+/g, '').replace(/\d+/g, '#');
      if (key.length > 80) continue;
      let list = repeated.get(key);
      if (!list) repeated.set(key, (list = []));
      list.push({ line, page: page.page });
    }
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const list of repeated.values()) {
    if (new Set(list.map((l) => l.page)).size < needed) continue;
    // Same height on the pages: the most common baseline, to 4 units.
    const byY = new Map<number, number>();
    for (const l of list) byY.set(Math.round(l.line.baseline / 4), (byY.get(Math.round(l.line.baseline / 4)) ?? 0) + 1);
    for (const l of list) {
      const k = Math.round(l.line.baseline / 4);
      const near = (byY.get(k) ?? 0) + (byY.get(k - 1) ?? 0) + (byY.get(k + 1) ?? 0);
      if (near >= needed) out.add(l.line);
    }
  }
  return out;
}

// ----------------------------------------------------------------------------------------------------------------
// Tables from drawn rules

/** The rule geometry tolerances, in PDF units. */
const THIN = 2.5; // thicker than this is a filled area, not a rule
const SNAP = 2; // rules closer than this are one line; rules meet when they come this close

interface Segment {
  /** Position across the segment (y of a horizontal rule, x of a vertical one). */
  at: number;
  /** Extent along it. */
  from: number;
  to: number;
}

/** A grid of cells found from the rules: atomic columns and rows, and the merged cells over them. */
interface Grid {
  /** Column boundaries, left to right. */
  readonly xs: readonly number[];
  /** Row boundaries, top to bottom (descending y). */
  readonly ys: readonly number[];
  /** For each atomic cell (row-major), the index of its merged cell in `cells`. */
  readonly owner: Int32Array;
  readonly cells: GridCell[];
}

interface GridCell {
  readonly row: number;
  readonly col: number;
  runs: Run[];
}

/** Pages with more rules than this are drawings, not tables: their rules are not used. */
const MAX_RULES = 4000;
const MAX_GRID_LINES = 400;

function mergeSegments(list: Segment[]): Segment[] {
  list.sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  // Segments on one line (positions within SNAP/2) that touch or overlap become one.
  for (const s of list) {
    let merged = false;
    for (let i = out.length - 1; i >= 0; i--) {
      const o = out[i]!;
      if (s.at - o.at > SNAP / 2) break;
      if (s.from <= o.to + SNAP && s.to >= o.from - SNAP) {
        o.from = Math.min(o.from, s.from);
        o.to = Math.max(o.to, s.to);
        merged = true;
        break;
      }
    }
    if (!merged) out.push({ at: s.at, from: s.from, to: s.to });
  }
  return out;
}

/** Positions within SNAP of each other, as one position each (their mean). */
function clusterPositions(values: number[]): number[] {
  values.sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0, n = 0, last = -Infinity;
  for (const v of values) {
    if (n > 0 && v - last > SNAP) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
    last = v;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/** The table grids the rules of a page draw. Rules that meet belong to one grid. */
export function findGrids(rules: readonly PdfRule[]): Grid[] {
  if (rules.length === 0 || rules.length > MAX_RULES) return [];
  const hs: Segment[] = [];
  const vs: Segment[] = [];
  for (const [x0, y0, x1, y1] of rules) {
    const w = x1 - x0, h = y1 - y0;
    if (!(w >= 0 && h >= 0)) continue;
    if (h <= THIN && w > THIN) hs.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
    else if (w <= THIN && h > THIN) vs.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
  }
  const H = mergeSegments(hs);
  const V = mergeSegments(vs);
  if (H.length < 2 || V.length < 2) return [];
  // Rules that cross or touch are connected; each connected set is one grid.
  const parent = new Int32Array(H.length + V.length).map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < H.length; i++) {
    const h = H[i]!;
    for (let j = 0; j < V.length; j++) {
      const v = V[j]!;
      if (v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP) {
        const a = find(i), b = find(H.length + j);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  for (let i = 0; i < H.length + V.length; i++) {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    if (i < H.length) g.h.push(H[i]!);
    else g.v.push(V[i - H.length]!);
  }
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const grid = gridOf(g.h, g.v);
    if (grid) grids.push(grid);
  }
  return grids;
}

function gridOf(h: readonly Segment[], v: readonly Segment[]): Grid | undefined {
  const xs = clusterPositions(v.map((s) => s.at));
  const ys = clusterPositions(h.map((s) => s.at)).reverse();
  const cols = xs.length - 1, rows = ys.length - 1;
  // A single cell is a frame around text, not a table; a single column is a list of boxes, read as text.
  if (cols < 2 || rows < 1 || cols > MAX_GRID_LINES || rows > MAX_GRID_LINES) return undefined;
  // Union atomic cells that no rule separates: a merged cell.
  const n = rows * cols;
  const parent = new Int32Array(n).map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a), rb = find(b);
    // The root is the top-left atomic cell of the merge (smallest index), where its text is written.
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  };
  const covered = (segs: readonly Segment[], at: number, mid: number): boolean =>
    segs.some((s) => Math.abs(s.at - at) <= SNAP && s.from - SNAP <= mid && s.to + SNAP >= mid);
  for (let r = 0; r < rows; r++) {
    const midY = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c + 1 < cols; c++) if (!covered(v, xs[c + 1]!, midY)) union(r * cols + c, r * cols + c + 1);
  }
  for (let c = 0; c < cols; c++) {
    const midX = (xs[c]! + xs[c + 1]!) / 2;
    for (let r = 0; r + 1 < rows; r++) if (!covered(h, ys[r + 1]!, midX)) union(r * cols + c, (r + 1) * cols + c);
  }
  const owner = new Int32Array(n);
  const cells: GridCell[] = [];
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let k = index.get(root);
    if (k === undefined) {
      k = cells.length;
      index.set(root, k);
      cells.push({ row: Math.floor(root / cols), col: root % cols, runs: [] });
    }
    owner[i] = k;
  }
  return { xs, ys, owner, cells };
}

/** Index i with sorted[i] <= v < sorted[i + 1] (ascending), or -1 outside. */
function bandAscending(sorted: readonly number[], v: number): number {
  if (v < sorted[0]! || v > sorted[sorted.length - 1]!) return -1;
  let lo = 0, hi = sorted.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index i with sorted[i] >= v > sorted[i + 1] (descending), or -1 outside. */
function bandDescending(sorted: readonly number[], v: number): number {
  if (v > sorted[0]! || v < sorted[sorted.length - 1]!) return -1;
  let lo = 0, hi = sorted.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! >= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Puts a run into the grid cell that holds its centre; false when the centre is outside the grid. */
function placeInGrid(grid: Grid, run: Run): boolean {
  const c = bandAscending(grid.xs, (run.x0 + run.x1) / 2);
  if (c < 0) return false;
  const r = bandDescending(grid.ys, (run.y0 + run.y1) / 2);
  if (r < 0) return false;
  grid.cells[grid.owner[r * (grid.xs.length - 1) + c]!]!.runs.push(run);
  return true;
}

/** The text of a cell: its lines top to bottom, joined. */
function cellText(runs: readonly Run[], page: number): PlacedText | undefined {
  if (runs.length === 0) return undefined;
  let text = '';
  for (const line of buildLines(runs)) text = joinTexts(text, line.text);
  return { text, page, box: boxOf(runs) };
}

/** A grid's rows as blocks: each atomic row one line; a merged cell's text in its top-left atomic cell. */
function gridRows(grid: Grid, page: number): { top: number; block: LayoutBlock }[] {
  const cols = grid.xs.length - 1, rows = grid.ys.length - 1;
  const out: { top: number; block: LayoutBlock }[] = [];
  const texts = grid.cells.map((c) => cellText(c.runs, page));
  for (let r = 0; r < rows; r++) {
    const cells: (CellText | undefined)[] = [];
    const covered: boolean[] = [];
    let last = -1;
    for (let c = 0; c < cols; c++) {
      const k = grid.owner[r * cols + c]!;
      const cell = grid.cells[k]!;
      const text = cell.row === r && cell.col === c ? texts[k] : undefined;
      cells.push(text && [text]);
      covered.push(cell.col < c);
      if (text) last = c;
    }
    if (last < 0) continue;
    cells.length = last + 1;
    out.push({ top: grid.ys[r]!, block: { kind: 'row', cells, grid: { xs: grid.xs, covered } } });
  }
  return out;
}

// ----------------------------------------------------------------------------------------------------------------
// Tables from text alone (no rules drawn, or the drawing not read)

interface Chunk {
  readonly runs: Run[];
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
}

const NUMERIC_CELL = /^(?:[-+]?\d[\d,，]*(?:\.\d+)?%?|\/|／|—|--|－)$/;

/** A line's chunks: runs separated by gaps of more than 1.2 em are different cells. */
function chunksOf(line: Line): Chunk[] {
  const out: Chunk[] = [];
  let runs: Run[] = [];
  let prev: Run | undefined;
  const flush = (): void => {
    if (runs.length === 0) return;
    let text = '';
    let p: Run | undefined;
    for (const r of runs) {
      text += p && r.x0 - p.x1 > 0.25 * r.size && !text.endsWith(' ') ? ` ${r.text}` : r.text;
      p = r;
    }
    out.push({ runs, text, x0: runs[0]!.x0, x1: runs[runs.length - 1]!.x1 });
    runs = [];
  };
  for (const r of line.runs) {
    if (prev && r.x0 - prev.x1 > 1.2 * Math.max(prev.size, r.size)) flush();
    runs.push(r);
    prev = r;
  }
  flush();
  return out;
}

/** Whether a line looks like a table row: several cells, the last one a number. */
function isValueLine(chunks: readonly Chunk[]): boolean {
  return chunks.length >= 2 && NUMERIC_CELL.test(chunks[chunks.length - 1]!.text.replace(/\s+/g, ''));
}

/**
 * Whether a page's text has a table row (a line of several cells ending in a number): its rules are worth
 * reading. One is enough: a table that starts at the foot of a page may show a single row there.
 */
export function pageHasTableText(runs: readonly PdfTextRun[]): boolean {
  const ready: Run[] = [];
  for (const r of runs) {
    const run = toRun(r);
    if (run) ready.push(run);
  }
  for (const line of buildLines(ready)) if (isValueLine(chunksOf(line))) return true;
  return false;
}

/**
 * Table rows from text bands, for tables without rules: each line that ends in numbers is a row; the lines
 * between two such rows go to the nearer one (a label wrapped around its numbers), lines with several cells and
 * no numbers before the first row are header rows. A cell is a chunk; chunks of the same row are ordered by x.
 */
function textTables(lines: readonly Line[], page: number, used: Set<Line>): { top: number; block: LayoutBlock }[] {
  const out: { top: number; block: LayoutBlock }[] = [];
  const chunks = lines.map(chunksOf);
  let widest = 0;
  for (const l of lines) widest = Math.max(widest, l.x1 - l.x0);
  // A short line (under a third of the widest line): a label fragment, not prose.
  const isLabelish = (line: Line): boolean => line.x1 - line.x0 <= widest / 3 + line.size;
  let i = 0;
  while (i < lines.length) {
    if (!isValueLine(chunks[i]!)) {
      i++;
      continue;
    }
    // A region: value lines, with at most two lines of label text between consecutive ones, none wider than a
    // third of the page's text (prose is not a label).
    let end = i;
    let j = i + 1;
    while (j < lines.length) {
      let k = j;
      while (k < lines.length && k - j < 3 && !isValueLine(chunks[k]!) && isLabelish(lines[k]!)) k++;
      if (k < lines.length && isValueLine(chunks[k]!)) {
        end = k;
        j = k + 1;
      } else break;
    }
    // Label lines wrapped around the first and the last row's numbers (within 1.6 em of their baselines).
    const wrapped = (k: number, anchor: number): boolean =>
      !isValueLine(chunks[k]!) && chunks[k]!.length === 1 && isLabelish(lines[k]!) &&
      Math.abs(lines[k]!.baseline - lines[anchor]!.baseline) <= 1.6 * lines[anchor]!.size;
    let first = i;
    while (first > 0 && !used.has(lines[first - 1]!) && wrapped(first - 1, i)) first--;
    let last = end;
    while (last + 1 < lines.length && wrapped(last + 1, end)) last++;
    // Header lines directly above: several cells, no numbers at the end.
    let start = first;
    while (start > 0 && !used.has(lines[start - 1]!) && chunks[start - 1]!.length >= 2 && !isValueLine(chunks[start - 1]!) && lines[start - 1]!.baseline - lines[start]!.baseline <= 3 * lines[start]!.size) start--;
    // Only two or more value lines make a table.
    let values = 0;
    for (let k = i; k <= end; k++) if (isValueLine(chunks[k]!)) values++;
    if (values < 2) {
      i = end + 1;
      continue;
    }
    for (let k = start; k < first; k++) {
      out.push({ top: lines[k]!.y1, block: { kind: 'row', cells: chunks[k]!.map((c) => [{ text: c.text, page, box: boxOf(c.runs) }]) } });
      used.add(lines[k]!);
    }
    // Bands: each value line owns the label lines nearer to it than to the neighbouring value lines.
    const anchors: number[] = [];
    for (let k = i; k <= end; k++) if (isValueLine(chunks[k]!)) anchors.push(k);
    const members = new Map<number, number[]>(anchors.map((a) => [a, [a]]));
    let a = 0;
    for (let k = first; k <= last; k++) {
      if (members.has(k)) continue;
      while (a + 1 < anchors.length && anchors[a + 1]! < k) a++;
      const above = anchors[a]! < k ? anchors[a] : undefined;
      const below = anchors[a]! > k ? anchors[a] : anchors[a + 1];
      const y = lines[k]!.baseline;
      const owner = above === undefined ? below! : below === undefined || Math.abs(lines[above]!.baseline - y) <= Math.abs(y - lines[below]!.baseline) ? above : below;
      members.get(owner)!.push(k);
    }
    for (const anchor of anchors) {
      const rowLines = members.get(anchor)!.sort((p, q) => p - q);
      const labelChunks: Chunk[] = [];
      const valueChunks: Chunk[] = [];
      for (const k of rowLines) {
        used.add(lines[k]!);
        for (const c of chunks[k]!) (k === anchor && NUMERIC_CELL.test(c.text.replace(/\s+/g, '')) ? valueChunks : labelChunks).push(c);
      }
      const cells = [...labelCells(labelChunks, page), ...valueChunks.sort((p, q) => p.x0 - q.x0).map((c) => ({ text: c.text, page, box: boxOf(c.runs) }))];
      out.push({ top: Math.max(...rowLines.map((k) => lines[k]!.y1)), block: { kind: 'row', cells: cells.map((c) => [c]) } });
    }
    i = last + 1;
  }
  return out;
}


/** Label chunks of one row, in columns by x overlap, each column's text top to bottom. */
function labelCells(chunks: Chunk[], page: number): PlacedText[] {
  chunks.sort((a, b) => a.x0 - b.x0);
  const columns: Chunk[][] = [];
  for (const c of chunks) {
    const col = columns[columns.length - 1];
    const right = col ? Math.max(...col.map((k) => k.x1)) : -Infinity;
    if (col && c.x0 < right) col.push(c);
    else columns.push([c]);
  }
  return columns.map((col) => {
    const runs = col.flatMap((c) => c.runs);
    let text = '';
    for (const line of buildLines(runs)) text = joinTexts(text, line.text);
    return { text, page, box: boxOf(runs) };
  });
}

/** Whether a cell holds a number (or a blank marker): a value, not a label. */
function isValueCell(cell: CellText | undefined): boolean {
  return cell !== undefined && cell.length === 1 && NUMERIC_CELL.test(cell[0]!.text.replace(/\s+/g, ''));
}

/**
 * A row a page break split: the first row of a table on a new page that holds only label text, each piece of
 * it under a label cell of the last row of the previous page, which holds numbers, is the rest of that row
 * ("2. 申请人逾期未按收费" / "通知要求缴纳费用、…"). Both parts must be drawn on the same columns, and the new part
 * must have a cell of its own under each number of the old part (its number cells, empty). Returns the joined
 * row, or undefined when the row is its own: a repeated header row has text over the number columns, a row of
 * its own has numbers, and a section row ("第二十条第（五）项") is one cell across the number columns.
 */
function continuedRow(previous: LayoutBlock & { kind: 'row' }, next: LayoutBlock & { kind: 'row' }, page: number): LayoutBlock | undefined {
  const lastPage = previous.cells.find((c) => c)?.[0]?.page;
  if (lastPage === undefined || lastPage >= page || !previous.cells.some(isValueCell)) return undefined;
  const a = previous.grid, b = next.grid;
  if (!a || !b || a.xs.length !== b.xs.length || a.xs.some((x, i) => Math.abs(x - b.xs[i]!) > 3)) return undefined;
  for (let i = 0; i < previous.cells.length; i++) if (isValueCell(previous.cells[i]) && b.covered[i]) return undefined;
  const cells = previous.cells.slice();
  for (const cell of next.cells) {
    if (!cell) continue;
    if (isValueCell(cell)) return undefined;
    const [x0, , x1] = cell[0]!.box;
    let best = -1, overlap = 0;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (!c) continue;
      const o = Math.min(x1, c[0]!.box[2]) - Math.max(x0, c[0]!.box[0]);
      if (o > overlap) {
        best = i;
        overlap = o;
      }
    }
    if (best < 0 || isValueCell(cells[best])) return undefined;
    const target = cells[best]!;
    const joined = joinTexts(target[target.length - 1]!.text, cell[0]!.text);
    const sep = joined.length > target[target.length - 1]!.text.length + cell[0]!.text.length ? ' ' : '';
    cells[best] = [...target, ...cell.map((p, i) => (i === 0 && sep ? { ...p, text: sep + p.text } : p))];
  }
  return { kind: 'row', cells, grid: a };
}

// ----------------------------------------------------------------------------------------------------------------
// Paragraphs

/** Part headings and numbered sub-headings start a paragraph; a short one stands alone. */
const HEADING_START = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[部章节])/;

interface Metrics {
  readonly bodySize: number;
  readonly left: number;
  readonly right: number;
}

/** Body font size (most characters), left margin (most common start) and right margin (most common end of full lines). */
function metricsOf(lines: readonly Line[]): Metrics {
  const sizes = new Map<number, number>();
  for (const l of lines) sizes.set(Math.round(l.size * 2) / 2, (sizes.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  const bodySize = modeKey(sizes) ?? 12;
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  let maxEnd = 0;
  for (const l of lines) {
    if (Math.abs(l.size - bodySize) > 0.15 * bodySize) continue;
    starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
    if (l.text.length >= 10) ends.set(Math.round(l.x1), (ends.get(Math.round(l.x1)) ?? 0) + 1);
    maxEnd = Math.max(maxEnd, l.x1);
  }
  const left = modeKey(starts) ?? 0;
  // Justified text ends every full line at the margin: the most common end, if it is near the widest line.
  const commonEnd = modeKey(ends);
  const right = commonEnd !== undefined && commonEnd >= maxEnd - 3 * bodySize ? Math.max(commonEnd, maxEnd - bodySize) : maxEnd;
  return { bodySize, left, right };
}

function modeKey(m: Map<number, number>): number | undefined {
  let best: number | undefined, n = 0;
  for (const [k, v] of m) {
    if (v > n || (v === n && best !== undefined && k < best)) {
      best = k;
      n = v;
    }
  }
  return best;
}

interface FlowLine {
  readonly line: Line;
  readonly page: number;
}

/** Whether `next` continues the paragraph `prev` ends with. */
function continues(prev: FlowLine, next: FlowLine, m: Metrics): boolean {
  const a = prev.line, b = next.line;
  if (HEADING_START.test(b.text)) return false;
  if (Math.abs(a.size - b.size) > 0.15 * Math.max(a.size, b.size)) return false;
  const large = a.size > 1.15 * m.bodySize;
  if (prev.page === next.page) {
    const gap = a.baseline - b.baseline;
    if (gap <= 0 || gap > (large ? 2.5 : 2.2) * a.size) return false;
  }
  // Titles: lines in a large size, one under the other, are one title whatever their alignment.
  if (large) return prev.page === next.page;
  if (HEADING_START.test(a.text) && a.x1 < m.right - 2 * a.size) return false;
  // A line that stops short of the right margin ends its paragraph; a line indented from the left margin starts one.
  if (a.x1 < m.right - 1.5 * a.size) return false;
  return b.x0 <= m.left + 0.8 * b.size;
}

// ----------------------------------------------------------------------------------------------------------------
// The document

/** A page's runs placed: in the table grids its rules draw (as rows), or in lines of flowing text. */
interface PageLayout {
  readonly page: PdfPageContent;
  readonly lines: Line[];
  readonly rows: { top: number; block: LayoutBlock }[];
}

/**
 * Lays out the pages of a document: page furniture dropped, tables (from rules, else from text bands) as rows,
 * the rest as paragraphs joined across lines and pages. Blocks come in reading order: top to bottom on each page.
 */
export function layoutDocument(pages: readonly PdfPageContent[]): LayoutBlock[] {
  // Kept small on purpose, the work in functions of its own: V8 optimised the whole of this function with
  // everything it calls inlined, a compile of 100 ms and more in every reader thread, for a function run once a file.
  const perPage = pages.map(layoutPage);
  const furniture = findFurniture(perPage);
  const metrics = metricsOf(perPage.flatMap((p) => p.lines.filter((l) => !furniture.has(l))));
  const blocks = new BlockWriter(metrics);
  for (const p of perPage) writePage(blocks, p, furniture);
  return blocks.end();
}

function layoutPage(page: PdfPageContent): PageLayout {
  const runs: Run[] = [];
  for (const r of page.runs) {
    const run = toRun(r);
    if (run) runs.push(run);
  }
  const grids = page.rules ? findGrids(page.rules) : [];
  const flow: Run[] = [];
  for (const run of runs) if (!grids.some((g) => placeInGrid(g, run))) flow.push(run);
  const rows: { top: number; block: LayoutBlock }[] = [];
  for (const g of grids) rows.push(...gridRows(g, page.page));
  return { page, lines: buildLines(flow), rows };
}

/** A page's lines and rows, top to bottom, into the document's blocks. */
function writePage(blocks: BlockWriter, { page, lines, rows }: PageLayout, furniture: ReadonlySet<Line>): void {
  type Item = { top: number; kind: 'line'; line: Line } | { top: number; kind: 'row'; block: LayoutBlock };
  const flow = lines.filter((l) => !furniture.has(l));
  const used = new Set<Line>();
  const textRows = textTables(flow, page.page, used);
  const items: Item[] = [];
  for (const l of flow) if (!used.has(l)) items.push({ top: l.y1, kind: 'line', line: l });
  for (const r of [...rows, ...textRows]) items.push({ top: r.top, kind: 'row', block: r.block });
  items.sort((a, b) => b.top - a.top);
  for (const item of items) {
    if (item.kind === 'row') blocks.row(item.block, page.page);
    else blocks.line(item.line, page.page);
  }
}

/** The document's blocks as they are written: paragraphs joined across lines and pages, a blank around tables. */
class BlockWriter {
  private readonly blocks: LayoutBlock[] = [];
  private open: { pieces: PlacedText[]; last: FlowLine } | undefined;
  private inTable = false;

  constructor(private readonly metrics: Metrics) {}

  row(block: LayoutBlock, page: number): void {
    const blocks = this.blocks;
    this.closeParagraph();
    if (!this.inTable && blocks.length > 0) blocks.push({ kind: 'blank' });
    const previous = blocks[blocks.length - 1];
    const merged = this.inTable && previous?.kind === 'row' && block.kind === 'row' ? continuedRow(previous, block, page) : undefined;
    if (merged) blocks[blocks.length - 1] = merged;
    else blocks.push(block);
    this.inTable = true;
  }

  line(line: Line, page: number): void {
    const fl: FlowLine = { line, page };
    const piece: PlacedText = { text: line.text, page, box: boxOf([line]) };
    if (this.inTable) {
      this.blocks.push({ kind: 'blank' });
      this.inTable = false;
    }
    const open = this.open;
    if (open && continues(open.last, fl, this.metrics)) {
      const prevText = open.pieces[open.pieces.length - 1]!.text;
      const joined = joinTexts(prevText, piece.text);
      open.pieces.push(joined.length === prevText.length + piece.text.length ? piece : { ...piece, text: ` ${piece.text}` });
      open.last = fl;
    } else {
      this.closeParagraph();
      this.open = { pieces: [piece], last: fl };
    }
  }

  end(): LayoutBlock[] {
    this.closeParagraph();
    return this.blocks;
  }

  private closeParagraph(): void {
    if (this.open) this.blocks.push({ kind: 'paragraph', pieces: this.open.pieces });
    this.open = undefined;
  }
}
