// The report year: the title, the 统计期限 and the body's "YYYY年，我…" statements must agree. The odd one out is
// flagged: the title when the period and the text agree on another year.

import type { Collector } from '../check';
import { mostCommon } from '../text';

export function checkYears(c: Collector): void {
  const { model, msg } = c;
  const years = model.years;
  if (years.length < 2) return;
  const reportYear = model.year;
  if (reportYear === undefined) return;
  const titleYear = years.find((y) => y.source === 'title')?.year;
  const periodYears = years.filter((y) => y.source === 'period');
  const bodyYears = years.filter((y) => y.source === 'body');
  // A period "YYYY年1月1日至YYYY年12月31日" is one vote, though it names the year twice.
  const periodVotes = periodYears.filter((y, i) => i === 0 || y.year !== periodYears[i - 1]!.year || y.span.start - periodYears[i - 1]!.span.end > 40);
  const others = [...periodVotes, ...bodyYears];
  const majorityOther = mostCommon(others.map((y) => y.year));
  const expected = titleYear !== undefined && majorityOther !== undefined && majorityOther !== titleYear &&
    others.filter((y) => y.year === majorityOther).length >= 2 ? majorityOther : reportYear;
  for (const y of years) {
    if (y.year === expected) continue;
    c.add('year-mismatch', y.span, msg.yearMismatch(y.year, expected, msg.yearSource(y.source)), { kind: 'replace', expected: String(expected), actual: String(y.year) });
  }
}
