// The workspace index (lsp/reportIndex.ts) without a connection: reports in and out (from disk, open, closed,
// deleted, retained), the rules across reports read from it (on the right cell, with last year's file), the
// re-diagnosis of this year's open report when last year's changes, and the summary view's model and export.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { messagesFor } from '../../server/src/l10n';
import { check, parse } from '../../server/src/report';
import { ReportIndex } from '../../server/src/lsp/reportIndex';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEEDS, editLine, fixture, lineOf, seedPair, tempDir, tsvCellRange } from './helpers';

const FOLDER = 'file:///virtual/reports';
const uri = (name: string) => `${FOLDER}/${encodeURIComponent(name)}`;
const msg = messagesFor('zh-CN');
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
const carryOver = (ds: readonly Diagnostic[]) => ds.filter((d) => d.code === 'carry-over-mismatch');

function makeIndex(folder = FOLDER) {
  const published = new Map<string, Diagnostic[]>();
  const rediagnosed: string[] = [];
  let changes = 0;
  const index = new ReportIndex({
    workspaceFolders: () => [folder],
    publish: (u, d) => void published.set(u, d),
    rediagnose: (u) => void rediagnosed.push(u),
    changed: () => void changes++,
    log: () => undefined,
  });
  return { index, published, rediagnosed, changes: () => changes };
}

function fromDisk(index: ReportIndex, name: string, text: string): Diagnostic[] {
  const model = parse(text);
  return index.fromDisk(uri(name), model, check(model), {});
}

const plant = (now: string) => editLine(now, '二、上年结转', /^(二、上年结转政府信息公开申请数量\t\t)1/, '$12');

test('index: a closed report gets carry-over-mismatch once last year\'s is in; the summary counts it; a deletion takes it back', async (t) => {
  const { index, published, changes } = makeIndex();
  t.after(() => index.dispose());
  const { last, now } = seedPair();
  const planted = plant(now);
  // This year's report first: nothing to compare with yet.
  assert.equal(carryOver(fromDisk(index, '龙亭2023.txt', planted)).length, 0);
  fromDisk(index, '龙亭2022.txt', last);
  await settle();
  assert.ok(changes() >= 1, 'the view is told');
  const found = carryOver(published.get(uri('龙亭2023.txt')) ?? []);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]!.range, tsvCellRange(planted, lineOf(planted, '二、上年结转'), 2));
  assert.equal(found[0]!.relatedInformation![0]!.location.uri, uri('龙亭2022.txt'));
  assert.ok(found[0]!.codeDescription?.href.endsWith('#carry-over-mismatch'), 'linked to its rule');
  assert.equal(published.has(uri('龙亭2022.txt')), false, 'last year\'s report unchanged: not published again');

  const view = index.view(msg);
  assert.deepEqual(view.reports.map((r) => [r.file, r.year, r.codes.includes('carry-over-mismatch')]), [['龙亭2022.txt', 2022, false], ['龙亭2023.txt', 2023, true]]);
  const own = check(parse(planted)).filter((d) => d.severity === 1).length;
  assert.equal(view.reports[1]!.errors, own + 1, 'its own errors and the mismatch');
  assert.deepEqual(view.missing, []);

  // Last year's report deleted: this year's loses the mismatch, and 2022's unit has no report missing (it has 2023).
  index.forget(uri('龙亭2022.txt'));
  await settle();
  assert.equal(carryOver(published.get(uri('龙亭2023.txt'))!).length, 0);
  assert.deepEqual(index.view(msg).reports.map((r) => r.file), ['龙亭2023.txt']);
});

test('index: an open report reads last year\'s from the index as it is typed; last year\'s change re-diagnoses it; closing it leaves its disk entry', async (t) => {
  const { index, rediagnosed, changes } = makeIndex();
  t.after(() => index.dispose());
  const { last, now } = seedPair();
  fromDisk(index, '龙亭2022.txt', last);
  fromDisk(index, '龙亭2023.txt', now);
  await settle();
  const openWith = (text: string) => {
    const model = parse(text);
    return index.openAnalysis(uri('龙亭2023.txt'), model, check(model), {});
  };
  assert.deepEqual(carryOver(openWith(now)), [], 'balanced: nothing');
  const planted = plant(now);
  const typed = carryOver(openWith(planted));
  assert.deepEqual(typed.map((d) => d.range), [tsvCellRange(planted, lineOf(planted, '二、上年结转'), 2)]);
  await settle();
  // A keystroke elsewhere (the mismatch stands): still there, as found before; the view, whose counts are as they
  // were, is not asked to redraw.
  const told = changes();
  const elsewhere = planted.replace('一、总体情况', '一、总体情况 ');
  assert.notEqual(elsewhere, planted);
  assert.deepEqual(carryOver(openWith(elsewhere)).map((d) => d.range), typed.map((d) => d.range));
  await settle();
  assert.equal(changes(), told);
  // The same analysis asked again: the same array (one Analysis per version).
  const model = parse(planted);
  const own = check(model);
  const first = index.openAnalysis(uri('龙亭2023.txt'), model, own, {});
  assert.equal(index.openAnalysis(uri('龙亭2023.txt'), model, own, {}), first);
  // Last year's report changes on disk to carry 2 forward for 自然人: the open report is re-diagnosed, then clean.
  rediagnosed.length = 0;
  fromDisk(index, '龙亭2022.txt', editLine(last, '四、结转下年度', /\t1\t0\t0\t0\t0\t0\t1/, '\t2\t0\t0\t0\t0\t0\t1'));
  await settle();
  assert.deepEqual(rediagnosed, [uri('龙亭2023.txt')]);
  assert.deepEqual(carryOver(index.openAnalysis(uri('龙亭2023.txt'), model, own, {})), []);
  // Not a report any more (everything deleted in the editor): out of the index until closed; then the disk's stands.
  index.openAnalysis(uri('龙亭2023.txt'), undefined, [], {});
  assert.deepEqual(index.reports().map((r) => r.file), ['龙亭2022.txt', '龙亭2023.txt'], 'the disk entry stands for it');
  index.closed(uri('龙亭2023.txt'));
  assert.equal(index.size, 2);
  // An untitled document (a draft, the aggregate opened from the view) is no report of the index.
  const draft = parse(planted);
  index.openAnalysis('untitled:Untitled-1', draft, check(draft), {});
  assert.deepEqual(index.reports().map((r) => r.uri), [uri('龙亭2022.txt'), uri('龙亭2023.txt')]);
});

test('index: Validate All retains only the files it checked; the export is the CLI\'s CSV; a unit\'s problems as text; report-missing', async (t) => {
  const { index } = makeIndex();
  t.after(() => index.dispose());
  const { last, now } = seedPair();
  fromDisk(index, '龙亭2022.txt', last);
  fromDisk(index, '龙亭2023.txt', now);
  fromDisk(index, '顺河2022.txt', last.replace(/龙亭区/g, '顺河回族区'));
  fromDisk(index, 'old/gone.txt', now);
  index.retain(new Set([uri('龙亭2022.txt'), uri('龙亭2023.txt'), uri('顺河2022.txt')]));
  await settle();
  const view = index.view(msg);
  assert.deepEqual(view.reports.map((r) => r.file), ['顺河2022.txt', '龙亭2022.txt', '龙亭2023.txt']);
  assert.deepEqual(view.missing.map((m) => [m.unit, m.year]), [['顺河回族区人民政府办公室', 2023]]);
  const csv = index.export('csv', false, msg);
  assert.ok(csv.startsWith('\uFEFF类型,文件,单位'), csv.slice(0, 40));
  assert.equal(csv.split('\r\n').filter(Boolean).length, 5);
  const md = index.export('md', true, msg);
  assert.match(md, /^# /);
  assert.match(md, /```text\n2022年政府信息公开工作年度报告（汇总表，2份报告）/);
  const problems = index.unitProblems('顺河回族区政府办公室', 2023, msg);
  assert.equal(problems.problems, 0);
  assert.match(problems.text, /顺河回族区人民政府办公室/, 'the missing report is in the unit\'s list');
  const all = index.unitProblems('龙亭区政府办公室', undefined, msg);
  assert.match(all.text, /^龙亭2022\.txt（龙亭区人民政府办公室 2022年度）：错误 0 个，警告 \d+ 个\n龙亭2022\.txt:\d+:\d+ 警告 /);
  assert.match(all.text, /\n\n龙亭2023\.txt（龙亭区人民政府办公室 2023年度）：/);
});

test('index: late-publication where .govreport.json dates a report, on its title; the file\'s path is relative to its workspace folder', async (t) => {
  const root = tempDir('gov-index-config-');
  const folder = pathToFileURL(root).toString();
  writeFileSync(join(root, '.govreport.json'), JSON.stringify({ published: { 'late.txt': '2024-03-08', 'on-time.txt': '2024-01-20' } }));
  const { index, published } = makeIndex(folder);
  t.after(() => index.dispose());
  const text = fixture(SEEDS.tsv001); // 龙亭区人民政府办公室, a department: its 2023 report is due by 2024-01-31
  for (const name of ['late.txt', 'on-time.txt']) {
    const model = parse(text);
    index.fromDisk(`${folder}/${name}`, model, check(model), {});
  }
  await settle();
  const late = (published.get(`${folder}/late.txt`) ?? []).filter((d) => d.code === 'late-publication');
  assert.equal(late.length, 1);
  assert.equal(late[0]!.range.start.line, lineOf(text, '龙亭区人民政府办公室'));
  assert.equal(late[0]!.message, '发布日期 2024年3月8日晚于法定期限 2024年1月31日（《条例》第四十九条：政府部门应于每年1月31日前公布上一年度报告）');
  assert.equal(published.has(`${folder}/on-time.txt`), false, 'published in time: nothing to add');
  assert.deepEqual(index.reports().map((r) => r.file), ['late.txt', 'on-time.txt']);
});
