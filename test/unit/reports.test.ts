// The real reports: the seeds, 淮安 (pdftotext) and the 2019/2020 reports balance, so they must give no Error;
// the warnings they do get are pinned here, each one a real fault of the report.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/report';
import { PLANTED, REAL, SEEDS, codes, diagnose, errors, fixture, find, needShared } from './helpers';

for (const [name, path] of Object.entries(SEEDS)) {
  test(`${name}: no Error-severity diagnostic`, () => {
    const diags = diagnose(fixture(path));
    assert.deepEqual(errors(diags).map((d) => `${d.code} ${d.message}`), []);
  });
}

test('seed 000, 001, 003: clean', () => {
  for (const p of [SEEDS.tsv000, SEEDS.tsv001, SEEDS.tsvShifted003]) assert.deepEqual(codes(diagnose(fixture(p))), [], p);
});

test('seed 002: the only warning is part 六 jumping from (一) to (三)', () => {
  const diags = diagnose(fixture(SEEDS.cellPerLine002));
  assert.deepEqual(codes(diags), ['numbering']);
  assert.equal(diags[0]!.range.start.line, 358);
  assert.match(diags[0]!.message, /应为“（二）”/);
});

test('seed 004: "集中公开现行有效文件 44 件" contradicts 表二 现行有效件数 0', () => {
  const diags = diagnose(fixture(SEEDS.tsvShifted004));
  assert.deepEqual(codes(diags), ['text-table-mismatch']);
  const text = fixture(SEEDS.tsvShifted004);
  const line = text.split('\n')[diags[0]!.range.start.line]!;
  assert.equal(line.slice(diags[0]!.range.start.character, diags[0]!.range.end.character), '44');
});

test('淮安 2024 (pdftotext): every table read, text agrees with tables, no diagnostics', (t) => {
  const [text] = needShared(t, REAL.pdftotext008) ?? [];
  if (text === undefined) return;
  const model = parse(text);
  assert.equal(model.year, 2024);
  assert.equal(model.unit, '淮安市人民政府');
  const t3 = model.tables.applications!;
  assert.equal(t3.layout, 'columns');
  assert.equal(t3.rows.size, 25);
  assert.equal(t3.rows.get('total')!.cells.total.value, 3050);
  assert.equal(t3.rows.get('otherHandling.noCorrection')!.cells.total.value, 71);
  assert.equal(t3.rows.get('notHandled.confirmation')!.cells.total.value, 1);
  assert.equal(model.tables.activeDisclosure!.rows.get('fees')!.cells['本年收费金额（单位：万元）']!.value, 96171.6);
  assert.equal(model.tables.reviewsAndLawsuits!.groups!.get('suitAfterReview')!.total.value, 20);
  assert.deepEqual(model.statements.map((s) => `${s.kind}=${s.value}`), [
    'applicationsReceived=3119', 'applicationsHandled=3050', 'applicationsCarriedOver=34', 'applicationsCarriedForward=103', 'reviews=351', 'lawsuits=46',
  ]);
  assert.deepEqual(codes(diagnose(text)), []);
});

test('上海 2019 (2019 format, correct for 2019): blanks are warnings, "均获维持" with 3 pending is flagged, no old-template', (t) => {
  const [shanghai] = needShared(t, REAL.shanghai2019) ?? [];
  if (shanghai === undefined) return;
  const diags = diagnose(shanghai);
  assert.equal(find(diags, 'old-template').length, 0);
  assert.ok(find(diags, 'cell-blank').length > 50);
  const upheld = find(diags, 'text-table-mismatch');
  assert.equal(upheld.length, 1);
  assert.match(upheld[0]!.message, /均获维持.*尚未审结 3 件/);
  assert.equal(parse(shanghai).tables.activeDisclosure!.format, 2019);
});

test('平潭 2020 (flattened web text): tables are unparseable, nothing is computed from them', (t) => {
  const [text] = needShared(t, REAL.pingtan2020) ?? [];
  if (text === undefined) return;
  const diags = diagnose(text);
  assert.equal(find(diags, 'table-unparseable').length, 3);
  for (const code of ['row-sum', 'column-total', 'balance', 'cell-blank', 'cell-invalid']) assert.equal(find(diags, code).length, 0, code);
});

test('平潭 2021–2025: parts found inside the flattened line; 2022 "行政法复议" and 2023 "一是…三是…三是" flagged', (t) => {
  const years = ['003_pingtan_2021', '004_pingtan_2022', '005_pingtan_2023', '006_pingtan_2024', '007_pingtan_2025'];
  const texts = needShared(t, ...years.map((y) => `real/${y}.txt`));
  if (!texts) return;
  const p2022 = diagnose(texts[1]!);
  assert.equal(find(p2022, 'section-heading-variant').length, 1);
  assert.match(find(p2022, 'section-heading-variant')[0]!.message, /行政法复议/);
  const p2023 = diagnose(texts[2]!);
  assert.deepEqual(find(p2023, 'numbering').map((d) => d.message), ['序号不连续：应为“二是”，实为“三是”', '序号不连续：应为“四是”，实为“三是”']);
  years.forEach((year, i) => {
    const model = parse(texts[i]!);
    assert.deepEqual(model.parts.map((p) => p.id), [1, 2, 3, 4, 5, 6], year);
    assert.equal(errors(diagnose(texts[i]!)).length, 0, year);
  });
});

test('宿迁 2023 vs 2024 side-by-side comparison: not checked as one report', (t) => {
  const [text] = needShared(t, REAL.suqianSideBySide) ?? [];
  if (text === undefined) return;
  const model = parse(text);
  assert.equal(model.isReport, false);
  assert.equal(model.notReportReason, 'side-by-side');
});

test('derived 平潭 2020 tables: the 自然人 and 总计 column totals both fail by 6 while every row and balance holds: no one cell explains it, said once', (t) => {
  const [text] = needShared(t, REAL.derivedPingtan2020) ?? [];
  if (text === undefined) return;
  const arithmetic = diagnose(text, { uri: 'file:///d002.txt' }).filter((d) => ['row-sum', 'column-total', 'balance'].includes(String(d.code)));
  assert.equal(arithmetic.length, 1);
  assert.match(arithmetic[0]!.message, /^表三有 2 项合计不成立，且无法由改正某一个单元格全部解释/);
  assert.deepEqual(arithmetic[0]!.relatedInformation!.map((r) => r.message), [
    '列合计不成立：（七）总计·自然人为 20，各项之和为 26（6 + 6 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 4 + 0 + 3 + 0 + 3 + 0 + 0 + 0 + 4 + 0 + 0）',
    '列合计不成立：（七）总计·总计为 21，各项之和为 27（7 + 6 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 4 + 0 + 3 + 0 + 3 + 0 + 0 + 0 + 4 + 0 + 0）',
  ]);
  assert.equal((arithmetic[0]!.data as { kind: string }).kind, 'info', 'no value fix');
});

test('derived tables of reports whose numbers balance: no arithmetic diagnostics', (t) => {
  const names = ['D003_pingtan_2021', 'D004_pingtan_2022', 'D005_pingtan_2023', 'D006_pingtan_2024', 'D007_pingtan_2025', 'D008_huaian_2024', 'D010a_suqian_2023', 'D010b_suqian_2024'];
  const texts = needShared(t, ...names.map((f) => `derived/${f}_tables.tsv.txt`));
  if (!texts) return;
  for (const [i, f] of names.entries()) {
    const diags = diagnose(texts[i]!);
    const arithmetic = diags.filter((d) => ['row-sum', 'column-total', 'balance', 'cell-invalid', 'cell-blank', 'table-row-missing'].includes(String(d.code)));
    assert.deepEqual(arithmetic.map((d) => d.message), [], f);
  }
});

test('English messages on request', () => {
  const diags = diagnose(fixture(PLANTED.totalNaturalPerson26), { locale: 'en' });
  assert.deepEqual(find(diags, 'column-total').map((d) => d.message), ['Table 3 (7) total · natural persons should be 27 (found 26): the row total, column total and balance all require 27']);
});
