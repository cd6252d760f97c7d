// Label normalisation: real reports mix full- and half-width characters, put spaces inside labels
// ("商业 企业"), and write ordinals as "1、", "1.", "1．", "（一）" or "(一)". Labels are compared only
// after normalising, never as raw text.

import { BoundedMemo, isBlankChar } from './text';

const CHINESE_DIGITS = '〇一二三四五六七八九十';

/** Characters normalizeLabel changes: anything else passes through as it is. */
const NEEDS_NORMALIZING = /[\s\u3000\uff01-\uff5e\u201c\u201d\u2018\u2019\u300c\u300d\u3010\u3011\u3001\u3002\ufeff\u200b\u00a0]/;

/** Normalised labels already seen: every report repeats the same table labels. */
const normalized = new BoundedMemo<string>(64);

/** Full-width ASCII to half-width, full-width space removed, brackets and quotes unified, whitespace dropped. */
export function normalizeLabel(s: string): string {
  // Most labels need nothing: skip the character loop (this runs for every table label).
  if (!NEEDS_NORMALIZING.test(s)) return s;
  return normalized.get(s, normalizeChars);
}

/**
 * normalizeLabel without its memo, for a caller that remembers its own results (or that normalises text seen once:
 * kept in the memo, it would only push out the labels that repeat).
 */
export function normalizeLabelOnce(s: string): string {
  return NEEDS_NORMALIZING.test(s) ? normalizeChars(s) : s;
}

/** The characters normalizeLabel drops are the blank characters (its switch lists them). */
const isDropped = isBlankChar;

/**
 * The length of normalizeLabel(s) without its trailing 。：:;； — counted, not built: telling that a table row
 * which starts like a heading ("一、本年新收…" and its numbers) is too long to be one should not cost a normalised
 * copy of the row.
 */
export function headingLength(s: string): number {
  let visible = 0;
  for (let i = 0; i < s.length; i++) if (!isDropped(s.charCodeAt(i))) visible++;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (isDropped(c)) continue;
    if (c === 0x3002 || c === 0xff1a || c === 58 || c === 0xff1b || c === 59) visible--;
    else break;
  }
  return visible;
}

function normalizeChars(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    switch (c) {
      case 32: case 9: case 0x3000: case 0xa0: case 0xfeff: case 0x200b: case 10: case 13: case 12: case 11: // isBlankChar
        continue;
      case 0x201c: case 0x201d: case 0x2018: case 0x2019: case 0x300c: case 0x300d:
        out += '"';
        continue;
      case 0x3010: out += '['; continue; // 【
      case 0x3011: out += ']'; continue; // 】
      case 0x3001: out += '、'; continue;
      case 0x3002: out += '。'; continue;
      default:
        out += String.fromCharCode(c);
    }
  }
  return out;
}

const ORDINAL_PREFIX = /^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.,]|\d{1,2}[、.,](?!\d)|\(\d{1,2}\))/;

/** Removes leading ordinals ("（三）", "三、", "1.", "1、") from a normalised label, repeatedly. */
export function stripOrdinals(normalized: string): string {
  let s = normalized;
  for (let guard = 0; guard < 4; guard++) {
    const m = ORDINAL_PREFIX.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s;
}

/** Value of a Chinese numeral 一…九十九 (or Arabic digits); undefined when it is not one. */
export function chineseNumeralValue(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 0 || s.length > 3) return undefined;
  const digit = (ch: string) => CHINESE_DIGITS.indexOf(ch);
  if (s === '十') return 10;
  if (s.length === 1) {
    const d = digit(s);
    return d > 0 && d < 10 ? d : undefined;
  }
  if (s.length === 2 && s[0] === '十') {
    const d = digit(s[1]!);
    return d > 0 && d < 10 ? 10 + d : undefined;
  }
  if (s.length === 2 && s[1] === '十') {
    const d = digit(s[0]!);
    return d > 1 && d < 10 ? d * 10 : undefined;
  }
  if (s.length === 3 && s[1] === '十') {
    const a = digit(s[0]!);
    const b = digit(s[2]!);
    return a > 1 && a < 10 && b > 0 && b < 10 ? a * 10 + b : undefined;
  }
  return undefined;
}

export function chineseNumeral(n: number): string {
  if (n <= 10) return CHINESE_DIGITS[n] ?? String(n);
  if (n < 20) return '十' + CHINESE_DIGITS[n - 10];
  if (n < 100) return CHINESE_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CHINESE_DIGITS[n % 10] : '');
  return String(n);
}

/** Converts full-width digits and separators in a numeric cell to ASCII; keeps everything else. */
export function toHalfWidthDigits(s: string): string {
  // Fast path: most cells are plain ASCII.
  let wide = false;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0xff0c) {
      wide = true;
      break;
    }
  }
  if (!wide) return s;
  return s.replace(/[\uff10-\uff19\uff0e\uff0c\uff0d]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Whether the UTF-16 code is one of 一…十. By code, not `text[k]`: a CJK character read as a string is a new
 * string each time (V8 caches only one-byte characters), and this runs on every line.
 */
export function isChineseNumeralCode(c: number): boolean {
  switch (c) {
    case 0x4e00: case 0x4e8c: case 0x4e09: case 0x56db: case 0x4e94: case 0x516d: case 0x4e03: case 0x516b: case 0x4e5d: case 0x5341:
      return true;
    default:
      return false;
  }
}
