// Numbers stated in the prose that the tables also hold (docs/format.md §9). Only phrases whose meaning is
// unambiguous are read: a wrong warning costs the user's trust, a missed one costs little.

import type { ResultCategory, Statement, StatementKind } from './model';
import { isJsWhitespace, type LineIndex, type Span } from './text';

interface Pattern {
  readonly kind: StatementKind;
  /** Sticky: tried only where one of `starts` is (see findMatches). */
  readonly re: RegExp;
  /** Index of the capture group holding the number; 0 for claims without a number. */
  readonly group: number;
  /**
   * How a match of `re` can begin: two-character prefixes, or single characters after which anything may come.
   * A superset is harmless (the regex decides); a prefix left out is a match missed.
   */
  readonly starts: readonly string[];
}

const N = '(\\d[\\d,，]*)';
const S = '\\s*';
const DIGITS = [...'0123456789'];
/** The result categories as prose names them. */
const CATEGORY = '(?:同意公开|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)';

function pattern(kind: StatementKind, group: number, starts: readonly string[], source: string): Pattern {
  return { kind, group, starts, re: new RegExp(source, 'yd') };
}

export const PATTERNS: readonly Pattern[] = [
  // "全年共受理政府信息公开申请 3119 件", "共计收到政府信息公开申请 27 项", "接收…各类政府信息公开申请共计81件"
  pattern('applicationsReceived', 1, ['收到', '受理', '接收', '收办', '新收'], `(?:收到|受理|接收|收办|新收)[^。；;，,\\d]{0,24}?(?:政府)?信息公开申请(?:案件)?${S}(?:共计|共|合计)?${S}${N}${S}(?:件|项|个|条)`),
  // "答复 3050 件", "办结依申请公开81件", "答复政府信息公开申请805件"
  pattern('applicationsHandled', 1, ['办结', '答复'], `(?:办结|答复)(?:政府信息公开申请|依申请公开(?:申请)?|申请)?${S}(?:共计|共)?${S}${N}${S}件`),
  // "含上年度结转申请 34 件"
  pattern('applicationsCarriedOver', 1, ['上一', '上年'], `上一?年度?结转(?:申请|的申请)?${S}${N}${S}件`),
  // "另有 103 件顺延到下年度答复", "转下年度办理121件", "结转下年度继续办理 5 件"
  pattern('applicationsCarriedForward', 1, DIGITS, `${N}${S}件[^。；;，,、\\d]{0,12}?(?:顺延|结转|转)(?:至|到)?下一?年度`),
  pattern('applicationsCarriedForward', 1, ['结转', '转至', '转到', '转下'], `(?:结转|转)(?:至|到)?下一?年度(?:继续)?(?:办理|答复)?${S}${N}${S}件`),
  // "未收到依申请公开政府信息", "未收到政府信息公开申请"
  pattern('noApplications', 0, ['未收', '未接', '未受'], '未(?:收到|接到|受理)(?:任何)?(?:依申请公开|政府信息公开申请|政府信息公开的申请|信息公开申请)'),
  // "政府信息公开行政复议 351 件", "行政复议案件2件"
  pattern('reviews', 1, ['行政'], `行政复议(?:案件|申请)?${S}(?:共计|共)?${S}${N}${S}(?:件|起)`),
  pattern('lawsuits', 1, ['行政'], `行政诉讼(?:案件)?${S}(?:共计|共)?${S}${N}${S}(?:件|起)`),
  // "均获维持", "均被维持", "未被纠错", "零败诉"
  pattern('allUpheld', 0, ['均获', '均被', '均予', '均维', '未被', '零败', '无一'], '均(?:获|被|予)?维持|未被纠错|零败诉|无一败诉'),
  // "均已办结", "全部按时办结", "已全部办结"
  pattern('allHandled', 0, ['均已', '均按', '全部', '已全'], '(?:均已|均按时|全部按时|已全部|全部)(?:予以)?办结'),
  // "同意公开答复9件", "予以公开及部分公开258件", "不予公开的有2件": counts of one category (or two joined)
  pattern('categoryCount', 2, ['同意', '予以', '部分', '不予', '无法', '其他'], `(${CATEGORY}(?:(?:及|和|与|、)${CATEGORY})?)(?:答复|办结|处理)?[^。；;，,\\d]{0,4}?${S}(?:共计|共)?${S}${N}${S}件`),
  // "现行有效行政规范性文件393件", "规范性文件…集中公开现行有效文件 44 件"
  pattern('normativeDocumentsInForce', 1, ['现行'], `现行有效(?:的)?(?:行政)?规范性文件${S}(?:共计|共)?${S}${N}${S}件`),
  pattern('normativeDocumentsInForce', 1, ['规范'], `规范性文件[^。；;\\d]{0,14}?现行有效(?:的)?(?:文件)?${S}(?:共计|共)?${S}${N}${S}件`),
];

/**
 * For each UTF-16 code, as bit sets over PATTERNS (bit k: PATTERNS[k]): the patterns a match may start with it
 * (FIRST), and those it may be the second character of (SECOND; ANY_SECOND for patterns that take anything
 * there). Two array loads per character of the prose decide whether any regex need be tried there.
 */
const FIRST = new Uint16Array(0x10000);
const SECOND = new Uint16Array(0x10000);
/** A pattern is a bit of FIRST's and SECOND's entries: there can be no more patterns than bits. */
export const MAX_PATTERNS = 16;
if (PATTERNS.length > MAX_PATTERNS) {
  // A programming error, met by every test at load: a 17th pattern would silently never be tried.
  throw new Error(`statements.ts: ${PATTERNS.length} patterns, but the bit tables hold ${MAX_PATTERNS}: widen FIRST and SECOND`);
}
const ANY_SECOND = PATTERNS.reduce((bits, p, k) => (p.starts.some((s) => s.length === 1) ? bits | (1 << k) : bits), 0);
PATTERNS.forEach((p, k) => {
  for (const prefix of p.starts) {
    FIRST[prefix.charCodeAt(0)]! |= 1 << k;
    if (prefix.length > 1) SECOND[prefix.charCodeAt(1)]! |= 1 << k;
  }
});
/**
 * Patterns that start with the number and its unit (\d[\d,，]*\s*件): a match from a later digit of a number
 * would also be one from the digit before it, so only a number's first digit is tried, and only when 件 follows
 * the number (numberThenUnit). Digit-dense text (a table that could not be read is prose) would otherwise try
 * the regex at every number.
 */
const NUMBER_FIRST = PATTERNS.reduce((bits, p, k) => (p.re.source.startsWith(N) ? bits | (1 << k) : bits), 0);

/**
 * The matches of every pattern in `slice`, by pattern: exactly what a global regex per pattern finds (the leftmost
 * match, then the next from its end), in one pass over the text instead of one per pattern. Each regex is tried,
 * sticky, only where its first two characters can be: eleven scans of all the prose were an eighth of the parse.
 */
export function findMatches(slice: string): RegExpExecArray[][] | undefined {
  let found: RegExpExecArray[][] | undefined;
  // Where each pattern may match next: a match resumes the pattern's search at its end, as the global regex did.
  const resume = new Int32Array(PATTERNS.length);
  const length = slice.length;
  for (let i = 0; i < length; i++) {
    let bits = FIRST[slice.charCodeAt(i)]!;
    if (bits === 0) continue;
    bits &= (i + 1 < length ? SECOND[slice.charCodeAt(i + 1)]! : 0) | ANY_SECOND;
    if ((bits & NUMBER_FIRST) !== 0 && ((i > 0 && isDigit(slice.charCodeAt(i - 1))) || !numberThenUnit(slice, i))) bits &= ~NUMBER_FIRST;
    while (bits !== 0) {
      const k = 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      if (i < resume[k]!) continue;
      const re = PATTERNS[k]!.re;
      re.lastIndex = i;
      const m = re.exec(slice);
      if (!m) continue;
      resume[k] = i + Math.max(1, m[0].length);
      if (!found) {
        // Built by push, not map(): readStatements' loops read it (ARCHITECTURE.md, Performance).
        found = [];
        for (let j = 0; j < PATTERNS.length; j++) found.push([]);
      }
      found[k]!.push(m);
    }
  }
  return found;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether the number at `i` is followed by 件, as /\d[\d,，]*\s*件/ would find from `i`: the run of digits and
 * commas and then of whitespace are taken whole (a shorter run would be followed by a digit, comma or space,
 * never by 件).
 */
function numberThenUnit(s: string, i: number): boolean {
  let j = i + 1;
  for (let c = s.charCodeAt(j); isDigit(c) || c === 44 || c === 0xff0c; c = s.charCodeAt(++j));
  while (j < s.length && isJsWhitespace(s.charCodeAt(j))) j++;
  return s.charCodeAt(j) === 0x4ef6;
}

/** A category's name just before a match ("同意公开" + "答复9件"). */
const CATEGORY_BEFORE = new RegExp(`${CATEGORY}$`);

const CATEGORY_WORDS: readonly [string, ResultCategory][] = [
  ['同意公开', 'granted'], ['予以公开', 'granted'], ['部分公开', 'partlyGranted'], ['不予公开', 'denied'],
  ['无法提供', 'unavailable'], ['不予处理', 'notHandled'], ['其他处理', 'otherHandling'],
];

/** The categories a phrase names, in order ("予以公开及部分公开" → granted, partlyGranted). */
function categoriesOf(phrase: string): ResultCategory[] {
  const found: { at: number; category: ResultCategory }[] = [];
  for (const [word, category] of CATEGORY_WORDS) {
    const at = phrase.indexOf(word);
    if (at >= 0 && !found.some((f) => f.category === category)) found.push({ at, category });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.category);
}

/** Reads statements from the spans of prose given (table regions already excluded). */
export function readStatements(text: string, lines: LineIndex, prose: readonly Span[]): Statement[] {
  const out: Statement[] = [];
  const seen = new Set<string>();
  for (const span of prose) {
    // pdftotext wraps anywhere, even inside a word ("答\n复 3050 件"): match on the text with line breaks
    // (and the indentation after them) removed, and map offsets back.
    const { slice, offsets } = joinLines(text, lines, span);
    const found = findMatches(slice);
    if (!found) continue;
    // Pattern by pattern, as the claims below depend on the order they are taken in.
    for (let k = 0; k < PATTERNS.length; k++) {
      const p = PATTERNS[k]!;
      for (const m of found[k]!) {
        let numSpan: Span;
        let value: number | undefined;
        if (p.group > 0) {
          const num = m[p.group]!;
          const [a, b] = m.indices![p.group]!;
          numSpan = { start: offsets.at(a), end: offsets.at(b - 1) + 1 };
          value = Number(num.replace(/[,，]/g, ''));
          if (!Number.isFinite(value)) continue;
        } else {
          numSpan = { start: offsets.at(m.index), end: offsets.at(m.index + m[0].length - 1) + 1 };
        }
        // "同意公开答复9件" is a count of one category (categoryCount), not of all applications handled.
        if (p.kind === 'applicationsHandled' && CATEGORY_BEFORE.test(slice.slice(Math.max(0, m.index - 6), m.index))) continue;
        const key = `${p.kind}@${numSpan.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // One claim per sentence: "均获维持，继续保持了零败诉" is a single claim.
        const prev = out[out.length - 1];
        if (p.group === 0 && prev && prev.kind === p.kind && numSpan.start - prev.span.end < 30) continue;
        const phraseStart = Math.max(0, m.index - 12);
        const phrase = slice.slice(phraseStart, m.index + m[0].length).replace(/\s+/g, '');
        if (p.kind === 'categoryCount') {
          const categories = categoriesOf(m[1]!);
          if (categories.length > 0 && value !== undefined) out.push({ kind: p.kind, value, span: numSpan, phrase, categories });
          continue;
        }
        out.push(value === undefined ? { kind: p.kind, span: numSpan, phrase } : { kind: p.kind, value, span: numSpan, phrase });
      }
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/**
 * The span's text without line breaks and the indentation that follows them, and a map back to source offsets.
 * Built from whole segments (one per line, taken from the line index rather than found again character by
 * character): this runs over all the prose.
 */
function joinLines(text: string, lines: LineIndex, span: Span): { slice: string; offsets: OffsetMap } {
  const pieces: string[] = [];
  const segStarts: number[] = []; // offset in the joined string where each segment starts
  const srcStarts: number[] = []; // source offset of that segment's first character
  let joinedLength = 0;
  const last = lines.indexAt(span.end);
  for (let line = lines.indexAt(span.start); line <= last; line++) {
    const lineStart = lines.startOf(line);
    let i = Math.max(lineStart, span.start);
    const j = Math.min(lines.endOf(line), span.end);
    // After a line break inside the span, the next line's indentation goes too.
    if (lineStart > span.start) {
      while (i < j) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 0x3000 || c === 9) i++;
        else break;
      }
    }
    if (j > i) {
      pieces.push(text.slice(i, j));
      segStarts.push(joinedLength);
      srcStarts.push(i);
      joinedLength += j - i;
    }
  }
  return { slice: pieces.join(''), offsets: new OffsetMap(segStarts, srcStarts) };
}

/** Maps an index of the joined text to its source offset (binary search over segments). */
class OffsetMap {
  constructor(private readonly segStarts: number[], private readonly srcStarts: number[]) {}
  at(index: number): number {
    const s = this.segStarts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.srcStarts[lo]! + (index - s[lo]!);
  }
}
