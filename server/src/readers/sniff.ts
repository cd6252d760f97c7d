// Which reader a file needs, decided from its first bytes, never from its name: published "Word" files are often
// something else (a .doc that is really a .docx, an RTF, a Word XML file or a web page saved by Word).

import type { PublishedFormat } from './types';
import { listZip } from './zip';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const DOCX_MAIN = 'word/document.xml';
/** How far into a file its text signature is looked for. */
const HEAD = 4096;

/** The format of a published file from its content, or undefined when it is none the readers handle. */
export function sniffFormat(bytes: Uint8Array): PublishedFormat | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return isWordZip(bytes) ? 'docx' : undefined;
  if (bytes.length >= 8 && OLE.every((v, k) => bytes[k] === v)) return 'doc';
  const head = headText(bytes);
  const start = skipPreamble(head);
  const rest = head.slice(start);
  if (rest.startsWith('{\\rtf')) return 'rtf';
  // A PDF header may follow up to 1 KB of other bytes.
  if (head.slice(0, 1024).includes('%PDF-')) return 'pdf';
  // A page first (Word's own "Save as HTML" carries <w:WordDocument> settings in a comment), then Word XML.
  if (/^<(?:!doctype\s+html|html|head|meta|table|body|title|div|p|span|font|center|style|script|link|base|br|h[1-6]|ul|ol|form|iframe|tbody|tr|td)(?=[\s>/])/i.test(rest)) return 'html';
  if (/<w:wordDocument\b|progid\s*=\s*["']Word\.Document["']/.test(head) || (/<pkg:package\b/.test(head) && /wordprocessingml/.test(head))) return 'word2003xml';
  return undefined;
}

/** A zip is a Word document when it holds a part under word/ (the main part's usual home in every writer). */
function isWordZip(bytes: Uint8Array): boolean {
  const zip = listZip(bytes, 100_000);
  for (const key of zip.byName.keys()) if (key.startsWith('word/')) return true;
  // Too many entries to list: the name is still in the central directory near the end, or the first local headers.
  return containsAscii(bytes, DOCX_MAIN, 0, 1 << 20) || containsAscii(bytes, DOCX_MAIN, bytes.length - (1 << 20), bytes.length);
}

function containsAscii(bytes: Uint8Array, needle: string, from: number, to: number): boolean {
  const a = Math.max(0, from);
  const b = Math.min(bytes.length, to);
  const first = needle.charCodeAt(0);
  outer: for (let i = a; i + needle.length <= b; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** The first bytes as text: UTF-16 when a byte-order mark says so, else byte per character (ASCII is what matters). */
function headText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2, 2 + 2 * HEAD));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2, 2 + 2 * HEAD));
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let s = '';
  const end = Math.min(bytes.length, from + HEAD);
  for (let i = from; i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Where the content starts after whitespace, comments, processing instructions and an XML doctype. */
function skipPreamble(s: string): number {
  let i = 0;
  for (;;) {
    while (i < s.length && /[\s\u0000\u00a0]/.test(s[i]!)) i++;
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) return s.length;
      i = end + 3;
    } else if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i + 2);
      if (end < 0) return s.length;
      i = end + 2;
    } else if (/^<!doctype\s+(?!html)/i.test(s.slice(i, i + 20))) {
      const end = s.indexOf('>', i);
      if (end < 0) return s.length;
      i = end + 1;
    } else return i;
  }
}
