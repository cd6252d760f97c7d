// The server's warm-up texts must exercise what real reports do, or the first keystrokes in a real report run
// unoptimised code again (warmUp.ts): every layout, every table, and the irregular cells.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse } from '../../server/src/report';
import { warmUpTexts } from '../../server/src/warmUp';

test('the warm-up texts are reports in every table layout, with all three tables read', () => {
  const layouts = new Set<string>();
  for (const text of warmUpTexts()) {
    const model = parse(text);
    assert.ok(model.isReport);
    const { activeDisclosure: t2, applications: t3, reviewsAndLawsuits: t4 } = model.tables;
    assert.ok(t2 && t2.rows.size >= 6, 'table 2 rows');
    assert.equal(t3?.rows.size, 25, 'table 3 rows');
    assert.ok(t4?.groups, 'table 4');
    layouts.add(t3.layout);
  }
  assert.deepEqual([...layouts].sort(), ['cell-per-line', 'columns', 'pipe', 'tsv']);
});

test('the warm-up texts take the diagnostics paths too: sums that do not hold, blank cells, stated numbers', () => {
  const codes = new Set<string>();
  for (const text of warmUpTexts()) for (const d of check(parse(text))) codes.add(String(d.code));
  for (const code of ['row-sum', 'column-total', 'balance', 'cell-blank', 'text-table-mismatch']) assert.ok(codes.has(code), code);
});
