// The six parts: headings on lines of their own, or inside the long lines of flattened web text; each part's body
// runs to the next heading. And the sub-parts of 一.

import type { Heading, Part, Subsection } from './model';
import { headingLength, isChineseNumeralCode, normalizeLabel, normalizeLabelOnce } from './normalize';
import { PARTS, SUBSECTIONS, type PartId, type PartSpec } from './schema';
import { BoundedMemo, isBlankChar, isJsWhitespace, trimSpan, type LineIndex } from './text';

/** Longest heading text (after the ordinal) taken as a part heading: longer lines are prose. */
const MAX_HEADING_LENGTH = 40;

/** A line heading: an ordinal of one to three numerals (一、… 十一、), then the words; Markdown's # and ** around it. */
const LINE_HEADING = /^[\s#*]*([一二三四五六七八九十]{1,3})\s*[、．.，,]\s*(\S.*?)[\s*]*$/;
/** What a heading may end in and its label does not: "一、总体情况：" is 总体情况. */
export const TRAILING_PUNCTUATION = /[。：:;；]+$/;

/**
 * The part a line heading's words name, and whether they are its canonical title. Memoised by the words as
 * written: reports repeat the same headings (and 表三's "一、本年新收…" rows start like one), and classifying
 * them — normalising, trimming, six patterns — was most of the search for the part headings.
 */
interface HeadingWords {
  readonly spec: PartSpec | undefined;
  /** The words are the spec's title or the 条例's wording, as normalised (the numeral is checked apart). */
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

/** The normalised accepted wordings of each part. */
const ACCEPTED: ReadonlyMap<PartSpec, ReadonlySet<string>> = new Map(PARTS.map((p) => [p, new Set(p.accepted.map(normalizeLabel))]));

function classifyWords(words: string): HeadingWords {
  if (headingLength(words) > MAX_HEADING_LENGTH || !mayNamePart(words)) return NOT_A_HEADING;
  // Results are remembered by classifyPart, or not worth remembering: normalised without the label memo.
  const label = normalizeLabelOnce(words).replace(TRAILING_PUNCTUATION, '');
  if (label.length === 0 || label.length > MAX_HEADING_LENGTH) return NOT_A_HEADING;
  const spec = PARTS.find((p) => p.pattern.test(label));
  return spec ? { spec, canonicalWords: ACCEPTED.get(spec)!.has(label) } : NOT_A_HEADING;
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

function isCanonicalWords(spec: PartSpec, words: string): boolean {
  return ACCEPTED.get(spec)!.has(normalizeLabel(words).replace(TRAILING_PUNCTUATION, ''));
}

export type PartDraft = Omit<Part, 'body' | 'duplicate'>;

/** Whether a character code can start a line heading: a numeral, or Markdown's # or * before one. */
function mayStartHeading(c: number): boolean {
  return isChineseNumeralCode(c) || c === 35 /* # */ || c === 42 /* * */;
}

/**
 * Every line that reads as a part heading: an ordinal and words that name a part. A report may have more than one
 * for a part — municipal reports number the topics of 总体情况 as top-level headings too ("二、主动公开工作情况")
 * before the statutory parts — and which one is the part is chosen by content (chooseParts).
 */
export function findLineParts(text: string, lines: LineIndex, titleLine: number | undefined): PartDraft[] {
  const found: PartDraft[] = [];
  // Lines by index, not as Line objects: only a line whose first visible character may start a heading is sliced.
  for (let i = titleLine !== undefined ? titleLine + 1 : 0; i < lines.count; i++) {
    const start = lines.startOf(i);
    const end = lines.endOf(i);
    if (end - start > 200) continue;
    let k = start;
    while (k < end && isBlankChar(text.charCodeAt(k))) k++;
    if (k >= end || !mayStartHeading(text.charCodeAt(k))) continue;
    const lineText = text.slice(start, end);
    const m = LINE_HEADING.exec(lineText);
    if (!m) continue;
    const numeral = m[1]!;
    const words = m[2]!;
    const { spec, canonicalWords } = classifyPart(words);
    if (!spec) continue;
    const numeralStart = start + lineText.indexOf(numeral);
    const wordsStart = start + lineText.indexOf(words, numeralStart - start + numeral.length);
    const heading: Heading = {
      span: { start: numeralStart, end: wordsStart + words.length },
      text: words,
      numeral,
      numeralSpan: { start: numeralStart, end: numeralStart + numeral.length },
    };
    found.push({ id: spec.id, heading, canonical: canonicalWords && numeral === spec.numeral, canonicalWords, inline: false });
  }
  return found;
}

/** Words a table's region holds (its rows' and headers' labels): a heading with its table under it is the part. */
const TABLE_WORDS: Partial<Record<PartId, RegExp>> = {
  2: /第二十条|行政规范性文件|行政许可|行政处罚/,
  3: /本年新收|上年结转|予以公开|申请人情况/,
  4: /结果维持|结果纠正|尚未审结|复议后起诉/,
};

/** How much of a heading's body is looked at for its table. */
const TABLE_LOOKAHEAD = 4000;

/**
 * One heading per part, chosen by content: the one with its table under it (二、三、四), then the one in the
 * canonical wording, then the first. Headings as strong as the chosen one stay (a report pasted twice: its parts
 * are duplicates); weaker ones are text — a topic of 总体情况 numbered like a part is not the part.
 */
export function chooseParts(drafts: readonly PartDraft[], text: string): PartDraft[] {
  const byId = new Map<PartId, PartDraft[]>();
  for (const d of drafts) {
    const list = byId.get(d.id);
    if (list) list.push(d);
    else byId.set(d.id, [d]);
  }
  // A part with one heading is that heading: nothing to choose (the common case).
  if ([...byId.values()].every((l) => l.length === 1)) return [...drafts];
  const sorted = [...drafts].sort((a, b) => a.heading.span.start - b.heading.span.start);
  const bodyEnd = (d: PartDraft) => {
    const next = sorted.find((x) => x.heading.span.start > d.heading.span.start);
    return Math.min(next ? next.heading.span.start : text.length, d.heading.span.end + TABLE_LOOKAHEAD);
  };
  const score = (d: PartDraft) => {
    const words = TABLE_WORDS[d.id];
    const table = words !== undefined && words.test(text.slice(d.heading.span.end, bodyEnd(d)));
    return (table ? 4 : 0) + (d.canonicalWords ? 2 : 0) + (d.canonical ? 1 : 0);
  };
  const kept: PartDraft[] = [];
  for (const list of byId.values()) {
    const scores = list.map(score);
    const best = Math.max(...scores);
    list.forEach((d, i) => {
      if (scores[i] === best) kept.push(d);
    });
  }
  return kept.sort((a, b) => a.heading.span.start - b.heading.span.start);
}

/**
 * Whether text[start, end) starts as LINE_HEADING needs — \s, # and * (its `^[\s#*]*`), then a numeral — without
 * slicing the line or running the regex: most lines are prose.
 */
function mayBeLineHeading(text: string, start: number, end: number): boolean {
  let k = start;
  for (let c = text.charCodeAt(k); k < end && (isJsWhitespace(c) || c === 35 || c === 42); c = text.charCodeAt(++k));
  return k < end && isChineseNumeralCode(text.charCodeAt(k));
}

/**
 * Whether a line other than the parts' own headings (at `partNumerals`) is a heading numbered like a part whose
 * words name one: a municipal report's topic "二、主动公开工作情况". 表三's rows ("二、上年结转…") name none.
 */
export function topicNumberedLikePart(text: string, lines: LineIndex, partNumerals: ReadonlySet<number>): boolean {
  for (let i = 0; i < lines.count; i++) {
    const start = lines.startOf(i);
    const end = lines.endOf(i);
    if (end - start > 200 || !mayBeLineHeading(text, start, end)) continue;
    const lineText = text.slice(start, end);
    const m = LINE_HEADING.exec(lineText);
    if (!m || partNumerals.has(start + lineText.indexOf(m[1]!))) continue;
    if (classifyPart(m[2]!).spec) return true;
  }
  return false;
}

/** A part heading numbered like a sub-heading: "(二)主动公开政府信息情况". */
const PAREN_HEADING = /^[\s#*]*([（(]\s*([一二三四五六])\s*[)）])\s*(\S.*?)[\s*]*$/;

/**
 * Parts numbered "(二)" instead of "二、": taken only for a part no heading was found for, in the 条例's own wording,
 * with its own numeral, between the parts before and after it, and — for 二、三、四 — its table under it. A
 * sub-heading of 一 ("（一）主动公开情况") passes none of these.
 */
export function findParenthesisedParts(text: string, lines: LineIndex, chosen: readonly PartDraft[]): PartDraft[] {
  const have = new Set(chosen.map((d) => d.id));
  if (have.size === 6) return [];
  const sorted = [...chosen].sort((a, b) => a.heading.span.start - b.heading.span.start);
  const added: PartDraft[] = [];
  for (let i = 0; i < lines.count; i++) {
    const start = lines.startOf(i);
    const end = lines.endOf(i);
    if (end - start > 80) continue;
    const lineText = text.slice(start, end);
    const m = PAREN_HEADING.exec(lineText);
    if (!m) continue;
    const { spec, canonicalWords } = classifyPart(m[3]!);
    if (!spec || have.has(spec.id) || !canonicalWords || m[2] !== spec.numeral) continue;
    const before = sorted.filter((d) => d.heading.span.start < start);
    const after = sorted.find((d) => d.heading.span.start > start);
    if (before.some((d) => d.id > spec.id) || (after && after.id < spec.id)) continue;
    const words = TABLE_WORDS[spec.id];
    const bodyEnd = Math.min(after ? after.heading.span.start : text.length, end + TABLE_LOOKAHEAD);
    if (words && !words.test(text.slice(end, bodyEnd))) continue;
    const markStart = start + lineText.indexOf(m[1]!);
    const wordsStart = start + lineText.indexOf(m[3]!, markStart - start + m[1]!.length);
    const heading: Heading = {
      span: { start: markStart, end: wordsStart + m[3]!.length },
      text: m[3]!,
      numeral: m[2]!,
      numeralSpan: { start: markStart, end: markStart + m[1]!.length },
    };
    added.push({ id: spec.id, heading, canonical: false, canonicalWords: true, inline: false });
    have.add(spec.id);
  }
  return added.length === 0 ? [] : [...chosen, ...added].sort((a, b) => a.heading.span.start - b.heading.span.start);
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
      const canonicalWords = isCanonicalWords(spec, words);
      list.push({ id: spec.id, heading, canonical: canonicalWords && numeral === spec.numeral, canonicalWords, inline: true });
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
    parts.push({ id: d.id, heading: d.heading, canonical: d.canonical, canonicalWords: d.canonicalWords, inline: d.inline, body, duplicate });
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Sub-parts of 一: their keywords anywhere in a sub-heading ("（一）系统化推进主动公开", "（三）完善公开制度规范，加强政府
// 信息管理", "（五）及时回应关切，自觉接受监督"), numbered （一） or 一、 (municipal reports number the topics of 总体情况
// like parts), or a short line of its own ("主动公开情况：").

/** （一） in flattened text, where headings sit inside one long line. */
const INLINE_SUB_HEADING = /(^|[^第])[（(]\s*([一二三四五六七八九十])\s*[)）]\s*([^。\n\r]{1,40})/g;
/** An ordinal at a line's start: （一）, 一、, 1. or 1、. */
const LINE_ORDINAL = /^[\s#*]*(?:[（(]\s*([一二三四五六七八九十]{1,2})\s*[)）]|([一二三四五六七八九十]{1,2})\s*[、．.]|(\d{1,2})\s*[、.．](?!\d))\s*/;
const MAX_SUB_HEADING = 60;
const MAX_BARE_SUB_HEADING = 30;

type SubsectionSpec = (typeof SUBSECTIONS)[number];

/** Where each sub-part's keyword first stands in a label, in SUBSECTIONS' order (those it has). */
interface KeywordAt {
  readonly spec: SubsectionSpec;
  readonly at: number;
}

/**
 * The keywords a label holds, remembered by the label: reports repeat their sub-headings, and five regexes ran
 * over each candidate line of every report's part 一.
 */
const keywordsOf = new BoundedMemo<readonly KeywordAt[]>(MAX_SUB_HEADING);
const keywordsOfLabel = (label: string): readonly KeywordAt[] => {
  const out: KeywordAt[] = [];
  for (const spec of SUBSECTIONS) {
    const m = spec.pattern.exec(label);
    if (m) out.push({ spec, at: m.index });
  }
  return out;
};

/** The sub-part whose keyword comes first in `label`, among those not yet found (the first in order on a tie). */
function subsectionOf(label: string, found: ReadonlySet<string>): SubsectionSpec | undefined {
  let best: SubsectionSpec | undefined;
  let at = Number.POSITIVE_INFINITY;
  for (const k of keywordsOf.get(label, keywordsOfLabel)) {
    if (found.has(k.spec.id)) continue;
    if (k.at < at) {
      at = k.at;
      best = k.spec;
    }
  }
  return best;
}

export function findSubsections(text: string, lines: LineIndex, one: Part | undefined): Subsection[] {
  if (!one) return [];
  const out: Subsection[] = [];
  const found = new Set<string>();
  const add = (spec: (typeof SUBSECTIONS)[number], heading: Heading) => {
    found.add(spec.id);
    out.push({ id: spec.id, heading });
  };
  if (one.inline) {
    const body = text.slice(one.body.start, one.body.end);
    INLINE_SUB_HEADING.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = INLINE_SUB_HEADING.exec(body))) {
      const spec = subsectionOf(normalizeLabel(m[3]!), found);
      if (!spec) continue;
      const start = one.body.start + m.index + m[1]!.length;
      const end = one.body.start + m.index + m[0].length;
      add(spec, { span: { start, end }, text: m[3]!, numeral: m[2], numeralSpan: { start, end: start + 3 } });
    }
    return out;
  }
  // Only short lines are sliced: a sub-heading is a line of its own.
  const last = lines.indexAt(one.body.end);
  for (let i = lines.indexAt(one.body.start); i <= last; i++) {
    const start = Math.max(lines.startOf(i), one.body.start);
    const end = Math.min(lines.endOf(i), one.body.end);
    if (end <= start) continue;
    // A numbered heading may run on into its first sentence on the same line: only the line's start is read.
    const line = text.slice(start, Math.min(end, start + 2 * MAX_SUB_HEADING));
    const ordinal = LINE_ORDINAL.exec(line);
    if (!ordinal && end - start > 2 * MAX_BARE_SUB_HEADING) continue;
    let words: string;
    let wordsStart = start + (ordinal ? ordinal[0].length : 0);
    if (ordinal) {
      // A numbered line: its words up to the first full stop (a heading may run on into its first sentence).
      words = beforeFullStop(line.slice(ordinal[0].length));
      if (words.trim() === '' && i < last) {
        // The ordinal alone on its line, its words on the next: a converter's line wrapping ("(二)" ⏎ "依申请公开情况。…").
        const nextStart = lines.startOf(i + 1);
        const nextEnd = Math.min(lines.endOf(i + 1), one.body.end);
        const next = text.slice(nextStart, Math.min(nextEnd, nextStart + 2 * MAX_SUB_HEADING));
        const lead = next.length - next.trimStart().length;
        words = beforeFullStop(next.slice(lead));
        wordsStart = nextStart + lead;
      }
      if (words.length > MAX_SUB_HEADING) continue;
    } else {
      const trimmed = line.trim();
      if (trimmed.length > MAX_BARE_SUB_HEADING || /[。，,；;]/.test(trimmed)) continue;
      words = trimmed;
    }
    const spec = subsectionOf(normalizeLabel(words), found);
    if (!spec) continue;
    // The heading's span: its ordinal and words, not the sentence that follows on the line.
    const lead = line.length - line.trimStart().length;
    const span = trimSpan(text, { start: start + lead, end: wordsStart + words.length });
    const numeral = ordinal ? (ordinal[1] ?? ordinal[2] ?? ordinal[3]) : undefined;
    add(spec, { span, text: words, numeral, numeralSpan: ordinal && numeral ? { start: span.start, end: start + ordinal[0].trimEnd().length } : undefined });
  }
  return out.sort((a, b) => a.heading.span.start - b.heading.span.start);
}

/** The text before the first "。" (all of it when there is none): split(/[。]/)[0] without the regex and the array. */
function beforeFullStop(s: string): string {
  const stop = s.indexOf('。');
  return stop < 0 ? s : s.slice(0, stop);
}
