// What every reader of a published file returns: the report rendered into the engine's text form, a map from
// spans of that text back to places in the source file, what the file says about itself, and the problems met.
// Readers are pure (bytes in, this out): no file system, no network, no timers the caller cannot bound.

/** Where a span of the rendered text came from in the published file. */
export type SourcePlace =
  /** HTML: UTF-16 offsets into the decoded HTML source (what an editor holding the page has). */
  | { readonly kind: 'html'; readonly start: number; readonly end: number }
  /**
   * Word (.docx, Word 2003 XML, RTF, .doc): the n-th body paragraph (0-based, counting paragraphs outside
   * tables), or the n-th table (0-based) and its row and grid column (0-based).
   */
  | { readonly kind: 'word'; readonly paragraph: number }
  | { readonly kind: 'word'; readonly table: number; readonly row: number; readonly column: number }
  /** PDF: 1-based page and the box of the text on it, in PDF user-space units (origin bottom left). */
  | { readonly kind: 'pdf'; readonly page: number; readonly box: readonly [x0: number, y0: number, x1: number, y1: number] };

/** One span [start, end) of the rendered text and where it came from. */
export interface SourceMapEntry {
  readonly start: number;
  readonly end: number;
  readonly source: SourcePlace;
}

export type PublishedFormat = 'html' | 'docx' | 'word2003xml' | 'rtf' | 'doc' | 'pdf'
  /** A file none of the readers handles (the report then carries an 'unsupported' problem). */
  | 'unknown';

/** What a reader could not do, as data: the wording lives in the message catalogue. */
export interface ReaderProblem {
  readonly code:
    | 'damaged'        // the container or markup is broken; what could be read is returned
    | 'encrypted'      // password-protected or DRM'd
    | 'no-text'        // e.g. a scanned PDF: pages without a text layer
    | 'too-large'      // over a size, entry-count or inflation limit (zip bombs)
    | 'timeout'        // abandoned: took longer than allowed
    | 'unsupported';   // a format or feature the reader does not handle
  /** Free detail for the log (an exception's message, the limit that was hit); never shown alone. */
  readonly detail?: string;
  /** For 'no-text': the 1-based pages without text. */
  readonly pages?: readonly number[];
}

/** What the file says about itself, where it says it. Dates are ISO 8601 (YYYY-MM-DD or with time). */
export interface PublishedMeta {
  readonly title?: string;
  /** A web page's publication date (PubDate / 发布时间 / article:published_time). */
  readonly published?: string;
  /** The document's creation date (PDF CreationDate, docProps/core.xml dcterms:created). */
  readonly created?: string;
  readonly author?: string;
  /** The producing application (WPS Office, Microsoft Word, LibreOffice…). */
  readonly application?: string;
  /** The text encoding the bytes were decoded from (HTML, RTF). */
  readonly encoding?: string;
  readonly pages?: number;
}

export interface PublishedReport {
  readonly format: PublishedFormat;
  /** The report as text: paragraphs one per line, tables one row per line with cells separated by tabs. */
  readonly text: string;
  /** Sorted by start, not overlapping. Covers at least every table cell and every paragraph. */
  readonly map: readonly SourceMapEntry[];
  readonly meta: PublishedMeta;
  readonly problems: readonly ReaderProblem[];
}

/** Bounds a reader holds itself to (the caller also runs it under a deadline it can enforce). */
export interface ReaderLimits {
  /** Largest input, bytes. */
  readonly maxBytes: number;
  /** Largest total size of the parts a zip may inflate to, bytes. */
  readonly maxInflatedBytes: number;
  /** Most entries a zip may hold. */
  readonly maxZipEntries: number;
  /** Deepest element nesting followed in HTML/XML; deeper content is still read as text, flattened. */
  readonly maxDepth: number;
  /** Most PDF pages read. */
  readonly maxPages: number;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 128 * 1024 * 1024,
  maxZipEntries: 2000,
  maxDepth: 256,
  maxPages: 200,
};

/** The source place of the entry covering `offset` of the rendered text (binary search), or undefined. */
export function sourceAt(map: readonly SourceMapEntry[], offset: number): SourceMapEntry | undefined {
  let lo = 0;
  let hi = map.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = map[mid]!;
    if (offset < e.start) hi = mid - 1;
    else if (offset >= e.end && !(e.start === e.end && offset === e.start)) lo = mid + 1;
    else return e;
  }
  return undefined;
}
