// The six parts: headings on lines of their own, or inside the long lines of flattened web text; each part's body
// runs to the next heading. And the sub-parts of 一.

import type { Heading, Part, Subsection } from './model';
import { headingLength, isChineseNumeralCode, normalizeLabel, normalizeLabelOnce } from './normalize';
import { PARTS, SUBSECTIONS, type PartId, type PartSpec } from './schema';
import { BoundedMemo, isBlankChar, trimSpan, type LineIndex } from './text';

/** Longest heading text (after the ordinal) taken as a part heading: longer lines are prose. */
const MAX_HEADING_LENGTH = 40;

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

export type PartDraft = Omit<Part, 'body' | 'duplicate'>;

export function findLineParts(text: string, lines: LineIndex, titleLine: number | undefined): PartDraft[] {
  const found: PartDraft[] = [];
  // Lines by index, not as Line objects: only a line whose first visible character is a numeral is sliced.
  for (let i = titleLine !== undefined ? titleLine + 1 : 0; i < lines.count; i++) {
    const start = lines.startOf(i);
    const end = lines.endOf(i);
    if (end - start > 200) continue;
    let k = start;
    while (k < end && isBlankChar(text.charCodeAt(k))) k++;
    if (k >= end || !isChineseNumeralCode(text.charCodeAt(k))) continue;
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
export function findInlineParts(text: string, lines: LineIndex, titleLine: number | undefined): PartDraft[] {
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

export function withBodies(drafts: readonly PartDraft[], textLength: number): Part[] {
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

export function findSubsections(text: string, lines: LineIndex, one: Part | undefined): Subsection[] {
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
