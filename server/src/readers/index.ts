// Reading a published report file, whatever its format: the format is decided from the bytes (sniff.ts), the
// matching reader renders the report into the engine's text with a source map. Never throws: any file gives a
// report, with problems saying what could not be read.

import { errorDetail, resolveLimits } from './common';
import { readDoc } from './doc';
import { readDocx } from './docx';
import { readHtml } from './html';
import { readRtf } from './rtf';
import { sniffFormat } from './sniff';
import { readWord2003 } from './word2003';
import type { PublishedFormat, PublishedReport, ReaderLimits, ReaderProblem } from './types';

export * from './types';
export { TextBuilder, type Sourced } from './builder';
export { sniffFormat } from './sniff';
export { readHtml, readHtmlText, decodeHtml, htmlEncoding } from './html';
export { readDocx } from './docx';
export { readWord2003 } from './word2003';
export { readRtf } from './rtf';
export { readDoc } from './doc';

export interface ReadOptions {
  readonly limits?: Partial<ReaderLimits>;
  /** Polled by readers that can stop part-way (the PDF reader); answering true abandons the file. */
  readonly shouldStop?: () => boolean;
}

/** Reads a published report file (HTML, .docx, .doc/.wps, RTF, Word XML, PDF) from its bytes. */
export async function readPublished(bytes: Uint8Array, options?: ReadOptions): Promise<PublishedReport> {
  let format: PublishedFormat = 'unknown';
  try {
    const limits = options?.limits;
    const lim = resolveLimits(limits);
    format = sniffFormat(bytes) ?? 'unknown';
    if (bytes.length > lim.maxBytes) return failed(format, { code: 'too-large', detail: `${bytes.length} bytes > maxBytes ${lim.maxBytes}` });
    switch (format) {
      case 'html':
        return readHtml(bytes, limits);
      case 'docx':
        return readDocx(bytes, limits);
      case 'word2003xml':
        return readWord2003(bytes, limits);
      case 'rtf':
        return readRtf(bytes, limits);
      case 'doc':
        return readDoc(bytes, limits);
      case 'pdf':
        return await readPdfLazily(bytes, options);
      default:
        return failed('unknown', { code: 'unsupported', detail: 'not a format the readers handle (HTML, .docx, .doc/.wps, RTF, Word XML, PDF)' });
    }
  } catch (e) {
    return failed(format, { code: 'damaged', detail: errorDetail(e) });
  }
}

function failed(format: PublishedFormat, problem: ReaderProblem): PublishedReport {
  return { format, text: '', map: [], meta: {}, problems: [problem] };
}

/** The PDF reader, loaded on the first PDF only: pdf.js is large, and most runs read none. */
async function readPdfLazily(bytes: Uint8Array, options?: ReadOptions): Promise<PublishedReport> {
  const { readPdf } = await import('./pdf.js');
  return readPdf(bytes, options);
}
