// The `summary` command, run as a user runs it (node dist/cli.js, built before the tests), and the aggregate
// tables it can add (report/aggregate.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateReportText, checkAggregate, factsOf, parse, sumTableValues, tableValuesOf, certainValue } from '../../server/src/report';
import { PLANTED, ROOT, SEEDS, editLine, fixture, seedPair, tempDir } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function copySeed(seed: string, to: string): void {
  copyFileSync(join(ROOT, 'test', 'fixtures', seed), to);
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

const HEADER_ZH = ['类型', '文件', '单位', '类别', '年度', '格式', '本年新收', '上年结转', '办结（总计）', '结转下年度', '行政复议', '行政诉讼',
  '现行有效规章', '现行有效行政规范性文件', '行政事业性收费（万元）', '发布日期', '错误', '警告', '规则', '说明'];

test('csv: UTF-8 with a BOM, CRLF, a header in the user\'s language, RFC 4180 quoting; a row per report, then the missing ones', () => {
  const dir = tempDir('gov-report-summary-');
  const odd = join(dir, '报告,"甲".txt');
  copySeed(SEEDS.tsv000, odd); // 凤泉区… 2024
  copySeed(SEEDS.tsv001, join(dir, 'b.txt')); // 龙亭区… 2023: no 2024 report
  const r = run('summary', '--format', 'csv', dir);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.startsWith('\uFEFF'));
  assert.ok(r.stdout.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(r.stdout), 'every line ends in CRLF');
  const rows = parseCsv(r.stdout.slice(1));
  assert.deepEqual(rows[0], HEADER_ZH);
  assert.ok(rows.every((row) => row.length === HEADER_ZH.length));
  assert.ok(r.stdout.includes(`,"${dir}/报告,""甲"".txt",`), 'a field with a comma and quotes is quoted, its quotes doubled');
  // Files in the walk's order (b.txt before 报告…), then the missing reports.
  assert.deepEqual(rows.slice(1).map((row) => row.slice(0, 6)), [
    ['报告', join(dir, 'b.txt'), '龙亭区人民政府办公室', '政府部门', '2023', '2021'],
    ['报告', odd, '凤泉区行政审批和政务信息管理局', '政府部门', '2024', '2021'],
    ['缺少报告', '', '龙亭区人民政府办公室', '政府部门', '2024', ''],
  ]);
  // 龙亭 2023: 新收 27, 上年结转 0, 办结 27, 结转 0, 复议 2, 诉讼 1, 规章 0, 行政规范性文件 4, 收费 0; no problem.
  assert.deepEqual(rows[1]!.slice(6, 19), ['27', '0', '27', '0', '2', '1', '0', '4', '0', '', '0', '0', '']);
  assert.deepEqual(rows[3]!.slice(18), ['report-missing', '龙亭区人民政府办公室：有 2023 年度报告，未见 2024 年度报告']);
  const en = parseCsv(run('summary', '--format', 'csv', '--locale', 'en', dir).stdout.slice(1));
  assert.deepEqual(en[0]!.slice(0, 6), ['type', 'file', 'unit', 'kind', 'year', 'format']);
  assert.deepEqual(en[3]!.slice(0, 4), ['missing', '', '龙亭区人民政府办公室', 'department']);
});

test('json: an array of row objects (README documents them); cross-year findings and late publication on the report, with .govreport.json', () => {
  const dir = tempDir('gov-report-summary-');
  const { last, now } = seedPair();
  mkdirSync(join(dir, '2022'));
  mkdirSync(join(dir, '2023'));
  writeFileSync(join(dir, '2022', '龙亭.txt'), last.replace('龙亭区人民政府办公室', '龙亭区政府办公室')); // a 简称 of the same unit
  writeFileSync(join(dir, '2023', '龙亭.txt'), editLine(now, '二、上年结转', /^(二、上年结转政府信息公开申请数量\t\t)1/, '$12'));
  writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ published: { '2023/龙亭.txt': '2024-02-20' } }));
  const r = run('summary', '--format', 'json', dir);
  assert.equal(r.code, 1, r.stderr);
  const rows = JSON.parse(r.stdout);
  assert.ok(Array.isArray(rows));
  assert.deepEqual(rows.map((x: { type: string }) => x.type), ['report', 'report']);
  const [a, b] = rows;
  assert.deepEqual(Object.keys(b), [
    'type', 'file', 'unit', 'unitKey', 'kind', 'year', 'formatYear', 'unitFrom', 'yearFrom', 'newReceived', 'carriedOver', 'handled', 'carriedForward',
    'reviews', 'lawsuits', 'regulationsInForce', 'normativeDocumentsInForce', 'fees', 'published', 'previous', 'errors', 'warnings', 'codes', 'acrossReports',
  ]);
  assert.deepEqual([a.unit, a.unitKey, a.year, a.previous, a.published], ['龙亭区政府办公室', '龙亭区政府办公室', 2022, null, null]);
  assert.deepEqual([b.unit, b.unitKey, b.kind, b.year, b.formatYear, b.previous, b.published], ['龙亭区人民政府办公室', '龙亭区政府办公室', 'department', 2023, 2021, join(dir, '2022', '龙亭.txt'), '2024-02-20']);
  // 上年结转·总计 is still 1: the planted 2 is in 自然人 only, where it breaks this year's own row sum and balance
  // (check's Errors) and last year's carry-over.
  assert.deepEqual([b.newReceived, b.carriedOver, b.handled, b.carriedForward], [27, 1, 27, 1]);
  assert.ok(b.codes.includes('carry-over-mismatch') && b.codes.includes('late-publication'), b.codes.join(' '));
  assert.deepEqual(b.acrossReports.map((d: { code: string }) => d.code), ['carry-over-mismatch', 'late-publication']);
  assert.equal(b.acrossReports[0].relatedInformation[0].location.uri.endsWith('/2022/%E9%BE%99%E4%BA%AD.txt'), true);
  assert.ok(b.errors >= 2 && b.warnings >= 1);
  assert.deepEqual(a.acrossReports, []);
});

test('md: one table (pipes in cells escaped), what the rules across reports found, the missing reports, a closing count', () => {
  const dir = tempDir('gov-report-summary-');
  copySeed(SEEDS.tsvShifted003, join(dir, 'a|b.txt'));
  copySeed(SEEDS.tsv001, join(dir, 'c.txt'));
  const r = run('summary', dir);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], '# 年度报告汇总');
  assert.equal(lines[2], `| ${HEADER_ZH.join(' | ')} |`);
  assert.equal(lines[3], `|${HEADER_ZH.map(() => '---').join('|')}|`);
  assert.ok(lines[4]!.startsWith(`| 报告 | ${dir}/a\\|b.txt | 民权县人和镇人民政府 | 乡镇街道 | 2024 | 2021 |`), lines[4]);
  assert.ok(lines.includes('## 缺少的年度报告'));
  assert.ok(lines.includes('- 龙亭区人民政府办公室：有 2023 年度报告，未见 2024 年度报告'));
  assert.equal(lines.at(-2), '共 2 份年度报告：错误 0 个，警告 0 个；缺少年度报告 1 份');
});

test('--aggregate: each year\'s tables summed into a report in the template\'s layout, checked by the table rules', () => {
  const dir = tempDir('gov-report-summary-');
  for (const seed of [SEEDS.tsv000, SEEDS.cellPerLine002, SEEDS.tsvShifted003, SEEDS.tsvShifted004]) copySeed(seed, join(dir, seed.split('/').pop()!));
  copySeed(PLANTED.totalNaturalPerson26, join(dir, 'planted-2023.txt')); // 龙亭 2023 with （七）总计·自然人 27 written 26
  const r = run('summary', '--format', 'json', '--aggregate', dir);
  assert.equal(r.code, 1, r.stderr);
  const rows = JSON.parse(r.stdout);
  const aggregates = rows.filter((x: { type: string }) => x.type === 'aggregate');
  assert.deepEqual(aggregates.map((a: { year: number; reports: number }) => [a.year, a.reports]), [[2023, 1], [2024, 4]]);
  const [y2023, y2024] = aggregates;
  // 2024: four balanced reports sum to a balanced table; 新收 2 + 1 + 18 + 0.
  assert.deepEqual([y2024.errors, y2024.warnings, y2024.codes], [0, 0, []]);
  assert.deepEqual([y2024.newReceived, y2024.handled, y2024.fees], [21, 21, 2648.52]);
  assert.deepEqual(y2024.tables.applications, { summed: 4, left: [] });
  assert.deepEqual(checkAggregate(y2024.text), []);
  // 2023: the fault of the one report is the sum's fault, found by the same rule on the same cell.
  assert.deepEqual(y2023.codes, ['column-total']);
  assert.equal(y2023.errors, 1);
  assert.match(y2023.diagnostics[0].message, /（七）总计·自然人应为 27（实为 26）/);
  const md = run('summary', '--aggregate', dir).stdout;
  assert.ok(md.includes('## 2024 年度汇总（4 份报告）'));
  assert.ok(md.includes('```text\n2024年政府信息公开工作年度报告（汇总表，4份报告）\n'));
  const csv = parseCsv(run('summary', '--format', 'csv', '--aggregate', dir).stdout.slice(1));
  assert.deepEqual(csv.filter((row) => row[0] === '汇总').map((row) => [row[4], row[6], row[16], row[18]]), [['2023', '27', '1', 'column-total'], ['2024', '21', '0', '']]);
});

test('aggregate: the sum as a report reads back as the sum of the tables, cell by cell', () => {
  const seeds = [SEEDS.tsv000, SEEDS.tsv001, SEEDS.cellPerLine002, SEEDS.tsvShifted003, SEEDS.tsvShifted004].map((s) => tableValuesOf(parse(fixture(s))));
  for (const v of seeds) assert.ok(v.activeDisclosure && v.applications && v.reviewsAndLawsuits);
  const sums = sumTableValues(seeds);
  assert.deepEqual(sums.counts, { activeDisclosure: 5, applications: 5, reviewsAndLawsuits: 5 });
  const text = aggregateReportText(sums, 2024);
  const back = tableValuesOf(parse(text));
  assert.deepEqual([back.activeDisclosure, back.applications, back.reviewsAndLawsuits], [sums.values.activeDisclosure, sums.values.applications, sums.values.reviewsAndLawsuits]);
  const total = (i: number) => seeds.reduce((n, v) => n + v.applications![i]!, 0);
  assert.equal(sums.values.applications![6], total(6)); // 一、本年新收·总计
  assert.deepEqual(checkAggregate(text), []);
  const facts = factsOf(parse(text), '');
  assert.deepEqual([facts.identity.year, certainValue(facts.applications.newReceived.total)], [2024, total(6)]);
  // A table that was not read with certainty is left out of the sum.
  const unread = tableValuesOf(parse(editLine(fixture(SEEDS.tsv001), '予以公开', /\t4\t/, '\t/\t')));
  assert.equal(unread.applications, undefined);
  assert.ok(unread.activeDisclosure && unread.reviewsAndLawsuits);
});

test('.govreport.json that cannot be used is named on stderr, exit 2; usage errors', () => {
  const dir = tempDir('gov-report-summary-');
  copySeed(SEEDS.tsv000, join(dir, 'a.txt'));
  writeFileSync(join(dir, '.govreport.json'), '{"units": ');
  const r = run('summary', '--format', 'csv', dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /配置文件 .*\.govreport\.json 无法使用：不是有效的 JSON/);
  assert.equal(parseCsv(r.stdout.slice(1)).length, 2, 'the summary is still written');
  assert.equal(run('summary', '--format', 'sarif', dir).code, 2);
  assert.equal(run('check', '--aggregate', dir).code, 2);
  assert.equal(run('summary').code, 2);
});

test('published files: summary reads web pages, Word and PDF as check does; a page\'s own date is its publication date unless .govreport.json gives one', () => {
  const dir = tempDir('gov-report-summary-published-');
  const page = readFileSync(join(ROOT, 'test/corpus/published/seed000.html'), 'utf8');
  assert.match(page, /<head[^>]*>/i);
  // 凤泉区行政审批和政务信息管理局, a department's 2024 report: due by 2025-01-31.
  writeFileSync(join(dir, 'late.html'), page.replace(/<head([^>]*)>/i, '<head$1><meta name="PubDate" content="2025-03-10">'));
  writeFileSync(join(dir, 'given.html'), page.replace(/<head([^>]*)>/i, '<head$1><meta name="PubDate" content="2025-03-10">'));
  copyFileSync(join(ROOT, 'test/corpus/published/seed001.pdf'), join(dir, 'seed001.pdf'));
  writeFileSync(join(dir, '.govreport.json'), JSON.stringify({ published: { 'given.html': '2025-01-20' } }));
  const r = run('summary', '--format', 'json', dir);
  assert.equal(r.stderr, '');
  const rows = JSON.parse(r.stdout) as { type: string; file: string; unit: string | null; year: number | null; published: string | null; codes: string[]; newReceived: number | null }[];
  const byName = new Map(rows.filter((x) => x.type === 'report').map((x) => [x.file.split(/[\\/]/).pop()!, x]));
  assert.deepEqual([...byName.keys()].sort(), ['given.html', 'late.html', 'seed001.pdf']);
  assert.equal(byName.get('late.html')!.published, '2025-03-10');
  assert.ok(byName.get('late.html')!.codes.includes('late-publication'), JSON.stringify(byName.get('late.html')));
  assert.equal(byName.get('given.html')!.published, '2025-01-20', 'the user\'s date wins');
  assert.ok(!byName.get('given.html')!.codes.includes('late-publication'));
  assert.deepEqual([byName.get('seed001.pdf')!.unit, byName.get('seed001.pdf')!.year, byName.get('seed001.pdf')!.newReceived], ['龙亭区人民政府办公室', 2023, 27]);
});
