// The report's title (unit and year), the years it names (title, 统计期限, "YYYY年，我…"), the part count its
// introduction states, and whether the text is two reports side by side rather than one.

import type { Part, YearMention } from './model';
import { chineseNumeralValue } from './normalize';
import { type LineIndex, trimSpan, type Line, type Span } from './text';

const TITLE_SCAN_LINES = 40;

export interface TitleInfo {
  text: string;
  span: Span;
  line: number;
  year: number | undefined;
  unit: string | undefined;
}

// A title line ends with the report's name (a bracketed remark may follow): prose that merely mentions it does not.
const TITLE_WORDS = /(?:政府信息公开|政务公开|信息公开).{0,12}(?:年度报告|年报)\s*(?:[（(【][^）)】]{0,20}[）)】])?\s*$/;
const TITLE_PREFIX = /^(?:标题|题目|title)\s*[:：]\s*/i;

export function findTitle(text: string, lines: LineIndex): TitleInfo | undefined {
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
/** "2024 年，我局…", "2024年度，凤泉区…": a year that opens a sentence of the introduction or of part 一 — what the report is about. */
const BODY_YEAR = /((?:19|20)\d{2})\s*年度?\s*[，,]\s*(?=[\u4e00-\u9fff])/g;
const PLAN_WORDS = /将|计划|拟|继续|下一步|持续/;

export function findYears(text: string, title: TitleInfo | undefined, parts: readonly Part[], prose: readonly Span[]): YearMention[] {
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

// ---------------------------------------------------------------------------------------------
// Introduction: "本报告共分6个部分" / "由…等六部分组成"

const PART_COUNT = /(?:共分为?|分为|共有|共|包括|由)[^。；;]{0,80}?([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*个?\s*部分/g;

export function findStatedPartCount(text: string, intro: Span): { value: number; span: Span } | undefined {
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
// Two reports side by side (pdftotext of a comparison document): prose lines hold two columns of text.
// Checking it as one report would compare one year's text with the other's tables.

// Checking it as one report would compare one year's text with the other's tables.

const TWO_COLUMNS = /[\u4e00-\u9fff，。、；）”]\s{6,}[\u4e00-\u9fff（“]/;

export function isSideBySide(lines: LineIndex): boolean {
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
