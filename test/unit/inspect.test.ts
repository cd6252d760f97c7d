// inspect(): what sits at a position — the data the hovers render.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect, parse } from '../../server/src/report';
import { SEEDS, fixture, lineOf, tsvCellRange } from './helpers';

test('a 总计 cell: its row sum and column total with operands, expected and actual', () => {
  const text = fixture(SEEDS.tsv001);
  const model = parse(text);
  const line = lineOf(text, '(七) 总计');
  const range = tsvCellRange(text, line, 8); // (七)总计·总计 = 27
  const info = inspect(model, range.start);
  assert.ok(info && info.kind === 'cell');
  assert.equal(info.cell.row, 'total');
  assert.equal(info.cell.column, 'total');
  assert.equal(info.cell.value, 27);
  const kinds = info.computations.map((c) => c.kind).sort();
  assert.deepEqual(kinds, ['balance', 'column-total', 'row-sum']);
  const rowSum = info.computations.find((c) => c.kind === 'row-sum')!;
  assert.deepEqual(rowSum.operands.map((o) => o.cell.value), [27, 0, 0, 0, 0, 0]);
  assert.equal(rowSum.ok, true);
  const col = info.computations.find((c) => c.kind === 'column-total')!;
  assert.equal(col.operands.length, 21);
  assert.equal(col.expected, 27);
});

test('a cell right after its last digit still counts; a part heading answers with the part', () => {
  const text = fixture(SEEDS.tsv001);
  const model = parse(text);
  const line = lineOf(text, '一、本年新收');
  const range = tsvCellRange(text, line, 2);
  const info = inspect(model, range.end);
  assert.ok(info && info.kind === 'cell' && info.cell.value === 27 && info.cell.column === 'naturalPerson');
  const heading = inspect(model, { line: lineOf(text, '五、存在的主要问题'), character: 2 });
  assert.ok(heading && heading.kind === 'heading' && heading.part.id === 5);
  assert.equal(inspect(model, { line: 0, character: 0 }), undefined);
});
