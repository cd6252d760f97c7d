// The language server's workspace index (lsp/reportIndex.ts) over stdio: the rules across reports in the editor as
// you type, on the right cell, once last year's report of the unit is in the workspace; this year's open report
// re-diagnosed when last year's changes on disk; closed files' results from Validate All with them; the summary
// view's request, the export (the CLI's formats), a year's aggregate tables and a unit's problems.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspClient } from './lspClient';
import { editLine, lineOf, seedPair, tempDir, tsvCellRange } from './helpers';
import { publishedUriOf } from '../../server/src/shared/constants';
import { documentOf } from '../../scripts/corpus/document';
import { renderDocx } from '../../scripts/corpus/docx';

const carryOver = (ds: readonly Diagnostic[] | undefined) => (ds ?? []).filter((d) => d.code === 'carry-over-mismatch');

/** This year's 二、上年结转·自然人 planted 2 where last year carried 1 forward. */
function plant(now: string): string {
  return editLine(now, '二、上年结转', /^(二、上年结转政府信息公开申请数量\t\t)1/, '$12');
}

interface ViewModel {
  reports: { uri: string; file: string; unit: string | null; unitKey: string | null; year: number | null; errors: number; warnings: number; codes: string[] }[];
  missing: { unit: string; unitKey: string; year: number; lastYear: number; message: string }[];
}

test('cross-year rules in the editor: carry-over-mismatch on this year\'s cell as it is typed, gone when last year\'s report changes on disk; closed files get it from Validate All', async (t) => {
  const root = tempDir('gov-across-');
  const { last, now } = seedPair();
  const planted = plant(now);
  writeFileSync(join(root, '龙亭2022.txt'), last);
  writeFileSync(join(root, '龙亭2023.txt'), planted);
  // Another unit with a 2022 report and none for 2023: a missing report in the summary.
  writeFileSync(join(root, '顺河2022.txt'), last.replace(/龙亭区/g, '顺河回族区'));
  const ws = new LspClient();
  t.after(() => ws.stop());
  await ws.initialize(pathToFileURL(root).toString());
  const [lastUri, nowUri] = ['龙亭2022.txt', '龙亭2023.txt'].map((f) => pathToFileURL(join(root, f)).toString()) as [string, string];

  // Validate All: the closed 2023 report's result has the mismatch, once last year's report is read too.
  const closed = ws.diagnostics(nowUri, (p) => carryOver(p.diagnostics).length === 1);
  const result = (await ws.conn.sendRequest('govReport/validateWorkspace', {})) as { reports: number };
  assert.equal(result.reports, 3);
  const disk = carryOver(await closed);
  const line = lineOf(planted, '二、上年结转');
  assert.deepEqual(disk[0]!.range, tsvCellRange(planted, line, 2), 'on 二、上年结转·自然人, the column planted');
  assert.equal(disk[0]!.severity, 1);
  assert.deepEqual(disk[0]!.relatedInformation!.map((r) => [r.location.uri, r.location.range]), [[lastUri, tsvCellRange(last, lineOf(last, '四、结转下年度'), 2)]]);
  assert.match(String(disk[0]!.message), /^二、上年结转政府信息公开申请数量·自然人为 2，与上年度（2022年度）报告“四、结转下年度继续办理·自然人”的 1 不一致（上年度报告：龙亭2022\.txt）$/);
  assert.equal(carryOver(ws.latest(lastUri)).length, 0, 'last year\'s report says nothing of next year\'s');

  // The summary view's model: each report with its counts (the mismatch counted), the missing report.
  const view = (await ws.conn.sendRequest('govReport/summary')) as ViewModel;
  assert.deepEqual(view.reports.map((r) => [r.file, r.year, r.unitKey]), [['顺河2022.txt', 2022, '顺河回族区政府办公室'], ['龙亭2022.txt', 2022, '龙亭区政府办公室'], ['龙亭2023.txt', 2023, '龙亭区政府办公室']]);
  const row2023 = view.reports[2]!;
  assert.ok(row2023.codes.includes('carry-over-mismatch') && row2023.errors >= 1, JSON.stringify(row2023));
  assert.deepEqual([view.reports[0]!.errors, view.reports[1]!.errors], [0, 0]);
  assert.deepEqual(view.missing.map((m) => [m.unitKey, m.year, m.lastYear]), [['顺河回族区政府办公室', 2023, 2022]]);

  // Open it and type the right number: the mismatch goes as it is typed.
  const opened = await ws.openAndWait(nowUri, planted);
  assert.equal(carryOver(opened).length, 1, 'open, the editor\'s diagnostics have it too');
  const cell = tsvCellRange(planted, line, 2);
  const fixed = ws.diagnostics(nowUri, (p) => p.version === 2);
  await ws.conn.sendNotification('textDocument/didChange', { textDocument: { uri: nowUri, version: 2 }, contentChanges: [{ range: cell, text: '1' }] });
  assert.equal(carryOver(await fixed).length, 0);
  // Typed wrong again: back at once, on the cell.
  const again = ws.diagnostics(nowUri, (p) => p.version === 3);
  await ws.conn.sendNotification('textDocument/didChange', { textDocument: { uri: nowUri, version: 3 }, contentChanges: [{ range: cell, text: '2' }] });
  const typed = carryOver(await again);
  assert.deepEqual(typed.map((d) => d.range), [cell]);

  // Last year's report changed on disk to carry 2 forward for 自然人 (its 总计 left at 1, as this year's is): this
  // year's open report is re-diagnosed without the mismatch.
  const corrected = editLine(last, '四、结转下年度', /\t1\t0\t0\t0\t0\t0\t1/, '\t2\t0\t0\t0\t0\t0\t1');
  assert.notEqual(corrected, last);
  writeFileSync(join(root, '龙亭2022.txt'), corrected);
  const rediagnosed = ws.diagnostics(nowUri, (p) => carryOver(p.diagnostics).length === 0);
  await ws.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lastUri, type: 2 }] });
  await rediagnosed;

  // A unit's problems as text; the export in the CLI's formats; the year's aggregate tables as a report text.
  const problems = (await ws.conn.sendRequest('govReport/unitProblems', { unitKey: '龙亭区政府办公室', year: 2022 })) as { text: string; problems: number };
  assert.match(problems.text, /^龙亭2022\.txt（龙亭区人民政府办公室 2022年度）：错误 1 个，警告 \d+ 个\n/);
  assert.ok(problems.problems >= 1, problems.text);
  assert.match(problems.text, /\n龙亭2022\.txt:\d+:\d+ 错误 \S+ /);
  const csv = (await ws.conn.sendRequest('govReport/summaryExport', { format: 'csv' })) as { content: string };
  assert.ok(csv.content.startsWith('\uFEFF'), 'CSV with a BOM');
  assert.equal(csv.content.split('\r\n').filter(Boolean).length, 1 + 3 + 1, 'a header, three reports, one missing report');
  const json = JSON.parse(((await ws.conn.sendRequest('govReport/summaryExport', { format: 'json' })) as { content: string }).content) as { type: string }[];
  assert.deepEqual(json.map((r) => r.type), ['report', 'report', 'report', 'missing']);
  const aggregate = (await ws.conn.sendRequest('govReport/aggregate', { year: 2022 })) as { text: string } | null;
  assert.match(aggregate!.text, /^2022年政府信息公开工作年度报告（汇总表，2份报告）/);
  assert.equal(await ws.conn.sendRequest('govReport/aggregate', { year: 1999 }), null);
});

test('a Word report is a report of the index: its carry-over mismatch against last year\'s text report lands on its rendered text, and the summary lists it', async (t) => {
  const root = tempDir('gov-across-docx-');
  const { last, now } = seedPair();
  const planted = plant(now);
  writeFileSync(join(root, '龙亭2022.txt'), last);
  // This year's report as the unit publishes it: a Word file (the corpus's writer: real tables, merged headers).
  writeFileSync(join(root, '龙亭2023.docx'), renderDocx(documentOf(planted, '龙亭2023')));
  const ws = new LspClient();
  t.after(() => ws.stop());
  await ws.initialize(pathToFileURL(root).toString());
  const lastUri = pathToFileURL(join(root, '龙亭2022.txt')).toString();
  const docxUri = pathToFileURL(join(root, '龙亭2023.docx')).toString();
  const textUri = publishedUriOf(docxUri);
  const published = ws.diagnostics(textUri, (p) => carryOver(p.diagnostics).length === 1, 30000);
  const result = (await ws.conn.sendRequest('govReport/validateWorkspace', {})) as { reports: number };
  assert.equal(result.reports, 2);
  const [d] = carryOver(await published);
  assert.match(String(d!.message), /^二、上年结转政府信息公开申请数量·自然人为 2，与上年度（2022年度）报告“四、结转下年度继续办理·自然人”的 1 不一致/);
  assert.deepEqual(d!.relatedInformation!.map((r) => r.location.uri), [lastUri]);
  // On the cell of the rendered text: the text the client shows holds "2" there, on the row of 二、上年结转.
  const text = (await ws.conn.sendRequest('govReport/publishedText', { uri: docxUri })) as { ok: boolean; text: string };
  assert.ok(text.ok);
  const lines = text.text.split('\n');
  const row = lines[d!.range.start.line]!;
  assert.match(row, /二、上年结转/);
  assert.equal(row.slice(d!.range.start.character, d!.range.end.character), '2');
  assert.equal(carryOver(ws.latest(docxUri)).length, 0, 'nothing on the .docx file itself');
  const view = (await ws.conn.sendRequest('govReport/summary')) as ViewModel;
  assert.deepEqual(view.reports.map((r) => [r.file, r.year, r.uri]), [['龙亭2022.txt', 2022, lastUri], ['龙亭2023.docx', 2023, docxUri]]);
  assert.ok(view.reports[1]!.codes.includes('carry-over-mismatch'), JSON.stringify(view.reports[1]));
});
