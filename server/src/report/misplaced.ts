// A table under the wrong part: 表三 pasted under 二's heading, say. Told by the table's own row words in the part's
// body, where the part's own table is not: at least three of them on table-like lines (no sentence punctuation),
// so prose that names the rows ("本年新收申请27件，上年结转0件，予以公开4件") is not taken for a table.

import type { MisplacedTable, Part, ReportModel } from './model';
import type { PartId } from './schema';
import type { Span } from './text';

type TableParts = Pick<ReportModel['tables'], 'activeDisclosure' | 'applications' | 'reviewsAndLawsuits'>;

const ROW_WORDS: Record<2 | 3 | 4, readonly string[]> = {
  2: ['第二十条', '规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费'],
  3: ['本年新收', '上年结转', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '结转下年度'],
  4: ['结果维持', '结果纠正', '其他结果', '尚未审结', '直接起诉', '复议后起诉'],
};

export const TABLE_OF: Record<2 | 3 | 4, MisplacedTable['table']> = { 2: 'activeDisclosure', 3: 'applications', 4: 'reviewsAndLawsuits' };

/** A line of prose, not of a table: it has a sentence's punctuation. */
const SENTENCE = /[，。；,;]/;

/** Each of the table's row words that stands on a table-like line of the body, with where it first does. */
function rowWordsOnTableLines(body: string, part: 2 | 3 | 4): { count: number; first: number } {
  const seen = new Set<string>();
  let first = -1;
  let lineStart = 0;
  while (lineStart < body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = body.length;
    const line = body.slice(lineStart, lineEnd);
    if (!SENTENCE.test(line)) {
      for (const w of ROW_WORDS[part]) {
        const i = line.indexOf(w);
        if (i < 0) continue;
        seen.add(w);
        if (first < 0 || lineStart + i < first) first = lineStart + i;
      }
    }
    lineStart = lineEnd + 1;
  }
  return { count: seen.size, first };
}

/**
 * Whether each of 二、三、四 has its own table: read, or found and unparseable. Each table by its field (a lookup
 * by a computed name, with three table shapes behind it, was slow for a question every report asks).
 */
function ownTables(tables: TableParts): readonly [boolean, boolean, boolean] {
  const { activeDisclosure: two, applications: three, reviewsAndLawsuits: four } = tables;
  return [
    two !== undefined && (two.unparseable !== undefined || two.rows.size > 0),
    three !== undefined && (three.unparseable !== undefined || three.rows.size > 0),
    four !== undefined && (four.unparseable !== undefined || four.groups !== undefined),
  ];
}

const UNDER: readonly (2 | 3 | 4)[] = [2, 3, 4];

/** Tables found under a part other than theirs, where that part has no table of its own. */
export function findMisplacedTables(text: string, parts: readonly Part[], tables: TableParts): MisplacedTable[] {
  const out: MisplacedTable[] = [];
  const own = ownTables(tables);
  // The common case: every part has its table.
  if (own[0] && own[1] && own[2]) return out;
  for (const under of UNDER) {
    if (own[under - 2]) continue;
    const part = parts.find((p) => p.id === under && !p.duplicate);
    if (!part) continue;
    const body = text.slice(part.body.start, Math.min(part.body.end, part.body.start + 20000));
    let best: 2 | 3 | 4 | undefined;
    let bestWords = 2;
    let at = 0;
    for (const other of [2, 3, 4] as const) {
      if (other === under) continue;
      const found = rowWordsOnTableLines(body, other);
      if (found.count > bestWords) {
        best = other;
        bestWords = found.count;
        at = found.first;
      }
    }
    if (best === undefined) continue;
    // Said on the line of its first row word, from that word to the line's end.
    const start = part.body.start + at;
    let end = text.indexOf('\n', start);
    if (end < 0 || end > part.body.end) end = part.body.end;
    const span: Span = { start, end: Math.max(end, start + 1) };
    out.push({ table: TABLE_OF[best], under: under as PartId, span, region: part.body });
  }
  return out;
}
