// Each language feature on its own, on small in-memory texts: a report written in the test, a cursor marked with
// "$0" where a position matters (as rust-analyzer's tests do), the expected output spelled out.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, placeholderAfterInsert } from '../../server/src/features/codeActions';
import { preview } from '../../server/src/features/preview';
import { cellAt } from '../../server/src/features/cellAt';
import { PLANTED, fixture, lineOf } from './helpers';
import { check, parse, template } from '../../server/src/report';
import { hover } from '../../server/src/features/hover';
import { documentSymbols, foldingRanges } from '../../server/src/features/outline';
import { codeLenses } from '../../server/src/features/codeLens';
import { mayBeReport, shouldCheck } from '../../server/src/features/detect';
import { zhCN } from '../../server/src/l10n/zh-CN';
import { en } from '../../server/src/l10n/en';

/** The text with its "$0" removed, and the position of the marker. */
function cursor(marked: string): { text: string; position: { line: number; character: number } } {
  const at = marked.indexOf('$0');
  assert.ok(at >= 0, 'the text marks a position with $0');
  const before = marked.slice(0, at).split('\n');
  return { text: marked.slice(0, at) + marked.slice(at + 2), position: { line: before.length - 1, character: before.at(-1)!.length } };
}

/** The 2021 template with 表三's 一、本年新收 and （一）予以公开 rows holding `natural` in 自然人 and 总计. */
function reportWith(rowEdits: Record<string, string>): string {
  let text = template.reportTemplate('某某局', 2024);
  for (const [label, cells] of Object.entries(rowEdits)) {
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes(label));
    assert.ok(i >= 0, label);
    lines[i] = lines[i]!.replace(/(\t0){7}$/, cells);
    text = lines.join('\n');
  }
  return text;
}

test('hover on a 表三 number: the cell\'s name, its value, and every total it takes part in, computed', () => {
  const base = reportWith({ '一、本年新收': '\t3\t0\t0\t0\t0\t0\t3', '（一）予以公开': '\t3\t0\t0\t0\t0\t0\t3', '（七）总计': '\t3\t0\t0\t0\t0\t0\t3' });
  const marked = base.replace(/(（七）总计\t\t)3/, '$1$03');
  const { text, position } = cursor(marked);
  const h = hover(parse(text), position, zhCN)!;
  const value = (h.contents as { value: string }).value;
  assert.match(value, /^\*\*（七）总计·自然人\*\*/);
  assert.match(value, /数值：3/);
  assert.match(value, /- 列合计：（七）总计·自然人 = 3 = 3 ✓/);
  assert.match(value, /- 行合计：（七）总计·总计 = 3 = 3 ✓/);
  assert.match(value, /- 勾稽关系：四、结转下年度继续办理·自然人 = 一 \+ 二 − （七） = 3 − 3 = 0 ✓/);
  assert.equal(h.range!.start.line, position.line);
  // A wrong total shows what the table says, and the problem published on it.
  const wrong = cursor(marked.replace(/(（七）总计\t\t)\$03/, '$1$04'));
  const model = parse(wrong.text);
  const published = check(model, { uri: 'file:///r.txt' });
  const shown = (hover(model, wrong.position, zhCN, { diagnostics: published })!.contents as { value: string }).value;
  assert.match(shown, /（七）总计·自然人 = 3 = 3 ✗（表中为 4）/);
  assert.match(shown, /^\*\*（七）总计·自然人\*\*\n\n✗ 错误：（七）总计·自然人应为 3（实为 4）/);
});

test('hover: the ✓ and ✗ follow the published diagnostics, severity settings included', () => {
  const base = reportWith({ '一、本年新收': '\t3\t0\t0\t0\t0\t0\t3', '（一）予以公开': '\t3\t0\t0\t0\t0\t0\t3', '（七）总计': '\t4\t0\t0\t0\t0\t0\t3' });
  const { text, position } = cursor(base.replace(/(（一）予以公开\t)3/, '$1$03'));
  const model = parse(text);
  const value = (severities: Record<string, 'off' | 'hint' | 'warning'>) => {
    const published = check(model, { uri: 'file:///r.txt', severities });
    return (hover(model, position, zhCN, { diagnostics: published, severities })!.contents as { value: string }).value;
  };
  // On: the column total is ✗ (the fault is （七）总计·自然人, reported there; this cell is one of its operands).
  assert.match(value({}), /- 列合计：（七）总计·自然人 = 3 = 3 ✗（表中为 4）/);
  assert.match(value({}), /- 行合计：（一）予以公开·总计 = 3 = 3 ✓/);
  // Every identity rule off: nothing is published, and nothing is marked ✗.
  const off = value({ 'column-total': 'off', 'row-sum': 'off', balance: 'off' });
  assert.doesNotMatch(off, /✗/);
  assert.match(off, /- 列合计：（七）总计·自然人 = 3 = 3 不成立（该规则已关闭，未报告）/);
  // Only the column total off: the fault is reported under another rule, and the column total is still not ✗.
  const columnOff = value({ 'column-total': 'off' });
  assert.match(columnOff, /- 列合计：.*不成立（该规则已关闭，未报告）/);
  // A hint is still published: ✗.
  assert.match(value({ 'column-total': 'hint' }), /- 列合计：.*✗（表中为 4）/);
});

test('hover on a missing part\'s diagnostic describes the missing part, not the heading it sits on', () => {
  const full = template.reportTemplate('某某局', 2024);
  const five = full.indexOf('五、存在的主要问题及改进情况');
  const six = full.indexOf('六、其他需要报告的事项');
  const text = full.slice(0, five) + full.slice(six);
  const model = parse(text);
  const published = check(model);
  const missing = published.find((d) => d.code === 'section-missing')!;
  const h = hover(model, missing.range.start, zhCN, { diagnostics: published })!;
  const value = (h.contents as { value: string }).value;
  assert.match(value, /^\*\*缺少“五、存在的主要问题及改进情况”部分\*\*\n\n应位于“六、其他需要报告的事项”之前。\n\n如实报告本年度政府信息公开工作存在的主要问题/);
  assert.doesNotMatch(value, /信息处理费/, 'not the requirements of 六, the heading it sits on');
  assert.deepEqual(h.range, missing.range);
  // The diagnostic is an empty range at the start of 六's line; the editor shows it over the heading's first word,
  // so a hover a few characters in answers the same.
  const inWord = hover(model, { line: missing.range.start.line, character: missing.range.start.character + 2 }, zhCN, { diagnostics: published })!;
  assert.match((inWord.contents as { value: string }).value, /^\*\*缺少“五、存在的主要问题及改进情况”部分\*\*/);
  // Without the diagnostic (the rule off), the heading of 六 answers for itself.
  assert.match((hover(model, missing.range.start, zhCN)!.contents as { value: string }).value, /^\*\*六、其他需要报告的事项\*\*/);
});

test('hover on a part heading says what the format requires of the part; in English on request', () => {
  const { text, position } = cursor(template.reportTemplate('某某局', 2024).replace('三、收到和处理', '三、$0收到和处理'));
  const zh = (hover(parse(text), position, zhCN)!.contents as { value: string }).value;
  assert.match(zh, /^\*\*三、收到和处理政府信息公开申请情况\*\*/);
  assert.match(zh, /勾稽关系：第一项加第二项之和，等于第三项加第四项之和/);
  const english = (hover(parse(text), position, en)!.contents as { value: string }).value;
  assert.match(english, /^\*\*Part 3 \(Applications received and handled\)\*\*/);
  assert.equal(hover(parse(text), { line: 0, character: 0 }, zhCN), undefined, 'nothing to say on the title');
});

test('outline: the six parts, the sub-parts of 一 and the three tables; folding per part and table', () => {
  const text = template.reportTemplate('某某局', 2024);
  const model = parse(text);
  const symbols = documentSymbols(model, zhCN);
  assert.deepEqual(symbols.map((s) => s.name), ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
  assert.deepEqual(symbols[0]!.children!.map((c) => c.name), ['（一）主动公开情况', '（二）依申请公开情况', '（三）政府信息管理情况', '（四）政府信息公开平台建设情况', '（五）监督保障情况']);
  assert.deepEqual(symbols.slice(1, 4).map((s) => s.children!.map((c) => c.name)), [['表二 主动公开政府信息情况'], ['表三 收到和处理政府信息公开申请情况'], ['表四 政府信息公开行政复议、行政诉讼情况']]);
  assert.deepEqual(documentSymbols(model, en)[2]!.children!.map((c) => c.name), ['Table 3: applications']);
  const lines = text.split('\n');
  const folds = foldingRanges(model);
  const three = lines.indexOf('三、收到和处理政府信息公开申请情况');
  assert.ok(folds.some((f) => f.startLine === three && f.kind === 'region'), 'part 三 folds');
  assert.ok(folds.some((f) => f.startLine === three + 2 && f.kind === undefined && f.endLine - f.startLine === 27), '表三 folds as a table of 28 lines');
});

test('code lens: counts the diagnostics published on each table, whatever their severity setting; never judges cells itself', () => {
  const text = reportWith({ '（一）予以公开': '\t1\t0\t0\t0\t0\t0\t2' });
  const model = parse(text);
  const all = check(model);
  const titles = (d: Diagnostic[]) => codeLenses(model, d, zhCN).map((l) => l.command!.title);
  assert.deepEqual(titles(all), ['✓ 本表未报告问题（10 个单元格）', '✗ 错误 2 个', '✓ 本表未报告问题（15 个单元格，3 项合计）']);
  // The same text with the arithmetic rules off: the lens follows what is published.
  const quiet = check(model, { severities: { 'row-sum': 'off', 'column-total': 'off', balance: 'off' } });
  assert.deepEqual(titles(quiet), ['✓ 本表未报告问题（10 个单元格）', '✓ 本表未报告问题（175 个单元格，39 项合计）', '✓ 本表未报告问题（15 个单元格，3 项合计）']);
  // Downgraded to warnings: the lens says warnings.
  const warned = check(model, { severities: { 'row-sum': 'warning', 'column-total': 'warning', balance: 'warning' } });
  assert.deepEqual(titles(warned)[1], '✗ 警告 2 个');
  assert.deepEqual(codeLenses(parse('二、主动公开政府信息情况\n无表格'), [], zhCN), []);
  // A table read in part says so first, and how many places were not checked.
  const partModel = parse(reportWith({ '（一）予以公开': '\t1\t0\t0\t0' }));
  const part = check(partModel);
  assert.deepEqual(part.filter((d) => d.code === 'table-partly-read').length, 1);
  assert.deepEqual(codeLenses(partModel, part, zhCN).map((l) => l.command!.title)[1], '⚠ 表格未能完全识别：1 处未核对');
  const partAndBlank = parse(reportWith({ '（一）予以公开': '\t1\t0\t0\t0', '（二）部分公开': '\t/\t0\t0\t0\t0\t0\t0' }));
  assert.deepEqual(codeLenses(partAndBlank, check(partAndBlank), zhCN).map((l) => l.command!.title)[1], '⚠ 表格未能完全识别：1 处未核对 · ✗ 警告 1 个');
});

test('detection: the report language always; plain text and Markdown only when the text is a report', () => {
  const report = template.reportTemplate('某某局', 2024);
  assert.equal(shouldCheck('gov-report', parse('随便写的几行字')), true);
  assert.equal(shouldCheck('plaintext', parse(report)), true);
  assert.equal(shouldCheck('markdown', parse(`# ${report}`)), true);
  assert.equal(shouldCheck('plaintext', parse('2023年报销明细\n差旅费 300 元\n办公用品 120 元')), false);
  assert.equal(shouldCheck('javascript', parse(report)), false);
  assert.equal(mayBeReport('plaintext', 'x'.repeat(100000)), false, 'a large unrelated file is never parsed');
  assert.equal(mayBeReport('markdown', '# 一、总体情况'), true);
});

test('a fix that inserts template text carries the client\'s command to select its first placeholder', () => {
  const full = template.reportTemplate('某某局', 2024);
  const apply = (text: string, edit: TextEdit) => TextDocument.applyEdits(TextDocument.create('x', 'plaintext', 1, text), [edit]);
  const selected = (text: string, range: Range) => {
    const doc = TextDocument.create('x', 'plaintext', 1, text);
    return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
  };
  const fixOf = (text: string, code: string) => {
    const model = parse(text);
    const published = check(model);
    const d = published.find((x) => x.code === code)!;
    const [action] = codeActions(model, published, { uri: 'file:///r.txt', version: 1, range: d.range, revealCommand: 'govReport.revealPlaceholder' }, zhCN);
    const edit = (action!.edit!.documentChanges![0] as { edits: TextEdit[] }).edits[0]!;
    assert.equal(action!.command!.command, 'govReport.revealPlaceholder');
    assert.equal(action!.command!.arguments![0], 'file:///r.txt');
    const after = apply(text, edit);
    return selected(after, action!.command!.arguments![1] as Range);
  };
  // A part: its "（文字描述…）".
  const noFive = full.slice(0, full.indexOf('五、存在的主要问题')) + full.slice(full.indexOf('六、其他需要报告的事项'));
  assert.equal(fixOf(noFive, 'section-missing'), '（文字描述：本年度存在的主要问题，以及改进情况。）');
  // A table: its first number.
  const three = full.indexOf('（本列数据的勾稽关系');
  const noTable = full.slice(0, three) + full.slice(full.indexOf('四、政府信息公开行政复议'));
  assert.equal(fixOf(noTable, 'table-missing'), '0');
  // No placeholder: the cursor at the end of the inserted heading.
  assert.equal(placeholderAfterInsert({ line: 3, character: 2 }, '（一）主动公开情况。\n\n').start.character, 2 + '（一）主动公开情况。'.length);
  assert.deepEqual(placeholderAfterInsert({ line: 3, character: 0 }, '\n\n五、存在的问题\n\n（文字描述）\n'), { start: { line: 7, character: 0 }, end: { line: 7, character: 6 } });
  // Without the client's command (other editors), no command.
  const model = parse(noFive);
  const published = check(model);
  const d = published.find((x) => x.code === 'section-missing')!;
  assert.equal(codeActions(model, published, { uri: 'file:///r.txt', version: 1, range: d.range }, zhCN)[0]!.command, undefined);
});

test('preview: the tables as grids with the format\'s headers; a wrong cell marked with the value required; an unread row greyed; a missing part where it belongs', () => {
  const planted = fixture(PLANTED.totalNaturalPerson26);
  // One value of （二）部分公开 lost (six values for seven columns): that row cannot be read with certainty.
  const lines = planted.split('\n');
  const partly = lines.findIndex((l) => l.includes('(二) 部分公开'));
  lines[partly] = '\t(二) 部分公开\t1\t0\t0\t0\t0\t0';
  const five = lines.findIndex((l) => l.startsWith('五、存在的主要问题'));
  const six = lines.findIndex((l) => l.startsWith('六、其他需要报告的事项'));
  lines.splice(five, six - five);
  const text = lines.join('\n');
  const model = parse(text);
  const published = check(model, { uri: 'file:///r.txt' });
  const p = preview(model, published, zhCN, 'file:///r.txt', 3);
  assert.equal(p.report, true);
  assert.equal(p.version, 3);
  const t3 = p.blocks.find((b) => b.kind === 'table' && b.title.startsWith('表三'));
  assert.ok(t3 && t3.kind === 'table');
  // The official template's merged header cells.
  assert.deepEqual(t3.rows[0]!.map((c) => [c.text.slice(0, 6), c.colspan ?? 1, c.rowspan ?? 1]), [['（本列数据的', 3, 3], ['申请人情况', 7, 1]]);
  assert.deepEqual(t3.rows[1]!.map((c) => [c.text, c.colspan ?? 1, c.rowspan ?? 1]), [['自然人', 1, 2], ['法人或其他组织', 5, 1], ['总计', 1, 2]]);
  assert.deepEqual(t3.rows[2]!.map((c) => c.text), ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  assert.equal(t3.rows.length, 3 + 25);
  // （七）总计: the wrong cell, with the value every identity requires; the others as written.
  const total = t3.rows.find((r) => r.some((c) => c.text === '（七）总计'))!;
  const values = total.filter((c) => !c.header);
  assert.deepEqual(values.map((c) => c.text), ['26', '0', '0', '0', '0', '0', '27']);
  assert.equal(values[0]!.status, 'error');
  assert.equal(values[0]!.expected, '应为 27');
  assert.equal(values[0]!.name, '表三 · （七）总计 · 自然人');
  assert.deepEqual(values[0]!.range!.start, { line: lineOf(text, '(七) 总计'), character: '(七) 总计\t\t'.length });
  assert.equal(values[6]!.status, undefined);
  // The row read without certainty: greyed, with why.
  const unsure = t3.rows.find((r) => r.some((c) => c.text.startsWith('（二）部分公开')))!.filter((c) => !c.header);
  assert.ok(unsure.every((c) => c.status === 'uncertain'), JSON.stringify(unsure));
  assert.match(unsure[0]!.note!, /未能确定识别（数字少于列数）/);
  assert.equal(t3.reading, 'partly-read');
  // 表四: two header rows of merged cells and one row of 15 values.
  const t4 = p.blocks.find((b) => b.kind === 'table' && b.title.startsWith('表四'));
  assert.ok(t4 && t4.kind === 'table');
  assert.deepEqual(t4.rows[0]!.map((c) => [c.text, c.colspan]), [['行政复议', 5], ['行政诉讼', 10]]);
  assert.equal(t4.rows[3]!.length, 15);
  // The missing part: a notice just before 六.
  const at = p.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('六、'));
  const before = p.blocks[at - 1]!;
  assert.equal(before.kind, 'notice');
  assert.match((before as { text: string }).text, /缺少“五、存在的主要问题及改进情况”部分/);
  assert.equal(p.summary, `错误 ${published.filter((d) => d.severity === 1).length} 个，警告 ${published.filter((d) => d.severity === 2).length} 个`);
  // Not a report: nothing but what is published.
  const none = preview(undefined, [], zhCN, 'file:///n.txt', 1);
  assert.equal(none.report, false);
  assert.deepEqual(none.blocks, []);
});

test('the status bar\'s cell: table · row · column', () => {
  const text = fixture(PLANTED.totalNaturalPerson26);
  const model = parse(text);
  const line = lineOf(text, '(七) 总计');
  assert.deepEqual(cellAt(model, { line, character: '(七) 总计\t\t'.length + 1 }, zhCN), { report: true, cell: '表三 · （七）总计 · 自然人' });
  assert.deepEqual(cellAt(model, { line: 0, character: 0 }, zhCN), { report: true });
  assert.equal(cellAt(model, { line: lineOf(text, '(三) 不予公开'), character: text.split('\n')[lineOf(text, '(三) 不予公开')]!.length - 1 }, zhCN).cell, '表三 · （三）不予公开 1.属于国家秘密 · 总计');
  assert.match(cellAt(model, { line, character: '(七) 总计\t\t'.length + 1 }, en).cell!, /^Table 3 · \(7\) total · natural persons$/);
  assert.deepEqual(cellAt(undefined, { line: 0, character: 0 }, zhCN), { report: false });
});
