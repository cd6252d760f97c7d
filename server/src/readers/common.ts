// Helpers every reader shares: the limits a call runs under, text normalisation of cells and paragraphs, the
// legacy code pages Chinese files are written in, and dates in the forms files state them.

import { DEFAULT_LIMITS, type ReaderLimits } from './types';

/** The caller's limits over the defaults; nonsense values (NaN, negative) fall back to the default. */
export function resolveLimits(partial?: Partial<ReaderLimits>): ReaderLimits {
  if (!partial) return DEFAULT_LIMITS;
  const pick = (key: keyof ReaderLimits): number => {
    const v = partial[key];
    return typeof v === 'number' && v >= 0 && Number.isFinite(v) ? Math.floor(v) : DEFAULT_LIMITS[key];
  };
  return {
    maxBytes: pick('maxBytes'),
    maxInflatedBytes: pick('maxInflatedBytes'),
    maxZipEntries: pick('maxZipEntries'),
    maxDepth: Math.max(1, pick('maxDepth')),
    maxPages: pick('maxPages'),
  };
}

/**
 * Spaces a reader sees as one plain space: NBSP (`&nbsp;`), the ideographic space U+3000 that Chinese documents
 * indent with and WPS puts in empty cells, the typographic spaces, and every control character (tabs and line
 * breaks inside a cell or paragraph are layout, not content). Zero-width characters and soft hyphens vanish.
 */
const SPACE_LIKE = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Text of one cell or paragraph on one line: space-like runs become one space, trimmed. */
export function normalizeSpaces(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACE_LIKE, ' ').trim();
}

/**
 * A number written across runs or with spaces from line wraps ("2 0" from `<span>2</span>\n<span>0</span>`):
 * a cell holding only digits and spaces is one number, so the spaces go. Anything else is left as written.
 */
export function joinSplitNumber(s: string): string {
  return /^[\d０-９][\d０-９ ]*[\d０-９]$/.test(s) && s.includes(' ') ? s.replace(/ /g, '') : s;
}

/** Blank markers that stand for an empty value (the engine reads them as blanks). */
const BLANK_MARKERS = new Set(['/', '／', '\\', '＼', '-', '－', '—', '——', '–', '--', '无', '空', '—-', '-—', '_', '__']);
const NUMBER_LIKE = /^[+\-−－]?\s*[\d０-９][\d０-９.,，．\s]*%?$/;

/**
 * Whether a cell's text is a value (a number, a blank marker, nothing) rather than a label. Labels keep their
 * merged width in the TSV row (as the seed reports write it); values never do, so a merged value cell cannot
 * put an empty cell between two values of a row.
 */
export function isValueText(text: string): boolean {
  return text === '' || BLANK_MARKERS.has(text) || (text.length <= 32 && NUMBER_LIKE.test(text));
}

/** TextDecoder labels for a charset name as files write it; GBK and GB2312 decode as their superset GB18030. */
export function decoderLabel(charset: string): string | undefined {
  const c = charset.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (c === '') return undefined;
  if (/^(?:gb[-_ ]?2312(?:[-_ ]?80)?|gbk|x-gbk|cp936|ms936|windows-936|gb18030|csgb2312|chinese|euc-cn|iso-ir-58)$/.test(c)) return 'gb18030';
  if (/^(?:utf-?8|unicode-1-1-utf-8|utf8mb4)$/.test(c)) return 'utf-8';
  try {
    return new TextDecoder(c).encoding;
  } catch {
    return undefined;
  }
}

export type Decoder = InstanceType<typeof TextDecoder>;

/** A TextDecoder for a Windows code page number (RTF \ansicpg, font charsets), or undefined when unknown. */
export function codePageDecoder(codePage: number): Decoder | undefined {
  const label = CODE_PAGES[codePage];
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

const CODE_PAGES: Readonly<Record<number, string>> = {
  936: 'gb18030', 54936: 'gb18030', 20936: 'gb18030', 950: 'big5', 932: 'shift_jis', 949: 'euc-kr', 65001: 'utf-8',
  874: 'windows-874', 1250: 'windows-1250', 1251: 'windows-1251', 1252: 'windows-1252', 1253: 'windows-1253',
  1254: 'windows-1254', 1255: 'windows-1255', 1256: 'windows-1256', 1257: 'windows-1257', 1258: 'windows-1258',
  10000: 'macintosh', 437: 'windows-1252', 850: 'windows-1252',
};

/** Windows font charsets (RTF \fcharsetN) → code page. */
export const FONT_CHARSET_CODE_PAGES: Readonly<Record<number, number>> = {
  0: 1252, 77: 10000, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255,
  178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250,
};

/** Whether bytes are valid UTF-8 (a sequence cut by the end of the input counts as valid: a truncated file). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  // Drop a multi-byte sequence the end of the input cut short: its lead byte is among the last three bytes.
  let end = bytes.length;
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const b = bytes[bytes.length - k]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > k) end = bytes.length - k;
    break;
  }
  try {
    UTF8_STRICT.decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

/**
 * A date as files state it ("2022-02-08 16:34", "2022/2/8", "2022年2月8日", "2024-03-08T15:34:00Z") in ISO 8601:
 * YYYY-MM-DD, with THH:MM[:SS] when a time is given; undefined when the text holds no plausible date.
 */
export function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*T?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/.exec(text);
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const pad = (v: string | number) => String(v).padStart(2, '0');
  let iso = `${m[1]}-${pad(month)}-${pad(day)}`;
  if (m[4] !== undefined && m[5] !== undefined) {
    const h = Number(m[4]);
    const min = Number(m[5]);
    if (h < 24 && min < 60) {
      iso += `T${pad(h)}:${pad(min)}`;
      if (m[6] !== undefined && Number(m[6]) < 60) iso += `:${pad(m[6])}`;
      // A trailing Z or offset (ISO timestamps in docProps) is kept as written.
      const zone = /^(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})/.exec(text.slice(m.index + m[0].length));
      if (zone) iso += zone[1];
    }
  }
  return iso;
}

/** The message of anything thrown, for a problem's detail. */
export function errorDetail(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 300);
  return String(e).slice(0, 300);
}

/** Bytes start…end as a string of one character per byte (latin1). */
export function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  // PDF names and operators are a few bytes: a view of them for apply() costs more than the characters one by one.
  if (end - start <= 16) {
    for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
    return s;
  }
  for (let i = start; i < end; i += 4096) s += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  return s;
}
