// The report year: the title, the 统计期限 and the body's "YYYY 年，…" statements must agree. The odd one out is
// flagged — the title when the period or the text say another year — and its fix changes that one.

import type { Collector } from '../check';
import type { YearMention } from '../model';

/**
 * The year the report is about, by the votes of its mentions: the 统计期限 counts twice (it is the year's own
 * definition), the title and each body statement once. A tie goes to the 统计期限, then to the body — a title that
 * says 2023 over a body of "2024 年，…" is the odd one out.
 */
function reportYear(years: readonly YearMention[]): number | undefined {
  const votes = new Map<number, number>();
  const vote = (y: number, n: number) => votes.set(y, (votes.get(y) ?? 0) + n);
  const periods = years.filter((y) => y.source === 'period');
  // A period "YYYY年1月1日至YYYY年12月31日" names the year twice: one vote of two.
  periods.forEach((y, i) => {
    if (i === 0 || y.year !== periods[i - 1]!.year || y.span.start - periods[i - 1]!.span.end > 40) vote(y.year, 2);
  });
  for (const y of years) if (y.source !== 'period') vote(y.year, 1);
  let best: number | undefined;
  let bestVotes = -1;
  const priority = (y: number) => (periods.some((p) => p.year === y) ? 2 : years.some((m) => m.source === 'body' && m.year === y) ? 1 : 0);
  for (const [y, n] of votes) {
    if (n > bestVotes || (n === bestVotes && best !== undefined && priority(y) > priority(best))) {
      best = y;
      bestVotes = n;
    }
  }
  return best;
}

export function checkYears(c: Collector): void {
  const { model, msg } = c;
  const years = model.years;
  if (years.length < 2) return;
  const expected = reportYear(years);
  if (expected === undefined) return;
  for (let i = 0; i < years.length; i++) {
    const y = years[i]!;
    if (y.year === expected) continue;
    // A stale period "2022年1月1日至2022年12月31日" is one fault: said once, over both years, with one fix for both.
    const next = years[i + 1];
    if (y.source === 'period' && next && next.source === 'period' && next.year === y.year && next.span.start - y.span.end <= 40) {
      const span = { start: y.span.start, end: next.span.end };
      const actual = model.text.slice(span.start, span.end);
      const fixed = String(expected) + actual.slice(4, actual.length - 4) + String(expected);
      c.add('year-mismatch', span, msg.yearMismatch(y.year, expected, msg.yearSource(y.source)), { kind: 'replace', expected: fixed, actual });
      i++;
      continue;
    }
    c.add('year-mismatch', y.span, msg.yearMismatch(y.year, expected, msg.yearSource(y.source)), { kind: 'replace', expected: String(expected), actual: String(y.year) });
  }
}
