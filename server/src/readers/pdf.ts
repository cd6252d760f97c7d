// The PDF reader: a published report's PDF → the report text (tables as TSV rows), every paragraph and cell
// mapped to its page and box. pdf.js (from unpdf) reads the file; pdfLayout.ts rebuilds lines, paragraphs and
// table rows from the positioned text and the drawn rules.
//
// A PDF is untrusted input. pdf.js is run so that it executes nothing and fetches nothing: no eval of font
// programs (isEvalSupported: false, on pdf.js 5.4.149, after the 2024 font-code flaw), no system fonts, no font
// faces, no range/stream/auto fetching, no wasm, and every resource it could ask for (CMaps, standard font data,
// wasm) is served from memory or refused. Font programs that the text does not need are not parsed at all (the
// build's pdfjsTextOnly plugin). pdf.js is loaded on the first PDF only (pdfEngine.ts), so the CLI and the server
// start fast.
// readPdf never rejects: what cannot be read becomes a problem in the result.

import { TextBuilder } from './builder';
import { DirectPdf, NotDirect } from './pdfDirect';
import { latin1 } from './common';
import { addPathRules, asMatrix, invert, layoutTransform, mapBox, MAX_SEGMENTS, multiply, textRuns, type Matrix, type Viewport } from './pdfGeometry';
import { layoutDocument, pageHasTableText, type Box, type PdfPageContent, type PdfRule } from './pdfLayout';
import { DEFAULT_LIMITS, type PublishedMeta, type PublishedReport, type ReaderLimits, type ReaderProblem, type SourcePlace } from './types';

export interface PdfReadOptions {
  readonly limits?: Partial<ReaderLimits>;
  /** Asked between pages (and before each page's drawing is read): true abandons the rest with a 'timeout' problem. */
  readonly shouldStop?: () => boolean;
  /** 'pdfjs' reads with pdf.js even a file the direct reader reads (to compare the two); default: direct first. */
  readonly engine?: 'auto' | 'pdfjs';
}

// ----------------------------------------------------------------------------------------------------------------
// The part of pdf.js's API the reader uses (structural, so a pdf.js update that changes it fails to type-check
// here rather than deep inside).

interface PdfJsOperatorList {
  readonly fnArray: readonly number[];
  readonly argsArray: readonly unknown[];
}

interface PdfJsPage {
  getViewport(params: { scale: number }): Viewport;
  getTextContent(params?: { includeMarkedContent?: boolean; disableNormalization?: boolean }): Promise<{ items: readonly unknown[] }>;
  getOperatorList(params?: { intent?: string; annotationMode?: number }): Promise<PdfJsOperatorList>;
  cleanup(): boolean;
}

interface PdfJsDocument {
  readonly numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  getMetadata(): Promise<{ info: unknown }>;
}

interface PdfJsLoadingTask {
  readonly promise: Promise<PdfJsDocument>;
  destroy(): Promise<void>;
}

interface PdfJsWorker {
  readonly destroyed: boolean;
  destroy(): void;
}

interface PdfJs {
  readonly version: string;
  readonly OPS: Readonly<Record<string, number>>;
  readonly AnnotationMode: Readonly<Record<string, number>>;
  readonly VerbosityLevel: Readonly<Record<string, number>>;
  getDocument(params: Record<string, unknown>): PdfJsLoadingTask;
  readonly PDFWorker: new (params: { verbosity?: number; port?: unknown }) => PdfJsWorker;
}

// ----------------------------------------------------------------------------------------------------------------
// Loading pdf.js once

interface Loaded {
  readonly pdfjs: PdfJs;
  readonly cmaps: ReadonlyMap<string, Uint8Array>;
  /** One in-thread ("fake") pdf.js worker, shared by every document read: setting one up per file costs time. */
  worker: PdfJsWorker | undefined;
}

let loading: Promise<Loaded> | undefined;

function loadPdfJs(): Promise<Loaded> {
  loading ??= import('./pdfEngine.js').then(
    async (engine) => ({ pdfjs: (await engine.importPdfJs()) as PdfJs, cmaps: engine.CHINESE_CMAPS, worker: undefined }),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** The shapes of pdf.js's in-thread messages the port below copies cheaply. */
interface StreamMessage {
  readonly stream?: number;
  readonly chunk?: unknown;
}

/** pdf.js's StreamKind.ENQUEUE: a message carrying one chunk of a stream (text content, operator list). */
const STREAM_ENQUEUE = 4;

/**
 * The port between pdf.js's main-thread API and its worker code running in the same thread. pdf.js's own
 * ("LoopbackPort") structuredClones every message, as a real worker boundary would: for the report PDFs that
 * was a third of the reader's time (text-content and operator-list chunks, thousands of small objects). The two
 * chunk kinds are copied only as deep as pdf.js changes them after sending: an operator-list chunk's fnArray and
 * argsArray are emptied by the worker after the send (so they are copied; the argument arrays in them are new per
 * operator), a text-content chunk object gets new `items` and `styles` after the send (so the object is copied;
 * the arrays it held are not touched again). A plain object of primitives is copied shallowly. Every other
 * message is structuredCloned as pdf.js does.
 */
class InThreadPort {
  private readonly listeners = new Map<(event: { data: unknown }) => void, (() => void) | undefined>();
  private readonly delivered: Promise<void> = Promise.resolve();

  postMessage(data: unknown, transfer?: readonly unknown[]): void {
    const event = { data: copyMessage(data, transfer) };
    // Delivered asynchronously, in order, as by a worker (pdf.js relies on it).
    void this.delivered.then(() => {
      for (const listener of this.listeners.keys()) listener.call(this, event);
    });
  }

  addEventListener(_type: string, listener: (event: { data: unknown }) => void, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    let cleanup: (() => void) | undefined;
    if (signal) {
      if (signal.aborted) return;
      const onAbort = (): void => this.removeEventListener(_type, listener);
      signal.addEventListener('abort', onAbort);
      cleanup = () => signal.removeEventListener('abort', onAbort);
    }
    this.listeners.set(listener, cleanup);
  }

  removeEventListener(_type: string, listener: (event: { data: unknown }) => void): void {
    this.listeners.get(listener)?.();
    this.listeners.delete(listener);
  }

  terminate(): void {
    for (const cleanup of this.listeners.values()) cleanup?.();
    this.listeners.clear();
  }
}

function copyMessage(data: unknown, transfer: readonly unknown[] | undefined): unknown {
  const message = data as StreamMessage | null;
  if (message && typeof message === 'object' && message.stream === STREAM_ENQUEUE && message.chunk && typeof message.chunk === 'object') {
    const chunk = message.chunk as Record<string, unknown>;
    if (Array.isArray(chunk['fnArray']) && Array.isArray(chunk['argsArray'])) {
      return { ...message, chunk: { ...chunk, fnArray: (chunk['fnArray'] as unknown[]).slice(), argsArray: (chunk['argsArray'] as unknown[]).slice() } };
    }
    if (Array.isArray(chunk['items'])) return { ...message, chunk: { ...chunk } };
  }
  if (isFlat(data)) return { ...(data as object) };
  return structuredClone(data, transfer ? ({ transfer } as Parameters<typeof structuredClone>[1]) : undefined);
}

/**
 * A plain object of primitives only (a stream's pull and its acknowledgement, hundreds per document, each of
 * which cost structuredClone's fixed overhead): a shallow copy is a full copy.
 */
function isFlat(data: unknown): boolean {
  if (!data || typeof data !== 'object' || Object.getPrototypeOf(data) !== Object.prototype) return false;
  for (const key in data) {
    const v = (data as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object') return false;
  }
  return true;
}

/**
 * A pdf.js worker running in this thread over InThreadPort, or pdf.js's own fake worker when its worker code is
 * not where this pdf.js version puts it (globalThis.pdfjsWorker, set when the module loads).
 */
function inThreadWorker(pdfjs: PdfJs): PdfJsWorker {
  const verbosity = pdfjs.VerbosityLevel['ERRORS'] ?? 0;
  const handler = (globalThis as { pdfjsWorker?: { WorkerMessageHandler?: { initializeFromPort?: (port: unknown) => void } } }).pdfjsWorker?.WorkerMessageHandler;
  if (typeof handler?.initializeFromPort !== 'function') return new pdfjs.PDFWorker({ verbosity });
  const port = new InThreadPort();
  handler.initializeFromPort(port);
  return new pdfjs.PDFWorker({ port, verbosity });
}

/** Everything pdf.js could fetch is served from memory or refused: the reader does no I/O. */
function factories(cmaps: ReadonlyMap<string, Uint8Array>): Record<string, unknown> {
  class MemoryCMapReaderFactory {
    async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
      const data = cmaps.get(name);
      if (!data) throw new Error(`CMap ${name} is not shipped (only the simplified Chinese Adobe-GB1 CMaps are)`);
      // A copy: pdf.js may transfer (detach) what it is given.
      return { cMapData: data.slice(), isCompressed: true };
    }
  }
  class NoStandardFontData {
    async fetch(): Promise<never> {
      throw new Error('standard font data is not shipped: text extraction does not draw glyphs');
    }
  }
  class NoWasm {
    async fetch(): Promise<never> {
      throw new Error('pdf.js wasm decoders are not shipped: images are not decoded');
    }
  }
  return { CMapReaderFactory: MemoryCMapReaderFactory, StandardFontDataFactory: NoStandardFontData, WasmFactory: NoWasm };
}

// ----------------------------------------------------------------------------------------------------------------
// Reading

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PublishedReport> {
  const limits: ReaderLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const problems: ReaderProblem[] = [];
  const meta: { -readonly [K in keyof PublishedMeta]: PublishedMeta[K] } = {};
  try {
    if (bytes.length > limits.maxBytes) {
      problems.push({ code: 'too-large', detail: `${bytes.length} bytes, over the limit of ${limits.maxBytes}` });
      return new TextBuilder().build('pdf', meta, problems);
    }
    const damage = structuralDamage(bytes);
    const read = await readPages(bytes, limits, options.shouldStop, meta, problems, options.engine ?? 'auto');
    if (damage && !problems.some((p) => p.code === 'damaged' || p.code === 'encrypted')) problems.unshift({ code: 'damaged', detail: damage });
    return render(read, meta, problems);
  } catch (e) {
    // Nothing above should throw; if it does, the file still gets a result.
    problems.push({ code: 'damaged', detail: `reader error: ${messageOf(e)}` });
    return new TextBuilder().build('pdf', meta, problems);
  }
}

interface ReadPage {
  readonly content: PdfPageContent;
  /** Layout space → PDF user space (for the source map). */
  readonly toUser: Matrix;
}

async function readPages(
  bytes: Uint8Array,
  limits: ReaderLimits,
  shouldStop: (() => boolean) | undefined,
  meta: { -readonly [K in keyof PublishedMeta]: PublishedMeta[K] },
  problems: ReaderProblem[],
  engine: 'auto' | 'pdfjs',
): Promise<ReadPage[]> {
  const pages: ReadPage[] = [];
  if (shouldStop?.()) {
    problems.push({ code: 'timeout', detail: 'stopped before the file was opened' });
    return pages;
  }
  const direct = engine === 'auto' ? readDirect(bytes, limits, shouldStop, meta) : undefined;
  if (direct && 'pages' in direct) {
    problems.push(...direct.problems);
    return direct.pages;
  }
  let loaded: Loaded;
  try {
    loaded = await loadPdfJs();
  } catch (e) {
    problems.push({ code: 'unsupported', detail: `pdf.js could not be loaded: ${messageOf(e)}` });
    return pages;
  }
  const { pdfjs } = loaded;
  if (!loaded.worker || loaded.worker.destroyed) loaded.worker = inThreadWorker(pdfjs);
  const task = pdfjs.getDocument({
    // A copy: pdf.js transfers the buffer it is given to its worker, which would empty the caller's bytes.
    data: bytes.slice(),
    worker: loaded.worker,
    verbosity: pdfjs.VerbosityLevel['ERRORS'] ?? 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    fontExtraProperties: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    // Images are never decoded: the largest image kept is 0 pixels.
    maxImageSize: 0,
    stopAtErrors: false,
    cMapPacked: true,
    ...factories(loaded.cmaps),
  });
  try {
    let doc: PdfJsDocument;
    try {
      doc = await task.promise;
    } catch (e) {
      problems.push(openProblem(e));
      return pages;
    }
    meta.pages = doc.numPages;
    try {
      Object.assign(meta, metaOf((await doc.getMetadata()).info));
    } catch {
      // A broken Info dictionary leaves the meta empty; the text is what matters.
    }
    if (doc.numPages === 0) problems.push({ code: 'no-text', pages: [], detail: 'the document has no pages' });
    const last = Math.min(doc.numPages, Math.max(0, limits.maxPages));
    if (doc.numPages > last) problems.push({ code: 'too-large', detail: `${doc.numPages} pages: read the first ${last}` });
    const noText: number[] = [];
    const damaged: string[] = [];
    for (let n = 1; n <= last; n++) {
      if (shouldStop?.()) {
        problems.push({ code: 'timeout', detail: `stopped before page ${n} of ${doc.numPages}` });
        break;
      }
      try {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        const toLayout = layoutTransform(viewport);
        const content = await page.getTextContent({ includeMarkedContent: false });
        const runs = textRuns(content.items, toLayout);
        if (!runs.some((r) => r.str.trim() !== '')) noText.push(n);
        let rules: PdfRule[] | undefined;
        // The drawing is read only where the text has table rows: it costs as much as the text again.
        if (pageHasTableText(runs) && !shouldStop?.()) {
          try {
            rules = rulesOf(await page.getOperatorList({ intent: 'display', annotationMode: pdfjs.AnnotationMode['DISABLE'] ?? 0 }), pdfjs.OPS, toLayout);
          } catch (e) {
            damaged.push(`page ${n} drawing: ${messageOf(e)}`);
          }
        }
        pages.push({ content: { page: n, width: viewport.width, height: viewport.height, runs, rules }, toUser: invert(toLayout) });
        page.cleanup();
      } catch (e) {
        damaged.push(`page ${n}: ${messageOf(e)}`);
      }
    }
    if (damaged.length > 0) problems.push({ code: 'damaged', detail: damaged.join('; ') });
    if (noText.length > 0) problems.push({ code: 'no-text', pages: noText, detail: noText.length === last ? 'no page has a text layer (scanned?)' : 'pages without a text layer' });
    return pages;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/**
 * The pages read by the direct reader (pdfDirect.ts), or why it leaves the file to pdf.js: anything it does not
 * read exactly (NotDirect's reason), or an error of its own. Its problems are kept apart until it has read every
 * page, so a file it gives up on midway is read by pdf.js from the start.
 */
function readDirect(
  bytes: Uint8Array,
  limits: ReaderLimits,
  shouldStop: (() => boolean) | undefined,
  meta: { -readonly [K in keyof PublishedMeta]: PublishedMeta[K] },
): { pages: ReadPage[]; problems: ReaderProblem[] } | { notDirect: string } {
  try {
    const doc = new DirectPdf(bytes, limits.maxInflatedBytes);
    const problems: ReaderProblem[] = [];
    const pages: ReadPage[] = [];
    const last = Math.min(doc.numPages, Math.max(0, limits.maxPages));
    if (doc.numPages === 0) problems.push({ code: 'no-text', pages: [], detail: 'the document has no pages' });
    if (doc.numPages > last) problems.push({ code: 'too-large', detail: `${doc.numPages} pages: read the first ${last}` });
    const noText: number[] = [];
    for (let n = 1; n <= last; n++) {
      if (shouldStop?.()) {
        problems.push({ code: 'timeout', detail: `stopped before page ${n} of ${doc.numPages}` });
        break;
      }
      const page = doc.page(n);
      const runs = textRuns(page.items, page.toLayout);
      if (!runs.some((r) => r.str.trim() !== '')) noText.push(n);
      const rules = pageHasTableText(runs) ? page.rules : undefined;
      pages.push({ content: { page: n, width: page.viewport.width, height: page.viewport.height, runs, rules }, toUser: invert(page.toLayout) });
    }
    if (noText.length > 0) problems.push({ code: 'no-text', pages: noText, detail: noText.length === last ? 'no page has a text layer (scanned?)' : 'pages without a text layer' });
    meta.pages = doc.numPages;
    Object.assign(meta, metaOf(doc.info));
    return { pages, problems };
  } catch (e) {
    return { notDirect: e instanceof NotDirect ? e.reason : `error: ${messageOf(e)}` };
  }
}

/** Why the direct reader leaves a file to pdf.js (undefined: it reads it). For the tests. */
export function whyNotDirect(bytes: Uint8Array, limits: ReaderLimits = DEFAULT_LIMITS): string | undefined {
  const read = readDirect(bytes, limits, undefined, {});
  return 'notDirect' in read ? read.notDirect : undefined;
}

function openProblem(e: unknown): ReaderProblem {
  const name = e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
  if (name === 'PasswordException') return { code: 'encrypted', detail: messageOf(e) };
  return { code: 'damaged', detail: messageOf(e) };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// ----------------------------------------------------------------------------------------------------------------
// Geometry: pdf.js user space → layout space (the page as displayed, y up)

/**
 * The drawn rules of a page: the axis-aligned segments of stroked paths and the thin filled rectangles, in
 * layout space. pdf.js 5.4 gives each path as constructPath(paintOp, [path], bbox), the path a flat list of
 * moveTo (0) x y, lineTo (1) x y, curveTo (2) 6 numbers, closePath (3); coordinates are in the space of the
 * current transform, which save/restore/transform and form XObjects change.
 */
function rulesOf(list: PdfJsOperatorList, OPS: Readonly<Record<string, number>>, toLayout: Matrix): PdfRule[] {
  const rules: PdfRule[] = [];
  const strokes = new Set(['stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map((k) => OPS[k]));
  const fills = new Set(['fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map((k) => OPS[k]));
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineWidth = 1;
  const stack: { ctm: Matrix; lineWidth: number }[] = [];
  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length && rules.length < MAX_SEGMENTS; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS['save']) stack.push({ ctm, lineWidth });
    else if (fn === OPS['restore']) {
      const s = stack.pop();
      if (s) ({ ctm, lineWidth } = s);
    } else if (fn === OPS['transform']) {
      const m = asMatrix(args as number[]);
      if (m) ctm = multiply(m, ctm);
    } else if (fn === OPS['paintFormXObjectBegin']) {
      stack.push({ ctm, lineWidth });
      const m = asMatrix(args?.[0] as number[] | undefined);
      if (m) ctm = multiply(m, ctm);
    } else if (fn === OPS['paintFormXObjectEnd']) {
      const s = stack.pop();
      if (s) ({ ctm, lineWidth } = s);
    } else if (fn === OPS['setLineWidth']) {
      const w = Number(args?.[0]);
      if (Number.isFinite(w)) lineWidth = w;
    } else if (fn === OPS['constructPath'] && args) {
      const op = args[0] as number;
      const isStroke = strokes.has(op), isFill = fills.has(op);
      if (!isStroke && !isFill) continue;
      const path = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!path) continue;
      const m = multiply(ctm, toLayout);
      const scale = Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])) || 1;
      addPathRules(path, m, isStroke ? Math.min(1, Math.max(0.1, lineWidth * scale)) : undefined, rules);
    }
  }
  return rules;
}

// ----------------------------------------------------------------------------------------------------------------
// Meta

/** The Info dictionary's fields the report model keeps. */
function metaOf(info: unknown): PublishedMeta {
  const i = (info && typeof info === 'object' ? info : {}) as Record<string, unknown>;
  const str = (k: string): string | undefined => {
    const v = i[k];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const creator = str('Creator'), producer = str('Producer');
  const application = creator && producer && creator !== producer ? `${creator} / ${producer}` : (creator ?? producer);
  const created = str('CreationDate');
  const out: { -readonly [K in keyof PublishedMeta]: PublishedMeta[K] } = {};
  const title = str('Title');
  const author = str('Author');
  if (title) out.title = title;
  if (author) out.author = author;
  if (application) out.application = application;
  const iso = created ? pdfDateToIso(created) : undefined;
  if (iso) out.created = iso;
  return out;
}

/**
 * A PDF date ("D:20250225100250+08'00'") as ISO 8601, in the time zone it was written in
 * ("2025-02-25T10:02:50+08:00"); a date alone when the time is absent; undefined when it is not a date.
 */
export function pdfDateToIso(s: string): string | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?/.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h, mi = '00', se = '00', z, sign, oh, om = '00'] = m;
  const n = (v: string): number => Number(v);
  if (n(mo) < 1 || n(mo) > 12 || n(d) < 1 || n(d) > 31) return undefined;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return date;
  if (n(h) > 23 || n(mi) > 59 || n(se) > 59) return undefined;
  const zone = z ? 'Z' : sign && oh ? `${sign}${oh}:${om}` : '';
  return `${date}T${h}:${mi}:${se}${zone}`;
}

// ----------------------------------------------------------------------------------------------------------------
// Structure check and rendering

/**
 * What is visibly wrong with the file's structure, read from its first and last bytes (pdf.js repairs these
 * silently, so the reader looks itself): no "%PDF-" header, no "%%EOF" at the end (truncated), or a "startxref"
 * that does not point at a cross-reference table or stream.
 */
export function structuralDamage(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'the file is empty';
  const head = latin1(bytes, 0, Math.min(bytes.length, 1024));
  if (!head.includes('%PDF-')) return 'no %PDF- header';
  const tailStart = Math.max(0, bytes.length - 2048);
  const tail = latin1(bytes, tailStart, bytes.length);
  if (!tail.includes('%%EOF')) return 'no %%EOF at the end (truncated?)';
  const sx = tail.lastIndexOf('startxref');
  if (sx < 0) return 'no startxref at the end';
  const offset = /^startxref\s+(\d+)/.exec(tail.slice(sx))?.[1];
  if (offset === undefined) return 'startxref without an offset';
  const at = Number(offset);
  if (at >= bytes.length) return `startxref points past the end of the file (${at})`;
  const target = latin1(bytes, at, Math.min(bytes.length, at + 64)).replace(/^\s+/, '');
  if (!/^xref\b/.test(target) && !/^\d+\s+\d+\s+obj\b/.test(target)) return `startxref ${at} does not point at a cross-reference section`;
  return undefined;
}

function render(pages: readonly ReadPage[], meta: PublishedMeta, problems: readonly ReaderProblem[]): PublishedReport {
  const toUser = new Map(pages.map((p) => [p.content.page, p.toUser]));
  const place = (page: number, box: Box): SourcePlace => ({ kind: 'pdf', page, box: mapBox(toUser.get(page) ?? [1, 0, 0, 1, 0, 0], box) });
  const b = new TextBuilder();
  for (const block of layoutDocument(pages.map((p) => p.content))) {
    if (block.kind === 'paragraph') b.paragraphOf(block.pieces.map((p) => ({ text: p.text, source: place(p.page, p.box) })));
    else if (block.kind === 'row') b.row(block.cells.map((c) => c?.map((p) => ({ text: p.text, source: place(p.page, p.box) }))));
    else b.blank();
  }
  return b.build('pdf', meta, problems);
}
