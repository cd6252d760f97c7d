// Ordinal sequences of the prose, per part and outside tables: （一）（二）…, 一是/二是…, 1. 2. … (the numbering rule
// reads them).

import type { Ordinal, Part } from './model';
import { chineseNumeralValue, isChineseNumeralCode } from './normalize';
import { type LineIndex, isJsWhitespace, isWhitespaceRange, type Span } from './text';

// The character before must not be 第 or a digit ("第（一）项", "2(一)"): checked by hand, since a leading
// alternation would make the regex try every position.
const PAREN_ORDINAL = /[（(]([一二三四五六七八九十]{1,3})[)）](?=\s*[\u4e00-\u9fff\d])/g;
// Words that end in 一/二… before 是 (之一是, 统一是, 第一是) are not ordinals.
const NOT_BEFORE_SHI = '之唯统第同专单逐万划归合独';

/**
 * "一是", "二是"…: the numerals just before a 是 at `at`, found by looking back from 是 (much faster than a regex
 * here). The numerals' start, or -1.
 */
function shiNumeralsBefore(slice: string, at: number): number {
  let k = at;
  while (k > 0 && at - k < 3 && isChineseNumeralCode(slice.charCodeAt(k - 1))) k--;
  if (k === at) return -1;
  if (k > 0 && NOT_BEFORE_SHI.indexOf(slice[k - 1]!) >= 0) return -1;
  return k;
}
const ARABIC_ORDINAL = /^\s*(\d{1,2})\s*[.．、](?!\d)\s*\S/;
const PAREN_HEADING = /^[（(][一二三四五六七八九十]+[)）]/;

/** Whether text[from, to) ends in a colon, trailing whitespace aside (as /[：:]\s*$/): a heading that introduces a list. */
function endsWithColon(text: string, from: number, to: number): boolean {
  let e = to;
  while (e > from && isJsWhitespace(text.charCodeAt(e - 1))) e--;
  const c = e > from ? text.charCodeAt(e - 1) : 0;
  return c === 0xff1a || c === 58;
}

export function findOrdinals(text: string, lines: LineIndex, parts: readonly Part[], tables: readonly Span[]): Ordinal[][] {
  const sequences: Ordinal[][] = [];
  // Tables hold ordinals of their own ("（一）予以公开"), never the prose's: the scans jump over them.
  const tableEndAt = (o: number) => {
    for (let i = 0; i < tables.length; i++) {
      const t = tables[i]!;
      if (o >= t.start && o < t.end) return t.end;
    }
    return -1;
  };
  const inTable = (o: number) => tableEndAt(o) >= 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    const body = part.body;
    const slice = text.slice(body.start, body.end);
    // （一）（二）: one sequence per part. Only at the start of a line, unless the text is flattened.
    const paren: Ordinal[] = [];
    let parenLine = 0;
    PAREN_ORDINAL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PAREN_ORDINAL.exec(slice))) {
      const before = m.index > 0 ? slice.charCodeAt(m.index - 1) : 0;
      if (before === 0x7b2c /* 第 */ || (before >= 48 && before <= 57)) continue;
      const start = body.start + m.index;
      const tableEnd = tableEndAt(start);
      if (tableEnd >= 0) {
        PAREN_ORDINAL.lastIndex = Math.max(PAREN_ORDINAL.lastIndex, tableEnd - body.start);
        continue;
      }
      if (!part.inline) {
        parenLine = lines.indexAtFrom(start, parenLine);
        if (!isWhitespaceRange(text, lines.startOf(parenLine), start)) continue;
      }
      const value = chineseNumeralValue(m[1]!);
      if (value === undefined) continue;
      const end = start + m[0].length;
      paren.push({ style: 'paren', value, span: { start, end }, text: text.slice(start, end) });
    }
    if (paren.length > 0) sequences.push(paren);

    // 一是…二是…: a sequence restarts at 一是; one per paragraph (line) unless flattened.
    let shi: Ordinal[] = [];
    let shiLine = -1;
    for (let at = slice.indexOf('是'); at >= 0; at = slice.indexOf('是', at + 1)) {
      // A 是 three or more characters into a table has its numerals in the table too: skip the rest of it.
      const tableEnd = tableEndAt(body.start + at);
      if (tableEnd >= 0 && tableEndAt(body.start + at - 3) === tableEnd) {
        at = Math.max(at, tableEnd - body.start - 1);
        continue;
      }
      const k = shiNumeralsBefore(slice, at);
      if (k < 0) continue;
      const start = body.start + k;
      if (inTable(start)) continue;
      const numeral = slice.slice(k, at);
      const value = chineseNumeralValue(numeral);
      if (value === undefined) continue;
      const lineNo = lines.indexAtFrom(start, Math.max(shiLine, 0));
      if (value === 1 || (!part.inline && lineNo !== shiLine)) {
        if (shi.length > 0) sequences.push(shi);
        shi = [];
      }
      shiLine = lineNo;
      shi.push({ style: 'shi', value, span: { start, end: start + numeral.length + 1 }, text: `${numeral}是` });
    }
    if (shi.length > 0) sequences.push(shi);

    // 1. 2. 3. at the start of lines; a （一） heading or a non-numbered heading line restarts it.
    if (!part.inline) {
      let arabic: Ordinal[] = [];
      const last = lines.indexAt(body.end);
      for (let i = lines.indexAt(body.start); i <= last; i++) {
        const start = lines.startOf(i);
        if (start < body.start || inTable(start)) continue;
        const end = lines.endOf(i);
        // Only the first and last visible characters decide; the line is sliced for a digit only.
        let k = start;
        while (k < end && isJsWhitespace(text.charCodeAt(k))) k++;
        if (k === end) continue;
        const c = text.charCodeAt(k);
        if (c >= 48 && c <= 57) {
          const lineText = text.slice(start, end);
          const am = ARABIC_ORDINAL.exec(lineText);
          if (am) {
            const value = Number(am[1]);
            if (value === 1 && arabic.length > 0) {
              sequences.push(arabic);
              arabic = [];
            }
            const numStart = start + lineText.indexOf(am[1]!);
            arabic.push({ style: 'arabic', value, span: { start: numStart, end: numStart + am[1]!.length + 1 }, text: lineText.trim().slice(0, am[1]!.length + 1) });
            continue;
          }
        }
        if (((c === 0xff08 || c === 40) && PAREN_HEADING.test(text.slice(k, Math.min(end, k + 6)))) || endsWithColon(text, k, end)) {
          if (arabic.length > 0) sequences.push(arabic);
          arabic = [];
        }
      }
      if (arabic.length > 0) sequences.push(arabic);
    }
  }
  return sequences;
}
