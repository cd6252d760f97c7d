// A table under the wrong part: 表三 pasted under 二's heading, say. Told by the table's own row words in the part's
// body, where the part's own table is not: at least three of them, so a sentence of the prose that names one or two
// is not taken for a table.

import type { MisplacedTable, Part, ReportModel } from './model';
import type { PartId } from './schema';

type TableParts = Pick<ReportModel['tables'], 'activeDisclosure' | 'applications' | 'reviewsAndLawsuits'>;

const ROW_WORDS: Record<2 | 3 | 4, readonly string[]> = {
  2: ['第二十条', '规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费'],
  3: ['本年新收', '上年结转', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '结转下年度'],
  4: ['结果维持', '结果纠正', '其他结果', '尚未审结', '直接起诉', '复议后起诉'],
};

const TABLE_OF: Record<2 | 3 | 4, MisplacedTable['table']> = { 2: 'activeDisclosure', 3: 'applications', 4: 'reviewsAndLawsuits' };

/** How many of the table's row words the text holds. */
function wordsIn(text: string, part: 2 | 3 | 4): number {
  let n = 0;
  for (const w of ROW_WORDS[part]) if (text.includes(w)) n++;
  return n;
}

function hasOwnTable(tables: TableParts, part: 2 | 3 | 4): boolean {
  const t = tables[TABLE_OF[part]];
  if (!t) return false;
  if (t.unparseable) return true;
  return t.id === 'reviewsAndLawsuits' ? t.groups !== undefined : t.rows.size > 0;
}

/** Tables found under a part other than theirs, where that part has no table of its own. */
export function findMisplacedTables(text: string, parts: readonly Part[], tables: TableParts): MisplacedTable[] {
  const out: MisplacedTable[] = [];
  for (const under of [2, 3, 4] as const) {
    if (hasOwnTable(tables, under)) continue;
    const part = parts.find((p) => p.id === under && !p.duplicate);
    if (!part) continue;
    const body = text.slice(part.body.start, Math.min(part.body.end, part.body.start + 20000));
    let best: 2 | 3 | 4 | undefined;
    let bestWords = 2;
    for (const other of [2, 3, 4] as const) {
      if (other === under) continue;
      const n = wordsIn(body, other);
      if (n > bestWords) {
        best = other;
        bestWords = n;
      }
    }
    if (best === undefined) continue;
    // Where it is: the first of its words in the body.
    let at = body.length;
    for (const w of ROW_WORDS[best]) {
      const i = body.indexOf(w);
      if (i >= 0 && i < at) at = i;
    }
    out.push({ table: TABLE_OF[best], under: under as PartId, span: { start: part.body.start + at, end: part.body.start + at } });
  }
  return out;
}
