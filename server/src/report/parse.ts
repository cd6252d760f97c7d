// parse(text) → ReportModel. Never throws; every step is linear in the text (a bounded number of passes,
// regexes without nested quantifiers over unbounded input).

import type {
  Heading, OldFormatSignature, Ordinal, Part, ReportModel, Statement, Subsection, YearMention,
} from './model';
import { chineseNumeralValue, headingLength, normalizeLabel, normalizeLabelOnce } from './normalize';
import { PARTS, SUBSECTIONS, type PartId, type PartSpec } from './schema';
import { readStatements } from './statements';
import { parseActiveDisclosureTable, parseApplicationsTable, parseReviewsTable } from './tables';
import { BoundedMemo, LineIndex, isJsWhitespace, isWhitespaceRange, trimSpan, type Line, type Span } from './text';

/** Longest heading text (after the ordinal) taken as a part heading: longer lines are prose. */
const MAX_HEADING_LENGTH = 40;
const TITLE_SCAN_LINES = 40;

/** Whether the UTF-16 code is one of 一…十. By code, not `text[k]`: a CJK character read as a string is a new
 *  string each time (V8 caches only one-byte characters), and this runs on every line. */
function isNumeral(c: number): boolean {
  switch (c) {
    case 0x4e00: case 0x4e8c: case 0x4e09: case 0x56db: case 0x4e94: case 0x516d: case 0x4e03: case 0x516b: case 0x4e5d: case 0x5341:
      return true;
    default:
      return false;
  }
}

export function parse(input: string): ReportModel {
  const text = typeof input === 'string' ? input : String(input ?? '');
  const lines = new LineIndex(text);
  const title = findTitle(text, lines);
  let drafts = findLineParts(text, lines, title?.line);
  if (new Set(drafts.map((p) => p.id)).size < 3) {
    const inline = findInlineParts(text, lines, title?.line);
    if (new Set(inline.map((p) => p.id)).size > new Set(drafts.map((p) => p.id)).size) drafts = inline;
  }
  const parts = withBodies(drafts, text.length);

  const introStart = title ? title.span.end : 0;
  const intro: Span = { start: introStart, end: parts.length > 0 ? Math.max(introStart, parts[0]!.heading.span.start) : text.length };

  const tables = readTables(text, lines, parts);
  const tableSpans = [tables.activeDisclosure?.span, tables.applications?.span, tables.reviewsAndLawsuits?.span]
    .filter((s): s is Span => s !== undefined && s.end > s.start);
  const prose = subtractSpans({ start: introStart, end: text.length }, tableSpans);

  const statements: Statement[] = readStatements(text, lines, prose);
  const years = findYears(text, title, parts, prose);
  const year = title?.year ?? years.find((y) => y.source === 'period')?.year ?? mostCommon(years.map((y) => y.year));
  const subsections = findSubsections(text, lines, parts.find((p) => p.id === 1 && !p.duplicate));
  const ordinalSequences = findOrdinals(text, lines, parts, tableSpans);
  const sideBySide = isSideBySide(lines);
  const isReport = !sideBySide && (title !== undefined || new Set(parts.map((p) => p.id)).size >= 3);
  const oldFormatSignatures: OldFormatSignature[] = [...tables.signatures].sort((a, b) => a.span.start - b.span.start);

  return {
    text,
    lines,
    isReport,
    notReportReason: sideBySide ? 'side-by-side' : undefined,
    title: title ? { text: title.text, span: title.span } : undefined,
    unit: title?.unit,
    year,
    years,
    intro,
    statedPartCount: findStatedPartCount(text, intro),
    parts,
    subsections,
    tables: { activeDisclosure: tables.activeDisclosure, applications: tables.applications, reviewsAndLawsuits: tables.reviewsAndLawsuits },
    statements,
    ordinalSequences,
    oldFormatSignatures,
  };
}

// ---------------------------------------------------------------------------------------------
// Two reports side by side (pdftotext of a comparison document): prose lines hold two columns of text.
// Checking it as one report would compare one year's text with the other's tables.

const TWO_COLUMNS = /[\u4e00-\u9fff，。、；）”]\s{6,}[\u4e00-\u9fff（“]/;

function isSideBySide(lines: LineIndex): boolean {
  // Two columns need long runs of spaces; most reports have none at all.
  if (!lines.text.includes('      ')) return false;
  let cjk = 0;
  let two = 0;
  for (let i = 0; i < lines.count; i++) {
    const line = lines.text.slice(lines.startOf(i), lines.endOf(i));
    if (!/[\u4e00-\u9fff]/.test(line)) continue;
    cjk++;
    if (line.includes('      ') && TWO_COLUMNS.test(line)) two++;
  }
  return cjk >= 20 && two / cjk > 0.3;
}

// ---------------------------------------------------------------------------------------------
// Title, unit, year

interface TitleInfo {
  text: string;
  span: Span;
  line: number;
  year: number | undefined;
  unit: string | undefined;
}

// A title line ends with the report's name (a bracketed remark may follow): prose that merely mentions it does not.
const TITLE_WORDS = /(?:政府信息公开|政务公开|信息公开).{0,12}(?:年度报告|年报)\s*(?:[（(【][^）)】]{0,20}[）)】])?\s*$/;
const TITLE_PREFIX = /^(?:标题|题目|title)\s*[:：]\s*/i;

function findTitle(text: string, lines: LineIndex): TitleInfo | undefined {
  const limit = Math.min(lines.count, TITLE_SCAN_LINES);
  for (let i = 0; i < limit; i++) {
    const line = lines.line(i);
    if (line.text.length > 120 || !TITLE_WORDS.test(line.text.replace(/^\s*#+\s*/, ''))) continue;
    let span = trimSpan(text, { start: line.start, end: line.end });
    const prefix = TITLE_PREFIX.exec(text.slice(span.start, span.end));
    if (prefix) span = { start: span.start + prefix[0].length, end: span.end };
    let titleText = text.slice(span.start, span.end);
    const yearMatch = /((?:19|20)\d{2})\s*年/.exec(titleText);
    const year = yearMatch ? Number(yearMatch[1]) : undefined;
    let unit: string | undefined;
    if (yearMatch && yearMatch.index > 0) unit = titleText.slice(0, yearMatch.index).trim();
    else if (yearMatch) {
      const after = titleText.slice(yearMatch.index + yearMatch[0].length).replace(/^度/, '');
      const cut = after.search(/政府信息公开|政务公开|信息公开/);
      if (cut > 0) unit = after.slice(0, cut).trim();
    }
    // pdftotext titles wrap: "淮安市人民政府" / "2024 年政府信息公开工作年度报告".
    if (!unit && i > 0) {
      const prev = previousNonEmpty(lines, i);
      if (prev && prev.text.trim().length <= 40 && !/[。，；,;:：]/.test(prev.text)) {
        unit = prev.text.trim();
        const prevSpan = trimSpan(text, { start: prev.start, end: prev.end });
        span = { start: prevSpan.start, end: span.end };
        titleText = `${unit}${titleText}`;
      }
    }
    return { text: titleText.replace(/\s+/g, ' '), span, line: i, year, unit: unit || undefined };
  }
  return undefined;
}

function previousNonEmpty(lines: LineIndex, i: number): Line | undefined {
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) if (lines.line(j).text.trim() !== '') return lines.line(j);
  return undefined;
}

const PERIOD = /((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起)?\s*(?:至|到|—|－|-|~|～)\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/g;
const BODY_YEAR = /((?:19|20)\d{2})\s*年度?\s*[，,]\s*(?=我|本|全|市|区|县|镇|乡|街道|该)/g;
const PLAN_WORDS = /将|计划|拟|继续|下一步|持续/;

function findYears(text: string, title: TitleInfo | undefined, parts: readonly Part[], prose: readonly Span[]): YearMention[] {
  const out: YearMention[] = [];
  if (title?.year !== undefined) {
    const m = /((?:19|20)\d{2})/.exec(text.slice(title.span.start, title.span.end));
    if (m) out.push({ year: title.year, source: 'title', span: { start: title.span.start + m.index, end: title.span.start + m.index + 4 } });
  }
  // 统计期限 anywhere in the prose.
  for (const span of prose) {
    const slice = text.slice(span.start, span.end);
    PERIOD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PERIOD.exec(slice))) {
      const a = span.start + m.index;
      out.push({ year: Number(m[1]), source: 'period', span: { start: a, end: a + 4 } });
      const b = span.start + m.index + m[0].indexOf(m[2]!, 4);
      out.push({ year: Number(m[2]), source: 'period', span: { start: b, end: b + 4 } });
    }
  }
  // "2024 年，我局…" statements in the introduction and part 一: the year the report is about.
  const one = parts.find((p) => p.id === 1 && !p.duplicate);
  const scopes: Span[] = [];
  const firstHeading = parts[0]?.heading.span.start ?? text.length;
  scopes.push({ start: title ? title.span.end : 0, end: firstHeading });
  if (one) scopes.push(one.body);
  for (const scope of scopes) {
    for (const span of prose) {
      const start = Math.max(scope.start, span.start);
      const end = Math.min(scope.end, span.end);
      if (end <= start) continue;
      const slice = text.slice(start, end);
      BODY_YEAR.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = BODY_YEAR.exec(slice))) {
        const following = slice.slice(m.index + m[0].length, m.index + m[0].length + 16);
        if (PLAN_WORDS.test(following)) continue;
        const a = start + m.index;
        out.push({ year: Number(m[1]), source: 'body', span: { start: a, end: a + 4 } });
      }
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The value that occurs most often; on a tie, the one seen first. */
export function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [v, count] of counts) {
    if (count > bestCount) {
      best = v;
      bestCount = count;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Parts

const LINE_HEADING = /^\s*([一二三四五六七八九十])\s*[、．.，,]\s*(\S.*?)\s*$/;
/** What a heading may end in and its label does not: "一、总体情况：" is 总体情况. */
const TRAILING_PUNCTUATION = /[。：:;；]+$/;

/**
 * The part a line heading's words name, and whether they are its canonical title. Memoised by the words as
 * written: reports repeat the same headings (and 表三's "一、本年新收…" rows start like one), and classifying
 * them — normalising, trimming, six patterns — was most of the search for the part headings.
 */
interface HeadingWords {
  readonly spec: PartSpec | undefined;
  /** The words are the spec's title, as normalised (the numeral is checked apart). */
  readonly canonicalWords: boolean;
}

const NOT_A_HEADING: HeadingWords = { spec: undefined, canonicalWords: false };
const headingWords = new BoundedMemo<HeadingWords>(MAX_HEADING_LENGTH);

/**
 * A character every wording of every part's pattern has (总体情况, 主动公开, 处理, 复议/诉讼, 问题/改进, 其他):
 * normalising turns no other character into one of them, so words without any name no part. 表三's rows that
 * start like headings (一、本年新收…, 三、本年度办理结果) are told apart by this alone.
 */
export const PART_WORD_CHARS = '总主处复诉问改其';

const PART_WORD_CODES: readonly number[] = [...PART_WORD_CHARS].map((c) => c.charCodeAt(0));

function mayNamePart(words: string): boolean {
  for (let i = 0; i < words.length; i++) if (PART_WORD_CODES.includes(words.charCodeAt(i))) return true;
  return false;
}

function classifyWords(words: string): HeadingWords {
  if (headingLength(words) > MAX_HEADING_LENGTH || !mayNamePart(words)) return NOT_A_HEADING;
  // Results are remembered by classifyPart, or not worth remembering: normalised without the label memo.
  const label = normalizeLabelOnce(words).replace(TRAILING_PUNCTUATION, '');
  if (label.length === 0 || label.length > MAX_HEADING_LENGTH) return NOT_A_HEADING;
  const spec = PARTS.find((p) => p.pattern.test(label));
  return spec ? { spec, canonicalWords: label === normalizeLabel(spec.title) } : NOT_A_HEADING;
}

function classifyPart(words: string): HeadingWords {
  // Words with a digit or a tab are 表三's rows with their numbers (different in every report): remembering them
  // would only fill the memo.
  return hasDigitOrTab(words) ? classifyWords(words) : headingWords.get(words, classifyWords);
}

function hasDigitOrTab(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 9) return true;
  }
  return false;
}

function isCanonical(spec: PartSpec, words: string, numeral: string | undefined): boolean {
  const label = normalizeLabel(words).replace(TRAILING_PUNCTUATION, '');
  return label === normalizeLabel(spec.title) && numeral === spec.numeral;
}

type PartDraft = Omit<Part, 'body' | 'duplicate'>;

function findLineParts(text: string, lines: LineIndex, titleLine: number | undefined): PartDraft[] {
  const found: PartDraft[] = [];
  // Lines by index, not as Line objects: only a line whose first visible character is a numeral is sliced.
  for (let i = titleLine !== undefined ? titleLine + 1 : 0; i < lines.count; i++) {
    const start = lines.startOf(i);
    const end = lines.endOf(i);
    if (end - start > 200) continue;
    let k = start;
    while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0x3000 || text.charCodeAt(k) === 9)) k++;
    if (k >= end || !isNumeral(text.charCodeAt(k))) continue;
    const lineText = text.slice(start, end);
    const m = LINE_HEADING.exec(lineText);
    if (!m) continue;
    const numeral = m[1]!;
    const words = m[2]!;
    const { spec, canonicalWords } = classifyPart(words);
    if (!spec) continue;
    const numeralStart = start + lineText.indexOf(numeral);
    const wordsStart = start + lineText.indexOf(words, numeralStart - start + 1);
    const heading: Heading = {
      span: { start: numeralStart, end: wordsStart + words.length },
      text: words,
      numeral,
      numeralSpan: { start: numeralStart, end: numeralStart + 1 },
    };
    found.push({ id: spec.id, heading, canonical: canonicalWords && numeral === spec.numeral, inline: false });
  }
  return found;
}

/**
 * Flattened web text: headings sit inside long lines ("…联系。 一、总体情况 2023年，…"). An introduction
 * that lists the parts ("由一、总体情况 二、…等六部分组成") has them too, so for each part the last
 * occurrence before the next part's chosen heading is taken, working backwards from 六.
 */
function findInlineParts(text: string, lines: LineIndex, titleLine: number | undefined): PartDraft[] {
  const candidates = new Map<PartId, PartDraft[]>();
  const from = titleLine !== undefined ? lines.line(titleLine).end : 0;
  const re = /([一二三四五六])\s*[、．.]\s*/g;
  const slice = text.slice(from);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) {
    const numeral = m[1]!;
    const wordsStart = from + m.index + m[0].length;
    const ahead = normalizeLabel(text.slice(wordsStart, wordsStart + 48));
    for (const spec of PARTS) {
      const wording = spec.inlineWordings.find((w) => ahead.startsWith(normalizeLabel(w)));
      if (!wording) continue;
      // Map the normalised wording length back onto the raw text (spaces may sit inside it).
      let end = wordsStart;
      let seen = 0;
      const target = normalizeLabel(wording).length;
      while (end < text.length && seen < target) {
        if (normalizeLabel(text[end]!).length > 0) seen++;
        end++;
      }
      const start = from + m.index;
      const words = text.slice(wordsStart, end);
      const heading: Heading = { span: { start, end }, text: words, numeral, numeralSpan: { start, end: start + 1 } };
      const list = candidates.get(spec.id) ?? [];
      list.push({ id: spec.id, heading, canonical: isCanonical(spec, words, numeral), inline: true });
      candidates.set(spec.id, list);
      break;
    }
  }
  const chosen: PartDraft[] = [];
  let limit = Number.POSITIVE_INFINITY;
  for (let id = 6 as PartId; id >= 1; id = (id - 1) as PartId) {
    const list = (candidates.get(id) ?? []).filter((c) => c.heading.span.start < limit);
    const pick = list[list.length - 1];
    if (pick) {
      chosen.unshift(pick);
      limit = pick.heading.span.start;
    }
    if (id === 1) break;
  }
  return chosen;
}

function withBodies(drafts: readonly PartDraft[], textLength: number): Part[] {
  const sorted = [...drafts].sort((a, b) => a.heading.span.start - b.heading.span.start);
  const seen = new Set<PartId>();
  // Built by push, not map: see totals.ts on the arrays that flow into hot code.
  const parts: Part[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const d = sorted[i]!;
    const next = sorted[i + 1];
    const body = { start: d.heading.span.end, end: next ? next.heading.span.start : textLength };
    const duplicate = seen.has(d.id);
    seen.add(d.id);
    parts.push({ id: d.id, heading: d.heading, canonical: d.canonical, inline: d.inline, body, duplicate });
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Sub-parts of 一

const SUB_HEADING = /(^|[^第])[（(]\s*([一二三四五六七八九十])\s*[)）]\s*([^。：:；;，,\n\r（(]{1,24})/g;
const BARE_SUB_HEADING = /^\s*([^\s。，,；;]{2,18}?)\s*[：:]?\s*$/;
const MAX_BARE_SUB_HEADING = 30;

function findSubsections(text: string, lines: LineIndex, one: Part | undefined): Subsection[] {
  if (!one) return [];
  const out: Subsection[] = [];
  const body = text.slice(one.body.start, one.body.end);
  SUB_HEADING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SUB_HEADING.exec(body))) {
    const words = m[3]!;
    const label = normalizeLabel(words);
    const spec = SUBSECTIONS.find((s) => s.pattern.test(label));
    const start = one.body.start + m.index + m[1]!.length;
    const end = one.body.start + m.index + m[0].length;
    if (spec && !out.some((s) => s.id === spec.id)) {
      out.push({ id: spec.id, heading: { span: { start, end }, text: words, numeral: m[2], numeralSpan: { start, end: start + 3 } } });
    }
  }
  // Unnumbered sub-headings on their own line: "主动公开情况：" (seed 001). Only short lines are sliced.
  const last = lines.indexAt(one.body.end);
  for (let i = lines.indexAt(one.body.start); i <= last; i++) {
    const start = lines.startOf(i);
    const end = lines.endOf(i);
    if (end - start > MAX_BARE_SUB_HEADING) continue;
    const bm = BARE_SUB_HEADING.exec(text.slice(start, end));
    if (!bm) continue;
    const label = normalizeLabel(bm[1]!);
    const spec = SUBSECTIONS.find((s) => s.pattern.test(label));
    if (spec && !out.some((s) => s.id === spec.id)) {
      const span = trimSpan(text, { start, end });
      out.push({ id: spec.id, heading: { span, text: bm[1]!, numeral: undefined, numeralSpan: undefined } });
    }
  }
  return out.sort((a, b) => a.heading.span.start - b.heading.span.start);
}

// ---------------------------------------------------------------------------------------------
// Ordinal sequences: （一）（二）…, 一是/二是…, 1. 2. … — per part, outside tables.

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
  while (k > 0 && at - k < 3 && isNumeral(slice.charCodeAt(k - 1))) k--;
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

function findOrdinals(text: string, lines: LineIndex, parts: readonly Part[], tables: readonly Span[]): Ordinal[][] {
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

// ---------------------------------------------------------------------------------------------
// Introduction: "本报告共分6个部分" / "由…等六部分组成"

const PART_COUNT = /(?:共分为?|分为|共有|共|包括|由)[^。；;]{0,80}?([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*个?\s*部分/g;

function findStatedPartCount(text: string, intro: Span): { value: number; span: Span } | undefined {
  const slice = text.slice(intro.start, Math.min(intro.end, intro.start + 5000));
  PART_COUNT.lastIndex = 0;
  const m = PART_COUNT.exec(slice);
  if (!m) return undefined;
  const raw = m[1]!.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const value = chineseNumeralValue(raw);
  if (value === undefined) return undefined;
  const start = intro.start + m.index + m[0].lastIndexOf(m[1]!);
  return { value, span: { start, end: start + m[1]!.length } };
}

// ---------------------------------------------------------------------------------------------
// Tables

function readTables(text: string, lines: LineIndex, parts: readonly Part[]) {
  const bodyOf = (id: PartId) => parts.find((p) => p.id === id && !p.duplicate)?.body;
  const signatures: OldFormatSignature[] = [];
  const two = bodyOf(2);
  const three = bodyOf(3);
  const four = bodyOf(4);
  let activeDisclosure;
  let applications;
  let reviewsAndLawsuits;
  if (two) {
    const r = parseActiveDisclosureTable(text, lines, two);
    activeDisclosure = r.table;
    signatures.push(...r.signatures);
  }
  if (three) {
    const r = parseApplicationsTable(text, lines, three);
    applications = r.table;
    signatures.push(...r.signatures);
  }
  if (four) reviewsAndLawsuits = parseReviewsTable(text, lines, four);
  return { activeDisclosure, applications, reviewsAndLawsuits, signatures };
}

function subtractSpans(whole: Span, holes: readonly Span[]): Span[] {
  const out: Span[] = [];
  let cursor = whole.start;
  for (const h of [...holes].sort((a, b) => a.start - b.start)) {
    if (h.start > cursor) out.push({ start: cursor, end: Math.min(h.start, whole.end) });
    cursor = Math.max(cursor, h.end);
  }
  if (cursor < whole.end) out.push({ start: cursor, end: whole.end });
  return out;
}
